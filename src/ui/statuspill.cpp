#include "statuspill.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace Sightline {

namespace {
constexpr int HorizontalPadding = 8;
constexpr int VerticalPadding = 2;
constexpr int DotSize = 7;
constexpr int DotGap = 5;

bool isDarkBase(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}
} // namespace

namespace Pill {

QSize sizeHint(const QFontMetrics &metrics, const QString &text)
{
    return {HorizontalPadding * 2 + DotSize + DotGap + metrics.horizontalAdvance(text) + 1,
            metrics.height() + VerticalPadding * 2};
}

QColor readableTextColor(const QColor &color, const QPalette &palette)
{
    return isDarkBase(palette) ? color.lighter(150) : color.darker(150);
}

QRect paint(QPainter *painter, const QRect &rect, const QString &text, const QColor &color,
            const QPalette &palette)
{
    const QFontMetrics metrics = painter->fontMetrics();
    QSize size = sizeHint(metrics, text);
    size.setWidth(qMin(size.width(), rect.width()));
    const QRect pill(rect.left(), rect.top() + (rect.height() - size.height()) / 2, size.width(),
                     size.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlpha(isDarkBase(palette) ? 70 : 38);
    QColor border = color;
    border.setAlpha(110);
    const qreal radius = pill.height() / 2.0;
    QPainterPath path;
    path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->fillPath(path, fill);
    painter->setPen(QPen(border, 1));
    painter->drawPath(path);

    const QRectF dot(pill.left() + HorizontalPadding, pill.center().y() - DotSize / 2.0 + 0.5, DotSize,
                     DotSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(dot);

    painter->setPen(readableTextColor(color, palette));
    const QRect textRect = pill.adjusted(HorizontalPadding + DotSize + DotGap, 0, -HorizontalPadding, 0);
    // elidedText() elides text that fits exactly, so only ask it when the text is too wide.
    const bool fits = metrics.horizontalAdvance(text) <= textRect.width();
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      fits ? text : metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
    return pill;
}

} // namespace Pill

StatusPill::StatusPill(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusPill::setStatus(const QString &text, const QColor &color)
{
    m_text = text;
    m_color = color;
    setAccessibleName(text);
    updateGeometry();
    update();
}

QSize StatusPill::sizeHint() const
{
    return Pill::sizeHint(fontMetrics(), m_text);
}

void StatusPill::paintEvent(QPaintEvent *)
{
    if (m_text.isEmpty())
        return;
    QPainter painter(this);
    Pill::paint(&painter, rect(), m_text, m_color, palette());
}

void Pill::paintCell(QPainter *painter, QStyleOptionViewItem option, const QColor &color)
{
    const QString text = option.text;
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);
    painter->save();
    painter->setFont(option.font);
    Pill::paint(painter, option.rect.adjusted(6, 0, -4, 0), text,
                color.isValid() ? color : option.palette.color(QPalette::PlaceholderText), option.palette);
    painter->restore();
}

} // namespace Sightline
