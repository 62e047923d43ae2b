// LiveTimeline's drawing: lanes, UTC ticks, gap bands, events (dots, or per-pixel density when
// there are many) and the selection.

#include "livetimeline_p.h"

#include "evaluationtimeline.h"
#include "models/statuspalette.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPainter>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Sightline::LiveTimelineDetail;

namespace Sightline {

QString LiveTimeline::formatTickLabel(qint64 ms, qint64 stepMs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (stepMs >= Day)
        return time.toString(u"MMM d"_s);
    if (stepMs >= Minute)
        return time.toString(u"HH:mm"_s);
    if (stepMs >= Second)
        return time.toString(u"HH:mm:ss"_s);
    return time.toString(u"HH:mm:ss.zzz"_s);
}

void LiveTimeline::paintEvent(QPaintEvent *)
{
    QElapsedTimer clock;
    clock.start();
    m_dirty = false;
    QPainter painter(this);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(base, text, 0.6);
    const QColor faint = mix(base, text, 0.1);
    painter.fillRect(rect(), base);
    const Layout l = layout();
    const QFontMetrics metrics = fontMetrics();

    // Lanes: alternate tints, names on the left.
    for (int lane = 0; lane < LiveLaneCount; ++lane) {
        const QRectF r(0, l.plot.top() + lane * l.laneHeight, width(), l.laneHeight);
        if (lane % 2 == 0)
            painter.fillRect(r, mix(base, text, 0.035));
        painter.setPen(LiveLane(lane) == LiveLane::Unparseable ? severityColor(EventSeverity::Error) : muted);
        painter.drawText(QRectF(12, r.top(), LabelWidth - 20, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         liveLaneDisplayName(LiveLane(lane)));
    }
    painter.setPen(faint);
    painter.drawLine(QPointF(l.plot.left() - 0.5, l.plot.top()),
                     QPointF(l.plot.left() - 0.5, l.plot.bottom()));

    // Ticks in UTC, like the table's times.
    const qint64 start = viewStartMs();
    const qint64 end = viewEndMs();
    qint64 step = EvaluationTimeline::niceTickStep(m_spanMs, 12);
    for (int i = 0; i < 8; ++i) {
        const int labelWidth = metrics.horizontalAdvance(formatTickLabel(start, step)) + 28;
        if (double(m_spanMs) / double(step) * labelWidth <= l.plot.width())
            break;
        step = EvaluationTimeline::niceTickStep(m_spanMs, int(m_spanMs / step) - 1);
    }
    painter.setPen(muted);
    painter.drawText(QPointF(12, l.axisY), tr("UTC"));
    for (qint64 t = (start / step + 1) * step; t <= end; t += step) {
        const qreal x = std::floor(xFor(t, l)) + 0.5;
        painter.setPen(faint);
        painter.drawLine(QPointF(x, l.plot.top() - 3), QPointF(x, l.plot.bottom()));
        painter.setPen(muted);
        const QString label = formatTickLabel(t, step);
        const qreal w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(qBound<qreal>(l.plot.left(), x - w / 2, width() - 4 - w), l.axisY), label);
    }

    painter.save();
    painter.setClipRect(l.plot.adjusted(-MarkRadius - 1, 0, MarkRadius + 1, 0));
    paintGaps(painter, l);
    paintEvents(painter, l);
    paintGapLabels(painter, l);

    // Now, while it is in view.
    const qint64 current = now();
    if (current >= start && current <= end) {
        const qreal x = std::floor(xFor(current, l)) + 0.5;
        const QColor nowColor = pal.color(QPalette::Highlight);
        painter.setPen(QPen(nowColor, 1, Qt::DashLine));
        painter.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
    }
    painter.restore();

    if (m_model && m_drawnEvents == 0 && m_model->totalEvents() > 0) {
        painter.setPen(muted);
        painter.drawText(l.plot, Qt::AlignCenter,
                         m_model->filter().isPassAll() ? tr("No events in this time range")
                                                       : tr("No matching events in this time range"));
    }
    m_lastPaintMs = double(clock.nsecsElapsed()) / 1e6;
}

void LiveTimeline::paintGaps(QPainter &painter, const Layout &l)
{
    const QColor red = severityColor(EventSeverity::Error);
    QColor hatch = red;
    hatch.setAlpha(70);
    QColor tint = red;
    tint.setAlpha(18);
    const qint64 current = now();
    for (const LiveGap &gap : std::as_const(m_gaps)) {
        const qreal x0 = xFor(gap.fromMs, l);
        const qreal x1 = qMax(x0 + 3, xFor(gap.toMs ? gap.toMs : current, l));
        if (x1 < l.plot.left() || x0 > l.plot.right())
            continue;
        const QRectF band(x0, l.plot.top(), x1 - x0, l.plot.height());
        painter.fillRect(band, tint);
        painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        painter.setPen(QPen(hatch, 1));
        painter.drawLine(band.topLeft(), band.bottomLeft());
        if (gap.toMs)
            painter.drawLine(band.topRight(), band.bottomRight());
    }
}

void LiveTimeline::paintGapLabels(QPainter &painter, const Layout &l)
{
    // Over the marks, at the bottom of the plot, on a plate so they stay readable.
    const QColor red = severityColor(EventSeverity::Error);
    const QFontMetrics metrics = fontMetrics();
    const qint64 current = now();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const LiveGap &gap : std::as_const(m_gaps)) {
        const qreal x0 = xFor(gap.fromMs, l);
        const qreal x1 = qMax(x0 + 3, xFor(gap.toMs ? gap.toMs : current, l));
        if (x1 < l.plot.left() || x0 > l.plot.right())
            continue;
        const QString label = gap.toMs ? tr("%1 gap").arg(liveSourceName(gap.source))
                                       : tr("%1 disconnected").arg(liveSourceName(gap.source));
        const qreal w = metrics.horizontalAdvance(label) + 12;
        const qreal h = metrics.height() + 4;
        qreal x = qMax(x0, l.plot.left()) + 4; // inside the band when it fits, else left of it
        if (x + w > l.plot.right())
            x = qMax(l.plot.left(), x0 - w - 4);
        const QRectF plate(x, l.plot.bottom() - h - 3, w, h);
        painter.setPen(QPen(red, 1));
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRoundedRect(plate, 3, 3);
        painter.drawText(plate, Qt::AlignCenter, label);
    }
}

