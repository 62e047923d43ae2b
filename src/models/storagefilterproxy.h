#pragma once

#include <QSortFilterProxyModel>

namespace Sightline {

// The Storage Explorer's per-panel filter: keeps the nodes whose name contains the text and their
// ancestors (recursive filtering over what is loaded). The "Loading…", "more…" and error rows of a
// shown node stay, so a filtered listing can still be paged and retried.
class StorageFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit StorageFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace Sightline
