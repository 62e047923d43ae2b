#include "liveeventmodel.h"

#include "core/format.h"
#include "statuspalette.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// A slice of filter matching per event-loop turn: long enough to make progress, short enough
// that a frame is never missed by much.
constexpr qint64 ScanSliceNs = 8'000'000;

QString isoTime(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (!time.isValid())
        return QString::number(ms);
    return time.toString(Qt::ISODateWithMs);
}

// Text for one line of a table: control characters (newlines in JSON, binary junk) become spaces,
// and at most `maxChars` characters are kept, decoding only the bytes that could be needed.
QString previewText(QByteArrayView bytes, int maxChars)
{
    const qsizetype maxBytes = qsizetype(maxChars) * 4;
    const bool cut = bytes.size() > maxBytes;
    QString text = QString::fromUtf8(cut ? bytes.first(maxBytes) : bytes);
    bool more = cut;
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        more = true;
    }
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    if (more)
        text += u'…';
    return text;
}

QString decoded(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

LiveEventModel::LiveEventModel(QObject *parent)
    : LiveEventModel(LiveEventRingLimits{}, parent)
{
}

LiveEventModel::LiveEventModel(LiveEventRingLimits limits, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ring(limits)
{
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, [this] { scanMore(ScanSliceNs); });
}

LiveEventModel::~LiveEventModel() = default;

int LiveEventModel::historyRows() const
{
    return int(m_historyRows.size());
}

int LiveEventModel::ringRows() const
{
    return m_matcher.passAll() ? int(m_viewEnd - m_viewFirst) : int(m_matches.size());
}

int LiveEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : historyRows() + ringRows();
}

int LiveEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void LiveEventModel::setLimits(LiveEventRingLimits limits)
{
    m_ring.setLimits(limits);
    removeDropped();
    Q_EMIT eventsChanged();
}

void LiveEventModel::appendBatch(const LiveEventBatchPtr &batch)
{
    if (!batch || batch->isEmpty())
        return;
    m_rate.add(*batch);
    // The ring drops old events as it takes the batch; until removeDropped() says so, the rows
    // still map to the sequence numbers they had, so the view sees one removal, then one insertion.
    m_ring.append(batch);
    removeDropped();
    if (m_matcher.passAll()) {
        if (m_viewFirst == m_viewEnd) // everything shown was dropped: restart at what is held
            m_viewFirst = m_viewEnd = std::max(m_viewEnd, m_ring.firstSeq());
        const int added = int(m_ring.endSeq() - m_viewEnd);
        if (added > 0) {
            const int first = rowCount();
            beginInsertRows({}, first, first + added - 1);
            m_viewEnd = m_ring.endSeq();
            endInsertRows();
        }
        m_scanned = m_ring.endSeq();
    } else if (!m_scanTimer.isActive()) {
        scanMore(ScanSliceNs);
    }
    Q_EMIT batchAppended(batch);
    Q_EMIT eventsChanged();
}

void LiveEventModel::removeDropped()
{
    const quint64 first = m_ring.firstSeq();
    const int h = historyRows();
    if (m_matcher.passAll()) {
        if (m_viewFirst < first && m_viewEnd > m_viewFirst) {
            const quint64 cut = std::min(first, m_viewEnd);
            beginRemoveRows({}, h, h + int(cut - m_viewFirst) - 1);
            m_viewFirst = cut;
            endRemoveRows();
        }
        if (m_viewFirst == m_viewEnd && m_viewEnd < first)
            m_viewFirst = m_viewEnd = first;
    } else {
        const auto cut = std::lower_bound(m_matches.begin(), m_matches.end(), first);
        const int n = int(cut - m_matches.begin());
        if (n > 0) {
            beginRemoveRows({}, h, h + n - 1);
            m_matches.erase(m_matches.begin(), m_matches.begin() + n);
            endRemoveRows();
        }
    }
    m_scanned = std::max(m_scanned, first);
}

void LiveEventModel::scanMore(qint64 budgetNs)
{
    QElapsedTimer clock;
    clock.start();
    const quint64 end = m_ring.endSeq();
    std::vector<quint64> found;
    quint64 seq = std::max(m_scanned, m_ring.firstSeq());
    while (seq < end) {
        const quint64 stop = std::min(end, seq + 4096);
        for (; seq < stop; ++seq) {
            const LiveEventRing::Ref ref = m_ring.at(seq);
            if (m_matcher.matches(*ref.batch, *ref.record))
                found.push_back(seq);
        }
        if (clock.nsecsElapsed() > budgetNs)
            break;
    }
    m_scanned = seq;
    if (!found.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(found.size()) - 1);
        m_matches.insert(m_matches.end(), found.begin(), found.end());
        endInsertRows();
    }
    if (m_scanned < m_ring.endSeq()) {
        if (!m_scanTimer.isActive())
            m_scanTimer.start();
    } else if (m_scanTimer.isActive()) {
        m_scanTimer.stop();
        Q_EMIT filteringFinished();
    }
}