void LiveTimeline::digestPending()
{
    static_assert(LiveLaneCount == 6);
    for (const std::weak_ptr<const LiveEventBatch> &weak : m_toDigest) {
        const LiveEventBatchPtr batch = weak.lock();
        // Small batches (a quiet stream) are cheap to visit; wide ones would need too many slots.
        if (!batch || batch->size() < 64)
            continue;
        const qint64 first = batch->minAxisTime() / BucketMs;
        const qint64 slotCount = batch->maxAxisTime() / BucketMs - first + 1;
        if (slotCount > batch->size())
            continue;
        Digest digest;
        digest.batch = batch;
        digest.firstBucket = first;
        digest.buckets.resize(size_t(slotCount));
        for (const LiveEventRecord &r : batch->records()) {
            Bucket &bucket = digest.buckets[size_t(r.axisTime() / BucketMs - first)];
            const size_t lane = size_t(r.lane());
            ++bucket.counts[lane];
            bucket.ranks[lane] = std::max(bucket.ranks[lane], severityRank(r.severity));
        }
        m_digests[batch.get()] = std::move(digest);
    }
    m_toDigest.clear();
    if (m_model && qsizetype(m_digests.size()) > m_model->ring().batchCount() + 64)
        std::erase_if(m_digests, [](const auto &entry) { return entry.second.batch.expired(); });
}

