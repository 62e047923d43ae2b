#include "evaluationeventmodel.h"

#include "statuspalette.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Sightline {

EvaluationEventModel::EvaluationEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EvaluationEventModel::setEvents(QList<EvaluationEvent> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

int EvaluationEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EvaluationEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvaluationEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvaluationEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(event.timestamp).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        case Type:
            return event.type;
        case Category:
            return event.categoryText;
        case Severity:
            return event.severityText;
        case Data: {
            // One line in the table; the tooltip has it all.
            QString text = event.data.left(300);
            text.replace(u'\n', u' ');
            return text;
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Data)
            return event.data.left(4000);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Severity)
            return severityColor(event.severity);
        return {};
    case EventIdRole:
        return event.id;
    case TimestampRole:
        return event.timestamp;
    case CategoryRole:
        return int(event.category);
    case SeverityRole:
        return int(event.severity);
    case SeverityColorRole:
        return severityColor(event.severity);
    }
    return {};
}

QVariant EvaluationEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Event");
    case Category:
        return tr("Category");
    case Severity:
        return tr("Severity");
    case Data:
        return tr("Data");
    }
    return {};
}

} // namespace Sightline
