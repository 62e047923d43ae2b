#pragma once

#include "core/liveeventfilter.h"
#include "core/workspaceprofile.h"
#include "sources/live/liveeventhub.h"

#include <QFuture>
#include <QPointer>
#include <QWidget>

#include <deque>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Sightline {

class LiveEventFilterBar;
class LiveEventModel;
class LiveRateChart;
class LiveTimeline;

// The Live tab: the workspace's live sources merged by a LiveEventHub, shown as a scrolling
// timeline, a rate chart and a table, with filters, pause (keeps collecting, shows "N new") and
// follow, a status strip per source ("Redis disconnected — retrying in 3 s: …"), and older events
// read from the events table when scrolling back past the ring. Double-click or Enter on an event
// with an evaluation id emits evaluationActivated.
class LiveEventsView : public QWidget
{
    Q_OBJECT
public:
    explicit LiveEventsView(QWidget *parent = nullptr);
    ~LiveEventsView() override;

    // The view does not own the hub; nullptr detaches (before the hub goes). Clears the events.
    void setHub(LiveEventHub *hub, const LiveSettings &settings);
    LiveEventHub *hub() const { return m_hub; }

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    qint64 pendingEvents() const { return m_pendingEvents; } // collected while paused
    bool isFollowing() const;
    void setFollowing(bool follow);
    void loadOlder();
    bool isLoadingOlder() const { return m_loadingOlder; }

    LiveEventModel *model() const { return m_model.get(); }
    LiveTimeline *timeline() const { return m_timeline; }
    LiveRateChart *rateChart() const { return m_rateChart; }
    LiveEventFilterBar *filterBar() const { return m_filterBar; }
    QTableView *tableView() const { return m_table; }
    QToolButton *pauseButton() const { return m_pauseButton; }
    QToolButton *newEventsButton() const { return m_newButton; }
    QString bannerText() const;     // empty while every source is live
    QString sourcesText() const;    // the status line under the banner
    QString historyText() const;    // "Loading older events…", errors
    QString emptyStateText() const; // what the table area says while there are no events
    bool isEmptyStateShown() const;

    // GUI-thread cost of handing batches to the model, for the benchmark and the log.
    struct BatchTiming
    {
        qint64 batches = 0;
        qint64 events = 0;
        double lastMs = 0;
        double maxMs = 0;
        double totalMs = 0;
        qint64 largestBatch = 0;
    };
    const BatchTiming &batchTiming() const { return m_timing; }

    // What the app's --screenshot waits for: every source has reported (live, retrying or failed).
    bool isSettled() const;

public Q_SLOTS:
    void appendBatch(const Sightline::LiveEventBatchPtr &batch);

Q_SIGNALS:
    void evaluationActivated(const QString &evaluationId);

private:
    void buildUi();
    void applyBatch(const LiveEventBatchPtr &batch); // into the model, now (not paused)
    void updateStatus();
    void updateCounts();
    void updateEmptyState();
    void updatePauseUi();
    void onStatusChanged(const LiveSourceStatus &status);
    void onTableCurrentChanged();
    void onTimelineClicked(quint64 key);
    void activateKey(quint64 key);
    void selectKey(quint64 key);
    void maybeLoadOlderAtTop();
    void scrollToNewest();

    std::unique_ptr<LiveEventModel> m_model;
    QPointer<LiveEventHub> m_hub;
    LiveSettings m_settings;
    QList<LiveSourceStatus> m_statuses;

    LiveEventFilterBar *m_filterBar = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_sources = nullptr;
    QLabel *m_counts = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_newButton = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_olderButton = nullptr;
    QProgressBar *m_olderProgress = nullptr;
    QLabel *m_olderLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    LiveTimeline *m_timeline = nullptr;
    LiveRateChart *m_rateChart = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTableView *m_table = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_followAction = nullptr;

    bool m_paused = false;
    std::deque<LiveEventBatchPtr> m_pending;
    qint64 m_pendingEvents = 0;
    qint64 m_receivedEvents = 0; // every event handed to appendBatch since setHub
    bool m_loadingOlder = false;
    bool m_historyReachedStart = false;
    QFuture<LiveHistoryResult> m_olderFuture;
    QString m_olderError;
    quint64 m_generation = 0; // bumped by setHub: answers for an earlier hub are dropped
    bool m_selectingFromTimeline = false;
    BatchTiming m_timing;
};

} // namespace Sightline
