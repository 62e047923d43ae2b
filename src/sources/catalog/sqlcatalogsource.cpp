#include "sqlcatalogsource.h"

#include "catalogworker.h"
#include "core/displayname.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcCatalog, "sightline.catalog")

using Catalog::NodeRef;

std::unique_ptr<SqlCatalogSource> SqlCatalogSource::createPostgres(const QString &url,
                                                                   const SqlCatalogOptions &options)
{
    Catalog::DialectOptions dialect;
    dialect.timeoutMs = options.timeoutMs;
    dialect.applicationName = options.applicationName;
    auto worker = std::make_unique<Worker>(
        createPostgresConnection(url, /*readOnly*/ true, options.timeoutMs, options.password),
        Catalog::createPostgresDialect(dialect), options);
    return std::unique_ptr<SqlCatalogSource>(
        new SqlCatalogSource(StorageBackend::PostgreSQL, redactUrl(url), std::move(worker)));
}

std::unique_ptr<SqlCatalogSource> SqlCatalogSource::createSqlite(const QString &path,
                                                                 const SqlCatalogOptions &options)
{
    Catalog::DialectOptions dialect;
    dialect.timeoutMs = options.timeoutMs;
    dialect.displayPath = QFileInfo(path).absoluteFilePath();
    auto worker = std::make_unique<Worker>(createSqliteConnection(path, SqliteMode::ReadOnly),
                                           Catalog::createSqliteDialect(dialect), options);
    return std::unique_ptr<SqlCatalogSource>(
        new SqlCatalogSource(StorageBackend::SQLite, dialect.displayPath, std::move(worker)));
}

SqlCatalogSource::SqlCatalogSource(StorageBackend backend, QString description,
                                   std::unique_ptr<Worker> worker)
    : m_backend(backend)
    , m_description(std::move(description))
    , m_worker(std::move(worker))
{
    Worker *w = m_worker.get();
    m_runner.setInterrupt([w] { w->cancel(); });
}

SqlCatalogSource::~SqlCatalogSource()
{
    m_runner.stop();
    m_runner.waitForDone();
}

StorageBackend SqlCatalogSource::backend() const
{
    return m_backend;
}

QString SqlCatalogSource::describe() const
{
    return m_description;
}

QFuture<StorageSummary> SqlCatalogSource::summary()
{
    Worker *w = m_worker.get();
    return m_runner.run<StorageSummary>([w](const StopToken &stop) { return w->summary(stop); });
}

QFuture<StoragePage> SqlCatalogSource::children(const QString &nodeId, const QString &continuation)
{
    Worker *w = m_worker.get();
    return m_runner.run<StoragePage>(
        [w, nodeId, continuation](const StopToken &stop) { return w->children(nodeId, continuation, stop); });
}

QFuture<StoragePreview> SqlCatalogSource::preview(const QString &nodeId, const QString &continuation)
{
    Worker *w = m_worker.get();
    return m_runner.run<StoragePreview>(
        [w, nodeId, continuation](const StopToken &stop) { return w->preview(nodeId, continuation, stop); });
}

void SqlCatalogSource::stop()
{
    m_runner.stop();
}

QString SqlCatalogSource::columnsId(const QString &schema, const QString &table)
{
    return NodeRef::ofTable(NodeRef::Kind::Columns, schema, table).toId();
}

QString SqlCatalogSource::rowsId(const QString &schema, const QString &table)
{
    return NodeRef::ofTable(NodeRef::Kind::Rows, schema, table).toId();
}

QString SqlCatalogSource::tableId(const QString &schema, const QString &table)
{
    return NodeRef::ofTable(NodeRef::Kind::Table, schema, table).toId();
}

QString SqlCatalogSource::schemaId(const QString &schema)
{
    return NodeRef::ofSchema(schema).toId();
}

// --- Worker: connection and tree ---------------------------------------------------------------

SqlCatalogSource::Worker::Worker(std::unique_ptr<SqlConnection> connection,
                                 std::unique_ptr<Catalog::CatalogDialect> dialect, SqlCatalogOptions options)
    : m_connection(std::move(connection))
    , m_dialect(std::move(dialect))
    , m_options(std::move(options))
{
}

SqlError SqlCatalogSource::Worker::ensureOpen()
{
    if (m_connection->isOpen())
        return {};
    SqlError error = m_connection->open();
    if (!error.isError())
        error = m_dialect->prepareSession(*m_connection);
    if (error.kind == SqlError::Kind::Cancelled) {
        qCInfo(lcCatalog) << "stopped opening" << m_connection->describe();
        m_connection->close();
        return error;
    }
    if (error.isError()) {
        qCWarning(lcCatalog) << "cannot open" << m_connection->describe() << error.message;
        m_connection->close();
        return error;
    }
    qCInfo(lcCatalog) << "opened" << m_connection->describe();
    m_shapes.clear();
    return {};
}

