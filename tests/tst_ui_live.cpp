// The Live tab against the real servers: events published to the test Redis appear in the table
// and on the timeline; pause collects ("N new") and resume catches up; filters; double-click opens
// the evaluation; a killed subscriber connection shows the "retrying" banner and a gap band; older
// events come from the seeded events table. Screenshots for a person to look at.

#include "awaitfuture.h"
#include "models/liveeventmodel.h"
#include "screenshots.h"
#include "serverskip.h"
#include "sources/live/liveeventhub.h"
#include "ui/liveeventfilterbar.h"
#include "ui/liveeventsview.h"
#include "ui/liveratechart.h"
#include "ui/livetimeline.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {

// A plain RESP client for writing test data: the test may write to its own server.
class RedisWriter
{
public:
    bool connect(const QUrl &url)
    {
        m_socket.connectToHost(url.host(), quint16(url.port(6379)));
        return m_socket.waitForConnected(5000);
    }
    // Sends one command; returns the reply's first line ("+OK", ":1", "$5" …).
    QByteArray command(const QList<QByteArray> &args)
    {
        QByteArray out = "*" + QByteArray::number(args.size()) + "\r\n";
        for (const QByteArray &arg : args)
            out += "$" + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
        m_socket.write(out);
        m_socket.waitForBytesWritten(5000);
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(5000))
                return {};
        }
        QByteArray line = m_socket.readLine().trimmed();
        if (line.startsWith('$') && line != "$-1") {
            const int size = line.mid(1).toInt();
            while (m_socket.bytesAvailable() < size + 2) {
                if (!m_socket.waitForReadyRead(5000))
                    break;
            }
            line = m_socket.read(size + 2).trimmed();
        } else if (line.startsWith('*')) {
            // PUBSUB NUMSUB: *2, $len, channel, :count — keep the count.
            const int items = line.mid(1).toInt();
            QByteArray last;
            for (int i = 0; i < items; ++i) {
                while (!m_socket.canReadLine() && m_socket.waitForReadyRead(5000)) {
                }
                QByteArray item = m_socket.readLine().trimmed();
                if (item.startsWith('$')) {
                    while (!m_socket.canReadLine() && m_socket.waitForReadyRead(5000)) {
                    }
                    item = m_socket.readLine().trimmed();
                }
                last = item;
            }
            line = last;
        }
        return line;
    }

private:
    QTcpSocket m_socket;
};

qint64 g_nextId = 9'000'000'000'000;

} // namespace

class TestUiLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void publishedEventsAppear();
    void pauseCollectsAndResumeCatchesUp();
    void filterHidesAndShows();
    void activatingOpensTheEvaluation();
    void droppedSubscriberShowsBannerAndGap();
    void olderEventsFromTheEventsTable();

private:
    QByteArray publish(const QString &evaluationId, const QString &type, const QString &category,
                       const QString &severity, const QString &data = u"{\"note\":\"ui test\"}"_s);
    void publishRaw(const QByteArray &payload);

    TestSupport::Screenshots m_shots;
    QUrl m_redisUrl;
    QByteArray m_channel;
    RedisWriter m_redis;
    WorkspaceProfile m_profile;
    std::unique_ptr<LiveEventsView> m_view;
    std::unique_ptr<LiveEventHub> m_hub;
    int m_published = 0;
    int m_security = 0;
};

QByteArray TestUiLive::publish(const QString &evaluationId, const QString &type, const QString &category,
                               const QString &severity, const QString &data)
{
    const QByteArray json = liveEventJson(g_nextId++, evaluationId, type, category, severity,
                                          QDateTime::currentMSecsSinceEpoch(), data);
    publishRaw(json);
    return json;
}

void TestUiLive::publishRaw(const QByteArray &payload)
{
    const QByteArray reply = m_redis.command({"PUBLISH", m_channel, payload});
    QVERIFY2(reply.startsWith(':'), reply.constData());
    ++m_published;
}

