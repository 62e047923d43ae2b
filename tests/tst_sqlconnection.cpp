#include "sources/sqlconnection.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QtConcurrent>

#include <memory>

using namespace Qt::StringLiterals;
using Sightline::SqlConnection;
using Sightline::SqlError;
using Sightline::SqliteMode;
using Sightline::SqlResult;

Q_DECLARE_METATYPE(Sightline::SqlDialect)

namespace {

const char *kindName(SqlError::Kind kind)
{
    switch (kind) {
    case SqlError::Kind::None:
        return "None";
    case SqlError::Kind::Connection:
        return "Connection";
    case SqlError::Kind::Rejected:
        return "Rejected";
    case SqlError::Kind::Query:
        return "Query";
    case SqlError::Kind::Cancelled:
        return "Cancelled";
    case SqlError::Kind::Busy:
        return "Busy";
    case SqlError::Kind::Corrupt:
        return "Corrupt";
    }
    return "?";
}

QByteArray describe(const SqlError &error)
{
    return QByteArray(kindName(error.kind)) + ": " + error.message.toUtf8();
}

using Sightline::TestSupport::SilentServer;

} // namespace

class TestSqlConnection : public QObject
{
    Q_OBJECT

private:
    QString m_adminUrl;
    quint16 m_port = 0;
    std::unique_ptr<QTemporaryDir> m_dir;

    // A connection of either dialect with a scratch table `t(id, txt, num)`.
    std::unique_ptr<SqlConnection> openScratch(Sightline::SqlDialect dialect)
    {
        std::unique_ptr<SqlConnection> conn;
        if (dialect == Sightline::SqlDialect::PostgreSQL) {
            conn = Sightline::createPostgresConnection(m_adminUrl, false);
        } else {
            conn = Sightline::createSqliteConnection(m_dir->filePath(u"scratch.db"_s), SqliteMode::Create);
        }
        const SqlError opened = conn->open();
        if (opened.isError()) {
            qWarning("open failed: %s", describe(opened).constData());
            return nullptr;
        }
        const QString create =
            dialect == Sightline::SqlDialect::PostgreSQL
                ? u"SET client_min_messages = warning; DROP TABLE IF EXISTS scratch_t; "
                  "CREATE TABLE scratch_t(id INTEGER, txt TEXT, num DOUBLE PRECISION)"_s
                : u"DROP TABLE IF EXISTS scratch_t; CREATE TABLE scratch_t(id INTEGER, txt TEXT, num REAL)"_s;
        const SqlResult r = conn->exec(create);
        if (!r.ok()) {
            qWarning("create failed: %s", describe(r.error).constData());
            return nullptr;
        }
        return conn;
    }

    static void addDialects()
    {
        QTest::addColumn<Sightline::SqlDialect>("dialect");
        QTest::newRow("sqlite") << Sightline::SqlDialect::SQLite;
        QTest::newRow("postgres") << Sightline::SqlDialect::PostgreSQL;
    }

