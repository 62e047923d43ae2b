#include "evaluationsql.h"

using namespace Qt::StringLiterals;

namespace Sightline {

QString evaluationDurationSql(SqlDialect dialect)
{
    if (dialect == SqlDialect::PostgreSQL)
        return u"(EXTRACT(EPOCH FROM (completed_at - started_at)))"_s;
    // SQLite holds timestamps as ISO-8601 text in UTC.
    return u"((julianday(completed_at) - julianday(started_at)) * 86400.0)"_s;
}

QString evaluationSortSql(EvaluationColumn column, SqlDialect dialect, const SchemaNames &schema)
{
    auto col = [&](const char16_t *name) { return quoteIdentifier(schema.column(QString::fromUtf16(name))); };
    switch (column) {
    case EvaluationColumn::Id:
        return col(u"id");
    case EvaluationColumn::Status:
        return col(u"status");
    case EvaluationColumn::Engine:
        return col(u"engine");
    case EvaluationColumn::Created:
        return col(u"created_at");
    case EvaluationColumn::Started:
        return col(u"started_at");
    case EvaluationColumn::Completed:
        return col(u"completed_at");
    case EvaluationColumn::Duration: {
        QString expr = evaluationDurationSql(dialect);
        expr.replace(u"completed_at"_s, col(u"completed_at"));
        expr.replace(u"started_at"_s, col(u"started_at"));
        return expr;
    }
    case EvaluationColumn::Worker:
        return col(u"worker_id");
    case EvaluationColumn::Batch:
        return col(u"batch_id");
    case EvaluationColumn::SubmittedBy:
        return col(u"submitted_by");
    case EvaluationColumn::ExitCode:
        return col(u"exit_code");
    case EvaluationColumn::OutputSize:
        return col(u"output_size");
    case EvaluationColumn::Cost:
        return col(u"estimated_cost_cents");
    }
    return col(u"id");
}

} // namespace Sightline
