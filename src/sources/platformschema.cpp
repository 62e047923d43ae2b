#include "platformschema.h"

#include "evaluationsql.h"

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

struct ColumnSpec
{
    const char16_t *name;
    const char16_t *postgresType;
    const char16_t *sqliteType;
};

// DESIGN.md §4, in order. Primary keys are added separately (see createPlatformIndexes).
constexpr ColumnSpec kEvaluationColumns[] = {
    {u"id", u"TEXT NOT NULL", u"TEXT PRIMARY KEY NOT NULL"},
    {u"status", u"TEXT NOT NULL", u"TEXT NOT NULL"},
    {u"engine", u"TEXT", u"TEXT"},
    {u"code", u"TEXT", u"TEXT"},
    {u"code_length", u"INTEGER", u"INTEGER"},
    {u"created_at", u"TIMESTAMPTZ NOT NULL", u"TEXT NOT NULL"},
    {u"started_at", u"TIMESTAMPTZ", u"TEXT"},
    {u"completed_at", u"TIMESTAMPTZ", u"TEXT"},
    {u"exit_code", u"INTEGER", u"INTEGER"},
    {u"error", u"TEXT", u"TEXT"},
    {u"output", u"TEXT", u"TEXT"},
    {u"output_location", u"TEXT", u"TEXT"},
    {u"output_size", u"BIGINT", u"INTEGER"},
    {u"worker_id", u"TEXT", u"TEXT"},
    {u"container_id", u"TEXT", u"TEXT"},
    {u"batch_id", u"TEXT", u"TEXT"},
    {u"submitted_by", u"TEXT", u"TEXT"},
    {u"cpu_seconds", u"DOUBLE PRECISION", u"REAL"},
    {u"memory_mb_seconds", u"DOUBLE PRECISION", u"REAL"},
    {u"estimated_cost_cents", u"DOUBLE PRECISION", u"REAL"},
};

constexpr ColumnSpec kEventColumns[] = {
    {u"id", u"BIGSERIAL", u"INTEGER PRIMARY KEY"},
    {u"evaluation_id", u"TEXT", u"TEXT"},
    {u"type", u"TEXT NOT NULL", u"TEXT NOT NULL"},
    {u"category", u"TEXT NOT NULL", u"TEXT NOT NULL"},
    {u"severity", u"TEXT NOT NULL", u"TEXT NOT NULL"},
    {u"ts", u"TIMESTAMPTZ NOT NULL", u"TEXT NOT NULL"},
    {u"data", u"JSONB", u"TEXT"},
};

template<size_t N>
QString createTableSql(SqlDialect dialect, const SchemaNames &names, const QString &table,
                       const ColumnSpec (&columns)[N])
{
    QStringList parts;
    for (const ColumnSpec &c : columns) {
        parts.append(quoteIdentifier(names.column(QString::fromUtf16(c.name))) + u' ' +
                     QString::fromUtf16(dialect == SqlDialect::PostgreSQL ? c.postgresType : c.sqliteType));
    }
    return u"CREATE TABLE "_s + quoteIdentifier(table) + u" (\n  "_s + parts.join(u",\n  "_s) + u"\n)"_s;
}

QString indexName(const QString &table, const QString &suffix)
{
    QString name = table + u'_' + suffix + u"_idx"_s;
    name.replace(u'.', u'_');
    return quoteIdentifier(name);
}

bool hasPrimaryKey(SqlConnection &connection, const QString &table, SqlError *error)
{
    const SqlResult r = connection.exec(
        u"SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(%1) AND contype = 'p'"_s.arg(
            connection.placeholder(1)),
        {quoteIdentifier(table)});
    if (!r.ok())
        *error = r.error;
    return !r.rows.isEmpty();
}

} // namespace

bool platformTableExists(SqlConnection &connection, const QString &table, SqlError *error)
{
    const SqlResult r =
        connection.dialect() == SqlDialect::PostgreSQL
            ? connection.exec(u"SELECT to_regclass($1) IS NOT NULL"_s, {quoteIdentifier(table)})
            : connection.exec(u"SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1"_s, {table});
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return false;
    }
    if (connection.dialect() == SqlDialect::PostgreSQL)
        return !r.rows.isEmpty() && r.rows.constFirst().value(0).toString() == u"t"_s;
    return !r.rows.isEmpty();
}