void LiveEventModel::setFilter(const LiveEventFilter &filter)
{
    if (filter == m_filter)
        return;
    m_scanTimer.stop();
    beginResetModel();
    m_filter = filter;
    m_matcher = LiveEventMatcher(filter);
    m_matches.clear();
    m_viewFirst = m_ring.firstSeq();
    m_viewEnd = m_ring.endSeq();
    m_scanned = m_matcher.passAll() ? m_ring.endSeq() : m_ring.firstSeq();
    m_historyRows.clear();
    for (size_t i = 0; i < m_historyAll.size(); ++i) {
        const LiveEventRing::Ref &ref = m_historyAll[i];
        if (m_matcher.passAll() || m_matcher.matches(*ref.batch, *ref.record))
            m_historyRows.push_back(m_historyFirstKey + i);
    }
    endResetModel();
    if (!m_matcher.passAll()) {
        scanMore(ScanSliceNs);
        if (!m_scanTimer.isActive())
            Q_EMIT filteringFinished();
    } else {
        Q_EMIT filteringFinished();
    }
}

void LiveEventModel::prependHistory(const LiveEventBatchPtr &batch)
{
    if (!batch || batch->isEmpty())
        return;
    const qsizetype n = batch->size();
    m_historyFirstKey -= quint64(n);
    m_historyBatches.push_back({batch, m_historyFirstKey});
    std::vector<LiveEventRing::Ref> refs;
    std::vector<quint64> shown;
    refs.reserve(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const LiveEventRing::Ref ref{&batch->at(i), batch.get()};
        refs.push_back(ref);
        if (m_matcher.passAll() || m_matcher.matches(*batch, batch->at(i)))
            shown.push_back(m_historyFirstKey + quint64(i));
    }
    m_historyAll.insert(m_historyAll.begin(), refs.begin(), refs.end());
    if (!shown.empty()) {
        beginInsertRows({}, 0, int(shown.size()) - 1);
        m_historyRows.insert(m_historyRows.begin(), shown.begin(), shown.end());
        endInsertRows();
    }
    Q_EMIT eventsChanged();
}

void LiveEventModel::clear()
{
    m_scanTimer.stop();
    beginResetModel();
    m_ring.clear();
    m_rate.clear();
    m_matches.clear();
    m_viewFirst = m_viewEnd = m_scanned = m_ring.endSeq();
    m_historyRows.clear();
    m_historyAll.clear();
    m_historyBatches.clear();
    endResetModel();
    Q_EMIT eventsChanged();
}

LiveEventRing::Ref LiveEventModel::refForKey(quint64 key) const
{
    if (key >= HistoryKeyBase) {
        if (key < m_historyFirstKey || key - m_historyFirstKey >= m_historyAll.size())
            return {};
        return m_historyAll[size_t(key - m_historyFirstKey)];
    }
    if (key < m_ring.firstSeq() || key >= m_ring.endSeq())
        return {};
    return m_ring.at(key);
}

quint64 LiveEventModel::keyForRow(int row) const
{
    const int h = historyRows();
    if (row < h)
        return m_historyRows[size_t(row)];
    if (m_matcher.passAll())
        return m_viewFirst + quint64(row - h);
    return m_matches[size_t(row - h)];
}

LiveEventRing::Ref LiveEventModel::refForRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return refForKey(keyForRow(row));
}

int LiveEventModel::rowForKey(quint64 key) const
{
    if (key >= HistoryKeyBase) {
        const auto it = std::lower_bound(m_historyRows.begin(), m_historyRows.end(), key);
        return it != m_historyRows.end() && *it == key ? int(it - m_historyRows.begin()) : -1;
    }
    const int h = historyRows();
    if (m_matcher.passAll())
        return key >= m_viewFirst && key < m_viewEnd ? h + int(key - m_viewFirst) : -1;
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), key);
    return it != m_matches.end() && *it == key ? h + int(it - m_matches.begin()) : -1;
}

