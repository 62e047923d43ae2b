// The metric drill-down and the Metrics view, headless, against the real servers scripts/test
// starts: PostgreSQL seeded with 100,000 evaluations (seed 42) and a Prometheus whose history
// `sightline seed --prometheus-openmetrics` wrote for the same evaluations. The charted values are
// recomputed here from the seed spec, the links are checked character for character, and every
// bad input (queued evaluation, missing template field, closed port, silent server, NaN/±Inf) has
// its message. Screenshots go to $SIGHTLINE_TEST_OUTPUT_DIR (default <build>/tests/screenshots).

#include "awaitfuture.h"
#include "core/datagenerator.h"
#include "core/drilldown.h"
#include "models/promseriestablemodel.h"
#include "screenshots.h"
#include "serverskip.h"
#include "sources/evaluationstore.h"
#include "sources/prometheus/prometheusclient.h"
#include "testservers.h"
#include "ui/comparemetricspanel.h"
#include "ui/evaluationmetricspanel.h"
#include "ui/mainwindow.h"
#include "ui/metricchart.h"
#include "ui/metricsview.h"
#include "ui/prometheushealthpane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr int Timeout = 30000;
constexpr qint64 ContainerStep = 5; // s: the seeded container series
constexpr qint64 QueueStep = 15;    // s: queue_depth

const QString MemoryPromQL = u"container_memory_usage_bytes{name=\"${container_id}\"}"_s;
const QString CpuPromQL = u"rate(container_cpu_usage_seconds_total{name=\"${container_id}\"}[1m])"_s;

// sin/cos of 2πt/period for an integer t, with the phase reduced exactly first.
double phase(qint64 t, qint64 period)
{
    return 2 * M_PI * double(((t % period) + period) % period) / double(period);
}

qint64 floorTo(double seconds, qint64 step)
{
    return qint64(std::floor(seconds / double(step))) * step;
}

// The seeded container series of one evaluation (spec: "The seeded Prometheus history").
struct Container
{
    qint64 t0 = 0;   // first sample, Unix s
    qint64 last = 0; // last sample
    double avgMb = 512;
    double avgCores = 0.5;

    double memory(qint64 t) const
    {
        return std::llround(avgMb * 1048576 * (1 + 0.25 * std::sin(phase(t, 120))));
    }
    double cpu(qint64 t) const
    {
        return avgCores * (double(t - t0) -
                           (0.25 * 120 / (2 * M_PI)) * (std::cos(phase(t, 120)) - std::cos(phase(t0, 120))));
    }
};

Container containerOf(const EvaluationDetail &detail)
{
    Container c;
    const qint64 startMs = *detail.row.startedAt;
    const qint64 endMs = *detail.row.completedAt;
    c.t0 = qint64(std::ceil(double(startMs) / 1000.0 / ContainerStep)) * ContainerStep;
    c.last = floorTo(double(endMs) / 1000.0, ContainerStep);
    const double run = double(endMs - startMs) / 1000.0;
    if (detail.memoryMbSeconds)
        c.avgMb = *detail.memoryMbSeconds / run;
    if (detail.cpuSeconds)
        c.avgCores = *detail.cpuSeconds / run;
    return c;
}

QJsonObject panelJson(const QString &title, const QString &unit, const QString &promql)
{
    return QJsonObject{{u"title"_s, title}, {u"unit"_s, unit}, {u"promql"_s, promql}};
}

bool waitSettled(EvaluationMetricsPanel *panel, int timeoutMs = Timeout)
{
    return QTest::qWaitFor([panel] { return panel->isSettled(); }, timeoutMs);
}

// Answered, and every chart drawn at its width: what a screenshot should show.
bool waitDrawn(EvaluationMetricsPanel *panel)
{
    return QTest::qWaitFor(
        [panel] {
            if (!panel->isSettled())
                return false;
            for (int chart = 0; chart < panel->chartCount(); ++chart) {
                if (!panel->chart(chart)->isDrawn())
                    return false;
            }
            return true;
        },
        Timeout);
}

} // namespace

