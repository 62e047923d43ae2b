#pragma once

#include "s3client.h"
#include "sources/storagesource.h"

namespace Sightline {

// The S3 panel of the Storage Explorer: a bucket's prefixes and objects, read with GET and HEAD
// only. Node ids are the object keys and prefixes themselves (see keyToNodeId).
class S3Source final : public StorageSource
{
    Q_OBJECT
public:
    explicit S3Source(S3Config config, QObject *parent = nullptr);
    ~S3Source() override;

    StorageBackend backend() const override { return StorageBackend::S3; }
    QString describe() const override;

    QFuture<StorageSummary> summary() override;
    QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) override;
    QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) override;
    void stop() override;

    // Listing pages hold this many keys (S3's own maximum is 1000); tests make it small.
    void setPageSize(int keys) { m_pageSize = keys; }
    // The summary counts at most this many objects; past it, its count is a lower bound.
    void setSummaryLimit(qint64 objects) { m_summaryLimit = objects; }

    static constexpr qint64 kSummaryLimit = 1000000;

    // S3 keys are UTF-8 by specification, but a listing with EncodingType=url can carry any
    // bytes. A byte that is not part of valid UTF-8 travels in the id as U+DC00+byte (as Python's
    // surrogateescape does), which valid UTF-8 never produces, so every key has one id and back.
    static QString keyToNodeId(const QByteArray &key);
    static QByteArray nodeIdToKey(const QString &id);

    static constexpr qint64 kPreviewBytes = 64 * 1024;

private:
    StorageSummary runSummary(const StopToken &stop);
    StoragePage runChildren(const QString &nodeId, const QString &continuation, const StopToken &stop);
    StoragePreview runPreview(const QString &nodeId, const QString &continuation, const StopToken &stop);
    void reportProgress(const StorageProgress &progress);

    S3Client m_client;        // the tree and previews, on m_runner
    S3Client m_summaryClient; // the summary's whole-bucket listing, on m_summaryRunner
    std::atomic_int m_pageSize = 1000;
    std::atomic<qint64> m_summaryLimit = kSummaryLimit;
    // Last: destroyed (and joined) first. The summary lists the whole bucket on a thread of its own,
    // so that tree pages and previews never wait behind it.
    StorageTaskRunner m_runner;
    StorageTaskRunner m_summaryRunner;
};

} // namespace Sightline
