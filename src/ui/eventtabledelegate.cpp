#include "eventtabledelegate.h"

#include "models/evaluationeventmodel.h"
#include "statuspill.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Sightline {

EventTableDelegate::EventTableDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void EventTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (index.column() != EvaluationEventModel::Severity) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    Pill::paintCell(painter, opt, index.data(EvaluationEventModel::SeverityColorRole).value<QColor>());
}

bool EventTableDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    if (!index.data(Qt::ToolTipRole).isValid()) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const int available = opt.rect.width() - 8;
        if (opt.fontMetrics.horizontalAdvance(opt.text) > available) {
            // Long JSON reads better wrapped; QToolTip wraps rich text, so escape it.
            QToolTip::showText(event->globalPos(),
                               u"<p style='white-space:pre-wrap'>%1</p>"_s.arg(opt.text.toHtmlEscaped()),
                               view, opt.rect);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Sightline
