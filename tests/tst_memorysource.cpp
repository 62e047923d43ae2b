#include "awaitfuture.h"
#include "sources/memory/memorysource.h"
#include "sources/memory/storageserviceclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using Sightline::MemorySource;
using Sightline::StorageNode;
using Sightline::StoragePage;
using Sightline::StoragePreview;
using Sightline::StorageSummary;
using Sightline::TestSupport::await;

namespace {

// A server that answers every request with what `respond` writes, so that tests can send what
// a broken or hostile storage service would: garbage, errors, half an answer, nothing at all.
class ScriptedServer : public QTcpServer
{
public:
    std::function<void(QTcpSocket *)> respond;
    QList<QByteArray> requestLines;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray request = socket->readAll();
            requestLines.append(request.left(request.indexOf('\r')));
            if (respond)
                respond(socket);
        });
    }
};

QByteArray httpAnswer(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QString requireEnv(const char *name)
{
    return qEnvironmentVariable(name);
}

} // namespace

class TestMemorySource : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QString m_log;
    QJsonObject m_data;

    QString serverUrl(const QTcpServer &server) const
    {
        return u"http://127.0.0.1:%1"_s.arg(server.serverPort());
    }

    bool requireFixture()
    {
        if (m_url.isEmpty() || m_log.isEmpty() || m_data.isEmpty()) {
            qWarning("SIGHTLINE_TEST_MEMORY_URL, SIGHTLINE_TEST_MEMORY_LOG and SIGHTLINE_TEST_MEMORY_DATA "
                     "are not set: run this test through scripts/test (or scripts/lib/storageservice.sh)");
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = requireEnv("SIGHTLINE_TEST_MEMORY_URL");
        m_log = requireEnv("SIGHTLINE_TEST_MEMORY_LOG");
        QFile data(requireEnv("SIGHTLINE_TEST_MEMORY_DATA"));
        if (data.open(QIODevice::ReadOnly))
            m_data = QJsonDocument::fromJson(data.readAll()).object();
    }

    void fixtureSummary()
    {
        QVERIFY2(requireFixture(), "the storage-service fixture is missing: run scripts/test");
        MemorySource source(m_url);
        const StorageSummary s = await(source.summary());
        QVERIFY2(s.reachable, qPrintable(s.error));
        QVERIFY(s.latencyMs >= 0);
        const QJsonObject stats = m_data.value(u"stats"_s).toObject();
        QCOMPARE(s.itemCount, stats.value(u"entries"_s).toInteger());
        QCOMPARE(s.totalBytes, stats.value(u"bytes"_s).toInteger());
        QCOMPARE(s.itemNoun, u"entries"_s);
        QMap<QString, QString> details;
        for (const auto &[label, value] : s.details)
            details.insert(label, value);
        QVERIFY(details.contains(u"Hits"_s));
        QVERIFY(details.contains(u"Misses"_s));
        QVERIFY(details.contains(u"Evictions"_s));
        QVERIFY(details.value(u"Hit ratio"_s).endsWith(u" %"_s));
        QVERIFY2(details.value(u"/health"_s).startsWith(u"ok"_s), qPrintable(details.value(u"/health"_s)));
        QVERIFY(details.value(u"/health/live"_s).startsWith(u"live"_s));
        QVERIFY(details.value(u"/health/ready"_s).startsWith(u"ready"_s));
        QCOMPARE(source.describe(), m_url);
    }

    void fixtureEntriesByKind()
    {
        QVERIFY2(requireFixture(), "the storage-service fixture is missing: run scripts/test");
        // What the file says, counted independently of the parser under test.
        QMap<QString, std::pair<qint64, qint64>> expected; // kind → (count, bytes)
        const QJsonArray entries = m_data.value(u"entries"_s).toArray();
        for (const QJsonValue &v : entries) {
            auto &[count, bytes] = expected[v[u"kind"_s].toString()];
            ++count;
            bytes += v[u"size_bytes"_s].toInteger();
        }
        QVERIFY(!expected.isEmpty());

        MemorySource::Options options;
        // Small pages, so that continuations are exercised on any data (a few pages per kind).
        options.pageSize = int(qMax<qsizetype>(2, entries.size() / 8));
        MemorySource source(m_url, options);
        const StoragePage root = await(source.children(QString(), {}));
        QVERIFY2(root.error.isEmpty(), qPrintable(root.error));
        QCOMPARE(root.nodes.size(), expected.size());
        qint64 seen = 0;
        for (const StorageNode &group : root.nodes) {
            QCOMPARE(group.kind, StorageNode::Kind::Group);
            QVERIFY(expected.contains(group.name));
            QCOMPARE(group.count, expected.value(group.name).first);
            QCOMPARE(group.bytes, expected.value(group.name).second);
            QString continuation;
            qint64 inGroup = 0;
            qint64 previous = std::numeric_limits<qint64>::max();
            do {
                const StoragePage page = await(source.children(group.id, continuation));
                QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
                QVERIFY(page.nodes.size() <= options.pageSize);
                for (const StorageNode &entry : page.nodes) {
                    QCOMPARE(entry.kind, StorageNode::Kind::Item);
                    QCOMPARE(entry.typeLabel, group.name);
                    QVERIFY(entry.bytes <= previous);
                    previous = entry.bytes;
                    QVERIFY(entry.previewable);
                    QVERIFY(entry.detail.startsWith(u"age "_s));
                    ++inGroup;
                }
                continuation = page.continuation;
            } while (!continuation.isEmpty());
            QCOMPARE(inGroup, group.count);
            seen += inGroup;
        }
        QCOMPARE(seen, entries.size());

        // One entry in full: every field the service sent, and the TTL as an expiry time.
        const QJsonObject first = entries.first().toObject();
        const QString kindId = u"kind:"_s + first.value(u"kind"_s).toString();
        options.pageSize = 1000;
        MemorySource wide(m_url, options);
        await(wide.children(QString(), {}));
        StoragePage page;
        auto it = page.nodes.cend();
        do {
            page = await(wide.children(kindId, page.continuation));
            it = std::find_if(page.nodes.cbegin(), page.nodes.cend(), [&](const StorageNode &n) {
                return n.id == u"entry:"_s + first.value(u"key"_s).toString();
            });
        } while (it == page.nodes.cend() && !page.continuation.isEmpty());
        QVERIFY(it != page.nodes.cend());
        QCOMPARE(it->evaluationId, first.value(u"evaluation_id"_s).toString());
        QCOMPARE(it->bytes, first.value(u"size_bytes"_s).toInteger());
        if (first.value(u"ttl_seconds"_s).isDouble()) {
            const qint64 expected =
                QDateTime::currentMSecsSinceEpoch() + qint64(first.value(u"ttl_seconds"_s).toDouble() * 1000);
            QVERIFY(qAbs(it->expiresAtMs - expected) < 60'000);
        } else {
            QCOMPARE(it->expiresAtMs, -1);
        }
        const StoragePreview preview = await(wide.preview(it->id, {}));
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(preview.columns.size(), 2);
        QMap<QString, QString> fields;
        for (const QStringList &row : preview.rows)
            fields.insert(row.at(0), row.at(1));
        QCOMPARE(fields.value(u"key"_s), first.value(u"key"_s).toString());
        QCOMPARE(fields.value(u"kind"_s), first.value(u"kind"_s).toString());
        QCOMPARE(fields.value(u"size_bytes"_s), QString::number(first.value(u"size_bytes"_s).toInteger()));

        const StoragePreview gone = await(wide.preview(u"entry:no-such-key"_s, {}));
        QVERIFY(gone.error.contains(u"no longer in the cache"_s));
        QVERIFY(await(wide.children(u"bogus"_s, {})).error.contains(u"unknown node"_s));
    }

    // Sightline only reads: everything the fixture was asked (by the tests above) was a GET.
    void fixtureSawOnlyGets()
    {
        QVERIFY2(requireFixture(), "the storage-service fixture is missing: run scripts/test");
        QFile log(m_log);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        int gets = 0;
        for (const QByteArray &line : lines) {
            QVERIFY2(line.startsWith("GET /"), line.constData());
            ++gets;
        }
        QVERIFY(gets >= 6); // summary: 4 GETs; listing and preview: 2 or more
    }

    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << httpAnswer(200, "OK", "<html>proxy error</html>") << u"not JSON"_s;
        QTest::newRow("an array") << httpAnswer(200, "OK", "[1,2]") << u"JSON array"_s;
        QTest::newRow("no entries") << httpAnswer(200, "OK", R"({"stats":{}})") << u"no \"entries\""_s;
        QTest::newRow("no stats") << httpAnswer(200, "OK", R"({"entries":[]})") << u"no \"stats\""_s;
        QTest::newRow("entries a string")
            << httpAnswer(200, "OK", R"({"entries":"x","stats":{}})") << u"\"entries\" is a string"_s;
        QTest::newRow("size a string")
            << httpAnswer(200, "OK",
                          R"({"entries":[{"key":"k","evaluation_id":null,"kind":"result","size_bytes":"12",)"
                          R"("age_seconds":1,"ttl_seconds":null}],)"
                          R"("stats":{"entries":1,"bytes":12,"hits":0,"misses":0,"evictions":0}})")
            << u"\"entries[0].size_bytes\" is a string, expected a number"_s;
        QTest::newRow("negative stat")
            << httpAnswer(
                   200, "OK",
                   R"({"entries":[],"stats":{"entries":0,"bytes":-5,"hits":0,"misses":0,"evictions":0}})")
            << u"\"stats.bytes\" is -5"_s;
        QTest::newRow("HTTP 500 with body")
            << httpAnswer(500, "Internal Server Error", R"({"error":"cache shard 3 offline"})")
            << u"HTTP 500 Internal Server Error: {\"error\":\"cache shard 3 offline\"}"_s;
        QTest::newRow("dropped mid-body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                          "{\"entries\":[{\"key\"")
            << u"closed before the whole answer arrived"_s;
    }

    void brokenAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, message);
        ScriptedServer server;
        server.respond = [answer](QTcpSocket *socket) {
            socket->write(answer);
            socket->disconnectFromHost();
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        MemorySource source(serverUrl(server));
        const StoragePage page = await(source.children(QString(), {}));
        QVERIFY2(page.error.contains(message), qPrintable(page.error));
        QVERIFY(page.nodes.isEmpty());
        QVERIFY(!page.cancelled);
        QVERIFY(page.error.contains(serverUrl(server))); // the message says where
    }

    void fiftyMegabyteAnswerIsCapped()
    {
        ScriptedServer server;
        server.respond = [](QTcpSocket *socket) {
            // No Content-Length: the client only learns the size by reading.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            socket->write("{\"entries\":[\"");
            socket->write(QByteArray(50 * 1024 * 1024, 'x'));
            socket->disconnectFromHost();
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        MemorySource::Options options;
        options.http.maxResponseBytes = 8 * 1024 * 1024;
        MemorySource source(serverUrl(server), options);
        const StoragePage page = await(source.children(QString(), {}), 60000);
        QVERIFY2(page.error.contains(u"larger than 8 MB"_s), qPrintable(page.error));
    }

    void declaredTooLarge()
    {
        ScriptedServer server;
        server.respond = [](QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 52428800\r\n\r\n{");
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        MemorySource::Options options;
        options.http.maxResponseBytes = 1024 * 1024;
        MemorySource source(serverUrl(server), options);
        const StoragePage page = await(source.children(QString(), {}));
        QVERIFY2(page.error.contains(u"larger than 1 MB"_s), qPrintable(page.error));
    }

    void neverAnswersTimesOut()
    {
        ScriptedServer server; // accepts, reads, says nothing
        QVERIFY(server.listen(QHostAddress::LocalHost));
        MemorySource::Options options;
        options.http.timeoutMs = 500;
        MemorySource source(serverUrl(server), options);
        QElapsedTimer timer;
        timer.start();
        const StorageSummary s = await(source.summary());
        QVERIFY(!s.reachable);
        QVERIFY2(s.error.contains(u"no answer within 0.5 s"_s), qPrintable(s.error));
        QVERIFY(timer.elapsed() < 5000);
    }

    void stopInterruptsAWaitingRequest()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        MemorySource::Options options;
        options.http.timeoutMs = 60'000;
        MemorySource source(serverUrl(server), options);
        auto pending = source.children(QString(), {});
        QTRY_VERIFY(!server.requestLines.isEmpty()); // the request is on the wire
        QElapsedTimer timer;
        timer.start();
        source.stop();
        const StoragePage page = await(pending, 5000);
        QVERIFY(pending.isFinished());
        QVERIFY(page.cancelled);
        QVERIFY(timer.elapsed() < 3000);
        // Later calls work again.
        server.respond = [](QTcpSocket *socket) {
            socket->write(httpAnswer(200, "OK",
                                     R"({"entries":[],"stats":{"entries":0,"bytes":0,"hits":0,)"
                                     R"("misses":0,"evictions":0}})"));
            socket->disconnectFromHost();
        };
        const StoragePage again = await(source.children(QString(), {}));
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QVERIFY(!again.cancelled);
        for (const QByteArray &line : server.requestLines)
            QVERIFY2(line.startsWith("GET "), line.constData());
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = serverUrl(probe);
        probe.close(); // nothing listens there now
        MemorySource source(url);
        const StorageSummary s = await(source.summary());
        QVERIFY(!s.reachable);
        QVERIFY2(s.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(s.error));
    }

    void passwordNeverShown()
    {
        MemorySource source(u"http://reader:hunter2@127.0.0.1:9/"_s);
        QVERIFY(!source.describe().contains(u"hunter2"_s));
        const StorageSummary s = await(source.summary());
        QVERIFY(!s.error.contains(u"hunter2"_s));
    }
};

QTEST_GUILESS_MAIN(TestMemorySource)
#include "tst_memorysource.moc"
