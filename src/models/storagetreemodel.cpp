#include "storagetreemodel.h"

#include "core/format.h"
#include "core/futurecontinuation.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sightline {

struct StorageTreeModel::Item
{
    Item *parent = nullptr;
    int row = 0;
    RowKind kind = RowKind::Node;
    StorageNode node;
    QString text; // the Loading, More and Error rows' text
    std::vector<std::unique_ptr<Item>> children;
    bool requested = false; // the first page was asked for (and maybe arrived)
    int pagesLoaded = 0;
    bool loading = false;
    QString nextContinuation; // what the More row asks for

    int nodeCount() const
    {
        int n = 0;
        for (const auto &child : children)
            n += child->kind == RowKind::Node ? 1 : 0;
        return n;
    }
};

namespace {

QString formatRemaining(qint64 msecs)
{
    if (msecs <= 0)
        return StorageTreeModel::tr("expired");
    const qint64 seconds = (msecs + 999) / 1000;
    if (seconds < 60)
        return StorageTreeModel::tr("%1 s").arg(seconds);
    return formatDuration(double(seconds));
}

} // namespace

StorageTreeModel::StorageTreeModel(StorageSource *source, QObject *parent)
    : QAbstractItemModel(parent)
    , m_source(source)
    , m_root(std::make_unique<Item>())
{
    m_root->node.kind = StorageNode::Kind::Group;
    m_root->node.hasChildren = true;
    if (m_source) {
        connect(m_source, &StorageSource::contentChanged, this, [this] {
            // Scans announce progress several times a second: refresh at most every
            // RefreshIntervalMs, so that listing the expanded nodes again never competes with the
            // scan for its thread.
            if (m_refreshQueued)
                return;
            m_refreshQueued = true;
            const qint64 since = m_lastRefresh.isValid() ? m_lastRefresh.elapsed() : RefreshIntervalMs;
            QTimer::singleShot(int(qMax<qint64>(0, RefreshIntervalMs - since)), this, [this] {
                m_refreshQueued = false;
                m_lastRefresh.start();
                refreshLoaded();
            });
        });
    }
}

StorageTreeModel::~StorageTreeModel() = default;

StorageTreeModel::Item *StorageTreeModel::itemFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Item *>(index.internalPointer());
}

QModelIndex StorageTreeModel::indexFor(Item *item, int column) const
{
    if (!item || item == m_root.get())
        return {};
    return createIndex(item->row, column, item);
}

QModelIndex StorageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Item *parentItem = itemFor(parent);
    if (size_t(row) >= parentItem->children.size())
        return {};
    return createIndex(row, column, parentItem->children[size_t(row)].get());
}

QModelIndex StorageTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(itemFor(child)->parent);
}

int StorageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(itemFor(parent)->children.size());
}

int StorageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool StorageTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Item *item = itemFor(parent);
    if (item->kind != RowKind::Node)
        return false;
    // A node being asked for its first page keeps its arrow until the answer says otherwise.
    return !item->children.empty() || (item->node.hasChildren && (!item->requested || item->loading));
}

bool StorageTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Item *item = itemFor(parent);
    return m_source && item->kind == RowKind::Node && item->node.hasChildren && !item->requested;
}

void StorageTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Item *item = itemFor(parent);
    item->requested = true;
    // Views and proxies call fetchMore while they handle a change of this model: inserting the
    // "Loading…" row right here would nest one change inside another. It follows a moment later.
    request(item, {}, LoadingRow::Later);
}

void StorageTreeModel::request(Item *item, const QString &continuation, LoadingRow loadingRow)
{
    removeSpecialRows(item);
    item->loading = true;
    setPending(+1);
    const quint64 generation = m_generation;
    if (loadingRow == LoadingRow::Now) {
        appendSpecialRow(item, RowKind::Loading, tr("Loading…"));
    } else {
        QMetaObject::invokeMethod(
            this,
            [this, item, generation] {
                if (generation == m_generation && item->loading &&
                    (item->children.empty() || item->children.back()->kind == RowKind::Node))
                    appendSpecialRow(item, RowKind::Loading, tr("Loading…"));
            },
            Qt::QueuedConnection);
    }
    const QString id = item == m_root.get() ? QString() : item->node.id;
    whenFinished(m_source->children(id, continuation), this,
                 [this, item, generation, continuation](const StoragePage &page) {
                     applyPage(item, generation, continuation, page);
                 });
}

void StorageTreeModel::applyPage(Item *item, quint64 generation, const QString &continuation,
                                 const StoragePage &page)
{
    // stop() and reload() bump the generation and may have deleted `item`: touch nothing then.
    if (generation != m_generation)
        return;
    item->loading = false;
    setPending(-1);
    removeSpecialRows(item);
    if (page.cancelled) {
        if (item->nodeCount() == 0) {
            item->requested = false;
            if (item != m_root.get()) {
                const QModelIndex index = indexFor(item);
                Q_EMIT dataChanged(index, index);
            }
        } else if (!continuation.isEmpty()) {
            item->nextContinuation = continuation;
            appendSpecialRow(item, RowKind::More, tr("more…"));
        }
        return;
    }
    // Merged by id, every page: a backend still scanning may list a node again on a later page.
    mergePage(item, page);
    item->pagesLoaded = continuation.isEmpty() ? 1 : item->pagesLoaded + 1;
    item->nextContinuation = page.continuation;
    if (!page.continuation.isEmpty())
        appendSpecialRow(item, RowKind::More, tr("more…"));
    if (!page.error.isEmpty()) {
        appendSpecialRow(item, RowKind::Error, page.error);
        Q_EMIT listingFailed(page.error);
    }
}

