#include "livesourcebase.h"

#include "livemerger.h"
#include "telemetry/logging.h"

#include <QDateTime>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcLive, "sightline.live")

QString liveSeconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return QString::number(ms / 1000);
    return QString::number(double(ms) / 1000.0, 'f', ms < 10000 ? 1 : 0);
}

LiveSourceWorker::LiveSourceWorker(LiveSource source, QString description, LiveSourceContext context)
    : m_source(source)
    , m_description(std::move(description))
    , m_context(std::move(context))
{
    m_status.source = source;
    m_status.description = m_description;
}

LiveSourceWorker::~LiveSourceWorker()
{
    // A subclass must have stopped and joined already (its run() uses its members); this is a
    // safety net for the base alone.
    requestStop();
    join();
}

void LiveSourceWorker::start()
{
    if (m_thread.joinable())
        return;
    m_stop.store(false);
    m_finished = false;
    m_thread = std::thread([this] {
        run();
        setStatus(LiveSourceStatus::State::Stopped, {}, 0);
        {
            std::lock_guard lock(m_waitMutex);
            m_finished = true;
        }
        m_wake.notify_all();
    });
}

void LiveSourceWorker::requestStop()
{
    {
        std::lock_guard lock(m_waitMutex);
        m_stop.store(true);
    }
    m_wake.notify_all();
    interrupt();
}

void LiveSourceWorker::join()
{
    if (!m_thread.joinable())
        return;
    // A stop can land between a driver resetting its own cancel flag and starting to block (a
    // PostgreSQL connect does that): interrupt again until the thread has really finished.
    {
        std::unique_lock lock(m_waitMutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_finished; })) {
            lock.unlock();
            if (m_stop.load())
                interrupt();
            lock.lock();
        }
    }
    m_thread.join();
}

LiveSourceStatus LiveSourceWorker::status() const
{
    std::lock_guard lock(m_statusMutex);
    LiveSourceStatus status = m_status;
    status.received = m_received.load(std::memory_order_relaxed);
    return status;
}

bool LiveSourceWorker::pause(qint64 ms)
{
    std::unique_lock lock(m_waitMutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop.load(); });
    return !m_stop.load();
}

void LiveSourceWorker::setStatus(LiveSourceStatus::State state, const QString &message, qint64 retryInMs)
{
    LiveSourceStatus copy;
    {
        std::lock_guard lock(m_statusMutex);
        m_status.state = state;
        m_status.message = message;
        m_status.retryInMs = retryInMs;
        copy = m_status;
    }
    copy.received = m_received.load(std::memory_order_relaxed);
    if (m_context.reportStatus)
        m_context.reportStatus(copy);
}

void LiveSourceWorker::reportConnecting()
{
    setStatus(LiveSourceStatus::State::Connecting, {}, 0);
}

void LiveSourceWorker::reportLive()
{
    m_backoffMs = 0;
    m_wasLive = true;
    setStatus(LiveSourceStatus::State::Live, {}, 0);
    if (m_openGap.fromMs != 0) {
        m_openGap.toMs = QDateTime::currentMSecsSinceEpoch();
        if (m_context.reportGap)
            m_context.reportGap(m_openGap, false);
        m_openGap = {};
    }
}

bool LiveSourceWorker::retryAfter(const QString &reason)
{
    if (stopping())
        return false;
    if (m_wasLive && m_openGap.fromMs == 0) {
        m_openGap.source = m_source;
        m_openGap.fromMs = QDateTime::currentMSecsSinceEpoch();
        m_openGap.toMs = 0;
        if (m_context.reportGap)
            m_context.reportGap(m_openGap, true);
    }
    const int initial = qMax(1, m_context.options.initialBackoffMs);
    const int maximum = qMax(initial, m_context.options.maxBackoffMs);
    m_backoffMs = m_backoffMs == 0 ? initial : qMin<qint64>(m_backoffMs * 2, maximum);
    logEvent(lcLive(), QtInfoMsg, "source.reconnecting",
             {{"source", m_description}, {"retry_in_ms", m_backoffMs}, {"reason", reason}});
    setStatus(LiveSourceStatus::State::Retrying, retryMessage(liveSeconds(m_backoffMs), reason), m_backoffMs);
    return pause(m_backoffMs);
}

void LiveSourceWorker::flush(std::unique_ptr<LiveEventBatch> &batch)
{
    if (!batch || batch->isEmpty())
        return;
    countReceived(batch->size());
    m_context.merger->submit(std::move(batch));
    batch = std::make_unique<LiveEventBatch>();
}

} // namespace Sightline