template<typename Fn>
auto SqlCatalogSource::Worker::attempt(const StopToken &stop, Fn &&fn) -> decltype(fn())
{
    using Result = decltype(fn());
    Result result;
    for (int tries = 0; tries < 2; ++tries) {
        if (stop.stopRequested()) {
            result = Result{};
            result.cancelled = true;
            return result;
        }
        const SqlError open = ensureOpen();
        if (open.isError()) {
            result = Result{};
            // stop() during a connect interrupts it: that is a stop, not a failure.
            result.cancelled = stop.stopRequested();
            if (!result.cancelled)
                result.error = open.message;
            return result;
        }
        result = fn();
        if (stop.stopRequested()) {
            result.cancelled = true;
            result.error.clear();
            return result;
        }
        if (result.error.isEmpty())
            return result;
        if (!m_connection->isOpen()) {
            // The server went away under us (restart, idle timeout, network): one fresh session.
            qCInfo(lcCatalog) << "connection lost, reconnecting:" << result.error;
            m_connection->close();
            continue;
        }
        if (!result.error.contains(u"canceling statement due to user request"_s) &&
            result.error != u"interrupted"_s)
            return result;
        // A cancel meant for an earlier request landed on this one: run it again.
    }
    return result;
}

StorageSummary SqlCatalogSource::Worker::summary(const StopToken &stop)
{
    StorageSummary summary;
    if (stop.stopRequested()) {
        summary.error = u"stopped"_s;
        return summary;
    }
    SqlError error = ensureOpen();
    QElapsedTimer clock;
    clock.start();
    SqlResult ping;
    if (!error.isError()) {
        ping = m_connection->exec(u"SELECT 1"_s, {});
        if (ping.error.kind == SqlError::Kind::Connection) {
            m_connection->close(); // the session died since the last call; try a fresh one
            error = ensureOpen();
            clock.restart();
            if (!error.isError())
                ping = m_connection->exec(u"SELECT 1"_s, {});
        }
        if (!error.isError())
            error = ping.error;
    }
    if (error.isError()) {
        summary.error = stop.stopRequested() ? u"stopped"_s : error.message;
        return summary;
    }
    summary.latencyMs = double(clock.nsecsElapsed()) / 1e6;
    summary.reachable = true;
    summary.itemNoun = u"tables"_s;
    {
        const bool postgres = m_connection->dialect() == SqlDialect::PostgreSQL;
        Metrics::ScanProgress scanProgress(postgres ? "postgres" : "sqlite");
        clock.restart();
        m_dialect->fillSummary(*m_connection, summary);
        scanProgress.setItems(summary.itemCount);
        logEvent(postgres ? lcPostgres() : lcSqlite(), QtInfoMsg, "scan.finished",
                 {{"target", m_connection->describe()},
                  {"items", summary.itemCount},
                  {"ms", qint64(clock.elapsed())}});
    }
    return summary;
}

StoragePage SqlCatalogSource::Worker::children(const QString &nodeId, const QString &continuation,
                                               const StopToken &stop)
{
    const NodeRef ref = NodeRef::fromId(nodeId);
    return attempt(stop, [&]() -> StoragePage {
        switch (ref.kind) {
        case NodeRef::Kind::Root:
            return schemaNodes();
        case NodeRef::Kind::Schema:
            return tableNodes(ref.schema, continuation);
        case NodeRef::Kind::Table:
            return tableChildren(ref);
        case NodeRef::Kind::Columns:
            return columnNodes(ref);
        case NodeRef::Kind::Rows:
            return rowNodes(ref, continuation);
        case NodeRef::Kind::Column:
        case NodeRef::Kind::Row:
            return {};
        case NodeRef::Kind::Invalid:
            break;
        }
        StoragePage page;
        page.error =
            QCoreApplication::translate("Sightline::SqlCatalogSource", "not a node of this catalog: %1")
                .arg(nodeId);
        return page;
    });
}

StoragePreview SqlCatalogSource::Worker::preview(const QString &nodeId, const QString &continuation,
                                                 const StopToken &stop)
{
    const NodeRef ref = NodeRef::fromId(nodeId);
    return attempt(stop, [&]() -> StoragePreview {
        if (ref.kind == NodeRef::Kind::Table)
            return tablePreview(ref, continuation == CountContinuation, stop);
        if (ref.kind == NodeRef::Kind::Row)
            return rowPreview(ref, continuation == u"all"_s);
        StoragePreview preview;
        preview.error =
            QCoreApplication::translate("Sightline::SqlCatalogSource", "this node has no preview");
        return preview;
    });
}