void LiveTimeline::aggregate(Cells &cells, const Layout &l) const
{
    const qint64 start = viewStartMs();
    const qint64 end = viewEndMs();
    const double pxPerMs = l.plot.width() / double(m_spanMs);
    const int columns = cells.columns;
    auto add = [&](int lane, qint64 t, quint32 count, quint8 rank) {
        const int column = qBound(0, int(double(t - start) * pxPerMs), columns - 1);
        const size_t cell = size_t(lane * columns + column);
        cells.counts[cell] += count;
        cells.ranks[cell] = std::max(cells.ranks[cell], rank);
        cells.total += count;
    };
    if (!m_model->matcher().passAll() || pxPerMs * BucketMs > 1.0) {
        forEachEventIn(start, end, [&](quint64, const LiveEventRecord &r, qint64 t) {
            add(int(r.lane()), t, 1, severityRank(r.severity));
        });
        return;
    }
    // Zoomed out with no filter: whole slots of digested batches, events of the others.
    auto visitBatch = [&](const LiveEventBatch *batch, qsizetype firstIndex) {
        if (batch->isEmpty() || batch->maxAxisTime() < start || batch->minAxisTime() > end)
            return;
        if (firstIndex == 0) {
            const auto it = m_digests.find(batch);
            if (it != m_digests.end() && !it->second.batch.expired()) {
                const Digest &digest = it->second;
                for (size_t i = 0; i < digest.buckets.size(); ++i) {
                    const qint64 t = (digest.firstBucket + qint64(i)) * BucketMs + BucketMs / 2;
                    if (t < start || t > end)
                        continue;
                    const Bucket &bucket = digest.buckets[i];
                    for (int lane = 0; lane < LiveLaneCount; ++lane) {
                        if (bucket.counts[size_t(lane)])
                            add(lane, t, bucket.counts[size_t(lane)], bucket.ranks[size_t(lane)]);
                    }
                }
                return;
            }
        }
        const std::vector<LiveEventRecord> &records = batch->records();
        for (size_t i = size_t(firstIndex); i < records.size(); ++i) {
            const qint64 t = records[i].axisTime();
            if (t >= start && t <= end)
                add(int(records[i].lane()), t, 1, severityRank(records[i].severity));
        }
    };
    m_model->ring().forEachSpan(
        [&](const LiveEventRing::Span &span) { visitBatch(span.batch, span.firstIndex); });
    for (const LiveEventModel::HistorySpan &history : m_model->historySpans())
        visitBatch(history.batch.get(), 0);
}

void LiveTimeline::paintEvents(QPainter &painter, const Layout &l)
{
    m_drawnEvents = 0;
    m_drewAggregates = false;
    if (!m_model)
        return;
    digestPending();
    Cells cells;
    cells.columns = qMax(1, int(std::ceil(l.plot.width())) + 1);
    cells.counts.assign(size_t(cells.columns) * LiveLaneCount, 0);
    cells.ranks.assign(size_t(cells.columns) * LiveLaneCount, 0);
    aggregate(cells, l);
    const int columns = cells.columns;
    const std::vector<quint32> &counts = cells.counts;
    const std::vector<quint8> &ranks = cells.ranks;
    const qint64 total = cells.total;
    m_drawnEvents = total;
    const QColor base = palette().color(QPalette::Base);
    if (total <= MaxDots) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(base, 1.2));
        for (int lane = 0; lane < LiveLaneCount; ++lane) {
            const qreal y = l.plot.top() + (lane + 0.5) * l.laneHeight;
            for (int column = 0; column < columns; ++column) {
                const size_t cell = size_t(lane * columns + column);
                if (!counts[cell])
                    continue;
                painter.setBrush(severityColor(severityOfRank(ranks[cell])));
                painter.drawEllipse(QPointF(l.plot.left() + column + 0.5, y), MarkRadius, MarkRadius);
            }
        }
    } else {
        // Density: each column a bar whose height grows with the log of its count.
        m_drewAggregates = true;
        painter.setRenderHint(QPainter::Antialiasing, false);
        quint32 peak = 1;
        for (quint32 c : counts)
            peak = std::max(peak, c);
        const double logPeak = std::log1p(double(peak));
        const qreal maxHeight = qMax<qreal>(4, l.laneHeight - 6);
        QColor colors[6];
        for (quint8 rank = 0; rank < 6; ++rank)
            colors[rank] = severityColor(severityOfRank(rank));
        for (int lane = 0; lane < LiveLaneCount; ++lane) {
            const qreal y = l.plot.top() + (lane + 0.5) * l.laneHeight;
            for (int column = 0; column < columns; ++column) {
                const size_t cell = size_t(lane * columns + column);
                if (!counts[cell])
                    continue;
                const qreal h = qMax<qreal>(3, maxHeight * std::log1p(double(counts[cell])) / logPeak);
                painter.fillRect(QRectF(l.plot.left() + column, y - h / 2, 1, h), colors[ranks[cell]]);
            }
        }
    }
    if (m_selected && m_model->rowForKey(*m_selected) >= 0) { // not when filtered out
        if (const std::optional<QPointF> at = markPosition(*m_selected)) {
            const QColor highlight = palette().color(QPalette::Highlight);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(highlight, 1));
            painter.drawLine(QPointF(at->x(), l.plot.top()), QPointF(at->x(), l.plot.bottom()));
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(highlight, 2));
            painter.drawEllipse(*at, MarkRadius + 3, MarkRadius + 3);
        }
    }
}

} // namespace Sightline
