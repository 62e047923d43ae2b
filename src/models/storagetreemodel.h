#pragma once

#include "sources/storagesource.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>
#include <vector>

namespace Sightline {

// One backend's tree in the Storage Explorer, loaded lazily: a node's children are asked of the
// source when the view expands it (canFetchMore/fetchMore), at most a page at a time; while they
// load the node shows a "Loading…" row, a listing with more pages ends in a "more…" row, and a
// failed listing in an error row that retries when activated. data() never does I/O.
class StorageTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Type, Count, Size, Expires, Detail, Evaluation, ColumnCount };
    enum Role {
        RowKindRole = Qt::UserRole + 1, // RowKind
        EvaluationIdRole,               // QString, empty when the node belongs to no evaluation
        ShareOfParentRole,              // double 0..1: bytes of this node / bytes of its parent (size bars)
    };
    enum class RowKind { Node, Loading, More, Error };
    Q_ENUM(RowKind)

    explicit StorageTreeModel(StorageSource *source, QObject *parent = nullptr);
    ~StorageTreeModel() override;

    StorageSource *source() const { return m_source; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // What activating a row does: "more…" loads the next page, an error row retries; a node returns
    // false (the view opens its preview or evaluation).
    bool activate(const QModelIndex &index);
    // Stops the source and forgets pending requests; nodes that were loading become unloaded again,
    // so expanding them later asks anew.
    void stop();
    // Forgets the whole tree and loads the root again.
    void reload();
    // Tells views that the Expires column changed (TTLs count down); call about once a second.
    void tickExpiries();

    StorageNode node(const QModelIndex &index) const;
    bool isLoading() const { return m_pending > 0; }
    // The node with this id among the loaded ones, or an invalid index.
    QModelIndex findNode(const QString &nodeId) const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A listing failed; the tree shows it in place as well.
    void listingFailed(const QString &message);

private:
    struct Item;
    Item *itemFor(const QModelIndex &index) const;
    QModelIndex indexFor(Item *item, int column = 0) const;
    enum class LoadingRow { Now, Later };
    void request(Item *item, const QString &continuation, LoadingRow loadingRow);
    void applyPage(Item *item, quint64 generation, const QString &continuation, const StoragePage &page);
    void mergePage(Item *item, const StoragePage &page);
    void refreshLoaded();
    void setPending(int delta);
    void removeSpecialRows(Item *item);
    void appendSpecialRow(Item *item, RowKind kind, const QString &text);

    QPointer<StorageSource> m_source;
    std::unique_ptr<Item> m_root;
    quint64 m_generation = 1; // bumps on stop/reload: answers to older requests are dropped
    int m_pending = 0;
    bool m_refreshQueued = false;
    QElapsedTimer m_lastRefresh;
    static constexpr qint64 RefreshIntervalMs = 700;
};

} // namespace Sightline
