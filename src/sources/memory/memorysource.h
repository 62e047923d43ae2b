#pragma once

#include "sources/storagesource.h"
#include "storageserviceclient.h"

#include <optional>

namespace Sightline {

// The storage service's in-memory cache (DESIGN.md §4) in the Storage Explorer: entries grouped
// by kind, with their size, age and time to live. Only ever GETs.
//
// Node ids: "" the root, "kind:<kind>" a group, "entry:<key>" one cache entry.
class MemorySource final : public StorageSource
{
    Q_OBJECT
public:
    struct Options
    {
        StorageServiceClient::Options http;
        int pageSize = 1000;
    };

    explicit MemorySource(const QString &url, QObject *parent = nullptr);
    MemorySource(const QString &url, const Options &options, QObject *parent = nullptr);
    ~MemorySource() override;

    StorageBackend backend() const override { return StorageBackend::Memory; }
    QString describe() const override;

    QFuture<StorageSummary> summary() override;
    QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) override;
    QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) override;
    void stop() override;

private:
    StorageSummary readSummary(const StopToken &stop);
    StoragePage list(const QString &nodeId, const QString &continuation, const StopToken &stop);
    StoragePreview readPreview(const QString &nodeId, const StopToken &stop);
    // The last snapshot, fetched again when `refresh` or none yet. Worker thread only.
    const MemorySnapshot *snapshot(bool refresh, const StopToken &stop, QString *error, bool *cancelled);

    Options m_options;
    StorageServiceClient m_client;
    std::optional<MemorySnapshot> m_snapshot; // touched on the worker thread only
    StorageTaskRunner m_runner;               // last: joined before the members its tasks use
};

} // namespace Sightline
