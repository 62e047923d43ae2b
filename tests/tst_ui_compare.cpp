// Compare: the line diff on its own, the fields of two evaluations, the Compare window over a
// seeded SQLite workspace, and the browser's Compare action. Screenshots go to
// $SIGHTLINE_TEST_OUTPUT_DIR (default: <build>/tests/screenshots).

#include "awaitfuture.h"
#include "core/datagenerator.h"
#include "core/format.h"
#include "models/evaluationtablemodel.h"
#include "screenshots.h"
#include "serverskip.h"
#include "sources/evaluationstore.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/sqlconnection.h"
#include "storetestsupport.h"
#include "ui/comparefields.h"
#include "ui/comparemetricspanel.h"
#include "ui/comparewindow.h"
#include "ui/evaluationbrowser.h"
#include "ui/evaluationtimeline.h"
#include "ui/linediff.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr int Timeout = 30000;

// Longest common subsequence length by dynamic programming: the number of Same lines any
// minimal diff must have.
int lcsLength(const QStringList &a, const QStringList &b)
{
    QList<int> previous(b.size() + 1, 0), current(b.size() + 1, 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j)
            current[j] = a.at(i - 1) == b.at(j - 1) ? previous[j - 1] + 1 : qMax(previous[j], current[j - 1]);
        std::swap(previous, current);
    }
    return previous.at(b.size());
}

QString kinds(const LineDiff &diff)
{
    QString out;
    for (const DiffLine &line : diff.lines)
        out += line.kind == DiffLine::Kind::Same ? u'=' : line.kind == DiffLine::Kind::Removed ? u'-' : u'+';
    return out;
}

EvaluationDetail detail(const QString &id, EvaluationStatus status, const QString &code)
{
    EvaluationDetail d;
    d.row.id = id;
    d.row.status = status;
    d.row.statusText = statusName(status);
    d.row.engine = u"python-3.12"_s;
    d.row.createdAt = 1'700'000'000'000;
    d.row.startedAt = 1'700'000'005'000;
    d.row.completedAt = 1'700'000'065'000;
    d.row.durationSeconds = 60;
    d.code = code;
    d.codeLength = code.size();
    return d;
}

} // namespace

