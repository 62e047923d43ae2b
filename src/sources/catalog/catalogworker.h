#pragma once

#include "catalogdialect.h"
#include "sqlcatalogsource.h"

#include <QHash>

namespace Sightline {

// Lives for the source's lifetime; used only on the source's runner thread, except cancel(),
// which stop() calls from the GUI thread (SqlConnection::cancel is thread-safe).
class SqlCatalogSource::Worker
{
public:
    Worker(std::unique_ptr<SqlConnection> connection, std::unique_ptr<Catalog::CatalogDialect> dialect,
           SqlCatalogOptions options);

    void cancel() { m_connection->cancel(); }

    StorageSummary summary(const StopToken &stop);
    StoragePage children(const QString &nodeId, const QString &continuation, const StopToken &stop);
    StoragePreview preview(const QString &nodeId, const QString &continuation, const StopToken &stop);

private:
    SqlError ensureOpen();
    // Runs `fn` on an open connection; a dropped connection is reopened and a cancel that was
    // aimed at an earlier request is retried, once each.
    template<typename Fn>
    auto attempt(const StopToken &stop, Fn &&fn) -> decltype(fn());

    StoragePage schemaNodes();
    StoragePage tableNodes(const QString &schema, const QString &continuation);
    StoragePage tableChildren(const Catalog::NodeRef &ref);
    StoragePage columnNodes(const Catalog::NodeRef &ref);
    StoragePage rowNodes(const Catalog::NodeRef &ref, const QString &continuation);
    // The facts at once; with `count`, the exact row count too (a full scan, cancellable).
    StoragePreview tablePreview(const Catalog::NodeRef &ref, bool count, const StopToken &stop);
    StoragePreview rowPreview(const Catalog::NodeRef &ref, bool all);

    Catalog::Fetched<Catalog::TableShape> shape(const Catalog::NodeRef &ref, bool refresh);
    QString rowCondition(const Catalog::TableShape &shape, Catalog::NodeRef::RowKey rowKey, const QString &op,
                         int keyCount) const;
    QString evaluationColumn(const Catalog::NodeRef &ref, const Catalog::TableShape &shape) const;

    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<Catalog::CatalogDialect> m_dialect;
    SqlCatalogOptions m_options;
    QHash<QString, Catalog::TableShape> m_shapes; // by table id; refreshed when a table is expanded
};

// The continuation of a table preview that counts its rows.
inline const QString CountContinuation = QStringLiteral("count");

// A value as text for a label or a preview cell: NULL, blobs as x'…' hex.
QString catalogValueText(const QVariant &value);

} // namespace Sightline
