#pragma once

#include <QProxyStyle>

namespace Sightline {

// Draws a header's sort arrow so that it points the way the values run: ▲ ascending, ▼
// descending — as the card view's "↑ Ascending / ↓ Descending" button says.
//
// Why: QHeaderView maps AscendingOrder to QStyleOptionHeader::SortDown, and whether SortDown is
// drawn as ▲ or ▼ depends on the style and the platform (Fusion on Linux draws ▲ for
// descending). The order itself is right; only the picture misled. This style draws the arrow
// from the header's real order instead of asking the base style.
class SortArrowStyle : public QProxyStyle
{
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    // The arrow drawn for a column sorted in `order`.
    static Qt::ArrowType arrowFor(Qt::SortOrder order)
    {
        return order == Qt::AscendingOrder ? Qt::UpArrow : Qt::DownArrow;
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Sightline