class TestUiMetrics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSupport::Screenshots m_shots;
    QString m_postgres;
    QString m_prometheus;
    GeneratorOptions m_generator;
    bool m_ready = false;
    QString m_missing;
    std::optional<EvaluationDetail> m_seeded;      // index % 100 == 0, completed, with a container
    std::optional<EvaluationDetail> m_seededOther; // another one, for the comparison
    QList<EvaluationEvent> m_seededEvents;
    QList<EvaluationEvent> m_otherEvents;
    std::optional<EvaluationDetail> m_queued;

    // A workspace profile as a file, as a user would write it; the path of the file.
    QString writeProfile(const QString &name, const QString &prometheusUrl, const QJsonArray &panels,
                         int timeoutSeconds = 10)
    {
        QJsonObject sources{{u"postgres"_s, QJsonObject{{u"url"_s, m_postgres}}},
                            {u"timeout_seconds"_s, timeoutSeconds}};
        if (!prometheusUrl.isEmpty())
            sources.insert(u"prometheus"_s, QJsonObject{{u"url"_s, prometheusUrl}});
        QJsonObject root{{u"name"_s, name}, {u"sources"_s, sources}};
        if (!panels.isEmpty())
            root.insert(u"drilldown"_s, QJsonObject{{u"padding_seconds"_s, 60}, {u"panels"_s, panels}});
        const QString path = m_dir.filePath(name + u".json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(root).toJson());
        return path;
    }

    WorkspaceProfile loadProfile(const QString &path)
    {
        const ProfileParseResult parsed = loadWorkspaceProfile(path);
        if (!parsed.profile)
            qWarning("%s", qPrintable(parsed.error.toString()));
        return parsed.profile.value_or(WorkspaceProfile{});
    }

    std::unique_ptr<PrometheusClient> clientFor(const WorkspaceProfile &profile)
    {
        return std::make_unique<PrometheusClient>(
            PrometheusConnection::fromProfileUrl(profile.prometheus.url, profile.timeoutSeconds));
    }

    WorkspaceProfile twoPanelProfile(const QString &name, const QString &prometheusUrl,
                                     int timeoutSeconds = 10)
    {
        return loadProfile(writeProfile(name, prometheusUrl,
                                        QJsonArray{panelJson(u"Memory"_s, u"bytes"_s, MemoryPromQL),
                                                   panelJson(u"CPU"_s, u"cores"_s, CpuPromQL)},
                                        timeoutSeconds));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The query history goes to a test settings folder (~/.qttest), emptied for every run.
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QSettings::IniFormat, QSettings::UserScope, u"sightline"_s, u"sightline"_s).clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shots.prepare());
        m_postgres = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
        m_prometheus = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
        const qint64 end = qEnvironmentVariable("SIGHTLINE_TEST_SEED_END_TIME").toLongLong();
        const qint64 evaluations =
            qEnvironmentVariable("SIGHTLINE_TEST_SEED_EVALUATIONS", u"100000"_s).toLongLong();
        if (m_postgres.isEmpty() || m_prometheus.isEmpty() || end <= 0) {
            m_missing =
                u"SIGHTLINE_TEST_POSTGRES_URL, SIGHTLINE_TEST_PROMETHEUS_URL and "
                u"SIGHTLINE_TEST_SEED_END_TIME "
                u"must be set: run the tests through scripts/test, which starts and seeds PostgreSQL and "
                u"Prometheus"_s;
            return;
        }
        m_generator.seed = 42;
        m_generator.evaluationCount = evaluations;
        m_generator.endTime = end * 1000;
        m_generator.generateFileContent = false;
        const EvaluationDataGenerator generator(m_generator);
        const qint64 every = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_EVERY", u"100"_s).toLongLong();
        // Two evaluations with container series that ran between 4 and 60 minutes, and a queued one.
        QStringList seededIds;
        QList<EvaluationDetail> generated;
        for (qint64 index = 0; index < evaluations && seededIds.size() < 2; index += every) {
            const EvaluationDetail detail = generator.evaluation(index).detail;
            const EvaluationRow &row = detail.row;
            if (!row.startedAt || !row.completedAt || detail.containerId.isEmpty() ||
                row.workerId.isEmpty() || !detail.memoryMbSeconds || !detail.cpuSeconds)
                continue;
            const qint64 runMs = *row.completedAt - *row.startedAt;
            if (runMs < 4 * 60'000 || runMs > 60 * 60'000)
                continue;
            seededIds.append(row.id);
            generated.append(detail);
        }
        for (qint64 index = 0; index < evaluations && !m_queued; ++index) {
            const EvaluationDetail detail = generator.evaluation(index).detail;
            if (detail.row.status == EvaluationStatus::Queued)
                m_queued = detail;
        }
        if (seededIds.size() < 2 || !m_queued) {
            m_missing = u"the seeded data has no suitable evaluation (changed generator?)"_s;
            QFAIL(qPrintable(m_missing));
        }
        // The rows as PostgreSQL holds them: what the Evaluation window hands the panel.
        WorkspaceProfile profile;
        profile.postgresUrl = m_postgres;
        EvaluationStore store(profile);
        for (int k = 0; k < 2; ++k) {
            const EvaluationDetailResult result =
                TestSupport::await(store.loadDetail(seededIds.at(k), 10000));
            QVERIFY2(result.detail, qPrintable(result.error.message));
            (k == 0 ? m_seeded : m_seededOther) = result.detail;
            (k == 0 ? m_seededEvents : m_otherEvents) = result.events;
        }
        // PostgreSQL holds what the generator made (else the recomputed values below mean nothing).
        for (int k = 0; k < 2; ++k) {
            const EvaluationDetail &loaded = k == 0 ? *m_seeded : *m_seededOther;
            QCOMPARE(loaded.containerId, generated.at(k).containerId);
            QCOMPARE(loaded.row.startedAt, generated.at(k).row.startedAt);
            QCOMPARE(loaded.row.completedAt, generated.at(k).row.completedAt);
            QCOMPARE(loaded.memoryMbSeconds, generated.at(k).memoryMbSeconds);
        }
        m_ready = true;
    }

    // The memory and CPU charts of a seeded evaluation carry exactly what was seeded.
    void chartsCarryTheSeededHistory()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = twoPanelProfile(u"seeded"_s, m_prometheus);
        QCOMPARE(profile.drilldownSettings.panels.size(), 2);
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        QList<QUrl> opened;
        panel.setUrlOpener([&opened](const QUrl &url) { opened.append(url); });
        panel.resize(1300, 760);
        panel.show();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(!panel.isSettled());
        QVERIFY(waitSettled(&panel));
        QVERIFY(panel.panelMessage().isEmpty());
        QCOMPARE(panel.chartCount(), 2);
        QCOMPARE(panel.chartTitle(0), u"Memory"_s);
        const QString memoryQuery = u"container_memory_usage_bytes{name=\"%1\"}"_s.arg(m_seeded->containerId);
        QCOMPARE(panel.chartQuery(0), memoryQuery);
        QVERIFY2(panel.chartMessage(0).isEmpty(), qPrintable(panel.chartMessage(0)));
        QVERIFY2(panel.chartMessage(1).isEmpty(), qPrintable(panel.chartMessage(1)));

        const std::optional<QueryWindow> window = panel.queryWindow();
        QVERIFY(window);
        QCOMPARE(window->startMs, *m_seeded->row.startedAt - 60'000);
        QCOMPARE(window->endMs, *m_seeded->row.completedAt + 60'000);
        QVERIFY(!window->open && !panel.isRefreshing());
        const Container c = containerOf(*m_seeded);

        // Memory: at each step, the sample at the latest 5-s multiple at or before it.
        QCOMPARE(panel.seriesCount(0), 1);
        const QVector<QPointF> memory = panel.seriesPoints(0, 0);
        const double start = double(window->startMs) / 1000.0;
        const double end = double(window->endMs) / 1000.0;
        int expectedSteps = 0;
        for (double t = start; t <= end + 1e-6; t += window->stepSeconds) {
            if (t >= double(c.t0))
                ++expectedSteps;
        }
        QCOMPARE(memory.size(), expectedSteps);
        for (const QPointF &point : memory) {
            const qint64 sample = std::min(floorTo(point.x() + 1e-6, ContainerStep), c.last);
            QVERIFY2(sample >= c.t0, qPrintable(QString::number(point.x(), 'f', 3)));
            const double expected = c.memory(sample);
            QVERIFY2(std::abs(point.y() - expected) <= 1,
                     qPrintable(u"at %1: %2, seeded %3"_s.arg(point.x(), 0, 'f', 3)
                                    .arg(point.y(), 0, 'f', 0)
                                    .arg(expected, 0, 'f', 0)));
        }

        // CPU: rate over a minute of the counter ≈ avgCores·(1 + 0.25 sin) averaged over that minute.
        QCOMPARE(panel.seriesCount(1), 1);
        const QVector<QPointF> cpu = panel.seriesPoints(1, 0);
        QVERIFY(cpu.size() > 10);
        int checked = 0;
        for (const QPointF &point : cpu) {
            const qint64 last = std::min(floorTo(point.x() + 1e-6, ContainerStep), c.last);
            const qint64 first = floorTo(point.x() - 60 + 1e-6, ContainerStep) + ContainerStep;
            // The edges, where rate() extrapolates from a part of the minute; and a minute that
            // starts at the counter's first sample, where rate() stops extrapolating at zero.
            if (first <= c.t0 || point.x() > double(c.last) || last <= first)
                continue;
            const double expected = (c.cpu(last) - c.cpu(first)) / double(last - first);
            QVERIFY2(
                std::abs(point.y() - expected) <= 0.03 * expected,
                qPrintable(
                    u"at %1: rate %2, seeded %3"_s.arg(point.x(), 0, 'f', 3).arg(point.y()).arg(expected)));
            // …and it moves with the seeded wave around the average.
            QVERIFY(point.y() > c.avgCores * 0.7 && point.y() < c.avgCores * 1.3);
            ++checked;
        }
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));

        // What the chart draws: the fetched series, in MiB, with the lifecycle markers.
        MetricChart *memoryChart = panel.chart(0);
        QCOMPARE(memoryChart->seriesCount(), 1);
        QVERIFY(memoryChart->valueAxisTitle() == u"MiB"_s || memoryChart->valueAxisTitle() == u"GiB"_s);
        QVERIFY(memoryChart->markerCount() >= 2); // started, completed
        QCOMPARE(panel.chart(1)->valueAxisTitle(), u"cores"_s);

        // "Open in Prometheus", exactly.
        const QString range = prometheusDuration(window->endMs - window->startMs);
        const QString endInput =
            QDateTime::fromMSecsSinceEpoch(window->endMs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        const QString expectedLink =
            m_prometheus + u"/graph?g0.expr="_s + QString::fromLatin1(QUrl::toPercentEncoding(memoryQuery)) +
            u"&g0.tab=0&g0.range_input="_s + range + u"&g0.end_input="_s +
            QString::fromLatin1(QUrl::toPercentEncoding(endInput)) + u"&g0.moment_input="_s +
            QString::fromLatin1(QUrl::toPercentEncoding(endInput));
        QCOMPARE(panel.chartLink(0).toString(QUrl::FullyEncoded), expectedLink);
        QVERIFY(range.endsWith(u's'));
        // The button opens it through the injected opener.
        QToolButton *openButton = nullptr;
        const QList<QToolButton *> buttons = panel.findChildren<QToolButton *>();
        for (QToolButton *button : buttons) {
            if (button->text() == u"Open in Prometheus"_s && button->isEnabled()) {
                openButton = button;
                break;
            }
        }
        QVERIFY(openButton);
        openButton->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.constFirst().toString(QUrl::FullyEncoded), expectedLink);

        QVERIFY(waitDrawn(&panel));
        QVERIFY(panel.chart(0)->drawnPoints() > 0);
        m_shots.save(&panel, u"metrics-panel-seeded.png"_s);
    }

    // Without drilldown panels in the profile, the platform's four default charts, all with data.
    void defaultPanelsOnTheSeededPrometheus()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = loadProfile(writeProfile(u"defaults"_s, m_prometheus, {}));
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.setUrlOpener([](const QUrl &) {});
        panel.resize(1300, 900);
        panel.show();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(waitSettled(&panel));
        QCOMPARE(panel.chartCount(), defaultDrilldownPanels().size());
        for (int chart = 0; chart < panel.chartCount(); ++chart) {
            QVERIFY2(panel.chartMessage(chart).isEmpty(),
                     qPrintable(panel.chartTitle(chart) + u": "_s + panel.chartMessage(chart)));
            QVERIFY2(panel.seriesCount(chart) >= 1, qPrintable(panel.chartTitle(chart)));
        }
        QVERIFY(waitDrawn(&panel));
        m_shots.save(&panel, u"metrics-panel-defaults.png"_s);
    }

    void queuedEvaluationSaysWhy()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = twoPanelProfile(u"queued"_s, m_prometheus);
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.resize(1100, 600);
        panel.show();
        panel.setEvaluation(*m_queued, {});
        QVERIFY(panel.isSettled()); // nothing to ask
        QVERIFY2(panel.panelMessage().contains(u"queued"_s, Qt::CaseInsensitive),
                 qPrintable(panel.panelMessage()));
        QVERIFY(!panel.queryWindow());
        for (int chart = 0; chart < panel.chartCount(); ++chart) {
            QCOMPARE(panel.chartMessage(chart), panel.panelMessage());
            QVERIFY(panel.chartLink(chart).isEmpty());
            QCOMPARE(panel.seriesCount(chart), 0);
        }
        m_shots.save(&panel, u"metrics-panel-queued.png"_s);
    }

    // Still running: the window ends now and the charts ask again every 15 s.
    void runningEvaluationRefreshes()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        // queue_depth: its history runs up to the seed's end, close to now.
        const WorkspaceProfile profile = loadProfile(writeProfile(
            u"running"_s, m_prometheus, QJsonArray{panelJson(u"Queue"_s, QString(), u"queue_depth"_s)}));
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.show();
        EvaluationDetail running = *m_seeded;
        running.row.status = EvaluationStatus::Running;
        running.row.completedAt.reset();
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        panel.setEvaluation(running, {});
        QVERIFY(waitSettled(&panel));
        const std::optional<QueryWindow> window = panel.queryWindow();
        QVERIFY(window && window->open);
        QVERIFY(window->endMs >= before && window->endMs <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(panel.isRefreshing());
        QCOMPARE(EvaluationMetricsPanel::RefreshSeconds, 15);
        // Its series are there up to where the seeded history ends.
        QVERIFY2(panel.chartMessage(0).isEmpty(), qPrintable(panel.chartMessage(0)));
        QVERIFY(panel.seriesCount(0) == 1);
        // A refresh asks again, with a window that ends later.
        QTest::qWait(1100);
        QSignalSpy settled(&panel, &EvaluationMetricsPanel::settled);
        panel.refresh();
        QVERIFY(settled.count() == 1 || settled.wait(Timeout));
        QVERIFY(panel.queryWindow()->endMs > window->endMs);
        // The same panel with a completed evaluation stops refreshing.
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(waitSettled(&panel));
        QVERIFY(!panel.isRefreshing());
    }

    void missingTemplateFieldIsNamed()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = loadProfile(writeProfile(
            u"missingfield"_s, m_prometheus,
            QJsonArray{panelJson(u"Memory"_s, u"bytes"_s, MemoryPromQL),
                       panelJson(u"GPU"_s, QString(), u"gpu_utilization{gpu=\"${gpu_id}\"}"_s)}));
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.show();
        EvaluationDetail withoutContainer = *m_seeded;
        withoutContainer.containerId.clear();
        panel.setEvaluation(withoutContainer, m_seededEvents);
        QVERIFY(waitSettled(&panel));
        QCOMPARE(
            panel.chartMessage(0),
            u"This panel needs ${container_id}, which evaluation %1 does not have."_s.arg(m_seeded->row.id));
        QCOMPARE(panel.chartMessage(1),
                 u"This panel needs ${gpu_id}, which evaluation %1 does not have."_s.arg(m_seeded->row.id));
        QVERIFY(panel.chartQuery(0).isEmpty());
        QVERIFY(panel.chartLink(0).isEmpty());
        QVERIFY(!panel.chartCanRetry(0));
    }

    void closedPortGivesAnErrorPerChart()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString url = u"http://127.0.0.1:%1"_s.arg(port);
        const WorkspaceProfile profile = twoPanelProfile(u"closed"_s, url);
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.resize(1100, 600);
        panel.show();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(waitSettled(&panel));
        for (int chart = 0; chart < panel.chartCount(); ++chart) {
            const QString message = panel.chartMessage(chart);
            QVERIFY2(message.startsWith(u"Cannot reach Prometheus at %1"_s.arg(url)), qPrintable(message));
            QVERIFY2(message.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(message));
            QVERIFY(panel.chartCanRetry(chart));
            QCOMPARE(panel.seriesCount(chart), 0);
        }
        m_shots.save(&panel, u"metrics-panel-unreachable.png"_s);
        // Retry asks again (and fails the same way).
        panel.retryChart(0);
        QVERIFY(!panel.isSettled());
        QVERIFY(waitSettled(&panel));
        QVERIFY(panel.chartMessage(0).startsWith(u"Cannot reach Prometheus"_s));
    }

    void silentServerTimesOut()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const WorkspaceProfile profile =
            twoPanelProfile(u"silent"_s, u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), 1);
        QCOMPARE(profile.timeoutSeconds, 1);
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.show();
        QElapsedTimer timer;
        timer.start();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(waitSettled(&panel, 15000));
        QVERIFY2(timer.elapsed() < 10000, "the 1 s timeout ends the wait");
        for (int chart = 0; chart < panel.chartCount(); ++chart) {
            const QString message = panel.chartMessage(chart);
            QVERIFY2(message.contains(u"did not answer"_s), qPrintable(message));
            QVERIFY(panel.chartCanRetry(chart));
        }
    }

    // Prometheus answers NaN and ±Inf: the charts draw what is finite and say what is not.
    void nanAndInfinityAreCharted()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = loadProfile(writeProfile(
            u"nan"_s, m_prometheus,
            QJsonArray{panelJson(u"NaN"_s, QString(), u"vector(0) / 0"_s),
                       panelJson(u"+Inf"_s, QString(), u"vector(1) / 0"_s),
                       panelJson(u"Queue over zero"_s, QString(), u"queue_depth / 0"_s),
                       panelJson(u"Mixed"_s, QString(), u"queue_depth > 25 or (queue_depth <= 25) / 0"_s)}));
        auto client = clientFor(profile);
        EvaluationMetricsPanel panel(profile, client.get());
        panel.resize(1300, 800);
        panel.show();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(waitSettled(&panel));
        for (int chart = 0; chart < panel.chartCount(); ++chart) {
            QVERIFY2(panel.chartMessage(chart).isEmpty(), qPrintable(panel.chartMessage(chart)));
            QVERIFY2(panel.seriesCount(chart) >= 1, qPrintable(panel.chartTitle(chart)));
            MetricChart *view = panel.chart(chart);
            QVERIFY(std::isfinite(view->valueAxisMin()) && std::isfinite(view->valueAxisMax()));
        }
        // NaN only: every sample a gap, and the note says so.
        QVERIFY(std::isnan(panel.seriesPoints(0, 0).constFirst().y()));
        QVERIFY2(panel.chartNote(0).contains(u"NaN"_s), qPrintable(panel.chartNote(0)));
        QVERIFY(std::isinf(panel.seriesPoints(1, 0).constFirst().y()));
        QVERIFY2(panel.chartNote(1).contains(u"Inf"_s), qPrintable(panel.chartNote(1)));
        // Finite and infinite together: the scale is the finite samples' (queue depth ≤ 40).
        QVERIFY2(panel.chartNote(3).contains(u"Inf"_s), qPrintable(panel.chartNote(3)));
        QVERIFY2(panel.chart(3)->valueAxisMax() <= 50,
                 qPrintable(QString::number(panel.chart(3)->valueAxisMax())));
        QVERIFY(waitDrawn(&panel));
        m_shots.save(&panel, u"metrics-panel-nan-inf.png"_s);
    }

    void withoutPrometheusThePanelSaysWhatToAdd()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = twoPanelProfile(u"noprom"_s, QString());
        EvaluationMetricsPanel panel(profile, nullptr);
        panel.show();
        panel.setEvaluation(*m_seeded, m_seededEvents);
        QVERIFY(panel.isSettled());
        QVERIFY2(panel.panelMessage().contains(u"sources.prometheus.url"_s),
                 qPrintable(panel.panelMessage()));
        QCOMPARE(panel.chartCount(), 0);
    }

    void comparisonAlignsBothAtTheirStart()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = twoPanelProfile(u"compare"_s, m_prometheus);
        auto client = clientFor(profile);
        CompareMetricsPanel panel(profile, client.get());
        panel.resize(1300, 600);
        panel.show();
        panel.setEvaluations(*m_seeded, m_seededEvents, *m_seededOther, m_otherEvents);
        QVERIFY(QTest::qWaitFor([&] { return panel.isSettled(); }, Timeout));
        QCOMPARE(panel.chartCount(), 2);
        for (int chart = 0; chart < 2; ++chart) {
            QVERIFY2(panel.chartMessage(chart).isEmpty(), qPrintable(panel.chartMessage(chart)));
            QCOMPARE(panel.seriesCount(chart), 2);
            const QList<ChartSeries> &series = panel.chart(chart)->series();
            QCOMPARE(series.at(0).label, m_seeded->row.id);
            QCOMPARE(series.at(1).label, m_seededOther->row.id);
            // x is seconds since each one's started_at: both begin at their first 5-s sample.
            for (int side = 0; side < 2; ++side) {
                const EvaluationDetail &detail = side == 0 ? *m_seeded : *m_seededOther;
                const double firstX = series.at(side).x.constFirst();
                const Container c = containerOf(detail);
                const double startSeconds = double(*detail.row.startedAt) / 1000.0;
                QVERIFY2(firstX >= double(c.t0) - startSeconds - 1e-6 && firstX < 60,
                         qPrintable(QString::number(firstX)));
            }
        }
        QCOMPARE(panel.chart(0)->xAxisTitle().contains(u"since start"_s), true);
        QVERIFY(
            QTest::qWaitFor([&] { return panel.chart(0)->isDrawn() && panel.chart(1)->isDrawn(); }, Timeout));
        m_shots.save(&panel, u"metrics-compare.png"_s);
    }

    void metricsViewQueriesTargetsAndAlerts()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const QString path = writeProfile(u"metricsview"_s, m_prometheus, {});
        const WorkspaceProfile profile = loadProfile(path);
        MainWindow window;
        window.resize(1400, 950);
        window.setWorkspace(profile);
        window.show();
        window.showView(MainWindow::View::Metrics);
        QCOMPARE(window.currentView(), MainWindow::View::Metrics);
        MetricsView *view = window.metricsView();
        QVERIFY(view->isConfigured());
        QAbstractItemModelTester tester(view->tableModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // queue_depth over the last seeded hour: every row is the sample at the 15-s multiple at or before
        // it.
        const qint64 endMs = m_generator.endTime;
        view->setCustomRange(QDateTime::fromMSecsSinceEpoch(endMs - 3600'000),
                             QDateTime::fromMSecsSinceEpoch(endMs));
        view->setQuery(u"queue_depth"_s);
        QSignalSpy finished(view, &MetricsView::queryFinished);
        QTest::keyClick(view->queryEdit(), Qt::Key_Return);
        QVERIFY(view->isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(Timeout));
        QVERIFY2(view->errorText().isEmpty(), qPrintable(view->errorText()));
        PromSeriesTableModel *table = view->tableModel();
        QCOMPARE(table->series().size(), 1);
        const int points = int(table->series().constFirst().values.size());
        QVERIFY(points > 200);
        QCOMPARE(table->rowCount(), points);
        QCOMPARE(table->columnCount(), int(PromSeriesTableModel::ColumnCount));
        for (int row = 0; row < table->rowCount(); row += 17) {
            const double t = table->index(row, 0).data(PromSeriesTableModel::TimeSecondsRole).toDouble();
            const double value = table->index(row, 0).data(PromSeriesTableModel::ValueRole).toDouble();
            const qint64 sample = floorTo(t + 1e-6, QueueStep);
            const double expected =
                std::llround(20 + 15 * std::sin(phase(sample, 86400)) + 5 * std::sin(phase(sample, 3600)));
            QCOMPARE(value, expected);
            QCOMPARE(table->index(row, PromSeriesTableModel::Series).data().toString(), u"queue_depth"_s);
            QCOMPARE(table->index(row, PromSeriesTableModel::Value).data().toString(),
                     QString::number(expected));
        }
        QCOMPARE(view->chart()->seriesCount(), 1);
        QVERIFY2(view->statusText().contains(u"1 series"_s), qPrintable(view->statusText()));

        // A bad query: Prometheus's own message.
        view->setQuery(u"rate(queue_depth"_s);
        view->run();
        QVERIFY(finished.wait(Timeout));
        QVERIFY2(view->errorText().contains(u"bad_data"_s) || view->errorText().contains(u"parse error"_s),
                 qPrintable(view->errorText()));
        QVERIFY(view->chart()->message() == view->errorText());
        QCOMPARE(table->rowCount(), 0);

        // Targets: Prometheus itself up, the closed port down with its error; the alert that always fires.
        PrometheusHealthPane *health = view->healthPane();
        QVERIFY(QTest::qWaitFor([&] { return health->hasAnswered() && !health->isLoading(); }, Timeout));
        bool alertFound = false;
        QTreeWidget *targets = health->targetsView();
        QTreeWidget *alerts = health->alertsView();
        QElapsedTimer waited;
        waited.start();
        QTreeWidgetItem *up = nullptr;
        QTreeWidgetItem *down = nullptr;
        while (waited.elapsed() < 30000) {
            up = down = nullptr;
            for (int i = 0; i < targets->topLevelItemCount(); ++i) {
                QTreeWidgetItem *item = targets->topLevelItem(i);
                if (item->text(PrometheusHealthPane::Job) == u"prometheus"_s)
                    up = item;
                if (item->text(PrometheusHealthPane::Job) == u"unreachable"_s)
                    down = item;
            }
            alertFound = false;
            for (int i = 0; i < alerts->topLevelItemCount(); ++i) {
                QTreeWidgetItem *item = alerts->topLevelItem(i);
                if (item->text(PrometheusHealthPane::AlertName) == u"SightlineTestAlwaysFiring"_s &&
                    item->text(PrometheusHealthPane::State) == u"firing"_s)
                    alertFound = true;
            }
            if (up && down && up->text(PrometheusHealthPane::Health) == u"up"_s &&
                down->text(PrometheusHealthPane::Health) == u"down"_s && alertFound)
                break;
            QTest::qWait(1000);
            QSignalSpy refreshed(health, &PrometheusHealthPane::refreshed);
            window.refresh(); // F5 in the Metrics view
            QVERIFY(refreshed.wait(Timeout));
        }
        QVERIFY(up && down);
        QCOMPARE(up->text(PrometheusHealthPane::Health), u"up"_s);
        QCOMPARE(up->foreground(PrometheusHealthPane::Health).color(), QColor(0x2e, 0x7d, 0x32));
        QVERIFY2(up->text(PrometheusHealthPane::LastScrape).endsWith(u"s ago"_s),
                 qPrintable(up->text(PrometheusHealthPane::LastScrape)));
        QCOMPARE(down->text(PrometheusHealthPane::Health), u"down"_s);
        QCOMPARE(down->foreground(PrometheusHealthPane::Health).color(), QColor(0xc6, 0x28, 0x28));
        QVERIFY2(!down->text(PrometheusHealthPane::Error).isEmpty(), "the down target says why");
        QVERIFY(alertFound);
        QVERIFY2(health->targetsHeadline().contains(u"down"_s), qPrintable(health->targetsHeadline()));
        QVERIFY2(health->alertsHeadline().contains(u"firing"_s), qPrintable(health->alertsHeadline()));

        // Back to a good query for the screenshot.
        view->setQuery(u"queue_depth"_s);
        view->run();
        QVERIFY(finished.wait(Timeout));
        QVERIFY(QTest::qWaitFor([&] { return view->chart()->isDrawn(); }, Timeout));
        m_shots.save(&window, u"metrics-view.png"_s);
        view->resultTabs()->setCurrentIndex(1);
        QTest::qWait(100);
        m_shots.save(&window, u"metrics-view-table.png"_s);
    }

    // A server that never answers: the busy indicator runs until Esc cancels, and nothing waits.
    void metricsViewCancelsWithEscape()
    {
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile profile;
        profile.name = u"silent-view"_s;
        profile.prometheus.url = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
        PrometheusClient client(PrometheusConnection::fromProfileUrl(profile.prometheus.url, 30));
        MetricsView view;
        view.resize(900, 600);
        view.setWorkspace(profile, &client);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setQuery(u"up"_s);
        view.queryEdit()->setFocus();
        QTest::keyClick(view.queryEdit(), Qt::Key_Return);
        QVERIFY(view.isRunning());
        QVERIFY(!view.isSettled());
        QTest::qWait(300);
        QVERIFY(view.isRunning());
        QSignalSpy finished(&view, &MetricsView::queryFinished);
        QTest::keyClick(view.queryEdit(), Qt::Key_Escape);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!view.isRunning());
        QCOMPARE(view.statusText(), u"Cancelled."_s);
        QVERIFY(view.errorText().isEmpty());
        // Run again, then leave: the view's destruction cancels the request.
        view.run();
        QVERIFY(view.isRunning());
    }

    void historyIsKeptPerWorkspace()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const QString path = writeProfile(u"history"_s, m_prometheus, {});
        const WorkspaceProfile profile = loadProfile(path);
        auto client = clientFor(profile);
        {
            MetricsView view;
            view.setWorkspace(profile, client.get());
            view.setCustomRange(QDateTime::fromMSecsSinceEpoch(m_generator.endTime - 600'000),
                                QDateTime::fromMSecsSinceEpoch(m_generator.endTime));
            QSignalSpy finished(&view, &MetricsView::queryFinished);
            for (const QString &query : {u"up"_s, u"queue_depth"_s, u"up"_s}) {
                view.setQuery(query);
                view.run();
                QVERIFY(finished.wait(Timeout));
            }
            QCOMPARE(view.history(), (QStringList{u"up"_s, u"queue_depth"_s}));
            // Up walks back through the history, Down returns to the draft.
            view.setQuery(u"draft"_s);
            view.show();
            view.queryEdit()->setFocus();
            QTest::keyClick(view.queryEdit(), Qt::Key_Up);
            QCOMPARE(view.query(), u"up"_s);
            QTest::keyClick(view.queryEdit(), Qt::Key_Up);
            QCOMPARE(view.query(), u"queue_depth"_s);
            QTest::keyClick(view.queryEdit(), Qt::Key_Up);
            QCOMPARE(view.query(), u"queue_depth"_s); // the oldest stays
            QTest::keyClick(view.queryEdit(), Qt::Key_Down);
            QTest::keyClick(view.queryEdit(), Qt::Key_Down);
            QCOMPARE(view.query(), u"draft"_s);
        }
        {
            // Another view of the same workspace: the history is still there.
            MetricsView view;
            view.setWorkspace(profile, client.get());
            QCOMPARE(view.history(), (QStringList{u"up"_s, u"queue_depth"_s}));
            QCOMPARE(view.query(), u"up"_s);
        }
        {
            // Another workspace has its own, and at most 50 entries are kept.
            const WorkspaceProfile other = loadProfile(writeProfile(u"history-other"_s, m_prometheus, {}));
            PromQueryHistory history(other.filePath);
            QVERIFY(history.entries().isEmpty());
            for (int i = 0; i < 60; ++i)
                history.add(u"vector(%1)"_s.arg(i));
            history.add(u"   "_s);
            QCOMPARE(history.entries().size(), PromQueryHistory::MaxEntries);
            QCOMPARE(history.entries().constFirst(), u"vector(59)"_s);
            QCOMPARE(PromQueryHistory(other.filePath).entries(), history.entries());
        }
    }

    void metricsViewWithoutPrometheusSaysWhatToAdd()
    {
        if (!m_ready)
            SIGHTLINE_SKIP_OR_FAIL(qPrintable(m_missing));
        const WorkspaceProfile profile = loadProfile(writeProfile(u"noprom-view"_s, QString(), {}));
        MainWindow window;
        window.resize(1100, 700);
        window.setWorkspace(profile);
        window.show();
        window.showView(MainWindow::View::Metrics);
        QVERIFY(!window.metricsView()->isConfigured());
        QVERIFY(window.metricsView()->isSettled());
        QVERIFY(window.metricsView()->notConfiguredText().contains(u"\"prometheus\""_s));
        QVERIFY(!window.prometheus());
        m_shots.save(&window, u"metrics-view-not-configured.png"_s);
    }
};

QTEST_MAIN(TestUiMetrics)
#include "tst_ui_metrics.moc"