void TestUiLive::initTestCase()
{
    const QString redis = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
    const QString postgres = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
    if (redis.isEmpty() || postgres.isEmpty())
        SIGHTLINE_SKIP_OR_FAIL(
            "SIGHTLINE_TEST_REDIS_URL and SIGHTLINE_TEST_POSTGRES_URL are needed: run through "
            "scripts/test (or scripts/lib/postgres.sh scripts/lib/redis.sh ctest …)");
    QVERIFY(m_shots.prepare());
    m_redisUrl = QUrl(redis);
    QVERIFY(m_redis.connect(m_redisUrl));
    // A channel of this run's own, so that other tests publishing on the server do not interfere.
    m_channel = "events.uitest." + QByteArray::number(QCoreApplication::applicationPid());

    m_profile.name = u"live-ui-test"_s;
    m_profile.postgresUrl = postgres;
    m_profile.redis.url = redis;
    m_profile.live.redisChannels = QStringList{QString::fromLatin1(m_channel)};
    m_profile.live.postgresChannel = u"sightline_events_uitest"_s;
    m_profile.live.pollIntervalMs = 1000;

    LiveEventHub::Options options;
    options.batchIntervalMs = 100;
    options.initialBackoffMs = 3000; // long enough to see the banner before the reconnect
    options.maxBackoffMs = 6000;
    m_hub = std::make_unique<LiveEventHub>(m_profile, options);
    m_view = std::make_unique<LiveEventsView>();
    m_view->resize(1280, 800);
    m_view->setHub(m_hub.get(), m_profile.live);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_view->isEmptyStateShown());
    m_hub->start();

    auto redisLive = [this] {
        for (const LiveSourceStatus &status : m_hub->statuses()) {
            if (status.source == LiveSource::Redis)
                return status.state == LiveSourceStatus::State::Live;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(redisLive(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_redis.command({"PUBSUB", "NUMSUB", m_channel}) == ":1", 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isSettled(), 20000);
    // Before any event: the empty state says where events come from.
    QTRY_VERIFY2_WITH_TIMEOUT(m_view->emptyStateText().contains(QString::fromLatin1(m_channel)),
                              qPrintable(m_view->emptyStateText()), 5000);
    m_shots.save(m_view.get(), u"live-empty.png"_s);
}

void TestUiLive::cleanupTestCase()
{
    if (m_view)
        m_view->setHub(nullptr, {});
    m_hub.reset();
    m_view.reset();
}

void TestUiLive::publishedEventsAppear()
{
    const QStringList categories{u"research"_s, u"storage"_s, u"infrastructure"_s, u"security"_s};
    const QStringList severities{u"info"_s, u"info"_s, u"warning"_s, u"error"_s, u"critical"_s};
    const QStringList types{u"evaluation.started"_s, u"storage.written"_s, u"container.created"_s,
                            u"security.network_attempt"_s};
    for (int i = 0; i < 60; ++i) {
        const int c = i % 4;
        m_security += c == 3 ? 1 : 0;
        publish(u"eval-ui-%1"_s.arg(i % 7, 4, 10, QChar(u'0')), types.at(c), categories.at(c),
                severities.at(i % 5),
                u"{\"worker\":\"w-%1\",\"destination\":\"10.0.0.%2\"}"_s.arg(i % 3).arg(i));
        if (i % 10 == 0)
            QTest::qWait(60); // spread over a few batches
    }
    publishRaw("{\"id\": 12, \"type\": \"truncated");
    publish(u"eval-ui-0001"_s, u"billing.charged"_s, u"billing"_s, u"info"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->model()->rowCount(), m_published, 10000);
    QVERIFY(!m_view->isEmptyStateShown());

    LiveEventModel *model = m_view->model();
    QCOMPARE(model->index(0, LiveEventModel::Type).data().toString(), u"evaluation.started"_s);
    QCOMPARE(model->index(0, LiveEventModel::Source).data().toString(), liveSourceName(LiveSource::Redis));
    int unparseable = 0;
    int other = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const int lane = model->index(row, 0).data(LiveEventModel::LaneRole).toInt();
        unparseable += lane == int(LiveLane::Unparseable);
        other += lane == int(LiveLane::Other);
    }
    QCOMPARE(unparseable, 1);
    QCOMPARE(other, 1);

    // The timeline draws them: every row's mark is in view (the axis follows now).
    m_view->timeline()->repaint();
    QCOMPARE(m_view->timeline()->drawnEventCount(), qint64(m_published));
    QVERIFY(m_view->timeline()->isFollowing());
    const quint64 last =
        model->index(model->rowCount() - 1, 0).data(LiveEventModel::SeqRole).value<quint64>();
    QVERIFY(m_view->timeline()->markPosition(last).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(m_view->rateChart()->drawnPeak() > 0 || (m_view->rateChart()->repaint(), false),
                             5000);
    m_shots.save(m_view.get(), u"live-events.png"_s);
}

void TestUiLive::pauseCollectsAndResumeCatchesUp()
{
    LiveEventModel *model = m_view->model();
    const int before = model->rowCount();
    m_view->pauseButton()->click();
    QVERIFY(m_view->isPaused());
    QVERIFY(!m_view->timeline()->isFollowing());
    for (int i = 0; i < 25; ++i)
        publish(u"eval-ui-paused"_s, u"evaluation.completed"_s, u"research"_s, u"info"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->pendingEvents(), qint64(25), 10000);
    QCOMPARE(model->rowCount(), before); // held still
    QVERIFY(m_view->newEventsButton()->isVisible());
    QCOMPARE(m_view->newEventsButton()->text(), u"25 new"_s);
    m_shots.save(m_view.get(), u"live-paused.png"_s);

    m_view->newEventsButton()->click();
    QVERIFY(!m_view->isPaused());
    QVERIFY(m_view->isFollowing());
    QCOMPARE(model->rowCount(), before + 25);
    QVERIFY(!m_view->newEventsButton()->isVisible());
    QCOMPARE(model->index(model->rowCount() - 1, LiveEventModel::Evaluation).data().toString(),
             u"eval-ui-paused"_s);

    // Space toggles pause too.
    m_view->tableView()->setFocus();
    QTest::keyClick(m_view->tableView(), Qt::Key_Space);
    QVERIFY(m_view->isPaused());
    QTest::keyClick(m_view->tableView(), Qt::Key_Space);
    QVERIFY(!m_view->isPaused());
}

void TestUiLive::filterHidesAndShows()
{
    LiveEventModel *model = m_view->model();
    const int all = model->rowCount();
    m_view->filterBar()->typeEdit()->setText(u"security."_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), m_security, 5000);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, 0).data(LiveEventModel::LaneRole).toInt(), int(LiveLane::Security));
    m_view->timeline()->repaint();
    QCOMPARE(m_view->timeline()->drawnEventCount(), qint64(m_security));

    // A new matching event shows; a new other one does not.
    publish(u"eval-ui-0003"_s, u"security.file_access"_s, u"security"_s, u"critical"_s);
    publish(u"eval-ui-0003"_s, u"evaluation.queued"_s, u"research"_s, u"info"_s);
    ++m_security;
    QTRY_COMPARE_WITH_TIMEOUT(model->totalEvents(), qint64(all + 2), 10000);
    QCOMPARE(model->rowCount(), m_security);
    m_view->filterBar()->severityButton(EventSeverity::Info)->click();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() < m_security, 5000);
    m_shots.save(m_view.get(), u"live-filtered.png"_s);

    m_view->filterBar()->clear();
    QCOMPARE(model->rowCount(), all + 2);
}

