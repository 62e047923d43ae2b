#include "filetreescanner.h"

#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcFiles, "sightline.files")

QByteArray FileTreeIndex::relativePath(qint32 folder) const
{
    QByteArray path;
    while (folder > 0) {
        const Folder &f = folders[size_t(folder)];
        path.prepend(name(f));
        if (f.parent > 0)
            path.prepend('/');
        folder = f.parent;
    }
    return path;
}

qint32 FileTreeIndex::findFolder(const QByteArray &relativePath) const
{
    if (folders.empty())
        return -1;
    qint32 current = 0;
    if (relativePath.isEmpty())
        return current;
    for (const QByteArray &part : relativePath.split('/')) {
        if (part.isEmpty())
            continue;
        qint32 found = -1;
        for (qint32 child : folders[size_t(current)].children) {
            const Folder &f = folders[size_t(child)];
            if (f.nameLength == quint32(part.size()) &&
                std::memcmp(names.data() + f.nameOffset, part.constData(), f.nameLength) == 0) {
                found = child;
                break;
            }
        }
        if (found < 0)
            return -1;
        current = found;
    }
    return current;
}

qint32 FileTreeIndex::findEntry(qint32 folder, const QByteArray &entryName) const
{
    if (folder < 0 || size_t(folder) >= folders.size())
        return -1;
    const Folder &f = folders[size_t(folder)];
    for (qint32 i = f.firstEntry; i < f.firstEntry + f.entryCount; ++i) {
        const Entry &e = entries[size_t(i)];
        if (e.nameLength == quint32(entryName.size()) &&
            std::memcmp(names.data() + e.nameOffset, entryName.constData(), e.nameLength) == 0)
            return i;
    }
    return -1;
}

namespace {

quint32 appendName(std::vector<char> &pool, const char *name, size_t length)
{
    const auto offset = quint32(pool.size());
    pool.insert(pool.end(), name, name + length);
    return offset;
}

} // namespace

struct FileTreeScanner::Walk
{
    FileTreeIndex &ix;
    const StopToken &stop;
    const ProgressCallback &progress;
    qint64 interval;
    qint64 seen = 0;
    qint64 nextReport;
    bool stopped = false;
    // (device, inode) of the folders from the root down to the one being read: a symlink that
    // resolves to one of them would make a follower walk forever.
    std::vector<std::pair<dev_t, ino_t>> ancestors;
    Metrics::ScanProgress &metrics; // sightline_scan_items{source="files"}, every few thousand entries
    qint64 nextMetric = 0;

    struct Pending
    {
        std::string name;
        FileTreeIndex::Entry entry;
    };

    void count(qint64 n)
    {
        seen += n;
        if (seen >= nextMetric) {
            metrics.setItems(seen);
            nextMetric = seen + 4096;
        }
        if (progress && seen >= nextReport) {
            progress(seen);
            nextReport = seen + interval;
        }
    }

    bool isAncestor(const struct stat &st) const
    {
        for (const auto &[dev, ino] : ancestors) {
            if (dev == st.st_dev && ino == st.st_ino)
                return true;
        }
        return false;
    }

