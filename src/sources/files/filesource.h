#pragma once

#include "filetreescanner.h"
#include "sources/storagesource.h"

#include <memory>

namespace Sightline {

// The workspace's file tree (DESIGN.md §4: outputs/<id>.txt, logs/<id>.log) in the Storage
// Explorer. The first look at the root starts a recursive scan on a thread of its own; listings
// answer at once with what the scan knows so far, and contentChanged() says when to ask again.
//
// Node ids: "" is the root, "/<relative path>" a folder or file (escapeForDisplay of the raw
// bytes, so that unescapeDisplayName gives them back), "largest:" the "Largest files" group.
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

    // Starts the recursive scan unless one is running or finished (children("") does this too).
    void startScan();
    // The running (or last) scan: true when it walked the whole tree.
    QFuture<bool> scanFuture() const { return m_scan; }

    static constexpr QStringView largestFilesId = u"largest:";

private:
    StoragePage listFolder(const QString &nodeId, const QString &continuation, const StopToken &stop) const;
    StoragePage listLargest(const StopToken &stop) const;
    StoragePreview readPreview(const QString &nodeId, const QString &continuation) const;
    StorageSummary readSummary() const;

    QByteArray m_root;
    Options m_options;
    std::shared_ptr<FileTreeIndex> m_index;
    QFuture<bool> m_scan;
    // Declared last: destroyed (and joined) first, before anything their tasks touch.
    StorageTaskRunner m_scanRunner;
    StorageTaskRunner m_runner;
};

} // namespace Sightline
