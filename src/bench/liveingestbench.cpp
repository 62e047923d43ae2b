#include "liveingestbench.h"

#include "benchoutput.h"
#include "guistallmeter.h"
#include "liveingestpeer.h"
#include "models/liveeventmodel.h"
#include "sources/live/liveeventhub.h"
#include "ui/liveeventsview.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {

const QString Scenario = u"live-ingest"_s;

void printNote(const QString &tool, const QString &note)
{
    const QJsonObject line{{u"scenario"_s, Scenario}, {u"tool"_s, tool}, {u"note"_s, note}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void progress(const QString &text)
{
    std::fprintf(stderr, "live-ingest: %s\n", qPrintable(text));
}

double currentRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Beside GuiStallMeter (the figure): how much of each stall the GUI thread spent on the CPU. On a
// shared machine a long gap may be the thread waiting for a core, not working; this tells which.
class GuiCpuMeter final : public QObject
{
public:
    GuiCpuMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        connect(&m_timer, &QTimer::timeout, this, &GuiCpuMeter::tick);
    }
    void start()
    {
        m_lastWall = wallNs();
        m_lastCpu = cpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Over the ticks that came late: the CPU the GUI thread used in the gap, and the gap beyond
    // the interval spent off the CPU.
    QString summary() const
    {
        return u"GUI thread in its stalls: on the CPU p99 %1 ms, max %2 ms; waiting for a core p99 %3 ms, "
               u"max "
               u"%4 ms (%5 late ticks of %6)"_s.arg(percentile(m_busy, 99), 0, 'f', 1)
                   .arg(percentile(m_busy, 100), 0, 'f', 1)
                   .arg(percentile(m_waiting, 99), 0, 'f', 1)
                   .arg(percentile(m_waiting, 100), 0, 'f', 1)
                   .arg(m_busy.size())
                   .arg(m_ticks);
    }

private:
    static constexpr int IntervalMs = 2;
    static qint64 wallNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    static qint64 cpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    static double percentile(std::vector<double> values, double p)
    {
        if (values.empty())
            return 0.0;
        std::sort(values.begin(), values.end());
        return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
    }
    void tick()
    {
        const qint64 wall = wallNs();
        const qint64 cpu = cpuNs();
        const double stallMs = double(wall - m_lastWall) / 1e6 - IntervalMs;
        ++m_ticks;
        // Late by more than a millisecond: a stall, split into work and waiting.
        if (stallMs > 1.0) {
            const double busyMs = double(cpu - m_lastCpu) / 1e6;
            m_busy.push_back(busyMs);
            m_waiting.push_back(std::max(0.0, stallMs + IntervalMs - busyMs));
        }
        m_lastWall = wall;
        m_lastCpu = cpu;
    }
    QTimer m_timer;
    qint64 m_lastWall = 0;
    qint64 m_lastCpu = 0;
    qint64 m_ticks = 0;
    std::vector<double> m_busy;
    std::vector<double> m_waiting;
};

// Times each repaint of the view's window (the UpdateRequest that paints and flushes every dirty
// widget), in wall time and in the GUI thread's CPU time, to tell painting from appending.
class RepaintTimer final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::UpdateRequest || m_inside)
            return false;
        m_inside = true;
        const qint64 wall = clockNs(CLOCK_MONOTONIC);
        const qint64 cpu = clockNs(CLOCK_THREAD_CPUTIME_ID);
        watched->event(event);
        m_wallMs.push_back(double(clockNs(CLOCK_MONOTONIC) - wall) / 1e6);
        m_cpuMs.push_back(double(clockNs(CLOCK_THREAD_CPUTIME_ID) - cpu) / 1e6);
        m_inside = false;
        return true;
    }
    QString summary() const
    {
        double total = 0;
        for (const double ms : m_cpuMs)
            total += ms;
        return u"repaints: %1, CPU %2 ms in all, each p99 %3 ms, max %4 ms (wall p99 %5 ms, max %6 ms)"_s
            .arg(m_cpuMs.size())
            .arg(total, 0, 'f', 0)
            .arg(percentile(m_cpuMs, 99), 0, 'f', 1)
            .arg(percentile(m_cpuMs, 100), 0, 'f', 1)
            .arg(percentile(m_wallMs, 99), 0, 'f', 1)
            .arg(percentile(m_wallMs, 100), 0, 'f', 1);
    }

