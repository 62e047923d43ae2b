// SqlCatalogSource on the PostgreSQL that scripts/test starts and seeds (role sightline, read
// only), with scratch schemas made here through the superuser connection.

#include "core/format.h"
#include "sqlcatalogtestsupport.h"
#include "storetestsupport.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Sightline;
using namespace Sightline::TestSupport;

namespace {

// A server that accepts and then misbehaves: says nothing, hangs up, or speaks another protocol.
class BadServer : public QTcpServer
{
public:
    enum class Mode { Silent, HangUp, Garbage };
    explicit BadServer(Mode mode)
        : m_mode(mode)
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        if (m_mode == Mode::HangUp)
            socket->close();
        else if (m_mode == Mode::Garbage)
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    }

private:
    Mode m_mode;
};

// The most memory this process has held at once, in bytes (Linux reports KiB).
qint64 peakMemory()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

const QString Scratch = u"catalog_scratch"_s;
const QString Paging = u"catalog_paging"_s;
const QString OddSchema = u"odd \"schema\".x"_s;
const QString OddTable = u"tab\"le\nnew ✓ \\x"_s;

} // namespace

class TestSqlCatalogSource : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QString m_seedUrl;
    std::unique_ptr<SqlConnection> m_admin;
    std::unique_ptr<SqlCatalogSource> m_source;

    void admin(const QString &sql)
    {
        const SqlResult result = m_admin->exec(sql);
        QVERIFY2(result.ok(), qPrintable(result.error.message + u"\n"_s + sql));
    }

    QList<StorageNode> tablesOf(const QString &schema)
    {
        QString error;
        const QList<StorageNode> nodes =
            allChildren(*m_source, SqlCatalogSource::schemaId(schema), nullptr, &error);
        if (!error.isEmpty())
            qWarning("listing %s: %s", qPrintable(schema), qPrintable(error));
        return nodes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = postgresUrl();
        m_seedUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_SEED_URL");
        if (m_url.isEmpty() || m_seedUrl.isEmpty())
            QFAIL(seedUrlMissingMessage());
        m_admin = createPostgresConnection(m_seedUrl, /*readOnly*/ false);
        const SqlError open = m_admin->open();
        QVERIFY2(!open.isError(), qPrintable(open.message));
        admin(u"DROP SCHEMA IF EXISTS catalog_paging CASCADE; CREATE SCHEMA catalog_paging; "
              "DO $$ BEGIN FOR i IN 1..1200 LOOP "
              "EXECUTE format('CREATE TABLE catalog_paging.%I (id int)', 't' || lpad(i::text, 4, '0')); "
              "END LOOP; END $$"_s);
        admin(u"DROP SCHEMA IF EXISTS catalog_scratch CASCADE; CREATE SCHEMA catalog_scratch; "
              "CREATE TABLE catalog_scratch.long_values (id int PRIMARY KEY, body text); "
              "INSERT INTO catalog_scratch.long_values VALUES (1, repeat('x', 5000) || 'END'), (2, 'short'); "
              "CREATE TABLE catalog_scratch.huge_cell (id int PRIMARY KEY, body text, note text); "
              "INSERT INTO catalog_scratch.huge_cell VALUES (1, repeat('h', 20000000) || 'END', 'small'); "
              "CREATE TABLE catalog_scratch.nokey (a text, b int); "
              "INSERT INTO catalog_scratch.nokey SELECT 'r' || g, g FROM generate_series(1, 450) g; "
              "CREATE TABLE catalog_scratch.composite (a int, b text, v text, PRIMARY KEY (a, b)); "
              "INSERT INTO catalog_scratch.composite SELECT g % 7, 'k' || g, 'v' || g FROM "
              "generate_series(1, 450) g; "
              "CREATE TABLE catalog_scratch.never_analysed (id int); "
              "CREATE FUNCTION catalog_scratch.sleepy(int) RETURNS boolean LANGUAGE plpgsql VOLATILE AS "
              "$f$ BEGIN PERFORM pg_sleep(0.5); RETURN true; END $f$; "
              "CREATE VIEW catalog_scratch.slow AS SELECT g FROM generate_series(1, 120) g "
              "WHERE catalog_scratch.sleepy(g); "
              "CREATE VIEW catalog_scratch.numbers AS SELECT g FROM generate_series(1, 250) g"_s);
        admin(u"DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1; "
              "CREATE TABLE %1.%2 (id int PRIMARY KEY, \"col \"\"q\"\"\" text); "
              "INSERT INTO %1.%2 VALUES (1, 'odd row')"_s.arg(quoteIdentifier(OddSchema),
                                                              quoteIdentifier(OddTable)));
        admin(u"GRANT USAGE ON SCHEMA catalog_paging, catalog_scratch, %1 TO sightline; "
              "GRANT SELECT ON ALL TABLES IN SCHEMA catalog_paging, catalog_scratch, %1 TO sightline; "
              "ANALYZE catalog_scratch.nokey; ANALYZE catalog_scratch.composite; ANALYZE public.evaluations; "
              "ANALYZE public.events"_s.arg(quoteIdentifier(OddSchema)));
        SqlCatalogOptions options;
        options.applicationName = u"sightline-catalog-test"_s;
        options.timeoutMs = 60000; // the slow view must be stopped by stop(), not by the timeout
        m_source = SqlCatalogSource::createPostgres(m_url, options);
    }

    // First of all, while this process has not yet held anything big: the peak memory tells
    // whether the 20 MB cell came over the wire.
    void hugeCellIsCutOnTheServer()
    {
        const StoragePage rows =
            await(m_source->children(SqlCatalogSource::rowsId(Scratch, u"huge_cell"_s), {}));
        QCOMPARE(rows.nodes.size(), 1);
        const qint64 before = peakMemory();
        const StoragePreview cut = await(m_source->preview(rows.nodes[0].id, {}));
        const qint64 grown = peakMemory() - before;
        QVERIFY2(cut.error.isEmpty(), qPrintable(cut.error));
        QCOMPARE(cut.rows.size(), 3);
        QCOMPARE(cut.rows[1][0], u"body"_s);
        QCOMPARE(cut.rows[1][1].size(), 1000);
        QCOMPARE(cut.rows[2][1], u"small"_s);
        QVERIFY(cut.truncated);
        QVERIFY(!cut.replace);
        QCOMPARE(cut.continuation, u"all"_s);
        // Fetching the cell whole costs 20 MB in libpq plus 40 MB as a QString.
        QVERIFY2(grown < 8 * 1024 * 1024, qPrintable(u"peak memory grew by %1 bytes"_s.arg(grown)));
        const StoragePreview whole = await(m_source->preview(rows.nodes[0].id, cut.continuation));
        QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
        QVERIFY(whole.replace);
        QVERIFY(!whole.truncated);
        QCOMPARE(whole.rows[1][1].size(), 20000003);
        QVERIFY(whole.rows[1][1].endsWith(u"END"_s));
    }

    void summaryHasCountsSizesAndReadOnly()
    {
        const StorageSummary summary = await(m_source->summary());
        QVERIFY2(summary.reachable, qPrintable(summary.error));
        QVERIFY(summary.latencyMs >= 0);
        QCOMPARE(summary.itemNoun, u"tables"_s);
        QVERIFY2(summary.itemCount >= 1200 + 6, qPrintable(QString::number(summary.itemCount)));
        QVERIFY(summary.totalBytes > 1'000'000);
        bool readOnly = false, version = false;
        for (const auto &[label, value] : summary.details) {
            readOnly |= label == u"Read-only"_s && value.startsWith(u"yes"_s);
            version |= label == u"Server"_s && value.startsWith(u"PostgreSQL 1"_s);
        }
        QVERIFY(readOnly);
        QVERIFY(version);
    }

    void schemasExcludeSystemOnes()
    {
        const StoragePage page = await(m_source->children({}, {}));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        const QStringList all = names(page.nodes);
        QVERIFY2(all.contains(u"public"_s), qPrintable(all.join(u", "_s)));
        for (const QString &name : all)
            QVERIFY2(!name.startsWith(u"pg_"_s) && name != u"information_schema"_s, qPrintable(name));
        const StorageNode *pub = findNode(page.nodes, u"public"_s);
        QCOMPARE(pub->kind, StorageNode::Kind::Group);
        QVERIFY(pub->count >= 2);
        QVERIFY(pub->bytes > 1'000'000);
        QCOMPARE(findNode(page.nodes, Paging)->count, 1200);
    }

    void tablesHaveEstimatesAndSizes()
    {
        const QList<StorageNode> tables = tablesOf(u"public"_s);
        const StorageNode *evaluations = findNode(tables, u"evaluations"_s);
        QVERIFY(evaluations);
        QVERIFY(evaluations->countEstimated);
        QVERIFY2(evaluations->count > 1000, qPrintable(QString::number(evaluations->count)));
        QVERIFY(evaluations->bytes > 1'000'000); // with TOAST and indexes
        QVERIFY(evaluations->previewable);
        QCOMPARE(evaluations->typeLabel, u"table"_s);
        const QList<StorageNode> scratch = tablesOf(Scratch);
        QCOMPARE(findNode(scratch, u"never_analysed"_s)->count, -1);
        QCOMPARE(findNode(scratch, u"nokey"_s)->count, 450);
        QCOMPARE(findNode(scratch, u"slow"_s)->typeLabel, u"view"_s);
        QCOMPARE(findNode(scratch, u"slow"_s)->bytes, -1);
    }

    void tablesArePagedByName()
    {
        const StoragePage first = await(m_source->children(SqlCatalogSource::schemaId(Paging), {}));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.nodes.size(), 1000);
        QVERIFY(!first.continuation.isEmpty());
        QCOMPARE(first.nodes.constLast().name, u"t1000"_s);
        const StoragePage second =
            await(m_source->children(SqlCatalogSource::schemaId(Paging), first.continuation));
        QCOMPARE(second.nodes.size(), 200);
        QVERIFY(second.continuation.isEmpty());
        QCOMPARE(second.nodes.constFirst().name, u"t1001"_s);
        QCOMPARE(second.nodes.constLast().name, u"t1200"_s);
    }

    void columnsShowTypeNullabilityAndDefault()
    {
        const StoragePage groups =
            await(m_source->children(SqlCatalogSource::tableId(u"public"_s, u"events"_s), {}));
        QCOMPARE(names(groups.nodes), (QStringList{u"Columns"_s, u"Rows"_s}));
        const StoragePage columns = await(m_source->children(groups.nodes[0].id, {}));
        QVERIFY2(columns.error.isEmpty(), qPrintable(columns.error));
        const StorageNode *id = findNode(columns.nodes, u"id"_s);
        QVERIFY(id);
        QCOMPARE(id->typeLabel, u"bigint"_s);
        QVERIFY2(id->detail.contains(u"primary key"_s) && id->detail.contains(u"not null"_s) &&
                     id->detail.contains(u"default nextval"_s),
                 qPrintable(id->detail));
        QVERIFY(findNode(columns.nodes, u"evaluation_id"_s)->detail.contains(u"nullable"_s));
        QCOMPARE(findNode(columns.nodes, u"data"_s)->typeLabel, u"jsonb"_s);
    }

    void rowsArePagedByPrimaryKeyWithEvaluationIds()
    {
        const QString rows = SqlCatalogSource::rowsId(u"public"_s, u"evaluations"_s);
        const StoragePage first = await(m_source->children(rows, {}));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.nodes.size(), 200);
        QVERIFY(!first.continuation.isEmpty());
        for (const StorageNode &node : first.nodes) {
            QCOMPARE(node.evaluationId, node.name); // named by its key, the evaluation id
            QVERIFY(node.previewable);
        }
        const StoragePage second = await(m_source->children(rows, first.continuation));
        QCOMPARE(second.nodes.size(), 200);
        QVERIFY(second.nodes.constFirst().name > first.nodes.constLast().name);
        const StoragePage events =
            await(m_source->children(SqlCatalogSource::rowsId(u"public"_s, u"events"_s), {}));
        int withEvaluation = 0;
        for (const StorageNode &node : events.nodes)
            withEvaluation += node.evaluationId.isEmpty() ? 0 : 1;
        QVERIFY2(withEvaluation > 100, qPrintable(QString::number(withEvaluation)));
    }

    void rowsArePagedWithoutPrimaryKey_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("firstName");
        QTest::newRow("ctid") << u"nokey"_s << u"r1, 1"_s;
        QTest::newRow("composite key") << u"composite"_s << u"0, k105"_s; // text order: k105 < k112 < … < k14
        QTest::newRow("view by position") << u"numbers"_s << u"1"_s;
    }

    void rowsArePagedWithoutPrimaryKey()
    {
        QFETCH(QString, table);
        QFETCH(QString, firstName);
        int pages = 0;
        QString error;
        const QList<StorageNode> rows =
            allChildren(*m_source, SqlCatalogSource::rowsId(Scratch, table), &pages, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pages, table == u"numbers"_s ? 2 : 3);
        QCOMPARE(rows.size(), table == u"numbers"_s ? 250 : 450);
        QCOMPARE(rows.constFirst().name, firstName);
        QSet<QString> ids;
        for (const StorageNode &node : rows)
            ids.insert(node.id);
        QCOMPARE(ids.size(), rows.size()); // no row twice across pages
        const StoragePreview last = await(m_source->preview(rows.constLast().id, {}));
        QVERIFY2(last.error.isEmpty(), qPrintable(last.error));
        QVERIFY(!last.rows.isEmpty());
    }

    void longValueIsCutThenLoadedWhole()
    {
        const StoragePage rows =
            await(m_source->children(SqlCatalogSource::rowsId(Scratch, u"long_values"_s), {}));
        QCOMPARE(rows.nodes.size(), 2);
        const StoragePreview cut = await(m_source->preview(rows.nodes[0].id, {}));
        QVERIFY2(cut.error.isEmpty(), qPrintable(cut.error));
        QCOMPARE(cut.columns, (QStringList{u"Column"_s, u"Value"_s}));
        QCOMPARE(cut.rows.size(), 2);
        QCOMPARE(cut.rows[1][0], u"body"_s);
        QCOMPARE(cut.rows[1][1].size(), 1000);
        QVERIFY(cut.truncated);
        QVERIFY(!cut.continuation.isEmpty());
        const StoragePreview whole = await(m_source->preview(rows.nodes[0].id, cut.continuation));
        QVERIFY(!whole.truncated);
        QVERIFY(whole.replace); // the same row again: it replaces the cut one, not adds to it
        QCOMPARE(whole.rows.size(), 2);
        QCOMPARE(whole.rows[1][1].size(), 5003);
        QVERIFY(whole.rows[1][1].endsWith(u"END"_s));
        const StoragePreview shortRow = await(m_source->preview(rows.nodes[1].id, {}));
        QVERIFY(!shortRow.truncated);
        QCOMPARE(shortRow.rows[1][1], u"short"_s);
    }

    void tablePreviewCountsOnlyOnRequest()
    {
        const SqlResult expected = m_admin->exec(u"SELECT count(*) FROM public.evaluations"_s);
        QVERIFY(expected.ok());
        const QString id = SqlCatalogSource::tableId(u"public"_s, u"evaluations"_s);
        const StoragePreview facts = await(m_source->preview(id, {}));
        QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
        QCOMPARE(facts.totalSize, -1);
        QCOMPARE(facts.continuation, u"count"_s);
        QVERIFY(facts.truncated);
        QVERIFY2(factValue(facts, u"Exact rows"_s).contains(u"Load more"_s),
                 qPrintable(factValue(facts, u"Exact rows"_s)));
        QVERIFY(!factValue(facts, u"Estimated rows"_s).isEmpty());
        QCOMPARE(factValue(facts, u"Columns"_s).toInt() > 0, true);
        const StoragePreview counted = await(m_source->preview(id, facts.continuation));
        QVERIFY2(counted.error.isEmpty(), qPrintable(counted.error));
        QVERIFY(counted.replace);
        QVERIFY(!counted.truncated);
        QVERIFY(counted.continuation.isEmpty());
        QCOMPARE(counted.rows.size(), facts.rows.size()); // the whole facts again, with the count
        // The count is one of the facts; totalSize still counts the preview's own rows.
        QCOMPARE(factValue(counted, u"Exact rows"_s),
                 formatCount(expected.rows[0][0].toString().toLongLong()));
        QCOMPARE(counted.totalSize, -1);
    }

    void selectingASlowTableDoesNotScanIt()
    {
        // Counting the slow view takes 60 s of pg_sleep: the facts must come without it.
        QElapsedTimer clock;
        clock.start();
        const StoragePreview facts =
            await(m_source->preview(SqlCatalogSource::tableId(Scratch, u"slow"_s), {}));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
        QCOMPARE(facts.continuation, u"count"_s);
    }

    void stopCancelsLongCount()
    {
        QFuture<StoragePreview> count =
            m_source->preview(SqlCatalogSource::tableId(Scratch, u"slow"_s), u"count"_s);
        QTest::qWait(700); // the count is running on the server now (60 s of pg_sleep)
        QVERIFY(!count.isFinished());
        QElapsedTimer clock;
        clock.start();
        m_source->stop();
        const StoragePreview stopped = await(count);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(stopped.cancelled);
        // The source works again after a stop.
        const StorageSummary after = await(m_source->summary());
        QVERIFY2(after.reachable, qPrintable(after.error));
    }

    void oddNamesWork()
    {
        const StoragePage schemas = await(m_source->children({}, {}));
        QVERIFY(findNode(schemas.nodes, OddSchema));
        const QList<StorageNode> tables = tablesOf(OddSchema);
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables[0].name, u"tab\"le\\x0anew ✓ \\\\x"_s); // escaped for display, newline visible
        const StoragePage groups = await(m_source->children(tables[0].id, {}));
        QVERIFY2(groups.error.isEmpty(), qPrintable(groups.error));
        const StoragePage columns = await(m_source->children(groups.nodes[0].id, {}));
        QCOMPARE(names(columns.nodes), (QStringList{u"id"_s, u"col \"q\""_s}));
        const StoragePage rows = await(m_source->children(groups.nodes[1].id, {}));
        QCOMPARE(rows.nodes.size(), 1);
        const StoragePreview row = await(m_source->preview(rows.nodes[0].id, {}));
        QCOMPARE(row.rows.value(1).value(1), u"odd row"_s);
        const StoragePreview facts = await(m_source->preview(tables[0].id, {}));
        QCOMPARE(factValue(await(m_source->preview(tables[0].id, facts.continuation)), u"Exact rows"_s),
                 u"1"_s);
    }

    void reconnectsAfterTheServerDropsTheSession()
    {
        QVERIFY(await(m_source->summary()).reachable);
        admin(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
              "WHERE application_name = 'sightline-catalog-test'"_s);
        const StoragePage page = await(m_source->children({}, {}));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY(findNode(page.nodes, u"public"_s));
    }

    void badNodeIdIsAnError()
    {
        const StoragePage page = await(m_source->children(u"[\"nonsense\"]"_s, {}));
        QVERIFY(page.error.contains(u"not a node"_s));
        const StoragePreview preview = await(m_source->preview(SqlCatalogSource::schemaId(u"public"_s), {}));
        QVERIFY(!preview.error.isEmpty());
        const StoragePage gone =
            await(m_source->children(SqlCatalogSource::tableId(Scratch, u"no_such"_s), {}));
        QVERIFY2(gone.error.contains(u"no longer exists"_s), qPrintable(gone.error));
    }

    void connectTimeoutIsTheSourcesTimeout()
    {
        BadServer server(BadServer::Mode::Silent);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SqlCatalogOptions options;
        options.timeoutMs = 1000;
        auto source = SqlCatalogSource::createPostgres(
            u"postgresql://sightline@127.0.0.1:%1/db"_s.arg(server.serverPort()), options);
        QElapsedTimer clock;
        clock.start();
        QFuture<StorageSummary> future = source->summary();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        const qint64 elapsed = clock.elapsed();
        const StorageSummary summary = future.result();
        QVERIFY(!summary.reachable);
        QVERIFY2(summary.error.contains(u"timeout"_s), qPrintable(summary.error));
        QVERIFY2(elapsed >= 900 && elapsed < 2500, qPrintable(QString::number(elapsed)));
    }

    void stopEndsAConnectInProgress()
    {
        BadServer server(BadServer::Mode::Silent);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SqlCatalogOptions options;
        options.timeoutMs = 30000;
        auto source = SqlCatalogSource::createPostgres(
            u"postgresql://sightline@127.0.0.1:%1/db"_s.arg(server.serverPort()), options);
        QFuture<StoragePage> page = source->children({}, {});
        QTest::qWait(300); // connected at TCP level, waiting for an answer that never comes
        QVERIFY(!page.isFinished());
        QElapsedTimer clock;
        clock.start();
        source->stop();
        QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), 5000);
        QVERIFY2(clock.elapsed() < 300, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(page.result().cancelled);
        QVERIFY(page.result().error.isEmpty());
    }

    void unreachableServerGivesClearError_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing listening") << -1 << u"refused"_s;
        QTest::newRow("hangs up") << int(BadServer::Mode::HangUp) << u"closed the connection"_s;
        QTest::newRow("speaks HTTP") << int(BadServer::Mode::Garbage) << u"received"_s;
        QTest::newRow("never answers") << int(BadServer::Mode::Silent) << u"timeout"_s;
    }

    void unreachableServerGivesClearError()
    {
        QFETCH(int, mode);
        QFETCH(QString, expected);
        BadServer server(BadServer::Mode(std::max(mode, 0)));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        if (mode < 0)
            server.close();
        auto source = SqlCatalogSource::createPostgres(u"postgresql://sightline@127.0.0.1:%1/db"_s.arg(port));
        QElapsedTimer clock;
        clock.start();
        QFuture<StorageSummary> future = source->summary();
        // The bad server lives on this thread: keep its event loop turning while we wait.
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        const StorageSummary summary = future.result();
        QVERIFY(!summary.reachable);
        QVERIFY2(summary.error.contains(expected, Qt::CaseInsensitive), qPrintable(summary.error));
        QVERIFY(clock.elapsed() < 15000);
        QFuture<StoragePage> page = source->children({}, {});
        QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), 20000);
        QVERIFY(!page.result().error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSqlCatalogSource)
#include "tst_sqlcatalogsource.moc"
