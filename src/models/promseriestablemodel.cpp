#include "promseriestablemodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

PromSeriesTableModel::PromSeriesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PromSeriesTableModel::setSeries(const QList<PrometheusSeries> &series)
{
    beginResetModel();
    m_series = series;
    m_names.clear();
    m_firstRow.clear();
    m_names.reserve(series.size());
    m_firstRow.reserve(series.size());
    qint64 rows = 0;
    for (const PrometheusSeries &one : std::as_const(m_series)) {
        m_names.append(one.displayName());
        m_firstRow.append(rows);
        rows += std::min(one.timesSeconds.size(), one.values.size());
    }
    m_truncated = rows > MaxRows;
    m_rows = int(std::min(rows, MaxRows));
    endResetModel();
}

void PromSeriesTableModel::clear()
{
    setSeries({});
}

int PromSeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PromSeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, qsizetype> PromSeriesTableModel::locate(int row) const
{
    // The last series whose first row is <= row (empty series share their neighbour's first row).
    const auto it = std::upper_bound(m_firstRow.cbegin(), m_firstRow.cend(), qint64(row));
    const int series = int(it - m_firstRow.cbegin()) - 1;
    return {series, qsizetype(row - m_firstRow.at(series))};
}

QVariant PromSeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [seriesIndex, sample] = locate(index.row());
    const PrometheusSeries &series = m_series.at(seriesIndex);
    const double time = series.timesSeconds.at(sample);
    const double value = series.values.at(sample);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Series:
            return m_names.at(seriesIndex);
        case Time: {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(time * 1000)));
            return when.toString(std::fmod(time, 1.0) != 0 ? u"yyyy-MM-dd HH:mm:ss.zzz"_s
                                                           : u"yyyy-MM-dd HH:mm:ss"_s);
        }
        case Value:
            if (std::isnan(value))
                return u"NaN"_s;
            if (std::isinf(value))
                return value > 0 ? u"+Inf"_s : u"-Inf"_s;
            return QLocale().toString(value, 'g', 12);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Series ? QVariant(m_names.at(seriesIndex)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Value ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SeriesIndexRole:
        return seriesIndex;
    case TimeSecondsRole:
        return time;
    case ValueRole:
        return value;
    default:
        return {};
    }
}

QVariant PromSeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Series:
        return tr("Series");
    case Time:
        return tr("Time (local)");
    case Value:
        return tr("Value");
    }
    return {};
}

} // namespace Sightline