    QString urlFor(const QString &user, const QString &password, const QString &db) const
    {
        QString url = u"postgresql://"_s + user;
        if (!password.isEmpty())
            url += u':' + password;
        return url + u"@127.0.0.1:"_s + QString::number(m_port) + u'/' + db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_adminUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_ADMIN_URL");
        if (m_adminUrl.isEmpty())
            QFAIL("SIGHTLINE_TEST_POSTGRES_ADMIN_URL is not set: run the tests through scripts/test");
        m_port = quint16(QUrl(m_adminUrl).port());
        QVERIFY2(m_port != 0, qPrintable(m_adminUrl));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void roundTripsParameters_data()
    {
        QTest::addColumn<Sightline::SqlDialect>("dialect");
        QTest::addColumn<QString>("text");
        const QList<QPair<const char *, QString>> texts{
            {"single quote", u"it's"_s},
            {"double quote", u"say \"hi\""_s},
            {"sql injection", u"'); DROP TABLE scratch_t; --"_s},
            {"percent and underscore", u"100% _done_"_s},
            {"backslash", u"C:\\path\\n"_s},
            {"unicode", u"naïve → 数据 🚀"_s},
            {"empty", u""_s},
            {"newlines and tabs", u"a\nb\tc\r\n"_s},
            {"dollar quoting", u"$$ $1 $tag$"_s},
        };
        for (const auto &dialect : {Sightline::SqlDialect::SQLite, Sightline::SqlDialect::PostgreSQL}) {
            for (const auto &[name, text] : texts) {
                QTest::addRow("%s/%s", dialect == Sightline::SqlDialect::SQLite ? "sqlite" : "postgres", name)
                    << dialect << text;
            }
        }
    }
    void roundTripsParameters()
    {
        QFETCH(Sightline::SqlDialect, dialect);
        QFETCH(QString, text);
        auto conn = openScratch(dialect);
        QVERIFY(conn);
        const SqlResult insert = conn->exec(u"INSERT INTO scratch_t(id, txt) VALUES (%1, %2)"_s.arg(
                                                conn->placeholder(1), conn->placeholder(2)),
                                            {1, text});
        QVERIFY2(insert.ok(), describe(insert.error).constData());
        QCOMPARE(insert.rowsAffected, 1);
        // The value comes back, and it matches itself as a parameter (no LIKE surprises with % and _).
        const SqlResult back =
            conn->exec(u"SELECT txt FROM scratch_t WHERE txt = %1"_s.arg(conn->placeholder(1)), {text});
        QVERIFY2(back.ok(), describe(back.error).constData());
        QCOMPARE(back.rows.size(), 1);
        QCOMPARE(back.rows[0][0].toString(), text);
        const SqlResult count = conn->exec(u"SELECT count(*) FROM scratch_t"_s);
        QVERIFY2(count.ok(), describe(count.error).constData());
        QCOMPARE(count.rows[0][0].toLongLong(), 1);
    }

    void nullsRoundTrip_data() { addDialects(); }
    void nullsRoundTrip()
    {
        QFETCH(Sightline::SqlDialect, dialect);
        auto conn = openScratch(dialect);
        QVERIFY(conn);
        const QString p1 = conn->placeholder(1), p2 = conn->placeholder(2), p3 = conn->placeholder(3);
        SqlResult r = conn->exec(u"INSERT INTO scratch_t(id, txt, num) VALUES (%1, %2, %3)"_s.arg(p1, p2, p3),
                                 {7, QVariant(), QVariant()});
        QVERIFY2(r.ok(), describe(r.error).constData());
        r = conn->exec(u"INSERT INTO scratch_t(id, txt, num) VALUES (%1, %2, %3)"_s.arg(p1, p2, p3),
                       {8, u""_s, 0.0});
        QVERIFY2(r.ok(), describe(r.error).constData());
        r = conn->exec(u"SELECT id, txt, num FROM scratch_t ORDER BY id"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
        QCOMPARE(r.columns, (QStringList{u"id"_s, u"txt"_s, u"num"_s}));
        QCOMPARE(r.rows.size(), 2);
        QVERIFY(r.rows[0][1].isNull());
        QVERIFY(r.rows[0][2].isNull());
        // An empty string and zero are values, not NULL.
        QVERIFY(!r.rows[1][1].isNull());
        QCOMPARE(r.rows[1][1].toString(), QString());
        QVERIFY(!r.rows[1][2].isNull());
        QCOMPARE(r.rows[1][2].toDouble(), 0.0);
    }

    void largeTextRoundTrips_data() { addDialects(); }
    void largeTextRoundTrips()
    {
        QFETCH(Sightline::SqlDialect, dialect);
        auto conn = openScratch(dialect);
        QVERIFY(conn);
        QString big;
        big.reserve(10 * 1024 * 1024);
        const QString pattern = u"0123456789abcdef ünïcödé\n"_s;
        while (big.size() < 10 * 1024 * 1024)
            big += pattern;
        big.truncate(10 * 1024 * 1024);
        SqlResult r =
            conn->exec(u"INSERT INTO scratch_t(id, txt) VALUES (1, %1)"_s.arg(conn->placeholder(1)), {big});
        QVERIFY2(r.ok(), describe(r.error).constData());
        r = conn->exec(u"SELECT txt, length(txt) FROM scratch_t"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
        QCOMPARE(r.rows[0][1].toLongLong(), big.size());
        QVERIFY(r.rows[0][0].toString() == big);
    }

    void sqliteBlobRoundTrips()
    {
        auto conn = Sightline::createSqliteConnection(m_dir->filePath(u"blob.db"_s), SqliteMode::Create);
        QVERIFY2(!conn->open().isError(), "open");
        QVERIFY(conn->exec(u"CREATE TABLE b(v BLOB)"_s).ok());
        QByteArray blob;
        for (int i = 0; i < 70000; ++i)
            blob.append(char(i % 256)); // every byte value, NULs included, invalid UTF-8 included
        SqlResult r = conn->exec(u"INSERT INTO b VALUES (?1)"_s, {blob});
        QVERIFY2(r.ok(), describe(r.error).constData());
        r = conn->exec(u"SELECT v, typeof(v), length(v) FROM b"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
        QCOMPARE(r.rows[0][1].toString(), u"blob"_s);
        QCOMPARE(r.rows[0][2].toLongLong(), blob.size());
        QCOMPARE(r.rows[0][0].typeId(), QMetaType::QByteArray);
        QVERIFY(r.rows[0][0].toByteArray() == blob);
    }

    void connectionRefused()
    {
        // Bind a port, then close it: nothing listens there now.
        quint16 closedPort;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        auto conn = Sightline::createPostgresConnection(
            u"postgresql://sightline@127.0.0.1:%1/sightline_test"_s.arg(closedPort));
        QElapsedTimer timer;
        timer.start();
        const SqlError error = conn->open();
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Connection));
        QVERIFY2(timer.elapsed() < 5000, "a refused connection must fail at once");
        QVERIFY2(error.message.contains(QString::number(closedPort)) || error.message.contains(u"refused"_s),
                 describe(error).constData());
        QVERIFY(!conn->isOpen());
    }

    void wrongPasswordIsRejected()
    {
        const QString password = u"wrong-Pa55word-xyzzy"_s;
        auto conn =
            Sightline::createPostgresConnection(urlFor(u"sightline_pw"_s, password, u"sightline_test"_s));
        const SqlError error = conn->open();
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Rejected));
        QVERIFY2(!error.message.contains(password), describe(error).constData());
        QVERIFY2(!conn->describe().contains(password), qPrintable(conn->describe()));
        QVERIFY2(!error.message.isEmpty(), "a rejected login needs a message");
    }

