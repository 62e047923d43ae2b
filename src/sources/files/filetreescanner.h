#pragma once

#include "sources/storagesource.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

// The result of a folder walk, kept compact for trees of millions of files: names live in one
// byte pool (raw bytes, never decoded), folders keep their sub-folders and a contiguous range of
// their other entries. A scanner fills it while readers look at it under `mutex`.
struct FileTreeIndex
{
    enum class EntryType : quint8 { File, Symlink, Other };

    struct Entry // anything that is not a folder
    {
        quint32 nameOffset = 0;
        quint32 nameLength = 0;
        qint32 folder = -1;
        EntryType type = EntryType::File;
        bool symlinkLoop = false; // the link resolves to one of its own ancestors
        qint64 bytes = 0;         // apparent size
        qint64 allocatedBytes = 0;
        qint64 modifiedSecs = 0;
    };

    struct Folder
    {
        quint32 nameOffset = 0;
        quint32 nameLength = 0;
        qint32 parent = -1;
        qint32 firstEntry = 0;
        qint32 entryCount = 0;
        int error = 0;             // errno when the folder could not be read; 0 when it was
        bool complete = false;     // the walk has left this folder: its totals are final
        qint64 bytes = 0;          // recursive apparent size
        qint64 allocatedBytes = 0; // recursive, like du (folders' own blocks included)
        qint64 files = 0;          // recursive count of entries that are not folders
        qint64 folders = 0;        // recursive count of sub-folders
        qint64 modifiedSecs = 0;
        std::vector<qint32> children; // sub-folders
    };

    mutable std::mutex mutex;
    QByteArray rootPath; // as given, raw bytes
    std::vector<char> names;
    std::vector<Folder> folders; // folders[0] is the root once the walk has started
    std::vector<Entry> entries;
    qint64 unreadableFolders = 0;
    qint64 symlinkLoops = 0;
    bool finished = false;
    bool cancelled = false;
    QString error; // the root itself could not be read
    // Which walk filled the index: unique in the process, new for every scan(), so that a
    // continuation can tell that the listing it continues came from another walk.
    quint64 walkId = 0;
    // The last scan() walked the whole tree. Read without `mutex` (the GUI thread asks whether
    // to scan again and must never wait for a reader holding the lock).
    std::atomic_bool walkedAll{false};

    QByteArray name(const Folder &f) const { return QByteArray(names.data() + f.nameOffset, f.nameLength); }
    QByteArray name(const Entry &e) const { return QByteArray(names.data() + e.nameOffset, e.nameLength); }
    // Path of a folder relative to the root, "" for the root, "a/b" below it (raw bytes).
    QByteArray relativePath(qint32 folder) const;
    // The folder at a relative path ("" is the root), or -1.
    qint32 findFolder(const QByteArray &relativePath) const;
    // The entry `name` directly in `folder`, or -1.
    qint32 findEntry(qint32 folder, const QByteArray &name) const;
};

// Walks a folder tree with openat/fdopendir/fstatat, never following symlinks, computing every
// folder's recursive sizes and counts into a FileTreeIndex. Runs on whatever thread calls scan().
class FileTreeScanner
{
public:
    // Called every `progressInterval` entries with the number of entries seen so far.
    using ProgressCallback = std::function<void(qint64 entriesSeen)>;

    FileTreeScanner(QByteArray rootPath, std::shared_ptr<FileTreeIndex> index);

    void setProgressCallback(ProgressCallback callback, qint64 interval = 4096);
    // Fills the index; returns false when the root could not be read or the walk was stopped.
    bool scan(const StopToken &stop);

    const std::shared_ptr<FileTreeIndex> &index() const { return m_index; }

private:
    struct Walk;

    std::shared_ptr<FileTreeIndex> m_index;
    ProgressCallback m_progress;
    qint64 m_progressInterval = 4096;
};

} // namespace Sightline
