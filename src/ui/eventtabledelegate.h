#pragma once

#include <QStyledItemDelegate>

namespace Sightline {

// The Events tab's cells: severity as a coloured pill; any cell whose text is elided (event data
// is JSON of any length) shows its full text as a tooltip.
class EventTableDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EventTableDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Sightline
