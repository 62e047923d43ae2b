// The browser's queries against real databases: a SQLite file seeded here and the PostgreSQL
// server that scripts/test starts and seeds with 100,000 evaluations. Every page the reader
// returns is compared with the same rows read by a plain ORDER BY … LIMIT … OFFSET query.

#include "core/timestamp.h"
#include "sources/evaluationreader.h"
#include "sources/evaluationsql.h"
#include "storetestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestEvaluationReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesMatchReferenceOrder_data();
    void pagesMatchReferenceOrder();
    void filtersMatchReference_data();
    void filtersMatchReference();
    void detailAndEvents_data();
    void detailAndEvents();
    void unknownEvaluationIsNotAnError();
    void scrollingUsesKeysNotOffsets();
    void missingTableIsAClearError();

private:
    SqlConnection *connectionFor(const QString &backend);
    QStringList referenceIds(SqlConnection &conn, const EvaluationSort &sort, const QString &where,
                             const QVariantList &params, qint64 offset, int limit);
    qint64 referenceCount(SqlConnection &conn, const QString &where, const QVariantList &params);

    QTemporaryDir m_dir;
    std::unique_ptr<SqlConnection> m_sqlite;
    std::unique_ptr<SqlConnection> m_postgres;
};

void TestEvaluationReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const QString path = TestSupport::seedSqlite(m_dir, 6000, 7, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    m_sqlite = createSqliteConnection(path, SqliteMode::ReadOnly);
    const SqlError sqliteOpen = m_sqlite->open();
    QVERIFY2(!sqliteOpen.isError(), qPrintable(sqliteOpen.message));

    const QString url = TestSupport::postgresUrl();
    if (url.isEmpty())
        QFAIL(TestSupport::postgresMissingMessage());
    m_postgres = createPostgresConnection(url, true);
    const SqlError pgOpen = m_postgres->open();
    QVERIFY2(!pgOpen.isError(), qPrintable(pgOpen.message));
    const SqlResult count = m_postgres->exec(u"SELECT count(*) FROM evaluations"_s, {});
    QVERIFY2(count.ok(), qPrintable(count.error.message));
    QVERIFY2(sqlToInt64(count.rows.value(0).value(0)).value_or(0) >= 100000,
             "the test database should hold at least 100,000 evaluations");
}

SqlConnection *TestEvaluationReader::connectionFor(const QString &backend)
{
    return backend == u"postgres"_s ? m_postgres.get() : m_sqlite.get();
}

QStringList TestEvaluationReader::referenceIds(SqlConnection &conn, const EvaluationSort &sort,
                                               const QString &where, const QVariantList &params,
                                               qint64 offset, int limit)
{
    const QString key = evaluationSortSql(sort.column, conn.dialect(), {});
    // The reader's documented order: non-NULL keys by (key, id), then NULL keys by id; descending
    // is the exact reverse.
    const QString order = sort.order == Qt::AscendingOrder ? key + u" ASC NULLS LAST, id ASC"_s
                                                           : key + u" DESC NULLS FIRST, id DESC"_s;
    const SqlResult r =
        conn.exec(u"SELECT id FROM evaluations"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where) +
                      u" ORDER BY "_s + order + u" LIMIT "_s + QString::number(limit) + u" OFFSET "_s +
                      QString::number(offset),
                  params);
    if (!r.ok())
        qWarning() << r.error.message;
    QStringList ids;
    for (const QVariantList &row : r.rows)
        ids.append(row.value(0).toString());
    return ids;
}

qint64 TestEvaluationReader::referenceCount(SqlConnection &conn, const QString &where,
                                            const QVariantList &params)
{
    const SqlResult r = conn.exec(
        u"SELECT count(*) FROM evaluations"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where), params);
    return r.ok() ? sqlToInt64(r.rows.value(0).value(0)).value_or(-1) : -1;
}

static QStringList idsOf(const QList<EvaluationRow> &rows)
{
    QStringList ids;
    for (const EvaluationRow &row : rows)
        ids.append(row.id);
    return ids;
}

void TestEvaluationReader::pagesMatchReferenceOrder_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (int column = 0; column < EvaluationColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QString name = backend + u'/' + columnTitle(EvaluationColumn(column)) +
                                     (order == Qt::AscendingOrder ? u"/asc"_s : u"/desc"_s);
                QTest::newRow(qPrintable(name)) << backend << column << order;
            }
        }
    }
}

