#include "sortarrowstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionHeader>

namespace Sightline {

void SortArrowStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                   const QWidget *widget) const
{
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    if (element != PE_IndicatorHeaderArrow || !header || header->sortIndicator == QStyleOptionHeader::None) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // QHeaderView sets SortDown for Qt::AscendingOrder and SortUp for Qt::DescendingOrder.
    const Qt::SortOrder order =
        header->sortIndicator == QStyleOptionHeader::SortDown ? Qt::AscendingOrder : Qt::DescendingOrder;
    const bool up = arrowFor(order) == Qt::UpArrow;
    const QRectF r = QRectF(header->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal width = qMin<qreal>(9, r.width());
    const qreal height = width / 2;
    const QPointF centre = r.center();
    const qreal left = centre.x() - width / 2;
    const qreal top = centre.y() - height / 2;
    QPainterPath triangle;
    if (up) {
        triangle.moveTo(left, top + height);
        triangle.lineTo(left + width, top + height);
        triangle.lineTo(centre.x(), top);
    } else {
        triangle.moveTo(left, top);
        triangle.lineTo(left + width, top);
        triangle.lineTo(centre.x(), top + height);
    }
    triangle.closeSubpath();
    QColor color = header->palette.color(QPalette::WindowText);
    color.setAlphaF(0.7);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPath(triangle);
    painter->restore();
}

} // namespace Sightline
