#pragma once

#include "core/workspaceprofile.h"
#include "sources/storagesource.h"

#include <QLoggingCategory>

#include <memory>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

struct SqlCatalogOptions
{
    SchemaNames schema;    // which table is the evaluations table, and its id column
    int timeoutMs = 10000; // per statement (PostgreSQL statement_timeout), and for connecting
    // How the explorer's session shows in pg_stat_activity and the server's log.
    QString applicationName = QStringLiteral("sightline-storage");
    int tablePageSize = 1000;
    int rowPageSize = 200;
    int valueCap = 1000; // characters of one value in a row preview before "load all"
    QString password;    // PostgreSQL: the workspace's password (keychain/environment); never logged
};

// The relational store in the Storage Explorer: schemas → tables and views (estimated rows,
// sizes) → Columns and Rows (keyset-paged), with previews of a table (facts at once; the exact
// count, a full scan, on the "count" continuation) and of a row (every column, long values cut
// in SQL until the "all" continuation). Reads only: PostgreSQL sessions run with
// default_transaction_read_only, SQLite files open read-only.
class SqlCatalogSource final : public StorageSource
{
    Q_OBJECT
public:
    static std::unique_ptr<SqlCatalogSource> createPostgres(const QString &url,
                                                            const SqlCatalogOptions &options = {});
    static std::unique_ptr<SqlCatalogSource> createSqlite(const QString &path,
                                                          const SqlCatalogOptions &options = {});
    ~SqlCatalogSource() override;

    StorageBackend backend() const override;
    QString describe() const override;

    QFuture<StorageSummary> summary() override;
    QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) override;
    QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) override;
    void stop() override;

    // Children ids of a table node, for callers that address them directly.
    static QString columnsId(const QString &schema, const QString &table);
    static QString rowsId(const QString &schema, const QString &table);
    static QString tableId(const QString &schema, const QString &table);
    static QString schemaId(const QString &schema);

    class Worker; // the connection and everything used on the source's thread

private:
    SqlCatalogSource(StorageBackend backend, QString description, std::unique_ptr<Worker> worker);

    StorageBackend m_backend;
    QString m_description;
    std::unique_ptr<Worker> m_worker;
    StorageTaskRunner m_runner; // last: destroyed (and joined) before the worker it runs
};

} // namespace Sightline
