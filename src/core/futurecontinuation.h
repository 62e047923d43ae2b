#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace Sightline {

// Runs `handler(result)` on `receiver`'s thread when `future` finishes, and never once
// `receiver` is gone.
//
// Why not QFuture::then(receiver, …): in Qt 6.4 that continuation does Q_ASSERT(context) when
// the future finishes after the receiver was destroyed — closing an Evaluation window while its
// detail loads aborts a debug build (Qt 6.6 fixed it). A watcher owned by the receiver dies with
// it, and its connection with it.
template<typename T, typename Handler>
void whenFinished(QFuture<T> future, QObject *receiver, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             handler(watcher->result());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace Sightline
