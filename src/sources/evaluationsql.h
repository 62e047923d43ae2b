#pragma once

#include "core/evaluationquery.h"
#include "core/workspaceprofile.h"
#include "sqlconnection.h"

namespace Sightline {

// The SQL expression for an evaluation's duration in seconds. The seeder's expression index and
// the browser's ORDER BY must use exactly this text, or the index is not used.
QString evaluationDurationSql(SqlDialect dialect);

// The expression a column sorts by (a quoted column name, or the duration expression).
QString evaluationSortSql(EvaluationColumn column, SqlDialect dialect, const SchemaNames &schema);

} // namespace Sightline
