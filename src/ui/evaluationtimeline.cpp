#include "evaluationtimeline.h"

#include "core/format.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 MinViewMs = 20; // the deepest zoom: 20 ms across the plot

QString formatEventTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace

EvaluationTimeline::EvaluationTimeline(QWidget *parent)
    : QWidget(parent)
    , m_clock(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Timeline"));
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &EvaluationTimeline::tick);
    m_lanes = {{EventCategory::Research, tr("Research")},
               {EventCategory::Storage, tr("Storage")},
               {EventCategory::Infrastructure, tr("Infrastructure")},
               {EventCategory::Security, tr("Security")}};
}

EvaluationTimeline::~EvaluationTimeline() = default;

qint64 EvaluationTimeline::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void EvaluationTimeline::setEvaluation(const EvaluationRow &row, const QList<EvaluationEvent> &events)
{
    const bool sameEvaluation = m_hasData && row.id == m_row.id;
    const bool wasZoomed = sameEvaluation && zoom() > 1.0001;
    const qint64 oldStart = m_viewStart;
    const qint64 oldEnd = m_viewEnd;
    const qint64 selectedId = m_current >= 0 && m_current < m_events.size() ? m_events.at(m_current).id : -1;
    m_row = row;
    m_events = events;
    m_lanes.resize(4);
    for (const EvaluationEvent &event : std::as_const(m_events)) {
        if (event.category == EventCategory::Unknown) {
            m_lanes.append({EventCategory::Unknown, tr("Other")});
            break;
        }
    }
    recompute();
    // A reload keeps the zoom and the selection when it is the same evaluation.
    if (wasZoomed) {
        m_viewStart = oldStart;
        m_viewEnd = oldEnd;
        clampView();
    }
    m_current = -1;
    if (selectedId >= 0) {
        for (int i = 0; i < m_events.size(); ++i) {
            if (m_events.at(i).id == selectedId)
                m_current = i;
        }
    }
    m_hover = -1;
    updateGeometry();
    updateTimer();
    update();
    Q_EMIT phasesChanged();
}

void EvaluationTimeline::clear()
{
    m_row = {};
    m_events.clear();
    m_phases = {};
    m_hasData = false;
    m_current = m_hover = -1;
    updateTimer();
    update();
    Q_EMIT phasesChanged();
}

void EvaluationTimeline::recompute()
{
    m_phases = evaluationPhases(m_row, m_events, nowMs());
    m_hasData = m_phases.createdMs.has_value();
    if (!m_hasData)
        return;
    qint64 start = *m_phases.createdMs;
    qint64 end = m_phases.endMs.value_or(start);
    for (const EvaluationEvent &event : std::as_const(m_events)) {
        start = qMin(start, event.timestamp);
        end = qMax(end, event.timestamp);
    }
    const qint64 margin = qMax<qint64>(250, (end - start) / 40);
    m_fullStart = start - margin;
    m_fullEnd = end + margin;
    m_viewStart = m_fullStart;
    m_viewEnd = m_fullEnd;
}

void EvaluationTimeline::tick()
{
    if (!m_hasData || m_phases.finished)
        return;
    // The axis ends now: follow the clock, keeping a zoomed view where the user put it unless it
    // showed the end.
    const bool followEnd = m_viewEnd >= m_fullEnd - 1;
    const qint64 viewStart = m_viewStart;
    const qint64 viewEnd = m_viewEnd;
    const bool zoomed = zoom() > 1.0001;
    recompute();
    if (zoomed) {
        const qint64 width = viewEnd - viewStart;
        m_viewEnd = followEnd ? m_fullEnd : viewEnd;
        m_viewStart = m_viewEnd - width;
        clampView();
    }
    update();
    Q_EMIT phasesChanged();
}

void EvaluationTimeline::updateTimer()
{
    const bool live = isVisible() && m_hasData && !m_phases.finished;
    if (live && !m_clock->isActive())
        m_clock->start();
    else if (!live)
        m_clock->stop();
}

void EvaluationTimeline::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_hasData && !m_phases.finished)
        tick(); // it may have been hidden for a while
    updateTimer();
}

void EvaluationTimeline::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void EvaluationTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

double EvaluationTimeline::zoom() const
{
    const qint64 view = m_viewEnd - m_viewStart;
    return view > 0 ? double(m_fullEnd - m_fullStart) / double(view) : 1.0;
}

