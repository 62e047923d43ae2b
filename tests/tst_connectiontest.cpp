// "Test connection" per source (the connection dialog's button) against the servers scripts/test
// starts: each reachable source answers with its latency and, where the server says it, its
// version; a wrong password gives the server's own words and never the password; a closed port
// is "refused"; a server that never answers times out within the profile's timeout; cancel stops
// a test at once. There is no Grafana server here: Grafana is only tested against a closed port
// and a silent one.

#include "awaitfuture.h"
#include "serverskip.h"
#include "sources/connection/connectiontest.h"
#include "sources/sqlconnection.h"
#include "testservers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Sightline;
using Sightline::TestSupport::await;

namespace {

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

QString describe(const ConnectionTestResult &r)
{
    return u"ok=%1 latency=%2 version=%3 detail=%4 error=%5"_s.arg(r.ok ? u"yes"_s : u"no"_s)
        .arg(r.latencyMs)
        .arg(r.serverVersion, r.detail, r.error);
}

ConnectionTestResult run(const WorkspaceProfile &profile, const QString &source,
                         std::shared_ptr<std::atomic<bool>> cancel = {})
{
    return await(testSourceConnection(profile, source, std::move(cancel)), 60000);
}

// Points `source` of `profile` at 127.0.0.1:port with the scheme it speaks.
void pointAt(WorkspaceProfile &profile, const QString &source, quint16 port)
{
    const QString hostPort = u"127.0.0.1:"_s + QString::number(port);
    if (source == u"postgres")
        profile.postgresUrl = u"postgresql://sightline@"_s + hostPort + u"/sightline_test"_s;
    else if (source == u"redis")
        profile.redis.url = u"redis://"_s + hostPort + u"/0"_s;
    else if (source == u"s3") {
        profile.s3.endpoint = u"http://"_s + hostPort;
        profile.s3.bucket = u"sightline-test"_s;
    } else if (source == u"memory")
        profile.memoryUrl = u"http://"_s + hostPort;
    else if (source == u"prometheus")
        profile.prometheus.url = u"http://"_s + hostPort;
    else if (source == u"grafana")
        profile.grafana.url = u"http://"_s + hostPort;
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

WorkspaceProfile baseProfile()
{
    WorkspaceProfile profile;
    profile.name = u"connection-test"_s;
    profile.timeoutSeconds = 5;
    return profile;
}

} // namespace

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reachableSources_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("versionPrefix"); // empty: the server does not say
        QTest::newRow("postgres") << u"postgres"_s << u"SIGHTLINE_TEST_POSTGRES_URL"_s << u"PostgreSQL "_s;
        QTest::newRow("redis") << u"redis"_s << u"SIGHTLINE_TEST_REDIS_URL"_s << u"Redis "_s;
        QTest::newRow("s3") << u"s3"_s << u"SIGHTLINE_TEST_S3_URL"_s << QString();
        QTest::newRow("memory") << u"memory"_s << u"SIGHTLINE_TEST_MEMORY_URL"_s << QString();
        QTest::newRow("prometheus") << u"prometheus"_s << u"SIGHTLINE_TEST_PROMETHEUS_URL"_s
                                    << u"Prometheus "_s;
    }

    void reachableSources()
    {
        QFETCH(QString, source);
        QFETCH(QString, variable);
        QFETCH(QString, versionPrefix);
        const QString url = qEnvironmentVariable(variable.toUtf8().constData());
        if (url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "the test server's variable is not set: run the tests through scripts/test");
        WorkspaceProfile profile = baseProfile();
        if (source == u"postgres")
            profile.postgresUrl = url;
        else if (source == u"redis")
            profile.redis.url = url;
        else if (source == u"s3") {
            profile.s3.endpoint = url;
            profile.s3.bucket = env("SIGHTLINE_TEST_S3_BUCKET");
        } else if (source == u"memory")
            profile.memoryUrl = url;
        else if (source == u"prometheus")
            profile.prometheus.url = url;
        const ConnectionTestResult result = run(profile, source);
        QVERIFY2(result.ok, qPrintable(describe(result)));
        QVERIFY(result.error.isEmpty());
        QVERIFY2(result.latencyMs > 0 && result.latencyMs < 5000, qPrintable(describe(result)));
        QVERIFY2(!result.detail.isEmpty(), qPrintable(describe(result)));
        if (!versionPrefix.isEmpty()) {
            QVERIFY2(result.serverVersion.startsWith(versionPrefix), qPrintable(describe(result)));
            QVERIFY2(result.serverVersion.contains(QRegularExpression(u"\\d+\\.\\d+"_s)),
                     qPrintable(describe(result)));
        }
        // Says whether the session is encrypted: PostgreSQL's default sslmode=prefer takes TLS when
        // the server offers it (scripts/test's does), the others here speak plain TCP.
        QVERIFY2(result.detail.contains(u"TLS"_s), qPrintable(describe(result)));
    }

    // The servers without a server: a SQLite file and a folder, made here.
    void sqliteAndFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"store.sqlite"_s);
        {
            std::unique_ptr<SqlConnection> db = createSqliteConnection(path, SqliteMode::Create);
            QVERIFY(!db->open().isError());
            QVERIFY(db->exec(u"CREATE TABLE evaluations(id TEXT PRIMARY KEY)"_s).ok());
        }
        QVERIFY(QDir(dir.path()).mkpath(u"root/outputs"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"root/logs"_s));
        WorkspaceProfile profile = baseProfile();
        profile.sqlitePath = path;
        profile.filesRoot = dir.filePath(u"root"_s);

        ConnectionTestResult sqlite = run(profile, u"sqlite"_s);
        QVERIFY2(sqlite.ok, qPrintable(describe(sqlite)));
        QVERIFY(sqlite.latencyMs > 0);
        QVERIFY2(sqlite.serverVersion.startsWith(u"SQLite 3."_s), qPrintable(describe(sqlite)));
        QVERIFY2(sqlite.detail.contains(u"1 table"_s), qPrintable(describe(sqlite)));

        const ConnectionTestResult files = run(profile, u"files"_s);
        QVERIFY2(files.ok, qPrintable(describe(files)));
        QVERIFY(files.latencyMs > 0);
        QVERIFY2(files.detail.contains(u"2 entr"_s) && files.detail.contains(u"outputs, logs"_s),
                 qPrintable(describe(files)));

        // Bad input: a file that is not a database, a folder that is not there.
        QFile junk(dir.filePath(u"junk.sqlite"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        profile.sqlitePath = junk.fileName();
        sqlite = run(profile, u"sqlite"_s);
        QVERIFY(!sqlite.ok);
        QVERIFY2(sqlite.error.contains(u"not a database"_s), qPrintable(describe(sqlite)));
        profile.filesRoot = dir.filePath(u"nowhere"_s);
        const ConnectionTestResult missing = run(profile, u"files"_s);
        QVERIFY(!missing.ok);
        QVERIFY2(missing.error.contains(u"does not exist"_s), qPrintable(describe(missing)));
    }

    void unconfiguredAndUnknownSources()
    {
        const WorkspaceProfile profile = baseProfile();
        for (const QString &source : {u"postgres"_s, u"sqlite"_s, u"files"_s, u"redis"_s, u"s3"_s,
                                      u"memory"_s, u"prometheus"_s, u"grafana"_s}) {
            const ConnectionTestResult result = run(profile, source);
            QVERIFY(!result.ok);
            QVERIFY2(result.error.contains(u"not configured"_s), qPrintable(source + u": "_s + result.error));
        }
        const ConnectionTestResult unknown = run(profile, u"mongodb"_s);
        QVERIFY(!unknown.ok);
        QVERIFY2(unknown.error.contains(u"mongodb"_s), qPrintable(unknown.error));
    }

    void postgresWrongPasswordInTheServersWords()
    {
        const QString url = env("SIGHTLINE_TEST_POSTGRES_URL");
        if (url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_POSTGRES_URL is not set: run the tests through scripts/test");
        const QUrl parsed(url);
        WorkspaceProfile profile = baseProfile();
        profile.postgresUrl =
            u"postgresql://sightline_pw@127.0.0.1:%1/sightline_test?sslmode=disable"_s.arg(parsed.port());
        profile.secrets.postgresPassword = u"wrong-pg-secret-4711"_s;
        const ConnectionTestResult result = run(profile, u"postgres"_s);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"password authentication failed for user \"sightline_pw\""_s),
                 qPrintable(describe(result)));
        QVERIFY(!describe(result).contains(u"wrong-pg-secret-4711"_s));

        // And the right one (the role's password from scripts/lib/postgres.sh) gets in.
        profile.secrets.postgresPassword = u"right-password"_s;
        const ConnectionTestResult good = run(profile, u"postgres"_s);
        QVERIFY2(good.ok, qPrintable(describe(good)));
        QVERIFY2(good.detail.contains(u"as sightline_pw"_s), qPrintable(good.detail));
        QVERIFY(!describe(good).contains(u"right-password"_s));
    }

    void redisWrongPasswordInTheServersWords()
    {
        const QString url = env("SIGHTLINE_TEST_REDIS_URL");
        if (url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set: run the tests through scripts/test");
        WorkspaceProfile profile = baseProfile();
        profile.redis.url = u"redis://reader@127.0.0.1:%1/0"_s.arg(QUrl(url).port());
        profile.secrets.redisPassword = u"wrong-redis-secret-4711"_s;
        const ConnectionTestResult result = run(profile, u"redis"_s);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"WRONGPASS"_s), qPrintable(describe(result)));
        QVERIFY(!describe(result).contains(u"wrong-redis-secret-4711"_s));
    }

    void closedPortIsRefused_data()
    {
        QTest::addColumn<QString>("source");
        for (const QString &source :
             {u"postgres"_s, u"redis"_s, u"s3"_s, u"memory"_s, u"prometheus"_s, u"grafana"_s})
            QTest::newRow(source.toUtf8().constData()) << source;
    }

    void closedPortIsRefused()
    {
        QFETCH(QString, source);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        WorkspaceProfile profile = baseProfile();
        pointAt(profile, source, port);
        QElapsedTimer timer;
        timer.start();
        const ConnectionTestResult result = run(profile, source);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(describe(result)));
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    }

    void silentServerTimesOut_data() { closedPortIsRefused_data(); }

    void silentServerTimesOut()
    {
        QFETCH(QString, source);
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile profile = baseProfile();
        profile.timeoutSeconds = 2;
        pointAt(profile, source, silent.serverPort());
        QElapsedTimer timer;
        timer.start();
        const ConnectionTestResult result = run(profile, source);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!result.ok);
        QVERIFY2(
            result.error.contains(QRegularExpression(u"did not answer|no answer|timeout|timed out|within"_s,
                                                     QRegularExpression::CaseInsensitiveOption)),
            qPrintable(describe(result)));
        QVERIFY2(elapsed >= 1900 && elapsed < 4500, qPrintable(u"finished after %1 ms"_s.arg(elapsed)));
    }

    void cancelStopsATestAtOnce()
    {
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile profile = baseProfile();
        profile.timeoutSeconds = 30;
        pointAt(profile, u"redis"_s, silent.serverPort());
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        QElapsedTimer timer;
        timer.start();
        QFuture<ConnectionTestResult> future = testSourceConnection(profile, u"redis"_s, cancel);
        QTest::qWait(300);
        QVERIFY(!future.isFinished());
        cancel->store(true);
        const ConnectionTestResult result = await(future, 10000);
        QVERIFY(!result.ok);
        QCOMPARE(result.error, u"Cancelled"_s);
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
