#include "sources/demosimulator.h"
#include "sources/demoworkspace.h"
#include "sources/sqlconnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
qint64 scalar(SqlConnection &db, const QString &sql)
{
    const SqlResult r = db.exec(sql);
    if (!r.ok())
        qWarning() << sql << r.error.message;
    return r.rows.value(0).value(0).toLongLong();
}

std::unique_ptr<SqlConnection> openDemo(const QString &dir)
{
    auto db = createSqliteConnection(DemoWorkspace::databasePath(dir), SqliteMode::ReadOnly);
    const SqlError error = db->open();
    if (error.isError())
        qWarning() << error.message;
    return db;
}
} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createdOnceAndReused()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"demo"_s);
        qint64 lastProgress = 0;
        QElapsedTimer timer;
        timer.start();
        const DemoWorkspaceResult first = DemoWorkspace::ensure(dir, {}, [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastProgress && done <= total);
            lastProgress = done;
        });
        qInfo() << "demo workspace generated in" << timer.elapsed() << "ms";
        QVERIFY2(first.profile, qPrintable(first.error));
        QVERIFY(first.generated);
        QCOMPARE(lastProgress, 2000);
        QVERIFY(first.profile->demo);
        QCOMPARE(first.profile->name, u"Demo workspace"_s);
        QCOMPARE(first.profile->sqlitePath, DemoWorkspace::databasePath(dir));
        QCOMPARE(first.profile->filesRoot, DemoWorkspace::filesRoot(dir));
        QVERIFY(DemoWorkspace::isCurrent(dir));
        QVERIFY(QDir(first.profile->filesRoot + u"/outputs"_s).count() > 2);
        const QStringList leftovers = QDir(dir).entryList({u".staging-*"_s}, QDir::AllEntries | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", "_s)));

        {
            auto db = openDemo(dir);
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), 2000);
            QVERIFY(scalar(*db, u"SELECT count(*) FROM events WHERE evaluation_id IS NULL"_s) > 0);
            QVERIFY(scalar(*db, u"SELECT count(*) FROM sqlite_schema WHERE type = 'index'"_s) >= 14);
            QCOMPARE(db->exec(u"PRAGMA journal_mode"_s).rows.value(0).value(0).toString(), u"wal"_s);
            // Output files point into the final files root, not the staging folder.
            const SqlResult locations =
                db->exec(u"SELECT output_location FROM evaluations WHERE output_location IS NOT NULL"_s);
            QVERIFY(!locations.rows.isEmpty());
            for (const QVariantList &row : locations.rows)
                QVERIFY(QFile::exists(QUrl(row[0].toString()).toLocalFile()));
        }

        const QDateTime modified = QFileInfo(DemoWorkspace::databasePath(dir)).lastModified();
        const DemoWorkspaceResult second = DemoWorkspace::ensure(dir);
        QVERIFY(second.profile);
        QVERIFY(!second.generated);
        QCOMPARE(QFileInfo(DemoWorkspace::databasePath(dir)).lastModified(), modified);
    }

    void brokenDemoIsRegenerated_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage file") << u"garbage"_s;
        QTest::newRow("truncated file") << u"truncate"_s;
        QTest::newRow("old version") << u"version"_s;
        QTest::newRow("files removed") << u"files"_s;
    }

    void brokenDemoIsRegenerated()
    {
        QFETCH(QString, damage);
        QTemporaryDir root;
        const QString dir = root.filePath(u"demo"_s);
        DemoOptions small;
        small.evaluations = 300;
        QVERIFY(DemoWorkspace::ensure(dir, small).generated);
        const QString path = DemoWorkspace::databasePath(dir);
        if (damage == u"garbage"_s) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(8192, 'x'));
        } else if (damage == u"truncate"_s) {
            QFile file(path);
            QVERIFY(file.resize(file.size() / 3));
        } else if (damage == u"version"_s) {
            auto db = createSqliteConnection(path, SqliteMode::ReadWrite);
            QVERIFY(!db->open().isError());
            QVERIFY(db->exec(u"UPDATE sightline_demo SET value = '0' WHERE key = 'version'"_s).ok());
        } else {
            QVERIFY(QDir(DemoWorkspace::filesRoot(dir)).removeRecursively());
        }
        QString reason;
        QVERIFY(!DemoWorkspace::isCurrent(dir, &reason));
        QVERIFY(!reason.isEmpty());
        const DemoWorkspaceResult again = DemoWorkspace::ensure(dir, small);
        QVERIFY2(again.profile, qPrintable(again.error));
        QVERIFY(again.generated);
        QVERIFY(DemoWorkspace::isCurrent(dir));
        auto db = openDemo(dir);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), 300);
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"demo"_s);
        std::atomic<bool> cancel{true};
        const DemoWorkspaceResult r = DemoWorkspace::ensure(dir, {}, {}, &cancel);
        QVERIFY(!r.profile);
        QVERIFY(r.cancelled);
        QVERIFY(!QFile::exists(DemoWorkspace::databasePath(dir)));
        QVERIFY(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }

    void simulatorAddsRowsAndStops()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"demo"_s);
        DemoOptions small;
        small.evaluations = 200;
        QVERIFY(DemoWorkspace::ensure(dir, small).profile);
        auto db = openDemo(dir);
        const qint64 before = scalar(*db, u"SELECT count(*) FROM evaluations"_s);
        const qint64 eventsBefore = scalar(*db, u"SELECT count(*) FROM events"_s);

        DemoSimulator simulator(DemoWorkspace::databasePath(dir));
        simulator.setInterval(std::chrono::milliseconds(20));
        QSignalSpy changed(&simulator, &DemoSimulator::changed);
        QSignalSpy failed(&simulator, &DemoSimulator::failed);
        simulator.start();
        QVERIFY(simulator.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 30, 10000);
        simulator.stop();
        QVERIFY(!simulator.isRunning());
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCoreApplication::processEvents(); // deliver queued signals emitted before stop
        const qsizetype ticks = changed.size();

        qint64 inserted = 0, insertedEvents = 0;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            inserted += args[0].toInt();
            insertedEvents += args[1].toInt();
        }
        QCOMPARE(inserted, ticks);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), before + inserted);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM events"_s), eventsBefore + insertedEvents);
        // Live evaluations moved on: some of the simulator's own reached a final state.
        QVERIFY(scalar(*db, u"SELECT count(*) FROM events WHERE type = 'evaluation.started' AND ts > "
                            u"(SELECT value FROM sightline_demo WHERE key = 'generated_at')"_s) > 0);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM events WHERE ts NOT LIKE '____-__-__T__:__:__.___Z'"_s),
                 0);
        QCOMPARE(scalar(*db, u"SELECT count(DISTINCT id) FROM evaluations"_s), before + inserted);

        // Stopped means stopped: nothing more arrives.
        QTest::qWait(100);
        QCOMPARE(changed.size(), ticks);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM evaluations"_s), before + inserted);

        // Restarting continues with fresh ids.
        simulator.start();
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= ticks + 3, 10000);
        simulator.stop();
        QCOMPARE(scalar(*db, u"SELECT count(DISTINCT id) FROM evaluations"_s),
                 scalar(*db, u"SELECT count(*) FROM evaluations"_s));
    }

    void destructorJoinsRunningSimulator()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"demo"_s);
        DemoOptions small;
        small.evaluations = 60;
        QVERIFY(DemoWorkspace::ensure(dir, small).profile);
        auto simulator = std::make_unique<DemoSimulator>(DemoWorkspace::databasePath(dir));
        simulator->setInterval(std::chrono::milliseconds(5));
        simulator->start();
        QTest::qWait(50);
        simulator.reset(); // must not crash or leave the thread running
    }

    void simulatorReportsMissingDatabase()
    {
        QTemporaryDir root;
        DemoSimulator simulator(root.filePath(u"missing.sqlite"_s));
        simulator.setInterval(std::chrono::milliseconds(10));
        QSignalSpy failed(&simulator, &DemoSimulator::failed);
        simulator.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
        simulator.stop();
        QCOMPARE(failed.size(), 1); // reported once, not every tick
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