void EvaluationTimeline::zoomBy(double factor, std::optional<qint64> anchorMs)
{
    if (!m_hasData || factor <= 0)
        return;
    const qint64 full = m_fullEnd - m_fullStart;
    const qint64 view = m_viewEnd - m_viewStart;
    const qint64 width =
        std::clamp<qint64>(qint64(std::llround(double(view) / factor)), qMin(MinViewMs, full), full);
    const qint64 anchor = anchorMs.value_or(m_viewStart + view / 2);
    const double at = view > 0 ? double(anchor - m_viewStart) / double(view) : 0.5;
    m_viewStart = anchor - qint64(std::llround(at * double(width)));
    m_viewEnd = m_viewStart + width;
    clampView();
    update();
}

void EvaluationTimeline::resetZoom()
{
    m_viewStart = m_fullStart;
    m_viewEnd = m_fullEnd;
    update();
}

void EvaluationTimeline::clampView()
{
    const qint64 width = qMin(m_viewEnd - m_viewStart, m_fullEnd - m_fullStart);
    if (m_viewStart < m_fullStart)
        m_viewStart = m_fullStart;
    if (m_viewStart + width > m_fullEnd)
        m_viewStart = m_fullEnd - width;
    m_viewEnd = m_viewStart + width;
}

QSize EvaluationTimeline::sizeHint() const
{
    return {900, minimumSizeHint().height() + 40};
}

QSize EvaluationTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    const int lanes = int(m_lanes.size());
    return {360, (line + 14) + (line + 16) + 14 + lanes * qMax(36, 2 * line + 10) + line + 6};
}

EvaluationTimeline::Layout EvaluationTimeline::layout() const
{
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    int labelWidth = metrics.horizontalAdvance(tr("Lifecycle"));
    for (const Lane &lane : m_lanes)
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(lane.title));
    Layout l;
    const qreal left = 12 + labelWidth + 16;
    const qreal right = width() - 16;
    l.axisY = 8 + metrics.ascent();
    const qreal top = 8 + line + 6;
    l.phaseRow = QRectF(left, top, right - left, line + 16);
    qreal y = l.phaseRow.bottom() + 14;
    const qreal available = height() - (line + 6) - y; // a line below for the zoom note
    const qreal laneHeight =
        qBound<qreal>(qMax(36, 2 * line + 10), available / qMax<qreal>(1, m_lanes.size()), 4.5 * line + 20);
    for (int i = 0; i < m_lanes.size(); ++i) {
        l.lanes.append(QRectF(left, y, right - left, laneHeight));
        y += laneHeight;
    }
    l.plot = QRectF(left, top, right - left, y - top);
    return l;
}

qreal EvaluationTimeline::xFor(qint64 ms, const QRectF &plot) const
{
    const qint64 view = qMax<qint64>(1, m_viewEnd - m_viewStart);
    return plot.left() + plot.width() * double(ms - m_viewStart) / double(view);
}

qint64 EvaluationTimeline::msAt(qreal x, const QRectF &plot) const
{
    const qint64 view = m_viewEnd - m_viewStart;
    return m_viewStart +
           qint64(std::llround((x - plot.left()) / qMax<qreal>(1, plot.width()) * double(view)));
}

int EvaluationTimeline::laneOf(const EvaluationEvent &event) const
{
    for (int i = 0; i < m_lanes.size(); ++i) {
        if (m_lanes.at(i).category == event.category)
            return i;
    }
    return int(m_lanes.size()) - 1;
}

QRectF EvaluationTimeline::eventMarkRect(int index) const
{
    if (!m_hasData || !message().isEmpty())
        return {};
    return markRect(index, layout());
}

// One layout for every mark of a paint or a hit test: thousands of events must not each measure
// the fonts again.
QRectF EvaluationTimeline::markRect(int index, const Layout &l) const
{
    if (index < 0 || index >= m_events.size())
        return {};
    const EvaluationEvent &event = m_events.at(index);
    if (event.timestamp < m_viewStart || event.timestamp > m_viewEnd)
        return {};
    const QRectF lane = l.lanes.at(laneOf(event));
    const qreal x = xFor(event.timestamp, l.plot);
    const qreal y =
        event.category == EventCategory::Security ? lane.top() + lane.height() * 0.36 : lane.center().y();
    const qreal r = event.category == EventCategory::Security ? MarkRadius + 2 : MarkRadius;
    return QRectF(x - r, y - r, 2 * r, 2 * r);
}

