#include "catalogdialect.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline::Catalog {

namespace {

// Relations the explorer shows: tables, partitioned tables, views, materialized views, foreign
// tables. Indexes, sequences and TOAST tables are counted into their table's size instead.
const QString ShownKinds = u"('r','p','v','m','f')"_s;
const QString SystemSchemaFilter =
    u"n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"_s;

QString kindLabel(const QString &relkind)
{
    if (relkind == u"r"_s)
        return u"table"_s;
    if (relkind == u"p"_s)
        return u"partitioned table"_s;
    if (relkind == u"v"_s)
        return u"view"_s;
    if (relkind == u"m"_s)
        return u"materialized view"_s;
    if (relkind == u"f"_s)
        return u"foreign table"_s;
    return relkind;
}

qint64 toCount(const QVariant &value)
{
    bool ok = false;
    const qint64 n = value.toString().toLongLong(&ok);
    return ok ? n : -1;
}

class PostgresDialect final : public CatalogDialect
{
public:
    explicit PostgresDialect(DialectOptions options)
        : m_options(std::move(options))
    {
    }

    SqlError prepareSession(SqlConnection &connection) override
    {
        // set_config rather than SET: values are bound, and nothing here is a statement that the
        // server's statement log (log_statement = 'mod') would count as a write.
        const SqlResult result = connection.exec(
            u"SELECT set_config('application_name', $1, false), set_config('statement_timeout', $2, false), "
            "set_config('idle_in_transaction_session_timeout', $2, false)"_s,
            {m_options.applicationName, QString::number(m_options.timeoutMs)});
        return result.error;
    }

    void fillSummary(SqlConnection &connection, StorageSummary &summary) override
    {
        const SqlResult facts = connection.exec(
            u"SELECT current_setting('server_version'), current_database(), "
            "pg_database_size(current_database()), current_setting('default_transaction_read_only'), "
            "pg_is_in_recovery(), current_user, "
            "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            " WHERE c.relkind IN ('r','p') AND "_s +
                SystemSchemaFilter + u")"_s,
            {});
        if (!facts.ok() || facts.rows.isEmpty()) {
            summary.error = facts.error.message;
            return;
        }
        const QVariantList &row = facts.rows.constFirst();
        summary.itemCount = toCount(row.value(6));
        summary.totalBytes = toCount(row.value(2));
        const bool readOnly = row.value(3).toString() == u"on"_s;
        summary.details.append({QCoreApplication::translate("Sightline::SqlCatalogSource", "Server"),
                                u"PostgreSQL "_s + row.value(0).toString()});
        summary.details.append({QCoreApplication::translate("Sightline::SqlCatalogSource", "Database"),
                                row.value(1).toString()});
        summary.details.append(
            {QCoreApplication::translate("Sightline::SqlCatalogSource", "Role"), row.value(5).toString()});
        summary.details.append({QCoreApplication::translate("Sightline::SqlCatalogSource", "Read-only"),
                                readOnly
                                    ? QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                                  "yes (default_transaction_read_only = on)")
                                    : QCoreApplication::translate("Sightline::SqlCatalogSource", "no")});
        if (row.value(4).toString() == u"t"_s)
            summary.details.append(
                {QCoreApplication::translate("Sightline::SqlCatalogSource", "Standby"),
                 QCoreApplication::translate("Sightline::SqlCatalogSource", "yes (in recovery)")});
    }

    Fetched<QList<SchemaInfo>> schemas(SqlConnection &connection) override
    {
        Fetched<QList<SchemaInfo>> fetched;
        // Schema totals come from pg_class.relpages (tables, their indexes and TOAST, as of the last
        // VACUUM/ANALYZE/CREATE INDEX): pg_total_relation_size would open every relation of the
        // database just to show the top level, seconds on 5,000 tables. Tables get exact sizes.
        static const QString sql =
            u"SELECT n.nspname, "
            "(SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN %1), "
            "(SELECT coalesce(sum(c.relpages + coalesce(t.relpages, 0) + coalesce(ti.relpages, 0)), "
            "0)::bigint"
            " * current_setting('block_size')::bigint FROM pg_class c"
            " LEFT JOIN pg_class t ON t.oid = c.reltoastrelid LEFT JOIN pg_index tx ON tx.indrelid = t.oid"
            " LEFT JOIN pg_class ti ON ti.oid = tx.indexrelid"
            " WHERE c.relnamespace = n.oid AND c.relkind IN ('r','p','m','i','I')) "
            "FROM pg_namespace n WHERE %2 ORDER BY n.nspname"_s.arg(ShownKinds, SystemSchemaFilter);
        const SqlResult result = connection.exec(sql, {});
        fetched.error = result.error;
        for (const QVariantList &row : result.rows)
            fetched.value.append(
                {row.value(0).toString(), toCount(row.value(1)), toCount(row.value(2)), true});
        return fetched;
    }