SqlError createPlatformSchema(SqlConnection &connection, const SchemaNames &names, bool replace)
{
    const SqlDialect dialect = connection.dialect();
    const QStringList tables{names.evaluationsTable, names.eventsTable};
    for (const QString &table : tables) {
        SqlError error;
        const bool exists = platformTableExists(connection, table, &error);
        if (error.isError())
            return error;
        if (!exists)
            continue;
        if (!replace) {
            return {SqlError::Kind::Query,
                    u"table \"%1\" already exists in %2; pass --replace to drop and recreate it"_s.arg(
                        table, connection.describe())};
        }
        const QString drop = u"DROP TABLE IF EXISTS "_s + quoteIdentifier(table) +
                             (dialect == SqlDialect::PostgreSQL ? u" CASCADE"_s : QString());
        const SqlResult r = connection.exec(drop);
        if (!r.ok())
            return r.error;
    }
    for (const QString &sql : {createTableSql(dialect, names, names.evaluationsTable, kEvaluationColumns),
                               createTableSql(dialect, names, names.eventsTable, kEventColumns)}) {
        const SqlResult r = connection.exec(sql);
        if (!r.ok())
            return r.error;
    }
    return {};
}

QStringList platformIndexStatements(SqlDialect dialect, const SchemaNames &names, const QString &table)
{
    const QString evaluations = quoteIdentifier(names.evaluationsTable);
    const QString events = quoteIdentifier(names.eventsTable);
    auto col = [&](const char16_t *name) { return quoteIdentifier(names.column(QString::fromUtf16(name))); };
    const QString id = col(u"id");
    QStringList statements;
    if (table.isEmpty() || table == names.evaluationsTable) {
        const char16_t *const sortColumns[] = {
            u"created_at",   u"status", u"started_at", u"completed_at", u"worker_id",           u"batch_id",
            u"submitted_by", u"engine", u"exit_code",  u"output_size",  u"estimated_cost_cents"};
        for (const char16_t *column : sortColumns) {
            statements.append(u"CREATE INDEX IF NOT EXISTS "_s +
                              indexName(names.evaluationsTable, QString::fromUtf16(column)) + u" ON "_s +
                              evaluations + u" ("_s + col(column) + u", "_s + id + u')');
        }
        // The very expression the browser orders by, or the planner will not use the index.
        const QString duration = evaluationSortSql(EvaluationColumn::Duration, dialect, names);
        statements.append(u"CREATE INDEX IF NOT EXISTS "_s +
                          indexName(names.evaluationsTable, u"duration"_s) + u" ON "_s + evaluations +
                          u" ("_s + duration + u", "_s + id + u')');
    }
    if (table.isEmpty() || table == names.eventsTable) {
        statements.append(u"CREATE INDEX IF NOT EXISTS "_s +
                          indexName(names.eventsTable, u"evaluation_ts"_s) + u" ON "_s + events + u" ("_s +
                          col(u"evaluation_id") + u", "_s + col(u"ts") + u", "_s + col(u"id") + u')');
        statements.append(u"CREATE INDEX IF NOT EXISTS "_s + indexName(names.eventsTable, u"ts"_s) +
                          u" ON "_s + events + u" ("_s + col(u"ts") + u')');
    }
    return statements;
}

SqlError addPlatformPrimaryKeys(SqlConnection &connection, const SchemaNames &names, const QString &only)
{
    if (connection.dialect() == SqlDialect::PostgreSQL) {
        for (const QString &table : {names.evaluationsTable, names.eventsTable}) {
            if (!only.isEmpty() && table != only)
                continue;
            SqlError error;
            if (hasPrimaryKey(connection, table, &error))
                continue;
            if (error.isError())
                return error;
            const SqlResult r =
                connection.exec(u"ALTER TABLE "_s + quoteIdentifier(table) + u" ADD PRIMARY KEY ("_s +
                                quoteIdentifier(names.column(u"id"_s)) + u')');
            if (!r.ok())
                return r.error;
        }
    }
    return {};
}

SqlError createPlatformIndexes(SqlConnection &connection, const SchemaNames &names)
{
    if (const SqlError error = addPlatformPrimaryKeys(connection, names); error.isError())
        return error;
    for (const QString &sql : platformIndexStatements(connection.dialect(), names)) {
        const SqlResult r = connection.exec(sql);
        if (!r.ok())
            return r.error;
    }
    return {};
}

} // namespace Sightline
