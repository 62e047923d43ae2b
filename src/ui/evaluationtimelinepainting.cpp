// EvaluationTimeline's drawing: lanes, ticks, phase bars, event marks and the legend.

#include "evaluationtimeline.h"

#include "core/format.h"
#include "models/statuspalette.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr qint64 Day = 24 * 3600 * 1000;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// The security event's label: its type without the "security." prefix, and where it went.
QString securityLabel(const EvaluationEvent &event)
{
    QString label = event.type.startsWith(u"security."_s) ? event.type.mid(9) : event.type;
    const QJsonObject data = QJsonDocument::fromJson(event.data.toUtf8()).object();
    const QString destination = data.value(u"destination"_s).toString();
    if (!destination.isEmpty())
        label += u" → "_s + destination;
    return label;
}

} // namespace

QColor EvaluationTimeline::securityColor()
{
    return QColor(0xdc, 0x26, 0x26);
}

void EvaluationTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(base, text, 0.6);
    const QColor faint = mix(base, text, 0.1);
    painter.fillRect(rect(), base);
    const QFontMetrics metrics = fontMetrics();

    const QString note = message();
    if (!note.isEmpty()) {
        painter.setPen(muted);
        painter.drawText(rect().adjusted(24, 16, -24, -16), Qt::AlignCenter | Qt::TextWordWrap, note);
        return;
    }

    const Layout l = layout();
    // Lanes: alternate tints, titles on the left.
    painter.setPen(muted);
    painter.drawText(QRectF(12, l.phaseRow.top(), l.plot.left() - 24, l.phaseRow.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("Lifecycle"));
    for (int i = 0; i < l.lanes.size(); ++i) {
        const QRectF lane = l.lanes.at(i);
        if (i % 2 == 0)
            painter.fillRect(QRectF(0, lane.top(), width(), lane.height()), mix(base, text, 0.035));
        const bool security = m_lanes.at(i).category == EventCategory::Security;
        painter.setPen(security ? securityColor() : muted);
        painter.drawText(QRectF(12, lane.top(), l.plot.left() - 24, lane.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, m_lanes.at(i).title);
    }

    // Ticks: grid lines through every row, labels above.
    {
        qint64 step = 0;
        const QList<qint64> times = ticks(&step);
        for (qint64 t : times) {
            const qreal x = xFor(t, l.plot);
            painter.setPen(QPen(faint, 1));
            painter.drawLine(QPointF(x, l.plot.top() - 3), QPointF(x, l.plot.bottom()));
            painter.setPen(muted);
            const QString label = formatTickLabel(t, step, false);
            const qreal w = metrics.horizontalAdvance(label);
            const qreal lx = qBound<qreal>(l.plot.left() - 8, x - w / 2, width() - 4 - w);
            painter.drawText(QPointF(lx, l.axisY), label);
        }
        // The date once, at the left, since the labels carry only the time of day.
        if (step < Day) {
            painter.drawText(QPointF(12, l.axisY),
                             QDateTime::fromMSecsSinceEpoch(m_viewStart).toString(u"yyyy-MM-dd"_s));
        }
    }

    painter.save();
    painter.setClipRect(
        QRectF(l.plot.left() - MarkRadius - 3, 0, l.plot.width() + 2 * MarkRadius + 6, height()));

    // Phase bars with their names and durations.
    const QRectF bar = l.phaseRow.adjusted(0, 3, 0, -3);
    for (const EvaluationPhase &phase : std::as_const(m_phases.phases)) {
        const qreal x0 = xFor(phase.startMs, l.plot);
        const qreal x1 = qMax(x0 + 2, xFor(phase.endMs, l.plot));
        QColor color = phase.kind == EvaluationPhase::Kind::Queued ? statusColor(EvaluationStatus::Queued)
                       : phase.kind == EvaluationPhase::Kind::Provisioning
                           ? statusColor(EvaluationStatus::Provisioning)
                       : phase.open ? statusColor(EvaluationStatus::Running)
                                    : statusColor(m_row.status);
        const QRectF r(x0, bar.top(), x1 - x0, bar.height());
        QPainterPath path;
        path.addRoundedRect(r.adjusted(0.5, 0, -0.5, 0), 4, 4);
        if (phase.open) {
            QLinearGradient fade(r.topLeft(), r.topRight());
            fade.setColorAt(0, color);
            fade.setColorAt(qMax(0.0, 1.0 - 30.0 / qMax<qreal>(1, r.width())), color);
            QColor end = color;
            end.setAlpha(90);
            fade.setColorAt(1, end);
            painter.fillPath(path, fade);
        } else {
            painter.fillPath(path, color);
        }
        const QString name = phaseName(phase.kind);
        const QString duration = formatDuration(phase.durationMs() / 1000.0);
        QString label = u"%1  %2"_s.arg(name, duration);
        const QRectF visible = r.intersected(l.plot).adjusted(6, 0, -6, 0);
        if (metrics.horizontalAdvance(label) > visible.width())
            label = duration;
        if (metrics.horizontalAdvance(label) <= visible.width()) {
            painter.setPen(Qt::white);
            painter.drawText(visible, Qt::AlignVCenter | Qt::AlignLeft, label);
        }
        // The boundary continues down through the lanes, faintly.
        QColor boundary = color;
        boundary.setAlpha(70);
        painter.setPen(QPen(boundary, 1, Qt::DashLine));
        painter.drawLine(QPointF(x0, bar.bottom() + 2), QPointF(x0, l.plot.bottom()));
    }
    if (!m_phases.finished && m_phases.endMs) {
        const qreal x = xFor(*m_phases.endMs, l.plot);
        painter.setPen(QPen(statusColor(EvaluationStatus::Running), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, bar.top()), QPointF(x, l.plot.bottom()));
        painter.setPen(statusColor(EvaluationStatus::Running));
        painter.drawText(QPointF(x + 4, l.plot.bottom() - 4), tr("now"));
    }

    // The selected event: a line through every row.
    const QColor highlight = pal.color(QPalette::Highlight);
    if (m_current >= 0) {
        const QRectF mark = markRect(m_current, l);
        if (!mark.isEmpty()) {
            painter.setPen(QPen(highlight, 1.5));
            painter.drawLine(QPointF(mark.center().x(), l.plot.top()),
                             QPointF(mark.center().x(), l.plot.bottom()));
        }
    }

    // Event marks: a dot per event coloured by severity; security events as diamonds with a label.
    qreal labelEnd = -1e9;
    for (int i = 0; i < m_events.size(); ++i) {
        const QRectF mark = markRect(i, l);
        if (mark.isEmpty())
            continue;
        const EvaluationEvent &event = m_events.at(i);
        const bool hovered = i == m_hover;
        const QRectF r = hovered ? mark.adjusted(-2, -2, 2, 2) : mark;
        if (event.category == EventCategory::Security) {
            QPolygonF diamond;
            diamond << QPointF(r.center().x(), r.top()) << QPointF(r.right(), r.center().y())
                    << QPointF(r.center().x(), r.bottom()) << QPointF(r.left(), r.center().y());
            painter.setPen(QPen(base, 1.5));
            painter.setBrush(event.severity == EventSeverity::Critical
                                 ? severityColor(EventSeverity::Critical)
                                 : securityColor());
            painter.drawPolygon(diamond);
            const QString label = securityLabel(event);
            const qreal lx = r.center().x() - 4;
            if (lx > labelEnd + 8) {
                painter.setPen(securityColor());
                const QRectF lane = l.lanes.at(laneOf(event));
                painter.drawText(QPointF(lx, qMin(lane.bottom() - 4, r.bottom() + metrics.ascent() + 3)),
                                 label);
                labelEnd = lx + metrics.horizontalAdvance(label);
            }
        } else {
            painter.setPen(QPen(base, 1.5));
            painter.setBrush(severityColor(event.severity));
            painter.drawEllipse(r);
        }
        if (i == m_current) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(highlight, 2));
            painter.drawEllipse(r.adjusted(-3.5, -3.5, 3.5, 3.5));
        }
    }
    painter.restore();

    // A legend for the marks, under the lanes.
    {
        qreal x = l.plot.left();
        const qreal y = l.plot.bottom() + 6 + metrics.height() / 2.0;
        for (EventSeverity severity :
             {EventSeverity::Info, EventSeverity::Warning, EventSeverity::Error, EventSeverity::Critical}) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(severityColor(severity));
            painter.drawEllipse(QPointF(x + MarkRadius, y), MarkRadius - 1, MarkRadius - 1);
            painter.setPen(muted);
            const QString label = severityName(severity);
            painter.drawText(QPointF(x + 2 * MarkRadius + 5, y + metrics.ascent() / 2.0 - 1), label);
            x += 2 * MarkRadius + 5 + metrics.horizontalAdvance(label) + 16;
        }
        QPolygonF diamond;
        const qreal r = MarkRadius + 1;
        diamond << QPointF(x + r, y - r) << QPointF(x + 2 * r, y) << QPointF(x + r, y + r) << QPointF(x, y);
        painter.setPen(Qt::NoPen);
        painter.setBrush(securityColor());
        painter.drawPolygon(diamond);
        painter.setPen(muted);
        painter.drawText(QPointF(x + 2 * r + 5, y + metrics.ascent() / 2.0 - 1), tr("security event"));
    }

    if (zoom() > 1.0001) {
        painter.setPen(muted);
        painter.drawText(QRectF(l.plot.left(), l.plot.bottom() + 6, l.plot.width(), metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter,
                         tr("zoom %1× · drag or wheel to pan · 0 resets").arg(zoom(), 0, 'f', 1));
    }
    if (hasFocus()) {
        painter.setPen(QPen(highlight, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

} // namespace Sightline
