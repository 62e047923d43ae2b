#include "app/seedcommand.h"
#include "core/evaluationquery.h"
#include "core/timestamp.h"
#include "sources/evaluationsql.h"
#include "sources/platformschema.h"
#include "sources/seedwriter.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
constexpr qint64 kEnd = 1767225600000; // 2026-01-01T00:00:00Z
const QString kTimestampGlob =
    u"'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'"_s;

SeedOptions smallSeed(qint64 count)
{
    SeedOptions o;
    o.generator.seed = 42;
    o.generator.evaluationCount = count;
    o.generator.endTime = kEnd;
    o.chunkSize = 700; // several chunks, the last one partial
    return o;
}

qint64 scalar(SqlConnection &db, const QString &sql)
{
    const SqlResult r = db.exec(sql);
    if (!r.ok())
        qWarning() << sql << r.error.message;
    return r.rows.value(0).value(0).toLongLong();
}
} // namespace

class TestSeedWriter : public QObject
{
    Q_OBJECT

    QString m_adminUrl;
    QString m_database;
    QString m_url;

    std::unique_ptr<SqlConnection> admin()
    {
        auto db = createPostgresConnection(m_adminUrl, false);
        const SqlError error = db->open();
        if (error.isError())
            qWarning() << "cannot reach the test PostgreSQL:" << error.message;
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_adminUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_ADMIN_URL");
        if (m_adminUrl.isEmpty())
            QFAIL("SIGHTLINE_TEST_POSTGRES_ADMIN_URL is not set: run the tests through scripts/test");
        m_database = u"sl_seed_%1_%2"_s.arg(QCoreApplication::applicationPid())
                         .arg(QRandomGenerator::global()->bounded(1000000));
        auto db = admin();
        QVERIFY(db->isOpen());
        const SqlResult r = db->exec(u"CREATE DATABASE "_s + quoteIdentifier(m_database));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QUrl url(m_adminUrl);
        url.setPath(u"/"_s + m_database);
        m_url = url.toString();
    }

