#pragma once

// LiveTimeline's shared pieces: layout constants, severity ranks and the event walk used by both
// the interaction (livetimeline.cpp) and the drawing (livetimelinepainting.cpp).

#include "livetimeline.h"
#include "models/liveeventmodel.h"

#include <QColor>

namespace Sightline {

namespace LiveTimelineDetail {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = 24 * 60 * Minute;
constexpr qint64 MinSpanMs = 2 * Second;
constexpr qint64 MaxSpanMs = 30 * Day;
constexpr int LabelWidth = 118;
constexpr int AxisHeight = 24;
constexpr qreal MarkRadius = 4.5;
// Up to this many events in view, each pixel column of a lane is a dot; above it, a density bar.
constexpr qint64 MaxDots = 3000;
constexpr int TickMs = 250;

inline QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// How bad a severity is, for "the worst in this pixel": unknown below info.
inline quint8 severityRank(EventSeverity severity)
{
    return severity == EventSeverity::Unknown ? 1 : quint8(int(severity) + 2);
}

inline EventSeverity severityOfRank(quint8 rank)
{
    return rank <= 1 ? EventSeverity::Unknown : EventSeverity(rank - 2);
}

} // namespace LiveTimelineDetail

template<typename F>
void LiveTimeline::forEachEventIn(qint64 from, qint64 to, F &&visit) const
{
    if (!m_model)
        return;
    if (!m_model->matcher().passAll()) {
        // Filtered: walk the model's matches (in sequence order, so the ring's lookups stay local)
        // instead of matching text again for every event on every repaint.
        const LiveEventRing &ring = m_model->ring();
        for (quint64 key : m_model->matchedRingKeys()) {
            if (key < ring.firstSeq() || key >= ring.endSeq())
                continue;
            const LiveEventRing::Ref ref = ring.at(key);
            const qint64 t = ref.record->axisTime();
            if (t >= from && t <= to)
                visit(key, *ref.record, t);
        }
        for (quint64 key : m_model->historyRowKeys()) {
            const LiveEventRing::Ref ref = m_model->refForKey(key);
            const qint64 t = ref.record ? ref.record->axisTime() : from - 1;
            if (t >= from && t <= to)
                visit(key, *ref.record, t);
        }
        return;
    }
    // Everything: whole batches outside [from, to] are skipped by their time range.
    // `base` is the key of the batch's record 0 (ring: its sequence number; history: its key).
    auto scan = [&](const LiveEventBatch *batch, qsizetype firstIndex, quint64 base) {
        if (batch->isEmpty() || batch->maxAxisTime() < from || batch->minAxisTime() > to)
            return;
        const std::vector<LiveEventRecord> &records = batch->records();
        for (size_t i = size_t(firstIndex); i < records.size(); ++i) {
            const qint64 t = records[i].axisTime();
            if (t >= from && t <= to)
                visit(base + i, records[i], t);
        }
    };
    m_model->ring().forEachSpan([&](const LiveEventRing::Span &span) {
        scan(span.batch, span.firstIndex, span.firstSeq - quint64(span.firstIndex));
    });
    for (const LiveEventModel::HistorySpan &history : m_model->historySpans())
        scan(history.batch.get(), 0, history.firstKey);
}

} // namespace Sightline
