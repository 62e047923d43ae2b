#pragma once

#include "redisconnection.h"
#include "rediskeyindex.h"
#include "sources/storagesource.h"

#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <deque>
#include <memory>

namespace Sightline {

struct RedisSourceOptions
{
    QByteArray delimiter = QByteArrayLiteral(":");
    int scanCount = 1000;    // COUNT per SCAN
    int pageSize = 1000;     // nodes per children() page
    int notifyEveryMs = 300; // progressChanged / contentChanged while scanning
    QString password;        // the workspace's (keychain/environment) when the URL has none; never logged
};

// Redis in the Storage Explorer. The first children("") starts a full SCAN that fills a
// RedisKeyIndex batch by batch (TYPE, PTTL and MEMORY USAGE pipelined per batch); the tree is
// answered from the index, also while the scan runs: requests that arrive during the scan run
// between two batches, on the same thread and connection.
//
// Node ids: "" the root, "n:" + base64url(prefix) a namespace, "k:" + base64url(key) a key, so
// binary keys round-trip exactly. A page's continuation names the last child it showed ("n" or
// "k" + base64url(name)), so paging stays in place while the scan adds keys.
//
// rescan() forgets the index: the next children() starts a new SCAN, and a scan still running
// stops at its next step (its answers belong to the index that was forgotten).
class RedisSource final : public StorageSource
{
    Q_OBJECT
public:
    explicit RedisSource(const QString &url, RedisSourceOptions options = {}, QObject *parent = nullptr);
    ~RedisSource() override;

    StorageBackend backend() const override { return StorageBackend::Redis; }
    QString describe() const override;

    QFuture<StorageSummary> summary() override;
    QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) override;
    QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) override;
    void stop() override;
    void rescan() override;

    static QString keyNodeId(const QByteArray &key);
    static QString namespaceNodeId(const QByteArray &prefix);

private:
    struct PendingJob
    {
        std::atomic_bool claimed{false};
        std::function<void(const StopToken &)> work;
    };
    enum class ScanState { NotStarted, Running, Done, Stopped, Failed };

    template<typename T>
    QFuture<T> submit(std::function<T(const StopToken &)> work);
    void runJob(const std::shared_ptr<PendingJob> &job, const StopToken &token);
    void runPendingJobs(const StopToken &token);
    RedisError prepare(const StopToken &token);

    StorageSummary doSummary(const StopToken &token);
    StoragePage doChildren(const QString &nodeId, const QString &continuation, const StopToken &token);
    void runScan(const StopToken &token, quint64 generation);
    bool superseded(quint64 generation) const { return m_scanGeneration.load() != generation; }
    void forgetScanIfRescanned();
    void notifyScan(bool force, bool finished, bool contentToo = true);
    StorageNode namespaceNode(quint32 ns) const;
    StorageNode keyNode(quint32 key) const;

    RedisUrl m_url;
    RedisSourceOptions m_options;
    QString m_parseError;

    // Used on the runner's thread only.
    std::unique_ptr<RedisConnection> m_connection;
    RedisKeyIndex m_index;
    ScanState m_scanState = ScanState::NotStarted;
    qint64 m_scanTotal = -1;
    QString m_scanError;
    QElapsedTimer m_sinceNotify;
    quint64 m_indexGeneration = 0; // the rescan() the index and scan state belong to

    // Bumped by rescan() on any thread.
    std::atomic<quint64> m_scanGeneration{0};

    QMutex m_pendingMutex;
    std::deque<std::shared_ptr<PendingJob>> m_pending;

    // Last: destroyed (and its thread joined) first.
    StorageTaskRunner m_runner;
};

} // namespace Sightline
