#include "livetimeline_p.h"

#include "evaluationtimeline.h"
#include "models/liveeventmodel.h"
#include "models/statuspalette.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QWheelEvent>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

using namespace Sightline::LiveTimelineDetail;

namespace Sightline {

LiveTimeline::LiveTimeline(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_follow || m_dirty)
            update();
    });
}

LiveTimeline::~LiveTimeline() = default;

void LiveTimeline::setModel(LiveEventModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_selected.reset();
    if (m_model) {
        // New events are drawn on the next tick, not per batch: a few repaints a second at most.
        auto dirty = [this] { m_dirty = true; };
        connect(m_model, &LiveEventModel::eventsChanged, this, dirty);
        connect(m_model, &QAbstractItemModel::modelReset, this, dirty);
        connect(m_model, &LiveEventModel::batchAppended, this,
                [this](const LiveEventBatchPtr &batch) { m_toDigest.push_back(batch); });
    }
    m_digests.clear();
    m_toDigest.clear();
    m_dirty = true;
    update();
}

void LiveTimeline::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    update();
}

qint64 LiveTimeline::now() const
{
    return m_clock();
}

void LiveTimeline::setFollowing(bool follow)
{
    if (m_follow == follow)
        return;
    if (!follow)
        m_endMs = endTime();
    m_follow = follow;
    update();
    Q_EMIT followingChanged(follow);
}

qint64 LiveTimeline::endTime() const
{
    // A little room right of now, so the newest marks are not cut in half by the edge.
    return m_follow ? now() + m_spanMs / 40 : m_endMs;
}

qint64 LiveTimeline::viewStartMs() const
{
    return endTime() - m_spanMs;
}

qint64 LiveTimeline::viewEndMs() const
{
    return endTime();
}

void LiveTimeline::setSpanMs(qint64 span)
{
    const qint64 end = endTime();
    m_spanMs = qBound(MinSpanMs, span, MaxSpanMs);
    if (!m_follow)
        m_endMs = end;
    update();
}

void LiveTimeline::zoomBy(double factor, std::optional<qint64> anchorMs)
{
    const qint64 start = viewStartMs();
    const qint64 oldSpan = m_spanMs;
    const qint64 span = qBound(MinSpanMs, qint64(double(oldSpan) * factor), MaxSpanMs);
    if (!m_follow && anchorMs) {
        const double at = double(*anchorMs - start) / double(oldSpan);
        m_endMs = *anchorMs + qint64((1.0 - at) * double(span));
    } else if (!m_follow) {
        m_endMs = start + oldSpan / 2 + span / 2;
    }
    m_spanMs = span; // following: now stays at the right edge
    update();
}

void LiveTimeline::panBy(qint64 ms)
{
    const qint64 end = endTime() + ms;
    setFollowing(false);
    m_endMs = end;
    update();
}

void LiveTimeline::showRange(qint64 startMs, qint64 endMs)
{
    setFollowing(false);
    m_spanMs = qBound(MinSpanMs, endMs - startMs, MaxSpanMs);
    m_endMs = startMs + m_spanMs;
    update();
}

void LiveTimeline::addGap(const LiveGap &gap)
{
    for (LiveGap &known : m_gaps) {
        if (known.source == gap.source && known.fromMs == gap.fromMs) {
            known = gap;
            update();
            return;
        }
    }
    m_gaps.append(gap);
    update();
}

void LiveTimeline::clearGaps()
{
    m_gaps.clear();
    update();
}

void LiveTimeline::setSelectedKey(std::optional<quint64> key)
{
    if (m_selected == key)
        return;
    m_selected = key;
    update();
}

QSize LiveTimeline::sizeHint() const
{
    return {900, AxisHeight + LiveLaneCount * 30 + 8};
}

QSize LiveTimeline::minimumSizeHint() const
{
    return {400, AxisHeight + LiveLaneCount * 16 + 8};
}

