#pragma once

#include "core/workspaceprofile.h"
#include "sqlconnection.h"

#include <QStringList>

namespace Sightline {

// The platform's tables (DESIGN.md §4) under the names a profile gives them.
// PostgreSQL gets the documented types (TIMESTAMPTZ, JSONB, BIGSERIAL); SQLite gets TEXT
// timestamps in formatTimestampUtc() form, INTEGER/REAL numbers and TEXT data.
//
// Bulk loads are faster without indexes, so the schema is only complete once
// createPlatformIndexes() ran: in PostgreSQL that is also when the primary keys are added
// (SQLite cannot add a primary key later, so there they exist from the start).
//
// Existing tables are an error unless `replace`, which drops them first.
SqlError createPlatformSchema(SqlConnection &connection, const SchemaNames &names, bool replace);

// Primary keys (PostgreSQL) and the indexes the evaluations browser sorts and filters by,
// including the duration expression index. Idempotent (IF NOT EXISTS).
SqlError createPlatformIndexes(SqlConnection &connection, const SchemaNames &names);

// PostgreSQL: adds the primary keys createPlatformSchema() left out, unless present. SQLite: nothing.
// With `table`, only that table's (so two connections can build them side by side).
SqlError addPlatformPrimaryKeys(SqlConnection &connection, const SchemaNames &names,
                                const QString &table = {});

// The statements createPlatformIndexes() runs after the primary keys, one per index, for progress reporting.
// With `table`, only those on that table.
QStringList platformIndexStatements(SqlDialect dialect, const SchemaNames &names, const QString &table = {});

// True when the table exists (any schema on the search path in PostgreSQL).
bool platformTableExists(SqlConnection &connection, const QString &table, SqlError *error = nullptr);

} // namespace Sightline
