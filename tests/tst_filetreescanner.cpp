#include "sources/files/filesource.h"
#include "sources/files/filetreescanner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;
using Sightline::FileTreeIndex;
using Sightline::FileTreeScanner;
using Sightline::StopToken;
using Sightline::StorageTaskRunner;

namespace {

constexpr char scanAsNobodyVariable[] = "SIGHTLINE_TEST_SCAN_AS_NOBODY";

void writeFile(const QByteArray &path, qsizetype size)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY2(fd >= 0, path.constData());
    const QByteArray data(size, 'x');
    QCOMPARE(::write(fd, data.constData(), size_t(size)), ssize_t(size));
    ::close(fd);
}

std::shared_ptr<FileTreeIndex> scanNow(const QByteArray &root, bool *complete = nullptr)
{
    auto index = std::make_shared<FileTreeIndex>();
    FileTreeScanner scanner(root, index);
    const bool ok = scanner.scan(StopToken{});
    if (complete)
        *complete = ok;
    return index;
}

const FileTreeIndex::Folder &folderAt(const FileTreeIndex &ix, const QByteArray &path)
{
    const qint32 i = ix.findFolder(path);
    static const FileTreeIndex::Folder none;
    return i < 0 ? none : ix.folders[size_t(i)];
}

// The child half of unreadableFolder when the test runs as root (as CI does): root reads any
// folder whatever its mode, so the scan runs in a process that became user nobody first.
int scanAsNobody(const QByteArray &root, int argc, char **argv)
{
    const passwd *nobody = ::getpwnam("nobody");
    if (::geteuid() != 0) {
        // already unprivileged: mode 000 stops this user
    } else if (!nobody || ::setgroups(0, nullptr) != 0 || ::setgid(nobody->pw_gid) != 0 ||
               ::setuid(nobody->pw_uid) != 0 || ::geteuid() == 0) {
        std::fprintf(stderr, "cannot become user nobody\n");
        return 3;
    }
    QCoreApplication app(argc, argv);
    const auto index = scanNow(root);
    const qint32 locked = index->findFolder("locked");
    QJsonObject out{{u"unreadable"_s, index->unreadableFolders},
                    {u"files"_s, index->folders.empty() ? -1 : index->folders.front().files},
                    {u"lockedError"_s, locked < 0 ? -1 : index->folders[size_t(locked)].error},
                    {u"error"_s, index->error}};
    Sightline::FileSource source(QFile::decodeName(root));
    source.startScan();
    source.scanFuture().waitForFinished();
    auto rootPage = source.children(QString(), {});
    for (const auto &node : rootPage.result().nodes) {
        if (node.name == u"locked"_s)
            out.insert(u"lockedDetail"_s, node.detail);
    }
    out.insert(u"lockedListing"_s, source.children(u"/locked"_s, {}).result().error);
    auto summary = source.summary();
    for (const auto &[label, value] : summary.result().details) {
        if (label == u"Unreadable folders"_s)
            out.insert(u"summaryUnreadable"_s, value);
    }
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    return 0;
}

} // namespace

class TestFileTreeScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestedSizesAndCounts()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        QVERIFY(QDir(dir.path()).mkpath(u"a/b"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"c"_s));
        writeFile(root + "/top.txt", 5);
        writeFile(root + "/a/f1", 100);
        writeFile(root + "/a/f2", 200);
        writeFile(root + "/a/b/f3", 1000);

        bool complete = false;
        const auto ix = scanNow(root, &complete);
        QVERIFY(complete);
        QVERIFY(ix->finished);
        const auto &r = folderAt(*ix, "");
        QCOMPARE(r.bytes, 1305);
        QCOMPARE(r.files, 4);
        QCOMPARE(r.folders, 3);
        QVERIFY(r.allocatedBytes >= 4 * 512); // each file and folder takes at least one block
        QCOMPARE(folderAt(*ix, "a").bytes, 1300);
        QCOMPARE(folderAt(*ix, "a").files, 3);
        QCOMPARE(folderAt(*ix, "a").folders, 1);
        QCOMPARE(folderAt(*ix, "a/b").bytes, 1000);
        QCOMPARE(folderAt(*ix, "c").bytes, 0);
        QCOMPARE(folderAt(*ix, "c").files, 0);
        QCOMPARE(ix->findFolder("a/missing"), -1);
        QCOMPARE(ix->relativePath(ix->findFolder("a/b")), QByteArray("a/b"));
        QVERIFY(ix->findEntry(ix->findFolder("a"), "f2") >= 0);
        QCOMPARE(ix->unreadableFolders, 0);
    }

    void symlinkLoopReportedNotFollowed()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        QVERIFY(QDir(dir.path()).mkpath(u"d/e"_s));
        writeFile(root + "/d/e/data", 64);
        QCOMPARE(::symlink("..", QByteArray(root + "/d/e/up").constData()), 0); // to d: an ancestor
        QCOMPARE(::symlink(".", QByteArray(root + "/d/self").constData()), 0);  // to d itself
        QCOMPARE(::symlink(root.constData(), QByteArray(root + "/d/e/root").constData()), 0);
        QCOMPARE(::symlink("e/data", QByteArray(root + "/d/file-link").constData()), 0); // not a loop
        QCOMPARE(::symlink("/nonexistent/x", QByteArray(root + "/dangling").constData()), 0);

        bool complete = false;
        const auto ix = scanNow(root, &complete);
        QVERIFY(complete);
        QCOMPARE(ix->symlinkLoops, 3);
        QCOMPARE(folderAt(*ix, "").folders, 2); // d and d/e: nothing reached through a link
        QCOMPARE(folderAt(*ix, "").files, 6);   // data and five links, each counted once
        const qint32 e = ix->findFolder("d/e");
        const auto &up = ix->entries[size_t(ix->findEntry(e, "up"))];
        QCOMPARE(up.type, FileTreeIndex::EntryType::Symlink);
        QVERIFY(up.symlinkLoop);
        const auto &fileLink = ix->entries[size_t(ix->findEntry(ix->findFolder("d"), "file-link"))];
        QVERIFY(!fileLink.symlinkLoop);
        const auto &dangling = ix->entries[size_t(ix->findEntry(0, "dangling"))];
        QCOMPARE(dangling.type, FileTreeIndex::EntryType::Symlink);
        QVERIFY(!dangling.symlinkLoop);

        // The source shows the link and its target, and says which ones loop.
        Sightline::FileSource source(dir.path());
        source.startScan();
        QTRY_VERIFY(source.scanFuture().isFinished());
        auto page = source.children(u"/d/e"_s, {});
        QTRY_VERIFY(page.isFinished());
        bool sawLoop = false;
        for (const auto &node : page.result().nodes) {
            if (node.name == u"up"_s) {
                QCOMPARE(node.typeLabel, u"symlink"_s);
                QVERIFY2(node.detail.contains(u"symlink loop"_s), qPrintable(node.detail));
                QVERIFY(node.detail.contains(u".."_s));
                QVERIFY(!node.previewable);
                sawLoop = true;
            }
        }
        QVERIFY(sawLoop);
        auto summary = source.summary();
        QTRY_VERIFY(summary.isFinished());
        QVERIFY(summary.result().details.contains({u"Symlink loops"_s, u"3"_s}));
    }

    void unreadableFolderReportedAndSkipped()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        QVERIFY(QDir(dir.path()).mkpath(u"locked/inner"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"open"_s));
        writeFile(root + "/locked/inner/secret", 10);
        writeFile(root + "/open/a", 7);
        writeFile(root + "/b", 3);
        QCOMPARE(::chmod(QByteArray(root + "/locked").constData(), 0), 0);
        auto restore = qScopeGuard([&] { ::chmod(QByteArray(root + "/locked").constData(), 0755); });

        // Root reads through mode 000 (CI runs as root), so the scan runs in a child process
        // that becomes user nobody first; as anyone else the child just scans.
        QCOMPARE(::chmod(root.constData(), 0755), 0);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(scanAsNobodyVariable), dir.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QVERIFY2(child.exitCode() == 0, child.readAllStandardError().constData());
        const QJsonObject out = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        QVERIFY2(out.value(u"lockedDetail"_s).toString().startsWith(u"unreadable: Permission denied"_s),
                 qPrintable(out.value(u"lockedDetail"_s).toString()));
        const QString listing = out.value(u"lockedListing"_s).toString();
        QVERIFY2(listing.contains(u"cannot read"_s) && listing.contains(u"Permission denied"_s),
                 qPrintable(listing));
        QCOMPARE(out.value(u"summaryUnreadable"_s).toString(), u"1"_s);
        QVERIFY2(out.value(u"error"_s).toString().isEmpty(), qPrintable(out.value(u"error"_s).toString()));
        QCOMPARE(out.value(u"unreadable"_s).toInt(), 1);
        QCOMPARE(out.value(u"lockedError"_s).toInt(), EACCES);
        QCOMPARE(out.value(u"files"_s).toInt(), 2);
    }

    void vanishedFileGivesMessage()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"gone"_s));
        Sightline::FileSource source(dir.path());
        source.startScan();
        QTRY_VERIFY(source.scanFuture().isFinished());
        QVERIFY(QDir(dir.path()).rmdir(u"gone"_s));
        auto missing = source.preview(u"/gone/nothing"_s, {});
        QTRY_VERIFY(missing.isFinished());
        QVERIFY2(missing.result().error.contains(u"No such file"_s), qPrintable(missing.result().error));
    }

    void nonUtf8NameEscapedAndPreviewable()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        const QByteArray rawName("bad\xff\xfe name\\x41.txt");
        {
            const int fd = ::open(QByteArray(root + '/' + rawName).constData(), O_WRONLY | O_CREAT, 0644);
            QVERIFY(fd >= 0);
            QCOMPARE(::write(fd, "hello, bytes", 12), 12);
            ::close(fd);
        }
        // QTemporaryDir cannot remove a name that is not UTF-8.
        auto removeRaw = qScopeGuard([&] { ::unlink(QByteArray(root + '/' + rawName).constData()); });
        const auto ix = scanNow(root);
        QVERIFY(ix->findEntry(0, rawName) >= 0); // kept as raw bytes

        Sightline::FileSource source(dir.path());
        auto page = source.children(QString(), {});
        QTRY_VERIFY(source.scanFuture().isFinished());
        page = source.children(QString(), {});
        QTRY_VERIFY(page.isFinished());
        const auto nodes = page.result().nodes;
        const auto it = std::find_if(nodes.cbegin(), nodes.cend(),
                                     [](const auto &n) { return n.typeLabel == u"file"_s; });
        QVERIFY(it != nodes.cend());
        QCOMPARE(it->name, u"bad\\xff\\xfe name\\\\x41.txt"_s);
        auto preview = source.preview(it->id, {});
        QTRY_VERIFY(preview.isFinished());
        QVERIFY2(preview.result().error.isEmpty(), qPrintable(preview.result().error));
        QCOMPARE(preview.result().text, u"hello, bytes"_s);
    }

    void stopMidWalk()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        for (int d = 0; d < 40; ++d) {
            const QByteArray folder = root + "/d" + QByteArray::number(d);
            QCOMPARE(::mkdir(folder.constData(), 0755), 0);
            for (int f = 0; f < 100; ++f)
                writeFile(folder + "/f" + QByteArray::number(f), 1);
        }
        auto index = std::make_shared<FileTreeIndex>();
        std::atomic<qint64> seen{0};
        StorageTaskRunner runner;
        auto future = runner.run<bool>([&](const StopToken &stop) {
            FileTreeScanner scanner(root, index);
            scanner.setProgressCallback(
                [&](qint64 n) {
                    seen = n;
                    QThread::msleep(20); // slow enough that the stop lands mid-walk
                },
                100);
            return scanner.scan(stop);
        });
        QTRY_VERIFY(seen.load() > 0);
        runner.stop();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
        QCOMPARE(future.result(), false);
        std::lock_guard lock(index->mutex);
        QVERIFY(index->finished);
        QVERIFY(index->cancelled);
        QVERIFY(index->folders.front().files < 4000);
    }

    void missingRoot()
    {
        bool complete = true;
        const auto ix = scanNow("/nonexistent/sightline-root", &complete);
        QVERIFY(!complete);
        QVERIFY2(ix->error.contains(u"No such file or directory"_s), qPrintable(ix->error));
        QVERIFY(ix->error.contains(u"/nonexistent/sightline-root"_s));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(scanAsNobodyVariable))
        return scanAsNobody(qgetenv(scanAsNobodyVariable), argc, argv);
    QCoreApplication app(argc, argv);
    TestFileTreeScanner test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_filetreescanner.moc"
