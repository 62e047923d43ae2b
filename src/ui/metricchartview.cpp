#include "metricchart_p.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

using namespace MetricChartDetail;

double MetricChart::Private::axisToPixelX(double axisX) const
{
    const QRectF plot = chart->plotArea();
    if (ax1 <= ax0)
        return plot.left();
    return plot.left() + (axisX - ax0) / (ax1 - ax0) * plot.width();
}

double MetricChart::Private::valueToPixelY(double scaledY) const
{
    const QRectF plot = chart->plotArea();
    if (vmax <= vmin)
        return plot.bottom();
    return plot.bottom() - (scaledY - vmin) / (vmax - vmin) * plot.height();
}

void MetricChart::Private::drawMarkers(QPainter *painter)
{
    if (!hasData)
        return;
    const QRectF plot = chart->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QFont font = q->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const QColor normal = q->palette().color(QPalette::PlaceholderText);
    int row = 0;
    double lastRight[3] = {-1e9, -1e9, -1e9};
    for (const ChartMarker &marker : std::as_const(markers)) {
        const double px = axisToPixelX(marker.x * xToAxis);
        if (px < plot.left() - 0.5 || px > plot.right() + 0.5)
            continue;
        const QColor color = marker.alert             ? alertColor()
                             : marker.colorIndex >= 0 ? seriesColor(marker.colorIndex)
                                                      : normal;
        painter->setPen(QPen(color, 1, Qt::DashLine));
        painter->drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        if (marker.label.isEmpty())
            continue;
        const QString text = metrics.elidedText(marker.label, Qt::ElideRight, 140);
        const int width = metrics.horizontalAdvance(text);
        double left = px + 3;
        if (left + width > plot.right())
            left = px - 3 - width;
        // Stagger labels into up to three rows so neighbouring events stay readable.
        row = 0;
        while (row < 2 && left < lastRight[row] + 4)
            ++row;
        lastRight[row] = left + width;
        painter->setPen(color);
        painter->drawText(QPointF(left, plot.top() + metrics.ascent() + 2 + row * (metrics.height() + 1)),
                          text);
    }
    if (hoverPixel) {
        QColor cross = q->palette().color(QPalette::WindowText);
        cross.setAlpha(110);
        painter->setPen(QPen(cross, 1));
        painter->drawLine(QPointF(hoverPixel->x(), plot.top()), QPointF(hoverPixel->x(), plot.bottom()));
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(q->palette().color(QPalette::Highlight));
        painter->drawEllipse(*hoverPixel, 3.5, 3.5);
    }
    painter->restore();
}

void MetricChart::View::paintEvent(QPaintEvent *)
{
    const qreal ratio = viewport()->devicePixelRatioF();
    const QRect area = viewport()->rect();
    const QSize pixels = area.size() * ratio;
    if (!m_cacheValid || m_cache.size() != pixels) {
        m_cache = QPixmap(pixels);
        m_cache.setDevicePixelRatio(ratio);
        m_cache.fill(backgroundBrush().color());
        QPainter cache(&m_cache);
        cache.setRenderHints(renderHints());
        scene()->render(&cache, QRectF(area), mapToScene(area).boundingRect(), Qt::IgnoreAspectRatio);
        m_cacheValid = true;
    }
    QPainter painter(viewport());
    painter.drawPixmap(0, 0, m_cache);
    m_d->drawMarkers(&painter);
}

void MetricChart::View::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    m_d->drawMarkers(painter);
}

void MetricChart::View::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    m_d->q->readoutAt(event->position().toPoint());
}

void MetricChart::View::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_d->hoverPixel.reset();
    m_d->readout.clear();
    m_d->readoutLabel->clear();
    viewport()->update();
}

QString MetricChart::readoutAt(const QPoint &viewPos)
{
    d->hoverPixel.reset();
    d->readout.clear();
    const QPointF scenePos = d->view->mapToScene(viewPos);
    const QPointF pos = d->chart->mapFromScene(scenePos);
    const QRectF plot = d->chart->plotArea();
    if (d->hasData && plot.width() > 0 && plot.contains(pos)) {
        const double axisX = d->ax0 + (pos.x() - plot.left()) / plot.width() * (d->ax1 - d->ax0);
        const double xSeconds = axisX / d->xToAxis;
        double bestDistance = std::numeric_limits<double>::infinity();
        int bestSeries = -1;
        qsizetype bestIndex = -1;
        QPointF bestPixel;
        for (int s = 0; s < d->series.size(); ++s) {
            const ChartSeries &one = d->series.at(s);
            const qsizetype n = std::min(one.x.size(), one.y.size());
            if (n == 0)
                continue;
            const auto it = std::lower_bound(one.x.cbegin(), one.x.cbegin() + n, xSeconds);
            qsizetype index = it - one.x.cbegin();
            if (index == n)
                index = n - 1;
            else if (index > 0 && xSeconds - one.x[index - 1] < one.x[index] - xSeconds)
                index -= 1;
            const double y = one.y[index];
            if (std::isnan(y))
                continue;
            const double scaled = std::isinf(y) ? (y > 0 ? d->vmax : d->vmin) : y / d->scale;
            const QPointF pixel(d->axisToPixelX(one.x[index] * d->xToAxis), d->valueToPixelY(scaled));
            if (std::abs(pixel.x() - pos.x()) > NearPixels)
                continue;
            const double distance = std::abs(pixel.y() - pos.y()) + 0.25 * std::abs(pixel.x() - pos.x());
            if (distance < bestDistance) {
                bestDistance = distance;
                bestSeries = s;
                bestIndex = index;
                bestPixel = pixel;
            }
        }
        if (bestSeries >= 0) {
            const ChartSeries &one = d->series.at(bestSeries);
            d->readout = d->timeText(one.x[bestIndex]) % u" · "_s %
                         formatMetricValue(one.y[bestIndex], d->unit) % u" · "_s % one.label;
            d->hoverPixel = d->chart->mapToScene(bestPixel);
        }
    }
    d->readoutLabel->setText(
        d->readoutLabel->fontMetrics().elidedText(d->readout, Qt::ElideMiddle, std::max(100, width() / 2)));
    d->readoutLabel->setToolTip(d->readout);
    d->view->viewport()->update();
    return d->readout;
}

QString MetricChart::readout() const
{
    return d->readout;
}

double MetricChart::renderInto(QImage &image, bool redraw)
{
    if (redraw)
        d->view->invalidateCache();
    QElapsedTimer timer;
    timer.start();
    QPainter painter(&image);
    render(&painter);
    painter.end();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace Sightline
