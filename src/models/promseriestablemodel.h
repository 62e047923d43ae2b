#pragma once

#include "sources/prometheus/prometheusclient.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace Sightline {

// The Metrics view's Table tab: every sample of a Prometheus result, one row each, series after
// series (labels, time, value). A flat index over the series keeps data() cheap for a million rows.
class PromSeriesTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Series, Time, Value, ColumnCount };
    enum Role {
        SeriesIndexRole = Qt::UserRole + 1, // int: which series of the result
        TimeSecondsRole,                    // double: Unix seconds
        ValueRole,                          // double, NaN and ±Inf kept
    };

    explicit PromSeriesTableModel(QObject *parent = nullptr);

    void setSeries(const QList<PrometheusSeries> &series);
    void clear();
    const QList<PrometheusSeries> &series() const { return m_series; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows beyond this are not shown (QTableView's header cannot hold more); the chart has them all.
    static constexpr qint64 MaxRows = 2'000'000;
    bool isTruncated() const { return m_truncated; }

private:
    // (series, sample) of a row
    std::pair<int, qsizetype> locate(int row) const;

    QList<PrometheusSeries> m_series;
    QStringList m_names;
    QVector<qint64> m_firstRow; // first row of each series
    int m_rows = 0;
    bool m_truncated = false;
};

} // namespace Sightline
