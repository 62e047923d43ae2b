#pragma once

#include "catalognode.h"
#include "sources/sqlconnection.h"
#include "sources/storagesource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Sightline::Catalog {

template<typename T>
struct Fetched
{
    T value{};
    SqlError error;
};

struct SchemaInfo
{
    QString name;
    qint64 relations = 0;
    qint64 bytes = -1;
    bool bytesEstimated = false; // from page counts the server keeps, not measured now
};

struct TableInfo
{
    QString name;
    QString kind; // "table", "view", "materialized view", "foreign table", "partitioned table"
    qint64 estimatedRows = -1;
    qint64 bytes = -1;
    // Set when the name is not valid UTF-8 (SQLite): `name` is then its escaped form, shown as is.
    bool nameInvalidUtf8 = false;
    QString sortKey; // where the next page starts: tables(…, after = the last one's sortKey)
};

struct ColumnInfo
{
    QString name;
    QString type;
    bool nullable = true;
    QString defaultValue; // the expression as the database shows it; empty without one
};

// What row paging and previews need to know about one table.
struct TableShape
{
    QString kind;
    QList<ColumnInfo> columns;
    QStringList primaryKey;
    NodeRef::RowKey rowKey = NodeRef::RowKey::Offset;
    qint64 estimatedRows = -1;
    qint64 bytes = -1;
    // SQLite: the name is not valid UTF-8, so no query text can name it (columns still come
    // through a bound parameter).
    bool nameInvalidUtf8 = false;

    bool hasColumn(const QString &name) const;
};

// The parts of the catalog that differ between PostgreSQL and SQLite. Every name reaches SQL
// quoted (quoteIdentifier) or bound as a parameter.
class CatalogDialect
{
public:
    virtual ~CatalogDialect() = default;

    // Runs once after each (re)connect: session settings such as the statement timeout.
    virtual SqlError prepareSession(SqlConnection &connection) = 0;
    virtual void fillSummary(SqlConnection &connection, StorageSummary &summary) = 0;
    virtual Fetched<QList<SchemaInfo>> schemas(SqlConnection &connection) = 0;
    // Relations of a schema ordered by name, after `after`, at most `limit`.
    virtual Fetched<QList<TableInfo>> tables(SqlConnection &connection, const QString &schema,
                                             const QString &after, int limit) = 0;
    virtual Fetched<TableShape> shape(SqlConnection &connection, const QString &schema,
                                      const QString &table) = 0;

    // SQL pieces for row paging; `column` is already quoted.
    virtual QString shortTextSql(const QString &column, int chars) const = 0;
    // The value cut to at most `chars` characters (text) or about chars / 2 bytes (SQLite blobs)
    // on the server, so that a huge cell never reaches us; short values keep their own type.
    virtual QString cappedValueSql(const QString &column, int chars) const = 0;
    virtual QString rowKeySql(NodeRef::RowKey rowKey) const = 0; // "ctid", "rowid"
    virtual QString rowKeyBindSql(NodeRef::RowKey rowKey, int placeholder) const = 0;
};

struct DialectOptions
{
    int timeoutMs = 10000;
    QString applicationName;
    QString displayPath; // the SQLite file, for the summary
    bool readOnly = true;
};

std::unique_ptr<CatalogDialect> createPostgresDialect(const DialectOptions &options);
std::unique_ptr<CatalogDialect> createSqliteDialect(const DialectOptions &options);

QString qualifiedName(const QString &schema, const QString &table);

} // namespace Sightline::Catalog
