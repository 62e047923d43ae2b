#pragma once

#include "core/liveevent.h"
#include "core/liveeventfilter.h"
#include "core/liveeventring.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>
#include <optional>
#include <vector>

namespace Sightline {

// The Live Events table: the events of a LiveEventRing (newest at the bottom), optionally preceded
// by a history segment read from the events table, optionally filtered. Batches arrive whole
// (appendBatch) and cost one rowsRemoved (the ring dropped old events) and one rowsInserted per
// batch. A filter is matched incrementally; rebuilding it over a full ring runs in slices across
// event-loop turns so the GUI stays responsive. data() decodes text only for the rows asked for.
//
// Every event has a key: its ring sequence number, or (history) a number from HistoryKeyBase up.
class LiveEventModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Lane, Severity, Type, Evaluation, Source, Data, ColumnCount };
    enum Role {
        EvaluationIdRole = Qt::UserRole, // QString, empty for platform-wide events
        SeqRole,                         // quint64: the event's key (see above)
        AxisTimeRole,                    // qint64 ms: where the event sits on the time axis
        LaneRole,                        // int (LiveLane)
        SeverityRole,                    // int (EventSeverity)
        RawPayloadRole,                  // QByteArray: the data (or raw message) as received
        SeverityColorRole,               // QColor
        EventIdRole,                     // qint64
        FlagsRole,                       // int (LiveEventRecord::Flag)
    };
    static constexpr quint64 HistoryKeyBase = quint64(1) << 62;
    static constexpr int DataPreviewChars = 200;
    static constexpr int DataTooltipChars = 4000;

    explicit LiveEventModel(QObject *parent = nullptr);
    explicit LiveEventModel(LiveEventRingLimits limits, QObject *parent = nullptr);
    ~LiveEventModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setLimits(LiveEventRingLimits limits);
    void appendBatch(const LiveEventBatchPtr &batch);
    // Events read from the events table, oldest first, all older than what the model holds.
    void prependHistory(const LiveEventBatchPtr &batch);
    void clear();

    void setFilter(const LiveEventFilter &filter);
    const LiveEventFilter &filter() const { return m_filter; }
    const LiveEventMatcher &matcher() const { return m_matcher; }
    // True while a new filter is still being matched against the ring (rows keep appearing).
    bool isFiltering() const { return m_scanned < m_ring.endSeq() && !m_matcher.passAll(); }

    const LiveEventRing &ring() const { return m_ring; }
    const LiveEventRate &rate() const { return m_rate; }
    // The history segment's batches, and the key of each one's first event (for the timeline).
    struct HistorySpan
    {
        LiveEventBatchPtr batch;
        quint64 firstKey = 0;
    };
    const std::vector<HistorySpan> &historySpans() const { return m_historyBatches; }
    qint64 historySize() const { return qint64(m_historyAll.size()); }
    // With a filter: the keys of the rows shown, in row order (ring rows: only those matched so
    // far). Cheaper for the timeline than matching every event again on each repaint.
    const std::deque<quint64> &matchedRingKeys() const { return m_matches; }
    const std::deque<quint64> &historyRowKeys() const { return m_historyRows; }
    qint64 totalEvents() const { return m_ring.size() + historySize(); } // held, filter or not
    qint64 droppedTotal() const { return m_ring.droppedTotal(); }

    // The event behind a key, or {} when it is no longer held.
    LiveEventRing::Ref refForKey(quint64 key) const;
    // Row of a key; -1 when it is not shown (filtered out or dropped).
    int rowForKey(quint64 key) const;
    quint64 keyForRow(int row) const;
    LiveEventRing::Ref refForRow(int row) const;
    // The oldest positive event id held (history first), for loading older events; 0 when none.
    qint64 oldestEventId() const;

Q_SIGNALS:
    // The filter finished matching every held event (also right after setFilter when that is quick).
    void filteringFinished();
    // Events were appended, dropped or prepended (the timeline and counts repaint on it, throttled).
    void eventsChanged();
    // A batch went into the ring (the timeline summarises it once instead of on every repaint).
    void batchAppended(const Sightline::LiveEventBatchPtr &batch);

private:
    int historyRows() const;
    int ringRows() const;
    void removeDropped();
    void scanMore(qint64 budgetNs);
    QVariant displayData(const LiveEventRing::Ref &ref, int column) const;

    LiveEventRing m_ring;
    LiveEventRate m_rate;
    LiveEventFilter m_filter;
    LiveEventMatcher m_matcher{LiveEventFilter{}};

    // Ring rows. Pass-all: rows are the sequence numbers [m_viewFirst, m_viewEnd). Filtered: the
    // matching sequence numbers in m_matches, computed up to m_scanned.
    quint64 m_viewFirst = 0;
    quint64 m_viewEnd = 0;
    std::deque<quint64> m_matches;
    quint64 m_scanned = 0;
    QTimer m_scanTimer;

    // The history segment: every history event (keys from m_historyFirstKey, ascending), and the
    // keys of those shown.
    std::vector<HistorySpan> m_historyBatches;
    std::deque<LiveEventRing::Ref> m_historyAll;
    quint64 m_historyFirstKey = HistoryKeyBase + (quint64(1) << 60);
    std::deque<quint64> m_historyRows;
};

} // namespace Sightline