void StorageTreeModel::mergePage(Item *item, const StoragePage &page)
{
    QHash<QString, Item *> byId;
    byId.reserve(qsizetype(item->children.size()));
    for (const auto &child : item->children)
        byId.insert(child->node.id, child.get());
    QList<StorageNode> added;
    // One signal for the rows a refresh updated, not one each: a scan refreshes thousands of
    // rows several times a second, and every signal crosses the filter proxy and the view.
    int firstChanged = -1;
    int lastChanged = -1;
    for (const StorageNode &node : page.nodes) {
        Item *existing = byId.value(node.id);
        if (!existing) {
            added.append(node);
            continue;
        }
        existing->node = node;
        firstChanged = firstChanged < 0 ? existing->row : qMin(firstChanged, existing->row);
        lastChanged = qMax(lastChanged, existing->row);
    }
    if (firstChanged >= 0) {
        const QModelIndex parent = indexFor(item);
        Q_EMIT dataChanged(index(firstChanged, 0, parent), index(lastChanged, ColumnCount - 1, parent));
    }
    if (added.isEmpty())
        return;
    const int first = int(item->children.size());
    beginInsertRows(indexFor(item), first, first + int(added.size()) - 1);
    for (const StorageNode &node : std::as_const(added)) {
        auto child = std::make_unique<Item>();
        child->parent = item;
        child->row = int(item->children.size());
        child->node = node;
        item->children.push_back(std::move(child));
    }
    endInsertRows();
}

void StorageTreeModel::refreshLoaded()
{
    if (!m_source)
        return;
    // Every node whose children are on screen asks for its first page again; the answers merge in
    // place (known ids update, new ones append), so expanded rows and the selection stay put.
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *item = stack.back();
        stack.pop_back();
        if (item->kind != RowKind::Node || !item->requested)
            continue;
        for (const auto &child : item->children)
            stack.push_back(child.get());
        if (item->loading)
            continue;
        item->loading = true;
        setPending(+1);
        const quint64 generation = m_generation;
        const QString id = item == m_root.get() ? QString() : item->node.id;
        whenFinished(m_source->children(id, {}), this, [this, item, generation](const StoragePage &page) {
            if (generation != m_generation)
                return;
            item->loading = false;
            setPending(-1);
            if (page.cancelled)
                return;
            const bool hasError = !item->children.empty() && item->children.back()->kind == RowKind::Error;
            removeSpecialRows(item);
            mergePage(item, page);
            // Only the first page was asked again: where more pages were loaded,
            // the next one is still the one after those.
            if (item->pagesLoaded <= 1)
                item->nextContinuation = page.continuation;
            if (!item->nextContinuation.isEmpty())
                appendSpecialRow(item, RowKind::More, tr("more…"));
            if (!page.error.isEmpty())
                appendSpecialRow(item, RowKind::Error, page.error);
            else if (hasError)
                Q_EMIT dataChanged(indexFor(item), indexFor(item));
        });
    }
}

void StorageTreeModel::removeSpecialRows(Item *item)
{
    int first = int(item->children.size());
    while (first > 0 && item->children[size_t(first - 1)]->kind != RowKind::Node)
        --first;
    const int last = int(item->children.size()) - 1;
    if (first > last)
        return;
    beginRemoveRows(indexFor(item), first, last);
    item->children.erase(item->children.begin() + first, item->children.end());
    endRemoveRows();
}

void StorageTreeModel::appendSpecialRow(Item *item, RowKind kind, const QString &text)
{
    const int row = int(item->children.size());
    beginInsertRows(indexFor(item), row, row);
    auto child = std::make_unique<Item>();
    child->parent = item;
    child->row = row;
    child->kind = kind;
    child->text = text;
    item->children.push_back(std::move(child));
    endInsertRows();
}

bool StorageTreeModel::activate(const QModelIndex &index)
{
    Item *item = itemFor(index);
    if (!index.isValid() || !m_source)
        return false;
    Item *parent = item->parent;
    switch (item->kind) {
    case RowKind::More:
        request(parent, parent->nextContinuation, LoadingRow::Now);
        return true;
    case RowKind::Error:
        // A whole-backend scan that failed starts again; listings asked per node just ask again.
        m_source->rescan();
        if (parent->nodeCount() == 0 || parent->nextContinuation.isEmpty()) {
            // Retry from the start; what arrived merges in.
            request(parent, {}, LoadingRow::Now);
        } else {
            request(parent, parent->nextContinuation, LoadingRow::Now);
        }
        return true;
    case RowKind::Loading:
        return true;
    case RowKind::Node:
        break;
    }
    return false;
}