StoragePage SqlCatalogSource::Worker::schemaNodes()
{
    StoragePage page;
    m_shapes.clear(); // a refresh from the top: look tables up again
    const auto schemas = m_dialect->schemas(*m_connection);
    page.error = schemas.error.message;
    for (const Catalog::SchemaInfo &schema : schemas.value) {
        StorageNode node;
        node.id = NodeRef::ofSchema(schema.name).toId();
        node.name = escapeForDisplay(schema.name.toUtf8());
        node.kind = StorageNode::Kind::Group;
        node.hasChildren = schema.relations > 0;
        node.typeLabel = u"schema"_s;
        node.count = schema.relations;
        node.bytes = schema.bytes;
        node.detail = schema.relations == 1
                          ? QCoreApplication::translate("Sightline::SqlCatalogSource", "1 table")
                          : QCoreApplication::translate("Sightline::SqlCatalogSource", "%1 tables")
                                .arg(schema.relations);
        if (schema.bytesEstimated)
            node.detail += QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                       ", size as of the last VACUUM/ANALYZE");
        page.nodes.append(node);
    }
    return page;
}

StoragePage SqlCatalogSource::Worker::tableNodes(const QString &schema, const QString &continuation)
{
    StoragePage page;
    const int pageSize = std::max(1, m_options.tablePageSize);
    auto tables = m_dialect->tables(*m_connection, schema, continuation, pageSize + 1);
    page.error = tables.error.message;
    if (tables.value.size() > pageSize) {
        tables.value.resize(pageSize);
        page.continuation = tables.value.constLast().sortKey;
    }
    for (const Catalog::TableInfo &table : std::as_const(tables.value)) {
        StorageNode node;
        node.id = NodeRef::ofTable(NodeRef::Kind::Table, schema, table.name).toId();
        node.name = table.nameInvalidUtf8 ? table.name : escapeForDisplay(table.name.toUtf8());
        node.kind = StorageNode::Kind::Group;
        node.hasChildren = true;
        node.previewable = true;
        node.typeLabel = table.kind;
        node.count = table.estimatedRows;
        node.countEstimated = true;
        node.bytes = table.bytes;
        page.nodes.append(node);
    }
    return page;
}

StoragePage SqlCatalogSource::Worker::tableChildren(const NodeRef &ref)
{
    StoragePage page;
    const auto fetched = shape(ref, /*refresh*/ true);
    if (fetched.error.isError()) {
        page.error = fetched.error.message;
        return page;
    }
    StorageNode columns;
    columns.id = NodeRef::ofTable(NodeRef::Kind::Columns, ref.schema, ref.table).toId();
    columns.name = u"Columns"_s;
    columns.kind = StorageNode::Kind::Group;
    columns.hasChildren = !fetched.value.columns.isEmpty();
    columns.typeLabel = u"columns"_s;
    columns.count = fetched.value.columns.size();
    StorageNode rows;
    rows.id = NodeRef::ofTable(NodeRef::Kind::Rows, ref.schema, ref.table).toId();
    rows.name = u"Rows"_s;
    rows.kind = StorageNode::Kind::Group;
    rows.hasChildren = true; // an estimate of 0 may be stale: only the listing can tell
    rows.typeLabel = u"rows"_s;
    rows.count = fetched.value.estimatedRows;
    rows.countEstimated = true;
    rows.bytes = fetched.value.bytes;
    page.nodes = {columns, rows};
    return page;
}

StoragePage SqlCatalogSource::Worker::columnNodes(const NodeRef &ref)
{
    StoragePage page;
    const auto fetched = shape(ref, /*refresh*/ false);
    page.error = fetched.error.message;
    for (const Catalog::ColumnInfo &column : fetched.value.columns) {
        StorageNode node;
        node.id = NodeRef{NodeRef::Kind::Column, ref.schema, ref.table, column.name, {}, {}}.toId();
        node.name = escapeForDisplay(column.name.toUtf8());
        node.typeLabel = column.type;
        QStringList facts{column.nullable
                              ? QCoreApplication::translate("Sightline::SqlCatalogSource", "nullable")
                              : QCoreApplication::translate("Sightline::SqlCatalogSource", "not null")};
        if (fetched.value.primaryKey.contains(column.name))
            facts.prepend(QCoreApplication::translate("Sightline::SqlCatalogSource", "primary key"));
        if (!column.defaultValue.isEmpty())
            facts.append(QCoreApplication::translate("Sightline::SqlCatalogSource", "default %1")
                             .arg(column.defaultValue));
        node.detail = escapeForDisplay(facts.join(u", "_s).toUtf8());
        page.nodes.append(node);
    }
    return page;
}

Catalog::Fetched<Catalog::TableShape> SqlCatalogSource::Worker::shape(const NodeRef &ref, bool refresh)
{
    const QString key = NodeRef::ofTable(NodeRef::Kind::Table, ref.schema, ref.table).toId();
    if (!refresh) {
        const auto cached = m_shapes.constFind(key);
        if (cached != m_shapes.constEnd())
            return {*cached, {}};
    }
    auto fetched = m_dialect->shape(*m_connection, ref.schema, ref.table);
    if (!fetched.error.isError())
        m_shapes.insert(key, fetched.value);
    return fetched;
}

} // namespace Sightline
