// The Evaluation window's drill-down, headless: lineage, timeline, security, cost, raw JSON and
// the Grafana links, over a seeded SQLite workspace (no server) and, where a test says so, over
// the servers scripts/test starts (PostgreSQL, Redis, S3, the storage service, Prometheus).
// Screenshots of every tab go to $SIGHTLINE_TEST_OUTPUT_DIR (default: <build>/tests/screenshots).

#include "app/prometheusseed.h"
#include "awaitfuture.h"
#include "core/datagenerator.h"
#include "core/format.h"
#include "screenshots.h"
#include "serverskip.h"
#include "sources/evaluationstore.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/sqlconnection.h"
#include "storetestsupport.h"
#include "ui/evaluationcostview.h"
#include "ui/evaluationrawjson.h"
#include "ui/evaluationtimeline.h"
#include "ui/evaluationwindow.h"
#include "ui/grafanalinkbutton.h"
#include "ui/lineageview.h"
#include "ui/linkopener.h"
#include "ui/securityeventsview.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr int Timeout = 30000;
using Backend = LineageItem::Backend;
using State = LineageItem::State;

const QStringList AllTabs = {u"overviewTab"_s, u"timelineTab"_s, u"codeTab"_s, u"outputTab"_s, u"eventsTab"_s,
                             u"metricsTab"_s,  u"securityTab"_s, u"costTab"_s, u"rawTab"_s};

// A loopback port nothing listens on: bound, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Opens a window, waits for its data and every backend's lineage answer.
std::unique_ptr<EvaluationWindow> openWindow(EvaluationStore *store, const QString &id,
                                             PrometheusClient *prometheus = nullptr)
{
    auto window = std::make_unique<EvaluationWindow>(store, id, prometheus);
    QSignalSpy shown(window.get(), &EvaluationWindow::dataShown);
    QSignalSpy lineage(window.get(), &EvaluationWindow::lineageFinished);
    window->resize(1100, 760);
    window->show();
    if (!shown.wait(Timeout))
        qWarning("no dataShown for %s", qPrintable(id));
    if (lineage.isEmpty() && !lineage.wait(Timeout))
        qWarning("no lineageFinished for %s", qPrintable(id));
    return window;
}

QJsonObject parseRaw(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "raw JSON does not parse:" << error.errorString() << "at" << error.offset;
    return doc.object();
}

} // namespace

class TestUiEvaluationWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSupport::Screenshots m_shots;
    WorkspaceProfile m_profile;
    std::unique_ptr<SqlConnection> m_db;
    QList<QUrl> m_opened;

    QString firstId(const QString &where)
    {
        const SqlResult r =
            m_db->exec(u"SELECT id FROM evaluations e WHERE "_s + where + u" ORDER BY id LIMIT 1"_s);
        if (!r.ok())
            qWarning() << r.error.message;
        return r.ok() && !r.rows.isEmpty() ? r.rows.first().value(0).toString() : QString();
    }

    qint64 count(const QString &sql, const QString &id)
    {
        const SqlResult r = m_db->exec(sql, {id});
        return r.ok() && !r.rows.isEmpty() ? r.rows.first().value(0).toLongLong() : -1;
    }

    void shootEveryTab(EvaluationWindow *window, const QString &prefix)
    {
        for (const QString &tab : AllTabs) {
            window->showTab(tab);
            QTest::qWait(30); // let charts and scroll areas lay out
            m_shots.save(window, u"%1-%2.png"_s.arg(prefix, tab.chopped(3)));
        }
        window->showTab(u"overviewTab"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shots.prepare());
        QString error;
        const QString path = TestSupport::seedSqlite(m_dir, 2000, 5, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        m_profile.name = u"drilldown"_s;
        m_profile.sqlitePath = path;
        m_profile.filesRoot = m_dir.filePath(u"files"_s);
        m_db = createSqliteConnection(path);
        QVERIFY(!m_db->open().isError());
        // No browser ever starts: links are caught here.
        setExternalLinkHandler([this](const QUrl &url) {
            m_opened << url;
            return true;
        });
    }

    void completedEvaluation()
    {
        const QString id = firstId(u"status = 'completed' AND worker_id IS NOT NULL AND container_id IS NOT "
                                   u"NULL AND output IS NOT NULL "
                                   "AND (SELECT COUNT(*) FROM events v WHERE v.evaluation_id = e.id) >= 7"_s);
        QVERIFY(!id.isEmpty());
        EvaluationStore store(m_profile);
        const EvaluationDetailResult loaded = TestSupport::await(store.loadDetail(id, 1'000'000));
        QVERIFY(loaded.detail);
        const EvaluationRow &row = loaded.detail->row;
        auto window = openWindow(&store, id);
        QCOMPARE(window->state(), EvaluationWindow::State::Shown);
        const int events = window->eventCount();
        QCOMPARE(events, int(count(u"SELECT COUNT(*) FROM events WHERE evaluation_id = ?"_s, id)));

        // Lineage: what the SQLite workspace has, and what it does not configure.
        LineageView *lineage = window->lineageView();
        QVERIFY(lineage->isFinished());
        QCOMPARE(lineage->item(Backend::Relational)->state, State::Present);
        QCOMPARE(lineage->itemText(Backend::Relational), u"metadata in SQLite"_s);
        QCOMPARE(lineage->item(Backend::Events)->state, State::Present);
        QCOMPARE(lineage->itemText(Backend::Events), u"%1 events"_s.arg(events));
        for (Backend backend : {Backend::Redis, Backend::S3, Backend::Memory}) {
            QCOMPARE(lineage->item(backend)->state, State::NotConfigured);
            QVERIFY2(lineage->itemText(backend).startsWith(u"not configured — add sources."_s),
                     qPrintable(lineage->itemText(backend)));
        }
        QCOMPARE(lineage->stateText(Backend::Redis), u"not configured"_s);
        QVERIFY2(window->lineageText().startsWith(u"metadata in SQLite"_s),
                 qPrintable(window->lineageText()));
        QVERIFY(window->lineageText().contains(u"%1 events"_s.arg(events)));
        QVERIFY(!window->lineageText().contains(u"checking"_s));
        QVERIFY2(lineage->footprintText().startsWith(u"Total storage footprint: "_s),
                 qPrintable(lineage->footprintText()));
        QVERIFY(lineage->cacheText().contains(u"sources.redis.url"_s));

        // Timeline: the phases are the row's times.
        EvaluationTimeline *timeline = window->timeline();
        const EvaluationPhases &phases = timeline->phases();
        QCOMPARE(*phases.duration(EvaluationPhase::Kind::Running), *row.completedAt - *row.startedAt);
        QCOMPARE(*phases.duration(EvaluationPhase::Kind::Running),
                 qint64(std::llround(*row.durationSeconds * 1000)));
        QCOMPARE(*phases.totalMs(), *row.completedAt - *row.createdAt);
        QCOMPARE(*phases.duration(EvaluationPhase::Kind::Queued) +
                     *phases.duration(EvaluationPhase::Kind::Provisioning) +
                     *phases.duration(EvaluationPhase::Kind::Running),
                 *phases.totalMs());
        QVERIFY(phases.finished);
        QVERIFY2(window->phaseText().contains(u"Running %1"_s.arg(formatDuration(*row.durationSeconds))),
                 qPrintable(window->phaseText()));
        window->showTab(u"timelineTab"_s);
        QCOMPARE(timeline->message(), QString());
        const QStringList ticks = timeline->tickLabels();
        QVERIFY2(ticks.size() >= 3, qPrintable(ticks.join(u" | "_s)));
        QCOMPARE(QSet<QString>(ticks.begin(), ticks.end()).size(), ticks.size());
        static const QRegularExpression clock(u"^\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,3})?)?$"_s);
        for (const QString &tick : ticks)
            QVERIFY2(clock.match(tick).hasMatch(), qPrintable(tick));

        // A click on an event's mark selects it in the Events table; Right and Left move on.
        int pick = -1;
        for (int i = 1; i + 1 < events && pick < 0; ++i) {
            const QRectF mark = timeline->eventMarkRect(i);
            bool alone = !mark.isEmpty();
            for (int j = 0; j < events && alone; ++j)
                alone = j == i || !timeline->eventMarkRect(j).adjusted(-6, -6, 6, 6).contains(mark.center());
            if (alone)
                pick = i;
        }
        QVERIFY2(pick >= 0, "an event whose mark stands alone");
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->eventMarkRect(pick).center().toPoint());
        QCOMPARE(window->selectedEventRow(), pick);
        QCOMPARE(timeline->currentEvent(), pick);
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(window->selectedEventRow(), pick + 1);
        QTest::keyClick(timeline, Qt::Key_Left);
        QTest::keyClick(timeline, Qt::Key_Left);
        QCOMPARE(window->selectedEventRow(), pick - 1);
        // Zoom: + zooms in around the selection, 0 resets.
        const qint64 fullSpan = timeline->viewEndMs() - timeline->viewStartMs();
        QTest::keyClick(timeline, Qt::Key_Plus);
        QVERIFY(timeline->zoom() > 1.4);
        QVERIFY(timeline->viewEndMs() - timeline->viewStartMs() < fullSpan);
        QVERIFY(!timeline->eventMarkRect(pick - 1).isEmpty()); // the selection stays in view
        QTest::keyClick(timeline, Qt::Key_0);
        QCOMPARE(timeline->zoom(), 1.0);
        QCOMPARE(timeline->viewEndMs() - timeline->viewStartMs(), fullSpan);

        // No security events: the tab says so.
        SecurityEventsView *security = window->securityView();
        QCOMPARE(security->count(), 0);
        QVERIFY(security->emptyText().startsWith(u"No security events"_s));
        auto *tabs = window->findChild<QTabWidget *>(u"tabs"_s);
        QCOMPARE(tabs->tabText(tabs->indexOf(security)), u"&Security"_s);

        // Raw: valid JSON with the id, every event (data parsed) and every backend's answer.
        const QJsonObject raw = parseRaw(window->rawJson());
        QCOMPARE(raw.value(u"evaluation"_s).toObject().value(u"id"_s).toString(), id);
        QCOMPARE(raw.value(u"evaluation"_s).toObject().value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(raw.value(u"events"_s).toArray().size(), events);
        QVERIFY(raw.value(u"events"_s).toArray().at(0).toObject().value(u"data"_s).isObject());
        QCOMPARE(raw.value(u"lineage"_s).toArray().size(), 7);
        QCOMPARE(raw.value(u"lineage"_s).toArray().at(0).toObject().value(u"state"_s).toString(),
                 u"present"_s);
        QCOMPARE(raw.value(u"cache_check"_s).toObject().value(u"verdict"_s).toString(), u"not_configured"_s);
        window->showTab(u"rawTab"_s);
        auto *rawEdit = window->findChild<QPlainTextEdit *>(u"rawEdit"_s);
        QCOMPARE(rawEdit->toPlainText(), window->rawJson());
        QVERIFY(rawEdit->isReadOnly());
        window->findChild<QPushButton *>(u"copyJsonButton"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), window->rawJson());

        // Cost: the recorded figures, and why there is no measurement.
        EvaluationCostView *cost = window->costView();
        QVERIFY(cost->isSettled());
        QVERIFY2(cost->message().contains(u"add sources.prometheus.url"_s), qPrintable(cost->message()));
        if (loaded.detail->cpuSeconds)
            QVERIFY(cost->valueText(u"recordedCpu"_s).contains(u"CPU·s"_s));
        QCOMPARE(cost->valueText(u"runTime"_s), formatDuration(*row.durationSeconds));

        // No Grafana in the profile: the button is off and says what to add.
        QVERIFY(!window->grafanaButton()->isEnabled());
        QCOMPARE(window->grafanaMessage(), u"Add sources.grafana.url to the workspace profile"_s);
        auto *note = window->findChild<QLabel *>(u"grafanaNote"_s);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"Add sources.grafana.url to the workspace profile"_s);

        shootEveryTab(window.get(), u"evaluation-completed"_s);

        // F5 asks every backend again.
        QSignalSpy again(window.get(), &EvaluationWindow::lineageFinished);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_F5);
        QVERIFY(again.wait(Timeout));
        QCOMPARE(lineage->item(Backend::Relational)->state, State::Present);
    }

    void failedEvaluationWithSecurityEvents()
    {
        QString id =
            firstId(u"status = 'failed' AND EXISTS (SELECT 1 FROM events v WHERE v.evaluation_id = e.id "
                    "AND v.category = 'security')"_s);
        if (id.isEmpty())
            id = firstId(
                u"EXISTS (SELECT 1 FROM events v WHERE v.evaluation_id = e.id AND v.category = 'security')"_s);
        QVERIFY(!id.isEmpty());
        const qint64 expected =
            count(u"SELECT COUNT(*) FROM events WHERE evaluation_id = ? AND category = 'security'"_s, id);
        QVERIFY(expected > 0);
        EvaluationStore store(m_profile);
        auto window = openWindow(&store, id);
        SecurityEventsView *security = window->securityView();
        QCOMPARE(security->count(), int(expected));
        QCOMPARE(security->emptyText(), QString());
        auto *tabs = window->findChild<QTabWidget *>(u"tabs"_s);
        QCOMPARE(tabs->tabText(tabs->indexOf(security)), u"&Security (%1)"_s.arg(expected));

        // Each row shows what the event's JSON says: destination and port apart, the container.
        const SqlResult rows = m_db->exec(
            u"SELECT type, data FROM events WHERE evaluation_id = ? AND category = 'security' ORDER BY ts, id"_s,
            {id});
        QVERIFY(rows.ok());
        QTableWidget *table = security->table();
        QCOMPARE(table->rowCount(), int(rows.rows.size()));
        for (int r = 0; r < table->rowCount(); ++r) {
            const QJsonObject data =
                QJsonDocument::fromJson(rows.rows.at(r).value(1).toString().toUtf8()).object();
            QCOMPARE(table->item(r, SecurityEventsView::Type)->text(), rows.rows.at(r).value(0).toString());
            const QString destination = data.value(u"destination"_s).toString();
            QCOMPARE(table->item(r, SecurityEventsView::Destination)->text() + u':' +
                         table->item(r, SecurityEventsView::Port)->text(),
                     destination);
            QCOMPARE(table->item(r, SecurityEventsView::Container)->text(),
                     data.value(u"container_id"_s).toString());
            QVERIFY(table->item(r, SecurityEventsView::Details)->text().contains(u"blocked: true"_s));
        }

        // The timeline marks them in the Security lane.
        window->showTab(u"timelineTab"_s);
        EvaluationTimeline *timeline = window->timeline();
        const QRectF mark = timeline->eventMarkRect(security->eventIndex(0));
        QVERIFY(!mark.isEmpty());
        QVERIFY(mark.center().y() > timeline->eventMarkRect(0).center().y()); // below the research lane

        // Activating a security row shows it on the timeline.
        Q_EMIT table->cellActivated(0, 0);
        QCOMPARE(tabs->currentWidget()->objectName(), u"timelineTab"_s);
        QCOMPARE(timeline->currentEvent(), security->eventIndex(0));
        QCOMPARE(window->selectedEventRow(), security->eventIndex(0));
        shootEveryTab(window.get(), u"evaluation-security"_s);
    }

    void queuedEvaluation()
    {
        const QString id = firstId(u"status = 'queued'"_s);
        QVERIFY(!id.isEmpty());
        WorkspaceProfile profile = m_profile;
        profile.grafana.url = u"https://grafana.example.org"_s;
        GrafanaDashboard node;
        node.title = u"Worker node"_s;
        node.uid = u"node-exporter"_s;
        node.vars = {{u"instance"_s, u"${worker_id}"_s}};
        profile.drilldownSettings.dashboards = {node};
        EvaluationStore store(profile);
        auto window = openWindow(&store, id);
        EvaluationTimeline *timeline = window->timeline();
        QVERIFY2(timeline->message().startsWith(u"Queued: it has not started yet"_s),
                 qPrintable(timeline->message()));
        QCOMPARE(timeline->tickLabels(), QStringList());
        QVERIFY(!timeline->phases().started);
        QVERIFY2(window->phaseText().startsWith(u"Queued "_s) && window->phaseText().contains(u"(so far)"_s),
                 qPrintable(window->phaseText()));
        QVERIFY2(window->costView()->message().contains(u"queued"_s),
                 qPrintable(window->costView()->message()));
        QVERIFY(!window->grafanaButton()->isEnabled());
        QVERIFY2(window->grafanaMessage().contains(u"queued"_s), qPrintable(window->grafanaMessage()));
        QCOMPARE(window->lineageView()->item(Backend::OutputFile)->state, State::Absent);
        shootEveryTab(window.get(), u"evaluation-queued"_s);
    }

    // A running evaluation: the axis ends now and moves with the clock while the tab shows.
    void runningEvaluation()
    {
        const QString id = firstId(u"status = 'running'"_s);
        QVERIFY(!id.isEmpty());
        EvaluationStore store(m_profile);
        auto window = openWindow(&store, id);
        window->showTab(u"timelineTab"_s);
        EvaluationTimeline *timeline = window->timeline();
        QCOMPARE(timeline->message(), QString());
        const EvaluationPhases &phases = timeline->phases();
        QVERIFY(!phases.finished);
        QCOMPARE(phases.phases.last().kind, EvaluationPhase::Kind::Running);
        QVERIFY(phases.phases.last().open);
        QVERIFY(qAbs(*phases.endMs - QDateTime::currentMSecsSinceEpoch()) < 5000);
        const qint64 end = timeline->viewEndMs();
        const QString text = window->phaseText();
        QVERIFY2(text.contains(u"Running "_s) && text.contains(u"(so far)"_s), qPrintable(text));
        QTRY_VERIFY_WITH_TIMEOUT(timeline->viewEndMs() > end, 3000);
        // Hidden, it stops following the clock.
        window->showTab(u"overviewTab"_s);
        QTest::qWait(50);
        const qint64 hiddenEnd = timeline->viewEndMs();
        QTest::qWait(1300);
        QCOMPARE(timeline->viewEndMs(), hiddenEnd);
        m_shots.save(window.get(), u"evaluation-running-overview.png"_s);
        window->showTab(u"timelineTab"_s);
        QVERIFY(timeline->viewEndMs() > hiddenEnd); // caught up on showing
        m_shots.save(window.get(), u"evaluation-running-timeline.png"_s);
    }

    void grafanaLinks()
    {
        const QString id =
            firstId(u"status = 'completed' AND worker_id IS NOT NULL AND container_id IS NOT NULL"_s);
        QVERIFY(!id.isEmpty());
        WorkspaceProfile profile = m_profile;
        profile.grafana.url = u"https://grafana.example.org/monitoring"_s;
        profile.grafana.orgId = 3;
        profile.drilldownSettings.paddingSeconds = 30;
        GrafanaDashboard node;
        node.title = u"Worker node"_s;
        node.uid = u"node-exporter"_s;
        node.slug = u"node-exporter-full"_s;
        node.vars = {{u"instance"_s, u"${worker_id}"_s}, {u"container"_s, u"${container_id}"_s}};
        GrafanaDashboard broken;
        broken.title = u"Team"_s;
        broken.uid = u"team"_s;
        broken.vars = {{u"team"_s, u"${team_name}"_s}};
        profile.drilldownSettings.dashboards = {node, broken};
        EvaluationStore store(profile);
        const EvaluationDetailResult loaded = TestSupport::await(store.loadDetail(id, 1000));
        QVERIFY(loaded.detail);
        const EvaluationRow &row = loaded.detail->row;
        auto window = openWindow(&store, id);
        GrafanaLinkButton *button = window->grafanaButton();
        QVERIFY(button->isEnabled());
        QCOMPARE(window->grafanaMessage(), QString());
        QVERIFY(window->findChild<QLabel *>(u"grafanaNote"_s)->isHidden());
        QTest::qWait(30); // the lineage's last answers lay out on the next turn
        m_shots.save(window.get(), u"evaluation-grafana-enabled.png"_s);

        const QString expected =
            u"https://grafana.example.org/monitoring/d/node-exporter/node-exporter-full"
            "?orgId=3&from=%1&to=%2&var-instance=%3&var-container=%4"_s.arg(*row.startedAt - 30000)
                .arg(*row.completedAt + 30000)
                .arg(row.workerId, loaded.detail->containerId);
        m_opened.clear();
        QSignalSpy opened(button, &GrafanaLinkButton::linkOpened);
        button->click();
        QCOMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first().toString(QUrl::FullyEncoded), expected);
        QCOMPARE(opened.count(), 1);

        // The menu: open and copy for the working dashboard, the broken one disabled and why.
        QStringList entries;
        QAction *copy = nullptr;
        for (QAction *action : button->menu()->actions()) {
            if (action->isSeparator())
                continue;
            entries << action->text() + (action->isEnabled() ? QString() : u" [disabled]"_s);
            if (action->text().startsWith(u"Copy link"_s))
                copy = action;
        }
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0), u"Open “Worker node”"_s);
        QCOMPARE(entries.at(1), u"Copy link to “Worker node”"_s);
        QVERIFY2(entries.at(2).startsWith(u"Team: "_s) && entries.at(2).contains(u"team_name"_s) &&
                     entries.at(2).endsWith(u"[disabled]"_s),
                 qPrintable(entries.at(2)));
        QVERIFY(copy);
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // Only the broken dashboard: the button is off and names the missing field.
        profile.drilldownSettings.dashboards = {broken};
        button->setEvaluation(profile, *loaded.detail);
        QVERIFY(!button->isEnabled());
        QVERIFY2(button->disabledReason().contains(u"team_name"_s), qPrintable(button->disabledReason()));
        m_opened.clear();
        button->openLink(0);
        QVERIFY(m_opened.isEmpty());
    }

    // A Redis that refuses connections: its line fails in plain sight, the others still answer.
    void redisPortClosed()
    {
        const QString id = firstId(u"status = 'completed'"_s);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        WorkspaceProfile profile = m_profile;
        profile.redis.url = u"redis://127.0.0.1:%1/0"_s.arg(port);
        profile.timeoutSeconds = 5;
        EvaluationStore store(profile);
        auto window = openWindow(&store, id);
        LineageView *lineage = window->lineageView();
        QVERIFY(lineage->isFinished());
        QCOMPARE(lineage->item(Backend::Redis)->state, State::Failed);
        QCOMPARE(lineage->stateText(Backend::Redis), u"failed"_s);
        const QString text = lineage->itemText(Backend::Redis);
        QVERIFY2(text.startsWith(u"could not check: "_s) && text.size() > 20, qPrintable(text));
        QVERIFY(text.contains(lineage->item(Backend::Redis)->error));
        QVERIFY2(window->lineageText().contains(u"Redis could not be checked"_s),
                 qPrintable(window->lineageText()));
        QCOMPARE(lineage->item(Backend::Relational)->state, State::Present);
        QVERIFY(!lineage->cacheText().isEmpty());
        m_shots.save(window.get(), u"evaluation-redis-failed.png"_s);
    }

    void countdownFormat_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0:00"_s;
        QTest::newRow("rounds up") << qint64(1) << u"0:01"_s;
        QTest::newRow("minutes") << qint64(252'000) << u"4:12"_s;
        QTest::newRow("hours") << qint64(3'723'000) << u"1:02:03"_s;
        QTest::newRow("negative") << qint64(-5000) << u"0:00"_s;
    }

    void countdownFormat()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(LineageView::countdown(ms), text);
    }

    void liveSummary()
    {
        LineageItem item;
        item.backend = Backend::Redis;
        item.state = State::Present;
        item.summary = u"cached result in Redis, expires in 4:12, 1.2 kB in memory"_s;
        item.ttlMs = 252'000;
        item.answeredAtMs = 1'000'000;
        QCOMPARE(LineageView::liveSummary(item, 1'000'000 + 12'000),
                 u"cached result in Redis, expires in 4:00, 1.2 kB in memory"_s);
        QCOMPARE(LineageView::liveSummary(item, 1'000'000 + 300'000),
                 u"cached result in Redis, expired, 1.2 kB in memory"_s);
        item.ttlMs.reset();
        QCOMPARE(LineageView::liveSummary(item, 5'000'000), item.summary);
    }

    void rawJsonFunction()
    {
        EvaluationDetail detail;
        detail.row.id = u"ev-raw"_s;
        detail.row.status = EvaluationStatus::Failed;
        detail.row.createdAt = 1'700'000'000'123;
        detail.code = u"print('hello')"_s;
        detail.codeLength = 5000;
        EvaluationEvent json;
        json.type = u"security.network_attempt"_s;
        json.timestamp = 1'700'000'001'000;
        json.data = u"{\"destination\":\"203.0.113.9:22\"}"_s;
        EvaluationEvent text = json;
        text.data = u"not json {"_s;
        LineageItem failed;
        failed.backend = Backend::S3;
        failed.state = State::Failed;
        failed.error = u"timed out"_s;
        const QJsonObject raw = evaluationRawJson(detail, {json, text}, true, {failed}, std::nullopt, 5);
        const QJsonObject evaluation = raw.value(u"evaluation"_s).toObject();
        QCOMPARE(evaluation.value(u"id"_s).toString(), u"ev-raw"_s);
        QCOMPARE(evaluation.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(evaluation.value(u"created_at"_s).toString(), u"2023-11-14T22:13:20.123Z"_s);
        QVERIFY(evaluation.value(u"started_at"_s).isNull());
        QCOMPARE(evaluation.value(u"code"_s).toString(), u"print"_s);
        QVERIFY(evaluation.value(u"output"_s).isNull());
        const QJsonObject read = raw.value(u"read"_s).toObject();
        QCOMPARE(read.value(u"code_characters"_s).toInteger(), 5000);
        QCOMPARE(read.value(u"code_characters_shown"_s).toInteger(), 5);
        QCOMPARE(read.value(u"events_truncated"_s).toBool(), true);
        const QJsonArray events = raw.value(u"events"_s).toArray();
        QCOMPARE(events.at(0).toObject().value(u"data"_s).toObject().value(u"destination"_s).toString(),
                 u"203.0.113.9:22"_s);
        QCOMPARE(events.at(1).toObject().value(u"data_text"_s).toString(), u"not json {"_s);
        QCOMPARE(raw.value(u"lineage"_s).toArray().at(0).toObject().value(u"error"_s).toString(),
                 u"timed out"_s);
        QCOMPARE(raw.value(u"lineage"_s).toArray().at(0).toObject().value(u"backend"_s).toString(), u"s3"_s);
        QVERIFY(raw.value(u"cache_check"_s).isNull());
    }

    void tickSteps_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1 s in 10") << qint64(1000) << 10 << qint64(100);
        QTest::newRow("7 s in 5") << qint64(7000) << 5 << qint64(2000);
        QTest::newRow("90 s in 8") << qint64(90'000) << 8 << qint64(15'000);
        QTest::newRow("40 min in 6") << qint64(2'400'000) << 6 << qint64(600'000);
        QTest::newRow("3 days in 4") << qint64(3 * 86'400'000LL) << 4 << qint64(86'400'000);
    }

    void tickSteps()
    {
        QFETCH(qint64, span);
        QFETCH(int, maxTicks);
        QFETCH(qint64, step);
        QCOMPARE(EvaluationTimeline::niceTickStep(span, maxTicks), step);
    }

    void phasesFromEvents()
    {
        EvaluationRow row;
        row.status = EvaluationStatus::Running;
        row.createdAt = 10'000;
        row.startedAt = 25'000;
        EvaluationEvent provisioning;
        provisioning.type = u"evaluation.provisioning"_s;
        provisioning.timestamp = 12'000;
        EvaluationEvent late; // after the start: cannot be the start of provisioning
        late.type = u"container.created"_s;
        late.timestamp = 30'000;
        EvaluationPhases p = evaluationPhases(row, {provisioning}, 40'000);
        QCOMPARE(*p.duration(EvaluationPhase::Kind::Queued), qint64(2000));
        QCOMPARE(*p.duration(EvaluationPhase::Kind::Provisioning), qint64(13'000));
        QCOMPARE(*p.duration(EvaluationPhase::Kind::Running), qint64(15'000));
        QVERIFY(p.phases.last().open);
        QCOMPARE(*p.totalMs(), qint64(30'000));
        p = evaluationPhases(row, {late}, 40'000);
        QCOMPARE(*p.duration(EvaluationPhase::Kind::Queued), qint64(15'000));
        QVERIFY(!p.duration(EvaluationPhase::Kind::Provisioning));
        row = {};
        QVERIFY(evaluationPhases(row, {}, 1).phases.isEmpty());
    }

    // The servers scripts/test starts: a seeded evaluation that every backend holds.
    void lineageAcrossServers()
    {
        const QString postgres = TestSupport::postgresUrl();
        const QString redis = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        const QString s3 = qEnvironmentVariable("SIGHTLINE_TEST_S3_URL");
        const QString memory = qEnvironmentVariable("SIGHTLINE_TEST_MEMORY_URL");
        if (postgres.isEmpty() || redis.isEmpty() || s3.isEmpty() || memory.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "needs SIGHTLINE_TEST_POSTGRES_URL, _REDIS_URL, _S3_URL and _MEMORY_URL: run through "
                "scripts/test");
        WorkspaceProfile profile;
        profile.name = u"test-servers"_s;
        profile.postgresUrl = postgres;
        profile.redis.url = redis;
        profile.s3.endpoint = s3;
        profile.s3.bucket = qEnvironmentVariable("SIGHTLINE_TEST_S3_BUCKET");
        profile.memoryUrl = memory;
        profile.filesRoot = qEnvironmentVariable("SIGHTLINE_TEST_FILES_ROOT");
        // One of the newest (the storage service caches the newest 3,000) and a multiple of 1,000
        // (S3 holds those).
        const qint64 seeded = qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS") > 0
                                  ? qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS")
                                  : 100000;
        const qint64 index = (seeded - 1) / 1000 * 1000;
        const QString id = EvaluationDataGenerator::evaluationId(42, index);
        EvaluationStore store(profile);
        auto window = openWindow(&store, id);
        QCOMPARE(window->state(), EvaluationWindow::State::Shown);
        LineageView *lineage = window->lineageView();
        QVERIFY(lineage->isFinished());
        for (Backend backend :
             {Backend::Relational, Backend::Redis, Backend::S3, Backend::Memory, Backend::Events}) {
            QVERIFY2(lineage->item(backend)->state == State::Present,
                     qPrintable(u"%1: %2"_s.arg(LineageView::backendName(backend, profile),
                                                lineage->itemText(backend))));
        }
        QCOMPARE(lineage->itemText(Backend::Relational), u"metadata in PostgreSQL"_s);
        QVERIFY2(lineage->itemText(Backend::S3).startsWith(u"archived in S3 ("_s),
                 qPrintable(lineage->itemText(Backend::S3)));
        QVERIFY(lineage->itemText(Backend::Memory).startsWith(u"in the storage service cache"_s));
        const QString header = window->lineageText();
        QVERIFY2(header.startsWith(u"metadata in PostgreSQL  ·  "_s), qPrintable(header));
        QVERIFY(header.contains(u"archived in S3"_s));
        QVERIFY(header.contains(u"in the storage service cache"_s));
        QVERIFY(lineage->lineage().totalBytes() > 0);
        QVERIFY2(lineage->footprintText().contains(formatBytes(lineage->lineage().totalBytes())),
                 qPrintable(lineage->footprintText()));
        QVERIFY(lineage->cacheCheck().has_value());
        QVERIFY(lineage->cacheCheck()->verdict != CacheCheck::Verdict::Unknown);

        // A cached result with a TTL counts down while the window is open.
        const std::optional<LineageItem> cached = lineage->item(Backend::Redis);
        if (cached->ttlMs) {
            const QString before = lineage->itemText(Backend::Redis);
            QVERIFY(before.contains(u"expires in "_s));
            QTRY_VERIFY_WITH_TIMEOUT(lineage->itemText(Backend::Redis) != before, 3000);
            QVERIFY(lineage->itemText(Backend::Redis).contains(u"expires in "_s));
        }
        m_shots.save(window.get(), u"evaluation-servers-overview.png"_s);
    }

    // Prometheus measured what the seed wrote for the evaluation's container.
    void costMeasuredByPrometheus()
    {
        const QString postgres = TestSupport::postgresUrl();
        const QString prometheus = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
        const qint64 endTime = qEnvironmentVariable("SIGHTLINE_TEST_SEED_END_TIME").toLongLong();
        if (postgres.isEmpty() || prometheus.isEmpty() || endTime <= 0)
            SIGHTLINE_SKIP_OR_FAIL("needs SIGHTLINE_TEST_POSTGRES_URL, SIGHTLINE_TEST_PROMETHEUS_URL and "
                                   "SIGHTLINE_TEST_SEED_END_TIME: "
                                   "run through scripts/test");
        const qint64 seeded = qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS") > 0
                                  ? qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS")
                                  : 100000;
        const qint64 every = qEnvironmentVariableIntValue("SIGHTLINE_TEST_PROMETHEUS_EVERY") > 0
                                 ? qEnvironmentVariableIntValue("SIGHTLINE_TEST_PROMETHEUS_EVERY")
                                 : 100;
        const qint64 endMs = endTime < 100'000'000'000LL ? endTime * 1000 : endTime;
        WorkspaceProfile profile;
        profile.name = u"test-servers"_s;
        profile.postgresUrl = postgres;
        EvaluationStore store(profile);
        // A completed evaluation with container series, from the end (inside retention).
        std::optional<EvaluationDetail> detail;
        std::optional<PrometheusSeedSeries::ContainerWindow> series;
        for (qint64 i = (seeded - 1) / every * every; i >= 0 && !detail; i -= every) {
            const EvaluationDetailResult r =
                TestSupport::await(store.loadDetail(EvaluationDataGenerator::evaluationId(42, i), 1000));
            if (!r.detail || r.detail->row.status != EvaluationStatus::Completed || !r.detail->cpuSeconds)
                continue;
            series = PrometheusSeedSeries::containerWindow(*r.detail, endMs);
            if (series && series->lastSample - series->firstSample >= 30)
                detail = r.detail;
        }
        QVERIFY(detail && series);
        double memorySum = 0;
        int samples = 0;
        for (qint64 t = series->firstSample; t <= series->lastSample;
             t += PrometheusSeedSeries::containerStepSeconds) {
            memorySum += double(PrometheusSeedSeries::containerMemoryBytes(*series, t));
            ++samples;
        }
        const double expectedCpu = PrometheusSeedSeries::containerCpuSeconds(*series, series->lastSample) -
                                   PrometheusSeedSeries::containerCpuSeconds(*series, series->firstSample);
        const double runSeconds = double(*detail->row.completedAt - *detail->row.startedAt) / 1000.0;
        const double expectedMemory = memorySum / samples / 1048576.0 * runSeconds;

        PrometheusClient client(PrometheusConnection::fromProfileUrl(prometheus, 10));
        auto window = openWindow(&store, detail->row.id, &client);
        EvaluationCostView *cost = window->costView();
        QSignalSpy settled(cost, &EvaluationCostView::settled);
        QVERIFY(cost->isSettled() || settled.wait(Timeout));
        QVERIFY2(cost->message().isEmpty(), qPrintable(cost->message()));
        QVERIFY(cost->cpuQuery().contains(
            u"container_cpu_usage_seconds_total{name=\"%1\"}"_s.arg(detail->containerId)));
        QVERIFY(cost->measuredCpuSeconds() && cost->measuredMemoryMbSeconds());
        QVERIFY2(std::abs(*cost->measuredCpuSeconds() - expectedCpu) <= 1e-3 * qMax(1.0, expectedCpu),
                 qPrintable(u"%1 vs %2"_s.arg(*cost->measuredCpuSeconds()).arg(expectedCpu)));
        QVERIFY2(std::abs(*cost->measuredMemoryMbSeconds() - expectedMemory) <= 1e-3 * expectedMemory,
                 qPrintable(u"%1 vs %2"_s.arg(*cost->measuredMemoryMbSeconds()).arg(expectedMemory)));
        QVERIFY2(cost->valueText(u"measuredCpu"_s).contains(u"% vs recorded"_s),
                 qPrintable(cost->valueText(u"measuredCpu"_s)));
        window->showTab(u"costTab"_s);
        QTest::qWait(50);
        m_shots.save(window.get(), u"evaluation-cost-prometheus.png"_s);
        window->showTab(u"metricsTab"_s);
        QTest::qWait(200);
        m_shots.save(window.get(), u"evaluation-metrics-prometheus.png"_s);

        // A container Prometheus never saw: a clear "no samples", not zero.
        EvaluationDetail unknown = *detail;
        unknown.containerId = u"ctr-never-seen"_s;
        QSignalSpy unknownSettled(cost, &EvaluationCostView::settled);
        cost->setEvaluation(unknown);
        QVERIFY(unknownSettled.wait(Timeout));
        QVERIFY2(cost->message().contains(u"no samples of container ctr-never-seen"_s),
                 qPrintable(cost->message()));
        QVERIFY(!cost->measuredCpuSeconds());
    }

    void cleanupTestCase() { setExternalLinkHandler({}); }
};

QTEST_MAIN(TestUiEvaluationWindow)
#include "tst_ui_evaluationwindow.moc"