void TestEvaluationReader::pagesMatchReferenceOrder()
{
    QFETCH(QString, backend);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    SqlConnection &conn = *connectionFor(backend);
    EvaluationReader reader(conn, {});
    const EvaluationSort sort{EvaluationColumn(column), order};
    reader.setQuery({}, sort);

    // The first page comes before the count, as in the browser.
    const RowsResult first = reader.rows(0, 200, std::nullopt);
    QVERIFY2(!first.error.isError(), qPrintable(first.error.message));
    QCOMPARE(idsOf(first.rows), referenceIds(conn, sort, {}, {}, 0, 200));

    const CountsResult counts = reader.counts();
    QVERIFY2(!counts.error.isError(), qPrintable(counts.error.message));
    QCOMPARE(counts.counts.total, referenceCount(conn, {}, {}));
    const qint64 total = counts.counts.total;

    // A jump to the middle, the page after it, the page before it, the last page, and a page
    // that straddles the boundary between non-NULL and NULL keys.
    QList<qint64> starts{total / 2, total / 2 + 200, total / 2 - 200, total - 200, total / 3 + 17};
    const qint64 boundary =
        order == Qt::AscendingOrder ? counts.counts.sortKeyNonNull : total - counts.counts.sortKeyNonNull;
    if (boundary > 100 && boundary < total - 100)
        starts.append(boundary - 100);
    for (const qint64 start : starts) {
        const RowsResult page = reader.rows(start, 200, counts.counts);
        QVERIFY2(!page.error.isError(), qPrintable(page.error.message));
        QCOMPARE(idsOf(page.rows), referenceIds(conn, sort, {}, {}, start, 200));
    }
    // Past the end: nothing, and no error.
    const RowsResult beyond = reader.rows(total, 200, counts.counts);
    QVERIFY(!beyond.error.isError());
    QVERIFY(beyond.rows.isEmpty());
}

void TestEvaluationReader::filtersMatchReference_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<int>("lastDays");
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        auto row = [&](const char *name) {
            return &QTest::newRow(qPrintable(backend + u'/' + QLatin1StringView(name)));
        };
        *row("submitter") << backend << u"ada"_s << QStringList() << 0;
        *row("upper case") << backend << u"ADA"_s << QStringList() << 0;
        *row("batch prefix") << backend << u"batch-"_s << QStringList() << 0;
        *row("percent is literal") << backend << u"%"_s << QStringList() << 0;
        *row("underscore is literal") << backend << u"_"_s << QStringList() << 0;
        *row("quote") << backend << u"o'brien\""_s << QStringList() << 0;
        *row("backslash") << backend << u"\\"_s << QStringList() << 0;
        *row("statuses") << backend << QString() << QStringList{u"failed"_s, u"timeout"_s} << 0;
        *row("last 3 days") << backend << QString() << QStringList() << 3;
        *row("all filters") << backend << u"e"_s << QStringList{u"completed"_s} << 7;
    }
}

void TestEvaluationReader::filtersMatchReference()
{
    QFETCH(QString, backend);
    QFETCH(QString, search);
    QFETCH(QStringList, statuses);
    QFETCH(int, lastDays);
    SqlConnection &conn = *connectionFor(backend);

    EvaluationFilter filter;
    filter.search = search;
    for (const QString &s : statuses)
        filter.statuses.append(statusFromName(s));
    // Anchor "last N days" at the newest evaluation, so the test does not depend on today.
    const SqlResult newest = conn.exec(u"SELECT max(created_at) FROM evaluations"_s, {});
    QVERIFY(newest.ok());
    const qint64 newestMs = sqlToTimestamp(newest.rows.value(0).value(0)).value_or(0);
    if (lastDays > 0)
        filter.createdFrom = newestMs - qint64(lastDays) * 86'400'000;

    // The reference: the same conditions, written independently (no LIKE, so no escaping).
    QStringList where;
    QVariantList params;
    auto next = [&](const QVariant &v) {
        params.append(v);
        return conn.placeholder(int(params.size()));
    };
    if (!search.isEmpty()) {
        const QString p = next(search.toLower());
        const QString find = conn.dialect() == SqlDialect::PostgreSQL ? u"strpos"_s : u"instr"_s;
        where.append(
            u"(%1(lower(id), %2) > 0 OR coalesce(%1(lower(submitted_by), %2), 0) > 0 OR coalesce(%1(lower(batch_id), %2), 0) > 0)"_s
                .arg(find, p));
    }
    if (!statuses.isEmpty()) {
        QStringList in;
        for (const QString &s : statuses)
            in.append(next(s));
        where.append(u"status IN ("_s + in.join(u',') + u')');
    }
    if (filter.createdFrom)
        where.append(u"created_at >= "_s + next(formatTimestampUtc(*filter.createdFrom)));
    const QString whereSql = where.join(u" AND "_s);

    EvaluationReader reader(conn, {});
    const EvaluationSort sort{EvaluationColumn::Duration, Qt::DescendingOrder};
    reader.setQuery(filter, sort);
    const CountsResult counts = reader.counts();
    QVERIFY2(!counts.error.isError(), qPrintable(counts.error.message));
    QCOMPARE(counts.counts.total, referenceCount(conn, whereSql, params));
    const RowsResult first = reader.rows(0, 100, std::nullopt);
    QVERIFY2(!first.error.isError(), qPrintable(first.error.message));
    QCOMPARE(idsOf(first.rows), referenceIds(conn, sort, whereSql, params, 0, 100));
    if (counts.counts.total > 300) {
        const RowsResult last = reader.rows(counts.counts.total - 100, 100, counts.counts);
        QVERIFY2(!last.error.isError(), qPrintable(last.error.message));
        QCOMPARE(idsOf(last.rows),
                 referenceIds(conn, sort, whereSql, params, counts.counts.total - 100, 100));
    }
    qint64 byStatus = 0;
    for (qint64 n : counts.counts.byStatus)
        byStatus += n;
    QCOMPARE(byStatus, counts.counts.total);
}

