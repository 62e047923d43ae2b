#pragma once

// Publishes platform events at a steady rate to Redis (PUBLISH on a channel) and/or PostgreSQL
// (INSERT into the events table plus pg_notify), for `sightline seed --publish`, the tests and
// `sightline-bench live-ingest`. A test and demo tool: it writes, and only to the servers it is
// given. When publishing to both, an event carries the same id to both, so a Sightline listening
// to both de-duplicates it.

#include "core/datagenerator.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcLivePublish)

struct LivePublishOptions
{
    QString redisUrl; // empty: no Redis
    QByteArray redisChannel = QByteArrayLiteral("events");
    QString postgresUrl; // empty: no PostgreSQL (password from PGPASSWORD)
    QString postgresChannel = QStringLiteral("sightline_events");
    QString eventsTable = QStringLiteral("events");           // may be schema-qualified
    QString evaluationsTable = QStringLiteral("evaluations"); // where evaluation ids are read from
    double rate = 1000.0;                                     // events per second
    qint64 count = 0;                                         // stop after this many; 0: no limit
    double seconds = 0.0;                                     // stop after this long; 0: no limit
    // Redis only: the first id (then counting up). 0: the current time in ms × 1000, above any id
    // an earlier run handed out. With PostgreSQL, ids come from the events table's sequence.
    qint64 firstId = 0;
    double badShare = 0.0;      // share of bad-input messages (PlatformEventStream::Kind)
    GeneratorOptions generator; // the seeded evaluations whose ids the events name
    int progressEveryMs = 1000;
};

struct LivePublishProgress
{
    qint64 published = 0;
    qint64 elapsedMs = 0;
    double recentRate = 0.0; // events/s since the previous report
};

struct LivePublishResult
{
    QString error; // empty on success
    bool cancelled = false;
    qint64 published = 0; // messages sent (to every target)
    qint64 bad = 0;       // of which bad input
    qint64 firstId = -1;  // ids handed out: consecutive from firstId for Redis only
    qint64 lastId = -1;
    double elapsedMs = 0.0;       // from the first message to the last one sent
    double achievedRate = 0.0;    // published / elapsed
    qint64 redisAcknowledged = 0; // PUBLISH replies received
    qint64 redisReceivers = 0;    // summed over the replies
    qint64 redisUnheard = 0;      // messages no subscriber received
    qint64 postgresRows = 0;
    qint64 postgresNotified = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

class LiveEventPublisher
{
public:
    explicit LiveEventPublisher(LivePublishOptions options);

    // Empty when the options can be used; otherwise why not (for bad usage, exit code 2).
    static QString validate(const LivePublishOptions &options);

    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }
    // Called on the publishing thread every progressEveryMs.
    void setProgressCallback(std::function<void(const LivePublishProgress &)> callback)
    {
        m_progress = std::move(callback);
    }

    // Connects, publishes until the count, the duration or the cancel flag, waits for every reply
    // and returns. Blocks: run it on a thread of its own (or a command-line main thread).
    LivePublishResult run();

private:
    LivePublishOptions m_options;
    const std::atomic<bool> *m_cancel = nullptr;
    std::function<void(const LivePublishProgress &)> m_progress;
};

} // namespace Sightline
