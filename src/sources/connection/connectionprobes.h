#pragma once

#include "connectiontest.h"
#include "sources/storagesource.h"

#include <QMutex>
#include <QString>

#include <functional>

namespace Sightline {

// How a running probe is stopped from another thread: the probe installs the hook of the client
// it is blocked in (PQcancel, a socket abort), the test's watchdog calls it on cancel or timeout.
class ProbeInterrupt
{
public:
    void set(std::function<void()> hook)
    {
        QMutexLocker lock(&m_mutex);
        m_hook = std::move(hook);
    }
    void fire()
    {
        QMutexLocker lock(&m_mutex);
        if (m_hook)
            m_hook();
    }

private:
    QMutex m_mutex;
    std::function<void()> m_hook;
};

// One source's connect + one round trip, run on a worker thread of its own. Each fills latencyMs,
// serverVersion and detail when it reached the server, error (in the server's words) otherwise.
ConnectionTestResult probePostgres(const WorkspaceProfile &profile, const StopToken &stop,
                                   ProbeInterrupt &interrupt);
ConnectionTestResult probeSqlite(const WorkspaceProfile &profile, const StopToken &stop,
                                 ProbeInterrupt &interrupt);
ConnectionTestResult probeFiles(const WorkspaceProfile &profile, const StopToken &stop);
ConnectionTestResult probeRedis(const WorkspaceProfile &profile, const StopToken &stop,
                                ProbeInterrupt &interrupt);
ConnectionTestResult probeS3(const WorkspaceProfile &profile, const StopToken &stop,
                             ProbeInterrupt &interrupt);
ConnectionTestResult probeMemory(const WorkspaceProfile &profile, const StopToken &stop,
                                 ProbeInterrupt &interrupt);
ConnectionTestResult probePrometheus(const WorkspaceProfile &profile, const StopToken &stop);
ConnectionTestResult probeGrafana(const WorkspaceProfile &profile, const StopToken &stop,
                                  ProbeInterrupt &interrupt);

// Where a source points, without secrets, for messages ("redis://127.0.0.1:6379/0"); empty
// when the profile does not configure it.
QString connectionTarget(const WorkspaceProfile &profile, const QString &source);

} // namespace Sightline
