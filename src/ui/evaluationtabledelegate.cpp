#include "evaluationtabledelegate.h"

#include "models/evaluationtablemodel.h"
#include "statuspill.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>

namespace Sightline {

namespace {
bool isLoaded(const QModelIndex &index)
{
    return index.siblingAtColumn(0).data(EvaluationTableModel::LoadedRole).toBool();
}
} // namespace

EvaluationTableDelegate::EvaluationTableDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void EvaluationTableDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == int(EvaluationColumn::Id)) {
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPointSizeF(option->font.pointSizeF());
        option->font = mono;
    }
    if (!isLoaded(index)) {
        const QColor grey = option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText, grey);
        option->font.setItalic(true);
    }
}

void EvaluationTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    if (index.column() != int(EvaluationColumn::Status) || !isLoaded(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    Pill::paintCell(painter, opt,
                    index.siblingAtColumn(0).data(EvaluationTableModel::StatusColorRole).value<QColor>());
}

QSize EvaluationTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == int(EvaluationColumn::Status))
        size.setWidth(Pill::sizeHint(option.fontMetrics, index.data().toString()).width() + 12);
    return size;
}

} // namespace Sightline