    void cleanupTestCase()
    {
        if (m_database.isEmpty())
            return;
        auto db = admin();
        const SqlResult r =
            db->exec(u"DROP DATABASE IF EXISTS "_s + quoteIdentifier(m_database) + u" WITH (FORCE)"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    }

    void copyEscaping()
    {
        QByteArray line;
        SeedWriter::appendCopyField(line, u"a\tb\nc\\d\re é"_s);
        QCOMPARE(line, QByteArray("a\\tb\\nc\\\\d\\re \xc3\xa9"));
    }

    void nothingToSeed()
    {
        const SeedResult r = SeedWriter(SeedOptions{}).run();
        QVERIFY(!r.ok());
        QVERIFY(r.error.message.contains(u"nothing to seed"_s));
    }

    void sqliteAndPostgresAgree()
    {
        QTemporaryDir dir;
        SeedOptions o = smallSeed(3000);
        o.sqlitePath = dir.filePath(u"seed.sqlite"_s);
        o.postgresUrl = m_url;
        o.filesRoot = dir.filePath(u"files"_s);
        o.replace = true;
        QList<SeedProgress::Phase> phases;
        SeedWriter writer(o);
        writer.setProgressCallback([&](const SeedProgress &p) {
            if (phases.isEmpty() || phases.constLast() != p.phase)
                phases.append(p.phase);
        });
        const SeedResult result = writer.run();
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.evaluations, 3000);
        QVERIFY(result.files > 0);
        QCOMPARE(phases.constLast(), SeedProgress::Phase::Done);

        auto lite = createSqliteConnection(o.sqlitePath);
        auto pg = createPostgresConnection(m_url);
        QVERIFY(!lite->open().isError());
        QVERIFY(!pg->open().isError());
        QCOMPARE(scalar(*lite, u"SELECT count(*) FROM evaluations"_s), 3000);
        QCOMPARE(scalar(*pg, u"SELECT count(*) FROM evaluations"_s), 3000);
        QCOMPARE(scalar(*lite, u"SELECT count(*) FROM events"_s), result.events);
        QCOMPARE(scalar(*pg, u"SELECT count(*) FROM events"_s), result.events);
        QCOMPARE(scalar(*lite, u"SELECT count(DISTINCT status) FROM evaluations"_s), 7);
        QCOMPARE(lite->exec(u"PRAGMA journal_mode"_s).rows.value(0).value(0).toString(), u"wal"_s);

        // Every SQLite timestamp is in the one text form the browser compares.
        for (const QString &check : {u"SELECT count(*) FROM evaluations WHERE created_at NOT GLOB %1"_s,
                                     u"SELECT count(*) FROM evaluations WHERE started_at NOT GLOB %1"_s,
                                     u"SELECT count(*) FROM evaluations WHERE completed_at NOT GLOB %1"_s,
                                     u"SELECT count(*) FROM events WHERE ts NOT GLOB %1"_s})
            QCOMPARE(scalar(*lite, check.arg(kTimestampGlob)), 0);
        QVERIFY(scalar(*lite, u"SELECT count(*) FROM events WHERE evaluation_id IS NULL"_s) > 0);

        // The same rows, byte for byte where text, in both databases (COPY escaping included).
        const QString select =
            u"SELECT id, status, code, output, error, created_at, completed_at, output_size, "
            u"cpu_seconds, batch_id FROM evaluations ORDER BY id"_s;
        const SqlResult a = lite->exec(select);
        const SqlResult b = pg->exec(select);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.rows.size(), b.rows.size());
        int withBackslash = 0;
        for (qsizetype i = 0; i < a.rows.size(); ++i) {
            const QVariantList &x = a.rows[i];
            const QVariantList &y = b.rows[i];
            for (int c : {0, 1, 2, 3, 4, 9}) {
                QCOMPARE(x[c].isNull(), y[c].isNull());
                QCOMPARE(x[c].toString(), y[c].toString());
            }
            withBackslash += x[2].toString().contains(u'\\');
            QCOMPARE(parseTimestamp(x[5].toString()), parseTimestamp(y[5].toString()));
            QCOMPARE(parseTimestamp(x[6].toString()), parseTimestamp(y[6].toString()));
            QCOMPARE(x[7].isNull(), y[7].isNull());
            QCOMPARE(x[7].toLongLong(), y[7].toLongLong());
            QCOMPARE(x[8].isNull(), y[8].isNull());
            QVERIFY(qAbs(x[8].toDouble() - y[8].toDouble()) < 1e-9);
        }
        QVERIFY(withBackslash > 0);

        // Large outputs are where output_location says, as big as output_size says.
        const SqlResult large = lite->exec(u"SELECT output_location, output_size, output FROM evaluations "
                                           u"WHERE output_location IS NOT NULL"_s);
        QVERIFY(!large.rows.isEmpty());
        for (const QVariantList &row : large.rows) {
            const QFileInfo file(QUrl(row[0].toString()).toLocalFile());
            QVERIFY2(file.exists(), qPrintable(file.filePath()));
            QVERIFY(file.filePath().startsWith(o.filesRoot + u"/outputs/"_s));
            QCOMPARE(file.size(), row[1].toLongLong());
            QVERIFY(row[2].isNull());
        }
        QVERIFY(QDir(o.filesRoot + u"/logs"_s).count() > 100);

