#include "liveeventfilter.h"

#include <algorithm>

namespace Sightline {

bool LiveEventFilter::isPassAll() const
{
    return (lanes & ((1u << LiveLaneCount) - 1)) == (1u << LiveLaneCount) - 1 &&
           (severities & 0x1F) == 0x1F && type.isEmpty() && evaluationId.isEmpty() && text.isEmpty();
}

namespace {
inline char fold(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

// `needle` is already folded.
bool containsFolded(QByteArrayView haystack, const QByteArray &needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    if (haystack.size() < n)
        return false;
    const char first = needle[0];
    const char *h = haystack.data();
    const qsizetype last = haystack.size() - n;
    for (qsizetype i = 0; i <= last; ++i) {
        if (fold(h[i]) != first)
            continue;
        qsizetype k = 1;
        while (k < n && fold(h[i + k]) == needle[k])
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

QByteArray foldedUtf8(const QString &text)
{
    QByteArray out = text.trimmed().toUtf8();
    for (char &c : out)
        c = fold(c);
    return out;
}

// Category and severity names of records whose text was not stored (known values).
const QByteArray &laneBytes(LiveLane lane)
{
    static const QByteArray names[LiveLaneCount] = {"research", "storage", "infrastructure",
                                                    "security", "other",   "unparseable"};
    return names[int(lane)];
}

const QByteArray &severityBytes(EventSeverity severity)
{
    static const QByteArray names[] = {"info", "warning", "error", "critical", ""};
    return names[std::min(int(severity), 4)];
}
} // namespace

LiveEventMatcher::LiveEventMatcher(const LiveEventFilter &filter)
    : m_filter(filter)
    , m_type(foldedUtf8(filter.type))
    , m_evaluationId(foldedUtf8(filter.evaluationId))
    , m_text(foldedUtf8(filter.text))
    , m_passAll(filter.isPassAll())
{
}

bool LiveEventMatcher::matches(const LiveEventBatch &batch, const LiveEventRecord &record) const
{
    if (m_passAll)
        return true;
    if (!(m_filter.lanes & (1u << int(record.lane()))))
        return false;
    if (!(m_filter.severities & (1u << int(record.severity))))
        return false;
    if (!m_type.isEmpty() && !containsFolded(batch.type(record), m_type))
        return false;
    if (!m_evaluationId.isEmpty() && !containsFolded(batch.evaluationId(record), m_evaluationId))
        return false;
    if (!m_text.isEmpty()) {
        return containsFolded(batch.type(record), m_text) ||
               containsFolded(batch.evaluationId(record), m_text) ||
               containsFolded(batch.data(record), m_text) ||
               containsFolded(record.has(LiveEventRecord::UnknownCategory)
                                  ? batch.categoryText(record)
                                  : QByteArrayView(laneBytes(record.lane())),
                              m_text) ||
               containsFolded(record.has(LiveEventRecord::UnknownSeverity)
                                  ? batch.severityText(record)
                                  : QByteArrayView(severityBytes(record.severity)),
                              m_text);
    }
    return true;
}

LiveEventRate::LiveEventRate(int seconds)
    : m_seconds(std::max(1, seconds))
    , m_bins(size_t(m_seconds))
{
}

void LiveEventRate::clear()
{
    m_newest = 0;
    std::fill(m_bins.begin(), m_bins.end(), std::array<quint32, LiveLaneCount>{});
}

namespace {
inline qint64 floorSecond(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}
inline size_t binIndex(qint64 second, int seconds)
{
    const qint64 m = second % seconds;
    return size_t(m < 0 ? m + seconds : m);
}
} // namespace

void LiveEventRate::advanceTo(qint64 second)
{
    if (m_newest == 0 || second - m_newest >= m_seconds) {
        std::fill(m_bins.begin(), m_bins.end(), std::array<quint32, LiveLaneCount>{});
    } else {
        for (qint64 s = m_newest + 1; s <= second; ++s)
            m_bins[binIndex(s, m_seconds)] = {};
    }
    m_newest = second;
}

void LiveEventRate::add(const LiveEventBatch &batch)
{
    for (const LiveEventRecord &r : batch.records()) {
        const qint64 second = floorSecond(r.axisTime());
        if (second > floorSecond(r.receivedAt) + 60)
            continue; // a clock far ahead: never let it move the window
        if (second > m_newest)
            advanceTo(second);
        if (second <= m_newest - m_seconds)
            continue;
        ++m_bins[binIndex(second, m_seconds)][size_t(r.lane())];
    }
}

quint32 LiveEventRate::count(LiveLane lane, qint64 second) const
{
    if (m_newest == 0 || second > m_newest || second <= m_newest - m_seconds)
        return 0;
    return m_bins[binIndex(second, m_seconds)][size_t(lane)];
}

quint32 LiveEventRate::peak() const
{
    quint32 best = 0;
    if (m_newest == 0)
        return 0;
    for (const auto &bin : m_bins)
        for (const quint32 c : bin)
            best = std::max(best, c);
    return best;
}

} // namespace Sightline
