#pragma once

// What every Live Events source shares: its own thread, a prompt stop, the status it reports, and
// the retry loop (exponential backoff, "… disconnected — retrying in N s: why", gaps).

#include "core/liveevent.h"
#include "sources/live/liveeventhub.h"

#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcLive)

class LiveMerger;

// How a source reaches the hub; the callbacks are called on the source's thread and must be
// thread-safe (the hub queues them to its own thread).
struct LiveSourceContext
{
    LiveMerger *merger = nullptr;
    LiveEventHub::Options options;
    std::function<void(const LiveSourceStatus &)> reportStatus;
    std::function<void(const LiveGap &, bool opened)> reportGap;
};

class LiveSourceWorker
{
public:
    LiveSourceWorker(LiveSource source, QString description, LiveSourceContext context);
    virtual ~LiveSourceWorker(); // stops and joins
    LiveSourceWorker(const LiveSourceWorker &) = delete;
    LiveSourceWorker &operator=(const LiveSourceWorker &) = delete;

    void start();
    void requestStop(); // returns at once; the thread ends within a few tens of milliseconds
    void join();
    LiveSourceStatus status() const;
    LiveSource source() const { return m_source; }

protected:
    virtual void run() = 0;     // returns when stopping() is true
    virtual void interrupt() {} // from requestStop(), any thread: cut a blocking call short

    bool stopping() const { return m_stop.load(std::memory_order_relaxed); }
    // Sleeps up to `ms`, waking at once on stop. False when stopping.
    bool pause(qint64 ms);

    void reportConnecting();
    // Connected and subscribed: Live, closes an open gap, resets the backoff.
    void reportLive();
    // A drop, or a failed attempt: opens a gap when the source was live, reports Retrying with the
    // reason and the countdown, and waits the backoff. False when stopping.
    bool retryAfter(const QString &reason);
    // The message for Retrying; `seconds` is the countdown as text.
    virtual QString retryMessage(const QString &seconds, const QString &reason) const = 0;

    // Hands the events collected so far to the merge point and starts a new batch.
    void flush(std::unique_ptr<LiveEventBatch> &batch);
    void countReceived(qint64 n) { m_received.fetch_add(n, std::memory_order_relaxed); }
    const LiveSourceContext &context() const { return m_context; }

private:
    void setStatus(LiveSourceStatus::State state, const QString &message, qint64 retryInMs);

    const LiveSource m_source;
    const QString m_description;
    LiveSourceContext m_context;
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    std::mutex m_waitMutex;
    std::condition_variable m_wake;
    bool m_finished = false; // under m_waitMutex: run() has returned
    mutable std::mutex m_statusMutex;
    LiveSourceStatus m_status;
    std::atomic<qint64> m_received{0};
    qint64 m_backoffMs = 0;
    bool m_wasLive = false;
    LiveGap m_openGap; // fromMs != 0 while open
};

// "2", "0.5": a countdown for messages.
QString liveSeconds(qint64 ms);

} // namespace Sightline
