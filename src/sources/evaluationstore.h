#pragma once

#include "core/evaluationquery.h"
#include "core/workspaceprofile.h"
#include "sqlconnection.h"

#include <QFuture>
#include <QObject>

#include <array>
#include <memory>

namespace Sightline {

struct EvaluationCounts
{
    qint64 total = 0;
    std::array<qint64, EvaluationStatusCount> byStatus{};
    qint64 sortKeyNonNull = 0; // rows whose sort key is not NULL: where the NULL block starts

    qint64 count(EvaluationStatus status) const { return byStatus[size_t(status)]; }
};

struct EvaluationDetailResult
{
    std::optional<EvaluationDetail> detail; // nullopt with no error: no such evaluation
    QList<EvaluationEvent> events;
    bool eventsTruncated = false;
    SqlError error;
};

struct OutputFileResult
{
    QByteArray data;
    qint64 totalSize = 0; // bytes in the file
    bool truncated = false;
    QString path;
    QString error; // empty on success
};

class EvaluationQueryWorker;

// The GUI-thread face of the relational store. It owns three worker threads, each with its own
// connection: one serves pages of rows (latest request first, superseded ones dropped), one
// counts, and one looks up single evaluations, so neither a slow count (a substring search reads
// every row) holds up the first screenful nor does it keep an Evaluation window waiting.
class EvaluationStore : public QObject
{
    Q_OBJECT
public:
    explicit EvaluationStore(const WorkspaceProfile &profile, QObject *parent = nullptr);
    ~EvaluationStore() override;

    const WorkspaceProfile &profile() const { return m_profile; }
    QString describe() const; // "PostgreSQL postgresql://reader@db/crucible" — never a password

    // Starts a new query: counts, then rows on demand. Returns its generation; answers to older
    // generations are never delivered. Cancels statements of superseded generations.
    quint64 setQuery(const EvaluationFilter &filter, const EvaluationSort &sort);
    quint64 generation() const { return m_generation; }
    // Rows [first, first + count) in the current order; answered by rowsReady or queryFailed.
    void requestRows(quint64 generation, qint64 first, int count);

    QFuture<EvaluationDetailResult> loadDetail(const QString &evaluationId, qint64 maxTextChars);
    // Reads an output file (file:// URL or path under the workspace's files root) off the GUI thread.
    QFuture<OutputFileResult> readOutputFile(const QString &location, qint64 maxBytes) const;

    static constexpr int PageSize = 200;

Q_SIGNALS:
    void countsReady(quint64 generation, const Sightline::EvaluationCounts &counts);
    void rowsReady(quint64 generation, qint64 first, const QList<Sightline::EvaluationRow> &rows);
    void queryFailed(quint64 generation, const Sightline::SqlError &error);

private:
    WorkspaceProfile m_profile;
    quint64 m_generation = 0;
    EvaluationFilter m_filter;
    EvaluationSort m_sort;
    std::optional<EvaluationCounts> m_counts;
    std::unique_ptr<EvaluationQueryWorker> m_pageWorker;
    std::unique_ptr<EvaluationQueryWorker> m_countWorker;
    std::unique_ptr<EvaluationQueryWorker> m_detailWorker;
};

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::EvaluationCounts)
Q_DECLARE_METATYPE(Sightline::SqlError)