private:
    static qint64 clockNs(clockid_t clock)
    {
        timespec ts{};
        clock_gettime(clock, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    static double percentile(std::vector<double> values, double p)
    {
        if (values.empty())
            return 0.0;
        std::sort(values.begin(), values.end());
        return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
    }
    bool m_inside = false;
    std::vector<double> m_wallMs;
    std::vector<double> m_cpuMs;
};

// Which of the ids of one rate step reached the model, each counted once: a duplicate or an id
// from outside the step would show as a mismatch rather than hide a loss.
class IdTally
{
public:
    void reset(qint64 first, qint64 count)
    {
        m_first = first;
        m_seen.assign(size_t(qMax<qint64>(0, count)), false);
        m_distinct = 0;
        m_foreign = 0;
    }
    void add(const LiveEventBatch &batch)
    {
        for (const LiveEventRecord &r : batch.records()) {
            const qint64 at = r.id - m_first;
            if (at < 0 || at >= qint64(m_seen.size())) {
                ++m_foreign;
                continue;
            }
            if (!m_seen[size_t(at)]) {
                m_seen[size_t(at)] = true;
                ++m_distinct;
            }
        }
    }
    qint64 distinct() const { return m_distinct; }
    qint64 foreign() const { return m_foreign; }

private:
    qint64 m_first = 0;
    std::vector<bool> m_seen;
    qint64 m_distinct = 0;
    qint64 m_foreign = 0;
};

} // namespace