void TestEvaluationReader::detailAndEvents_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
}

void TestEvaluationReader::detailAndEvents()
{
    QFETCH(QString, backend);
    SqlConnection &conn = *connectionFor(backend);
    const SqlResult pick =
        conn.exec(u"SELECT e.id, length(e.code), (SELECT count(*) FROM events v WHERE v.evaluation_id = "
                  u"e.id) FROM evaluations e "
                  "WHERE e.status = 'completed' AND e.code IS NOT NULL ORDER BY e.id LIMIT 1"_s,
                  {});
    QVERIFY2(pick.ok() && !pick.rows.isEmpty(), qPrintable(pick.error.message));
    const QString id = pick.rows[0][0].toString();
    const qint64 codeLength = sqlToInt64(pick.rows[0][1]).value_or(-1);
    const qint64 eventCount = sqlToInt64(pick.rows[0][2]).value_or(-1);

    EvaluationReader reader(conn, {});
    const EvaluationDetailResult full = reader.detail(id, 10'000'000);
    QVERIFY2(!full.error.isError(), qPrintable(full.error.message));
    QVERIFY(full.detail);
    QCOMPARE(full.detail->row.id, id);
    QCOMPARE(full.detail->row.status, EvaluationStatus::Completed);
    QCOMPARE(full.detail->code.size(), codeLength);
    QCOMPARE(full.detail->codeLength, codeLength);
    QCOMPARE(full.events.size(), eventCount);
    for (qsizetype i = 1; i < full.events.size(); ++i)
        QVERIFY(full.events[i - 1].timestamp <= full.events[i].timestamp);

    // The cap keeps huge text out of memory and says how much there is.
    const EvaluationDetailResult capped = reader.detail(id, 10);
    QVERIFY(capped.detail);
    QCOMPARE(capped.detail->code.size(), qMin<qint64>(10, codeLength));
    QCOMPARE(capped.detail->codeLength, codeLength);
}

void TestEvaluationReader::unknownEvaluationIsNotAnError()
{
    for (SqlConnection *conn : {m_sqlite.get(), m_postgres.get()}) {
        EvaluationReader reader(*conn, {});
        const EvaluationDetailResult result = reader.detail(u"no-such-evaluation' OR '1'='1"_s, 100);
        QVERIFY2(!result.error.isError(), qPrintable(result.error.message));
        QVERIFY(!result.detail);
    }
}

void TestEvaluationReader::scrollingUsesKeysNotOffsets()
{
    for (SqlConnection *conn : {m_sqlite.get(), m_postgres.get()}) {
        EvaluationReader reader(*conn, {});
        reader.setQuery({}, {EvaluationColumn::Started, Qt::AscendingOrder});
        const CountsResult counts = reader.counts();
        QVERIFY(!counts.error.isError());
        // Jump somewhere, then scroll down and up page by page: after the jump, no OFFSET.
        const qint64 jump = counts.counts.total / 2;
        QVERIFY(!reader.rows(jump, 200, counts.counts).error.isError());
        // The jump finds its key through the index first: no full row is skipped by OFFSET.
        QCOMPARE(reader.lastOffset(), 0);
        for (int step = 1; step <= 5; ++step) {
            QVERIFY(!reader.rows(jump + step * 200, 200, counts.counts).error.isError());
            QCOMPARE(reader.lastOffset(), 0);
            QVERIFY(!reader.rows(jump - step * 200, 200, counts.counts).error.isError());
            QCOMPARE(reader.lastOffset(), 0);
        }
    }
}

void TestEvaluationReader::missingTableIsAClearError()
{
    SchemaNames names;
    names.evaluationsTable = u"evaluations_that_do_not_exist"_s;
    for (SqlConnection *conn : {m_sqlite.get(), m_postgres.get()}) {
        EvaluationReader reader(*conn, names);
        const CountsResult counts = reader.counts();
        QCOMPARE(counts.error.kind, SqlError::Kind::Query);
        QVERIFY2(counts.error.message.contains(u"evaluations_that_do_not_exist"_s),
                 qPrintable(counts.error.message));
        const RowsResult rows = reader.rows(0, 10, std::nullopt);
        QCOMPARE(rows.error.kind, SqlError::Kind::Query);
    }
}

QTEST_GUILESS_MAIN(TestEvaluationReader)
#include "tst_evaluationreader.moc"
