#pragma once

#include <QStyledItemDelegate>

namespace Sightline {

// Paints one evaluation as a card for the browser's card view: id, status pill, engine and
// duration, worker, submitter and age. Every card has the same size, so the list view can lay
// out a million of them without asking for each one's size hint.
class EvaluationCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EvaluationCardDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The smallest card for a font; the view stretches cards to fill a row (setCardWidth).
    static QSize cardSize(const QFontMetrics &metrics);
    // Width of the cell each card gets, margins included; 0 uses cardSize(). The view sets it
    // together with its grid size, before the layout asks for size hints again.
    void setCardWidth(int width) { m_cardWidth = width; }
    static constexpr int Margin = 5; // space around each card inside its cell

private:
    void paintPlaceholder(QPainter *painter, const QRect &card, const QStyleOptionViewItem &option) const;

    int m_cardWidth = 0;
};

} // namespace Sightline
