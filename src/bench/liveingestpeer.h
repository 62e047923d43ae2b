#pragma once

// Pieces of the live-ingest scenario that need no GUI: publishing a rate step on a thread of its
// own while this thread's event loop turns, and the peer, `redis-cli SUBSCRIBE`, at rising rates.

#include "sources/livepublish/liveeventpublisher.h"
#include "sources/redis/redisurl.h"

#include <QList>
#include <QString>

#include <functional>

namespace Sightline::Bench {

// One rate of a rising series: what was published and what the receiver got of it.
struct RateStep
{
    double rate = 0.0;
    LivePublishResult published;
    qint64 received = 0;
    bool disconnected = false; // the receiver lost its connection during the step
    QString error;

    bool lossless() const
    {
        return error.isEmpty() && published.ok() && !disconnected && received == published.published &&
               published.redisUnheard == 0;
    }
    bool rateReached() const { return published.achievedRate >= rate * 0.97; }
    // The rate this step proves: the target when the publisher reached it, else what it reached.
    double sustainedRate() const { return rateReached() ? rate : published.achievedRate; }
};

// The highest rate the lossless steps prove (see RateStep::sustainedRate); 0 when none.
double maxLosslessRate(const QList<RateStep> &steps);
// A note for each step whose publisher fell short of its target on this machine; empty if none.
QString publisherShortfallNote(const QList<RateStep> &steps);

// Runs the publisher on a thread of its own; this thread's event loop keeps turning meanwhile.
LivePublishResult publishWithEventLoop(const LivePublishOptions &options);

// Turns the event loop until received() reaches `expected`, or has not changed for idleMs.
void settle(const std::function<qint64()> &received, qint64 expected, int idleMs);

// "100000/s (achieved 99,812/s): 500000 of 500000 received" for stderr.
QString describeStep(const QString &who, const RateStep &step);

struct RedisCliResult
{
    QList<RateStep> steps;
    double maxRate = 0.0; // maxLosslessRate(steps)
    QString error;        // redis-cli could not run at all
};

// `redis-cli -h H -p P SUBSCRIBE channel` as a process whose output this thread reads, counting
// message lines, while the same publisher publishes each rate for `seconds`; stops at the first
// rate with a loss.
RedisCliResult measureRedisCliSubscribe(const QString &redisUrl, const QByteArray &channel,
                                        const QList<double> &rates, double seconds);

} // namespace Sightline::Bench
