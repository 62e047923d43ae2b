#pragma once

#include "evaluationlineage.h"
#include "sources/storagesource.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>

#include <memory>

namespace Sightline {

class RedisConnection;
class S3Client;
class StorageServiceClient;

// What Redis answered: the item and, from the same round trip, the cache verdict.
struct RedisLineage
{
    LineageItem item;
    CacheCheck cache;
};

// The backends' side of LineageProbe: one StorageTaskRunner (one thread) per backend, so that
// the backends are asked concurrently and a slow one holds up nobody else, and each client's
// sockets stay on the one thread that made them (DESIGN.md §3). Every call returns at once.
class LineageWorker
{
public:
    explicit LineageWorker(const WorkspaceProfile &profile);
    // Stops everything in flight and joins the threads; returns as soon as the interrupted
    // requests have returned (within a few tens of milliseconds).
    ~LineageWorker();
    LineageWorker(const LineageWorker &) = delete;
    LineageWorker &operator=(const LineageWorker &) = delete;

    bool hasRedis() const { return m_redis != nullptr; }
    bool hasS3() const { return m_s3 != nullptr; }
    bool hasMemory() const { return m_memory != nullptr; }

    QFuture<RedisLineage> probeRedis(const EvaluationDetail &detail);
    QFuture<LineageItem> probeS3(const QString &evaluationId);
    QFuture<LineageItem> probeMemory(const QString &evaluationId);
    // The output file and the log file, in that order.
    QFuture<QList<LineageItem>> probeFiles(const EvaluationDetail &detail);

    // Flags everything queued or running as stopped and interrupts requests in flight.
    void stop();

    // Where the S3 archive of an evaluation lives: <profile prefix>evaluations/<id>/.
    static QByteArray s3Prefix(const QString &profilePrefix, const QString &evaluationId);
    // The most of eval:<id>:result that is read for the cache check.
    static constexpr qint64 kMaxCachedBytes = 16 * 1024 * 1024;
    // A listing stops counting here; the summary then says "at least".
    static constexpr qint64 kMaxS3Objects = 10000;

private:
    RedisLineage runRedis(const EvaluationDetail &detail, const StopToken &stop);
    LineageItem runS3(const QString &evaluationId, const StopToken &stop);
    LineageItem runMemory(const QString &evaluationId, const StopToken &stop);
    QList<LineageItem> runFiles(const EvaluationDetail &detail, const StopToken &stop) const;

    WorkspaceProfile m_profile;
    QString m_redisProblem; // the Redis URL cannot be used: why
    std::unique_ptr<RedisConnection> m_redis;
    std::unique_ptr<S3Client> m_s3;
    std::unique_ptr<StorageServiceClient> m_memory;
    // Last: destroyed (and joined) before the clients their tasks use.
    StorageTaskRunner m_redisRunner;
    StorageTaskRunner m_s3Runner;
    StorageTaskRunner m_memoryRunner;
    StorageTaskRunner m_filesRunner;
};

// Not a QObject: lupdate files LineageTr::tr() under the context it looks up at run time.
struct LineageTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::EvaluationLineage)
};

// Text helpers shared by the probe and its worker (and tested through them).
namespace LineageText {
// "4:12", "1:02:03": a countdown as a clock shows it.
QString countdown(qint64 ms);
// "Output file", "Redis", …; the relational store is "SQLite" or "PostgreSQL".
QString backendName(LineageItem::Backend backend, bool sqlite = false);
QString stateName(LineageItem::State state); // "present", "absent", "not configured", "failed"
} // namespace LineageText

} // namespace Sightline
