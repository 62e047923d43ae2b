#pragma once

#include "core/evaluation.h"

#include <QAbstractTableModel>

namespace Sightline {

// An evaluation's events in time order (the Evaluation window's Events tab).
class EvaluationEventModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Type, Category, Severity, Data, ColumnCount };
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        TimestampRole,
        CategoryRole,
        SeverityRole,
        SeverityColorRole
    };

    explicit EvaluationEventModel(QObject *parent = nullptr);

    void setEvents(QList<EvaluationEvent> events);
    const QList<EvaluationEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EvaluationEvent> m_events;
};

} // namespace Sightline