    void rightPasswordIsAccepted()
    {
        // The counterpart of wrongPasswordIsRejected: the role and its password do work.
        auto conn = Sightline::createPostgresConnection(
            urlFor(u"sightline_pw"_s, u"right-password"_s, u"sightline_test"_s));
        const SqlError error = conn->open();
        QVERIFY2(!error.isError(), describe(error).constData());
        const SqlResult r = conn->exec(u"SELECT current_user"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
        QCOMPARE(r.rows[0][0].toString(), u"sightline_pw"_s);
    }

    void redactsUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        QTest::newRow("user:password") << u"postgresql://alice:s3cret@db:5432/x"_s << u"s3cret"_s;
        QTest::newRow("password option")
            << u"postgresql://alice@db/x?sslmode=require&password=s3cret"_s << u"s3cret"_s;
        QTest::newRow("PASSWORD option upper case")
            << u"postgresql://db/x?PASSWORD=s3cret&sslmode=require"_s << u"s3cret"_s;
        QTest::newRow("percent-encoded password") << u"postgresql://alice:p%40ss%3Aw0rd@db/x"_s << u"w0rd"_s;
        QTest::newRow("redis") << u"rediss://:hunter2@cache:6380/0"_s << u"hunter2"_s;
    }
    void redactsUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        const QString redacted = Sightline::redactUrl(url);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(!redacted.isEmpty(), "the rest of the URL stays readable");
        QVERIFY2(redacted.contains(u"db"_s) || redacted.contains(u"cache"_s), qPrintable(redacted));
    }

    void redactKeepsUrlsWithoutPassword()
    {
        const QString url = u"postgresql://reader@db.internal:5432/crucible?sslmode=verify-full"_s;
        QCOMPARE(Sightline::redactUrl(url), url);
    }

    void cancelsPostgresSleep()
    {
        auto conn = Sightline::createPostgresConnection(m_adminUrl);
        QVERIFY2(!conn->open().isError(), "open");
        SqlConnection *raw = conn.get();
        QFuture<SqlResult> running = QtConcurrent::run([raw] { return raw->exec(u"SELECT pg_sleep(30)"_s); });
        QThread::msleep(300); // let the statement reach the server
        QElapsedTimer timer;
        timer.start();
        conn->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 5000);
        const SqlResult r = running.result();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(u"cancel took %1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(kindName(r.error.kind), kindName(SqlError::Kind::Cancelled));
        // The connection is still usable after a cancel.
        const SqlResult after = conn->exec(u"SELECT 1"_s);
        QVERIFY2(after.ok(), describe(after.error).constData());
    }

    void cancelsSqliteQuery()
    {
        auto conn = Sightline::createSqliteConnection(m_dir->filePath(u"cancel.db"_s), SqliteMode::Create);
        QVERIFY2(!conn->open().isError(), "open");
        SqlConnection *raw = conn.get();
        // Counts to ten billion: minutes of work unless interrupted.
        QFuture<SqlResult> running = QtConcurrent::run([raw] {
            return raw->exec(
                u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) "
                "SELECT max(x) FROM c"_s);
        });
        QThread::msleep(300);
        QVERIFY2(!running.isFinished(), "the query finished before it could be cancelled");
        QElapsedTimer timer;
        timer.start();
        conn->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 5000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(u"cancel took %1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(kindName(running.result().error.kind), kindName(SqlError::Kind::Cancelled));
        QVERIFY(conn->exec(u"SELECT 1"_s).ok());
    }

    void garbageFileIsCorrupt_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("this is not a database, just text\n").repeated(200);
        QTest::newRow("zeros") << QByteArray(8192, '\0');
        // The header is right but the rest is noise: damage, not a foreign file.
        QByteArray damaged("SQLite format 3\0", 16);
        damaged.append(QByteArray(8192, '\xa5'));
        QTest::newRow("damaged after header") << damaged;
    }
    void garbageFileIsCorrupt()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir->filePath(
            u"garbage-%1.db"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        auto conn = Sightline::createSqliteConnection(path, SqliteMode::ReadOnly);
        const SqlError error = conn->open();
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Corrupt));
        QVERIFY2(error.message.contains(path), describe(error).constData());
        QVERIFY(!conn->isOpen());
    }

    void missingSqliteFileIsConnectionError()
    {
        auto conn =
            Sightline::createSqliteConnection(m_dir->filePath(u"does-not-exist.db"_s), SqliteMode::ReadOnly);
        const SqlError error = conn->open();
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Connection));
        QVERIFY(!QFile::exists(m_dir->filePath(u"does-not-exist.db"_s))); // read-only open creates nothing
    }

    void lockedSqliteFileIsBusy()
    {
        const QString path = m_dir->filePath(u"locked.db"_s);
        auto holder = Sightline::createSqliteConnection(path, SqliteMode::Create);
        QVERIFY2(!holder->open().isError(), "open holder");
        QVERIFY(holder->exec(u"CREATE TABLE t(x INTEGER)"_s).ok());
        QVERIFY(holder->exec(u"BEGIN EXCLUSIVE"_s).ok());
        QVERIFY(holder->exec(u"INSERT INTO t VALUES (1)"_s).ok());

        auto writer = Sightline::createSqliteConnection(path, SqliteMode::ReadWrite);
        SqlError opened = writer->open();
        // Opening reads the schema, which the exclusive lock may already refuse.
        SqlError error = opened;
        QElapsedTimer timer;
        timer.start();
        if (!opened.isError())
            error = writer->exec(u"INSERT INTO t VALUES (2)"_s).error;
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Busy));
        QVERIFY2(error.message.contains(u"locked"_s), describe(error).constData());
        QVERIFY2(timer.elapsed() < 10000, "the busy timeout is a few seconds, not forever");

        QVERIFY(holder->exec(u"COMMIT"_s).ok());
        if (opened.isError())
            QVERIFY(!writer->open().isError());
        const SqlResult r = writer->exec(u"INSERT INTO t VALUES (2)"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
    }

    void readOnlyPostgresRefusesWrites()
    {
        auto admin = Sightline::createPostgresConnection(m_adminUrl, false);
        QVERIFY2(!admin->open().isError(), "open admin");
        QVERIFY(
            admin
                ->exec(
                    u"SET client_min_messages = warning; DROP TABLE IF EXISTS ro_t; CREATE TABLE ro_t(x INTEGER)"_s)
                .ok());

        auto reader = Sightline::createPostgresConnection(m_adminUrl, true); // a superuser, yet read-only
        QVERIFY2(!reader->open().isError(), "open reader");
        const SqlResult r = reader->exec(u"INSERT INTO ro_t VALUES (1)"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(u"read-only transaction"_s), describe(r.error).constData());
        const SqlResult count = admin->exec(u"SELECT count(*) FROM ro_t"_s);
        QVERIFY(count.ok());
        QCOMPARE(count.rows[0][0].toLongLong(), 0);
        // Reading still works.
        QVERIFY(reader->exec(u"SELECT count(*) FROM ro_t"_s).ok());
        QVERIFY(admin->exec(u"DROP TABLE ro_t"_s).ok());
    }

    void readerRoleCanReadTestDatabase()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
        if (url.isEmpty())
            QFAIL("SIGHTLINE_TEST_POSTGRES_URL is not set: run the tests through scripts/test");
        auto conn = Sightline::createPostgresConnection(url);
        const SqlError error = conn->open();
        QVERIFY2(!error.isError(), describe(error).constData());
        const SqlResult r = conn->exec(u"SELECT current_user, current_database()"_s);
        QVERIFY2(r.ok(), describe(r.error).constData());
        QCOMPARE(r.rows[0][0].toString(), u"sightline"_s);
        QCOMPARE(r.rows[0][1].toString(), u"sightline_test"_s);
    }

    void silentServerTimesOut()
    {
        SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto conn = Sightline::createPostgresConnection(
            u"postgresql://sightline@127.0.0.1:%1/sightline_test"_s.arg(server.serverPort()));
        SqlConnection *raw = conn.get();
        QElapsedTimer timer;
        timer.start();
        // open() blocks; this thread keeps accepting meanwhile, so the server really is silent
        // rather than merely slow to accept.
        QFuture<SqlError> opening = QtConcurrent::run([raw] { return raw->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 15000);
        const SqlError error = opening.result();
        QVERIFY2(!server.held.isEmpty(), "the client never reached the silent server");
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Connection));
        QVERIFY2(timer.elapsed() < 13000, qPrintable(u"gave up after %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(!error.message.isEmpty(), "a timeout needs a message");
    }

    void connectTimeoutIsConfigurable()
    {
        SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto conn = Sightline::createPostgresConnection(
            u"postgresql://sightline@127.0.0.1:%1/sightline_test"_s.arg(server.serverPort()), true, 1000);
        SqlConnection *raw = conn.get();
        QElapsedTimer timer;
        timer.start();
        QFuture<SqlError> opening = QtConcurrent::run([raw] { return raw->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 10000);
        const qint64 elapsed = timer.elapsed();
        const SqlError error = opening.result();
        QVERIFY2(!server.held.isEmpty(), "the client never reached the silent server");
        QCOMPARE(kindName(error.kind), kindName(SqlError::Kind::Connection));
        QVERIFY2(error.message.contains(u"timeout"_s), describe(error).constData());
        QVERIFY2(elapsed >= 950 && elapsed < 2000, qPrintable(u"gave up after %1 ms"_s.arg(elapsed)));
    }

    void urlConnectTimeoutWins()
    {
        SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto conn = Sightline::createPostgresConnection(
            u"postgresql://sightline@127.0.0.1:%1/sightline_test?connect_timeout=2"_s.arg(
                server.serverPort()),
            true, 60000);
        SqlConnection *raw = conn.get();
        QElapsedTimer timer;
        timer.start();
        QFuture<SqlError> opening = QtConcurrent::run([raw] { return raw->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 10000);
        QVERIFY2(timer.elapsed() >= 1900 && timer.elapsed() < 3500,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(kindName(opening.result().kind), kindName(SqlError::Kind::Connection));
    }

    void cancelStopsAConnect()
    {
        SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto conn = Sightline::createPostgresConnection(
            u"postgresql://sightline@127.0.0.1:%1/sightline_test"_s.arg(server.serverPort()), true, 30000);
        SqlConnection *raw = conn.get();
        QFuture<SqlError> opening = QtConcurrent::run([raw] { return raw->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(!server.held.isEmpty(), 5000);
        QTest::qWait(200);
        QVERIFY(!opening.isFinished());
        QElapsedTimer timer;
        timer.start();
        conn->cancel();
        opening.waitForFinished();
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(kindName(opening.result().kind), kindName(SqlError::Kind::Cancelled));
        QVERIFY2(elapsed < 150, qPrintable(u"open() returned %1 ms after cancel()"_s.arg(elapsed)));
        QVERIFY(!conn->isOpen());
        // A later open() is not cancelled by the earlier cancel(): it connects normally.
        auto real = Sightline::createPostgresConnection(m_adminUrl, false, 5000);
        real->cancel();
        const SqlError reopened = real->open();
        QVERIFY2(!reopened.isError(), describe(reopened).constData());
    }
};

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
