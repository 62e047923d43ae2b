#include "catalogdialect.h"

#include "core/displayname.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Sightline::Catalog {

namespace {

// Internal tables (sqlite_schema, sqlite_stat1, sqlite_sequence) are SQLite's, not the user's.
const QString UserObjects = u"type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s;

bool validUtf8(const QByteArray &bytes)
{
    // Invalid sequences decode to U+FFFD, so they do not survive the round trip.
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// A name from the catalog: kept as text when it is UTF-8, escaped (and flagged) when it is not.
std::pair<QString, bool> nameFrom(const QVariant &value)
{
    const QByteArray bytes =
        value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
    if (validUtf8(bytes))
        return {QString::fromUtf8(bytes), false};
    return {escapeForDisplay(bytes), true};
}

class SqliteDialect final : public CatalogDialect
{
public:
    explicit SqliteDialect(DialectOptions options)
        : m_options(std::move(options))
    {
    }

    SqlError prepareSession(SqlConnection &) override
    {
        m_hasDbstat = -1;
        return {};
    }

    void fillSummary(SqlConnection &connection, StorageSummary &summary) override
    {
        const SqlResult facts =
            connection.exec(u"SELECT sqlite_version(), (SELECT page_count FROM pragma_page_count), "
                            "(SELECT page_size FROM pragma_page_size)"_s,
                            {});
        if (!facts.ok() || facts.rows.isEmpty()) {
            summary.error = facts.error.message;
            return;
        }
        const QVariantList &row = facts.rows.constFirst();
        summary.totalBytes = row.value(1).toLongLong() * row.value(2).toLongLong();
        const Fetched<QList<SchemaInfo>> all = schemas(connection);
        if (all.error.isError()) {
            summary.error = all.error.message;
            return;
        }
        qint64 tables = 0;
        for (const SchemaInfo &schema : all.value) {
            const SqlResult count = connection.exec(
                u"SELECT count(*) FROM %1.sqlite_schema WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s.arg(quoteIdentifier(schema.name)),
                {});
            if (count.ok() && !count.rows.isEmpty())
                tables += count.rows.constFirst().value(0).toLongLong();
        }
        summary.itemCount = tables;
        summary.details.append({QCoreApplication::translate("Sightline::SqlCatalogSource", "Server"),
                                u"SQLite "_s + row.value(0).toString()});
        summary.details.append(
            {QCoreApplication::translate("Sightline::SqlCatalogSource", "File"), m_options.displayPath});
        summary.details.append(
            {QCoreApplication::translate("Sightline::SqlCatalogSource", "Read-only"),
             m_options.readOnly
                 ? QCoreApplication::translate("Sightline::SqlCatalogSource", "yes (opened read-only)")
                 : QCoreApplication::translate("Sightline::SqlCatalogSource", "no")});
    }

    Fetched<QList<SchemaInfo>> schemas(SqlConnection &connection) override
    {
        Fetched<QList<SchemaInfo>> fetched;
        const SqlResult list = connection.exec(u"SELECT name FROM pragma_database_list ORDER BY seq"_s, {});
        fetched.error = list.error;
        for (const QVariantList &row : list.rows) {
            const QString name = row.value(0).toString();
            if (name == u"temp"_s)
                continue; // the connection's own scratch space, never the user's data
            const QString schema = quoteIdentifier(name);
            const SqlResult facts = connection.exec(
                u"SELECT (SELECT count(*) FROM %1.sqlite_schema WHERE %2), "
                "(SELECT page_count FROM %1.pragma_page_count) * (SELECT page_size FROM %1.pragma_page_size)"_s
                    .arg(schema, UserObjects),
                {});
            if (!facts.ok()) {
                fetched.error = facts.error;
                return fetched;
            }
            fetched.value.append({name, facts.rows.value(0).value(0).toLongLong(),
                                  facts.rows.value(0).value(1).toLongLong(), false});
        }
        return fetched;
    }

    Fetched<QList<TableInfo>> tables(SqlConnection &connection, const QString &schema, const QString &after,
                                     int limit) override
    {
        Fetched<QList<TableInfo>> fetched;
        const QString quoted = quoteIdentifier(schema);
        // Compared as bytes (BLOB), so the keyset order is the same whatever the names hold.
        const SqlResult list = connection.exec(
            u"SELECT CAST(name AS BLOB), type FROM %1.sqlite_schema WHERE %2 AND CAST(name AS BLOB) > ?1 "
            "ORDER BY CAST(name AS BLOB) LIMIT %3"_s.arg(quoted, UserObjects, QString::number(limit)),
            {QVariant(unescapeAfter(after))});
        if (!list.ok()) {
            fetched.error = list.error;
            return fetched;
        }
        const QHash<QString, qint64> sizes = tableSizes(connection, schema);
        const QHash<QString, qint64> estimates = statEstimates(connection, schema);
        for (const QVariantList &row : list.rows) {
            const auto [name, invalid] = nameFrom(row.value(0));
            TableInfo info;
            info.name = name;
            info.kind = row.value(1).toString();
            info.nameInvalidUtf8 = invalid;
            info.sortKey = QString::fromLatin1(row.value(0).toByteArray().toHex());
            info.estimatedRows = estimates.value(name, -1);
            info.bytes = info.kind == u"table"_s ? sizes.value(name, -1) : -1;
            fetched.value.append(info);
        }
        return fetched;
    }

    Fetched<TableShape> shape(SqlConnection &connection, const QString &schema, const QString &table) override
    {
        Fetched<TableShape> fetched;
        TableShape &shape = fetched.value;
        const QString quoted = quoteIdentifier(schema);
        // The name as the catalog holds it: its bytes, which an escaped (non-UTF-8) name gets back.
        QVariant name = table;
        SqlResult rel = connection.exec(
            u"SELECT type, sql FROM %1.sqlite_schema WHERE name = ?1 AND %2"_s.arg(quoted, UserObjects),
            {name});
        if (rel.ok() && rel.rows.isEmpty()) {
            name = QVariant(unescapeDisplayName(table));
            rel = connection.exec(
                u"SELECT type, sql FROM %1.sqlite_schema WHERE CAST(name AS BLOB) = ?1 AND %2"_s.arg(
                    quoted, UserObjects),
                {name});
            shape.nameInvalidUtf8 = !rel.rows.isEmpty();
        }
        if (!rel.ok() || rel.rows.isEmpty()) {
            fetched.error = rel.ok() ? SqlError{SqlError::Kind::Query,
                                                QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                                            "%1 no longer exists")
                                                    .arg(qualifiedName(schema, table))}
                                     : rel.error;
            return fetched;
        }
        shape.kind = rel.rows.constFirst().value(0).toString();
        const SqlResult columns = connection.exec(
            u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1, ?2) ORDER BY cid"_s,
            {name, schema});
        if (!columns.ok()) {
            fetched.error = columns.error;
            return fetched;
        }
        QList<std::pair<qint64, QString>> key;
        for (const QVariantList &row : columns.rows) {
            shape.columns.append({row.value(0).toString(), row.value(1).toString(),
                                  row.value(2).toLongLong() == 0, row.value(3).toString()});
            if (row.value(4).toLongLong() > 0)
                key.append({row.value(4).toLongLong(), row.value(0).toString()});
        }
        std::sort(key.begin(), key.end());
        for (const auto &[position, column] : key)
            shape.primaryKey.append(column);
        if (shape.kind != u"table"_s) {
            shape.rowKey = NodeRef::RowKey::Offset;
        } else {
            const SqlResult list = connection.exec(
                u"SELECT wr FROM pragma_table_list WHERE schema = ?1 AND name = ?2"_s, {schema, name});
            const bool withoutRowid =
                list.ok() && !list.rows.isEmpty() && list.rows.constFirst().value(0).toLongLong();
            shape.rowKey = withoutRowid ? NodeRef::RowKey::PrimaryKey : NodeRef::RowKey::Rowid;
            if (!shape.nameInvalidUtf8) {
                shape.bytes = tableSizes(connection, schema).value(table, -1);
                shape.estimatedRows = statEstimates(connection, schema).value(table, -1);
            }
        }
        return fetched;
    }

