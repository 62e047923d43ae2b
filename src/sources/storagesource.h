#pragma once

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace Sightline {

// The backends of the Storage Explorer (DESIGN.md §1), in the order the explorer shows them.
enum class StorageBackend { PostgreSQL, SQLite, Redis, Files, S3, Memory };

QString storageBackendTitle(StorageBackend backend); // "PostgreSQL", "Storage service memory", …

// What a panel's summary card shows.
struct StorageSummary
{
    bool reachable = false;
    double latencyMs = -1;  // one round trip (a trivial query, PING, HEAD, GET /health)
    qint64 itemCount = -1;  // tables, keys, files, objects, cache entries; -1 unknown
    QString itemNoun;       // "tables", "keys", "files", "objects", "entries"
    qint64 totalBytes = -1; // -1 unknown
    QString error;          // why it is unreachable, in the server's own words where it has some
    // Label → value lines under the card: server version, INFO memory/clients/hits, cache stats…
    QList<std::pair<QString, QString>> details;
};

// One node of a backend's tree. `id` is the backend's own address of it (a key prefix, a path,
// "schema.table", an S3 prefix); the model hands it back unchanged to fetch children or a preview.
struct StorageNode
{
    enum class Kind {
        Group, // schema, table, namespace, folder, bucket prefix: has or may have children
        Item,  // a column, a row, a key, a file, an object, a cache entry
    };
    QString id;
    QString name; // for display: binary and non-UTF-8 bytes escaped (escapeForDisplay)
    Kind kind = Kind::Item;
    bool hasChildren = false;
    bool previewable = false;
    QString typeLabel;           // "table", "hash", "folder", "STANDARD", "text", …
    qint64 count = -1;           // rows, keys, files, elements; -1 unknown
    bool countEstimated = false; // reltuples, not COUNT(*)
    qint64 bytes = -1;           // -1 unknown
    qint64 expiresAtMs = -1;     // epoch ms when a TTL runs out; -1 none (counts down live)
    QDateTime modified;          // files and objects
    QString evaluationId;        // set when the node belongs to an evaluation
    QString detail;              // one more short column: column type, storage class, kind
};

// One page of a node's children. A non-empty continuation means there are more: the model shows
// "more…" and asks again with it.
struct StoragePage
{
    QList<StorageNode> nodes;
    QString continuation;
    QString error; // the listing failed (or failed part-way: nodes holds what arrived)
    bool cancelled = false;
};

// The preview of one item: text (a string value, a file's start) or a table (hash fields, list
// elements, rows), capped; a continuation loads more.
struct StoragePreview
{
    QString text;
    QStringList columns; // non-empty: a table preview
    QList<QStringList> rows;
    bool truncated = false; // capped at 1,000 elements or 64 KB; continuation loads more
    qint64 totalSize = -1;  // elements or bytes in all
    QString continuation;
    QString error;
    bool cancelled = false;
    // This answer replaces what is shown instead of adding to it (a "load all" of the same rows).
    bool replace = false;
};

// Progress of a long scan (a Redis SCAN, a folder walk, a full bucket listing).
struct StorageProgress
{
    QString what; // "Scanning keys", "Walking /data"
    qint64 done = 0;
    qint64 total = -1; // -1 unknown
    bool finished = false;
};

// A flag that work checks between steps; stop() sets it for everything started before.
class StopToken
{
public:
    bool stopRequested() const { return m_flag && m_flag->load(std::memory_order_relaxed); }

private:
    friend class StorageTaskRunner;
    std::shared_ptr<std::atomic_bool> m_flag;
};

// Runs a source's work on its own single thread, in order: the connection a source holds is used
// by that one thread only (DESIGN.md §3). stop() flags everything queued or running as stopped
// and calls the interrupt hook (closing a socket, PQcancel), so that a blocked read returns.
// run() and stop() may be called from any thread.
class StorageTaskRunner
{
public:
    StorageTaskRunner();
    // Stops and joins. Declare the runner after everything its tasks touch, so it is destroyed
    // (and its thread joined) first.
    ~StorageTaskRunner();

    template<typename T>
    QFuture<T> run(std::function<T(const StopToken &)> work);

    void stop();
    void setInterrupt(std::function<void()> interrupt); // called from stop(), on the caller's thread
    void waitForDone();

private:
    void start(std::function<void()> task);
    StopToken currentToken() const;

    std::unique_ptr<QThreadPool> m_pool;
    // run() may be called from the runner's own thread (a scan queueing its next batch) while
    // stop() swaps the flag on the GUI thread.
    mutable QMutex m_flagMutex;
    std::shared_ptr<std::atomic_bool> m_flag;
    std::function<void()> m_interrupt;
};

// One backend as the Storage Explorer sees it. Lives on the GUI thread; every call returns at once
// and the work runs on the source's own thread. Results arrive through the futures, progress
// through progressChanged (queued to the source's thread).
class StorageSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual StorageBackend backend() const = 0;
    virtual QString describe() const = 0; // the address, password removed: "redis://cache:6379/0"

    virtual QFuture<StorageSummary> summary() = 0;
    // Children of a node; an empty id is the backend's root.
    virtual QFuture<StoragePage> children(const QString &nodeId, const QString &continuation) = 0;
    virtual QFuture<StoragePreview> preview(const QString &nodeId, const QString &continuation) = 0;
    // Stops all background work now (collapsing a panel, closing the explorer). Pending futures
    // finish with `cancelled` set. Later calls work again.
    virtual void stop() = 0;
    // Forgets what a whole-backend scan learned (a Redis SCAN, a folder walk), so that the next
    // children("") scans again: Refresh, and Retry after a scan failed. Sources that ask their
    // backend anew on every call have nothing to forget.
    virtual void rescan() {}

Q_SIGNALS:
    void progressChanged(const Sightline::StorageProgress &progress);
    // The source learned something that changes nodes already shown (a scan filled in more of
    // the tree): the model fetches expanded nodes again.
    void contentChanged();
};

template<typename T>
QFuture<T> StorageTaskRunner::run(std::function<T(const StopToken &)> work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    const StopToken token = currentToken();
    start([promise, token, work = std::move(work)] {
        promise->addResult(work(token));
        promise->finish();
    });
    return future;
}

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::StorageProgress)
