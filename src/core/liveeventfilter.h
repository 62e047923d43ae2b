#pragma once

// What the Live Events view shows of the stream (filter) and how fast it arrives (rate bins).

#include "liveevent.h"

#include <QString>

#include <array>
#include <vector>

namespace Sightline {

struct LiveEventFilter
{
    quint32 lanes = (1u << LiveLaneCount) - 1;                          // bit i: LiveLane(i) shown
    quint32 severities = (1u << (int(EventSeverity::Unknown) + 1)) - 1; // bit i: EventSeverity(i)
    QString type;         // substring of the type, case-insensitive; empty: any
    QString evaluationId; // substring of the evaluation id, case-insensitive; empty: any
    QString text;         // substring of type, evaluation id, category/severity text or data; empty: any

    bool isPassAll() const;
    bool operator==(const LiveEventFilter &other) const = default;
};

// A filter compiled for speed: needles as UTF-8, matched against the records' bytes without
// decoding (ASCII case folding; non-ASCII bytes compare exactly).
class LiveEventMatcher
{
public:
    explicit LiveEventMatcher(const LiveEventFilter &filter);
    bool passAll() const { return m_passAll; }
    bool matches(const LiveEventBatch &batch, const LiveEventRecord &record) const;

private:
    LiveEventFilter m_filter;
    QByteArray m_type;
    QByteArray m_evaluationId;
    QByteArray m_text;
    bool m_passAll = true;
};

// Events per second per lane over the last `seconds` seconds of axis time (the rate chart).
// Events older than the window, or more than a minute ahead of the newest arrival, are not counted
// (so a far-future clock cannot stretch the chart).
class LiveEventRate
{
public:
    explicit LiveEventRate(int seconds = 600);

    void add(const LiveEventBatch &batch); // counts every record (filtering is the view's concern)
    void clear();

    int seconds() const { return m_seconds; }
    qint64 newestSecond() const { return m_newest; } // unix seconds of the newest bin; 0 when empty
    // Events in lane during unix second `second`; 0 outside the window.
    quint32 count(LiveLane lane, qint64 second) const;
    // Highest per-second count of any lane in the window (the chart's y range).
    quint32 peak() const;

private:
    void advanceTo(qint64 second);
    int m_seconds;
    qint64 m_newest = 0;
    std::vector<std::array<quint32, LiveLaneCount>> m_bins; // circular, index second % m_seconds
};

} // namespace Sightline
