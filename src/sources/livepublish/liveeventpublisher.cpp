#include "liveeventpublisher.h"

#include "platformeventstream.h"
#include "postgrespublishsink.h"
#include "redispublishsocket.h"
#include "sources/sqlconnection.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <time.h>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcLivePublish, "sightline.livepublish")

namespace {

// Beyond this much unsent output Redis is not keeping up: stop making messages until it drains,
// so the achieved rate shows it rather than our memory.
constexpr qint64 MaxPendingBytes = 4 * 1024 * 1024;
// PostgreSQL batches: one statement per this many ms or rows, whichever comes first.
constexpr qint64 PostgresFlushNs = 20'000'000;
constexpr qint64 PostgresMaxBatch = 5000;
constexpr qint64 SliceNs = 1'000'000;     // the pacing slice: a burst per ms at high rates
constexpr qint64 MaxSleepNs = 50'000'000; // so a stop or a progress report is never late
constexpr int DrainTimeoutMs = 30000;
constexpr int EvaluationIdLimit = 1500;

void sleepNs(qint64 ns)
{
    if (ns <= 0)
        return;
    timespec ts{time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
    ::nanosleep(&ts, nullptr);
}

} // namespace

LiveEventPublisher::LiveEventPublisher(LivePublishOptions options)
    : m_options(std::move(options))
{
}

QString LiveEventPublisher::validate(const LivePublishOptions &options)
{
    if (options.redisUrl.isEmpty() && options.postgresUrl.isEmpty())
        return u"publishing needs --redis URL and/or --postgres URL"_s;
    if (!std::isfinite(options.rate) || options.rate <= 0.0 || options.rate > 1e8)
        return u"the rate must be a number of events per second above 0"_s;
    if (options.count < 0 || !std::isfinite(options.seconds) || options.seconds < 0.0)
        return u"the count and the duration must not be negative"_s;
    if (!(options.badShare >= 0.0 && options.badShare <= 1.0))
        return u"the share of bad messages must be between 0 and 1"_s;
    if (!options.redisUrl.isEmpty()) {
        const RedisUrl url = RedisUrl::parse(options.redisUrl);
        if (!url.isValid())
            return url.error;
        if (options.redisChannel.isEmpty())
            return u"the Redis channel must not be empty"_s;
    }
    if (!options.postgresUrl.isEmpty() && options.postgresChannel.isEmpty())
        return u"the PostgreSQL channel must not be empty"_s;
    return {};
}

LivePublishResult LiveEventPublisher::run()
{
    LivePublishResult result;
    if (QString error = validate(m_options); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    const LivePublishOptions &o = m_options;
    std::unique_ptr<PostgresPublishSink> postgres;
    QStringList evaluationIds;
    if (!o.postgresUrl.isEmpty()) {
        postgres = std::make_unique<PostgresPublishSink>(o.postgresUrl, o.eventsTable, o.postgresChannel);
        if (QString error = postgres->open(); !error.isEmpty()) {
            result.error = u"PostgreSQL %1: %2"_s.arg(redactUrl(o.postgresUrl), error);
            return result;
        }
        // The events then name evaluations that are really there.
        evaluationIds = postgres->recentEvaluationIds(o.evaluationsTable, EvaluationIdLimit);
    }
    std::unique_ptr<RedisPublishSocket> redis;
    if (!o.redisUrl.isEmpty()) {
        redis = std::make_unique<RedisPublishSocket>(RedisUrl::parse(o.redisUrl));
        if (QString error = redis->open(); !error.isEmpty()) {
            result.error = error;
            return result;
        }
    }
    PlatformEventStream stream(o.generator, evaluationIds, o.badShare);

    const int idBlock = int(std::clamp(o.rate / 10.0, 100.0, 50000.0));
    qint64 nextId = o.firstId > 0 ? o.firstId : QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 limit = o.count > 0 ? o.count : std::numeric_limits<qint64>::max();
    const qint64 durationNs = o.seconds > 0.0 ? qint64(o.seconds * 1e9) : std::numeric_limits<qint64>::max();
    const double perNs = o.rate / 1e9;
    // At most this many per turn of the loop, so replies are read and a stop lands in between.
    const qint64 maxBurst = std::max<qint64>(1, qint64(o.rate * 0.005));

    QByteArray message;
    message.reserve(2048);
    QElapsedTimer clock;
    clock.start();
    qint64 published = 0;
    qint64 lastSentNs = 0;
    qint64 postgresFlushedNs = 0;
    qint64 reportedNs = 0;
    qint64 reportedCount = 0;
    QString error;
    while (error.isEmpty()) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            break;
        }
        const qint64 turnNs = clock.nsecsElapsed();
        if (published >= limit || turnNs >= durationNs)
            break;
        // Token bucket: event k (from 0) is due at k / rate.
        const qint64 dueTotal = std::min(limit, qint64(double(turnNs) * perNs) + 1);
        qint64 due = std::min(dueTotal - published, maxBurst);
        if (redis && redis->pendingBytes() > MaxPendingBytes)
            due = 0;
        if (due > 0) {
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            for (qint64 i = 0; i < due; ++i) {
                const qint64 id = postgres ? postgres->nextId(idBlock) : nextId++;
                if (id < 0) {
                    error =
                        u"PostgreSQL: cannot take ids from the events sequence: %1"_s.arg(postgres->error());
                    break;
                }
                message.resize(0); // keeps the capacity, unlike clear()
                const PlatformEventStream::Kind kind = stream.next(id, nowMs, message);
                if (redis)
                    redis->queuePublish(o.redisChannel, message);
                if (postgres)
                    postgres->add(message, PlatformEventStream::isRow(kind));
                if (result.firstId < 0)
                    result.firstId = id;
                result.lastId = id;
                if (kind != PlatformEventStream::Kind::Event)
                    ++result.bad;
                ++published;
            }
            lastSentNs = clock.nsecsElapsed();
        }
        if (redis && error.isEmpty())
            error = redis->pump(0);
        if (postgres && error.isEmpty() && postgres->queued() > 0 &&
            (postgres->queued() >= PostgresMaxBatch || turnNs - postgresFlushedNs >= PostgresFlushNs)) {
            if (QString failed = postgres->flush(); !failed.isEmpty())
                error = u"PostgreSQL: %1"_s.arg(failed);
            postgresFlushedNs = turnNs;
        }
        const qint64 afterNs = clock.nsecsElapsed();
        if (m_progress && afterNs - reportedNs >= qint64(o.progressEveryMs) * 1'000'000) {
            LivePublishProgress progress;
            progress.published = published;
            progress.elapsedMs = afterNs / 1'000'000;
            progress.recentRate = double(published - reportedCount) * 1e9 / double(afterNs - reportedNs);
            m_progress(progress);
            reportedNs = afterNs;
            reportedCount = published;
        }
        // Caught up: sleep until the next event is due, but at least one slice, so that high rates
        // go out as one pipelined burst per slice rather than one message per wake-up.
        if (published < limit && published >= qint64(double(afterNs) * perNs) + 1) {
            const qint64 nextDueNs = qint64(std::ceil(double(published) / perNs));
            const qint64 wakeNs = std::max(nextDueNs, turnNs + SliceNs);
            sleepNs(std::min(wakeNs - afterNs, MaxSleepNs));
        }
    }
    if (postgres && error.isEmpty()) {
        if (QString failed = postgres->flush(); !failed.isEmpty())
            error = u"PostgreSQL: %1"_s.arg(failed);
    }
    if (redis && error.isEmpty())
        error = redis->drain(DrainTimeoutMs);

    if (!error.isEmpty())
        qCWarning(lcLivePublish) << "publishing stopped after" << published << "events:" << error;
    result.error = error;
    result.published = published;
    result.elapsedMs = double(lastSentNs) / 1e6;
    // n events spaced 1/rate apart span (n - 1)/rate.
    result.achievedRate = published > 1 && lastSentNs > 0 ? double(published - 1) * 1e9 / double(lastSentNs)
                                                          : double(published);
    if (redis) {
        result.redisAcknowledged = redis->acknowledged();
        result.redisReceivers = redis->receivers();
        result.redisUnheard = redis->unheard();
    }
    if (postgres) {
        result.postgresRows = postgres->rowsWritten();
        result.postgresNotified = postgres->notified();
    }
    return result;
}

} // namespace Sightline
