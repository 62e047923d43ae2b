#include "liveratechart.h"

#include "core/format.h"
#include "models/liveeventmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr int LabelWidth = 118; // lines up with the timeline's lanes above it
constexpr int TickMs = 500;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// 1, 2 or 5 × 10ⁿ at or above `value`.
quint32 niceCeiling(quint32 value)
{
    quint64 magnitude = 1;
    while (true) {
        for (quint64 m : {1, 2, 5}) {
            if (m * magnitude >= value)
                return quint32(m * magnitude);
        }
        magnitude *= 10;
    }
}

} // namespace

LiveRateChart::LiveRateChart(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

void LiveRateChart::setModel(LiveEventModel *model)
{
    m_model = model;
    update();
}

void LiveRateChart::setWindowSeconds(int seconds)
{
    m_seconds = qMax(10, seconds);
    update();
}

void LiveRateChart::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    update();
}

QColor LiveRateChart::laneColor(LiveLane lane)
{
    switch (lane) {
    case LiveLane::Research:
        return QColor(0x25, 0x63, 0xeb);
    case LiveLane::Storage:
        return QColor(0x0d, 0x94, 0x88);
    case LiveLane::Infrastructure:
        return QColor(0xd9, 0x77, 0x06);
    case LiveLane::Security:
        return QColor(0xdc, 0x26, 0x26);
    case LiveLane::Other:
        return QColor(0x9c, 0xa3, 0xaf);
    case LiveLane::Unparseable:
        return QColor(0x7c, 0x3a, 0xed);
    }
    return QColor(0x9c, 0xa3, 0xaf);
}

double LiveRateChart::currentRate() const
{
    if (!m_model)
        return 0;
    const qint64 second = m_clock() / 1000 - 1;
    double total = 0;
    for (int lane = 0; lane < LiveLaneCount; ++lane)
        total += m_model->rate().count(LiveLane(lane), second);
    return total;
}

QSize LiveRateChart::sizeHint() const
{
    return {900, 130};
}

QSize LiveRateChart::minimumSizeHint() const
{
    return {400, 80};
}

void LiveRateChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(base, text, 0.6);
    const QColor faint = mix(base, text, 0.1);
    painter.fillRect(rect(), base);
    const QFontMetrics metrics = fontMetrics();
    const int legendHeight = metrics.height() + 8;
    const QRectF plot(LabelWidth, legendHeight + 4, qMax(40, width() - LabelWidth - 12),
                      qMax(20, height() - legendHeight - 4 - metrics.height() - 6));

    painter.setPen(muted);
    painter.drawText(QRectF(12, 4, LabelWidth - 16, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Events/s"));

    // The seconds drawn end at the last complete second of the clock (the current one is still filling).
    const qint64 last = m_clock() / 1000 - 1;
    const qint64 first = last - m_seconds + 1;
    std::vector<std::array<quint32, LiveLaneCount>> bins(static_cast<size_t>(m_seconds));
    quint32 peak = 0;
    // The legend gives each lane's mean over the last 10 s: one second alone is too jumpy to read.
    const int recentSeconds = std::min(10, m_seconds);
    std::array<double, LiveLaneCount> recent{};
    if (m_model) {
        const LiveEventRate &rate = m_model->rate();
        for (int i = 0; i < m_seconds; ++i) {
            quint32 sum = 0;
            for (int lane = 0; lane < LiveLaneCount; ++lane) {
                const quint32 c = rate.count(LiveLane(lane), first + i);
                bins[size_t(i)][size_t(lane)] = c;
                sum += c;
            }
            peak = std::max(peak, sum);
        }
        for (int i = m_seconds - recentSeconds; i < m_seconds; ++i)
            for (int lane = 0; lane < LiveLaneCount; ++lane)
                recent[size_t(lane)] += bins[size_t(i)][size_t(lane)] / double(recentSeconds);
    }
    const quint32 top = niceCeiling(qMax<quint32>(peak, 5));
    m_drawnPeak = peak;

    // Legend: each lane's colour and its recent rate.
    qreal x = plot.left();
    for (int lane = 0; lane < LiveLaneCount; ++lane) {
        const double value = recent[size_t(lane)];
        const QString rateText = value > 0 && value < 10 ? QLocale().toString(value, 'f', 1)
                                                         : formatCount(qint64(std::llround(value)));
        const QString label = u"%1 %2"_s.arg(liveLaneDisplayName(LiveLane(lane)), rateText);
        painter.fillRect(QRectF(x, 4 + (metrics.height() - 9) / 2.0, 9, 9), laneColor(LiveLane(lane)));
        painter.setPen(value > 0 ? text : muted);
        painter.drawText(QPointF(x + 13, 4 + metrics.ascent()), label);
        x += 13 + metrics.horizontalAdvance(label) + 16;
    }

    // Grid: zero, half and the top, labelled on the left.
    for (double value : {0.0, top / 2.0, double(top)}) {
        const qreal y = std::floor(plot.bottom() - plot.height() * value / top) + 0.5;
        painter.setPen(faint);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(muted);
        const QString label =
            value == std::floor(value) ? formatCount(qint64(value)) : QLocale().toString(value);
        painter.drawText(QRectF(12, y - metrics.height() / 2.0, LabelWidth - 20, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
    painter.setPen(muted);
    const QString span = m_seconds % 60 == 0 ? tr("last %n min", nullptr, m_seconds / 60)
                                             : tr("last %1").arg(formatDuration(m_seconds));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height()),
                     Qt::AlignLeft | Qt::AlignTop, span);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height()),
                     Qt::AlignRight | Qt::AlignTop, tr("now"));
    if (!m_model || peak == 0)
        return;

    // Stacked areas, bottom lane first.
    painter.setRenderHint(QPainter::Antialiasing);
    const double dx = plot.width() / double(qMax(1, m_seconds - 1));
    std::vector<double> below(static_cast<size_t>(m_seconds), 0.0);
    for (int lane = 0; lane < LiveLaneCount; ++lane) {
        QPolygonF area;
        std::vector<double> above(below);
        bool any = false;
        for (int i = 0; i < m_seconds; ++i) {
            above[size_t(i)] += bins[size_t(i)][size_t(lane)];
            any = any || bins[size_t(i)][size_t(lane)] > 0;
        }
        if (!any)
            continue;
        for (int i = 0; i < m_seconds; ++i)
            area << QPointF(plot.left() + i * dx, plot.bottom() - plot.height() * above[size_t(i)] / top);
        for (int i = m_seconds - 1; i >= 0; --i)
            area << QPointF(plot.left() + i * dx, plot.bottom() - plot.height() * below[size_t(i)] / top);
        QColor fill = laneColor(LiveLane(lane));
        fill.setAlpha(150);
        painter.setPen(QPen(laneColor(LiveLane(lane)), 1));
        painter.setBrush(fill);
        painter.drawPolygon(area);
        below = std::move(above);
    }
}

void LiveRateChart::showEvent(QShowEvent *event)
{
    m_tick.start();
    QWidget::showEvent(event);
}

void LiveRateChart::hideEvent(QHideEvent *event)
{
    m_tick.stop();
    QWidget::hideEvent(event);
}

} // namespace Sightline
