#include "awaitfuture.h"
#include "sources/files/filesource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using Sightline::FileSource;
using Sightline::StorageNode;
using Sightline::StoragePage;
using Sightline::StoragePreview;
using Sightline::StorageSummary;
using Sightline::TestSupport::await;

namespace {

void writeFile(const QString &path, qsizetype size, char fill = 'x')
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(f.write(QByteArray(size, fill)), size);
}

// Bytes this process has read through read()/pread() so far (Linux /proc/self/io).
qint64 bytesRead()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

class TestFileSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagingLargestFirst()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"many"_s));
        for (int i = 0; i < 2500; ++i)
            writeFile(dir.filePath(u"many/f%1"_s.arg(i)), i % 700);
        FileSource source(dir.path());
        source.startScan();
        QVERIFY(await(source.scanFuture()));

        QSet<QString> ids;
        QString continuation;
        int pages = 0;
        qint64 previous = std::numeric_limits<qint64>::max();
        do {
            const StoragePage page = await(source.children(u"/many"_s, continuation));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            QVERIFY(page.nodes.size() <= 1000);
            for (const StorageNode &n : page.nodes) {
                QVERIFY(n.bytes <= previous);
                previous = n.bytes;
                QVERIFY(!ids.contains(n.id));
                ids.insert(n.id);
                QVERIFY(n.id.startsWith(u"/many/f"_s));
                QCOMPARE(n.typeLabel, u"file"_s);
                QVERIFY(n.previewable);
            }
            continuation = page.continuation;
            ++pages;
        } while (!continuation.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(ids.size(), 2500);

        const StoragePage bad = await(source.children(u"/many"_s, u"not-a-number"_s));
        QVERIFY(bad.error.contains(u"continuation"_s));
        const StoragePage unknown = await(source.children(u"/no/such"_s, {}));
        QVERIFY2(unknown.error.contains(u"no folder"_s), qPrintable(unknown.error));
    }

    void rootListingAndFolderTotals()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"big/deeper"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"small"_s));
        writeFile(dir.filePath(u"big/deeper/a"_s), 3000);
        writeFile(dir.filePath(u"big/b"_s), 1000);
        writeFile(dir.filePath(u"small/c"_s), 10);
        writeFile(dir.filePath(u"loose"_s), 500);
        FileSource source(dir.path());
        QSignalSpy progress(&source, &FileSource::progressChanged);
        QSignalSpy changed(&source, &FileSource::contentChanged);
        StoragePage page = await(source.children(QString(), {}));
        QVERIFY(await(source.scanFuture()));
        QTRY_VERIFY(!progress.isEmpty());
        const auto last = progress.last().at(0).value<Sightline::StorageProgress>();
        QVERIFY(last.finished);
        QCOMPARE(last.done, 4);
        QVERIFY(last.what.startsWith(u"Scanning "_s));
        QVERIFY(!changed.isEmpty());

        page = await(source.children(QString(), {}));
        QCOMPARE(page.nodes.size(), 4);
        QCOMPARE(page.nodes.at(0).id, FileSource::largestFilesId.toString());
        QCOMPARE(page.nodes.at(0).kind, StorageNode::Kind::Group);
        QCOMPARE(page.nodes.at(1).name, u"big"_s);
        QCOMPARE(page.nodes.at(1).bytes, 4000);
        QCOMPARE(page.nodes.at(1).count, 2);
        QCOMPARE(page.nodes.at(1).kind, StorageNode::Kind::Group);
        QVERIFY(page.nodes.at(1).hasChildren);
        QCOMPARE(page.nodes.at(2).name, u"loose"_s);
        QCOMPARE(page.nodes.at(3).name, u"small"_s);

        const StorageSummary summary = await(source.summary());
        QVERIFY(summary.reachable);
        QVERIFY(summary.latencyMs >= 0);
        QCOMPARE(summary.itemCount, 4);
        QCOMPARE(summary.totalBytes, 4510);
        QCOMPARE(summary.itemNoun, u"files"_s);
        QVERIFY(summary.details.contains({u"Folders"_s, u"3"_s}));
        QVERIFY(summary.details.contains({u"Unreadable folders"_s, u"0"_s}));
    }

    void largestFiles()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"x/y/z"_s));
        const QList<int> sizes{5, 900, 40, 7000, 12, 3000, 1};
        const QStringList where{u""_s, u"x/"_s, u"x/y/"_s, u"x/y/z/"_s};
        for (int i = 0; i < sizes.size(); ++i)
            writeFile(dir.filePath(where.at(i % where.size()) + u"f%1"_s.arg(i)), sizes.at(i));
        FileSource::Options options;
        options.largestFiles = 3;
        FileSource source(dir.path(), options);
        source.startScan();
        QVERIFY(await(source.scanFuture()));
        const StoragePage page = await(source.children(FileSource::largestFilesId.toString(), {}));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QCOMPARE(page.nodes.size(), 3);
        QCOMPARE(page.nodes.at(0).bytes, 7000);
        QCOMPARE(page.nodes.at(0).name, u"x/y/z/f3"_s);
        QCOMPARE(page.nodes.at(0).id, u"/x/y/z/f3"_s);
        QCOMPARE(page.nodes.at(1).bytes, 3000);
        QCOMPARE(page.nodes.at(2).bytes, 900);
        // A node of the list previews like the same file in the tree.
        const StoragePreview preview = await(source.preview(page.nodes.at(2).id, {}));
        QCOMPARE(preview.totalSize, 900);
        QCOMPARE(preview.text, QString(900, u'x'));
    }

    void evaluationIds()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"outputs"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"logs"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"other"_s));
        writeFile(dir.filePath(u"outputs/ev-0123456789ab.txt"_s), 10);
        writeFile(dir.filePath(u"logs/ev-0123456789ab.log"_s), 20);
        writeFile(dir.filePath(u"other/ev-ffffffffffff.txt"_s), 30);
        writeFile(dir.filePath(u"outputs/notes.md"_s), 5);
        FileSource source(dir.path());
        source.startScan();
        QVERIFY(await(source.scanFuture()));
        const StoragePage outputs = await(source.children(u"/outputs"_s, {}));
        QCOMPARE(outputs.nodes.size(), 2);
        QCOMPARE(outputs.nodes.at(0).evaluationId, u"ev-0123456789ab"_s);
        QVERIFY(outputs.nodes.at(1).evaluationId.isEmpty());
        const StoragePage logs = await(source.children(u"/logs"_s, {}));
        QCOMPARE(logs.nodes.at(0).evaluationId, u"ev-0123456789ab"_s);
        const StoragePage other = await(source.children(u"/other"_s, {}));
        QVERIFY(other.nodes.at(0).evaluationId.isEmpty());
    }

    void hundredMegabytePreviewReadsOnlyTheStart()
    {
        QTemporaryDir dir;
        {
            QFile f(dir.filePath(u"huge.txt"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write(QByteArray(70 * 1024, 'a')) > 0);
            QVERIFY(f.resize(100LL * 1024 * 1024)); // the rest is a hole: cheap to make
        }
        FileSource source(dir.path());
        const qint64 before = bytesRead();
        QVERIFY(before >= 0);
        QElapsedTimer timer;
        timer.start();
        const StoragePreview first = await(source.preview(u"/huge.txt"_s, {}));
        const qint64 elapsed = timer.elapsed();
        const qint64 read = bytesRead() - before;
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.totalSize, 100LL * 1024 * 1024);
        QVERIFY(first.truncated);
        QCOMPARE(first.continuation, u"65536"_s);
        QCOMPARE(first.text, QString(65536, u'a'));
        QVERIFY2(read < 1024 * 1024, qPrintable(u"read %1 bytes for a 64 KB preview"_s.arg(read)));
        QVERIFY2(elapsed < 2000, qPrintable(u"took %1 ms"_s.arg(elapsed)));

        // The next page holds the last 6 KB of text, then zeros: binary, shown as hex.
        const StoragePreview second = await(source.preview(u"/huge.txt"_s, first.continuation));
        QVERIFY(second.truncated);
        QCOMPARE(second.continuation, u"131072"_s);
        QVERIFY2(second.text.startsWith(u"00010000  61 61 61"_s), qPrintable(second.text.left(80)));
    }

    void previewKeepsCharactersWhole()
    {
        QTemporaryDir dir;
        // 'é' is two bytes; put one across the 64 KB boundary.
        QByteArray data(65535, 'a');
        data += "\xc3\xa9tail";
        {
            QFile f(dir.filePath(u"utf8.txt"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        }
        FileSource source(dir.path());
        const StoragePreview first = await(source.preview(u"/utf8.txt"_s, {}));
        QCOMPARE(first.continuation, u"65535"_s);
        QCOMPARE(first.text.size(), 65535);
        const StoragePreview second = await(source.preview(u"/utf8.txt"_s, first.continuation));
        QCOMPARE(second.text, u"étail"_s);
        QVERIFY(!second.truncated);
        QVERIFY(second.continuation.isEmpty());
    }

    void badPreviews()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"folder"_s));
        FileSource source(dir.path());
        QVERIFY(await(source.preview(u"/folder"_s, {})).error.contains(u"not a regular file"_s));
        QVERIFY(await(source.preview(u"/missing"_s, {})).error.contains(u"No such file"_s));
        QVERIFY(await(source.preview(u"largest:"_s, {})).error.contains(u"not a file"_s));
        QVERIFY(await(source.preview(u"/folder"_s, u"-4"_s)).error.contains(u"continuation"_s));
    }

    void unreachableRoot()
    {
        FileSource source(u"/nonexistent/sightline-files"_s);
        const StorageSummary summary = await(source.summary());
        QVERIFY(!summary.reachable);
        QVERIFY2(summary.error.contains(u"No such file or directory"_s), qPrintable(summary.error));
        const StoragePage page = await(source.children(QString(), {}));
        // Once the walk has failed, a listing says why.
        QVERIFY(await(source.scanFuture()) == false);
        const StoragePage again = await(source.children(QString(), {}));
        QVERIFY2(!page.error.isEmpty() || !again.error.isEmpty(), "listing a missing root gives an error");
    }

    // The tree `sightline seed --files` writes (scripts/test): outputs and logs carry their ids.
    void seededTree()
    {
        const QString root = qEnvironmentVariable("SIGHTLINE_TEST_FILES_ROOT");
        QVERIFY2(!root.isEmpty(), "SIGHTLINE_TEST_FILES_ROOT is not set: run this test through scripts/test");
        FileSource source(root);
        await(source.children(QString(), {}));
        QVERIFY(await(source.scanFuture()));
        const StorageSummary summary = await(source.summary());
        QVERIFY(summary.itemCount > 0);
        QVERIFY(summary.totalBytes > 0);
        for (const QString &folder : {u"/outputs"_s, u"/logs"_s}) {
            const StoragePage page = await(source.children(folder, {}));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            QVERIFY(!page.nodes.isEmpty());
            for (const StorageNode &n : page.nodes) {
                QVERIFY2(n.evaluationId.startsWith(u"ev-"_s), qPrintable(n.id));
                QVERIFY(n.name.startsWith(n.evaluationId));
            }
        }
        const StoragePage largest = await(source.children(FileSource::largestFilesId.toString(), {}));
        QVERIFY(!largest.nodes.isEmpty());
        QCOMPARE(
            largest.nodes.first().bytes,
            std::max_element(largest.nodes.cbegin(), largest.nodes.cend(), [](const auto &a, const auto &b) {
                return a.bytes < b.bytes;
            })->bytes);
    }

    void stopDuringScan()
    {
        QTemporaryDir dir;
        for (int d = 0; d < 30; ++d) {
            QVERIFY(QDir(dir.path()).mkpath(u"d%1"_s.arg(d)));
            for (int f = 0; f < 200; ++f)
                writeFile(dir.filePath(u"d%1/f%2"_s.arg(d).arg(f)), 1);
        }
        FileSource source(dir.path());
        source.startScan();
        source.stop();
        QVERIFY(QTest::qWaitFor([&] { return source.scanFuture().isFinished(); }, 5000));
        // Later calls work again: the next listing of the root scans afresh, to the end.
        const StoragePage page = await(source.children(QString(), {}));
        QVERIFY(!page.cancelled);
        QVERIFY(await(source.scanFuture()));
        QCOMPARE(await(source.summary()).itemCount, 6000);
    }
    // Refresh after files changed on disk: rescan() forgets the index, children("") walks again.
    void rescanSeesNewFiles()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"sub"_s));
        writeFile(dir.filePath(u"sub/a"_s), 100);
        FileSource source(dir.path());
        await(source.children(QString(), {}));
        QVERIFY(await(source.scanFuture()));
        QCOMPARE(await(source.summary()).itemCount, 1);

        writeFile(dir.filePath(u"sub/b"_s), 5000);
        // Without rescan() the complete scan is kept.
        await(source.children(QString(), {}));
        QCOMPARE(await(source.children(u"/sub"_s, {})).nodes.size(), 1);

        source.rescan();
        await(source.children(QString(), {}));
        QVERIFY(await(source.scanFuture()));
        const StoragePage root = await(source.children(QString(), {}));
        QCOMPARE(root.nodes.size(), 2);
        QCOMPARE(root.nodes.at(1).name, u"sub"_s);
        QCOMPARE(root.nodes.at(1).bytes, 5100);
        QCOMPARE(root.nodes.at(1).count, 2);
        const StoragePage sub = await(source.children(u"/sub"_s, {}));
        QCOMPARE(sub.nodes.size(), 2);
        QCOMPARE(sub.nodes.at(0).id, u"/sub/b"_s);
        QCOMPARE(sub.nodes.at(0).bytes, 5000);
        const StorageSummary summary = await(source.summary());
        QCOMPARE(summary.itemCount, 2);
        QCOMPARE(summary.totalBytes, 5100);
    }

    // rescan() during a walk stops it; the next children("") walks the whole tree afresh.
    void rescanDuringScan()
    {
        QTemporaryDir dir;
        for (int d = 0; d < 5; ++d) {
            QVERIFY(QDir(dir.path()).mkpath(u"d%1"_s.arg(d)));
            writeFile(dir.filePath(u"d%1/f"_s.arg(d)), 10);
        }
        std::atomic_bool hold{true};
        std::atomic_int reached{0};
        FileSource::Options options;
        options.scanHookEvery = 1;
        options.scanHook = [&](qint64) {
            ++reached;
            while (hold.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        };
        FileSource source(dir.path(), options);
        // A failed check must not leave the walk paused: the destructor joins it.
        const auto unpause = qScopeGuard([&] { hold = false; });
        source.startScan();
        const QFuture<bool> first = source.scanFuture();
        QVERIFY(QTest::qWaitFor([&] { return reached.load() > 0; }, 5000));
        source.rescan();
        // The new index is empty until the next walk: nothing stale is listed.
        QVERIFY(await(source.children(u"/d0"_s, {})).nodes.isEmpty());
        source.startScan();
        hold = false;
        QVERIFY(await(first) == false);
        QVERIFY(await(source.scanFuture()));
        QCOMPARE(await(source.summary()).itemCount, 5);
    }

    // No call on the GUI thread waits for the index mutex, which a reader (the largest-files
    // sort over every entry) may hold for long.
    void guiThreadNeverWaitsOnIndexMutex()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"a"_s), 10);
        FileSource source(dir.path());
        source.startScan();
        QVERIFY(await(source.scanFuture()));

        std::atomic_bool locked{false};
        std::atomic_bool release{false};
        std::thread holder([&] {
            std::lock_guard lock(source.index()->mutex);
            locked = true;
            for (int i = 0; i < 3000 && !release.load(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
        while (!locked.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        QElapsedTimer timer;
        timer.start();
        source.startScan();
        const QFuture<StoragePage> root = source.children(QString(), {});
        const QFuture<StorageSummary> summary = source.summary();
        const QFuture<StoragePreview> preview = source.preview(u"/a"_s, {});
        source.rescan();
        source.startScan();
        const qint64 elapsed = timer.elapsed();
        release = true;
        holder.join();
        QVERIFY2(elapsed < 500, qPrintable(u"GUI-thread calls took %1 ms"_s.arg(elapsed)));
        await(root);
        await(summary);
        await(preview);
        QVERIFY(await(source.scanFuture()));
    }

    // A folder listed while the walk is still inside it pages by name: sizes change between
    // pages, and an offset into a largest-first order would skip or repeat entries.
    void pagingDuringScanIsStable()
    {
        QTemporaryDir dir;
        // top: six sub-folders still 0 bytes when top is read, six small files.
        for (int i = 0; i < 6; ++i) {
            QVERIFY(QDir(dir.path()).mkpath(u"top/s%1"_s.arg(i)));
            writeFile(dir.filePath(u"top/s%1/big"_s.arg(i)), 1000 * (i + 1));
            writeFile(dir.filePath(u"top/f%1"_s.arg(i)), i + 1);
        }
        std::atomic_bool hold{true};
        std::atomic<qint64> seenAtPause{0};
        FileSource::Options options;
        options.pageSize = 4;
        options.scanHookEvery = 1;
        options.scanHook = [&](qint64 seen) {
            // The first report comes right after top's six files went into the index.
            if (seenAtPause.load() == 0)
                seenAtPause = seen;
            while (hold.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        };
        FileSource source(dir.path(), options);
        // A failed check must not leave the walk paused: the destructor joins it.
        const auto unpause = qScopeGuard([&] { hold = false; });
        source.startScan();
        QVERIFY(QTest::qWaitFor([&] { return seenAtPause.load() > 0; }, 5000));
        QCOMPARE(seenAtPause.load(), 6);

        const StoragePage first = await(source.children(u"/top"_s, {}));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.nodes.size(), 4);
        QVERIFY(first.continuation.startsWith(u"n:"_s));
        // Let the walk finish: every sub-folder grows past every file.
        hold = false;
        QVERIFY(await(source.scanFuture()));

        QStringList names;
        for (const StorageNode &n : first.nodes)
            names.append(n.name);
        QString continuation = first.continuation;
        for (int pages = 0; !continuation.isEmpty() && pages < 10; ++pages) {
            const StoragePage page = await(source.children(u"/top"_s, continuation));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            for (const StorageNode &n : page.nodes)
                names.append(n.name);
            continuation = page.continuation;
        }
        const QStringList byName{u"f0"_s, u"f1"_s, u"f2"_s, u"f3"_s, u"f4"_s, u"f5"_s,
                                 u"s0"_s, u"s1"_s, u"s2"_s, u"s3"_s, u"s4"_s, u"s5"_s};
        QCOMPARE(names, byName);

        // Listed afresh after the walk: largest first, and a size continuation.
        const StoragePage after = await(source.children(u"/top"_s, {}));
        QCOMPARE(after.nodes.at(0).name, u"s5"_s);
        QVERIFY(after.continuation.startsWith(u"s"_s));
        // A size continuation is only good for the walk that made it.
        source.rescan();
        await(source.children(QString(), {}));
        QVERIFY(await(source.scanFuture()));
        const StoragePage stale = await(source.children(u"/top"_s, after.continuation));
        QVERIFY2(stale.error.contains(u"list it again"_s), qPrintable(stale.error));
    }
};

QTEST_GUILESS_MAIN(TestFileSource)
#include "tst_filesource.moc"
