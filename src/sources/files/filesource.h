#pragma once

#include "filetreescanner.h"
#include "sources/storagesource.h"

#include <functional>
#include <memory>

namespace Sightline {

// The workspace's file tree (DESIGN.md §4: outputs/<id>.txt, logs/<id>.log) in the Storage
// Explorer. The first look at the root starts a recursive scan on a thread of its own; listings
// answer at once with what the scan knows so far, and contentChanged() says when to ask again.
//
// Node ids: "" is the root, "/<relative path>" a folder or file (escapeForDisplay of the raw
// bytes, so that unescapeDisplayName gives them back), "largest:" the "Largest files" group.
//
// A folder lists largest first once the walk has left it (its sizes are final). Before that its
// sub-folders' sizes still grow, so it lists by name: an offset into a largest-first order would
// skip or repeat entries between pages. A continuation keeps the order its first page used
// ("n:<offset>" by name; "s<walk>:<offset>" by size, valid for that walk only), so that a listing
// begun during the scan pages on by name after the folder completes.
//
// Threads: every method is called on the GUI thread and never locks the index mutex (a reader
// may hold it for a long sort); the scan state it needs is atomic. Tasks capture the index they
// work on, so rescan() can swap in a fresh one while they run.
class FileSource final : public StorageSource
{
    Q_OBJECT
public:
    struct Options
    {
        int pageSize = 1000;
        int largestFiles = 1000;
        qint64 previewBytes = 64 * 1024;
        int progressIntervalMs = 250;
        // Called on the scan thread every `scanHookEvery` entries the walk has seen, before the
        // progress report (tests pause a scan here).
        std::function<void(qint64 seen)> scanHook;
        qint64 scanHookEvery = 512;
    };

    explicit FileSource(const QString &root, QObject *parent = nullptr);
    FileSource(const QString &root, const Options &options, QObject *parent = nullptr);
    ~FileSource() override;

    StorageBackend backend() const override { return StorageBackend::Files; }
    QString describe() const override;

    QFuture<StorageSummary> summary() override;
    QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) override;
    QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) override;
    void stop() override;
    // Stops a running scan and forgets the index: the next children("") walks the tree again.
    void rescan() override;

    // Starts the recursive scan unless one is running or finished (children("") does this too).
    void startScan();
    // The running (or last) scan: true when it walked the whole tree.
    QFuture<bool> scanFuture() const { return m_scan; }
    // The index that listings read now (replaced by rescan()); lock its mutex to read it.
    std::shared_ptr<const FileTreeIndex> index() const { return m_index; }

    static constexpr QStringView largestFilesId = u"largest:";

private:
    StoragePage listFolder(const FileTreeIndex &ix, const QString &nodeId, const QString &continuation,
                           const StopToken &stop) const;
    StoragePage listLargest(const FileTreeIndex &ix, const StopToken &stop) const;
    StoragePreview readPreview(const QString &nodeId, const QString &continuation) const;
    StorageSummary readSummary(const FileTreeIndex &ix) const;

    QByteArray m_root;
    Options m_options;
    // GUI thread only: tasks get their own copy of the pointer when they are queued.
    std::shared_ptr<FileTreeIndex> m_index;
    QFuture<bool> m_scan;
    bool m_scanStopped = false; // stop() or rescan() since m_scan was queued
    // Declared last: destroyed (and joined) first, before anything their tasks touch.
    StorageTaskRunner m_scanRunner;
    StorageTaskRunner m_runner;
};

} // namespace Sightline