void TestUiLive::activatingOpensTheEvaluation()
{
    LiveEventModel *model = m_view->model();
    QTableView *table = m_view->tableView();
    QSignalSpy activated(m_view.get(), &LiveEventsView::evaluationActivated);
    const int row = 5;
    const QString id = model->index(row, LiveEventModel::Evaluation).data().toString();
    QVERIFY(!id.isEmpty());
    m_view->setFollowing(false);
    table->scrollTo(model->index(row, 0));
    const QRect cell = table->visualRect(model->index(row, LiveEventModel::Type));
    QVERIFY(cell.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(table->currentIndex().row(), row);
    // The timeline selects the same event.
    const quint64 key = model->index(row, 0).data(LiveEventModel::SeqRole).value<quint64>();
    QCOMPARE(m_view->timeline()->selectedKey(), std::optional<quint64>(key));
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), id);

    // Clicking a mark on the timeline selects its row.
    const int other = 20;
    const quint64 otherKey = model->index(other, 0).data(LiveEventModel::SeqRole).value<quint64>();
    const std::optional<QPointF> at = m_view->timeline()->markPosition(otherKey);
    QVERIFY(at.has_value());
    QTest::mouseClick(m_view->timeline(), Qt::LeftButton, {}, at->toPoint());
    QVERIFY(m_view->timeline()->selectedKey().has_value());
    const int selectedRow = model->rowForKey(*m_view->timeline()->selectedKey());
    QCOMPARE(table->currentIndex().row(), selectedRow);
    // Marks drawn on the same pixel: the click picks one of them, at that time and in that lane.
    QCOMPARE(model->index(selectedRow, 0).data(LiveEventModel::LaneRole),
             model->index(other, 0).data(LiveEventModel::LaneRole));
    QTest::mouseDClick(m_view->timeline(), Qt::LeftButton, {}, at->toPoint());
    QCOMPARE(activated.count(), 2);
    m_shots.save(m_view.get(), u"live-selected.png"_s);
    m_view->setFollowing(true);
}