    Fetched<QList<TableInfo>> tables(SqlConnection &connection, const QString &schema, const QString &after,
                                     int limit) override
    {
        Fetched<QList<TableInfo>> fetched;
        // relname is of type name, which compares bytewise: the keyset order is stable.
        const SqlResult result = connection.exec(
            u"SELECT c.relname, c.relkind, c.reltuples::bigint, "
            "CASE WHEN c.relkind IN ('r','m') THEN pg_total_relation_size(c.oid) END "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = $1 AND c.relkind IN "_s +
                ShownKinds + u" AND c.relname > $2 ORDER BY c.relname LIMIT "_s + QString::number(limit),
            {schema, after});
        fetched.error = result.error;
        for (const QVariantList &row : result.rows) {
            TableInfo info;
            info.name = row.value(0).toString();
            info.kind = kindLabel(row.value(1).toString());
            info.estimatedRows = toCount(row.value(2));
            info.bytes = row.value(3).isNull() ? -1 : toCount(row.value(3));
            info.sortKey = info.name;
            if (info.kind == u"view"_s || info.kind == u"foreign table"_s)
                info.estimatedRows = -1;
            fetched.value.append(info);
        }
        return fetched;
    }

    Fetched<TableShape> shape(SqlConnection &connection, const QString &schema, const QString &table) override
    {
        Fetched<TableShape> fetched;
        const SqlResult rel =
            connection.exec(u"SELECT c.oid, c.relkind, c.reltuples::bigint, "
                            "CASE WHEN c.relkind IN ('r','m') THEN pg_total_relation_size(c.oid) END "
                            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN "_s +
                                ShownKinds,
                            {schema, table});
        if (!rel.ok() || rel.rows.isEmpty()) {
            fetched.error = rel.ok() ? SqlError{SqlError::Kind::Query,
                                                QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                                            "%1 no longer exists")
                                                    .arg(qualifiedName(schema, table))}
                                     : rel.error;
            return fetched;
        }
        const QVariantList &relRow = rel.rows.constFirst();
        const QString oid = relRow.value(0).toString();
        TableShape &shape = fetched.value;
        const QString relkind = relRow.value(1).toString();
        shape.kind = kindLabel(relkind);
        shape.estimatedRows = relkind == u"v"_s || relkind == u"f"_s ? -1 : toCount(relRow.value(2));
        shape.bytes = relRow.value(3).isNull() ? -1 : toCount(relRow.value(3));

        const SqlResult columns = connection.exec(
            u"SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
            "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"_s,
            {oid});
        if (!columns.ok()) {
            fetched.error = columns.error;
            return fetched;
        }
        for (const QVariantList &row : columns.rows) {
            shape.columns.append({row.value(0).toString(), row.value(1).toString(),
                                  row.value(2).toString() == u"t"_s, row.value(3).toString()});
        }
        const SqlResult key = connection.exec(
            u"SELECT a.attname FROM pg_index i "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[]) "
            "WHERE i.indrelid = $1::oid AND i.indisprimary "
            "ORDER BY array_position(i.indkey::int2[], a.attnum)"_s,
            {oid});
        if (!key.ok()) {
            fetched.error = key.error;
            return fetched;
        }
        for (const QVariantList &row : key.rows)
            shape.primaryKey.append(row.value(0).toString());
        if (!shape.primaryKey.isEmpty())
            shape.rowKey = NodeRef::RowKey::PrimaryKey;
        else if (relkind == u"r"_s || relkind == u"m"_s)
            shape.rowKey = NodeRef::RowKey::Ctid;
        else
            shape.rowKey = NodeRef::RowKey::Offset; // views and foreign tables have no ctid
        return fetched;
    }

    QString shortTextSql(const QString &column, int chars) const override
    {
        return u"left(CAST(%1 AS text), %2)"_s.arg(column, QString::number(chars));
    }

    QString cappedValueSql(const QString &column, int chars) const override
    {
        // Every value reaches us as text anyway; the cast uses the type's own output format.
        return shortTextSql(column, chars);
    }

    QString rowKeySql(NodeRef::RowKey rowKey) const override
    {
        return rowKey == NodeRef::RowKey::Ctid ? u"ctid"_s : QString();
    }

    QString rowKeyBindSql(NodeRef::RowKey rowKey, int placeholder) const override
    {
        const QString param = u"$"_s + QString::number(placeholder);
        return rowKey == NodeRef::RowKey::Ctid ? param + u"::tid"_s : param;
    }

private:
    DialectOptions m_options;
};

} // namespace

std::unique_ptr<CatalogDialect> createPostgresDialect(const DialectOptions &options)
{
    return std::make_unique<PostgresDialect>(options);
}

bool TableShape::hasColumn(const QString &name) const
{
    return std::any_of(columns.cbegin(), columns.cend(), [&](const ColumnInfo &c) { return c.name == name; });
}

QString qualifiedName(const QString &schema, const QString &table)
{
    return quoteIdentifier(schema) + u'.' + quoteIdentifier(table);
}

} // namespace Sightline::Catalog