    // Reads the open folder `fd` (owned) as folders[self], then its sub-folders, depth first.
    void walk(int fd, qint32 self)
    {
        DIR *dir = fdopendir(fd);
        if (!dir) {
            const int error = errno;
            ::close(fd);
            std::lock_guard lock(ix.mutex);
            ix.folders[size_t(self)].error = error;
            ++ix.unreadableFolders;
            finish(self);
            return;
        }
        std::vector<Pending> files;
        std::vector<std::string> subfolders;
        errno = 0;
        while (const dirent *d = readdir(dir)) {
            const char *n = d->d_name;
            if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
                continue;
            unsigned char type = d->d_type;
            if (type == DT_DIR) {
                subfolders.emplace_back(n);
                continue;
            }
            struct stat st;
            if (fstatat(fd, n, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue; // vanished between readdir and stat
            if (S_ISDIR(st.st_mode)) {
                subfolders.emplace_back(n);
                continue;
            }
            Pending p;
            p.name = n;
            p.entry.bytes = st.st_size;
            p.entry.allocatedBytes = qint64(st.st_blocks) * 512;
            p.entry.modifiedSecs = st.st_mtim.tv_sec;
            if (S_ISLNK(st.st_mode)) {
                p.entry.type = FileTreeIndex::EntryType::Symlink;
                struct stat target;
                if (fstatat(fd, n, &target, 0) == 0 && S_ISDIR(target.st_mode) && isAncestor(target))
                    p.entry.symlinkLoop = true;
            } else if (!S_ISREG(st.st_mode)) {
                p.entry.type = FileTreeIndex::EntryType::Other;
            }
            files.push_back(std::move(p));
            if ((files.size() & 1023) == 0 && stop.stopRequested())
                break;
        }
        const int readError = errno;

        qint32 firstChild = 0;
        {
            std::lock_guard lock(ix.mutex);
            FileTreeIndex::Folder &f = ix.folders[size_t(self)];
            if (readError != 0 && readError != ENOENT) {
                f.error = readError;
                ++ix.unreadableFolders;
            }
            f.firstEntry = qint32(ix.entries.size());
            f.entryCount = qint32(files.size());
            for (Pending &p : files) {
                p.entry.nameOffset = appendName(ix.names, p.name.data(), p.name.size());
                p.entry.nameLength = quint32(p.name.size());
                p.entry.folder = self;
                f.bytes += p.entry.bytes;
                f.allocatedBytes += p.entry.allocatedBytes;
                if (p.entry.symlinkLoop)
                    ++ix.symlinkLoops;
                ix.entries.push_back(p.entry);
            }
            f.files += qint64(files.size());
            firstChild = qint32(ix.folders.size());
            for (const std::string &name : subfolders) {
                FileTreeIndex::Folder child;
                child.nameOffset = appendName(ix.names, name.data(), name.size());
                child.nameLength = quint32(name.size());
                child.parent = self;
                ix.folders[size_t(self)].children.push_back(qint32(ix.folders.size()));
                ix.folders.push_back(std::move(child));
            }
        }
        count(qint64(files.size()));

        for (size_t i = 0; i < subfolders.size(); ++i) {
            const qint32 child = firstChild + qint32(i);
            if (stopped || stop.stopRequested()) {
                stopped = true;
                break;
            }
            const int childFd =
                openat(fd, subfolders[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            struct stat st;
            if (childFd < 0 || fstat(childFd, &st) != 0) {
                const int error = errno;
                if (childFd >= 0)
                    ::close(childFd);
                qCDebug(lcFiles) << "unreadable folder" << subfolders[i].c_str() << std::strerror(error);
                std::lock_guard lock(ix.mutex);
                ix.folders[size_t(child)].error = error;
                ++ix.unreadableFolders;
                finish(child);
                continue;
            }
            {
                std::lock_guard lock(ix.mutex);
                FileTreeIndex::Folder &f = ix.folders[size_t(child)];
                f.modifiedSecs = st.st_mtim.tv_sec;
                f.allocatedBytes += qint64(st.st_blocks) * 512;
            }
            ancestors.emplace_back(st.st_dev, st.st_ino);
            walk(childFd, child);
            ancestors.pop_back();
        }
        closedir(dir);
        if (stopped || stop.stopRequested())
            stopped = true;
        std::lock_guard lock(ix.mutex);
        finish(self);
    }

    // Folds a finished folder's totals into its parent. Called with the lock held.
    void finish(qint32 self)
    {
        FileTreeIndex::Folder &f = ix.folders[size_t(self)];
        f.complete = true;
        if (f.parent < 0)
            return;
        FileTreeIndex::Folder &parent = ix.folders[size_t(f.parent)];
        parent.bytes += f.bytes;
        parent.allocatedBytes += f.allocatedBytes;
        parent.files += f.files;
        parent.folders += f.folders + 1;
    }
};

FileTreeScanner::FileTreeScanner(QByteArray rootPath, std::shared_ptr<FileTreeIndex> index)
    : m_index(std::move(index))
{
    std::lock_guard lock(m_index->mutex);
    m_index->rootPath = std::move(rootPath);
}

void FileTreeScanner::setProgressCallback(ProgressCallback callback, qint64 interval)
{
    m_progress = std::move(callback);
    m_progressInterval = qMax<qint64>(1, interval);
}

bool FileTreeScanner::scan(const StopToken &stop)
{
    static std::atomic<quint64> walks{0};
    FileTreeIndex &ix = *m_index;
    ix.walkedAll.store(false, std::memory_order_release);
    QByteArray root;
    {
        std::lock_guard lock(ix.mutex);
        root = ix.rootPath;
        ix.walkId = ++walks;
        ix.names.clear();
        ix.folders.clear();
        ix.entries.clear();
        ix.unreadableFolders = 0;
        ix.symlinkLoops = 0;
        ix.finished = false;
        ix.cancelled = false;
        ix.error.clear();
    }
    Metrics::ScanProgress scanProgress("files");
    Metrics::RequestTimer timer("files", "scan");
    const int fd = open(root.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        timer.fail();
        std::lock_guard lock(ix.mutex);
        ix.error = QCoreApplication::translate("Sightline::FileSource", "cannot read %1: %2")
                       .arg(QString::fromLocal8Bit(root), QString::fromLocal8Bit(std::strerror(error)));
        ix.finished = true;
        return false;
    }
    {
        std::lock_guard lock(ix.mutex);
        FileTreeIndex::Folder rootFolder;
        rootFolder.modifiedSecs = st.st_mtim.tv_sec;
        rootFolder.allocatedBytes = qint64(st.st_blocks) * 512;
        ix.folders.push_back(std::move(rootFolder));
    }
    Walk walk{ix, stop, m_progress, m_progressInterval, 0, m_progressInterval, false, {}, scanProgress, 0};
    walk.ancestors.emplace_back(st.st_dev, st.st_ino);
    walk.walk(fd, 0);
    if (m_progress)
        m_progress(walk.seen);
    scanProgress.setItems(walk.seen);
    if (walk.stopped) {
        timer.cancel();
    } else {
        logEvent(lcFiles(), QtInfoMsg, "scan.finished",
                 {{"root", QString::fromLocal8Bit(root)},
                  {"items", walk.seen},
                  {"ms", timer.elapsedSeconds() * 1000.0}});
    }
    std::lock_guard lock(ix.mutex);
    ix.finished = true;
    ix.cancelled = walk.stopped;
    ix.walkedAll.store(!walk.stopped, std::memory_order_release);
    return !walk.stopped;
}

} // namespace Sightline