qint64 LiveEventModel::oldestEventId() const
{
    // Unparseable events have negative ids, and sources need not agree on order: take the smallest
    // positive id near the start.
    qint64 oldest = 0;
    auto consider = [&oldest](qint64 id) {
        if (id > 0 && (oldest == 0 || id < oldest))
            oldest = id;
    };
    for (size_t i = 0; i < std::min<size_t>(m_historyAll.size(), 10000); ++i)
        consider(m_historyAll[i].record->id);
    if (oldest == 0) {
        const quint64 end = std::min(m_ring.endSeq(), m_ring.firstSeq() + 10000);
        for (quint64 seq = m_ring.firstSeq(); seq < end; ++seq)
            consider(m_ring.at(seq).record->id);
    }
    return oldest;
}

QVariant LiveEventModel::displayData(const LiveEventRing::Ref &ref, int column) const
{
    const LiveEventRecord &r = *ref.record;
    const LiveEventBatch &b = *ref.batch;
    switch (Column(column)) {
    case Time:
        if (r.has(LiveEventRecord::NoTimestamp))
            return isoTime(r.receivedAt); // muted, with a tooltip saying it is the arrival time
        if (r.has(LiveEventRecord::ClockSkewed))
            return QString(u"⚠ "_s + isoTime(r.timestamp));
        return isoTime(r.timestamp);
    case Lane:
        if (r.has(LiveEventRecord::UnknownCategory))
            return tr("%1 (%2)").arg(liveLaneDisplayName(r.lane()), previewText(b.categoryText(r), 40));
        return liveLaneDisplayName(r.lane());
    case Severity:
        if (r.has(LiveEventRecord::UnknownSeverity))
            return previewText(b.severityText(r), 40);
        if (r.severity == EventSeverity::Unknown)
            return u"—"_s;
        return severityName(r.severity);
    case Type:
        return previewText(b.type(r), DataPreviewChars);
    case Evaluation:
        return decoded(b.evaluationId(r));
    case Source:
        return liveSourceName(r.source);
    case Data:
        return previewText(b.data(r), DataPreviewChars);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LiveEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LiveEventRing::Ref ref = refForRow(index.row());
    if (!ref.record)
        return {};
    const LiveEventRecord &r = *ref.record;
    const LiveEventBatch &b = *ref.batch;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(ref, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Time && r.has(LiveEventRecord::ClockSkewed)) {
            const qint64 ahead = r.timestamp - r.receivedAt;
            return tr("The event's clock says %1 but it arrived at %2 (%3 %4). The timeline places "
                      "it at its arrival time.")
                .arg(isoTime(r.timestamp), isoTime(r.receivedAt), formatDuration(std::abs(ahead) / 1000.0),
                     ahead > 0 ? tr("ahead") : tr("behind"));
        }
        if (index.column() == Time && r.has(LiveEventRecord::NoTimestamp))
            return tr("The event has no usable timestamp; it is shown at the time it arrived.");
        if (index.column() == Data) {
            QString text = previewText(b.data(r), DataTooltipChars);
            if (r.has(LiveEventRecord::PayloadCapped))
                text += u"\n\n"_s + tr("(only the first %1 of %2 were kept)")
                                        .arg(formatBytes(r.dataLength), formatBytes(r.payloadSize));
            return text;
        }
        if (index.column() == Type && r.has(LiveEventRecord::Unparseable))
            return tr("This message could not be read: %1").arg(previewText(b.type(r), DataTooltipChars));
        if (index.column() == Lane && r.has(LiveEventRecord::UnknownCategory))
            return tr("Unknown category \"%1\"").arg(previewText(b.categoryText(r), 200));
        return {};
    case Qt::ForegroundRole:
        if (r.has(LiveEventRecord::Unparseable) && (index.column() == Type || index.column() == Lane))
            return severityColor(EventSeverity::Error);
        if (index.column() == Time && r.has(LiveEventRecord::ClockSkewed))
            return severityColor(EventSeverity::Warning);
        if (index.column() == Time && r.has(LiveEventRecord::NoTimestamp))
            return severityColor(EventSeverity::Unknown);
        return {};
    case EvaluationIdRole:
        return decoded(b.evaluationId(r));
    case SeqRole:
        return keyForRow(index.row());
    case AxisTimeRole:
        return r.axisTime();
    case LaneRole:
        return int(r.lane());
    case SeverityRole:
        return int(r.severity);
    case RawPayloadRole:
        return b.data(r).toByteArray();
    case SeverityColorRole:
        return severityColor(r.severity);
    case EventIdRole:
        return r.id;
    case FlagsRole:
        return int(r.flags);
    default:
        break;
    }
    return {};
}

QVariant LiveEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time (UTC)");
    case Lane:
        return tr("Category");
    case Severity:
        return tr("Severity");
    case Type:
        return tr("Type");
    case Evaluation:
        return tr("Evaluation");
    case Source:
        return tr("Source");
    case Data:
        return tr("Data");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Sightline