int EvaluationTimeline::eventAt(const QPointF &pos) const
{
    int best = -1;
    qreal bestDistance = 9;
    if (!m_hasData || !message().isEmpty())
        return best;
    const Layout l = layout();
    for (int i = 0; i < m_events.size(); ++i) {
        const QRectF mark = markRect(i, l);
        if (mark.isEmpty())
            continue;
        const QPointF d = pos - mark.center();
        const qreal distance = std::hypot(d.x(), d.y() * 1.5);
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

QString EvaluationTimeline::message() const
{
    if (!m_hasData)
        return tr("No lifecycle times recorded for this evaluation.");
    if (!m_phases.started && !m_phases.finished) {
        const qint64 queued = m_phases.totalMs().value_or(0);
        return tr("Queued: it has not started yet (waiting for %1). The timeline begins when it is "
                  "provisioned.")
            .arg(formatDuration(queued / 1000.0));
    }
    return {};
}

qint64 EvaluationTimeline::niceTickStep(qint64 spanMs, int maxTicks)
{
    static constexpr qint64 steps[] = {1,           2,           5,           10,      20,         50,
                                       100,         200,         500,         Second,  2 * Second, 5 * Second,
                                       10 * Second, 15 * Second, 30 * Second, Minute,  2 * Minute, 5 * Minute,
                                       10 * Minute, 15 * Minute, 30 * Minute, Hour,    2 * Hour,   3 * Hour,
                                       6 * Hour,    12 * Hour,   Day,         2 * Day, 7 * Day,    14 * Day};
    maxTicks = qMax(1, maxTicks);
    for (qint64 step : steps) {
        if (spanMs / step <= maxTicks)
            return step;
    }
    qint64 step = 30 * Day;
    while (spanMs / step > maxTicks)
        step *= 2;
    return step;
}

QString EvaluationTimeline::formatTickLabel(qint64 ms, qint64 stepMs, bool withDate)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    QString text;
    if (stepMs >= Day)
        return time.toString(u"MMM d"_s);
    if (stepMs >= Minute)
        text = time.toString(u"HH:mm"_s);
    else if (stepMs >= Second)
        text = time.toString(u"HH:mm:ss"_s);
    else {
        const int decimals = stepMs % 100 == 0 ? 1 : stepMs % 10 == 0 ? 2 : 3;
        text = time.toString(u"HH:mm:ss."_s) + time.toString(u"zzz"_s).left(decimals);
    }
    if (withDate)
        text = time.toString(u"MMM d "_s) + text;
    return text;
}

QList<qint64> EvaluationTimeline::ticks(qint64 *stepOut) const
{
    QList<qint64> ticks;
    const Layout l = layout();
    const QFontMetrics metrics = fontMetrics();
    const qint64 span = m_viewEnd - m_viewStart;
    // The smallest step whose labels, at their own precision, do not crowd each other.
    qint64 step = 0;
    for (int maxTicks = 40; maxTicks >= 1; --maxTicks) {
        step = niceTickStep(span, maxTicks);
        const int labelWidth = metrics.horizontalAdvance(formatTickLabel(m_viewStart, step, false)) + 28;
        if (double(span) / double(step) * labelWidth <= l.plot.width())
            break;
    }
    // Local-time alignment: ticks at whole minutes and hours of the user's clock.
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(m_viewStart).offsetFromUtc()) * 1000;
    qint64 t = ((m_viewStart + offset) / step) * step - offset;
    if (t < m_viewStart)
        t += step;
    for (; t <= m_viewEnd && ticks.size() < 200; t += step)
        ticks << t;
    if (stepOut)
        *stepOut = step;
    return ticks;
}

QStringList EvaluationTimeline::tickLabels() const
{
    QStringList labels;
    if (!m_hasData || !message().isEmpty())
        return labels;
    qint64 step = 0;
    const QList<qint64> times = ticks(&step);
    for (qint64 t : times)
        labels << formatTickLabel(t, step, false);
    return labels;
}

QString EvaluationTimeline::tooltipFor(int index) const
{
    const EvaluationEvent &event = m_events.at(index);
    QString data = event.data;
    const QJsonDocument json = QJsonDocument::fromJson(event.data.toUtf8());
    if (!json.isNull())
        data = QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    QString offset;
    if (m_phases.createdMs)
        offset =
            tr(" (%1 after creation)").arg(formatDuration((event.timestamp - *m_phases.createdMs) / 1000.0));
    return u"<b>%1</b><br>%2%3<br>%4 · %5<pre>%6</pre>"_s.arg(
        event.type.toHtmlEscaped(), formatEventTime(event.timestamp), offset.toHtmlEscaped(),
        event.categoryText.toHtmlEscaped(), event.severityText.toHtmlEscaped(),
        data.left(2000).toHtmlEscaped());
}

