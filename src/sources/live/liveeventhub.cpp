#include "liveeventhub.h"

#include "livemerger.h"
#include "livepollsource.h"
#include "livepostgressource.h"
#include "liveredissource.h"
#include "livesqlrows.h"
#include "sources/sqlconnection.h"

#include <QDateTime>
#include <QPointer>
#include <QPromise>
#include <QtConcurrent>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace Sightline {

class LiveEventHub::Private
{
public:
    Private(LiveEventHub *hub, const WorkspaceProfile &profile, Options options)
        : q(hub)
        , profile(profile)
        , options(options)
    {
    }

    LiveSourceContext makeContext();
    void mergeLoop();
    void stopAll(bool deliverRest);

    LiveEventHub *q;
    WorkspaceProfile profile;
    Options options;
    std::unique_ptr<LiveMerger> merger;
    std::vector<std::unique_ptr<LiveSourceWorker>> sources;
    std::thread mergeThread;
    std::mutex mergeMutex;
    std::condition_variable mergeWake;
    bool mergeStop = false;
    bool running = false;
};

LiveSourceContext LiveEventHub::Private::makeContext()
{
    LiveSourceContext context;
    context.merger = merger.get();
    context.options = options;
    LiveEventHub *hub = q;
    context.reportStatus = [hub](const LiveSourceStatus &status) {
        QMetaObject::invokeMethod(
            hub, [hub, status] { Q_EMIT hub->statusChanged(status); }, Qt::QueuedConnection);
    };
    context.reportGap = [hub](const LiveGap &gap, bool opened) {
        QMetaObject::invokeMethod(
            hub,
            [hub, gap, opened] {
                if (opened)
                    Q_EMIT hub->gapOpened(gap);
                else
                    Q_EMIT hub->gapClosed(gap);
            },
            Qt::QueuedConnection);
    };
    return context;
}

// The merge point's clock: every batchIntervalMs, whatever the sources handed in since the last
// tick goes to the hub's thread as one batch. Trimming the batch's spare capacity happens here,
// so the GUI thread only receives it.
void LiveEventHub::Private::mergeLoop()
{
    const auto interval = std::chrono::milliseconds(qMax(10, options.batchIntervalMs));
    auto next = std::chrono::steady_clock::now() + interval;
    for (;;) {
        {
            std::unique_lock lock(mergeMutex);
            if (mergeWake.wait_until(lock, next, [this] { return mergeStop; }))
                return;
        }
        next += interval;
        const auto now = std::chrono::steady_clock::now();
        if (next < now)
            next = now + interval; // the machine was busy: do not fire a burst of catch-up ticks
        std::unique_ptr<LiveEventBatch> batch = merger->take();
        if (!batch)
            continue;
        batch->shrinkToFit();
        LiveEventBatchPtr shared(std::move(batch));
        LiveEventHub *hub = q;
        QMetaObject::invokeMethod(
            hub, [hub, shared] { Q_EMIT hub->batchReady(shared); }, Qt::QueuedConnection);
    }
}

void LiveEventHub::Private::stopAll(bool deliverRest)
{
    // Ask every source at once, then wait: each stops within a few tens of milliseconds.
    for (const auto &source : sources)
        source->requestStop();
    for (const auto &source : sources)
        source->join();
    {
        std::lock_guard lock(mergeMutex);
        mergeStop = true;
    }
    mergeWake.notify_all();
    if (mergeThread.joinable())
        mergeThread.join();
    running = false;
    if (deliverRest && merger) {
        if (std::unique_ptr<LiveEventBatch> rest = merger->take()) {
            rest->shrinkToFit();
            // Queued like every batch before it, so the last one cannot overtake them.
            LiveEventBatchPtr shared(std::move(rest));
            LiveEventHub *hub = q;
            QMetaObject::invokeMethod(
                hub, [hub, shared] { Q_EMIT hub->batchReady(shared); }, Qt::QueuedConnection);
        }
    }
}

LiveEventHub::LiveEventHub(const WorkspaceProfile &profile, QObject *parent)
    : LiveEventHub(profile, Options{}, parent)
{
}

