#pragma once

#include <QColor>
#include <QStyleOptionViewItem>
#include <QWidget>

class QPainter;

namespace Sightline {

// The status "pill" (a tinted rounded label with a dot) is drawn by the table, the cards and the
// Evaluation window header alike, so that a status looks the same wherever it appears.
namespace Pill {
QSize sizeHint(const QFontMetrics &metrics, const QString &text);
// Paints the pill left-aligned and vertically centred in `rect`; returns the rectangle it used.
QRect paint(QPainter *painter, const QRect &rect, const QString &text, const QColor &color,
            const QPalette &palette);
// Draws an item-view cell as the style would (background, selection, focus frame, so the row
// still reads as one) with the cell's text as a pill of `color`. `option` is already initialised
// from the index (QStyledItemDelegate::initStyleOption).
void paintCell(QPainter *painter, QStyleOptionViewItem option, const QColor &color);
// Text colour for `color` on the palette's base: darker on light themes, lighter on dark ones.
QColor readableTextColor(const QColor &color, const QPalette &palette);
} // namespace Pill

class StatusPill : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPill(QWidget *parent = nullptr);

    void setStatus(const QString &text, const QColor &color);
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_color;
};

} // namespace Sightline
