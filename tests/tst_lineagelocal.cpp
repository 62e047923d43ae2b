// LineageProbe and the cache verdict without the test servers: compareCachedResult's cases,
// backends a profile leaves out, files, and servers that never answer (in-process stand-ins).

#include "lineagetestsupport.h"
#include "sources/lineage/lineageworker.h"
#include "testservers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace LineageTest;

class TestLineageLocal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<EvaluationDetail>("detail");
        QTest::addColumn<QByteArray>("cached"); // "<absent>": no key
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QStringList>("differences");
        QTest::addColumn<QString>("messageStart");

        const EvaluationDetail done = madeUpDetail(u"ev-a"_s, EvaluationStatus::Completed);
        const QString same = u"same as the database"_s;
        const QString differs = u"differs from the database: "_s;
        const QString notJson = u"the cached value is not the platform's result JSON: "_s;
        QTest::newRow("same") << done << resultJson(done) << int(Verdict::Same) << QStringList() << same;
        QTest::newRow("same, no id") << done
                                     << QByteArray(
                                            "{\"status\":\"completed\",\"exit_code\":0,\"output\":\"hello\"}")
                                     << int(Verdict::Same) << QStringList() << same;
        QTest::newRow("status")
            << done
            << QByteArray("{\"id\":\"ev-a\",\"status\":\"running\",\"exit_code\":0,\"output\":\"hello\"}")
            << int(Verdict::Differs) << QStringList{u"status: cached running, database completed"_s}
            << differs;
        QTest::newRow("exit code none")
            << done << QByteArray("{\"id\":\"ev-a\",\"status\":\"completed\",\"output\":\"hello\"}")
            << int(Verdict::Differs) << QStringList{u"exit_code: cached none, database 0"_s} << differs;
        QTest::newRow("exit code null")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":null,\"output\":\"hello\"}")
            << int(Verdict::Differs) << QStringList{u"exit_code: cached none, database 0"_s} << differs;
        QTest::newRow("id")
            << done
            << QByteArray("{\"id\":\"ev-b\",\"status\":\"completed\",\"exit_code\":0,\"output\":\"hello\"}")
            << int(Verdict::Differs) << QStringList{u"id: cached ev-b, database ev-a"_s} << differs;
        QTest::newRow("output text")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":0,\"output\":\"hullo\"}")
            << int(Verdict::Differs)
            << QStringList{u"output: cached and database text differ at character 2"_s} << differs;
        QTest::newRow("output missing")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":0}") << int(Verdict::Differs)
            << QStringList{u"output: cached 0 characters, database 5 (the cache keeps the first 2,000)"_s}
            << differs;
        QTest::newRow("output longer")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":0,\"output\":\"hello more\"}")
            << int(Verdict::Differs) << QStringList{u"output: cached 10 characters, database 5"_s} << differs;
        QTest::newRow("location") << done
                                  << QByteArray("{\"status\":\"completed\",\"exit_code\":0,\"output\":"
                                                "\"hello\",\"output_location\":\"s3://b/k\"}")
                                  << int(Verdict::Differs)
                                  << QStringList{u"output_location: cached s3://b/k, database none"_s}
                                  << differs;
        QTest::newRow("everything")
            << done
            << QByteArray("{\"id\":\"ev-a\",\"status\":\"failed\",\"exit_code\":1,\"output\":\"oops\","
                          "\"output_location\":\"x\"}")
            << int(Verdict::Differs)
            << QStringList{u"status: cached failed, database completed"_s,
                           u"exit_code: cached 1, database 0"_s,
                           u"output: cached and database text differ at character 1"_s,
                           u"output_location: cached x, database none"_s}
            << differs;

        // The cache keeps the first 2,000 characters of a long output.
        EvaluationDetail longOutput = done;
        longOutput.output = QString(5000, u'x') + u"y"_s;
        longOutput.outputLength = longOutput.output.size();
        QTest::newRow("long output, first 2000")
            << longOutput << resultJson(longOutput) << int(Verdict::Same) << QStringList() << same;
        QJsonObject shortCache{
            {u"status"_s, u"completed"_s}, {u"exit_code"_s, 0}, {u"output"_s, QString(1999, u'x')}};
        QTest::newRow("long output, 1999 cached")
            << longOutput << QJsonDocument(shortCache).toJson(QJsonDocument::Compact) << int(Verdict::Differs)
            << QStringList{u"output: cached 1,999 characters, database 5,001 (the cache keeps the first 2,000)"_s}
            << differs;
        // The window read only part of a long output: what was read matches.
        EvaluationDetail capped = done;
        capped.output = QString(1500, u'x');
        capped.outputLength = 9000;
        QJsonObject fullCache{
            {u"status"_s, u"completed"_s}, {u"exit_code"_s, 0}, {u"output"_s, QString(2000, u'x')}};
        QTest::newRow("capped read") << capped << QJsonDocument(fullCache).toJson(QJsonDocument::Compact)
                                     << int(Verdict::Same) << QStringList() << same;

        EvaluationDetail large = done;
        large.output.clear();
        large.outputLength = 0;
        large.outputLocation = u"file:///data/outputs/ev-a.txt"_s;
        QTest::newRow("large output, location")
            << large << resultJson(large) << int(Verdict::Same) << QStringList() << same;

        const EvaluationDetail running = madeUpDetail(u"ev-r"_s, EvaluationStatus::Running);
        QTest::newRow("expired") << done << QByteArray("<absent>") << int(Verdict::Expired) << QStringList()
                                 << u"the cached result expired or was evicted"_s;
        QTest::newRow("not cached yet") << running << QByteArray("<absent>") << int(Verdict::NotCached)
                                        << QStringList() << u"not cached"_s;
        EvaluationDetail failed = madeUpDetail(u"ev-f"_s, EvaluationStatus::Failed);
        QTest::newRow("expired failed") << failed << QByteArray("<absent>") << int(Verdict::Expired)
                                        << QStringList() << u"the cached result expired"_s;

        QTest::newRow("not json") << done << QByteArray("hello world") << int(Verdict::Differs)
                                  << QStringList() << notJson;
        QTest::newRow("empty") << done << QByteArray() << int(Verdict::Differs) << QStringList() << notJson;
        QTest::newRow("binary") << done << QByteArray("\xff\xfe\x00\x01", 4) << int(Verdict::Differs)
                                << QStringList() << notJson;
        QTest::newRow("truncated") << done << QByteArray("{\"status\":\"completed\",\"exit_")
                                   << int(Verdict::Differs) << QStringList() << notJson;
        QTest::newRow("array") << done << QByteArray("[\"completed\"]") << int(Verdict::Differs)
                               << QStringList() << notJson + u"it is a JSON array"_s;
        QTest::newRow("no status") << done << QByteArray("{\"id\":\"ev-a\"}") << int(Verdict::Differs)
                                   << QStringList() << notJson + u"\"status\" is missing"_s;
        QTest::newRow("status number") << done << QByteArray("{\"status\":3}") << int(Verdict::Differs)
                                       << QStringList() << notJson + u"\"status\" is a number"_s;
        QTest::newRow("exit code text")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":\"0\"}") << int(Verdict::Differs)
            << QStringList() << notJson + u"\"exit_code\" is a string"_s;
        QTest::newRow("exit code fraction")
            << done << QByteArray("{\"status\":\"completed\",\"exit_code\":0.5}") << int(Verdict::Differs)
            << QStringList() << notJson + u"\"exit_code\" is 0.5"_s;
        QTest::newRow("output number")
            << done << QByteArray("{\"status\":\"completed\",\"output\":5}") << int(Verdict::Differs)
            << QStringList() << notJson + u"\"output\" is a number"_s;
    }

    void compare()
    {
        QFETCH(EvaluationDetail, detail);
        QFETCH(QByteArray, cached);
        QFETCH(int, verdict);
        QFETCH(QStringList, differences);
        QFETCH(QString, messageStart);
        const std::optional<QByteArray> value =
            cached == "<absent>" ? std::nullopt : std::optional<QByteArray>(cached);
        const CacheCheck check = compareCachedResult(detail, value);
        QVERIFY2(check.message.startsWith(messageStart), qPrintable(check.message));
        QCOMPARE(int(check.verdict), verdict);
        QCOMPARE(check.differences, differences);
        if (check.verdict == Verdict::Differs && !differences.isEmpty())
            QCOMPARE(check.message, u"differs from the database: "_s + differences.join(u"; "_s));
    }

    void countdown()
    {
        QCOMPARE(LineageText::countdown(252000), u"4:12"_s);
        QCOMPARE(LineageText::countdown(251001), u"4:12"_s); // counts whole seconds up, as a timer does
        QCOMPARE(LineageText::countdown(0), u"0:00"_s);
        QCOMPARE(LineageText::countdown(-5), u"0:00"_s);
        QCOMPARE(LineageText::countdown(3723000), u"1:02:03"_s);
        QCOMPARE(LineageText::countdown(qint64(30) * 3600 * 1000), u"30:00:00"_s);
    }

    void s3Prefix()
    {
        QCOMPARE(LineageWorker::s3Prefix({}, u"ev-1"_s), QByteArray("evaluations/ev-1/"));
        QCOMPARE(LineageWorker::s3Prefix(u"archive"_s, u"ev-1"_s), QByteArray("archive/evaluations/ev-1/"));
        QCOMPARE(LineageWorker::s3Prefix(u"/archive/"_s, u"ev-1"_s), QByteArray("archive/evaluations/ev-1/"));
    }

    void totalBytesCountsPresentOnly()
    {
        EvaluationLineage lineage;
        for (const auto &[state, bytes] :
             {std::pair{State::Present, qint64(10)}, std::pair{State::Absent, qint64(100)},
              std::pair{State::Failed, qint64(1000)}, std::pair{State::Present, qint64(5)}}) {
            LineageItem item;
            item.state = state;
            item.bytes = bytes;
            lineage.items << item;
        }
        QCOMPARE(lineage.totalBytes(), 15);
        QCOMPARE(EvaluationLineage{}.totalBytes(), 0);
    }

    // --- no servers -----------------------------------------------------------------------

    void nothingConfigured()
    {
        const ProbeRun run =
            runProbe(WorkspaceProfile{}, madeUpDetail(u"ev-x"_s, EvaluationStatus::Completed), 4);
        QVERIFY(run.finished);
        QCOMPARE(run.finishedSignals, 1);
        QCOMPARE(run.cacheSignals, 1);
        QCOMPARE(run.lineage.items.size(), 7);
        for (int b = 0; b < 7; ++b) {
            QCOMPARE(int(run.lineage.items.at(b).backend), b); // in Backend order
            QVERIFY2(run.lineage.items.at(b).state == State::NotConfigured,
                     describe(run.lineage.items.at(b)).constData());
            QVERIFY2(run.lineage.items.at(b).summary.startsWith(u"no "_s) &&
                         run.lineage.items.at(b).summary.endsWith(u" in this workspace"_s),
                     describe(run.lineage.items.at(b)).constData());
        }
        QCOMPARE(run.lineage.cache.verdict, Verdict::NotConfigured);
        QCOMPARE(run.lineage.totalBytes(), 0);
    }

    void relationalAndEventsFromTheRow()
    {
        WorkspaceProfile p;
        p.sqlitePath = u"/tmp/demo.sqlite"_s;
        EvaluationDetail d = madeUpDetail(u"ev-x"_s, EvaluationStatus::Failed);
        d.error = u"KeyError: 'label'"_s;
        d.codeLength = 1234; // the window read a capped copy of the code
        ProbeRun run = runProbe(p, d, 9);
        QVERIFY(run.finished);
        const LineageItem *rel = itemOf(run.lineage, Backend::Relational);
        QVERIFY(rel);
        QCOMPARE(rel->state, State::Present);
        QCOMPARE(rel->summary, u"metadata in SQLite"_s);
        QCOMPARE(rel->location, p.sqlitePath);
        QCOMPARE(rel->bytes, 1234 + d.output.size() + d.error.size());
        const LineageItem *events = itemOf(run.lineage, Backend::Events);
        QCOMPARE(events->state, State::Present);
        QCOMPARE(events->summary, u"9 events"_s);
        QCOMPARE(events->count, 9);
        QCOMPARE(run.lineage.totalBytes(), rel->bytes);

        run = runProbe(p, d, 5000, true);
        QCOMPARE(itemOf(run.lineage, Backend::Events)->summary, u"at least 5,000 events"_s);
        run = runProbe(p, d, 0);
        QCOMPARE(itemOf(run.lineage, Backend::Events)->state, State::Absent);
        p.sqlitePath.clear();
        p.postgresUrl = u"postgresql://reader:secret@db.internal/crucible"_s;
        run = runProbe(p, d, 1);
        rel = itemOf(run.lineage, Backend::Relational);
        QCOMPARE(rel->summary, u"metadata in PostgreSQL"_s);
        QVERIFY2(!rel->location.contains(u"secret"_s), qPrintable(rel->location));
        QCOMPARE(itemOf(run.lineage, Backend::Events)->summary, u"1 event"_s);
    }

    void filesOutsideTheRoot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big output.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(123456, 'x'));
        file.close();
        EvaluationDetail d = madeUpDetail(u"ev-file"_s, EvaluationStatus::Completed);
        d.output.clear();
        d.outputLocation = QUrl::fromLocalFile(path).toString();
        // No files root: output_location alone says where the file is.
        ProbeRun run = runProbe(WorkspaceProfile{}, d);
        const LineageItem *output = itemOf(run.lineage, Backend::OutputFile);
        QVERIFY2(output->state == State::Present, describe(*output).constData());
        QCOMPARE(output->bytes, 123456);
        QCOMPARE(output->summary, u"output file 123 kB"_s);
        QCOMPARE(output->location, QDir::toNativeSeparators(path));
        QCOMPARE(itemOf(run.lineage, Backend::LogFile)->state, State::NotConfigured);

        // Gone: absent, and where it was looked for.
        QVERIFY(QFile::remove(path));
        run = runProbe(WorkspaceProfile{}, d);
        output = itemOf(run.lineage, Backend::OutputFile);
        QVERIFY2(output->state == State::Absent, describe(*output).constData());
        QCOMPARE(output->location, path);

        // s3:// is not a file, and a root without the file says Absent.
        WorkspaceProfile p;
        p.filesRoot = dir.path();
        d.outputLocation = u"s3://bucket/evaluations/ev-file/output.txt"_s;
        run = runProbe(p, d);
        output = itemOf(run.lineage, Backend::OutputFile);
        QVERIFY2(output->state == State::Absent, describe(*output).constData());
        QVERIFY(output->summary.contains(d.outputLocation));
        QCOMPARE(itemOf(run.lineage, Backend::LogFile)->state, State::Absent);

        // The root's own layout.
        QVERIFY(QDir(dir.path()).mkpath(u"logs"_s));
        QFile log(dir.filePath(u"logs/ev-file.log"_s));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("line\n");
        log.close();
        run = runProbe(p, d);
        const LineageItem *logItem = itemOf(run.lineage, Backend::LogFile);
        QVERIFY2(logItem->state == State::Present, describe(*logItem).constData());
        QCOMPARE(logItem->bytes, 5);
        QCOMPARE(logItem->summary, u"log file 5 B"_s);
    }

    void filesBadInput()
    {
        QTemporaryDir dir;
        WorkspaceProfile p;
        p.filesRoot = dir.filePath(u"missing"_s);
        ProbeRun run = runProbe(p, madeUpDetail(u"ev-x"_s, EvaluationStatus::Completed));
        for (const Backend b : {Backend::OutputFile, Backend::LogFile}) {
            const LineageItem *item = itemOf(run.lineage, b);
            QVERIFY2(item->state == State::Failed, describe(*item).constData());
            QVERIFY2(item->error.contains(u"does not exist"_s), qPrintable(item->error));
        }
        // An id that would climb out of the root is never used as a path.
        p.filesRoot = dir.path();
        QVERIFY(QDir(dir.path()).mkpath(u"logs"_s));
        for (const QString &id : {u"../logs/x"_s, u".."_s, u"a/b"_s, QString()}) {
            run = runProbe(p, madeUpDetail(id, EvaluationStatus::Completed));
            const LineageItem *log = itemOf(run.lineage, Backend::LogFile);
            QVERIFY2(log->state == State::Failed, describe(*log).constData());
            QVERIFY2(log->error.contains(u"not a file name"_s), qPrintable(log->error));
        }
    }

    void cancelStopsDelivery()
    {
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile p;
        p.memoryUrl = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
        p.redis.url = u"redis://127.0.0.1:%1/0"_s.arg(silent.serverPort());
        p.s3.endpoint = p.memoryUrl;
        p.s3.bucket = u"b"_s;
        p.timeoutSeconds = 30;
        LineageProbe probe(p);
        QSignalSpy items(&probe, &LineageProbe::itemReady);
        QSignalSpy finished(&probe, &LineageProbe::finished);
        probe.start(madeUpDetail(u"ev-x"_s, EvaluationStatus::Completed), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(silent.held.size() >= 3, 5000); // every request is in flight
        QVERIFY(probe.isRunning());
        const qsizetype before = items.size();
        probe.cancel();
        QVERIFY(!probe.isRunning());
        QTest::qWait(500);
        QCOMPARE(items.size(), before);
        QCOMPARE(finished.size(), 0);
        // And the probe works again afterwards.
        const quint64 again = probe.start(madeUpDetail(u"ev-y"_s, EvaluationStatus::Completed), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(silent.held.size() >= 6, 5000);
        QVERIFY(probe.isRunning());
        QVERIFY(again > 1);
    }

    void destroyWhileASilentServerHoldsRequests()
    {
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile p;
        p.memoryUrl = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
        p.redis.url = u"redis://127.0.0.1:%1/0"_s.arg(silent.serverPort());
        p.s3.endpoint = p.memoryUrl;
        p.s3.bucket = u"b"_s;
        p.timeoutSeconds = 60;
        auto probe = std::make_unique<LineageProbe>(p);
        QSignalSpy finished(probe.get(), &LineageProbe::finished);
        probe->start(madeUpDetail(u"ev-x"_s, EvaluationStatus::Completed), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(silent.held.size() >= 3, 5000);
        QElapsedTimer clock;
        clock.start();
        probe.reset();
        const qint64 ms = clock.elapsed();
        qInfo("destroyed with three requests in flight in %lld ms", ms);
        QVERIFY2(ms < 1000, QByteArray::number(ms).constData());
        QTest::qWait(200); // queued answers of the dead probe must go nowhere
        QCOMPARE(finished.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLineageLocal)
#include "tst_lineagelocal.moc"
