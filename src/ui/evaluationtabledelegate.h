#pragma once

#include <QStyledItemDelegate>

namespace Sightline {

// The browser table's cells: the status column as a coloured pill, the id in the monospace font
// researchers copy ids from, and placeholder rows greyed so "loading…" never reads as data.
class EvaluationTableDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EvaluationTableDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Sightline