LiveTimeline::Layout LiveTimeline::layout() const
{
    Layout l;
    const qreal top = AxisHeight;
    const qreal lanes = qMax<qreal>(LiveLaneCount * 14, height() - top - 6);
    l.plot = QRectF(LabelWidth, top, qMax(40, width() - LabelWidth - 12), lanes);
    l.laneHeight = lanes / LiveLaneCount;
    l.axisY = top - 8;
    return l;
}

qreal LiveTimeline::xFor(qint64 ms, const Layout &l) const
{
    return l.plot.left() + double(ms - viewStartMs()) / double(m_spanMs) * l.plot.width();
}

qint64 LiveTimeline::timeAt(qreal x, const Layout &l) const
{
    return viewStartMs() + qint64((x - l.plot.left()) / l.plot.width() * double(m_spanMs));
}

std::optional<QPointF> LiveTimeline::markPosition(quint64 key) const
{
    if (!m_model)
        return std::nullopt;
    const LiveEventRing::Ref ref = m_model->refForKey(key);
    if (!ref.record)
        return std::nullopt;
    const Layout l = layout();
    const qint64 t = ref.record->axisTime();
    if (t < viewStartMs() || t > viewEndMs())
        return std::nullopt;
    const int lane = int(ref.record->lane());
    return QPointF(std::floor(xFor(t, l)) + 0.5, l.plot.top() + (lane + 0.5) * l.laneHeight);
}

std::optional<quint64> LiveTimeline::eventAt(const QPointF &pos) const
{
    const Layout l = layout();
    if (!l.plot.adjusted(-MarkRadius, 0, MarkRadius, 0).contains(pos))
        return std::nullopt;
    const int lane = int((pos.y() - l.plot.top()) / l.laneHeight);
    const qreal reach = MarkRadius + 2;
    const qint64 from = timeAt(pos.x() - reach, l);
    const qint64 to = timeAt(pos.x() + reach, l);
    std::optional<quint64> best;
    qreal bestDistance = reach + 1;
    forEachEventIn(from, to, [&](quint64 key, const LiveEventRecord &r, qint64 t) {
        if (int(r.lane()) != lane)
            return;
        const qreal distance = std::abs(xFor(t, l) - pos.x());
        if (distance <= bestDistance) { // ties: the later event, drawn on top
            bestDistance = distance;
            best = key;
        }
    });
    return best;
}

void LiveTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressPos = event->position();
    m_pressEnd = endTime();
    m_dragging = false;
}

void LiveTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const qreal dx = event->position().x() - m_pressPos.x();
    if (!m_dragging && std::abs(dx) < 4)
        return;
    m_dragging = true;
    setFollowing(false);
    m_endMs = m_pressEnd - qint64(dx / layout().plot.width() * double(m_spanMs));
    update();
}

void LiveTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    if (const std::optional<quint64> key = eventAt(event->position())) {
        setSelectedKey(key);
        Q_EMIT eventClicked(*key);
    }
}

void LiveTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const std::optional<quint64> key = eventAt(event->position())) {
        setSelectedKey(key);
        Q_EMIT eventActivated(*key);
    }
}

void LiveTimeline::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0)
        return;
    if (event->modifiers() & Qt::ControlModifier)
        zoomBy(std::pow(0.8, steps / 120.0), timeAt(event->position().x(), layout()));
    else
        panBy(-qint64(double(m_spanMs) * 0.1 * steps / 120.0));
    event->accept();
}

void LiveTimeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(-m_spanMs / 10);
        return;
    case Qt::Key_Right:
        panBy(m_spanMs / 10);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.5);
        return;
    case Qt::Key_Minus:
        zoomBy(2.0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected) {
            Q_EMIT eventActivated(*m_selected);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void LiveTimeline::showEvent(QShowEvent *event)
{
    m_tick.start();
    QWidget::showEvent(event);
}

void LiveTimeline::hideEvent(QHideEvent *event)
{
    m_tick.stop();
    QWidget::hideEvent(event);
}

} // namespace Sightline
