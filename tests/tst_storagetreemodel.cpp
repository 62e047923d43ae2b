// StorageTreeModel over a real backend (the Files source on a folder made here): lazy loading,
// "more…" paging, stop, rescans merging in place, and the filter proxy — all under
// QAbstractItemModelTester.

#include "models/storagefilterproxy.h"
#include "models/storagetreemodel.h"
#include "sources/files/filesource.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

void writeFile(const QString &path, qsizetype bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.write(QByteArray(bytes, 'x'));
}

using RowKind = StorageTreeModel::RowKind;

RowKind kindOf(const QModelIndex &index)
{
    return index.data(StorageTreeModel::RowKindRole).value<RowKind>();
}

// Waits until nothing is loading.
bool settle(StorageTreeModel &model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 10000);
}

// The scan fills the tree in as it goes: waits until `id` is among the loaded nodes.
QModelIndex waitForNode(StorageTreeModel &model, const QString &id)
{
    (void)QTest::qWaitFor([&] { return model.findNode(id).isValid() && !model.isLoading(); }, 10000);
    return model.findNode(id);
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data().toString();
    return out;
}

} // namespace

class TestStorageTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // outputs/ holds 7 files (largest first: ev-6 … ev-0), logs/ 2, and one file at the top.
        for (int i = 0; i < 7; ++i)
            writeFile(m_dir.filePath(u"outputs/ev-%1.txt"_s.arg(i)), 1000 * (i + 1));
        writeFile(m_dir.filePath(u"logs/ev-1.log"_s), 10);
        writeFile(m_dir.filePath(u"logs/ev-2.log"_s), 20);
        writeFile(m_dir.filePath(u"README"_s), 5);
    }

    void loadsLazilyAndPages()
    {
        FileSource::Options options;
        options.pageSize = 3;
        FileSource source(m_dir.path(), options);
        StorageTreeModel model(&source);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        // The tester asks for the root itself, as a view would.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // asked once
        QVERIFY(model.isLoading());
        QVERIFY(settle(model));
        source.scanFuture().waitForFinished();
        QVERIFY(settle(model));

        // Root: outputs (28 KB), logs, README, and the "Largest files" group (first or last). The
        // scan fills the root in as it goes: wait for its folders.
        waitForNode(model, u"/outputs"_s);
        waitForNode(model, u"/logs"_s);
        const QStringList root = names(model, {});
        QVERIFY2(root.contains(u"outputs"_s) && root.contains(u"logs"_s), qPrintable(root.join(u", "_s)));
        QVERIFY(inserted.count() > 0);

        // The refresh after the scan ended brings the folder's final size.
        QVERIFY(QTest::qWaitFor(
            [&] { return model.node(model.findNode(u"/outputs"_s)).bytes == 28000 && !model.isLoading(); },
            10000));
        const QModelIndex outputs = model.findNode(u"/outputs"_s);
        QVERIFY(outputs.isValid());
        QVERIFY(model.hasChildren(outputs));
        model.fetchMore(outputs); // a no-op when the tester has already asked, as views do
        QVERIFY(!model.canFetchMore(outputs));
        QVERIFY(settle(model));
        // A page of 3, largest first, then "more…".
        QCOMPARE(model.rowCount(outputs), 4);
        QCOMPARE(model.index(0, 0, outputs).data().toString(), u"ev-6.txt"_s);
        QCOMPARE(model.index(0, 0, outputs).data(StorageTreeModel::EvaluationIdRole).toString(), u"ev-6"_s);
        QCOMPARE(kindOf(model.index(3, 0, outputs)), RowKind::More);
        QVERIFY(model.activate(model.index(3, 0, outputs)));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(outputs), 7); // 6 files + more…
        QVERIFY(model.activate(model.index(6, 0, outputs)));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(outputs), 7); // all 7, no more row
        QCOMPARE(kindOf(model.index(6, 0, outputs)), RowKind::Node);
        QCOMPARE(model.index(6, 0, outputs).data().toString(), u"ev-0.txt"_s);
        // Sizes are shown, right-aligned, with a share of the parent for size bars.
        QCOMPARE(model.index(0, StorageTreeModel::Size, outputs).data().toString().isEmpty(), false);
        QVERIFY(model.index(0, 0, outputs).data(StorageTreeModel::ShareOfParentRole).toDouble() > 0.24);
        // A node is not an action; activating it leaves it to the view.
        QVERIFY(!model.activate(model.index(0, 0, outputs)));
    }

    void rescanMergesInPlace()
    {
        FileSource source(m_dir.path());
        StorageTreeModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        source.scanFuture().waitForFinished();
        QVERIFY(settle(model));
        const QModelIndex logs = waitForNode(model, u"/logs"_s);
        QVERIFY(logs.isValid());
        model.fetchMore(logs);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(logs), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // contentChanged (a scan saying it knows more) refetches loaded nodes and merges by id:
        // nothing is removed, the same rows are updated.
        Q_EMIT source.contentChanged();
        QVERIFY(QTest::qWaitFor([&] { return changed.count() > 0; }, 5000));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(logs), 2);
        QCOMPARE(model.findNode(u"/logs"_s), logs);
        const int nodeRowsRemoved =
            int(std::count_if(removed.cbegin(), removed.cend(), [&](const auto &args) {
                return args.at(0).template value<QModelIndex>() == logs;
            }));
        QCOMPARE(nodeRowsRemoved, 0);
    }

    void stopForgetsPendingRequests()
    {
        FileSource source(m_dir.path());
        StorageTreeModel model(&source);
        QSignalSpy loading(&model, &StorageTreeModel::loadingChanged);
        model.fetchMore({});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.isLoading());
        model.stop();
        QVERIFY(!model.isLoading());
        QCOMPARE(loading.count(), 2); // on, then off
        // The root is "not asked yet" again: expanding later asks anew, and it works.
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
        model.fetchMore({});
        QVERIFY(settle(model));
        source.scanFuture().waitForFinished();
        QVERIFY(QTest::qWaitFor([&] { return model.findNode(u"/outputs"_s).isValid(); }, 5000));
    }

    void filterKeepsMatchesAndAncestors()
    {
        FileSource source(m_dir.path());
        StorageTreeModel model(&source);
        StorageFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        source.scanFuture().waitForFinished();
        QVERIFY(settle(model));
        const QModelIndex outputs = waitForNode(model, u"/outputs"_s);
        model.fetchMore(outputs);
        model.fetchMore(waitForNode(model, u"/logs"_s));
        QVERIFY(settle(model));

        proxy.setFilterText(u"ev-2"_s);
        // outputs/ev-2.txt and logs/ev-2.log, with their folders; README is gone.
        const QStringList top = names(proxy, {});
        QVERIFY2(top.contains(u"outputs"_s) && top.contains(u"logs"_s) && !top.contains(u"README"_s),
                 qPrintable(top.join(u", "_s)));
        const QModelIndex proxyOutputs = proxy.mapFromSource(outputs);
        QCOMPARE(names(proxy, proxyOutputs), QStringList{u"ev-2.txt"_s});
        proxy.setFilterText({});
        // A proxy index is only good until the proxy changes: map again.
        QCOMPARE(proxy.rowCount(proxy.mapFromSource(outputs)), model.rowCount(outputs));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStorageTreeModel)
#include "tst_storagetreemodel.moc"