void TestUiLive::droppedSubscriberShowsBannerAndGap()
{
    QVERIFY(m_view->bannerText().isEmpty());
    const QByteArray killed = m_redis.command({"CLIENT", "KILL", "TYPE", "pubsub"});
    QVERIFY2(killed.startsWith(':') && killed != ":0", killed.constData());
    QTRY_VERIFY_WITH_TIMEOUT(m_view->bannerText().contains(u"retrying"_s, Qt::CaseInsensitive), 10000);
    QVERIFY2(m_view->bannerText().contains(u"Redis"_s), qPrintable(m_view->bannerText()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->timeline()->gaps().isEmpty(), 5000);
    QCOMPARE(m_view->timeline()->gaps().constFirst().source, LiveSource::Redis);
    m_view->timeline()->repaint();
    m_shots.save(m_view.get(), u"live-disconnected.png"_s);

    // Back: the banner goes, the gap closes, new events arrive again.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->bannerText().isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->timeline()->gaps().constFirst().toMs != 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_redis.command({"PUBSUB", "NUMSUB", m_channel}) == ":1", 10000);
    const qint64 before = m_view->model()->totalEvents();
    publish(u"eval-ui-0002"_s, u"service.up"_s, u"infrastructure"_s, u"info"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->model()->totalEvents(), before + 1, 10000);
    m_view->timeline()->repaint();
    m_shots.save(m_view.get(), u"live-reconnected.png"_s);
}

void TestUiLive::olderEventsFromTheEventsTable()
{
    if (!m_hub->hasHistory())
        QFAIL("a profile with PostgreSQL has history");
    LiveEventModel *model = m_view->model();
    const int before = model->rowCount();
    m_view->loadOlder();
    QVERIFY(m_view->isLoadingOlder());
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isLoadingOlder(), 30000);
    if (m_view->historyText().contains(u"Could not"_s)) {
        qWarning("%s", qPrintable(m_view->historyText()));
        SIGHTLINE_SKIP_OR_FAIL(
            "the events table could not be read: is sightline_test seeded (scripts/test)?");
    }
    QVERIFY2(model->historySize() > 0, qPrintable(m_view->historyText()));
    QCOMPARE(model->rowCount(), before + int(model->historySize()));
    QCOMPARE(model->index(0, LiveEventModel::Source).data().toString(), liveSourceName(LiveSource::History));
    // Oldest first, and older than everything the ring holds.
    const qint64 first = model->index(0, 0).data(LiveEventModel::EventIdRole).toLongLong();
    const qint64 lastHistory =
        model->index(int(model->historySize()) - 1, 0).data(LiveEventModel::EventIdRole).toLongLong();
    QVERIFY(first < lastHistory);
    QVERIFY(lastHistory < g_nextId);
    m_view->tableView()->scrollToTop();
    m_shots.save(m_view.get(), u"live-history.png"_s);
}

QTEST_MAIN(TestUiLive)
#include "tst_ui_live.moc"
