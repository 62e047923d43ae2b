// Sightline's own metrics (issue 7): the registry counts real requests to the test PostgreSQL and
// the live merge point's events, the exposer serves them, a real Prometheus scrapes them, and the
// real binary serves them with --metrics-listen (or exits 2 when it cannot).

#include "binarytestsupport.h"
#include "serverskip.h"
#include "sources/live/livemerger.h"
#include "sources/sqlconnection.h"
#include "telemetry/metrics.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <map>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

using Labels = std::map<QString, QString>;

// The value of the sample `name{labels…}` in Prometheus' text format (other labels may be present
// too), or -1 when there is none.
double sampleValue(const QByteArray &text, const QString &name, const Labels &labels)
{
    static const QRegularExpression line(u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$"_s);
    static const QRegularExpression label(u"([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    for (const QByteArray &raw : text.split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch() || m.captured(1) != name)
            continue;
        Labels found;
        auto it = label.globalMatch(m.captured(2));
        while (it.hasNext()) {
            const QRegularExpressionMatch l = it.next();
            found[l.captured(1)] = l.captured(2);
        }
        bool all = true;
        for (const auto &[key, value] : labels)
            all = all && found.count(key) && found.at(key) == value;
        if (all)
            return m.captured(3).toDouble();
    }
    return -1;
}

double registryValue(const QString &name, const Labels &labels)
{
    return sampleValue(QByteArray::fromStdString(Metrics::serialize()), name, labels);
}

// A GET that waits at most `timeoutMs`; the body, or an empty array with *error set.
QByteArray httpGet(const QUrl &url, QString *error = nullptr, int timeoutMs = 10000)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray body;
    if (!reply->isFinished()) {
        reply->abort();
        if (error)
            *error = u"no answer within %1 ms"_s.arg(timeoutMs);
    } else if (reply->error() != QNetworkReply::NoError) {
        if (error)
            *error = reply->errorString();
    } else {
        body = reply->readAll();
    }
    delete reply;
    return body;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

QByteArray liveEvent(qint64 id)
{
    return "{\"id\":" + QByteArray::number(id) +
           ",\"evaluation_id\":\"ev-1\",\"type\":\"started\",\"category\":\"lifecycle\","
           "\"severity\":\"info\",\"ts\":\"2026-11-30T12:00:00Z\",\"data\":{}}";
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listenAddresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4, any port") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
        QTest::newRow("ipv4") << u"0.0.0.0:9464"_s << true << u"0.0.0.0"_s << 9464;
        QTest::newRow("ipv6") << u"[::1]:65535"_s << true << u"[::1]"_s << 65535;
        QTest::newRow("localhost") << u"localhost:9464"_s << true << u"127.0.0.1"_s << 9464;
        QTest::newRow("no port") << u"127.0.0.1"_s << false << QString() << 0;
        QTest::newRow("empty port") << u"127.0.0.1:"_s << false << QString() << 0;
        QTest::newRow("no host") << u":9464"_s << false << QString() << 0;
        QTest::newRow("port too large") << u"127.0.0.1:65536"_s << false << QString() << 0;
        QTest::newRow("negative port") << u"127.0.0.1:-1"_s << false << QString() << 0;
        QTest::newRow("port not a number") << u"127.0.0.1:http"_s << false << QString() << 0;
        QTest::newRow("host name") << u"metrics.example.org:9464"_s << false << QString() << 0;
        QTest::newRow("bad ipv4") << u"127.0.0.256:9464"_s << false << QString() << 0;
        QTest::newRow("ipv6 without brackets") << u"::1:9464"_s << false << QString() << 0;
        QTest::newRow("empty") << QString() << false << QString() << 0;
    }

    void listenAddresses()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        Metrics::ListenAddress address;
        QString error;
        QCOMPARE(Metrics::parseListenAddress(text, &address, &error), valid);
        if (valid) {
            QCOMPARE(address.host, host);
            QCOMPARE(int(address.port), port);
        } else {
            QVERIFY2(error.contains(u"--metrics-listen"_s), qPrintable(error));
        }
    }

    void familiesHaveHelpTexts()
    {
        Metrics::setBuildInfo("9.9.9-test");
        Metrics::observeRequest("grafana", "search", 0.01);
        { // a cancelled request is not counted
            Metrics::RequestTimer cancelled("grafana", "search");
            cancelled.cancel();
        }
        const QByteArray text = QByteArray::fromStdString(Metrics::serialize());
        for (const char *family :
             {"sightline_request_duration_seconds", "sightline_request_errors_total",
              "sightline_live_events_ingested_total", "sightline_live_events_dropped_total",
              "sightline_scan_items", "sightline_scans_running", "sightline_open_windows",
              "sightline_build_info"}) {
            const QByteArray help = "# HELP " + QByteArray(family) + ' ';
            QVERIFY2(text.contains(help), family);
        }
        QCOMPARE(sampleValue(text, u"sightline_build_info"_s, {{u"version"_s, u"9.9.9-test"_s}}), 1.0);
        QCOMPARE(sampleValue(text, u"sightline_request_duration_seconds_count"_s,
                             {{u"source"_s, u"grafana"_s}, {u"operation"_s, u"search"_s}}),
                 1.0);
        // Buckets from half a millisecond to 30 s.
        QVERIFY(sampleValue(text, u"sightline_request_duration_seconds_bucket"_s,
                            {{u"source"_s, u"grafana"_s}, {u"le"_s, u"0.0005"_s}}) >= 0);
        QVERIFY(sampleValue(text, u"sightline_request_duration_seconds_bucket"_s,
                            {{u"source"_s, u"grafana"_s}, {u"le"_s, u"30"_s}}) >= 0);
    }

    void scanProgressGauges()
    {
        {
            Metrics::ScanProgress scan("files");
            scan.setItems(1234);
            QCOMPARE(registryValue(u"sightline_scans_running"_s, {{u"source"_s, u"files"_s}}), 1.0);
            QCOMPARE(registryValue(u"sightline_scan_items"_s, {{u"source"_s, u"files"_s}}), 1234.0);
        }
        QCOMPARE(registryValue(u"sightline_scans_running"_s, {{u"source"_s, u"files"_s}}), 0.0);
        // The last scan's count stays.
        QCOMPARE(registryValue(u"sightline_scan_items"_s, {{u"source"_s, u"files"_s}}), 1234.0);
    }

    void postgresRequestsAreCounted()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
        if (url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_POSTGRES_URL is not set: run the tests through scripts/test");
        const Labels query{{u"source"_s, u"postgres"_s}, {u"operation"_s, u"query"_s}};
        const Labels connect{{u"source"_s, u"postgres"_s}, {u"operation"_s, u"connect"_s}};
        const double queriesBefore =
            qMax(0.0, registryValue(u"sightline_request_duration_seconds_count"_s, query));
        const double errorsBefore = qMax(0.0, registryValue(u"sightline_request_errors_total"_s, query));

        auto connection = createPostgresConnection(url);
        const SqlError opened = connection->open();
        QVERIFY2(!opened.isError(), qPrintable(opened.message));
        for (int i = 0; i < 3; ++i)
            QVERIFY(connection->exec(u"SELECT 1"_s).ok());
        QVERIFY(!connection->exec(u"SELECT * FROM no_such_table_for_metrics"_s).ok());

        // open() runs one setup statement, then 3 good queries and 1 bad one.
        QCOMPARE(registryValue(u"sightline_request_duration_seconds_count"_s, query), queriesBefore + 5);
        QCOMPARE(registryValue(u"sightline_request_errors_total"_s, query), errorsBefore + 1);
        QVERIFY(registryValue(u"sightline_request_duration_seconds_sum"_s, query) > 0);
        QVERIFY(registryValue(u"sightline_request_duration_seconds_count"_s, connect) >= 1);

        // A closed port: the connect fails and is counted as an error.
        const double connectErrorsBefore =
            qMax(0.0, registryValue(u"sightline_request_errors_total"_s, connect));
        auto refused = createPostgresConnection(u"postgresql://sightline@127.0.0.1:%1/none"_s.arg(freePort()),
                                                true, 3000);
        QVERIFY(refused->open().isError());
        QCOMPARE(registryValue(u"sightline_request_errors_total"_s, connect), connectErrorsBefore + 1);
    }

    void liveMergeCounters()
    {
        const auto value = [](const QString &name, const QString &key, const QString &label) {
            return qMax(0.0, registryValue(name, {{key, label}}));
        };
        const double redisBefore = value(u"sightline_live_events_ingested_total"_s, u"source"_s, u"redis"_s);
        const double postgresBefore =
            value(u"sightline_live_events_ingested_total"_s, u"source"_s, u"postgres"_s);
        const double duplicatesBefore =
            value(u"sightline_live_events_dropped_total"_s, u"reason"_s, u"duplicate"_s);
        const double unparseableBefore =
            value(u"sightline_live_events_dropped_total"_s, u"reason"_s, u"unparseable"_s);

        LiveMerger merger(1000);
        auto fromRedis = std::make_unique<LiveEventBatch>();
        LiveEventParser redisParser(LiveSource::Redis);
        for (qint64 id = 1; id <= 5; ++id)
            redisParser.parse(liveEvent(id), 0, *fromRedis);
        merger.submit(std::move(fromRedis));
        // PostgreSQL delivers 4 and 5 again (dropped), 6 and 7, and one message that is not JSON.
        auto fromPostgres = std::make_unique<LiveEventBatch>();
        LiveEventParser postgresParser(LiveSource::Postgres, -(qint64(1) << 40));
        for (qint64 id = 4; id <= 7; ++id)
            postgresParser.parse(liveEvent(id), 0, *fromPostgres);
        postgresParser.parse("not json {", 0, *fromPostgres);
        merger.submit(std::move(fromPostgres));
        QCOMPARE(merger.counters().duplicates, 2);

        QCOMPARE(value(u"sightline_live_events_ingested_total"_s, u"source"_s, u"redis"_s), redisBefore + 5);
        QCOMPARE(value(u"sightline_live_events_ingested_total"_s, u"source"_s, u"postgres"_s),
                 postgresBefore + 3);
        QCOMPARE(value(u"sightline_live_events_dropped_total"_s, u"reason"_s, u"duplicate"_s),
                 duplicatesBefore + 2);
        QCOMPARE(value(u"sightline_live_events_dropped_total"_s, u"reason"_s, u"unparseable"_s),
                 unparseableBefore + 1);
    }

    void exposerServesMetrics()
    {
        Metrics::setBuildInfo("9.9.9-test");
        QString error;
        auto exposer = Metrics::MetricsExposer::start(u"127.0.0.1:0"_s, &error);
        QVERIFY2(exposer, qPrintable(error));
        QVERIFY(exposer->port() > 0);
        QCOMPARE(exposer->url(), u"http://127.0.0.1:%1/metrics"_s.arg(exposer->port()));
        const QByteArray body = httpGet(QUrl(exposer->url()), &error);
        QVERIFY2(!body.isEmpty(), qPrintable(error));
        QCOMPARE(sampleValue(body, u"sightline_build_info"_s, {{u"version"_s, u"9.9.9-test"_s}}), 1.0);
        QVERIFY(body.contains("# TYPE sightline_request_duration_seconds histogram"));
    }

    void exposerOnATakenPortFails()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        QString error;
        const QString address = u"127.0.0.1:%1"_s.arg(taken.serverPort());
        auto exposer = Metrics::MetricsExposer::start(address, &error);
        QVERIFY(!exposer);
        QVERIFY2(error.contains(address) && error.contains(u"in use"_s), qPrintable(error));

        QVERIFY(!Metrics::MetricsExposer::start(u"999.1.1.1:80"_s, &error));
        QVERIFY2(error.contains(u"999.1.1.1"_s), qPrintable(error));
    }

    // A real Prometheus scrapes the exposer every second.
    void prometheusScrapesTheExposer()
    {
        const QString binary = QStandardPaths::findExecutable(u"prometheus"_s);
        if (binary.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("prometheus is not installed: run scripts/install-deps");
        // A request of our own, so that the postgres series exists with or without the server.
        Metrics::observeRequest("postgres", "query", 0.002);
        QString error;
        auto exposer = Metrics::MetricsExposer::start(u"127.0.0.1:0"_s, &error);
        QVERIFY2(exposer, qPrintable(error));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(u"prometheus.yml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                     "  - job_name: sightline\n    static_configs:\n      - targets: ['127.0.0.1:" +
                     QByteArray::number(exposer->port()) + "']\n");
        config.close();
        const quint16 port = freePort();
        QProcess prometheus;
        prometheus.setProcessChannelMode(QProcess::MergedChannels);
        prometheus.start(binary,
                         {u"--config.file="_s + config.fileName(),
                          u"--web.listen-address=127.0.0.1:"_s + QString::number(port),
                          u"--storage.tsdb.path="_s + dir.filePath(u"data"_s), u"--log.level=warn"_s});
        QVERIFY(prometheus.waitForStarted(10000));
        auto stop = qScopeGuard([&prometheus] {
            prometheus.terminate();
            if (!prometheus.waitForFinished(10000))
                prometheus.kill();
        });

        const auto query = [port](const QString &promql) -> double {
            QUrl url(u"http://127.0.0.1:%1/api/v1/query"_s.arg(port));
            QUrlQuery q;
            q.addQueryItem(u"query"_s, promql);
            url.setQuery(q);
            const QJsonArray result = QJsonDocument::fromJson(httpGet(url, nullptr, 3000))
                                          .object()
                                          .value(u"data"_s)
                                          .toObject()
                                          .value(u"result"_s)
                                          .toArray();
            if (result.isEmpty())
                return -1;
            return result.first().toObject().value(u"value"_s).toArray().at(1).toString().toDouble();
        };
        QElapsedTimer clock;
        clock.start();
        double up = -1;
        double count = -1;
        while (clock.elapsed() < 60000 && (up != 1 || count <= 0)) {
            QTest::qWait(500);
            up = query(u"up{job=\"sightline\"}"_s);
            count = query(u"sum(sightline_request_duration_seconds_count{source=\"postgres\"})"_s);
        }
        QVERIFY2(up == 1, qPrintable(u"up = %1; Prometheus said: %2"_s.arg(up).arg(
                              QString::fromUtf8(prometheus.readAll()))));
        QVERIFY2(count > 0, qPrintable(u"count = %1"_s.arg(count)));
    }

    // The real binary with --metrics-listen: the port on stderr, the main window counted.
    void binaryServesMetrics()
    {
        QVERIFY2(QFileInfo(TestSupport::sightlineBinary()).isExecutable(),
                 qPrintable(TestSupport::sightlineBinary()));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess sightline;
        sightline.setProcessEnvironment(TestSupport::privateEnvironment(home.path()));
        sightline.start(TestSupport::sightlineBinary(),
                        {u"--demo"_s, u"--metrics-listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(sightline.waitForStarted(10000));
        auto stop = qScopeGuard([&sightline] {
            sightline.terminate();
            if (!sightline.waitForFinished(10000))
                sightline.kill();
        });
        static const QRegularExpression serving(
            u"Serving Sightline's metrics at (http://127\\.0\\.0\\.1:(\\d+)/metrics)"_s);
        QByteArray errors;
        QRegularExpressionMatch match;
        QElapsedTimer clock;
        clock.start();
        while (!match.hasMatch() && clock.elapsed() < 30000 && sightline.state() == QProcess::Running) {
            sightline.waitForReadyRead(500);
            errors += sightline.readAllStandardError();
            match = serving.match(QString::fromUtf8(errors));
        }
        QVERIFY2(match.hasMatch(), errors.constData());
        QVERIFY(match.captured(2).toInt() > 0);
        // Nothing but that line on stderr: the log goes to the log file without --log-stderr.
        QVERIFY2(!errors.contains("{\"time\""), errors.constData());

        QByteArray body;
        double windows = -1;
        while (clock.elapsed() < 60000 && windows != 1) {
            QTest::qWait(300);
            body = httpGet(QUrl(match.captured(1)));
            windows = sampleValue(body, u"sightline_open_windows"_s, {{u"kind"_s, u"main"_s}});
        }
        QCOMPARE(windows, 1.0);
        QCOMPARE(
            sampleValue(body, u"sightline_build_info"_s, {{u"version"_s, QStringLiteral(SIGHTLINE_VERSION)}}),
            1.0);
    }

    void binaryOnATakenPortExits2()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        for (const QString &listen : {u"127.0.0.1:%1"_s.arg(taken.serverPort()), u"127.0.0.1:99999"_s}) {
            QProcess sightline;
            sightline.setProcessEnvironment(TestSupport::privateEnvironment(home.path()));
            sightline.start(TestSupport::sightlineBinary(), {u"--demo"_s, u"--metrics-listen"_s, listen});
            QVERIFY(sightline.waitForFinished(30000));
            const QString errors = QString::fromUtf8(sightline.readAllStandardError());
            QCOMPARE(sightline.exitStatus(), QProcess::NormalExit);
            QCOMPARE(sightline.exitCode(), 2);
            QVERIFY2(errors.contains(u"sightline: "_s) && errors.contains(listen.section(u':', 1)),
                     qPrintable(errors));
        }
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