LiveEventHub::LiveEventHub(const WorkspaceProfile &profile, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, profile, options))
{
    qRegisterMetaType<LiveEventBatchPtr>();
    qRegisterMetaType<LiveSourceStatus>();
    qRegisterMetaType<LiveGap>();
}

LiveEventHub::~LiveEventHub()
{
    d->stopAll(false);
    d->sources.clear();
}

void LiveEventHub::start()
{
    if (d->running)
        return;
    d->sources.clear();
    d->merger = std::make_unique<LiveMerger>();
    d->mergeStop = false;
    const WorkspaceProfile &profile = d->profile;
    const LiveSettings &live = profile.live;
    const int timeoutMs = qMax(1, profile.timeoutSeconds) * 1000;
    if (!profile.redis.url.isEmpty() && !(live.redisChannels.isEmpty() && live.redisPatterns.isEmpty()))
        d->sources.push_back(std::make_unique<LiveRedisSource>(profile.redis.url, live.redisChannels,
                                                               live.redisPatterns, d->makeContext(),
                                                               profile.secrets.redisPassword));
    if (!profile.postgresUrl.isEmpty() && !live.postgresChannel.isEmpty())
        d->sources.push_back(std::make_unique<LivePostgresSource>(profile.postgresUrl, live.postgresChannel,
                                                                  timeoutMs, d->makeContext(),
                                                                  profile.secrets.postgresPassword));
    const bool poll = live.poll != LiveSettings::Poll::Never && profile.hasRelationalStore();
    if (poll)
        d->sources.push_back(std::make_unique<LivePollSource>(profile, d->makeContext()));
    d->running = true;
    d->mergeThread = std::thread([this] { d->mergeLoop(); });
    for (const auto &source : d->sources)
        source->start();
}

void LiveEventHub::stop()
{
    if (d->running)
        d->stopAll(true);
}

bool LiveEventHub::isRunning() const
{
    return d->running;
}

QList<LiveSourceStatus> LiveEventHub::statuses() const
{
    QList<LiveSourceStatus> result;
    for (const auto &source : d->sources)
        result.append(source->status());
    return result;
}

LiveHubCounters LiveEventHub::counters() const
{
    return d->merger ? d->merger->counters() : LiveHubCounters{};
}

bool LiveEventHub::hasHistory() const
{
    return d->profile.hasRelationalStore();
}

QFuture<LiveHistoryResult> LiveEventHub::loadOlder(qint64 beforeId, int limit)
{
    const WorkspaceProfile profile = d->profile;
    return QtConcurrent::run([profile, beforeId, limit](QPromise<LiveHistoryResult> &promise) {
        LiveHistoryResult result;
        std::unique_ptr<SqlConnection> conn = openLiveStore(profile);
        if (!conn) {
            result.error = tr("This workspace has no events table to read older events from");
            promise.addResult(result);
            return;
        }
        if (const SqlError error = conn->open(); error.isError()) {
            result.error = error.message;
            promise.addResult(result);
            return;
        }
        if (promise.isCanceled())
            return;
        const QString id = liveIdColumn(profile.schema);
        const int rows = qMax(1, limit);
        QString sql = liveEventsSelect(profile.schema);
        QVariantList params;
        if (beforeId > 0) {
            sql += u" WHERE "_s + id + u" < "_s + conn->placeholder(1);
            params.append(beforeId);
        }
        sql += u" ORDER BY "_s + id + u" DESC LIMIT "_s + QString::number(rows);
        const SqlResult read = conn->exec(sql, params);
        if (!read.ok()) {
            result.error = read.error.message;
            promise.addResult(result);
            return;
        }
        auto batch = std::make_shared<LiveEventBatch>();
        batch->reserve(read.rows.size(), read.rows.size() * 160);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (auto row = read.rows.crbegin(); row != read.rows.crend(); ++row)
            appendLiveEventRow(*batch, *row, LiveSource::History, now, false);
        batch->shrinkToFit();
        result.batch = std::move(batch);
        result.reachedStart = read.rows.size() < rows;
        promise.addResult(result);
    });
}

} // namespace Sightline
