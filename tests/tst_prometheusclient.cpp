// PrometheusClient against the real Prometheus that scripts/test starts (seeded history, a target
// that is down, an alert that always fires), and against in-process servers that misbehave.

#include "awaitfuture.h"
#include "core/datagenerator.h"
#include "serverskip.h"
#include "sources/prometheus/prometheusclient.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Sightline;
using Sightline::TestSupport::await;
using Kind = PrometheusError::Kind;

Q_DECLARE_METATYPE(Sightline::PrometheusError::Kind)

namespace {

// Answers each request (head and body read) with what `respond` writes; keeps the requests so
// tests can check what the client sent.
class ScriptedServer : public QTcpServer
{
public:
    std::function<void(QTcpSocket *, const QByteArray &)> respond;
    QList<QByteArray> requests;
    int disconnects = 0;

    QString url() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, this, [this] { ++disconnects; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype length = header(*buffer, "content-length").toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            const QByteArray request = *buffer;
            buffer->clear();
            requests.append(request);
            if (respond)
                respond(socket, request);
        });
    }

public:
    static QByteArray header(const QByteArray &request, const QByteArray &name)
    {
        for (const QByteArray &line : request.left(request.indexOf("\r\n\r\n")).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

QByteArray httpAnswer(int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type +
           "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

const QByteArray labelsBody = R"({"status":"success","data":["__name__","job"]})";

PrometheusConnection connectionTo(const QString &url, int timeoutMs = 10'000)
{
    PrometheusConnection connection;
    connection.url = QUrl(url);
    connection.timeoutMs = timeoutMs;
    return connection;
}

// queue_depth as the seed writes it (see the seed spec): samples at the multiples of 15 s.
double queueDepth(qint64 t)
{
    // The seed reduces t modulo each period before sin (exact for whole seconds); a plain
    // sin(2πt/86400) of a Unix time is off by ~1e-8, which flips round() at a .5 boundary.
    return std::round(20 + 15 * std::sin(2 * M_PI * double(t % 86400) / 86400) +
                      5 * std::sin(2 * M_PI * double(t % 3600) / 3600));
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    qint64 m_seedEnd = 0;

    template<typename T>
    static T awaitReply(QFuture<T> future, int timeoutMs = 60000)
    {
        T reply = await(future, timeoutMs);
        if (!future.isFinished())
            qWarning("the request did not finish");
        return reply;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
        m_seedEnd = qEnvironmentVariable("SIGHTLINE_TEST_SEED_END_TIME").toLongLong();
    }

    // --- the real Prometheus --------------------------------------------------------------

    void queueDepthRange()
    {
        if (m_url.isEmpty() || m_seedEnd == 0)
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_PROMETHEUS_URL or SIGHTLINE_TEST_SEED_END_TIME is not set: run through "
                "scripts/test");
        PrometheusClient client(PrometheusConnection::fromProfileUrl(m_url, 30));
        const qint64 end = m_seedEnd / 15 * 15 - 3600;
        const qint64 start = end - 3600;
        const PrometheusQueryReply reply =
            awaitReply(client.queryRange(u"queue_depth"_s, double(start), double(end), 15));
        QVERIFY2(reply.value, qPrintable(reply.error.message));
        QCOMPARE(reply.value->resultType, u"matrix"_s);
        QCOMPARE(reply.value->series.size(), 1);
        const PrometheusSeries &series = reply.value->series.first();
        QCOMPARE(series.labels.value(u"__name__"_s), u"queue_depth"_s);
        QCOMPARE(series.displayName(), u"queue_depth"_s);
        QCOMPARE(series.timesSeconds.size(), 241);
        QCOMPARE(reply.value->points(), 241);
        QVERIFY(reply.value->bytes > 0);
        QVERIFY(reply.elapsedMs > 0);
        for (qsizetype i = 0; i < series.timesSeconds.size(); ++i) {
            const qint64 t = start + 15 * i;
            QCOMPARE(series.timesSeconds[i], double(t));
            QCOMPARE(series.values[i], queueDepth(t));
        }
    }

    void expressionsReachPrometheusIntact()
    {
        if (m_url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_PROMETHEUS_URL is not set: run through scripts/test");
        PrometheusClient client(connectionTo(m_url));
        // '+' must not arrive as a space, nor '&' and '=' split the query string.
        const PrometheusQueryReply scalar = awaitReply(client.query(u"1 + 2 * 3"_s, 1700000000.0));
        QVERIFY2(scalar.value, qPrintable(scalar.error.message));
        QCOMPARE(scalar.value->resultType, u"scalar"_s);
        QCOMPARE(scalar.value->series.first().values.first(), 7.0);
        QCOMPARE(scalar.value->series.first().timesSeconds.first(), 1700000000.0);

        const PrometheusQueryReply vector =
            awaitReply(client.query(u"label_replace(vector(1), \"a\", \"x&y=z #1+2%\", \"\", \"\")"_s));
        QVERIFY2(vector.value, qPrintable(vector.error.message));
        QCOMPARE(vector.value->resultType, u"vector"_s);
        QCOMPARE(vector.value->series.first().labels.value(u"a"_s), u"x&y=z #1+2%"_s);

        // Over 4 KB: sent as a form POST.
        QString longExpression = u"1"_s;
        for (int i = 0; i < 1200; ++i)
            longExpression += u" + 0"_s;
        const PrometheusQueryReply sum = awaitReply(client.query(longExpression));
        QVERIFY2(sum.value, qPrintable(sum.error.message));
        QCOMPARE(sum.value->series.first().values.first(), 1.0);

        const PrometheusQueryReply text = awaitReply(client.query(u"\"hello\""_s));
        QVERIFY2(text.value, qPrintable(text.error.message));
        QCOMPARE(text.value->stringValue, u"hello"_s);
    }

    void syntaxErrorIsPrometheusMessage()
    {
        if (m_url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_PROMETHEUS_URL is not set: run through scripts/test");
        PrometheusClient client(connectionTo(m_url));
        for (const bool range : {false, true}) {
            const PrometheusQueryReply reply =
                awaitReply(range ? client.queryRange(u"sum(rate(x[5m]"_s, 0, 60, 15)
                                 : client.query(u"sum(rate(x[5m]"_s));
            QVERIFY(!reply.value);
            QCOMPARE(reply.error.kind, Kind::Api);
            QCOMPARE(reply.error.errorType, u"bad_data"_s);
            QCOMPARE(reply.error.httpStatus, 400);
            QVERIFY2(reply.error.message.startsWith(u"bad_data: "_s), qPrintable(reply.error.message));
            QVERIFY2(reply.error.message.contains(u"parse error"_s), qPrintable(reply.error.message));
        }
    }

    void labelsAndSeries()
    {
        if (m_url.isEmpty() || m_seedEnd == 0)
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_PROMETHEUS_URL or SIGHTLINE_TEST_SEED_END_TIME is not set: run through "
                "scripts/test");
        PrometheusClient client(connectionTo(m_url));
        const PrometheusLabelsReply labels = awaitReply(client.labels());
        QVERIFY2(labels.value, qPrintable(labels.error.message));
        QVERIFY(labels.value->contains(u"__name__"_s));
        QVERIFY(labels.value->contains(u"instance"_s));

        const PrometheusSeriesReply series = awaitReply(client.series(
            {u"container_memory_usage_bytes"_s}, double(m_seedEnd - 15 * 86400), double(m_seedEnd + 3600)));
        QVERIFY2(series.value, qPrintable(series.error.message));
        QVERIFY(!series.value->isEmpty());
        QSet<QString> containers;
        const qint64 evaluations = qEnvironmentVariable("SIGHTLINE_TEST_SEED_EVALUATIONS").toLongLong();
        const qint64 every = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_EVERY", u"100"_s).toLongLong();
        if (evaluations > 0 && every > 0) {
            GeneratorOptions options;
            options.seed = 42;
            options.evaluationCount = evaluations;
            options.endTime = m_seedEnd * 1000;
            options.generateFileContent = false;
            const EvaluationDataGenerator generator(options);
            for (qint64 i = 0; i < evaluations; i += every)
                containers.insert(generator.evaluation(i).detail.containerId);
        }
        for (const QMap<QString, QString> &labelSet : *series.value) {
            QCOMPARE(labelSet.value(u"__name__"_s), u"container_memory_usage_bytes"_s);
            QVERIFY(!labelSet.value(u"instance"_s).isEmpty());
            if (!containers.isEmpty())
                QVERIFY2(containers.contains(labelSet.value(u"name"_s)),
                         qPrintable(labelSet.value(u"name"_s)));
        }
        // Two matchers: both sets, and a matcher that matches nothing adds nothing.
        const PrometheusSeriesReply two = awaitReply(client.series(
            {u"container_memory_usage_bytes"_s, u"queue_depth"_s, u"{__name__=\"no_such_metric\"}"_s},
            double(m_seedEnd - 15 * 86400), double(m_seedEnd + 3600)));
        QVERIFY2(two.value, qPrintable(two.error.message));
        QCOMPARE(two.value->size(), series.value->size() + 1);
    }

    void targets()
    {
        if (m_url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_PROMETHEUS_URL is not set: run through scripts/test");
        PrometheusClient client(connectionTo(m_url));
        QElapsedTimer waited;
        waited.start();
        PrometheusTargetsReply reply;
        const auto find = [&reply](const QString &job) -> const PrometheusTarget * {
            for (const PrometheusTarget &t : *reply.value)
                if (t.labels.value(u"job"_s) == job)
                    return &t;
            return nullptr;
        };
        // Targets appear a few seconds after the start, and are "unknown" until first scraped.
        for (;;) {
            reply = awaitReply(client.targets());
            QVERIFY2(reply.value, qPrintable(reply.error.message));
            const PrometheusTarget *up = find(u"prometheus"_s);
            const PrometheusTarget *down = find(u"unreachable"_s);
            if ((up && down && up->health == u"up" && down->health == u"down") || waited.elapsed() > 20000)
                break;
            QTest::qWait(500);
        }
        const PrometheusTarget *up = find(u"prometheus"_s);
        const PrometheusTarget *down = find(u"unreachable"_s);
        QVERIFY2(up && down, "jobs \"prometheus\" and \"unreachable\" are not among the targets");
        QCOMPARE(up->health, u"up"_s);
        QVERIFY(up->lastError.isEmpty());
        QVERIFY(up->lastScrapeSeconds);
        QVERIFY(std::abs(*up->lastScrapeSeconds - double(QDateTime::currentSecsSinceEpoch())) < 120);
        QVERIFY(up->scrapeUrl.endsWith(u"/metrics"_s));
        QCOMPARE(up->scrapePool, u"prometheus"_s);
        QCOMPARE(down->health, u"down"_s);
        QVERIFY2(!down->lastError.isEmpty(), "a target that is down says why");
    }

    void alerts()
    {
        if (m_url.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_PROMETHEUS_URL is not set: run through scripts/test");
        PrometheusClient client(connectionTo(m_url));
        QElapsedTimer waited;
        waited.start();
        std::optional<PrometheusAlert> firing;
        while (!firing && waited.elapsed() < 25000) {
            const PrometheusAlertsReply reply = awaitReply(client.alerts());
            QVERIFY2(reply.value, qPrintable(reply.error.message));
            for (const PrometheusAlert &a : *reply.value) {
                QVERIFY(a.name != u"SightlineTestNeverFiring");
                if (a.name == u"SightlineTestAlwaysFiring" && a.state == u"firing")
                    firing = a;
            }
            if (!firing)
                QTest::qWait(500);
        }
        QVERIFY2(firing, "SightlineTestAlwaysFiring did not fire within 25 s");
        QCOMPARE(firing->labels.value(u"severity"_s), u"warning"_s);
        QCOMPARE(firing->annotations.value(u"summary"_s), u"Always firing, for the tests"_s);
        QVERIFY(firing->activeAtSeconds);
        QVERIFY(!firing->value.isEmpty());
    }

    void concurrentRequests()
    {
        if (m_url.isEmpty() || m_seedEnd == 0)
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_PROMETHEUS_URL or SIGHTLINE_TEST_SEED_END_TIME is not set: run through "
                "scripts/test");
        PrometheusClient client(connectionTo(m_url));
        QList<QFuture<PrometheusQueryReply>> futures;
        const qint64 end = m_seedEnd / 15 * 15;
        for (int i = 0; i < 12; ++i)
            futures.append(
                client.queryRange(u"queue_depth"_s, double(end - 86400 + 3600 * i), double(end), 15));
        futures.append(client.query(u"sum("_s));
        for (int i = 0; i < 12; ++i) {
            const PrometheusQueryReply reply = awaitReply(futures[i]);
            QVERIFY2(reply.value, qPrintable(reply.error.message));
            QCOMPARE(reply.value->points(), (86400 - 3600 * i) / 15 + 1);
            const PrometheusSeries &s = reply.value->series.first();
            QCOMPARE(s.values.last(), queueDepth(end));
        }
        QCOMPARE(awaitReply(futures.last()).error.kind, Kind::Api);
    }

    // --- servers that misbehave ---------------------------------------------------------------

    void timeout()
    {
        TestSupport::SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(u"http://127.0.0.1:%1"_s.arg(server.serverPort()), 500));
        QElapsedTimer timer;
        timer.start();
        const PrometheusQueryReply reply = awaitReply(client.queryRange(u"up"_s, 0, 60, 15));
        QCOMPARE(reply.error.kind, Kind::Timeout);
        QVERIFY(timer.elapsed() >= 450);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(reply.error.message.contains(u"127.0.0.1:%1/api/v1/query_range"_s.arg(server.serverPort())),
                 qPrintable(reply.error.message));
        QVERIFY2(reply.error.message.contains(u"0.5 s"_s), qPrintable(reply.error.message));
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        PrometheusClient client(connectionTo(u"http://127.0.0.1:%1"_s.arg(port)));
        const PrometheusLabelsReply reply = awaitReply(client.labels());
        QCOMPARE(reply.error.kind, Kind::Network);
        QVERIFY2(reply.error.message.contains(u"refused"_s, Qt::CaseInsensitive),
                 qPrintable(reply.error.message));
        QVERIFY(reply.error.message.contains(u"/api/v1/labels"_s));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message"); // contained in the reply's message
        QTest::newRow("500 html") << httpAnswer(500, "Internal Server Error", "text/html",
                                                "<html><body><h1>Internal error</h1>" + QByteArray(500, 'x') +
                                                    "</body></html>")
                                  << Kind::Http << 500
                                  << u"HTTP 500 Internal Server Error: <html><body><h1>Internal error"_s;
        QTest::newRow("503 text") << httpAnswer(503, "Service Unavailable", "text/plain", "try later")
                                  << Kind::Http << 503 << u"HTTP 503 Service Unavailable: try later"_s;
        QTest::newRow("422 api error")
            << httpAnswer(
                   422, "Unprocessable Entity", "application/json",
                   R"({"status":"error","errorType":"execution","error":"expanding series: too many"})")
            << Kind::Api << 422 << u"execution: expanding series: too many"_s;
        QTest::newRow("200 not json") << httpAnswer(200, "OK", "text/html", "<html>proxy login</html>")
                                      << Kind::Malformed << 200 << u"expected a JSON object"_s;
        QTest::newRow("200 wrong shape")
            << httpAnswer(
                   200, "OK", "application/json",
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,2]]}]}})")
            << Kind::Malformed << 200
            << u"/api/v1/query: data.result[0].values[0]: expected [time, \"value\"]"_s;
    }

    void httpErrors()
    {
        QFETCH(QByteArray, answer);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, message);
        ScriptedServer server;
        server.respond = [answer](QTcpSocket *socket, const QByteArray &) { socket->write(answer); };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(server.url()));
        const PrometheusQueryReply reply = awaitReply(client.query(u"up"_s));
        QCOMPARE(reply.error.kind, kind);
        if (kind != Kind::Malformed)
            QCOMPARE(reply.error.httpStatus, status);
        QVERIFY2(reply.error.message.contains(message), qPrintable(reply.error.message));
        QVERIFY(reply.error.message.size() < 400);
        // The other endpoints read error answers the same way.
        const PrometheusLabelsReply labels = awaitReply(client.labels());
        QCOMPARE(labels.error.kind, kind);
    }

    void connectionDropsMidBody()
    {
        ScriptedServer server;
        const QByteArray body =
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[)"
            R"([1,"1"],[2,"2"],[3,"3"],[4,"4"])";
        server.respond = [body](QTcpSocket *socket, const QByteArray &) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + body);
            socket->flush();
            QTimer::singleShot(100, socket, [socket] { socket->abort(); });
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(server.url()));
        const PrometheusQueryReply reply = awaitReply(client.queryRange(u"up"_s, 0, 60, 15));
        QVERIFY(!reply.value);
        QVERIFY(reply.error.kind == Kind::Network || reply.error.kind == Kind::Malformed);
        QVERIFY2(reply.error.message.contains(u"closed before the whole answer arrived"_s) ||
                     reply.error.message.contains(u"ends early"_s),
                 qPrintable(reply.error.message));
        const PrometheusTargetsReply targets = awaitReply(client.targets());
        QVERIFY(targets.error.kind == Kind::Network || targets.error.kind == Kind::Malformed);

        // Without a length, the end of the connection is the end of the body: a truncated body.
        server.respond = [body](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
                          body);
            socket->disconnectFromHost();
        };
        const PrometheusQueryReply unframed = awaitReply(client.query(u"up"_s));
        QCOMPARE(unframed.error.kind, Kind::Malformed);
        QVERIFY2(unframed.error.message.contains(u"the answer ends early, after %1 bytes"_s.arg(body.size())),
                 qPrintable(unframed.error.message));
    }

    // A large answer in HTTP chunks over many reads: parsed as it arrives, the same as whole.
    void largeAnswerInChunks()
    {
        QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
        for (int s = 0; s < 40; ++s) {
            body += (s ? ",{" : "{") +
                    ("\"metric\":{\"__name__\":\"m\",\"series\":\"" + QByteArray::number(s)) +
                    "\"},\"values\":[";
            for (int p = 0; p < 2000; ++p)
                body += (p ? ",[" : "[") + QByteArray::number(1700000000 + 15 * p) + ",\"" +
                        QByteArray::number(std::sin(p * 0.01 + s) * 1e3, 'g', 17) + "\"]";
            body += "]}";
        }
        body += R"(]},"warnings":["partial"]})";
        ScriptedServer server;
        server.respond = [body](QTcpSocket *socket, const QByteArray &) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            auto at = std::make_shared<qsizetype>(0);
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, body, at, timer] {
                const QByteArray chunk = body.mid(*at, 64 * 1024 + 17);
                *at += chunk.size();
                socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
                if (chunk.isEmpty()) {
                    timer->stop();
                    socket->disconnectFromHost();
                }
            });
            timer->start(2);
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(server.url()));
        const PrometheusQueryReply reply = awaitReply(client.queryRange(u"m"_s, 1700000000, 1700030000, 15));
        QVERIFY2(reply.value, qPrintable(reply.error.message));
        const PrometheusQueryReply whole = parsePrometheusQueryResponse(body);
        QVERIFY(whole.value);
        QCOMPARE(reply.value->bytes, body.size());
        QCOMPARE(reply.value->points(), 40 * 2000);
        QCOMPARE(reply.value->warnings, QStringList{u"partial"_s});
        QCOMPARE(reply.value->series.size(), whole.value->series.size());
        for (qsizetype i = 0; i < whole.value->series.size(); ++i) {
            QCOMPARE(reply.value->series[i].labels, whole.value->series[i].labels);
            QCOMPARE(reply.value->series[i].timesSeconds, whole.value->series[i].timesSeconds);
            QCOMPARE(reply.value->series[i].values, whole.value->series[i].values);
        }
        QCOMPARE(reply.value->series[7].values[1234], std::sin(1234 * 0.01 + 7) * 1e3);
    }

    void cancelAbortsPromptly()
    {
        ScriptedServer server; // sends the head and a little of the body, then nothing
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                R"({"status":"success","data":{"resultType":"matrix","result":[)");
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(server.url(), 60'000));
        QFuture<PrometheusQueryReply> future = client.queryRange(u"up"_s, 0, 60, 15);
        QTRY_COMPARE(server.requests.size(), 1);
        QTest::qWait(200);
        QVERIFY(!future.isFinished());
        QElapsedTimer timer;
        timer.start();
        future.cancel();
        const PrometheusQueryReply reply = awaitReply(future, 5000);
        const qint64 ms = timer.elapsed();
        QVERIFY(future.isFinished());
        QCOMPARE(reply.error.kind, Kind::Cancelled);
        QVERIFY2(ms < 1000, qPrintable(u"cancelled after %1 ms"_s.arg(ms))); // ~1 ms unloaded
        QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 2000); // the connection was closed, not left
    }

    void cancelAll()
    {
        TestSupport::SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(u"http://127.0.0.1:%1"_s.arg(server.serverPort()), 60'000));
        const QFuture<PrometheusQueryReply> a = client.query(u"up"_s);
        const QFuture<PrometheusLabelsReply> b = client.labels();
        const QFuture<PrometheusAlertsReply> c = client.alerts();
        QTRY_COMPARE(server.held.size(), 3);
        client.cancelAll();
        QCOMPARE(awaitReply(a, 5000).error.kind, Kind::Cancelled);
        QCOMPARE(awaitReply(b, 5000).error.kind, Kind::Cancelled);
        QCOMPARE(awaitReply(c, 5000).error.kind, Kind::Cancelled);
    }

    void destroyedWithRequestsInFlight()
    {
        TestSupport::SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        auto client = std::make_unique<PrometheusClient>(
            connectionTo(u"http://127.0.0.1:%1"_s.arg(server.serverPort()), 60'000));
        QList<QFuture<PrometheusQueryReply>> futures;
        for (int i = 0; i < 5; ++i)
            futures.append(client->queryRange(u"up"_s, 0, 60, 15));
        const QFuture<PrometheusTargetsReply> targets = client->targets();
        QTRY_COMPARE(server.held.size(), 6);
        futures.append(client->query(u"not yet sent"_s)); // still queued for the worker
        QElapsedTimer timer;
        timer.start();
        client.reset();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        for (const QFuture<PrometheusQueryReply> &f : futures) {
            QVERIFY(f.isFinished());
            QCOMPARE(f.result().error.kind, Kind::Cancelled);
        }
        QVERIFY(targets.isFinished());
        QCOMPARE(targets.result().error.kind, Kind::Cancelled);
    }

    void tooLarge()
    {
        ScriptedServer server;
        bool announce = true;
        server.respond = [&announce](QTcpSocket *socket, const QByteArray &) {
            // Valid as far as it goes for every endpoint's parser: only the size is wrong.
            const QByteArray body =
                "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"" +
                QByteArray(50000, 'a') + "\"]}}";
            if (announce) {
                socket->write(httpAnswer(200, "OK", "application/json", body));
            } else {
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            }
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusConnection connection = connectionTo(server.url());
        connection.maxResponseBytes = 10000;
        PrometheusClient client(connection);
        for (const bool withLength : {true, false}) {
            announce = withLength;
            const PrometheusLabelsReply labels = awaitReply(client.labels());
            QCOMPARE(labels.error.kind, Kind::TooLarge);
            QVERIFY2(labels.error.message.contains(u"/api/v1/labels: the answer is larger than"_s),
                     qPrintable(labels.error.message));
            const PrometheusQueryReply query = awaitReply(client.query(u"up"_s));
            QCOMPARE(query.error.kind, Kind::TooLarge);
        }
    }

    void requestsAsSent()
    {
        ScriptedServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write(httpAnswer(200, "OK", "application/json", labelsBody));
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PrometheusClient client(connectionTo(server.url() + u"/prom/"_s));
        QVERIFY(awaitReply(client.labels()).value);
        QVERIFY(!awaitReply(client.series({u"up{job=\"a+b\"}"_s, u"x"_s}, 10, 20.5)).value); // labels body
        QVERIFY(!awaitReply(client.queryRange(u"a + b"_s, 1700000000, 1700000060.25, 15)).value);
        QString longExpression = u"1"_s;
        for (int i = 0; i < 1200; ++i)
            longExpression += u" + 0"_s;
        QVERIFY(!awaitReply(client.query(longExpression)).value);
        QCOMPARE(server.requests.size(), 4);
        const auto line = [&server](int i) {
            return server.requests[i].left(server.requests[i].indexOf('\r'));
        };
        QCOMPARE(line(0), "GET /prom/api/v1/labels HTTP/1.1");
        QCOMPARE(
            line(1),
            "GET /prom/api/v1/series?match%5B%5D=up%7Bjob%3D%22a%2Bb%22%7D&match%5B%5D=x&start=10&end=20.5 "
            "HTTP/1.1");
        QCOMPARE(line(2),
                 "GET /prom/api/v1/query_range?query=a%20%2B%20b&start=1700000000&end=1700000060.25&step=15 "
                 "HTTP/1.1");
        QCOMPARE(line(3), "POST /prom/api/v1/query HTTP/1.1");
        QCOMPARE(ScriptedServer::header(server.requests[3], "content-type"),
                 "application/x-www-form-urlencoded");
        const QByteArray form = server.requests[3].mid(server.requests[3].indexOf("\r\n\r\n") + 4);
        QVERIFY(form.startsWith("query=1%20%2B%200%20%2B%200"));
        QCOMPARE(form.size(), 7 + 1200 * 10);
        for (const QByteArray &request : server.requests) {
            QCOMPARE(ScriptedServer::header(request, "accept-encoding"), "identity");
            QCOMPARE(ScriptedServer::header(request, "authorization"), QByteArray());
        }
    }

    void authentication()
    {
        ScriptedServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &request) {
            const QByteArray auth = ScriptedServer::header(request, "authorization");
            if (auth == "Bearer t0ken/+=" || auth == "Basic " + QByteArray("alice:p@ss:word").toBase64())
                socket->write(httpAnswer(200, "OK", "application/json", labelsBody));
            else
                socket->write(httpAnswer(401, "Unauthorized", "text/plain", "who are you?"));
        };
        QVERIFY(server.listen(QHostAddress::LocalHost));

        PrometheusConnection bearer = connectionTo(server.url());
        bearer.bearerToken = u"t0ken/+="_s;
        PrometheusClient bearerClient(bearer);
        const PrometheusLabelsReply ok = awaitReply(bearerClient.labels());
        QVERIFY2(ok.value, qPrintable(ok.error.message));

        PrometheusConnection basic = connectionTo(u"http://alice@127.0.0.1:%1"_s.arg(server.serverPort()));
        basic.password = u"p@ss:word"_s;
        PrometheusClient basicClient(basic);
        const PrometheusLabelsReply okBasic = awaitReply(basicClient.labels());
        QVERIFY2(okBasic.value, qPrintable(okBasic.error.message));
        QVERIFY(!basicClient.describe().contains(u"alice"_s));

        basic.password = u"wrong"_s;
        PrometheusClient wrongClient(basic);
        const PrometheusLabelsReply refused = awaitReply(wrongClient.labels());
        QCOMPARE(refused.error.kind, Kind::Http);
        QCOMPARE(refused.error.httpStatus, 401);
        QVERIFY(!refused.error.message.contains(u"wrong"_s));
        QVERIFY(!refused.error.message.contains(u"alice"_s));
    }

    void connectionFromProfile()
    {
        qputenv("SIGHTLINE_PROMETHEUS_TOKEN", "from-env");
        qputenv("SIGHTLINE_PROMETHEUS_PASSWORD", "env-pass");
        const PrometheusConnection a =
            PrometheusConnection::fromProfileUrl(u" https://bob:inline@prom.example:9443/prefix/ "_s, 7);
        QCOMPARE(a.bearerToken, u"from-env"_s);
        QCOMPARE(a.password, u"env-pass"_s);
        QCOMPARE(a.timeoutMs, 7000);
        QCOMPARE(a.url.userName(), u"bob"_s);
        QVERIFY(a.url.password().isEmpty());
        const PrometheusClient client(a);
        QCOMPARE(client.describe(), u"https://prom.example:9443/prefix"_s);
        qunsetenv("SIGHTLINE_PROMETHEUS_TOKEN");
        qunsetenv("SIGHTLINE_PROMETHEUS_PASSWORD");
        const PrometheusConnection b = PrometheusConnection::fromProfileUrl(u"http://bob:inline@h:9090"_s, 0);
        QVERIFY(b.bearerToken.isEmpty());
        QCOMPARE(b.password, u"inline"_s); // a password in the URL still works, but is not kept in it
        QVERIFY(!b.url.toString().contains(u"inline"_s));
        QCOMPARE(b.timeoutMs, PrometheusConnection().timeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