bool EvaluationTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = eventAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(index), this,
                               eventMarkRect(index).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void EvaluationTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        const Layout l = layout();
        const qint64 delta = msAt(event->position().x(), l.plot) - msAt(m_dragFrom->x(), l.plot);
        const qint64 width = m_viewEnd - m_viewStart;
        m_viewStart = m_dragViewStart - delta;
        m_viewEnd = m_viewStart + width;
        clampView();
        // msAt depends on the view: move the anchor with it so the drag does not accelerate.
        m_dragFrom = event->position();
        m_dragViewStart = m_viewStart;
        update();
        return;
    }
    const int hover = eventAt(event->position());
    if (hover != m_hover) {
        m_hover = hover;
        setCursor(hover >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void EvaluationTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    const int index = eventAt(event->position());
    if (index >= 0) {
        selectEvent(index, true);
        return;
    }
    if (zoom() > 1.0001) {
        m_dragFrom = event->position();
        m_dragViewStart = m_viewStart;
        setCursor(Qt::ClosedHandCursor);
    }
}

void EvaluationTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom) {
        m_dragFrom.reset();
        setCursor(Qt::ArrowCursor);
    }
    QWidget::mouseReleaseEvent(event);
}

void EvaluationTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = eventAt(event->position());
    if (index >= 0) {
        selectEvent(index, true);
        Q_EMIT eventActivated(index);
    }
}

void EvaluationTimeline::leaveEvent(QEvent *event)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void EvaluationTimeline::wheelEvent(QWheelEvent *event)
{
    if (!m_hasData) {
        event->ignore();
        return;
    }
    const QPoint angle = event->angleDelta();
    const int delta = angle.y() != 0 ? angle.y() : angle.x();
    if (event->modifiers() & Qt::ControlModifier) {
        const Layout l = layout();
        zoomBy(std::pow(1.25, delta / 120.0), msAt(event->position().x(), l.plot));
        event->accept();
        return;
    }
    if (zoom() <= 1.0001) {
        event->ignore();
        return;
    }
    const qint64 width = m_viewEnd - m_viewStart;
    const qint64 shift = qint64(std::llround(-delta / 120.0 * 0.15 * double(width)));
    m_viewStart += shift;
    m_viewEnd += shift;
    clampView();
    update();
    event->accept();
}

void EvaluationTimeline::keyPressEvent(QKeyEvent *event)
{
    const int count = int(m_events.size());
    switch (event->key()) {
    case Qt::Key_Left:
        if (count > 0)
            selectEvent(m_current < 0 ? count - 1 : qMax(0, m_current - 1), true);
        return;
    case Qt::Key_Right:
        if (count > 0)
            selectEvent(m_current < 0 ? 0 : qMin(count - 1, m_current + 1), true);
        return;
    case Qt::Key_Home:
        if (count > 0)
            selectEvent(0, true);
        return;
    case Qt::Key_End:
        if (count > 0)
            selectEvent(count - 1, true);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5, m_current >= 0 ? std::optional<qint64>(m_events.at(m_current).timestamp) : std::nullopt);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_current >= 0)
            Q_EMIT eventActivated(m_current);
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void EvaluationTimeline::setCurrentEvent(int index)
{
    selectEvent(index, false);
}

void EvaluationTimeline::selectEvent(int index, bool emitSignal)
{
    if (index < -1 || index >= m_events.size())
        index = -1;
    const bool changed = index != m_current;
    m_current = index;
    if (index >= 0)
        ensureVisible(index);
    update();
    if (changed && emitSignal && index >= 0)
        Q_EMIT eventSelected(index);
}

void EvaluationTimeline::ensureVisible(int index)
{
    const qint64 t = m_events.at(index).timestamp;
    const qint64 width = m_viewEnd - m_viewStart;
    const qint64 edge = width / 20;
    if (t < m_viewStart + edge) {
        m_viewStart = t - width / 4;
    } else if (t > m_viewEnd - edge) {
        m_viewStart = t - width * 3 / 4;
    } else {
        return;
    }
    m_viewEnd = m_viewStart + width;
    clampView();
}

} // namespace Sightline
