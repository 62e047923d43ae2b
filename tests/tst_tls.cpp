// TLS against the servers scripts/test starts with the test CA of scripts/lib/tls.sh: PostgreSQL
// with sslmode=verify-full, rediss:// (a command, the Storage Explorer's source, the Live Events
// hub) and the storage service over HTTPS. Each works with the CA and is refused, with the TLS
// reason in the message, without it or by a host name the certificate does not name ("localhost":
// the certificate names only IP 127.0.0.1).

#include "awaitfuture.h"
#include "livetestsupport.h"
#include "serverskip.h"
#include "sources/connection/connectiontest.h"
#include "sources/memory/storageserviceclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/redis/redisconnection.h"
#include "sources/redis/redissource.h"
#include "sources/sqlconnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Sightline;
using Sightline::TestSupport::await;

namespace {

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

// The same URL with the host replaced: "localhost" reaches the same server under a name the
// certificate does not hold.
QString byLocalhost(QString url)
{
    url.replace(u"127.0.0.1"_s, u"localhost"_s);
    return url;
}

QString describe(const ConnectionTestResult &r)
{
    return u"ok=%1 latency=%2 version=%3 detail=%4 error=%5"_s.arg(r.ok ? u"yes"_s : u"no"_s)
        .arg(r.latencyMs)
        .arg(r.serverVersion, r.detail, r.error);
}

ConnectionTestResult testConnection(const WorkspaceProfile &profile, const QString &source)
{
    return await(testSourceConnection(profile, source), 30000);
}

WorkspaceProfile profileNamed(const QString &name)
{
    WorkspaceProfile profile;
    profile.name = name;
    profile.timeoutSeconds = 5;
    return profile;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    void requirePostgres()
    {
        if (env("SIGHTLINE_TEST_POSTGRES_TLS_URL").isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_POSTGRES_TLS_URL is not set: run through scripts/test "
                                   "(scripts/lib/tls.sh before scripts/lib/postgres.sh)");
    }
    void requireRedis()
    {
        if (env("SIGHTLINE_TEST_REDISS_URL").isEmpty() || env("SIGHTLINE_TEST_REDIS_URL").isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDISS_URL is not set: run through scripts/test "
                                   "(scripts/lib/tls.sh before scripts/lib/redis.sh)");
    }
    void requireMemory()
    {
        if (env("SIGHTLINE_TEST_MEMORY_HTTPS_URL").isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_MEMORY_HTTPS_URL is not set: run through scripts/test "
                                   "(scripts/lib/tls.sh before scripts/lib/storageservice.sh)");
    }

private Q_SLOTS:
    // --- PostgreSQL -------------------------------------------------------------------------

    void postgresVerifyFullWithTheCa()
    {
        requirePostgres();
        const QString url = env("SIGHTLINE_TEST_POSTGRES_TLS_URL");
        QVERIFY(url.contains(u"sslmode=verify-full"_s));
        std::unique_ptr<SqlConnection> connection = createPostgresConnection(url, true, 10000);
        const SqlError error = connection->open();
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const SqlResult rows = connection->exec(
            u"SELECT ssl::text, version, 1 + 1 FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s);
        QVERIFY2(rows.ok(), qPrintable(rows.error.message));
        QCOMPARE(rows.rows.size(), 1);
        QCOMPARE(rows.rows.first().at(0).toString(), u"true"_s);
        QVERIFY(rows.rows.first().at(1).toString().startsWith(u"TLSv1."_s));
        QCOMPARE(rows.rows.first().at(2).toString(), u"2"_s);

        WorkspaceProfile profile = profileNamed(u"tls-pg"_s);
        profile.postgresUrl = url;
        const ConnectionTestResult result = testConnection(profile, u"postgres"_s);
        QVERIFY2(result.ok, qPrintable(describe(result)));
        QVERIFY(result.latencyMs > 0);
        QVERIFY2(result.serverVersion.startsWith(u"PostgreSQL "_s), qPrintable(result.serverVersion));
        QVERIFY2(result.detail.contains(u"TLS (TLSv1."_s), qPrintable(result.detail));
    }

    void postgresHostNameMismatchIsRefused()
    {
        requirePostgres();
        const QString url = byLocalhost(env("SIGHTLINE_TEST_POSTGRES_TLS_URL"));
        std::unique_ptr<SqlConnection> connection = createPostgresConnection(url, true, 10000);
        const SqlError error = connection->open();
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(u"does not match host name \"localhost\""_s),
                 qPrintable(error.message));

        WorkspaceProfile profile = profileNamed(u"tls-pg"_s);
        profile.postgresUrl = url;
        const ConnectionTestResult result = testConnection(profile, u"postgres"_s);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"does not match host name"_s), qPrintable(describe(result)));
    }

    void postgresVerifyFullWithoutTheCaIsRefused_data()
    {
        QTest::addColumn<QString>("rootCert");
        QTest::addColumn<QString>("expected");
        // No sslrootcert: libpq looks for ~/.postgresql/root.crt, which holds no test CA.
        QTest::newRow("no sslrootcert") << QString() << u"root certificate file"_s;
        QTest::newRow("another CA") << u"wrong"_s << u"certificate verify failed"_s;
    }

    void postgresVerifyFullWithoutTheCaIsRefused()
    {
        requirePostgres();
        QFETCH(QString, rootCert);
        QFETCH(QString, expected);
        QUrl url(env("SIGHTLINE_TEST_POSTGRES_TLS_URL"));
        QUrlQuery query(url);
        query.removeAllQueryItems(u"sslrootcert"_s);
        QTemporaryDir home;
        // HOME goes back when this row ends, pass or fail: later rows and tests must not see a
        // deleted folder.
        const QByteArray savedHome = qgetenv("HOME");
        const auto restoreHome = qScopeGuard([&savedHome] { qputenv("HOME", savedHome); });
        if (rootCert == u"wrong") {
            query.addQueryItem(u"sslrootcert"_s, env("SIGHTLINE_TEST_WRONG_CA_FILE"));
        } else {
            // libpq reads ~/.postgresql/root.crt: a HOME with none makes the test independent of
            // whoever runs it.
            qputenv("HOME", home.path().toUtf8());
        }
        url.setQuery(query);
        std::unique_ptr<SqlConnection> connection = createPostgresConnection(url.toString(), true, 10000);
        const SqlError error = connection->open();
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    }

    // --- Redis ------------------------------------------------------------------------------

    void redissPing()
    {
        requireRedis();
        RedisConnection connection(RedisUrl::parse(env("SIGHTLINE_TEST_REDISS_URL")));
        QVERIFY(connection.url().tls);
        const RedisError error = connection.open();
        QVERIFY2(!error.isError(), qPrintable(error.message));
        RespValue pong;
        QVERIFY(!connection.command({"PING"}, pong).isError());
        QCOMPARE(pong.data, "PONG");

        WorkspaceProfile profile = profileNamed(u"tls-redis"_s);
        profile.redis.url = env("SIGHTLINE_TEST_REDISS_URL");
        const ConnectionTestResult result = testConnection(profile, u"redis"_s);
        QVERIFY2(result.ok, qPrintable(describe(result)));
        QVERIFY2(result.serverVersion.startsWith(u"Redis "_s), qPrintable(result.serverVersion));
        QVERIFY2(result.detail.contains(u"TLS"_s) && result.detail.startsWith(u"rediss://"_s),
                 qPrintable(result.detail));
    }

    void redissStorageSourceListsKeys()
    {
        requireRedis();
        const QString ns = LiveTest::uniqueName(u"tlsns"_s);
        // Written through the plain port (the test's own write), read back over TLS.
        LiveTest::RawRedis raw;
        QVERIFY(raw.connect(env("SIGHTLINE_TEST_REDIS_URL")));
        const RespValue set = raw.command({"SET", ns.toUtf8() + ":key", "over tls", "EX", "120"});
        QCOMPARE(set.data, "OK");

        RedisSource source(env("SIGHTLINE_TEST_REDISS_URL"));
        // The first listing starts the SCAN; the tree is there once its last progress report came.
        StorageProgress last;
        QObject context;
        QObject::connect(&source, &RedisSource::progressChanged, &context,
                         [&last](const StorageProgress &p) { last = p; });
        const StoragePage first = await(source.children(QString(), QString()), 30000);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QTRY_VERIFY_WITH_TIMEOUT(last.finished, 120000);
        QVERIFY2(last.done > 0, qPrintable(u"the scan over TLS saw %1 keys"_s.arg(last.done)));
        bool found = false;
        QString continuation;
        int nodes = 0;
        do {
            const StoragePage page = await(source.children(QString(), continuation), 30000);
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            for (const StorageNode &node : page.nodes)
                found = found || node.name.startsWith(ns);
            nodes += int(page.nodes.size());
            continuation = page.continuation;
        } while (!continuation.isEmpty() && !found);
        QVERIFY2(found, qPrintable(u"%1 nodes, none named %2"_s.arg(nodes).arg(ns)));
        raw.command({"DEL", ns.toUtf8() + ":key"});
    }

    void redissLiveHubReceivesAnEvent()
    {
        requireRedis();
        const QByteArray channel = LiveTest::uniqueName(u"tls_live"_s).toUtf8();
        WorkspaceProfile profile = LiveTest::emptyProfile();
        profile.redis.url = env("SIGHTLINE_TEST_REDISS_URL");
        profile.live.redisChannels = {QString::fromUtf8(channel)};
        LiveEventHub hub(profile, LiveTest::fastOptions());
        LiveTest::Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Live), 10000);

        LiveTest::RawRedis raw;
        QVERIFY(raw.connect(env("SIGHTLINE_TEST_REDIS_URL")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray event = LiveTest::liveEventJson(4242, u"eval-tls"_s, u"evaluation.started"_s,
                                                         u"research"_s, u"info"_s, now, u"{}"_s);
        QCOMPARE(raw.publish(channel, {event}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 1, 10000);
        const LiveTest::Collector::Ref *ref = collector.findId(4242);
        QVERIFY(ref);
        QCOMPARE(ref->batch->evaluationId(*ref->record), "eval-tls");
        hub.stop();
    }

    void redissHostNameMismatchIsRefused()
    {
        requireRedis();
        const QString url = byLocalhost(env("SIGHTLINE_TEST_REDISS_URL"));
        RedisConnection connection(RedisUrl::parse(url));
        const RedisError error = connection.open();
        QCOMPARE(error.kind, RedisError::Kind::Connection);
        QVERIFY2(error.message.contains(u"TLS"_s) && error.message.contains(u"host name did not match"_s),
                 qPrintable(error.message));

        WorkspaceProfile profile = profileNamed(u"tls-redis"_s);
        profile.redis.url = url;
        const ConnectionTestResult result = testConnection(profile, u"redis"_s);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"host name did not match"_s), qPrintable(describe(result)));
    }

    void redissWithoutTheCaIsRefused()
    {
        requireRedis();
        QString url = env("SIGHTLINE_TEST_REDISS_URL");
        url = url.left(url.indexOf(u'?'));
        RedisConnection connection(RedisUrl::parse(url));
        const RedisError error = connection.open();
        QCOMPARE(error.kind, RedisError::Kind::Connection);
        QVERIFY2(error.message.contains(u"TLS"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(error.message));
    }

    // --- HTTPS: the storage service ---------------------------------------------------------

    void httpsStorageServiceWithCaFile()
    {
        requireMemory();
        StorageServiceClient::Options options;
        options.caFile = env("SIGHTLINE_TEST_CA_FILE");
        options.timeoutMs = 10000;
        StorageServiceClient client(QUrl(env("SIGHTLINE_TEST_MEMORY_HTTPS_URL")), options);
        const HttpResult health = client.get(u"/health"_s, StopToken());
        QVERIFY2(health.ok(), qPrintable(health.error));
        QCOMPARE(health.status, 200);
        QVERIFY(health.body.contains("\"status\":\"ok\""));

        WorkspaceProfile profile = profileNamed(u"tls-memory"_s);
        profile.memoryUrl = env("SIGHTLINE_TEST_MEMORY_HTTPS_URL");
        profile.memoryCaFile = env("SIGHTLINE_TEST_CA_FILE");
        const ConnectionTestResult result = testConnection(profile, u"memory"_s);
        QVERIFY2(result.ok, qPrintable(describe(result)));
        QVERIFY2(result.detail.contains(u"HTTPS"_s), qPrintable(result.detail));
    }

    void httpsStorageServiceRefusals_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<bool>("localhost");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no ca_file") << QString() << false << u"SSL handshake failed"_s;
        QTest::newRow("another CA") << u"wrong"_s << false << u"SSL handshake failed"_s;
        QTest::newRow("by localhost") << u"ca"_s << true << u"host name did not match"_s;
        QTest::newRow("unreadable ca_file") << u"missing"_s << false << u"no CA certificate could be read"_s;
    }

    void httpsStorageServiceRefusals()
    {
        requireMemory();
        QFETCH(QString, caFile);
        QFETCH(bool, localhost);
        QFETCH(QString, expected);
        StorageServiceClient::Options options;
        options.timeoutMs = 10000;
        if (caFile == u"ca")
            options.caFile = env("SIGHTLINE_TEST_CA_FILE");
        else if (caFile == u"wrong")
            options.caFile = env("SIGHTLINE_TEST_WRONG_CA_FILE");
        else if (caFile == u"missing")
            options.caFile = u"/nonexistent/sightline-ca.pem"_s;
        QString url = env("SIGHTLINE_TEST_MEMORY_HTTPS_URL");
        if (localhost)
            url = byLocalhost(url);
        StorageServiceClient client{QUrl(url), options};
        const HttpResult health = client.get(u"/health"_s, StopToken());
        QVERIFY(!health.ok());
        QCOMPARE(health.status, 0);
        QVERIFY2(health.error.contains(expected), qPrintable(health.error));
    }

    // S3's ca_file, against the storage-service fixture's HTTPS port (it is no S3 server: an
    // answer at all, its 404, shows the handshake passed; without the CA there is none).
    void httpsS3CaFile()
    {
        requireMemory();
        WorkspaceProfile profile = profileNamed(u"tls-s3"_s);
        profile.s3.endpoint = env("SIGHTLINE_TEST_MEMORY_HTTPS_URL");
        profile.s3.bucket = u"sightline-test"_s;
        profile.s3.caFile = env("SIGHTLINE_TEST_CA_FILE");
        const ConnectionTestResult reached = testConnection(profile, u"s3"_s);
        QVERIFY(!reached.ok);
        QVERIFY2(reached.error.contains(u"HTTP 404"_s), qPrintable(describe(reached)));

        profile.s3.caFile.clear();
        const ConnectionTestResult refused = testConnection(profile, u"s3"_s);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(u"SSL handshake failed"_s), qPrintable(describe(refused)));
    }

    // --- HTTPS: Prometheus ------------------------------------------------------------------

    // A Prometheus of the test's own serving HTTPS with the test certificate (--web.config.file):
    // the connection test and PrometheusClient apply ca_file; without it, or by a name the
    // certificate does not hold, the handshake is refused with the reason.
    void httpsPrometheus()
    {
        if (env("SIGHTLINE_TEST_TLS_CERT").isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_TLS_CERT is not set: run through scripts/test (scripts/lib/tls.sh)");
        const QString binary = QStandardPaths::findExecutable(u"prometheus"_s);
        if (binary.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("prometheus is not installed: run scripts/install-deps");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(u"prometheus.yml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("global:\n  scrape_interval: 1h\n");
        config.close();
        QFile web(dir.filePath(u"web.yml"_s));
        QVERIFY(web.open(QIODevice::WriteOnly));
        web.write("tls_server_config:\n  cert_file: " + env("SIGHTLINE_TEST_TLS_CERT").toUtf8() +
                  "\n  key_file: " + env("SIGHTLINE_TEST_TLS_KEY").toUtf8() + "\n");
        web.close();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess prometheus;
        prometheus.setProcessChannelMode(QProcess::MergedChannels);
        prometheus.start(binary,
                         {u"--config.file="_s + config.fileName(), u"--web.config.file="_s + web.fileName(),
                          u"--web.listen-address=127.0.0.1:"_s + QString::number(port),
                          u"--storage.tsdb.path="_s + dir.filePath(u"data"_s), u"--log.level=warn"_s});
        QVERIFY(prometheus.waitForStarted(10000));
        auto stop = qScopeGuard([&prometheus] {
            prometheus.terminate();
            if (!prometheus.waitForFinished(10000))
                prometheus.kill();
        });

        WorkspaceProfile profile = profileNamed(u"tls-prometheus"_s);
        profile.prometheus.url = u"https://127.0.0.1:%1"_s.arg(port);
        profile.prometheus.caFile = env("SIGHTLINE_TEST_CA_FILE");
        ConnectionTestResult ok;
        for (int attempt = 0; attempt < 100 && !ok.ok; ++attempt) { // it listens within a second or two
            ok = testConnection(profile, u"prometheus"_s);
            if (!ok.ok)
                QTest::qWait(100);
        }
        QVERIFY2(ok.ok,
                 qPrintable(describe(ok) + u"; its output: "_s + QString::fromUtf8(prometheus.readAll())));
        QVERIFY2(ok.serverVersion.startsWith(u"Prometheus 2."_s), qPrintable(describe(ok)));
        QVERIFY2(ok.detail.contains(u"HTTPS"_s), qPrintable(describe(ok)));

        // The client itself, with the CA: a real query over TLS.
        PrometheusClient client(PrometheusConnection::fromProfile(profile));
        const PrometheusQueryReply reply = await(client.query(u"1 + 1"_s), 20000);
        QVERIFY2(!reply.error.isError(), qPrintable(reply.error.message));
        QCOMPARE(reply.value->resultType, u"scalar"_s);

        WorkspaceProfile noCa = profile;
        noCa.prometheus.caFile.clear();
        const ConnectionTestResult refused = testConnection(noCa, u"prometheus"_s);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(u"SSL handshake failed"_s), qPrintable(describe(refused)));

        WorkspaceProfile byName = profile;
        byName.prometheus.url = u"https://localhost:%1"_s.arg(port);
        const ConnectionTestResult mismatch = testConnection(byName, u"prometheus"_s);
        QVERIFY(!mismatch.ok);
        QVERIFY2(mismatch.error.contains(u"host name did not match"_s), qPrintable(describe(mismatch)));

        WorkspaceProfile badFile = profile;
        badFile.prometheus.caFile = dir.filePath(u"prometheus.yml"_s); // no certificate in it
        const ConnectionTestResult unreadable = testConnection(badFile, u"prometheus"_s);
        QVERIFY(!unreadable.ok);
        QVERIFY2(unreadable.error.contains(u"no CA certificate could be read from"_s),
                 qPrintable(describe(unreadable)));
    }

    // The storage service over HTTPS with a bearer token (a fixture of the test's own, started with
    // --token, that answers 401 without the right "Authorization: Bearer"): the token is sent,
    // a wrong one gets the server's 401, and neither appears in any message.
    void httpsBearerToken()
    {
        requireMemory();
        const QString fixture =
            QStringLiteral(SIGHTLINE_TEST_DATA_DIR) + u"/../fixtures/storage-service.js"_s;
        QVERIFY(QFile::exists(fixture));
        QTemporaryDir dir;
        QFile data(dir.filePath(u"memory.json"_s));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(
            "{\"entries\":[],\"stats\":{\"entries\":0,\"bytes\":0,\"hits\":0,\"misses\":0,\"evictions\":0}}");
        data.close();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 httpPort = probe.serverPort();
        QTcpServer probe2;
        QVERIFY(probe2.listen(QHostAddress::LocalHost));
        const quint16 httpsPort = probe2.serverPort();
        probe.close();
        probe2.close();
        QProcess node;
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(u"node"_s, {fixture, u"--port"_s, QString::number(httpPort), u"--data"_s, data.fileName(),
                               u"--https-port"_s, QString::number(httpsPort), u"--cert"_s,
                               env("SIGHTLINE_TEST_TLS_CERT"), u"--key"_s, env("SIGHTLINE_TEST_TLS_KEY"),
                               u"--token"_s, u"memory-token-secret-123"_s});
        QVERIFY(node.waitForStarted(10000));
        auto stop = qScopeGuard([&node] {
            node.terminate();
            if (!node.waitForFinished(10000))
                node.kill();
        });
        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        while (!output.contains("listening on") && node.state() == QProcess::Running &&
               clock.elapsed() < 10000) {
            node.waitForReadyRead(100);
            output += node.readAll();
        }
        QVERIFY2(output.contains("listening on"), output.constData());

        WorkspaceProfile profile = profileNamed(u"tls-memory"_s);
        profile.memoryUrl = u"https://127.0.0.1:%1"_s.arg(httpsPort);
        profile.memoryCaFile = env("SIGHTLINE_TEST_CA_FILE");
        profile.secrets.memoryToken = u"memory-token-secret-123"_s;
        const ConnectionTestResult ok = testConnection(profile, u"memory"_s);
        QVERIFY2(ok.ok, qPrintable(describe(ok)));

        profile.secrets.memoryToken = u"wrong-token-secret-456"_s;
        const ConnectionTestResult wrong = testConnection(profile, u"memory"_s);
        QVERIFY(!wrong.ok);
        QVERIFY2(wrong.error.contains(u"HTTP 401"_s) && wrong.error.contains(u"wrong bearer token"_s),
                 qPrintable(describe(wrong)));
        QVERIFY(!describe(wrong).contains(u"wrong-token-secret-456"_s));

        profile.secrets.memoryToken.clear();
        const ConnectionTestResult none = testConnection(profile, u"memory"_s);
        QVERIFY(!none.ok);
        QVERIFY2(none.error.contains(u"no bearer token"_s), qPrintable(describe(none)));
        QVERIFY(!describe(ok).contains(u"memory-token-secret-123"_s));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