    QString shortTextSql(const QString &column, int chars) const override
    {
        // Blobs as x'…' hex, like SQLite's own literals, so binary never reaches a label raw.
        return u"CASE WHEN typeof(%1) = 'blob' THEN 'x''' || hex(substr(%1, 1, %3)) || '''' "
               "ELSE substr(CAST(%1 AS TEXT), 1, %2) END"_s.arg(column, QString::number(chars),
                                                                QString::number(chars / 2));
    }

    QString cappedValueSql(const QString &column, int chars) const override
    {
        // Short values stay as they are (integer, real, text, blob), so they show as before.
        return u"CASE WHEN typeof(%1) = 'text' AND length(%1) > %2 THEN substr(%1, 1, %2) "
               "WHEN typeof(%1) = 'blob' AND length(%1) > %3 THEN substr(%1, 1, %3) ELSE %1 END"_s.arg(
                   column, QString::number(chars), QString::number(chars / 2 + 1));
    }

    QString rowKeySql(NodeRef::RowKey rowKey) const override
    {
        return rowKey == NodeRef::RowKey::Rowid ? u"rowid"_s : QString();
    }

    QString rowKeyBindSql(NodeRef::RowKey, int placeholder) const override
    {
        return u"?"_s + QString::number(placeholder);
    }

private:
    static QByteArray unescapeAfter(const QString &after) { return QByteArray::fromHex(after.toLatin1()); }