void StorageTreeModel::stop()
{
    ++m_generation;
    if (m_source)
        m_source->stop();
    // Pending answers are dropped now: put every loading node back to "not asked yet".
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *item = stack.back();
        stack.pop_back();
        if (item->loading) {
            item->loading = false;
            removeSpecialRows(item);
            if (item->nodeCount() == 0) {
                item->requested = false;
                if (item != m_root.get()) {
                    const QModelIndex index = indexFor(item);
                    Q_EMIT dataChanged(index, index);
                }
            } else if (!item->nextContinuation.isEmpty()) {
                appendSpecialRow(item, RowKind::More, tr("more…"));
            }
        }
        for (const auto &child : item->children)
            stack.push_back(child.get());
    }
    if (m_pending != 0) {
        m_pending = 0;
        Q_EMIT loadingChanged(false);
    }
}

void StorageTreeModel::reload()
{
    stop();
    beginResetModel();
    m_root = std::make_unique<Item>();
    m_root->node.kind = StorageNode::Kind::Group;
    m_root->node.hasChildren = true;
    endResetModel();
}

void StorageTreeModel::setPending(int delta)
{
    const bool wasLoading = m_pending > 0;
    m_pending = qMax(0, m_pending + delta);
    if (wasLoading != (m_pending > 0))
        Q_EMIT loadingChanged(m_pending > 0);
}

void StorageTreeModel::tickExpiries()
{
    // One signal per parent covering its Expires cells, only where a TTL is shown.
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *item = stack.back();
        stack.pop_back();
        int first = -1;
        int last = -1;
        for (const auto &child : item->children) {
            if (child->node.expiresAtMs >= 0) {
                if (first < 0)
                    first = child->row;
                last = child->row;
            }
            if (!child->children.empty())
                stack.push_back(child.get());
        }
        if (first >= 0) {
            const QModelIndex parent = indexFor(item);
            Q_EMIT dataChanged(index(first, Expires, parent), index(last, Expires, parent),
                               {Qt::DisplayRole});
        }
    }
}

StorageNode StorageTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Item *item = itemFor(index);
    return item->kind == RowKind::Node ? item->node : StorageNode{};
}

QModelIndex StorageTreeModel::findNode(const QString &nodeId) const
{
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *item = stack.back();
        stack.pop_back();
        for (const auto &child : item->children) {
            if (child->kind == RowKind::Node && child->node.id == nodeId)
                return indexFor(child.get());
            stack.push_back(child.get());
        }
    }
    return {};
}

QVariant StorageTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Item *item = itemFor(index);
    const StorageNode &node = item->node;
    if (role == RowKindRole)
        return QVariant::fromValue(item->kind);
    if (item->kind != RowKind::Node) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == Name ? item->text : QVariant();
        case Qt::ToolTipRole:
            if (item->kind == RowKind::Error)
                return tr("%1\nPress Enter or double-click to retry.").arg(item->text);
            if (item->kind == RowKind::More)
                return tr("Press Enter or double-click to load the next page.");
            return {};
        case Qt::ForegroundRole:
            if (item->kind == RowKind::Error)
                return QColor(0xb4, 0x23, 0x18);
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        case Qt::FontRole: {
            QFont font;
            font.setItalic(item->kind != RowKind::Error);
            return font;
        }
        default:
            return {};
        }
    }

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return node.name;
        case Type:
            return node.typeLabel;
        case Count:
            if (node.count < 0)
                return {};
            return node.countEstimated ? u"~"_s + formatCount(node.count) : formatCount(node.count);
        case Size:
            return node.bytes < 0 ? QVariant() : QVariant(formatBytes(node.bytes));
        case Expires:
            if (node.expiresAtMs >= 0)
                return formatRemaining(node.expiresAtMs - QDateTime::currentMSecsSinceEpoch());
            if (node.modified.isValid())
                return formatDateTime(node.modified);
            return {};
        case Detail:
            return node.detail;
        case Evaluation:
            return node.evaluationId;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Name) {
            QString tip = node.name;
            if (!node.evaluationId.isEmpty())
                tip += u'\n' + tr("Evaluation %1 — double-click to open it").arg(node.evaluationId);
            return tip;
        }
        if (index.column() == Count && node.countEstimated)
            return tr("Estimated from the planner's statistics; open the table for an exact count.");
        if (index.column() == Size && node.bytes >= 0)
            return tr("%1 bytes").arg(formatCount(node.bytes));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Count || index.column() == Size || index.column() == Expires)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EvaluationIdRole:
        return node.evaluationId;
    case ShareOfParentRole: {
        const Item *parent = item->parent;
        const qint64 total = parent ? parent->node.bytes : -1;
        if (node.bytes < 0 || total <= 0)
            return 0.0;
        return qBound(0.0, double(node.bytes) / double(total), 1.0);
    }
    default:
        return {};
    }
}

QVariant StorageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Count:
        return tr("Items");
    case Size:
        return tr("Size");
    case Expires:
        return tr("Expires / modified");
    case Detail:
        return tr("Detail");
    case Evaluation:
        return tr("Evaluation");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags StorageTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace Sightline
