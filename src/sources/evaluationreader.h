#pragma once

#include "core/evaluationquery.h"
#include "core/workspaceprofile.h"
#include "evaluationstore.h"
#include "sqlconnection.h"

#include <map>
#include <optional>

namespace Sightline {

struct RowsResult
{
    QList<EvaluationRow> rows;
    SqlError error;
};

struct CountsResult
{
    EvaluationCounts counts;
    SqlError error;
};

// Reads the evaluations table with keyset pagination, synchronously, on one connection. The
// store's workers run it on their threads; tests drive it directly.
//
// The order it pages through is total: rows whose sort key is not NULL ordered by (key, id),
// then rows whose key is NULL ordered by id (descending order is the exact reverse). Each of the
// two blocks is paged by keyset on an index over (key, id). Keys of every row it has returned are
// kept as anchors by position, so the next page of a scroll is an index seek, and a jump reads
// from the nearest anchor or end with the smallest OFFSET.
class EvaluationReader
{
public:
    EvaluationReader(SqlConnection &connection, SchemaNames schema);

    void setQuery(const EvaluationFilter &filter, const EvaluationSort &sort);
    const EvaluationFilter &filter() const { return m_filter; }
    const EvaluationSort &sort() const { return m_sort; }

    CountsResult counts();
    // Rows [first, first + count) in the current order. Without counts only a range starting at 0
    // can be read (the first screenful, while counting runs elsewhere).
    RowsResult rows(qint64 first, int count, const std::optional<EvaluationCounts> &counts);
    EvaluationDetailResult detail(const QString &evaluationId, qint64 maxTextChars);
    // The rows (no events, no large text) of the evaluations with these ids, in no particular
    // order; ids that do not exist are simply absent. At most a few hundred ids per call (SQLite's
    // oldest limit is 999 parameters).
    RowsResult rowsByIds(const QStringList &ids);

    // How many full rows the last rows() call skipped with OFFSET: 0 while scrolling. For tests.
    qint64 lastOffset() const { return m_lastOffset; }

    static constexpr int MaxEvents = 5000;
    // Jumps that would skip more rows than this first look up the key at the target.
    static constexpr qint64 LocateThreshold = 1000;

private:
    struct Key
    {
        QVariant value; // the sort key as the database returned it (unused in the NULL block)
        QString id;
    };
    enum Block { NonNullBlock, NullBlock };

    QString filterSql(QVariantList &params) const;
    QString rowColumnsSql() const; // what decodeRow() reads, then the sort key
    QString selectSql() const;
    static constexpr int RowColumnCount = 14; // columns of rowColumnsSql()
    bool sortsById() const { return m_sort.column == EvaluationColumn::Id; }
    RowsResult readBlock(Block block, qint64 localFirst, int count, std::optional<qint64> blockSize);
    QString keySelectSql(Block block) const;
    QString blockSql(Block block, bool forward, const Key *key, const QString &select, int limit,
                     qint64 offset, QVariantList &params) const;
    EvaluationRow decodeRow(const QVariantList &values) const;
    QString col(const char16_t *name) const;

    SqlConnection &m_conn;
    SchemaNames m_schema;
    EvaluationFilter m_filter;
    EvaluationSort m_sort;
    QString m_sortSql;
    std::map<qint64, Key> m_anchors[2];
    qint64 m_lastOffset = 0;
};

// Values as PostgreSQL (text) or SQLite (typed) return them.
std::optional<qint64> sqlToInt64(const QVariant &value);
std::optional<double> sqlToDouble(const QVariant &value);
Timestamp sqlToTimestamp(const QVariant &value);

} // namespace Sightline
