#pragma once

// Waits for a source's future in a test, with the event loop running: progress and
// contentChanged arrive as queued calls, and in-process servers answer on this thread.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace Sightline::TestSupport {

// The future's result, or T{} (with a warning) when it did not finish in time. Returns as soon
// as the future finishes: read-only proofs await a hundred thousand listings one after another,
// so no polling interval may add to each.
template<typename T>
T await(QFuture<T> future, int timeoutMs = 60000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished()) {
        qWarning("a future did not finish within %d ms", timeoutMs);
        return T{};
    }
    return future.resultCount() > 0 ? future.result() : T{};
}

} // namespace Sightline::TestSupport