int runLiveIngestBench(const LiveIngestOptions &options)
{
    const RedisUrl url = RedisUrl::parse(options.redisUrl);
    if (!url.isValid()) {
        std::fprintf(stderr, "live-ingest: %s\n", qPrintable(url.error));
        return 2;
    }
    WorkspaceProfile profile;
    profile.name = u"live-ingest"_s;
    profile.redis.url = options.redisUrl;
    profile.live.redisChannels = {QString::fromUtf8(options.channel)};
    profile.live.redisPatterns.clear();
    profile.live.postgresChannel.clear();
    profile.live.poll = LiveSettings::Poll::Never;
    profile.live.bufferEvents = options.fillEvents;
    // The ring's own cap must not be what stops it from holding the million events measured.
    profile.live.memoryMb = 1024;

    // The real view (model, timeline, rate chart, table), offscreen, as a person would have it.
    LiveEventsView view;
    view.resize(1400, 900);
    RepaintTimer repaints;
    view.installEventFilter(&repaints);
    view.show();
    auto hub = std::make_unique<LiveEventHub>(profile);
    bool disconnected = false;
    bool live = false;
    QObject::connect(hub.get(), &LiveEventHub::statusChanged, &view, [&](const LiveSourceStatus &status) {
        if (status.state == LiveSourceStatus::State::Live)
            live = true;
        else if (status.state == LiveSourceStatus::State::Retrying ||
                 status.state == LiveSourceStatus::State::Failed)
            disconnected = true;
        if (!status.message.isEmpty())
            progress(u"hub: "_s + status.message);
    });
    IdTally tally;
    // Connected before the view, so it sees each batch as the model is about to get it.
    QObject::connect(hub.get(), &LiveEventHub::batchReady, &view,
                     [&](const LiveEventBatchPtr &batch) { tally.add(*batch); });
    view.setHub(hub.get(), profile.live);
    LiveEventModel *model = view.model();
    hub->start();
    settle([&] { return live ? 1 : 0; }, 1, 10000);
    if (!live) {
        std::fprintf(stderr, "live-ingest: the hub did not subscribe to %s\n", qPrintable(url.redacted()));
        return 1;
    }

    GuiStallMeter meter;
    meter.start();
    GuiCpuMeter cpuMeter;
    cpuMeter.start();
    auto reachedModel = [&] { return qint64(model->ring().endSeq()); };
    QList<RateStep> steps;
    for (const double rate : options.rates) {
        RateStep step;
        step.rate = rate;
        LivePublishOptions publish;
        publish.redisUrl = options.redisUrl;
        publish.redisChannel = options.channel;
        publish.rate = rate;
        publish.count = qint64(rate * options.seconds);
        publish.firstId = QDateTime::currentMSecsSinceEpoch() * 1000;
        tally.reset(publish.firstId, publish.count);
        const qint64 before = reachedModel();
        disconnected = false;
        meter.takePhaseMaxMs();
        step.published = publishWithEventLoop(publish);
        // The hub hands batches on every 200 ms: a second without a new event means the rest is lost.
        settle([&] { return reachedModel() - before; }, step.published.published, 1500);
        step.received = tally.distinct();
        step.disconnected = disconnected;
        if (reachedModel() - before != step.received || tally.foreign() > 0)
            step.error = u"%1 events reached the model, %2 distinct of this step, %3 foreign"_s
                             .arg(reachedModel() - before)
                             .arg(step.received)
                             .arg(tally.foreign());
        progress(describeStep(u"sightline"_s, step) +
                 u"; GUI stall max %1 ms"_s.arg(meter.takePhaseMaxMs(), 0, 'f', 1));
        steps.append(step);
        if (!step.lossless())
            break;
    }
    const double maxRate = maxLosslessRate(steps);

    // Fill to the million buffered events at a rate it keeps up with, then read the RSS.
    const qint64 missing = options.fillEvents - model->ring().size();
    if (missing > 0) {
        LivePublishOptions publish;
        publish.redisUrl = options.redisUrl;
        publish.redisChannel = options.channel;
        publish.rate = maxRate > 0 ? maxRate : 50000;
        publish.count = missing;
        const qint64 before = reachedModel();
        const LivePublishResult filled = publishWithEventLoop(publish);
        settle([&] { return reachedModel() - before; }, filled.published, 1500);
        progress(
            u"filled with %1 more events at %2/s"_s.arg(filled.published).arg(qRound64(filled.achievedRate)));
    }
    meter.takePhaseMaxMs();
    settle([] { return 0; }, 1, 500); // a last turn of the timers that repaint after a batch
    const qint64 buffered = model->ring().size();
    const double rssMb = currentRssMb();
    meter.stop();
    cpuMeter.stop();
    progress(cpuMeter.summary());
    progress(repaints.summary());

    const LiveEventsView::BatchTiming &timing = view.batchTiming();
    progress(u"GUI thread: %1 batches, %2 events appended in %3 ms (largest batch %4 events, slowest append "
             u"%5 ms); ring holds %6 events in %7 MB"_s.arg(timing.batches)
                 .arg(timing.events)
                 .arg(timing.totalMs, 0, 'f', 0)
                 .arg(timing.largestBatch)
                 .arg(timing.maxMs, 0, 'f', 1)
                 .arg(buffered)
                 .arg(double(model->ring().memoryBytes()) / 1048576.0, 0, 'f', 0));

    printFigure(Scenario, u"sightline"_s, u"max_lossless_rate"_s, maxRate, u"events/s"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_p99_ms"_s, meter.percentileStallMs(99), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_max_ms"_s, meter.maxStallMs(), u"ms"_s);
    if (buffered >= options.fillEvents)
        printFigure(Scenario, u"sightline"_s, u"rss_mb_at_1m"_s, rssMb, u"MB"_s);
    else
        printNote(u"sightline"_s,
                  u"the ring held only %1 events (memory cap), RSS then %2 MB"_s.arg(buffered).arg(rssMb, 0,
                                                                                                   'f', 1));
    if (const QString note = publisherShortfallNote(steps); !note.isEmpty())
        printNote(u"sightline"_s, note);

    view.setHub(nullptr, profile.live);
    hub.reset(); // unsubscribes, so the peer has the server to itself

    if (!options.peer)
        return 0;
    const RedisCliResult cli =
        measureRedisCliSubscribe(options.redisUrl, options.channel, options.rates, options.seconds);
    if (!cli.error.isEmpty()) {
        std::fprintf(stderr, "live-ingest: %s\n", qPrintable(cli.error));
        return 1;
    }
    printFigure(Scenario, u"redis-cli"_s, u"max_rate"_s, cli.maxRate, u"events/s"_s);
    if (const QString note = publisherShortfallNote(cli.steps); !note.isEmpty())
        printNote(u"redis-cli"_s, note);
    return 0;
}

} // namespace Sightline::Bench