        // Indexes, and the duration one serves the browser's ORDER BY.
        QCOMPARE(
            scalar(*lite, u"SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"_s),
            platformIndexStatements(SqlDialect::SQLite, {}).size());
        QCOMPARE(
            scalar(*pg, u"SELECT count(*) FROM pg_indexes WHERE tablename IN ('evaluations', 'events')"_s),
            platformIndexStatements(SqlDialect::PostgreSQL, {}).size() + 2);
        const QString order = evaluationSortSql(EvaluationColumn::Duration, SqlDialect::SQLite, {});
        const SqlResult plan = lite->exec(u"EXPLAIN QUERY PLAN SELECT id FROM evaluations ORDER BY "_s +
                                          order + u", id LIMIT 50"_s);
        QVERIFY(plan.ok());
        QVERIFY2(plan.rows.value(0).value(3).toString().contains(u"evaluations_duration_idx"_s),
                 qPrintable(plan.rows.value(0).value(3).toString()));
    }

    void refusesExistingTables()
    {
        QTemporaryDir dir;
        for (const bool postgres : {false, true}) {
            SeedOptions o = smallSeed(100);
            if (postgres)
                o.postgresUrl = m_url;
            else
                o.sqlitePath = dir.filePath(u"twice.sqlite"_s);
            o.replace = true;
            QVERIFY(SeedWriter(o).run().ok());
            o.replace = false;
            const SeedResult again = SeedWriter(o).run();
            QVERIFY(!again.ok());
            QVERIFY2(again.error.message.contains(u"already exists"_s), qPrintable(again.error.message));
            o.replace = true;
            o.generator.evaluationCount = 50;
            QVERIFY(SeedWriter(o).run().ok());
            auto db = postgres ? createPostgresConnection(m_url) : createSqliteConnection(o.sqlitePath);
            QVERIFY(!db->open().isError());
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), 50);
        }
    }

    void cancelStopsEarly()
    {
        QTemporaryDir dir;
        SeedOptions o = smallSeed(20000);
        o.sqlitePath = dir.filePath(u"cancel.sqlite"_s);
        o.postgresUrl = m_url;
        o.replace = true;
        o.chunkSize = 1000;
        std::atomic<bool> cancel{false};
        SeedWriter writer(o);
        writer.setCancelFlag(&cancel);
        writer.setProgressCallback([&](const SeedProgress &p) {
            if (p.phase == SeedProgress::Phase::Rows && p.done >= 2000)
                cancel.store(true);
        });
        const SeedResult result = writer.run();
        QVERIFY(result.cancelled());
        QCOMPARE(result.evaluations, 2000);
        auto db = createSqliteConnection(o.sqlitePath);
        QVERIFY(!db->open().isError());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), 2000);
    }

    void deterministicAcrossRuns()
    {
        QTemporaryDir dir;
        QStringList dumps;
        for (const QString &name : {u"one.sqlite"_s, u"two.sqlite"_s}) {
            SeedOptions o = smallSeed(500);
            o.sqlitePath = dir.filePath(name);
            QVERIFY(SeedWriter(o).run().ok());
            auto db = createSqliteConnection(o.sqlitePath);
            QVERIFY(!db->open().isError());
            QString dump;
            for (const QVariantList &row : db->exec(u"SELECT * FROM evaluations ORDER BY id"_s).rows)
                for (const QVariant &v : row)
                    dump += v.toString() + u'|';
            for (const QVariantList &row : db->exec(u"SELECT * FROM events ORDER BY id"_s).rows)
                for (const QVariant &v : row)
                    dump += v.toString() + u'|';
            dumps.append(dump);
        }
        QVERIFY(!dumps[0].isEmpty());
        QVERIFY(dumps[0] == dumps[1]);
    }

    void seedCommand()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"cmd.sqlite"_s);
        const QStringList args{u"--evaluations"_s, u"120"_s,       u"--sqlite"_s, file,
                               u"--end-time"_s,    u"1767225600"_s};
        QCOMPARE(runSeedCommand(args), 0);
        auto db = createSqliteConnection(file);
        QVERIFY(!db->open().isError());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), 120);
        QCOMPARE(
            db->exec(u"SELECT max(created_at) FROM evaluations"_s).rows.value(0).value(0).toString().left(10),
            u"2025-12-31"_s);
        db->close();
        QCOMPARE(runSeedCommand(args), 1); // tables exist
        QCOMPARE(runSeedCommand(args + QStringList{u"--replace"_s}), 0);
        QCOMPARE(runSeedCommand({}), 2); // no target
        QCOMPARE(runSeedCommand({u"--sqlite"_s, file, u"--evaluations"_s, u"many"_s}), 2);
        QCOMPARE(runSeedCommand({u"--sqlite"_s, file, u"--end-time"_s, u"yesterday"_s}), 2);
        QCOMPARE(runSeedCommand({u"--postgres"_s, u"postgresql://u:secret@127.0.0.1:1/x"_s}), 2);
        QCOMPARE(runSeedCommand({u"--postgres"_s, u"postgresql://nobody@127.0.0.1:1/x"_s}), 1);
    }

    void unreachableServer()
    {
        SeedOptions o = smallSeed(10);
        o.postgresUrl = u"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"_s;
        const SeedResult r = SeedWriter(o).run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, SqlError::Kind::Connection);
    }
};

QTEST_GUILESS_MAIN(TestSeedWriter)
#include "tst_seedwriter.moc"
