#include "evaluationtablemodel.h"

#include "core/format.h"
#include "statuspalette.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr int PageSize = EvaluationStore::PageSize;
// A page asked for but not delivered within this time is asked for again: the store's page
// worker keeps only the newest requests, so one made during a fast scroll may have been dropped.
constexpr qint64 RequestExpiryMs = 3000;

QString formatLocalTime(const Timestamp &ts)
{
    if (!ts)
        return {};
    return formatDateTimeMs(*ts);
}

QString messageFor(const SqlError &error, const QString &source)
{
    switch (error.kind) {
    case SqlError::Kind::Connection:
        return EvaluationTableModel::tr("Cannot reach %1: %2").arg(source, error.message);
    case SqlError::Kind::Rejected:
        return EvaluationTableModel::tr("%1 refused access: %2").arg(source, error.message);
    case SqlError::Kind::Busy:
        return EvaluationTableModel::tr("The database is busy: %1").arg(error.message);
    case SqlError::Kind::Corrupt:
        return EvaluationTableModel::tr("The database cannot be read: %1").arg(error.message);
    case SqlError::Kind::Cancelled:
        return EvaluationTableModel::tr("The query was interrupted.");
    case SqlError::Kind::Query:
    case SqlError::Kind::None:
        break;
    }
    return EvaluationTableModel::tr("Reading evaluations from %1 failed: %2").arg(source, error.message);
}
} // namespace

EvaluationTableModel::EvaluationTableModel(EvaluationStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_requestTimer(new QTimer(this))
{
    m_requestTimer->setSingleShot(true);
    m_requestTimer->setInterval(0);
    connect(m_requestTimer, &QTimer::timeout, this, &EvaluationTableModel::flushRequests);
    connect(store, &EvaluationStore::countsReady, this, &EvaluationTableModel::onCounts);
    connect(store, &EvaluationStore::rowsReady, this, &EvaluationTableModel::onRows);
    connect(store, &EvaluationStore::queryFailed, this, &EvaluationTableModel::onFailed);
    m_clock.start();
    startQuery();
}

void EvaluationTableModel::startQuery()
{
    beginResetModel();
    m_generation = m_store->setQuery(m_filter, m_sort);
    m_rowCount = 0;
    m_counts.reset();
    m_pages.clear();
    m_pendingPages.clear();
    m_requestedPages.clear();
    m_firstRowsShown = false;
    m_error.clear();
    endResetModel();
    setState(State::Loading);
    Q_EMIT countsChanged();
    // The first screenful does not wait for the count.
    m_requestedPages.insert(0, m_clock.elapsed());
    m_store->requestRows(m_generation, 0, PageSize);
}

void EvaluationTableModel::setFilter(const EvaluationFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    startQuery();
}

void EvaluationTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= EvaluationColumnCount)
        return;
    const EvaluationSort sort{EvaluationColumn(column), order};
    if (sort == m_sort)
        return;
    m_sort = sort;
    startQuery(); // a reset: every row's place changes, and only the first page is known
}

void EvaluationTableModel::refresh()
{
    startQuery();
}

void EvaluationTableModel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void EvaluationTableModel::setRowCountTo(int count)
{
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
}

void EvaluationTableModel::onCounts(quint64 generation, const EvaluationCounts &counts)
{
    if (generation != m_generation)
        return;
    m_counts = counts;
    // QAbstractItemModel speaks int; two billion rows is more than any browser view can scroll.
    setRowCountTo(int(qMin<qint64>(counts.total, std::numeric_limits<int>::max() - 1)));
    if (m_firstRowsShown)
        setState(State::Ready);
    Q_EMIT countsChanged();
}

void EvaluationTableModel::onRows(quint64 generation, qint64 first, const QList<EvaluationRow> &rows)
{
    if (generation != m_generation)
        return;
    const int page = int(first / PageSize);
    m_requestedPages.remove(page);
    Page &stored = m_pages[page];
    stored.rows = rows;
    stored.lastUse = ++m_useClock;
    evictPages();

    if (!m_counts) {
        // Only the first page arrives before the count: show it now, grow when the count comes.
        setRowCountTo(int(first + rows.size()));
    }
    const int last = int(qMin<qint64>(first + rows.size(), m_rowCount)) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(int(first), 0), index(last, EvaluationColumnCount - 1));
    if (page == 0 && !m_firstRowsShown) {
        m_firstRowsShown = true;
        if (m_counts)
            setState(State::Ready);
        Q_EMIT firstRowsShown();
    }
}

void EvaluationTableModel::onFailed(quint64 generation, const SqlError &error)
{
    if (generation != m_generation)
        return;
    m_requestedPages.clear();
    m_error = messageFor(error, m_store->describe());
    setState(State::Failed);
}

