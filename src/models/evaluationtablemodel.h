#pragma once

#include "core/evaluationquery.h"
#include "sources/evaluationstore.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Sightline {

// The evaluations browser's model: a window onto a table of any size. It holds only the pages
// around what views asked for (an LRU of pages), asks the store for missing ones, and answers
// data() for a row it does not have with a "loading…" placeholder. Column 0 also carries every
// field in roles, for the card view.
class EvaluationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        EvaluationIdRole = Qt::UserRole + 1,
        StatusRole,          // int(EvaluationStatus)
        StatusColorRole,     // QColor
        CreatedAtRole,       // qint64 ms since epoch
        DurationSecondsRole, // double, or invalid
        WorkerRole,
        BatchRole,
        SubmittedByRole,
        EngineRole,
        LoadedRole, // bool: false while the row is a placeholder
        RowRole,    // QVariant::fromValue(EvaluationRow)
    };
    Q_ENUM(Role)

    enum class State { Loading, Ready, Failed };
    Q_ENUM(State)

    explicit EvaluationTableModel(EvaluationStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    void setFilter(const EvaluationFilter &filter);
    EvaluationFilter filter() const { return m_filter; }
    EvaluationSort sortOrder() const { return m_sort; }
    void refresh(); // runs the current query again (after an error, or to see new rows)

    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    std::optional<EvaluationCounts> counts() const { return m_counts; }
    bool isRowLoaded(int row) const;
    std::optional<EvaluationRow> rowAt(int row) const; // nullopt while the row is not loaded
    int cachedRowCount() const;                        // rows held in memory now

    // Makes sure rows [first, last] get loaded (views do this through data(); benchmarks and
    // tests call it directly).
    void prefetch(int first, int last);

    static constexpr int MaxCachedPages = 64;

Q_SIGNALS:
    void stateChanged(Sightline::EvaluationTableModel::State state);
    void countsChanged();
    void firstRowsShown(); // the first page of a new query is in the model

private:
    void startQuery();
    void onCounts(quint64 generation, const EvaluationCounts &counts);
    void onRows(quint64 generation, qint64 first, const QList<EvaluationRow> &rows);
    void onFailed(quint64 generation, const SqlError &error);
    void noteMissing(int row) const;
    void flushRequests();
    void setState(State state);
    void setRowCountTo(int count);
    const EvaluationRow *findRow(int row) const;
    void evictPages();

    struct Page
    {
        QList<EvaluationRow> rows;
        mutable quint64 lastUse = 0;
    };

    EvaluationStore *m_store;
    EvaluationFilter m_filter;
    EvaluationSort m_sort;
    quint64 m_generation = 0;
    int m_rowCount = 0;
    std::optional<EvaluationCounts> m_counts;
    State m_state = State::Loading;
    QString m_error;
    bool m_firstRowsShown = false;

    QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    // data() is const and must stay cheap: it only notes which pages are missing; a zero-timer
    // sends the requests once per event-loop turn.
    mutable QSet<int> m_pendingPages;
    QHash<int, qint64> m_requestedPages; // page -> when asked (m_clock)
    QElapsedTimer m_clock;
    QTimer *m_requestTimer;
};

} // namespace Sightline