class TestUiCompare : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSupport::Screenshots m_shots;
    WorkspaceProfile m_profile;

    QString firstId(const QString &where)
    {
        auto db = createSqliteConnection(m_profile.sqlitePath);
        if (db->open().isError())
            return {};
        const SqlResult r =
            db->exec(u"SELECT id FROM evaluations WHERE "_s + where + u" ORDER BY id LIMIT 1"_s);
        return r.ok() && !r.rows.isEmpty() ? r.rows.first().value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shots.prepare());
        QString error;
        const QString path = TestSupport::seedSqlite(m_dir, 1500, 23, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        m_profile.name = u"compare"_s;
        m_profile.sqlitePath = path;
        m_profile.filesRoot = m_dir.filePath(u"files"_s);
    }

    void diffLines_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("kinds");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("added");
        QTest::newRow("both empty") << QString() << QString() << QString() << 0 << 0;
        QTest::newRow("identical") << u"a\nb\nc"_s << u"a\nb\nc"_s << u"==="_s << 0 << 0;
        QTest::newRow("final newline is no line") << u"a\nb\n"_s << u"a\nb"_s << u"=="_s << 0 << 0;
        QTest::newRow("CRLF equals LF") << u"a\r\nb\r\n"_s << u"a\nb\n"_s << u"=="_s << 0 << 0;
        QTest::newRow("insert in the middle") << u"a\nb\nc"_s << u"a\nx\nb\nc"_s << u"=+=="_s << 0 << 1;
        QTest::newRow("delete at the end") << u"a\nb\nc"_s << u"a\nb"_s << u"==-"_s << 1 << 0;
        QTest::newRow("replace one line") << u"a\nb\nc"_s << u"a\nB\nc"_s << u"=-+="_s << 1 << 1;
        QTest::newRow("left empty") << QString() << u"a\nb"_s << u"++"_s << 0 << 2;
        QTest::newRow("right empty") << u"a\nb"_s << QString() << u"--"_s << 2 << 0;
        QTest::newRow("blank lines count") << u"\n\n"_s << u"\n"_s << u"=-"_s << 1 << 0;
        QTest::newRow("moved block") << u"1\n2\n3\n4"_s << u"3\n4\n1\n2"_s << u"--==++"_s << 2 << 2;
    }

    void diffLines()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, kinds);
        QFETCH(int, removed);
        QFETCH(int, added);
        const LineDiff diff = Sightline::diffLines(left, right);
        QCOMPARE(::kinds(diff), kinds);
        QCOMPARE(diff.removed, removed);
        QCOMPARE(diff.added, added);
        QVERIFY(!diff.capped);
        QVERIFY(!diff.tooDifferent);
        QCOMPARE(diff.identical(), removed == 0 && added == 0);
    }

    // Random texts over a small alphabet: the diff rebuilds both sides, numbers the lines right
    // and is minimal (as many Same lines as the longest common subsequence).
    void diffIsMinimalAndRebuildsBothSides()
    {
        QRandomGenerator random(20260101);
        for (int round = 0; round < 300; ++round) {
            QStringList a, b;
            const int n = random.bounded(0, 25), m = random.bounded(0, 25);
            for (int i = 0; i < n; ++i)
                a << QString(QChar(u'a' + random.bounded(3)));
            for (int j = 0; j < m; ++j)
                b << QString(QChar(u'a' + random.bounded(3)));
            const LineDiff diff = Sightline::diffLines(a, b);
            QStringList left, right;
            int same = 0;
            for (const DiffLine &line : diff.lines) {
                if (line.kind != DiffLine::Kind::Added) {
                    QCOMPARE(line.leftLine, int(left.size()) + 1);
                    left << line.text;
                }
                if (line.kind != DiffLine::Kind::Removed) {
                    QCOMPARE(line.rightLine, int(right.size()) + 1);
                    right << line.text;
                }
                same += line.kind == DiffLine::Kind::Same ? 1 : 0;
            }
            QCOMPARE(left, a);
            QCOMPARE(right, b);
            QCOMPARE(same, lcsLength(a, b));
            QCOMPARE(diff.removed + diff.added, n + m - 2 * same);
        }
    }

    void diffCaps()
    {
        QStringList a, b;
        for (int i = 0; i < 30; ++i) {
            a << u"line %1"_s.arg(i);
            b << (i % 7 == 3 ? u"changed %1"_s.arg(i) : u"line %1"_s.arg(i)); // 3, 10, 17, 24
        }
        const LineDiff capped = Sightline::diffLines(a, b, 10);
        QVERIFY(capped.capped);
        QCOMPARE(capped.lines.size() - capped.added, 10); // the left side's first 10 lines
        QCOMPARE(capped.removed, 1);                      // line 3
        QCOMPARE(capped.added, 1);

        const LineDiff tooMany = Sightline::diffLines(a, b, 100, 3);
        QVERIFY(tooMany.tooDifferent);
        QVERIFY(!tooMany.capped);
        // Common ends are still matched (lines 0–2 and 25–29); the middle is all removed, then
        // all added.
        QCOMPARE(kinds(tooMany), u"==="_s + QString(22, u'-') + QString(22, u'+') + u"====="_s);
        QCOMPARE(tooMany.removed, 22);
    }

    void unifiedDiffText()
    {
        QStringList a, b;
        for (int i = 1; i <= 10; ++i)
            a << u"l%1"_s.arg(i);
        b = a;
        b[4] = u"L5"_s;
        const QString text = unifiedDiff(Sightline::diffLines(a, b), 2);
        QCOMPARE(text, u"@@ -3,5 +3,5 @@\n l3\n l4\n-l5\n+L5\n l6\n l7\n"_s);
        QCOMPARE(unifiedDiff(Sightline::diffLines(a, a)), QString());
    }

    void compareFields()
    {
        EvaluationDetail left = detail(u"ev-left"_s, EvaluationStatus::Completed, u"print(1)"_s);
        EvaluationDetail right = detail(u"ev-right"_s, EvaluationStatus::Failed, u"print(1)"_s);
        right.row.exitCode = 1;
        right.error = u"ValueError"_s;
        const QList<ComparedField> fields = compareEvaluationFields(left, {}, right, {});
        QStringList differing;
        for (const ComparedField &field : fields) {
            if (field.differs)
                differing << field.name;
        }
        QCOMPARE(differing, (QStringList{u"Status"_s, u"Exit code"_s, u"Error"_s}));
        const auto code = std::find_if(fields.begin(), fields.end(),
                                       [](const ComparedField &f) { return f.name == u"Code"_s; });
        QVERIFY(code != fields.end());
        QVERIFY2(code->right.contains(u"same code"_s), qPrintable(code->right));

        right.code = u"print(2)"_s;
        const QList<ComparedField> changed = compareEvaluationFields(left, {}, right, {});
        const auto changedCode = std::find_if(changed.begin(), changed.end(),
                                              [](const ComparedField &f) { return f.name == u"Code"_s; });
        QVERIFY(changedCode->differs);
    }

    void compareWindowShowsDifferences()
    {
        const QString completed =
            firstId(u"status = 'completed' AND output IS NOT NULL AND output_location IS NULL"_s);
        const QString failed = firstId(u"status = 'failed' AND output IS NOT NULL"_s);
        QVERIFY(!completed.isEmpty() && !failed.isEmpty());
        EvaluationStore store(m_profile);
        const EvaluationDetailResult left = TestSupport::await(store.loadDetail(completed, 1'000'000));
        const EvaluationDetailResult right = TestSupport::await(store.loadDetail(failed, 1'000'000));
        QVERIFY(left.detail && right.detail);

        CompareWindow window(&store, nullptr, completed, failed);
        QSignalSpy shown(&window, &CompareWindow::dataShown);
        QSignalSpy diffSettled(&window, &CompareWindow::diffSettled);
        window.show();
        QVERIFY(shown.wait(Timeout));
        QCOMPARE(window.state(), CompareWindow::State::Shown);
        const QStringList differing = window.differingFields();
        QVERIFY2(differing.contains(u"Status"_s), qPrintable(differing.join(u", "_s)));
        QVERIFY(differing.contains(u"Exit code"_s));
        QVERIFY(!differing.contains(u"Engine"_s) || left.detail->row.engine != right.detail->row.engine);

        // Only the differences: every visible row is a differing one, and all of them are there.
        QTableWidget *fields = window.fieldsTable();
        window.setShowOnlyDifferences(true);
        QVERIFY(window.findChild<QCheckBox *>()->isChecked());
        int visible = 0;
        for (int row = 0; row < fields->rowCount(); ++row) {
            if (!fields->isRowHidden(row)) {
                ++visible;
                QVERIFY(differing.contains(fields->item(row, 0)->text()));
            }
        }
        QCOMPARE(visible, differing.size());
        window.setShowOnlyDifferences(false);
        for (int row = 0; row < fields->rowCount(); ++row)
            QVERIFY(!fields->isRowHidden(row));

        // The phases: running time is each row's duration; Δ is right − left.
        QTableWidget *phases = window.phasesTable();
        QCOMPARE(phases->rowCount(), 4);
        QCOMPARE(phases->item(2, 0)->text(), u"Running"_s);
        if (left.detail->row.durationSeconds)
            QCOMPARE(phases->item(2, 1)->text(), formatDuration(*left.detail->row.durationSeconds));
        if (right.detail->row.durationSeconds)
            QCOMPARE(phases->item(2, 2)->text(), formatDuration(*right.detail->row.durationSeconds));

        // The outputs differ: the diff says how, with - and + lines.
        QVERIFY(diffSettled.count() > 0 || diffSettled.wait(Timeout));
        QVERIFY2(window.diffNote().contains(u"removed"_s), qPrintable(window.diffNote()));
        QVERIFY(window.diffText().startsWith(u"@@ -1,"_s));
        QVERIFY(window.diffText().contains(u"\n+Traceback"_s) || window.diffText().startsWith(u"@@"_s));
        window.resize(1100, 760);
        m_shots.save(&window, u"compare-summary.png"_s);
        window.showTab(1);
        m_shots.save(&window, u"compare-output-diff.png"_s);
        window.showTab(2);
        QTest::qWait(50);
        m_shots.save(&window, u"compare-metrics.png"_s);

        // The same evaluation twice: nothing differs but the times do not either.
        CompareWindow same(&store, nullptr, completed, completed);
        QSignalSpy sameShown(&same, &CompareWindow::dataShown);
        QSignalSpy sameDiff(&same, &CompareWindow::diffSettled);
        QVERIFY(sameShown.wait(Timeout));
        QCOMPARE(same.differingFields(), QStringList());
        QVERIFY(sameDiff.count() > 0 || sameDiff.wait(Timeout));
        QVERIFY2(same.diffNote().startsWith(u"The outputs are identical"_s), qPrintable(same.diffNote()));
        QCOMPARE(same.diffText(), QString());
    }

    void compareWindowMissingEvaluation()
    {
        const QString completed = firstId(u"status = 'completed'"_s);
        EvaluationStore store(m_profile);
        CompareWindow window(&store, nullptr, completed, u"ev-doesnotexist"_s);
        QSignalSpy finished(&window, &CompareWindow::loadFinished);
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(window.state(), CompareWindow::State::Failed);
        QVERIFY2(window.problemText().contains(u"There is no evaluation ev-doesnotexist"_s),
                 qPrintable(window.problemText()));
    }

    void compareWithAnOutputFile()
    {
        const QString file = firstId(u"output_location LIKE 'file:%'"_s);
        const QString inlineOutput = firstId(u"status = 'completed' AND output IS NOT NULL"_s);
        if (file.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("the seed has no evaluation with an output file");
        EvaluationStore store(m_profile);
        CompareWindow window(&store, nullptr, file, inlineOutput);
        QSignalSpy diffSettled(&window, &CompareWindow::diffSettled);
        QVERIFY(diffSettled.wait(Timeout));
        QVERIFY2(window.diffNote().contains(u"added"_s), qPrintable(window.diffNote()));
        QVERIFY(window.diffText().contains(u"\n-"_s));
    }

    // Two seeded evaluations with container series, over the servers scripts/test starts: their
    // metrics on one time base.
    void compareMetricsFromPrometheus()
    {
        const QString postgres = TestSupport::postgresUrl();
        const QString prometheus = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
        if (postgres.isEmpty() || prometheus.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "needs SIGHTLINE_TEST_POSTGRES_URL and SIGHTLINE_TEST_PROMETHEUS_URL: run through "
                "scripts/test");
        const qint64 seeded = qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS") > 0
                                  ? qEnvironmentVariableIntValue("SIGHTLINE_TEST_SEED_EVALUATIONS")
                                  : 100000;
        WorkspaceProfile profile;
        profile.name = u"test-servers"_s;
        profile.postgresUrl = postgres;
        profile.prometheus.url = prometheus;
        EvaluationStore store(profile);
        // The two newest completed evaluations among those Prometheus has container series of that
        // ran long enough for rate(…[1m]) to have two samples in a window (≥ 70 s at 5 s scrapes).
        QStringList ids;
        for (qint64 i = (seeded - 1) / 100 * 100; i >= 0 && ids.size() < 2; i -= 100) {
            const QString id = EvaluationDataGenerator::evaluationId(42, i);
            const EvaluationDetailResult r = TestSupport::await(store.loadDetail(id, 1000));
            if (r.detail && r.detail->row.status == EvaluationStatus::Completed &&
                !r.detail->containerId.isEmpty() && !r.detail->row.workerId.isEmpty() &&
                r.detail->row.durationSeconds.value_or(0) >= 70)
                ids << id;
        }
        QCOMPARE(ids.size(), 2);
        PrometheusClient client(PrometheusConnection::fromProfileUrl(prometheus, 10));
        CompareWindow window(&store, &client, ids.at(0), ids.at(1));
        QSignalSpy shown(&window, &CompareWindow::dataShown);
        window.show();
        QVERIFY(shown.wait(Timeout));
        CompareMetricsPanel *metrics = window.metricsPanel();
        QSignalSpy settled(metrics, &CompareMetricsPanel::settled);
        QVERIFY(metrics->isSettled() || settled.wait(Timeout));
        QVERIFY(metrics->chartCount() > 0);
        QCOMPARE(metrics->chartMessage(0), QString());
        window.showTab(2);
        QTest::qWait(100);
        m_shots.save(&window, u"compare-metrics-prometheus.png"_s);
        window.showTab(0);
        m_shots.save(&window, u"compare-summary-servers.png"_s);
    }

    void browserCompareAction()
    {
        EvaluationStore store(m_profile);
        EvaluationTableModel model(&store);
        EvaluationBrowser browser;
        browser.setModel(&model);
        browser.resize(1200, 700);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0) && model.isRowLoaded(2), Timeout);
        QAction *compare = browser.compareAction();
        QVERIFY(!compare->isEnabled());
        QCOMPARE(compare->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        QSignalSpy requested(&browser, &EvaluationBrowser::compareRequested);

        QTableView *table = browser.tableView();
        auto select = [&](int row, QItemSelectionModel::SelectionFlags how) {
            table->selectionModel()->select(model.index(row, 0), how | QItemSelectionModel::Rows);
        };
        select(0, QItemSelectionModel::ClearAndSelect);
        QVERIFY(!compare->isEnabled());
        select(2, QItemSelectionModel::Select);
        QVERIFY(compare->isEnabled());
        const QString first = model.index(0, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        const QString third = model.index(2, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        QCOMPARE(browser.selectedEvaluationIds(), (QStringList{first, third}));

        browser.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&browser));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), first);
        QCOMPARE(requested.at(0).at(1).toString(), third);

        select(1, QItemSelectionModel::Select); // three: not a pair
        QVERIFY(!compare->isEnabled());
        compare->trigger();
        QCOMPARE(requested.count(), 1);
    }
};

QTEST_MAIN(TestUiCompare)
#include "tst_ui_compare.moc"
