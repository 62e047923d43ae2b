#pragma once

// The Live Events view's sources merged into one stream: Redis SUBSCRIBE/PSUBSCRIBE, PostgreSQL
// LISTEN and polling of the events table, each on its own thread with its own connection. Events
// are de-duplicated by id across sources and handed to the GUI thread in batches a few times a
// second (never one signal per event). A source that drops reports it, reconnects with backoff,
// resubscribes and reports the gap; the others carry on.

#include "core/liveevent.h"
#include "core/workspaceprofile.h"

#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace Sightline {

struct LiveSourceStatus
{
    enum class State { Connecting, Live, Retrying, Stopped, Failed };
    LiveSource source = LiveSource::Redis;
    State state = State::Connecting;
    QString description;  // "Redis redis://127.0.0.1:6379/0 — events, events.*" (never a password)
    QString message;      // "Redis disconnected — retrying in 2 s: Connection refused"; empty when Live
    qint64 retryInMs = 0; // Retrying: when the next attempt starts
    qint64 received = 0;  // messages received by this source since start (before de-duplication)
};

// A span of time a source was not listening: from when it noticed the drop to when it was live again.
struct LiveGap
{
    LiveSource source = LiveSource::Redis;
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0 while still open
};

struct LiveHubCounters
{
    qint64 received = 0;    // messages from all sources
    qint64 duplicates = 0;  // dropped because another source delivered the same id first
    qint64 unparseable = 0; // kept as unparseable events
    qint64 delivered = 0;   // events handed on in batches
};

struct LiveHistoryResult
{
    LiveEventBatchPtr batch;   // oldest first; records have source History
    bool reachedStart = false; // nothing older exists
    QString error;             // empty on success
};

class LiveEventHub : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int batchIntervalMs = 200;  // how often batches reach the GUI thread
        int initialBackoffMs = 500; // doubles per failed attempt …
        int maxBackoffMs = 10000;   // … up to this
    };

    explicit LiveEventHub(const WorkspaceProfile &profile, QObject *parent = nullptr);
    LiveEventHub(const WorkspaceProfile &profile, Options options, QObject *parent = nullptr);
    ~LiveEventHub() override; // stops and joins every source thread

    // Starts every source the profile has (Redis when redis.url and channels/patterns are set,
    // PostgreSQL LISTEN when postgresUrl and live.postgresChannel are set, polling per live.poll).
    void start();
    void stop();
    bool isRunning() const;

    QList<LiveSourceStatus> statuses() const;
    LiveHubCounters counters() const;

    // Whether older events can be read from the events table (the profile has a relational store).
    bool hasHistory() const;
    // Up to `limit` events with id < beforeId (beforeId <= 0: the newest), oldest first, read on a
    // worker thread. Cancel through the future.
    QFuture<LiveHistoryResult> loadOlder(qint64 beforeId, int limit);

Q_SIGNALS:
    void batchReady(const Sightline::LiveEventBatchPtr &batch);
    void statusChanged(const Sightline::LiveSourceStatus &status);
    void gapOpened(const Sightline::LiveGap &gap);
    void gapClosed(const Sightline::LiveGap &gap);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::LiveSourceStatus)
Q_DECLARE_METATYPE(Sightline::LiveGap)