    // Bytes per table including its indexes, from the dbstat virtual table when SQLite was built
    // with it; empty (sizes unknown) otherwise.
    QHash<QString, qint64> tableSizes(SqlConnection &connection, const QString &schema)
    {
        QHash<QString, qint64> sizes;
        if (m_hasDbstat == 0)
            return sizes;
        const SqlResult result = connection.exec(u"SELECT s.tbl_name, sum(d.pgsize) FROM %1.sqlite_schema s "
                                                 u"JOIN dbstat(?1, 1) d ON d.name = s.name "
                                                 "GROUP BY s.tbl_name"_s.arg(quoteIdentifier(schema)),
                                                 {schema});
        if (!result.ok()) {
            if (result.error.message.contains(u"dbstat"_s))
                m_hasDbstat = 0;
            return sizes;
        }
        m_hasDbstat = 1;
        for (const QVariantList &row : result.rows)
            sizes.insert(row.value(0).toString(), row.value(1).toLongLong());
        return sizes;
    }

    // Row counts that ANALYZE left in sqlite_stat1 (the first number of each entry).
    static QHash<QString, qint64> statEstimates(SqlConnection &connection, const QString &schema)
    {
        QHash<QString, qint64> estimates;
        const QString quoted = quoteIdentifier(schema);
        const SqlResult exists =
            connection.exec(u"SELECT 1 FROM %1.sqlite_schema WHERE name = 'sqlite_stat1'"_s.arg(quoted), {});
        if (!exists.ok() || exists.rows.isEmpty())
            return estimates;
        const SqlResult result = connection.exec(u"SELECT tbl, stat FROM %1.sqlite_stat1"_s.arg(quoted), {});
        for (const QVariantList &row : result.rows) {
            const qint64 rows = row.value(1).toString().section(u' ', 0, 0).toLongLong();
            const QString table = row.value(0).toString();
            estimates.insert(table, std::max(estimates.value(table, -1), rows));
        }
        return estimates;
    }

    DialectOptions m_options;
    int m_hasDbstat = -1; // -1 not yet known
};

} // namespace

std::unique_ptr<CatalogDialect> createSqliteDialect(const DialectOptions &options)
{
    return std::make_unique<SqliteDialect>(options);
}

} // namespace Sightline::Catalog
