// SqlCatalogSource on a SQLite file: the seeded demo tables plus a WITHOUT ROWID table, a view
// and a table whose name is not valid UTF-8.

#include "core/displayname.h"
#include "core/format.h"
#include "sqlcatalogtestsupport.h"
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Sightline;
using namespace Sightline::TestSupport;

namespace {
const QByteArray BadName("bad\xff\xfename");
}

class TestSqlCatalogSqlite : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SqlCatalogSource> m_source;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_path = seedSqlite(m_dir, 500, 42, &error);
        QVERIFY2(!m_path.isEmpty(), qPrintable(error));
        auto writer = createSqliteConnection(m_path, SqliteMode::ReadWrite);
        QVERIFY(!writer->open().isError());
        const SqlResult extra =
            writer->exec(u"CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID; "
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450) "
                         "INSERT INTO kv SELECT printf('key%03d', i), randomblob(8) FROM n; "
                         "CREATE TABLE long_values (body TEXT); INSERT INTO long_values VALUES "
                         "(printf('%.*c', 4000, 'y')); "
                         "CREATE VIEW recent AS SELECT id, status FROM evaluations; ANALYZE"_s);
        QVERIFY2(extra.ok(), qPrintable(extra.error.message));
        writer->close();
        // A name that is not UTF-8 can only be made through the C API: QString cannot hold it.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &db), SQLITE_OK);
        const QByteArray create =
            "CREATE TABLE \"" + BadName + "\" (x INTEGER); INSERT INTO \"" + BadName + "\" VALUES (1)";
        char *message = nullptr;
        const int rc = sqlite3_exec(db, create.constData(), nullptr, nullptr, &message);
        QVERIFY2(rc == SQLITE_OK, message);
        sqlite3_close(db);
        m_source = SqlCatalogSource::createSqlite(m_path);
    }

    void summary()
    {
        const StorageSummary summary = await(m_source->summary());
        QVERIFY2(summary.reachable, qPrintable(summary.error));
        QCOMPARE(summary.itemCount, 5); // evaluations, events, kv, long_values, the bad name
        QVERIFY(summary.totalBytes > 100'000);
        QVERIFY(!summary.details.isEmpty());
        QCOMPARE(summary.details.constFirst().second.left(7), u"SQLite "_s);
    }

    void schemasTablesSizesAndEstimates()
    {
        const StoragePage schemas = await(m_source->children({}, {}));
        QCOMPARE(names(schemas.nodes), QStringList{u"main"_s});
        QCOMPARE(schemas.nodes[0].count, 6); // five tables and a view
        const StoragePage tables = await(m_source->children(schemas.nodes[0].id, {}));
        QVERIFY2(tables.error.isEmpty(), qPrintable(tables.error));
        QCOMPARE(tables.nodes.size(), 6);
        const StorageNode *evaluations = findNode(tables.nodes, u"evaluations"_s);
        QVERIFY(evaluations);
        QCOMPARE(evaluations->count, 500); // sqlite_stat1 after ANALYZE
        QVERIFY(evaluations->countEstimated);
        QVERIFY2(evaluations->bytes > 10'000, qPrintable(QString::number(evaluations->bytes))); // dbstat
        QCOMPARE(findNode(tables.nodes, u"recent"_s)->typeLabel, u"view"_s);
        QVERIFY2(findNode(tables.nodes, escapeForDisplay(BadName)),
                 qPrintable(names(tables.nodes).join(u" | "_s)));
    }

    void rowsPagedWithEvaluationIds()
    {
        int pages = 0;
        const QList<StorageNode> rows =
            allChildren(*m_source, SqlCatalogSource::rowsId(u"main"_s, u"evaluations"_s), &pages);
        QCOMPARE(pages, 3);
        QCOMPARE(rows.size(), 500);
        for (const StorageNode &row : rows)
            QVERIFY(!row.evaluationId.isEmpty() && row.evaluationId == row.name);
        const QList<StorageNode> events =
            allChildren(*m_source, SqlCatalogSource::rowsId(u"main"_s, u"events"_s));
        QVERIFY(std::any_of(events.cbegin(), events.cend(),
                            [](const StorageNode &n) { return !n.evaluationId.isEmpty(); }));
        const StoragePreview preview = await(m_source->preview(rows.constLast().id, {}));
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(preview.rows[0][0], u"id"_s);
        QCOMPARE(preview.rows[0][1], rows.constLast().evaluationId);
    }

    void withoutRowidAndViewPaging()
    {
        int pages = 0;
        const QList<StorageNode> kv =
            allChildren(*m_source, SqlCatalogSource::rowsId(u"main"_s, u"kv"_s), &pages);
        QCOMPARE(pages, 3);
        QCOMPARE(kv.size(), 450);
        QCOMPARE(kv.constFirst().name, u"key001"_s);
        QVERIFY(kv[0].detail.startsWith(u"x'"_s)); // a blob shown as hex
        const StoragePreview blob = await(m_source->preview(kv.constLast().id, {}));
        QCOMPARE(blob.rows.value(0).value(1), u"key450"_s);
        const QList<StorageNode> view =
            allChildren(*m_source, SqlCatalogSource::rowsId(u"main"_s, u"recent"_s), &pages);
        QCOMPARE(view.size(), 500);
        QVERIFY(await(m_source->preview(view.constLast().id, {})).error.isEmpty());
    }

    void longValueAndExactCount()
    {
        const StoragePage rows =
            await(m_source->children(SqlCatalogSource::rowsId(u"main"_s, u"long_values"_s), {}));
        QCOMPARE(rows.nodes.size(), 1);
        const StoragePreview cut = await(m_source->preview(rows.nodes[0].id, {}));
        QVERIFY(cut.truncated);
        QCOMPARE(cut.rows[0][1].size(), 1000);
        const StoragePreview whole = await(m_source->preview(rows.nodes[0].id, cut.continuation));
        QCOMPARE(whole.rows[0][1].size(), 4000);
        QVERIFY(whole.replace);
        const QString events = SqlCatalogSource::tableId(u"main"_s, u"events"_s);
        const StoragePreview facts = await(m_source->preview(events, {}));
        QCOMPARE(facts.totalSize, -1); // not counted until asked
        QCOMPARE(facts.continuation, u"count"_s);
        const StoragePreview counted = await(m_source->preview(events, facts.continuation));
        QVERIFY(counted.replace);
        auto db = createSqliteConnection(m_path);
        QVERIFY(!db->open().isError());
        QCOMPARE(factValue(counted, u"Exact rows"_s),
                 formatCount(db->exec(u"SELECT count(*) FROM events"_s).rows[0][0].toLongLong()));
    }

    void longValuesAreCutInSqlKeepingShortOnesAsTheyAre()
    {
        auto writer = createSqliteConnection(m_path, SqliteMode::ReadWrite);
        QVERIFY(!writer->open().isError());
        const SqlResult made = writer->exec(
            u"CREATE TABLE mixed (n INTEGER, r REAL, small BLOB, big BLOB, t TEXT); "
            "INSERT INTO mixed VALUES (7, 0.5, x'00ff', zeroblob(3000000), printf('%.*c', 2000000, 'z'))"_s);
        QVERIFY2(made.ok(), qPrintable(made.error.message));
        writer->close();
        const StoragePage rows =
            await(m_source->children(SqlCatalogSource::rowsId(u"main"_s, u"mixed"_s), {}));
        QCOMPARE(rows.nodes.size(), 1);
        const StoragePreview cut = await(m_source->preview(rows.nodes[0].id, {}));
        QVERIFY2(cut.error.isEmpty(), qPrintable(cut.error));
        QCOMPARE(cut.rows.size(), 5);
        QCOMPARE(cut.rows[0][1], u"7"_s);
        QCOMPARE(cut.rows[1][1], u"0.5"_s);
        QCOMPARE(cut.rows[2][1], u"x'00ff'"_s);
        QCOMPARE(cut.rows[3][1].size(), 1000);
        QVERIFY(cut.rows[3][1].startsWith(u"x'0000"_s));
        QCOMPARE(cut.rows[4][1].size(), 1000);
        QVERIFY(cut.truncated);
        const StoragePreview whole = await(m_source->preview(rows.nodes[0].id, cut.continuation));
        QVERIFY(whole.replace);
        QCOMPARE(whole.rows[3][1].size(), 3 + 2 * 3000000);
        QCOMPARE(whole.rows[4][1].size(), 2000000);
    }

    void invalidUtf8NameListsWithColumnsAndAClearError()
    {
        const QString id = SqlCatalogSource::tableId(u"main"_s, escapeForDisplay(BadName));
        const StoragePage groups = await(m_source->children(id, {}));
        QVERIFY2(groups.error.isEmpty(), qPrintable(groups.error));
        const StoragePage columns = await(m_source->children(groups.nodes[0].id, {}));
        QCOMPARE(names(columns.nodes), QStringList{u"x"_s});
        const StoragePage rows = await(m_source->children(groups.nodes[1].id, {}));
        QVERIFY2(rows.error.contains(u"not valid UTF-8"_s), qPrintable(rows.error));
    }

    void missingOrForeignFileIsAnError()
    {
        auto missing = SqlCatalogSource::createSqlite(m_dir.filePath(u"nope.sqlite"_s));
        const StorageSummary summary = await(missing->summary());
        QVERIFY(!summary.reachable);
        QVERIFY2(summary.error.contains(u"nope.sqlite"_s), qPrintable(summary.error));
        QFile junk(m_dir.filePath(u"junk.sqlite"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'j'));
        junk.close();
        auto foreign = SqlCatalogSource::createSqlite(junk.fileName());
        const StoragePage page = await(foreign->children({}, {}));
        QVERIFY2(page.error.contains(u"not a SQLite database"_s), qPrintable(page.error));
    }
};

QTEST_GUILESS_MAIN(TestSqlCatalogSqlite)
#include "tst_sqlcatalogsqlite.moc"
