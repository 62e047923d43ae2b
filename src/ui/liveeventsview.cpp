#include "liveeventsview.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "liveeventfilterbar.h"
#include "liveratechart.h"
#include "livetimeline.h"
#include "models/liveeventmodel.h"
#include "statuspill.h"

#include <QAction>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLiveView, "sightline.live.view")

namespace Sightline {

namespace {

constexpr int OlderPageSize = 5000;

// The Severity column as the Events tab draws it: a coloured pill.
class SeverityPillDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        Pill::paintCell(painter, opt, index.data(LiveEventModel::SeverityColorRole).value<QColor>());
    }
};

} // namespace

LiveEventsView::LiveEventsView(QWidget *parent)
    : QWidget(parent)
    , m_model(std::make_unique<LiveEventModel>())
{
    buildUi();
    auto *counts = new QTimer(this);
    counts->setInterval(500);
    connect(counts, &QTimer::timeout, this, &LiveEventsView::updateCounts);
    counts->start();
    updateStatus();
    updateCounts();
    updateEmptyState();
    updatePauseUi();
}

LiveEventsView::~LiveEventsView()
{
    m_olderFuture.cancel();
    // The views let go of the model before it goes.
    m_table->setModel(nullptr);
    m_timeline->setModel(nullptr);
    m_rateChart->setModel(nullptr);
}

void LiveEventsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);

    m_filterBar = new LiveEventFilterBar(this);
    layout->addWidget(m_filterBar);

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(
        u"QLabel { background: #fdecec; color: #991b1b; border: 1px solid #f3b4b4; border-radius: 4px; "
        "padding: 6px 10px; font-weight: 600; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *controls = new QHBoxLayout;
    controls->setSpacing(6);
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pauseAction = new QAction(tr("Pause"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::Key_Space);
    m_pauseAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pauseAction->setToolTip(tr("Hold the view still; events keep being collected (Space)"));
    m_pauseButton->setDefaultAction(m_pauseAction);
    addAction(m_pauseAction);
    connect(m_pauseAction, &QAction::toggled, this, &LiveEventsView::setPaused);

    m_newButton = new QToolButton(this);
    m_newButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newButton->setStyleSheet(
        u"QToolButton { background: #2563eb; color: white; border-radius: 9px; padding: 1px 10px; "
        "font-weight: 600; }"_s);
    m_newButton->setToolTip(tr("Resume and jump to the newest events"));
    m_newButton->hide();
    connect(m_newButton, &QToolButton::clicked, this, [this] {
        setPaused(false);
        setFollowing(true);
    });

    m_followButton = new QToolButton(this);
    m_followAction = new QAction(tr("Follow"), this);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(tr("Keep now at the right edge and the newest event in view (End)"));
    m_followButton->setDefaultAction(m_followAction);
    connect(m_followAction, &QAction::triggered, this, &LiveEventsView::setFollowing);
    // End always snaps back to now, whatever the toggle said.
    auto *snap = new QAction(this);
    snap->setShortcut(Qt::Key_End);
    snap->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(snap);
    connect(snap, &QAction::triggered, this, [this] { setFollowing(true); });

    m_olderButton = new QToolButton(this);
    m_olderButton->setText(tr("Load older"));
    m_olderButton->setToolTip(tr("Read the %1 events before the oldest one shown from the events table")
                                  .arg(formatCount(OlderPageSize)));
    connect(m_olderButton, &QToolButton::clicked, this, &LiveEventsView::loadOlder);
    m_olderProgress = new QProgressBar(this);
    m_olderProgress->setRange(0, 0);
    m_olderProgress->setMaximumWidth(90);
    m_olderProgress->setMaximumHeight(12);
    m_olderProgress->setTextVisible(false);
    m_olderProgress->hide();
    m_olderLabel = new QLabel(this);
    m_olderLabel->setTextFormat(Qt::PlainText);

    m_sources = new QLabel(this);
    m_sources->setTextFormat(Qt::RichText);
    m_sources->setWordWrap(true); // long URLs must not widen the window
    m_sources->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts = new QLabel(this);
    m_counts->setForegroundRole(QPalette::PlaceholderText);

    m_filterBar->addTrailingWidget(m_newButton);
    m_filterBar->addTrailingWidget(m_pauseButton);
    m_filterBar->addTrailingWidget(m_followButton);
    controls->addWidget(m_sources, 1);
    controls->addWidget(m_counts);
    controls->addSpacing(10);
    controls->addWidget(m_olderLabel);
    controls->addWidget(m_olderProgress);
    controls->addWidget(m_olderButton);
    layout->addLayout(controls);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_timeline = new LiveTimeline(m_splitter);
    m_timeline->setModel(m_model.get());
    m_rateChart = new LiveRateChart(m_splitter);
    m_rateChart->setModel(m_model.get());

    m_tableStack = new QStackedWidget(m_splitter);
    m_emptyLabel = new QLabel(m_tableStack);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setMargin(24);
    m_emptyLabel->setBackgroundRole(QPalette::Base);
    m_emptyLabel->setAutoFillBackground(true);
    m_table = new QTableView(m_tableStack);
    m_table->setModel(m_model.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setItemDelegateForColumn(LiveEventModel::Severity, new SeverityPillDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    header->resizeSection(LiveEventModel::Time, digit * 27);
    header->resizeSection(LiveEventModel::Lane, digit * 15);
    header->resizeSection(LiveEventModel::Severity, digit * 11);
    header->resizeSection(LiveEventModel::Type, digit * 28);
    header->resizeSection(LiveEventModel::Evaluation, digit * 20);
    header->resizeSection(LiveEventModel::Source, digit * 13);
    m_tableStack->addWidget(m_emptyLabel);
    m_tableStack->addWidget(m_table);
    m_splitter->addWidget(m_timeline);
    m_splitter->addWidget(m_rateChart);
    m_splitter->addWidget(m_tableStack);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setSizes({230, 120, 400});
    layout->addWidget(m_splitter, 1);

    connect(m_filterBar, &LiveEventFilterBar::filterChanged, this, [this](const LiveEventFilter &filter) {
        const std::optional<quint64> selected = m_timeline->selectedKey();
        m_model->setFilter(filter);
        if (selected && m_model->rowForKey(*selected) >= 0)
            selectKey(*selected);
        else if (isFollowing())
            scrollToNewest();
        m_timeline->update();
        updateEmptyState();
        updateCounts();
    });
    connect(m_model.get(), &LiveEventModel::filteringFinished, this, &LiveEventsView::updateEmptyState);
    connect(m_timeline, &LiveTimeline::followingChanged, this, [this](bool following) {
        m_followAction->setChecked(following);
        if (following)
            scrollToNewest();
    });
    connect(m_timeline, &LiveTimeline::eventClicked, this, &LiveEventsView::onTimelineClicked);
    connect(m_timeline, &LiveTimeline::eventActivated, this, &LiveEventsView::activateKey);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LiveEventsView::onTableCurrentChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        activateKey(index.data(LiveEventModel::SeqRole).value<quint64>());
    });
    QScrollBar *vertical = m_table->verticalScrollBar();
    connect(vertical, &QScrollBar::actionTriggered, this, [this, vertical](int) {
        // The user scrolled the table: away from the bottom stops following; at the top, past
        // what the ring still holds, reads older events.
        QTimer::singleShot(0, this, [this, vertical] {
            if (vertical->value() < vertical->maximum() && isFollowing())
                setFollowing(false);
            maybeLoadOlderAtTop();
        });
    });
}

void LiveEventsView::setHub(LiveEventHub *hub, const LiveSettings &settings)
{
    if (m_hub)
        disconnect(m_hub, nullptr, this, nullptr);
    ++m_generation;
    m_olderFuture.cancel();
    m_loadingOlder = false;
    m_historyReachedStart = false;
    m_olderError.clear();
    m_hub = hub;
    m_settings = settings;
    m_pending.clear();
    m_pendingEvents = 0;
    m_receivedEvents = 0;
    m_timing = {};
    LiveEventRingLimits limits;
    limits.maxEvents = qMax<qint64>(1000, settings.bufferEvents);
    limits.maxBytes = qMax<qint64>(16, settings.memoryMb) * 1024 * 1024;
    m_model->clear();
    m_model->setLimits(limits);
    m_timeline->clearGaps();
    m_statuses.clear();
    if (m_hub) {
        m_statuses = m_hub->statuses();
        connect(m_hub, &LiveEventHub::batchReady, this, &LiveEventsView::appendBatch);
        connect(m_hub, &LiveEventHub::statusChanged, this, &LiveEventsView::onStatusChanged);
        connect(m_hub, &LiveEventHub::gapOpened, m_timeline, &LiveTimeline::addGap);
        connect(m_hub, &LiveEventHub::gapClosed, m_timeline, &LiveTimeline::addGap);
    }
    setPaused(false);
    setFollowing(true);
    updateStatus();
    updateCounts();
    updateEmptyState();
}

void LiveEventsView::appendBatch(const LiveEventBatchPtr &batch)
{
    if (!batch || batch->isEmpty())
        return;
    m_receivedEvents += batch->size();
    if (m_paused) {
        // Collected, not shown: the table and timeline hold still until resume. Never more than
        // the ring would keep anyway.
        m_pending.push_back(batch);
        m_pendingEvents += batch->size();
        // Within the ring's own limits, events and bytes: the oldest held batches go first.
        qint64 held = 0;
        qint64 bytes = 0;
        for (const LiveEventBatchPtr &pending : m_pending) {
            held += pending->size();
            bytes += pending->memoryBytes();
        }
        const LiveEventRingLimits &limits = m_model->ring().limits();
        while (m_pending.size() > 1 && (held - m_pending.front()->size() >= limits.maxEvents ||
                                        bytes - m_pending.front()->memoryBytes() >= limits.maxBytes)) {
            held -= m_pending.front()->size();
            bytes -= m_pending.front()->memoryBytes();
            m_pending.pop_front();
        }
        updatePauseUi();
        return;
    }
    applyBatch(batch);
}

void LiveEventsView::applyBatch(const LiveEventBatchPtr &batch)
{
    QElapsedTimer clock;
    clock.start();
    m_model->appendBatch(batch);
    if (isFollowing())
        m_table->scrollToBottom();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    m_timing.batches += 1;
    m_timing.events += batch->size();
    m_timing.lastMs = ms;
    m_timing.maxMs = qMax(m_timing.maxMs, ms);
    m_timing.totalMs += ms;
    m_timing.largestBatch = qMax<qint64>(m_timing.largestBatch, batch->size());
    if (ms > 16)
        qCDebug(lcLiveView) << "a batch of" << batch->size() << "events took" << ms << "ms on the GUI thread";
    if (m_tableStack->currentWidget() == m_emptyLabel)
        updateEmptyState();
}

void LiveEventsView::setPaused(bool paused)
{
    if (m_paused == paused) {
        updatePauseUi();
        return;
    }
    m_paused = paused;
    if (paused) {
        m_timeline->setFollowing(false);
    } else {
        std::deque<LiveEventBatchPtr> pending;
        pending.swap(m_pending);
        m_pendingEvents = 0;
        for (const LiveEventBatchPtr &batch : pending)
            applyBatch(batch);
        setFollowing(true);
    }
    updatePauseUi();
    updateCounts();
}

void LiveEventsView::updatePauseUi()
{
    {
        const QSignalBlocker blocker(m_pauseAction);
        m_pauseAction->setChecked(m_paused);
    }
    m_pauseAction->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_newButton->setVisible(m_paused && m_pendingEvents > 0);
    m_newButton->setText(tr("%1 new").arg(formatCount(m_pendingEvents)));
}

bool LiveEventsView::isFollowing() const
{
    return m_timeline->isFollowing();
}

void LiveEventsView::setFollowing(bool follow)
{
    if (follow && m_paused) {
        setPaused(false); // resuming follows
        return;
    }
    m_timeline->setFollowing(follow);
    m_followAction->setChecked(follow);
    if (follow)
        scrollToNewest();
}

void LiveEventsView::scrollToNewest()
{
    m_table->scrollToBottom();
}

void LiveEventsView::onStatusChanged(const LiveSourceStatus &)
{
    // The hub's own list is current; a queued signal may already be older than it.
    if (m_hub)
        m_statuses = m_hub->statuses();
    updateStatus();
    updateEmptyState();
}

QString LiveEventsView::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString LiveEventsView::sourcesText() const
{
    return m_sources->text();
}

QString LiveEventsView::historyText() const
{
    return m_olderLabel->text();
}

QString LiveEventsView::emptyStateText() const
{
    return m_emptyLabel->text();
}

bool LiveEventsView::isEmptyStateShown() const
{
    return m_tableStack->currentWidget() == m_emptyLabel;
}

bool LiveEventsView::isSettled() const
{
    if (!m_hub)
        return false;
    if (m_statuses.isEmpty()) // nothing shown yet, or a workspace with no live source
        return m_hub->isRunning() && m_hub->statuses().isEmpty();
    for (const LiveSourceStatus &status : m_statuses) {
        if (status.state == LiveSourceStatus::State::Connecting)
            return false;
    }
    return true;
}

void LiveEventsView::onTableCurrentChanged()
{
    if (m_selectingFromTimeline)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_timeline->setSelectedKey(std::nullopt);
        return;
    }
    const quint64 key = current.data(LiveEventModel::SeqRole).value<quint64>();
    // Selecting does not leave follow (focus alone makes a row current); Pause holds the view.
    m_timeline->setSelectedKey(key);
    if (!isFollowing() && !m_timeline->markPosition(key)) {
        const qint64 t = current.data(LiveEventModel::AxisTimeRole).toLongLong();
        const qint64 span = m_timeline->spanMs();
        m_timeline->showRange(t - span / 2, t + span / 2);
    }
}