void EvaluationTableModel::evictPages()
{
    while (m_pages.size() > MaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

const EvaluationRow *EvaluationTableModel::findRow(int row) const
{
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.cend())
        return nullptr;
    const int offset = row % PageSize;
    if (offset >= it->rows.size())
        return nullptr;
    it->lastUse = ++m_useClock;
    return &it->rows[offset];
}

void EvaluationTableModel::noteMissing(int row) const
{
    if (m_state == State::Failed)
        return; // no request storm against a failing server; Retry starts over
    const int page = row / PageSize;
    const auto requested = m_requestedPages.constFind(page);
    if (requested != m_requestedPages.cend() && m_clock.elapsed() - *requested < RequestExpiryMs)
        return;
    // Past the first page, the order's blocks are only known once counted.
    if (page > 0 && !m_counts)
        return;
    if (!m_pendingPages.contains(page)) {
        m_pendingPages.insert(page);
        m_requestTimer->start();
    }
}

void EvaluationTableModel::flushRequests()
{
    const QList<int> pages = m_pendingPages.values();
    m_pendingPages.clear();
    for (int page : pages) {
        if (m_pages.contains(page))
            continue;
        m_requestedPages.insert(page, m_clock.elapsed());
        m_store->requestRows(m_generation, qint64(page) * PageSize, PageSize);
    }
}

void EvaluationTableModel::prefetch(int first, int last)
{
    first = qMax(0, first);
    last = qMin(last, m_rowCount - 1);
    for (int row = first - first % PageSize; row <= last; row += PageSize) {
        if (!findRow(row))
            noteMissing(row);
    }
}

bool EvaluationTableModel::isRowLoaded(int row) const
{
    return findRow(row) != nullptr;
}

std::optional<EvaluationRow> EvaluationTableModel::rowAt(int row) const
{
    if (const EvaluationRow *r = findRow(row))
        return *r;
    return std::nullopt;
}

int EvaluationTableModel::cachedRowCount() const
{
    int n = 0;
    for (const Page &page : m_pages)
        n += int(page.rows.size());
    return n;
}

int EvaluationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int EvaluationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : EvaluationColumnCount;
}

Qt::ItemFlags EvaluationTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> EvaluationTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EvaluationIdRole, "evaluationId");
    names.insert(StatusRole, "status");
    names.insert(StatusColorRole, "statusColor");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(DurationSecondsRole, "durationSeconds");
    names.insert(WorkerRole, "worker");
    names.insert(BatchRole, "batch");
    names.insert(SubmittedByRole, "submittedBy");
    names.insert(EngineRole, "engine");
    names.insert(LoadedRole, "loaded");
    names.insert(RowRole, "row");
    return names;
}

QVariant EvaluationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= EvaluationColumnCount)
        return {};
    const auto column = EvaluationColumn(section);
    if (role == Qt::DisplayRole)
        return columnTitle(column);
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case EvaluationColumn::Duration:
        case EvaluationColumn::ExitCode:
        case EvaluationColumn::OutputSize:
        case EvaluationColumn::Cost:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

QVariant EvaluationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvaluationRow *row = findRow(index.row());
    if (!row) {
        if (role == Qt::DisplayRole || role == LoadedRole || role == EvaluationIdRole)
            noteMissing(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0 ? tr("loading…") : QString();
        case Qt::ForegroundRole:
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        case LoadedRole:
            return false;
        default:
            return {};
        }
    }
    const auto column = EvaluationColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case EvaluationColumn::Id:
            return row->id;
        case EvaluationColumn::Status:
            return row->status == EvaluationStatus::Unknown ? row->statusText
                                                            : statusDisplayName(row->status);
        case EvaluationColumn::Engine:
            return row->engine;
        case EvaluationColumn::Created:
            return formatLocalTime(row->createdAt);
        case EvaluationColumn::Started:
            return formatLocalTime(row->startedAt);
        case EvaluationColumn::Completed:
            return formatLocalTime(row->completedAt);
        case EvaluationColumn::Duration:
            return row->durationSeconds ? formatDuration(*row->durationSeconds) : QString();
        case EvaluationColumn::Worker:
            return row->workerId;
        case EvaluationColumn::Batch:
            return row->batchId;
        case EvaluationColumn::SubmittedBy:
            return row->submittedBy;
        case EvaluationColumn::ExitCode:
            return row->exitCode ? QString::number(*row->exitCode) : QString();
        case EvaluationColumn::OutputSize:
            return row->outputSize ? formatBytes(*row->outputSize) : QString();
        case EvaluationColumn::Cost:
            return row->costCents ? formatCost(*row->costCents) : QString();
        }
        return {};
    case Qt::ForegroundRole:
        if (column == EvaluationColumn::Status)
            return statusColor(row->status);
        return {};
    case Qt::TextAlignmentRole:
        return headerData(index.column(), Qt::Horizontal, role);
    case Qt::ToolTipRole:
        if (column == EvaluationColumn::Status && row->status == EvaluationStatus::Unknown)
            return tr("Status \"%1\" is not one Sightline knows").arg(row->statusText);
        return {};
    case EvaluationIdRole:
        return row->id;
    case StatusRole:
        return int(row->status);
    case StatusColorRole:
        return statusColor(row->status);
    case CreatedAtRole:
        return row->createdAt ? QVariant(*row->createdAt) : QVariant();
    case DurationSecondsRole:
        return row->durationSeconds ? QVariant(*row->durationSeconds) : QVariant();
    case WorkerRole:
        return row->workerId;
    case BatchRole:
        return row->batchId;
    case SubmittedByRole:
        return row->submittedBy;
    case EngineRole:
        return row->engine;
    case LoadedRole:
        return true;
    case RowRole:
        return QVariant::fromValue(*row);
    }
    return {};
}

} // namespace Sightline
