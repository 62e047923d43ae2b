#include "storagefilterproxy.h"

#include "storagetreemodel.h"

namespace Sightline {

StorageFilterProxy::StorageFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterKeyColumn(StorageTreeModel::Name);
}

void StorageFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool StorageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, StorageTreeModel::Name, sourceParent);
    const auto kind = index.data(StorageTreeModel::RowKindRole).value<StorageTreeModel::RowKind>();
    if (kind != StorageTreeModel::RowKind::Node) {
        // Paging rows follow their node: kept where the node itself matches (or at the top).
        return !sourceParent.isValid() ||
               sourceParent.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
    }
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive) ||
           index.data(StorageTreeModel::EvaluationIdRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace Sightline