void LiveEventsView::onTimelineClicked(quint64 key)
{
    selectKey(key);
}

void LiveEventsView::selectKey(quint64 key)
{
    const int row = m_model->rowForKey(key);
    if (row < 0)
        return;
    m_selectingFromTimeline = true;
    const QModelIndex index = m_model->index(row, LiveEventModel::Time);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_selectingFromTimeline = false;
    m_timeline->setSelectedKey(key);
}

void LiveEventsView::activateKey(quint64 key)
{
    const LiveEventRing::Ref ref = m_model->refForKey(key);
    if (!ref.record)
        return;
    const QString id = QString::fromUtf8(ref.batch->evaluationId(*ref.record));
    if (!id.isEmpty())
        Q_EMIT evaluationActivated(id);
}

void LiveEventsView::maybeLoadOlderAtTop()
{
    QScrollBar *vertical = m_table->verticalScrollBar();
    if (vertical->value() != vertical->minimum() || m_model->rowCount() == 0)
        return;
    // Only past what the ring has dropped, or once history is being read anyway: otherwise the
    // top of the table is simply the first event since the view started.
    if (m_model->droppedTotal() == 0 && m_model->historySize() == 0)
        return;
    loadOlder();
}

void LiveEventsView::loadOlder()
{
    if (!m_hub || !m_hub->hasHistory() || m_loadingOlder || m_historyReachedStart)
        return;
    m_loadingOlder = true;
    m_olderError.clear();
    m_olderLabel->setText(tr("Loading older events…"));
    m_olderLabel->setForegroundRole(QPalette::WindowText);
    m_olderProgress->show();
    m_olderButton->setEnabled(false);
    const quint64 generation = m_generation;
    m_olderFuture = m_hub->loadOlder(m_model->oldestEventId(), OlderPageSize);
    whenFinished(m_olderFuture, this, [this, generation](const LiveHistoryResult &result) {
        if (generation != m_generation)
            return;
        m_loadingOlder = false;
        m_olderProgress->hide();
        m_olderButton->setEnabled(true);
        if (!result.error.isEmpty()) {
            m_olderError = result.error;
            m_olderLabel->setText(tr("Could not load older events: %1").arg(result.error));
            m_olderLabel->setStyleSheet(u"color: #b91c1c;"_s);
            return;
        }
        m_olderLabel->setStyleSheet({});
        QScrollBar *vertical = m_table->verticalScrollBar();
        const int before = m_model->rowCount();
        const int value = vertical->value();
        m_model->prependHistory(result.batch);
        const int added = m_model->rowCount() - before;
        // Keep the rows the user was looking at in place; the older ones are above them.
        vertical->setValue(value + added);
        m_historyReachedStart = result.reachedStart;
        const qint64 count = result.batch ? result.batch->size() : 0;
        m_olderLabel->setText(result.reachedStart
                                  ? tr("%1 older events loaded; that is the beginning of the events table")
                                        .arg(formatCount(m_model->historySize()))
                                  : tr("%1 older events loaded").arg(formatCount(m_model->historySize())));
        m_olderButton->setEnabled(!result.reachedStart);
        if (count == 0 && !result.reachedStart)
            m_olderLabel->setText(tr("No older events"));
        updateEmptyState();
    });
}

} // namespace Sightline
