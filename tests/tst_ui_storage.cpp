// The Storage Explorer, headless, over real backends: a seeded SQLite workspace with its file tree,
// and every server scripts/test starts (PostgreSQL, Redis, S3, the storage-service fixture).
// Screenshots go to $SIGHTLINE_TEST_OUTPUT_DIR (default: <build>/tests/screenshots).

#include "models/storagetreemodel.h"
#include "screenshots.h"
#include "sources/storagesources.h"
#include "storetestsupport.h"
#include "ui/evaluationwindow.h"
#include "ui/mainwindow.h"
#include "ui/storageexplorer.h"
#include "ui/storagepanel.h"
#include "ui/storagepreviewview.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr int Timeout = 30000;

bool waitSettled(StorageExplorer *explorer, int timeoutMs = Timeout)
{
    // Settled for a moment: a scan may pause between two batches.
    int quiet = 0;
    return QTest::qWaitFor(
        [&] {
            quiet = explorer->isSettled() ? quiet + 1 : 0;
            return quiet >= 3;
        },
        timeoutMs);
}

QModelIndex findRow(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

// The first loaded row (depth first) that belongs to an evaluation.
QModelIndex firstEvaluationItem(QAbstractItemModel *model, const QModelIndex &parent)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (!index.data(StorageTreeModel::EvaluationIdRole).toString().isEmpty())
            return index;
        const QModelIndex below = firstEvaluationItem(model, index);
        if (below.isValid())
            return below;
    }
    return {};
}

} // namespace

class TestUiStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSupport::Screenshots m_shots;
    WorkspaceProfile m_sqliteProfile;

    void saveShot(QWidget *widget, const QString &name) { m_shots.save(widget, name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shots.prepare());
        QString error;
        const QString path = TestSupport::seedSqlite(m_dir, 800, 11, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        m_sqliteProfile.name = u"explorer-sqlite"_s;
        m_sqliteProfile.sqlitePath = path;
        m_sqliteProfile.filesRoot = m_dir.filePath(u"files"_s);
    }

    void sqliteWorkspaceShowsItsBackends()
    {
        MainWindow window;
        window.resize(1280, 900);
        window.setWorkspace(m_sqliteProfile);
        window.show();
        window.showView(MainWindow::View::Storage);
        QCOMPARE(window.currentView(), MainWindow::View::Storage);
        StorageExplorer *explorer = window.storageExplorer();
        QCOMPARE(explorer->panels().size(), 2);
        StoragePanel *sqlite = explorer->panel(StorageBackend::SQLite);
        StoragePanel *files = explorer->panel(StorageBackend::Files);
        QVERIFY(sqlite && files);
        QVERIFY(waitSettled(explorer));
        QVERIFY2(sqlite->summary().reachable, qPrintable(sqlite->summary().error));
        QVERIFY2(sqlite->summaryLine().contains(u"tables"_s), qPrintable(sqlite->summaryLine()));
        QVERIFY(files->summary().reachable);

        // Zoom in: SQLite to depth 3 (schema → tables → Columns/Rows), Files to depth 2.
        explorer->expandAll(3);
        QVERIFY(sqlite->isExpanded() && files->isExpanded());
        QVERIFY(waitSettled(explorer));
        QAbstractItemModel *tree = sqlite->treeView()->model();
        QVERIFY(tree->rowCount() >= 1);
        const QModelIndex schema = tree->index(0, 0);
        const QModelIndex evaluations = findRow(tree, schema, u"evaluations"_s);
        QVERIFY2(evaluations.isValid(), "the evaluations table is listed under the schema");
        QVERIFY(sqlite->treeView()->isExpanded(evaluations));
        const QModelIndex rows = findRow(tree, evaluations, u"Rows"_s);
        QVERIFY(rows.isValid());
        sqlite->treeView()->expand(rows);
        QVERIFY(waitSettled(explorer));
        // 800 rows, 200 a page: a page and "more…".
        QCOMPARE(tree->rowCount(rows), 201);
        const QModelIndex firstRow = tree->index(0, 0, rows);
        const QString evaluationId = firstRow.data(StorageTreeModel::EvaluationIdRole).toString();
        QVERIFY(!evaluationId.isEmpty());

        // Selecting a row previews every column of it.
        sqlite->treeView()->setCurrentIndex(firstRow);
        QVERIFY(QTest::qWaitFor([&] { return !sqlite->previewView()->isLoading(); }, Timeout));
        const QString preview = sqlite->previewView()->text();
        QVERIFY2(preview.contains(evaluationId) && preview.contains(u"status"_s),
                 qPrintable(preview.left(500)));

        // Files: outputs/ and its largest file's preview.
        QAbstractItemModel *fileTree = files->treeView()->model();
        const QModelIndex outputs = findRow(fileTree, {}, u"outputs"_s);
        QVERIFY(outputs.isValid());
        QVERIFY(QTest::qWaitFor([&] { return fileTree->rowCount(outputs) > 0; }, Timeout));
        const QModelIndex largest = fileTree->index(0, 0, outputs);
        files->treeView()->setCurrentIndex(largest);
        QVERIFY(QTest::qWaitFor([&] { return !files->previewView()->isLoading(); }, Timeout));
        QVERIFY(!files->previewView()->text().isEmpty());
        saveShot(&window, u"storage-explorer-sqlite.png"_s);

        // The filter keeps matching rows (and their ancestors) only.
        const QString fileName = largest.data().toString();
        files->setFilterText(fileName);
        // outputs/ (and the "Largest files" group, which lists it too); logs/ is gone.
        QVERIFY(findRow(fileTree, {}, u"outputs"_s).isValid());
        QVERIFY(!findRow(fileTree, {}, u"logs"_s).isValid());
        QVERIFY(fileTree->rowCount() <= 2);
        QCOMPARE(fileTree->rowCount(findRow(fileTree, {}, u"outputs"_s)), 1);
        files->setFilterText({});

        // Activating an item that belongs to an evaluation opens its window.
        sqlite->treeView()->setCurrentIndex(firstRow);
        Q_EMIT sqlite->treeView()->activated(firstRow);
        QCOMPARE(window.evaluationWindows().size(), 1);
        QCOMPARE(window.evaluationWindows().constFirst()->evaluationId(), evaluationId);

        // Collapsing a backend stops its work and hides its tree; the card stays.
        files->setExpanded(false);
        QVERIFY(!files->treeView()->isVisible());
        QVERIFY(!files->model()->isLoading());
        QVERIFY(files->isVisible());
    }

    // Every server scripts/test starts, in one workspace: all six panels answer, a whole
    // exploration to depth 2 settles, and an item of each network backend opens its preview.
    void everyBackendOfTheTestServers()
    {
        const QString postgres = TestSupport::postgresUrl();
        const QString redis = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        const QString s3 = qEnvironmentVariable("SIGHTLINE_TEST_S3_URL");
        const QString bucket = qEnvironmentVariable("SIGHTLINE_TEST_S3_BUCKET");
        const QString memory = qEnvironmentVariable("SIGHTLINE_TEST_MEMORY_URL");
        const QString files = qEnvironmentVariable("SIGHTLINE_TEST_FILES_ROOT");
        if (postgres.isEmpty() || redis.isEmpty() || s3.isEmpty() || memory.isEmpty() || files.isEmpty())
            QFAIL(
                "SIGHTLINE_TEST_POSTGRES_URL, _REDIS_URL, _S3_URL, _MEMORY_URL and _FILES_ROOT must be set: "
                "run the tests through scripts/test, which starts and seeds those servers");
        WorkspaceProfile profile;
        profile.name = u"test-servers"_s;
        profile.postgresUrl = postgres;
        profile.redis.url = redis;
        profile.s3.endpoint = s3;
        profile.s3.bucket = bucket;
        profile.memoryUrl = memory;
        profile.filesRoot = files;

        MainWindow window;
        window.resize(1400, 1000);
        window.setWorkspace(profile);
        window.show();
        window.showView(MainWindow::View::Storage);
        StorageExplorer *explorer = window.storageExplorer();
        QCOMPARE(explorer->panels().size(), 5); // PostgreSQL, Redis, Files, S3, memory
        QVERIFY(waitSettled(explorer, 60000));
        for (StoragePanel *panel : explorer->panels()) {
            QVERIFY2(panel->summary().reachable, qPrintable(storageBackendTitle(panel->source()->backend()) +
                                                            u": "_s + panel->summary().error));
            QVERIFY2(panel->summary().latencyMs >= 0, qPrintable(panel->summaryLine()));
        }
        explorer->expandAll(2);
        QVERIFY(waitSettled(explorer, 120000));
        for (StoragePanel *panel : explorer->panels()) {
            const QString title = storageBackendTitle(panel->source()->backend());
            QVERIFY2(panel->treeView()->model()->rowCount() > 0, qPrintable(title + u" shows nothing"_s));
            // Something that belongs to an evaluation is within two levels of every backend but
            // the relational store (its rows sit deeper): find one and preview it.
            if (panel->source()->backend() == StorageBackend::PostgreSQL)
                continue;
            QModelIndex item = firstEvaluationItem(panel->treeView()->model(), {});
            QVERIFY2(item.isValid(), qPrintable(title + u": no evaluation item within depth 2"_s));
            // A namespace or prefix of one evaluation (eval:<id>, evaluations/<id>/): down to an item.
            while (panel->treeView()->model()->hasChildren(item)) {
                panel->treeView()->expand(item);
                QVERIFY(waitSettled(explorer));
                item = panel->treeView()->model()->index(0, 0, item);
            }
            panel->treeView()->setCurrentIndex(item);
            QVERIFY(QTest::qWaitFor([&] { return !panel->previewView()->isLoading(); }, Timeout));
            QVERIFY2(!panel->previewView()->text().startsWith(u"Could not"_s),
                     qPrintable(title + u": "_s + panel->previewView()->text()));
        }
        saveShot(&window, u"storage-explorer-all-backends.png"_s);
        explorer->collapseAll();
        for (StoragePanel *panel : explorer->panels())
            QVERIFY(!panel->isBusy());
    }
};

QTEST_MAIN(TestUiStorage)
#include "tst_ui_storage.moc"
