// Read-only proof from the server's own view: PostgreSQL logs every data-modifying and DDL
// statement (log_statement = 'mod', set by scripts/lib/postgres.sh) with the session's
// application_name. A whole exploration through SqlCatalogSource leaves no such line, while a
// deliberate write on another session does: so the check can fail.

#include "sqlcatalogtestsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;
using namespace Sightline::TestSupport;

namespace {

// Statement lines that log_statement wrote for one application: "LOG:  statement: …" (simple
// protocol) and "LOG:  execute <unnamed>: …" (parameters bound). Errors are not writes: a view
// that times out logs an ERROR line, which is allowed.
QStringList statementLines(const QString &path, qint64 offset, const QString &application)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"cannot read %1: %2"_s.arg(path, file.errorString())};
    file.seek(offset);
    QStringList lines;
    const QString tag = u"app="_s + application + u' ';
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.contains(tag) &&
            (text.contains(u"LOG:  statement: "_s) || text.contains(u"LOG:  execute "_s)))
            lines.append(text);
    }
    return lines;
}

} // namespace

class TestSqlCatalogReadOnly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explorationWritesNothingButAWriteIsSeen()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
        const QString seedUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_SEED_URL");
        const QString logPath = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_LOG");
        if (url.isEmpty() || seedUrl.isEmpty())
            QFAIL(seedUrlMissingMessage());
        if (logPath.isEmpty())
            QFAIL("SIGHTLINE_TEST_POSTGRES_LOG is not set: run the tests through scripts/test, whose "
                  "scripts/lib/postgres.sh logs every write statement to it");
        const qint64 start = QFile(logPath).size();
        const QString pid = QString::number(QCoreApplication::applicationPid());
        const QString explorer = u"sightline-ro-proof-"_s + pid;

        // 1. A whole exploration, as role sightline.
        SqlCatalogOptions options;
        options.applicationName = explorer;
        options.timeoutMs = 3000; // a slow view (the catalog test's pg_sleep one) fails fast instead
        auto source = SqlCatalogSource::createPostgres(url, options);
        const StorageSummary summary = await(source->summary());
        QVERIFY2(summary.reachable, qPrintable(summary.error));
        int tables = 0, rowPreviews = 0, counts = 0;
        const QList<StorageNode> schemas = await(source->children({}, {})).nodes;
        QVERIFY(!schemas.isEmpty());
        for (const StorageNode &schema : schemas) {
            QString error;
            const QList<StorageNode> relations = allChildren(*source, schema.id, nullptr, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (const StorageNode &table : relations) {
                ++tables;
                const StoragePage groups = await(source->children(table.id, {}));
                QVERIFY2(groups.error.isEmpty(), qPrintable(groups.error));
                QCOMPARE(groups.nodes.size(), 2);
                const StoragePage columns = await(source->children(groups.nodes[0].id, {}));
                QVERIFY2(columns.error.isEmpty(), qPrintable(columns.error));
                const StoragePage rows = await(source->children(groups.nodes[1].id, {}));
                // A view may call something slow or forbidden: a failure is fine, a write is not.
                if (!rows.nodes.isEmpty() && rowPreviews < 20) {
                    ++rowPreviews;
                    QVERIFY(await(source->preview(rows.nodes[0].id, {})).error.isEmpty());
                }
                if (table.name == u"evaluations"_s || table.name == u"events"_s) {
                    ++counts;
                    const StoragePreview facts = await(source->preview(table.id, {}));
                    QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
                    const StoragePreview counted = await(source->preview(table.id, facts.continuation));
                    QVERIFY2(counted.error.isEmpty(), qPrintable(counted.error));
                    QVERIFY2(!factValue(counted, u"Exact rows"_s).startsWith(u"not counted"_s),
                             qPrintable(factValue(counted, u"Exact rows"_s)));
                }
            }
        }
        QVERIFY(tables >= 2);
        QVERIFY(rowPreviews >= 1);
        QCOMPARE(counts, 2);

        // 2. A write through a read-only session is refused by the server, even for a superuser.
        auto readOnly = createPostgresConnection(seedUrl, /*readOnly*/ true);
        QVERIFY(!readOnly->open().isError());
        const SqlResult refused = readOnly->exec(u"CREATE TABLE ro_proof_refused (id int)"_s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.message.contains(u"cannot execute CREATE TABLE in a read-only transaction"_s),
                 qPrintable(refused.error.message));
        readOnly.reset();

        // 3. A deliberate write on a separate superuser session, to a scratch table: it must show.
        const QString writer = u"sightline-ro-proof-writer-"_s + pid;
        const QString marker = u"ro_proof_marker_"_s + pid;
        auto superuser = createPostgresConnection(seedUrl, /*readOnly*/ false);
        QVERIFY(!superuser->open().isError());
        QVERIFY(superuser->exec(u"SELECT set_config('application_name', $1, false)"_s, {writer}).ok());
        const SqlResult write = superuser->exec(
            u"CREATE TABLE IF NOT EXISTS ro_proof_scratch (note text); INSERT INTO ro_proof_scratch VALUES ('%1')"_s
                .arg(marker));
        QVERIFY2(write.ok(), qPrintable(write.error.message));
        QTRY_VERIFY2_WITH_TIMEOUT(statementLines(logPath, start, writer).join(u'\n').contains(marker),
                                  "the server log did not record the deliberate write: is log_statement = "
                                  "'mod' set (scripts/lib/postgres.sh)?",
                                  10000);

        // 4. Nothing the explorer's session ran was a write.
        const QStringList explorerLines = statementLines(logPath, start, explorer);
        QVERIFY2(explorerLines.isEmpty(), qPrintable(explorerLines.mid(0, 10).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSqlCatalogReadOnly)
#include "tst_sqlcatalogreadonly.moc"
