#include "redistestsupport.h"
#include "sources/redis/redisconnection.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using RedisTest::ScriptedServer;
using Sightline::RedisConnection;
using Sightline::RedisError;
using Sightline::RedisUrl;
using Sightline::RespValue;

namespace {
const char *kindName(RedisError::Kind kind)
{
    switch (kind) {
    case RedisError::Kind::None:
        return "None";
    case RedisError::Kind::Connection:
        return "Connection";
    case RedisError::Kind::Rejected:
        return "Rejected";
    case RedisError::Kind::Refused:
        return "Refused";
    case RedisError::Kind::Timeout:
        return "Timeout";
    case RedisError::Kind::Cancelled:
        return "Cancelled";
    case RedisError::Kind::Protocol:
        return "Protocol";
    case RedisError::Kind::Server:
        return "Server";
    }
    return "?";
}

QByteArray describe(const RedisError &error)
{
    return QByteArray(kindName(error.kind)) + ": " + error.message.toUtf8();
}

RedisUrl localUrl(quint16 port, int timeoutMs)
{
    RedisUrl url = RedisUrl::parse(u"redis://127.0.0.1:%1/0"_s.arg(port));
    url.timeoutMs = timeoutMs;
    return url;
}
} // namespace

class TestRedisConnection : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QString m_readerUrl;
    quint16 m_port = 0;

    // Runs a blocking client call on another thread while this one serves the scripted server.
    RedisError runOffThread(RedisConnection &connection, const QList<QByteArray> &command, qint64 *elapsedMs,
                            int waitMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        QFuture<RedisError> future = QtConcurrent::run([&connection, command] {
            RespValue reply;
            RedisError error = connection.command(command, reply);
            connection.close(); // the socket was made on this thread
            return error;
        });
        QElapsedTimer waited;
        waited.start();
        while (!future.isFinished() && waited.elapsed() < waitMs)
            QTest::qWait(10);
        *elapsedMs = clock.elapsed();
        if (!future.isFinished()) {
            connection.interrupt();
            future.waitForFinished();
            return {RedisError::Kind::None, u"still running"_s};
        }
        return future.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        m_readerUrl = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_READER_URL");
        if (m_url.isEmpty() || m_readerUrl.isEmpty())
            QFAIL("SIGHTLINE_TEST_REDIS_URL / _READER_URL are not set: run the tests through scripts/test "
                  "(or scripts/lib/redis.sh ctest -L redis)");
        m_port = quint16(QUrl(m_url).port());
        QVERIFY(m_port != 0);
    }

    void pingsAndPipelines()
    {
        RedisConnection connection(RedisUrl::parse(m_url));
        const RedisError opened = connection.open();
        QVERIFY2(!opened.isError(), describe(opened).constData());
        RespValue pong;
        QVERIFY(!connection.command({"PING"}, pong).isError());
        QCOMPARE(pong.data, QByteArray("PONG"));
        QList<RespValue> replies;
        const RedisError error =
            connection.pipeline({{"PING"}, {"DBSIZE"}, {"GET", "no-such-key-x"}}, replies);
        QVERIFY2(!error.isError(), describe(error).constData());
        QCOMPARE(replies.size(), 3);
        QCOMPARE(replies.at(1).type, RespValue::Type::Integer);
        QVERIFY(replies.at(2).isNull());
    }

    void logsInWithUserAndPassword()
    {
        RedisConnection connection(RedisUrl::parse(m_readerUrl));
        const RedisError opened = connection.open();
        QVERIFY2(!opened.isError(), describe(opened).constData());
        RespValue pong;
        QVERIFY(!connection.command({"PING"}, pong).isError());
        QCOMPARE(pong.data, QByteArray("PONG"));
    }

    void wrongPasswordIsRefusedInTheServersWords()
    {
        RedisUrl url = RedisUrl::parse(m_readerUrl);
        url.password = u"wrong-password"_s;
        RedisConnection connection(url);
        const RedisError opened = connection.open();
        QCOMPARE(kindName(opened.kind), "Rejected");
        QVERIFY2(opened.message.contains(u"WRONGPASS"_s), describe(opened).constData());
        QVERIFY2(!opened.message.contains(u"wrong-password"_s), "the message must not show the password");
        QVERIFY(!connection.isOpen());
    }

    void selectsTheDatabaseIndex()
    {
        const QByteArray key = "sightline-test:db-index";
        QCOMPARE(RedisTest::cli(m_port, {u"-n"_s, u"3"_s, u"SET"_s, QString::fromLatin1(key), u"in-db-3"_s}),
                 QByteArray("OK"));
        RedisUrl url = RedisUrl::parse(m_url);
        url.db = 3;
        RedisConnection inDb3(url);
        RespValue value;
        QVERIFY(!inDb3.command({"GET", key}, value).isError());
        QCOMPARE(value.data, QByteArray("in-db-3"));
        RedisConnection inDb0(RedisUrl::parse(m_url));
        QVERIFY(!inDb0.command({"GET", key}, value).isError());
        QVERIFY(value.isNull());

        url.db = 999;
        RedisConnection outOfRange(url);
        const RedisError opened = outOfRange.open();
        QCOMPARE(kindName(opened.kind), "Rejected");
        QVERIFY2(opened.message.contains(u"out of range"_s), describe(opened).constData());
        RedisTest::cli(m_port, {u"-n"_s, u"3"_s, u"DEL"_s, QString::fromLatin1(key)});
    }

    void policyRefusesWritesBeforeTheSocket()
    {
        const QByteArray key = "sightline-test:must-not-exist";
        RedisConnection connection(RedisUrl::parse(m_url));
        QVERIFY(!connection.open().isError());
        RespValue reply;
        const RedisError error = connection.command({"SET", key, "x"}, reply);
        QCOMPARE(kindName(error.kind), "Refused");
        QVERIFY2(error.message.contains(u"SET"_s), describe(error).constData());
        // Nothing of a refused pipeline is sent, not even its allowed commands.
        QList<RespValue> replies;
        QCOMPARE(kindName(connection.pipeline({{"PING"}, {"DEL", key}}, replies).kind), "Refused");
        QVERIFY(replies.isEmpty());
        QCOMPARE(RedisTest::cli(m_port, {u"EXISTS"_s, QString::fromLatin1(key)}), QByteArray("0"));
        // The connection is still usable afterwards.
        QVERIFY(!connection.command({"PING"}, reply).isError());
        QCOMPARE(reply.data, QByteArray("PONG"));
    }

    void refusedConnection()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        RedisConnection connection(localUrl(port, 2000));
        const RedisError error = connection.open();
        QCOMPARE(kindName(error.kind), "Connection");
        QVERIFY2(error.message.contains(u"refused"_s, Qt::CaseInsensitive), describe(error).constData());
    }

    void misbehavingServers_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("drops the connection")
            << int(ScriptedServer::Behaviour::CloseAtOnce) << u"Connection"_s << u"closed the connection"_s;
        QTest::newRow("drops in the middle of a reply")
            << int(ScriptedServer::Behaviour::HalfReply) << u"Connection"_s << u"closed the connection"_s;
        QTest::newRow("answers in HTTP")
            << int(ScriptedServer::Behaviour::Garbage) << u"Protocol"_s << u"not a RESP reply"_s;
        QTest::newRow("never answers")
            << int(ScriptedServer::Behaviour::Silent) << u"Timeout"_s << u"did not answer within 300 ms"_s;
    }
    void misbehavingServers()
    {
        QFETCH(int, behaviour);
        QFETCH(QString, kind);
        QFETCH(QString, messagePart);
        ScriptedServer server(static_cast<ScriptedServer::Behaviour>(behaviour));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        RedisConnection connection(localUrl(server.serverPort(), 300));
        qint64 elapsed = 0;
        const RedisError error = runOffThread(connection, {"PING"}, &elapsed);
        QCOMPARE(QString::fromLatin1(kindName(error.kind)), kind);
        QVERIFY2(error.message.contains(messagePart), describe(error).constData());
        QVERIFY2(elapsed < 5000, QByteArray::number(elapsed).constData());
    }

    void interruptStopsAWaitLongBeforeTheTimeout()
    {
        ScriptedServer server(ScriptedServer::Behaviour::Silent);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        RedisConnection connection(localUrl(server.serverPort(), 60000));
        QTimer::singleShot(300, [&connection] { connection.interrupt(); });
        qint64 elapsed = 0;
        const RedisError error = runOffThread(connection, {"PING"}, &elapsed, 10000);
        QCOMPARE(kindName(error.kind), "Cancelled");
        QVERIFY2(elapsed < 2000, QByteArray::number(elapsed).constData());
        // After clearInterrupt() the same connection works again against a real server.
        RedisConnection real(RedisUrl::parse(m_url));
        real.interrupt();
        RespValue reply;
        QCOMPARE(kindName(real.command({"PING"}, reply).kind), "Cancelled");
        real.clearInterrupt();
        QVERIFY(!real.command({"PING"}, reply).isError());
    }
};

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
