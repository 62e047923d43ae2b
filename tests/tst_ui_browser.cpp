// The widgets layer, headless: the Evaluations browser over a seeded SQLite workspace, the
// Evaluation window, and a workspace whose database is garbage. Screenshots go to
// $SIGHTLINE_TEST_OUTPUT_DIR (default: <build>/tests/screenshots) for a person to look at.

#include "core/evaluationquery.h"
#include "core/format.h"
#include "i18n/apptranslations.h"
#include "models/evaluationtablemodel.h"
#include "models/statuspalette.h"
#include "screenshots.h"
#include "sources/evaluationstore.h"
#include "sources/seedwriter.h"
#include "ui/evaluationbrowser.h"
#include "ui/evaluationfilterbar.h"
#include "ui/evaluationoutputview.h"
#include "ui/evaluationwindow.h"
#include "ui/mainwindow.h"
#include "ui/statuspill.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionHeader>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
constexpr int Timeout = 30000;
constexpr qint64 EvaluationCount = 3000;

qint64 scalar(SqlConnection &db, const QString &sql, const QVariantList &params = {})
{
    const SqlResult r = db.exec(sql, params);
    if (!r.ok())
        qWarning() << sql << r.error.message;
    return r.rows.value(0).value(0).toLongLong();
}

// Visible framed boxes (plain QFrames with a frame) that show nothing inside: an empty banner or
// a box whose contents are not shown yet.
QStringList emptyVisibleFrames(QWidget *root)
{
    QStringList empty;
    const QList<QFrame *> frames = root->findChildren<QFrame *>();
    for (QFrame *frame : frames) {
        if (frame->metaObject() != &QFrame::staticMetaObject || frame->frameShape() == QFrame::NoFrame ||
            !frame->isVisible())
            continue;
        const QList<QWidget *> children = frame->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        if (std::none_of(children.cbegin(), children.cend(), [](QWidget *w) { return w->isVisible(); }))
            empty << frame->objectName();
    }
    return empty;
}

// Which way the sort arrow drawn on `section` points, read from the pixels: a ▼ has its ink
// mass above the middle of its bounding box, a ▲ below.
Qt::ArrowType drawnSortArrow(QHeaderView *header, int section)
{
    // The styles here draw the arrow at the right end of the section, right of the title (which
    // leaves room for it): look at the last header-height square, inside the separators.
    const int x = header->sectionViewportPosition(section) + header->sectionSize(section);
    const int h = header->height();
    const QRect arrow(x - h - 2, 2, h, h - 5);
    const QImage image = header->grab().toImage().copy(arrow);
    if (qEnvironmentVariableIsSet("SIGHTLINE_DEBUG_ARROW"))
        image.scaled(image.size() * 8).save(u"/tmp/arrow-%1.png"_s.arg(section));
    const int background = qGray(image.pixel(0, 0));
    qreal weight = 0, weightedY = 0;
    int top = image.height(), bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const int ink = background - qGray(image.pixel(x, y));
            if (ink < 40)
                continue;
            weight += ink;
            weightedY += ink * y;
            top = qMin(top, y);
            bottom = qMax(bottom, y);
        }
    }
    if (weight == 0)
        return Qt::NoArrow;
    return weightedY / weight < (top + bottom) / 2.0 ? Qt::DownArrow : Qt::UpArrow;
}
} // namespace

class TestUiBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WorkspaceProfile m_profile;
    TestSupport::Screenshots m_shots;

    void saveShot(QWidget *widget, const QString &name) { m_shots.save(widget, name); }

    WorkspaceProfile profileFor(const QString &name, const QString &sqlitePath) const
    {
        WorkspaceProfile profile;
        profile.name = name;
        profile.sqlitePath = sqlitePath;
        profile.filesRoot = m_dir.filePath(u"files"_s);
        return profile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shots.prepare());
        // As the application does: English plural forms ("1 evaluation", "3,000 evaluations")
        // come from the English catalogue. A private settings file, so no ui/language applies.
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCOMPARE(installTranslations(), u"en"_s);

        SeedOptions options;
        options.generator.seed = 7;
        options.generator.evaluationCount = EvaluationCount;
        // Up to now, so that ages ("5 min ago") and "Last 24 hours" read like real use.
        options.generator.endTime = QDateTime::currentMSecsSinceEpoch();
        options.sqlitePath = m_dir.filePath(u"workspace.sqlite"_s);
        options.filesRoot = m_dir.filePath(u"files"_s);
        const SeedResult seeded = SeedWriter(options).run();
        QVERIFY2(seeded.ok(), qPrintable(seeded.error.message));
        m_profile = profileFor(u"ui-test"_s, options.sqlitePath);
    }

    void browseSearchOpen()
    {
        MainWindow window;
        window.resize(1280, 800);
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.setWorkspace(m_profile);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // shortcuts go to the active window
        QCOMPARE(window.windowTitle(), u"Sightline — ui-test"_s);

        EvaluationTableModel *model = window.model();
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);

        auto db = createSqliteConnection(m_profile.sqlitePath);
        QVERIFY(!db->open().isError());
        const qint64 running = scalar(*db, u"SELECT COUNT(*) FROM evaluations WHERE status = 'running'"_s);
        const qint64 failed = scalar(*db, u"SELECT COUNT(*) FROM evaluations WHERE status = 'failed'"_s);
        EvaluationBrowser *browser = window.browser();
        QCOMPARE(browser->countsText(),
                 u"%1 evaluations · %2 running · %3 failed"_s.arg(formatCount(EvaluationCount))
                     .arg(running)
                     .arg(failed));
        QCOMPARE(model->rowCount(), int(EvaluationCount));
        QVERIFY(!browser->isErrorBannerShown());
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), Timeout);
        QTest::qWait(50); // let the view paint the rows it just got
        saveShot(&window, u"browser-table.png"_s);

        // The header shows the model's order: Created, newest first, and its arrow points down.
        {
            QHeaderView *header = browser->tableView()->horizontalHeader();
            QCOMPARE(model->sortOrder().column, EvaluationColumn::Created);
            QCOMPARE(model->sortOrder().order, Qt::DescendingOrder);
            QCOMPARE(header->sortIndicatorSection(), int(model->sortOrder().column));
            QCOMPARE(header->sortIndicatorOrder(), model->sortOrder().order);
            QCOMPARE(drawnSortArrow(header, int(EvaluationColumn::Created)), Qt::DownArrow);
            // Every column title fits its column.
            for (int column = 0; column < EvaluationColumnCount; ++column) {
                const QString title = columnTitle(EvaluationColumn(column));
                QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title) + 14,
                         qPrintable(title));
            }
            // All columns fit 1280 px.
            QVERIFY(header->length() <= browser->tableView()->viewport()->width());
        }

        // Search: type a batch id's tail; the model settles on the rows SQL finds for it.
        const QString batch = model->index(0, 0).data(EvaluationTableModel::BatchRole).toString();
        QVERIFY(!batch.isEmpty());
        const QString needle = batch.right(5);
        const QString pattern = likeSubstringPattern(needle);
        const qint64 expected = scalar(
            *db,
            u"SELECT COUNT(*) FROM evaluations WHERE id LIKE %1 ESCAPE '\\' OR "
            "submitted_by LIKE %1 ESCAPE '\\' OR batch_id LIKE %1 ESCAPE '\\'"_s.arg(db->placeholder(1)),
            {pattern});
        QVERIFY(expected > 0 && expected < EvaluationCount);
        auto *search = browser->findChild<QLineEdit *>(u"searchEdit"_s);
        QVERIFY(search);
        QTest::keySequence(&window, QKeySequence::Find);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, needle);
        QCOMPARE(model->filter().search, QString()); // debounced: nothing yet
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().search, needle, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(model->counts().has_value(), Timeout);
        QCOMPARE(model->rowCount(), int(expected));
        QCOMPARE(model->counts()->total, expected);
        QVERIFY(removed.count() + inserted.count() > 0 || model->rowCount() == int(expected));
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), Timeout);
        QVERIFY(browser->countsText().startsWith(formatCount(expected)));

        // A search that matches nothing shows the empty state; "Clear filters" brings all back.
        search->setText(u"no-such-evaluation-anywhere"_s);
        QTRY_VERIFY_WITH_TIMEOUT(browser->isEmptyStateShown(), Timeout);
        QCOMPARE(model->rowCount(), 0);
        auto *clear = browser->findChild<QPushButton *>(u"clearFiltersButton"_s);
        QVERIFY(clear && clear->isVisible());
        saveShot(&window, u"browser-empty.png"_s);
        clear->click();
        QVERIFY(search->text().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(model->counts().value_or(EvaluationCounts{}).total, EvaluationCount,
                                  Timeout);
        QVERIFY(!browser->isEmptyStateShown());
        search->setText(needle);
        QTRY_COMPARE_WITH_TIMEOUT(model->counts().value_or(EvaluationCounts{}).total, expected, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), Timeout);

        // Cards and back: same model, same sort, the current row follows.
        QTableView *table = browser->tableView();
        QListView *cards = browser->cardView();
        table->setFocus();
        table->setCurrentIndex(model->index(0, 0));
        const EvaluationSort sortBefore = model->sortOrder();
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_2));
        QCOMPARE(browser->viewMode(), EvaluationBrowser::ViewMode::Cards);
        QTRY_VERIFY(cards->isVisible());
        QCOMPARE(cards->currentIndex().row(), 0);
        QTest::qWait(50);
        saveShot(&window, u"browser-cards-search.png"_s);
        // Ctrl+F from the cards reaches the search field; Esc there clears it.
        cards->setFocus();
        QVERIFY(cards->hasFocus());
        QTest::keySequence(&window, QKeySequence::Find);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        cards->setFocus();
        search->clear();
        QTRY_COMPARE_WITH_TIMEOUT(model->counts().value_or(EvaluationCounts{}).total, EvaluationCount,
                                  Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), Timeout);
        QTest::qWait(50);
        saveShot(&window, u"browser-cards.png"_s);
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(browser->viewMode(), EvaluationBrowser::ViewMode::Table);
        QCOMPARE(model->sortOrder(), sortBefore);

        // Sorting by a header click runs one new query in that order.
        table->horizontalHeader()->setSortIndicator(int(EvaluationColumn::Duration), Qt::AscendingOrder);
        QCOMPARE(model->sortOrder().column, EvaluationColumn::Duration);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), model->sortOrder().order);
        QCOMPARE(drawnSortArrow(table->horizontalHeader(), int(EvaluationColumn::Duration)), Qt::UpArrow);
        QCOMPARE(browser->sort().column, EvaluationColumn::Duration);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), Timeout);

        // Enter on a row opens its Evaluation window.
        table->setFocus();
        table->setCurrentIndex(model->index(0, 0));
        const QString id = model->index(0, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        QVERIFY(!id.isEmpty());
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(window.evaluationWindows().size(), 1);
        EvaluationWindow *evaluation = window.evaluationWindows().constFirst();
        QSignalSpy evaluationShown(evaluation, &EvaluationWindow::dataShown);
        QCOMPARE(evaluation->evaluationId(), id);
        QCOMPARE(evaluation->windowTitle(), u"%1 — Sightline"_s.arg(id));
        QTRY_COMPARE_WITH_TIMEOUT(evaluationShown.count(), 1, Timeout);
        QCOMPARE(evaluation->state(), EvaluationWindow::State::Shown);
        QCOMPARE(evaluation->headerText(), id);
        const SqlResult code =
            db->exec(u"SELECT code FROM evaluations WHERE id = %1"_s.arg(db->placeholder(1)), {id});
        QVERIFY(code.ok());
        QCOMPARE(evaluation->codeText(), code.rows.value(0).value(0).toString());
        const qint64 events = scalar(
            *db, u"SELECT COUNT(*) FROM events WHERE evaluation_id = %1"_s.arg(db->placeholder(1)), {id});
        QVERIFY(events > 0);
        QCOMPARE(evaluation->eventCount(), int(events));
        // Ctrl+Shift+C copies the evaluation as Markdown.
        QGuiApplication::clipboard()->clear();
        evaluation->activateWindow();
        QTest::keyClick(evaluation, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(u"## Evaluation `"_s + id + u'`'), qPrintable(copied.left(200)));
        QVERIFY(copied.contains(u"**Events** (%1)"_s.arg(events)));
        QCOMPARE(copied, evaluation->summaryMarkdown());
        evaluation->resize(1040, 740);
        // No empty framed box the moment the data is shown (the facts box used to be empty until
        // the next event-loop turn).
        QCOMPARE(emptyVisibleFrames(evaluation), QStringList());
        QTest::qWait(50); // the scroll area's last layout pass, as a person would see it
        saveShot(evaluation, u"evaluation-window.png"_s);

        // Overview: the status as people read it, in its colour.
        {
            const EvaluationStatus status = statusFromName(
                db->exec(u"SELECT status FROM evaluations WHERE id = %1"_s.arg(db->placeholder(1)), {id})
                    .rows.value(0)
                    .value(0)
                    .toString());
            QVERIFY(status != EvaluationStatus::Unknown);
            auto *statusLabel = evaluation->findChild<QLabel *>(u"overviewStatus"_s);
            QVERIFY(statusLabel);
            QCOMPARE(statusLabel->text(), statusDisplayName(status));
            QCOMPARE(statusLabel->palette().color(QPalette::WindowText),
                     Pill::readableTextColor(statusColor(status), evaluation->palette()));
        }
        // No empty framed box, also right when a reload finishes (nothing waits for a repaint).
        QCOMPARE(emptyVisibleFrames(evaluation), QStringList());
        {
            QStringList emptyAtFinish;
            bool finished = false;
            QObject context;
            connect(evaluation, &EvaluationWindow::loadFinished, &context, [&] {
                emptyAtFinish = emptyVisibleFrames(evaluation);
                const QList<QLabel *> overview =
                    evaluation->findChild<QWidget *>(u"overviewContents"_s)->findChildren<QLabel *>();
                if (overview.isEmpty() || std::any_of(overview.cbegin(), overview.cend(),
                                                      [](QLabel *l) { return !l->isVisible(); }))
                    emptyAtFinish << u"overviewContents"_s;
                finished = true;
                saveShot(evaluation, u"evaluation-reloaded.png"_s);
            });
            evaluation->reload();
            QTRY_VERIFY_WITH_TIMEOUT(finished, Timeout);
            QCOMPARE(emptyAtFinish, QStringList());
        }
        auto *tabs = evaluation->findChild<QTabWidget *>(u"tabs"_s);
        tabs->setCurrentWidget(evaluation->findChild<QWidget *>(u"codeTab"_s));
        saveShot(evaluation, u"evaluation-code.png"_s);

        // A second request raises the same window; another id gets its own.
        QCOMPARE(window.openEvaluation(id), evaluation);
        const QString other = model->index(1, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        QVERIFY(window.openEvaluation(other) != evaluation);
        QCOMPARE(window.evaluationWindows().size(), 2);

        // New evaluations are announced, not forced onto the view.
        window.noteNewEvaluations(3);
        window.noteNewEvaluations(2);
        QCOMPARE(window.newEvaluationsNote(), u"5 new evaluations — press F5 to refresh"_s);
        // Ctrl+W closes an Evaluation window; then F5 in the browser refreshes.
        for (EvaluationWindow *open : window.evaluationWindows()) {
            open->activateWindow();
            QTRY_COMPARE(QApplication::activeWindow(), open);
            QTest::keyClick(open, Qt::Key_W, Qt::ControlModifier);
        }
        QTRY_VERIFY(window.evaluationWindows().isEmpty());
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(window.newEvaluationsNote().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(model->counts().has_value(), Timeout);
    }

    void evaluationOutputs()
    {
        // Point three evaluations at a missing file, an S3 archive and a real large output file.
        auto rw = createSqliteConnection(m_profile.sqlitePath, SqliteMode::ReadWrite);
        QVERIFY(!rw->open().isError());
        const SqlResult ids =
            rw->exec(u"SELECT id FROM evaluations WHERE output_location IS NULL ORDER BY id LIMIT 2"_s);
        QVERIFY(ids.ok() && ids.rows.size() == 2);
        const QString missingId = ids.rows.at(0).value(0).toString();
        const QString s3Id = ids.rows.at(1).value(0).toString();
        const QString set = u"UPDATE evaluations SET output = NULL, output_location = %1 WHERE id = %2"_s.arg(
            rw->placeholder(1), rw->placeholder(2));
        QVERIFY(rw->exec(set, {u"file:///nonexistent/outputs/x.txt"_s, missingId}).ok());
        QVERIFY(rw->exec(set, {u"s3://crucible-archive/evaluations/x/output.txt"_s, s3Id}).ok());
        // The generator's output files are small; a 1.5 MB one shows the first-MiB path.
        const SqlResult fileIds =
            rw->exec(u"SELECT id FROM evaluations WHERE output_location LIKE 'file:%' LIMIT 1"_s);
        QVERIFY(fileIds.ok() && fileIds.rows.size() == 1);
        const QString largeId = fileIds.rows.at(0).value(0).toString();
        const QString largePath = m_dir.filePath(u"large-output.txt"_s);
        {
            QFile large(largePath);
            QVERIFY(large.open(QIODevice::WriteOnly));
            const QByteArray line = QByteArray("step 0000 loss=0.1234 accuracy=0.9876 tokens/s=1234.5\n");
            // Past the editor's cap, so "Load all" shows the cap and offers "Save to file…".
            QByteArray block;
            while (block.size() < 1'000'000)
                block += line;
            while (large.size() < EvaluationOutputView::EditorCapBytes + 2'000'000)
                large.write(block);
        }
        const qint64 largeSize = QFileInfo(largePath).size();
        QVERIFY(rw->exec(set, {QUrl::fromLocalFile(largePath).toString(), largeId}).ok());
        rw.reset();

        MainWindow window;
        window.setWorkspace(m_profile);

        EvaluationWindow *missing = window.openEvaluation(missingId);
        QTRY_COMPARE_WITH_TIMEOUT(missing->state(), EvaluationWindow::State::Shown, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(missing->outputMessage().contains(u"could not be read"_s), Timeout);

        EvaluationWindow *s3 = window.openEvaluation(s3Id);
        QTRY_COMPARE_WITH_TIMEOUT(s3->state(), EvaluationWindow::State::Shown, Timeout);
        QVERIFY(s3->outputMessage().contains(u"archived in S3"_s));

        EvaluationWindow *nobody = window.openEvaluation(u"ev-doesnotexist"_s);
        QSignalSpy nobodyFinished(nobody, &EvaluationWindow::loadFinished);
        QTRY_COMPARE_WITH_TIMEOUT(nobody->state(), EvaluationWindow::State::NotFound, Timeout);
        QCOMPARE(nobodyFinished.count(), 1);
        QCOMPARE(nobody->problemText(), u"No evaluation with id ev-doesnotexist in this workspace"_s);

        EvaluationWindow *big = window.openEvaluation(largeId);
        QSignalSpy shown(big, &EvaluationWindow::dataShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
        auto *output = big->findChild<EvaluationOutputView *>();
        QVERIFY(output);
        QCOMPARE(big->outputText().size(), EvaluationOutputView::FirstReadBytes);
        QCOMPARE(output->note(), u"Showing the first 1.0 MB of %1."_s.arg(formatBytes(largeSize)));
        auto *loadAll = output->findChild<QPushButton *>(u"loadAllButton"_s);
        QVERIFY(loadAll && !loadAll->isHidden());
        big->resize(1040, 740);
        QTabWidget *tabs = big->findChild<QTabWidget *>(u"tabs"_s);
        tabs->setCurrentWidget(big->findChild<QWidget *>(u"outputTab"_s));
        saveShot(big, u"evaluation-output-first-mib.png"_s);
        QCOMPARE(emptyVisibleFrames(big), QStringList());

        // "Load all": reading and decoding run off the GUI thread; the window shows that it is busy
        // and keeps answering; the editor gets at most EditorCapBytes.
        auto *busy = output->findChild<QProgressBar *>(u"busyBar"_s);
        QVERIFY(busy);
        QElapsedTimer clock;
        qint64 last = 0, longestGap = 0;
        QTimer ticker;
        qint64 longestGapOverall = 0;
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            if (output->isBusy()) // reading and decoding; the editor taking the text comes after
                longestGap = qMax(longestGap, now - last);
            longestGapOverall = qMax(longestGapOverall, now - last);
            last = now;
        });
        clock.start();
        ticker.start(5);
        loadAll->click();
        QVERIFY(output->isBusy());
        QVERIFY(!busy->isHidden());
        QVERIFY(!loadAll->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!output->isBusy(), Timeout);
        QTest::qWait(20);
        ticker.stop();
        qInfo("longest GUI stall while reading and decoding: %lld ms; including the editor: %lld ms",
              longestGap, longestGapOverall);
        QVERIFY2(longestGap < 150, qPrintable(QString::number(longestGap)));
        QVERIFY2(longestGapOverall < 1500, qPrintable(QString::number(longestGapOverall)));
        QCOMPARE(big->outputText().size(), EvaluationOutputView::EditorCapBytes);
        QVERIFY(loadAll->isHidden());
        QVERIFY(busy->isHidden());
        auto *save = output->findChild<QPushButton *>(u"saveButton"_s);
        QVERIFY(save && !save->isHidden() && save->isEnabled());
        QCOMPARE(
            output->note(),
            u"Showing the first %1 of %2. The viewer holds no more; “Save to file…” writes all of it."_s.arg(
                formatBytes(EvaluationOutputView::EditorCapBytes), formatBytes(largeSize)));
        saveShot(big, u"evaluation-output-capped.png"_s);

        // "Save to file…" writes the complete output, off the GUI thread.
        const QString savedPath = m_dir.filePath(u"saved-output.txt"_s);
        QSignalSpy saved(output, &EvaluationOutputView::savedTo);
        output->saveTo(savedPath);
        QVERIFY(output->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
        QCOMPARE(saved.at(0).at(1).toString(), QString());
        QCOMPARE(QFileInfo(savedPath).size(), largeSize);
        {
            auto hash = [](const QString &path) {
                QFile file(path);
                QCryptographicHash h(QCryptographicHash::Sha256);
                return file.open(QIODevice::ReadOnly) && h.addData(&file) ? h.result() : QByteArray();
            };
            QCOMPARE(hash(savedPath), hash(largePath));
        }
        QVERIFY(output->note().contains(u"Saved to"_s));

        tabs = missing->findChild<QTabWidget *>(u"tabs"_s);
        tabs->setCurrentWidget(missing->findChild<QWidget *>(u"eventsTab"_s));
        missing->resize(1040, 740);
        saveShot(missing, u"evaluation-events.png"_s);
        nobody->resize(1040, 740);
        saveShot(nobody, u"evaluation-not-found.png"_s);
    }

    void garbageDatabaseShowsBanner()
    {
        const QString path = m_dir.filePath(u"garbage.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 512; ++i)
            file.write("this is not a SQLite database, just bytes that look like one might. ");
        file.close();

        MainWindow window;
        window.resize(1280, 800);
        QSignalSpy failed(&window, &MainWindow::workspaceLoadFailed);
        window.setWorkspace(profileFor(u"garbage"_s, path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EvaluationBrowser *browser = window.browser();
        QTRY_VERIFY_WITH_TIMEOUT(browser->isErrorBannerShown(), Timeout);
        QCOMPARE(window.model()->state(), EvaluationTableModel::State::Failed);
        QVERIFY(failed.count() >= 1);
        // The status bar points at the banner without guessing the kind of failure.
        QCOMPARE(window.statusBar()->currentMessage(),
                 u"Could not load evaluations — see the message above"_s);
        QVERIFY(!window.model()->errorMessage().isEmpty());
        auto *retry = browser->findChild<QPushButton *>(u"retryButton"_s);
        QVERIFY(retry && retry->isVisible());
        saveShot(&window, u"browser-error.png"_s);

        QSignalSpy states(window.model(), &EvaluationTableModel::stateChanged);
        retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 2, Timeout); // Loading, then Failed again
        QTRY_VERIFY_WITH_TIMEOUT(browser->isErrorBannerShown(), Timeout);

        // The rest of the window keeps working: the filter bar takes input and runs queries.
        auto *search = browser->findChild<QLineEdit *>(u"searchEdit"_s);
        QVERIFY(search->isEnabled());
        search->setFocus();
        QTest::keyClicks(search, u"abc"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window.model()->filter().search, u"abc"_s, Timeout);
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(browser->isErrorBannerShown(), Timeout);
    }

    void statusMenuStaysOpen()
    {
        MainWindow window;
        window.resize(1280, 800);
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.setWorkspace(m_profile);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
        EvaluationFilterBar *bar = window.browser()->filterBar();
        auto *menu = bar->findChild<QMenu *>(u"statusMenu"_s);
        auto *button = bar->findChild<QPushButton *>(u"statusButton"_s);
        QVERIFY(menu && button);
        auto statusAction = [menu](EvaluationStatus status) -> QAction * {
            const QList<QAction *> actions = menu->actions();
            for (QAction *action : actions) {
                if (action->isCheckable() && action->data().toInt() == int(status))
                    return action;
            }
            return nullptr;
        };
        QAction *failed = statusAction(EvaluationStatus::Failed);
        QAction *timeout = statusAction(EvaluationStatus::Timeout);
        QAction *queued = statusAction(EvaluationStatus::Queued);
        QVERIFY(failed && timeout && queued);

        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        QTRY_VERIFY(menu->isVisible());
        // Mouse: two ticks, the menu stays open.
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(failed).center());
        QVERIFY(failed->isChecked());
        QVERIFY(menu->isVisible());
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(timeout).center());
        QVERIFY(timeout->isChecked());
        QVERIFY(menu->isVisible());
        // Keyboard: Space and Enter toggle the highlighted entry, the menu stays open.
        menu->setActiveAction(queued);
        QTest::keyClick(menu, Qt::Key_Space);
        QVERIFY(queued->isChecked());
        QTest::keyClick(menu, Qt::Key_Return);
        QVERIFY(!queued->isChecked());
        QVERIFY(menu->isVisible());
        QCOMPARE(button->text(), u"%1, %2"_s.arg(statusDisplayName(EvaluationStatus::Failed),
                                                 statusDisplayName(EvaluationStatus::Timeout)));
        saveShot(menu, u"browser-status-menu.png"_s);
        const QList<EvaluationStatus> chosen{EvaluationStatus::Failed, EvaluationStatus::Timeout};
        QTRY_COMPARE_WITH_TIMEOUT(window.model()->filter().statuses, chosen, Timeout);

        // "Clear" and "All statuses" act in place too.
        auto *clearAction = menu->findChild<QAction *>(u"clearStatusesAction"_s);
        auto *allAction = menu->findChild<QAction *>(u"allStatusesAction"_s);
        QVERIFY(clearAction && allAction);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(allAction).center());
        QVERIFY(menu->isVisible());
        QVERIFY(failed->isChecked() && queued->isChecked());
        QVERIFY(bar->filter().statuses.isEmpty()); // every status ticked is no filter
        QCOMPARE(button->text(), u"All statuses"_s);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(clearAction).center());
        QVERIFY(menu->isVisible());
        QVERIFY(!failed->isChecked() && !timeout->isChecked());
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!menu->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.model()->filter().statuses, QList<EvaluationStatus>(), Timeout);
        QCOMPARE(button->text(), u"All statuses"_s);
    }

    void pages()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.showPreparing(u"Writing 1,000,000 evaluations…"_s, 42);
        saveShot(&window, u"main-preparing.png"_s);
        window.showWorkspaceError(u"profile.json:3:14: missing ',' between members"_s);
        saveShot(&window, u"main-workspace-error.png"_s);
        QVERIFY(!window.openEvaluation(u"ev-1"_s));
    }
};

QTEST_MAIN(TestUiBrowser)
#include "tst_ui_browser.moc"
