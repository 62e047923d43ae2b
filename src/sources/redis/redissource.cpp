#include "redissource.h"

#include "core/displayname.h"
#include "core/format.h"
#include "redispreview.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// eval:<id>:… belongs to evaluation <id> (DESIGN.md §4).
constexpr QByteArrayView EvaluationPrefix("eval:");

QString evaluationIdOf(const QByteArray &keyOrPrefix, const QByteArray &delimiter)
{
    if (!keyOrPrefix.startsWith(EvaluationPrefix))
        return {};
    const QByteArray rest = keyOrPrefix.mid(EvaluationPrefix.size());
    const qsizetype end = rest.indexOf(delimiter);
    return QString::fromUtf8(end < 0 ? rest : rest.left(end));
}

QByteArray decodeId(QStringView id)
{
    return QByteArray::fromBase64(id.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A continuation names the last child a page showed: "n" or "k" + base64url(name).
QString continuationAfter(const RedisKeyIndex::Position &position)
{
    return (position.isNamespace ? u"n"_s : u"k"_s) +
           QString::fromLatin1(
               position.name.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<RedisKeyIndex::Position> positionFrom(const QString &continuation)
{
    if (continuation.size() < 2 || (continuation.front() != u'n' && continuation.front() != u'k'))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(continuation.mid(1).toLatin1(),
                                                        QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return RedisKeyIndex::Position{continuation.front() == u'n', *decoded};
}

QString infoValue(const QHash<QByteArray, QByteArray> &info, const char *key)
{
    return QString::fromUtf8(info.value(QByteArray(key)));
}
} // namespace

RedisSource::RedisSource(const QString &url, RedisSourceOptions options, QObject *parent)
    : StorageSource(parent)
    , m_url(RedisUrl::parse(url, options.password))
    , m_options(std::move(options))
    , m_connection(std::make_unique<RedisConnection>(m_url))
    , m_index(m_options.delimiter)
{
    qRegisterMetaType<StorageProgress>();
    RedisConnection *connection = m_connection.get();
    m_runner.setInterrupt([connection] { connection->interrupt(); });
}

RedisSource::~RedisSource()
{
    m_runner.stop();
    // The socket was made on the runner's thread and must be closed there.
    m_runner.run<int>([this](const StopToken &) {
        m_connection->close();
        return 0;
    });
    m_runner.waitForDone();
}

QString RedisSource::describe() const
{
    return m_url.redacted();
}

QString RedisSource::keyNodeId(const QByteArray &key)
{
    return u"k:"_s +
           QString::fromLatin1(key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString RedisSource::namespaceNodeId(const QByteArray &prefix)
{
    return u"n:"_s + QString::fromLatin1(
                         prefix.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

template<typename T>
QFuture<T> RedisSource::submit(std::function<T(const StopToken &)> work)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    auto job = std::make_shared<PendingJob>();
    job->work = [promise, work = std::move(work)](const StopToken &token) {
        promise->addResult(work(token));
        promise->finish();
    };
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.push_back(job);
    }
    // Whoever comes first runs it: the runner, or a running scan between two of its batches.
    m_runner.run<int>([this, job](const StopToken &token) {
        runJob(job, token);
        return 0;
    });
    return future;
}

void RedisSource::runJob(const std::shared_ptr<PendingJob> &job, const StopToken &token)
{
    if (job->claimed.exchange(true))
        return;
    {
        QMutexLocker lock(&m_pendingMutex);
        const auto it = std::find(m_pending.begin(), m_pending.end(), job);
        if (it != m_pending.end())
            m_pending.erase(it);
    }
    job->work(token);
}

void RedisSource::runPendingJobs(const StopToken &token)
{
    // The scan has not been stopped, so nothing was stopped since these were queued: the scan's
    // token is theirs too.
    std::deque<std::shared_ptr<PendingJob>> jobs;
    {
        QMutexLocker lock(&m_pendingMutex);
        jobs = m_pending;
    }
    for (const auto &job : jobs)
        runJob(job, token);
}

RedisError RedisSource::prepare(const StopToken &token)
{
    if (!m_url.isValid())
        return {RedisError::Kind::Connection, m_url.error};
    m_connection->clearInterrupt();
    m_connection->setCancelCheck([token] { return token.stopRequested(); });
    if (token.stopRequested())
        return {RedisError::Kind::Cancelled, u"Stopped"_s};
    return {};
}

void RedisSource::stop()
{
    m_runner.stop();
}

void RedisSource::rescan()
{
    // A running scan sees this between two steps (and its connection's cancel check within one)
    // and ends; the next children() on the runner's thread forgets the index and scans anew.
    m_scanGeneration.fetch_add(1);
}

void RedisSource::forgetScanIfRescanned()
{
    const quint64 generation = m_scanGeneration.load();
    if (m_indexGeneration == generation)
        return;
    m_indexGeneration = generation;
    m_index.clear();
    m_scanState = ScanState::NotStarted;
    m_scanTotal = -1;
    m_scanError.clear();
    m_sinceNotify.invalidate();
}

QFuture<StorageSummary> RedisSource::summary()
{
    return submit<StorageSummary>([this](const StopToken &token) { return doSummary(token); });
}

StorageSummary RedisSource::doSummary(const StopToken &token)
{
    StorageSummary summary;
    summary.itemNoun = tr("keys");
    if (RedisError error = prepare(token); error.isError()) {
        summary.error = error.message;
        return summary;
    }
    if (!m_connection->isOpen()) {
        if (RedisError error = m_connection->open(); error.isError()) {
            summary.error = error.message;
            return summary;
        }
    }
    QElapsedTimer clock;
    clock.start();
    RespValue pong;
    if (RedisError error = m_connection->command({"PING"}, pong); error.isError()) {
        summary.error = error.message;
        return summary;
    }
    summary.latencyMs = double(clock.nsecsElapsed()) / 1e6;
    if (pong.isError()) {
        summary.error = QString::fromUtf8(pong.data);
        return summary;
    }
    QList<RespValue> replies;
    if (RedisError error = m_connection->pipeline({{"INFO"}, {"DBSIZE"}}, replies); error.isError()) {
        summary.error = error.message;
        return summary;
    }
    summary.reachable = true;
    if (replies.at(1).type == RespValue::Type::Integer)
        summary.itemCount = replies.at(1).integer;
    if (replies.at(0).isError()) {
        summary.details.append({tr("INFO"), QString::fromUtf8(replies.at(0).data)});
        return summary;
    }
    QHash<QByteArray, QByteArray> info;
    for (const QByteArray &line : replies.at(0).data.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        const qsizetype colon = trimmed.indexOf(':');
        if (colon > 0 && !trimmed.startsWith('#'))
            info.insert(trimmed.left(colon), trimmed.mid(colon + 1));
    }
    summary.totalBytes = info.value("used_memory").toLongLong();
    summary.details.append({tr("Version"), infoValue(info, "redis_version")});
    summary.details.append({tr("Used memory"), infoValue(info, "used_memory_human")});
    summary.details.append({tr("Connected clients"), infoValue(info, "connected_clients")});
    const qint64 hits = info.value("keyspace_hits").toLongLong();
    const qint64 misses = info.value("keyspace_misses").toLongLong();
    const QString ratio = hits + misses > 0
                              ? u" (%1% hits)"_s.arg(100.0 * double(hits) / double(hits + misses), 0, 'f', 1)
                              : QString();
    summary.details.append(
        {tr("Keyspace hits / misses"), formatCount(hits) + u" / "_s + formatCount(misses) + ratio});
    summary.details.append({tr("Evicted keys"), infoValue(info, "evicted_keys")});
    const QByteArray dbName = "db" + QByteArray::number(m_url.db);
    summary.details.append({tr("Keyspace %1").arg(QString::fromLatin1(dbName)),
                            info.contains(dbName) ? QString::fromUtf8(info.value(dbName)) : tr("empty")});
    return summary;
}

QFuture<StoragePage> RedisSource::children(const QString &nodeId, const QString &continuation)
{
    return submit<StoragePage>([this, nodeId, continuation](const StopToken &token) {
        return doChildren(nodeId, continuation, token);
    });
}

StoragePage RedisSource::doChildren(const QString &nodeId, const QString &continuation,
                                    const StopToken &token)
{
    StoragePage page;
    if (token.stopRequested()) {
        page.cancelled = true;
        return page;
    }
    if (!m_url.isValid()) {
        page.error = m_url.error;
        return page;
    }
    forgetScanIfRescanned();
    // A fresh (or rescanned) index starts the scan from any listing, so that Retry on a
    // namespace's error row after rescan() scans again too. A stopped or failed scan restarts
    // only from the root's first page: the model refetching expanded nodes must not restart what
    // the user stopped, nor loop on a server that is down (rescan() is the way to retry).
    const bool startScan =
        !nodeId.startsWith(u"k:"_s) &&
        (m_scanState == ScanState::NotStarted ||
         (m_scanState == ScanState::Stopped && nodeId.isEmpty() && continuation.isEmpty()));
    if (startScan) {
        // Starts after this answer: the first page shows what is indexed so far (maybe nothing).
        m_scanState = ScanState::Running;
        m_scanError.clear();
        const StopToken scanToken = token;
        const quint64 generation = m_indexGeneration;
        m_runner.run<int>([this, scanToken, generation](const StopToken &) {
            runScan(scanToken, generation);
            return 0;
        });
    }
    quint32 ns = RedisKeyIndex::Root;
    if (nodeId.startsWith(u"n:"_s)) {
        const std::optional<quint32> found = m_index.findNamespace(decodeId(QStringView(nodeId).mid(2)));
        if (!found) {
            if (m_scanState == ScanState::Done)
                page.error = tr("This namespace no longer has keys");
            page.error = m_scanError.isEmpty() ? page.error : m_scanError;
            return page;
        }
        ns = *found;
    } else if (!nodeId.isEmpty()) {
        return page; // a key: no children
    }
    std::optional<RedisKeyIndex::Position> after;
    if (!continuation.isEmpty()) {
        after = positionFrom(continuation);
        if (!after) {
            page.error = tr("Invalid continuation \"%1\"").arg(continuation);
            return page;
        }
    }
    bool more = false;
    const QList<RedisKeyIndex::Child> children =
        m_index.childrenAfter(ns, after ? &*after : nullptr, m_options.pageSize, &more);
    page.nodes.reserve(children.size());
    for (const RedisKeyIndex::Child &child : children)
        page.nodes.append(child.isNamespace ? namespaceNode(child.index) : keyNode(child.index));
    if (more && !children.isEmpty())
        page.continuation = continuationAfter(m_index.positionOf(children.constLast()));
    page.error = m_scanError;
    return page;
}

StorageNode RedisSource::namespaceNode(quint32 ns) const
{
    const RedisKeyIndex::NamespaceInfo info = m_index.namespaceInfo(ns);
    StorageNode node;
    node.id = namespaceNodeId(info.prefix);
    node.name = escapeForDisplay(info.name);
    node.kind = StorageNode::Kind::Group;
    node.hasChildren = true;
    node.typeLabel = tr("namespace");
    node.count = info.keyCount;
    node.bytes = info.bytes;
    node.evaluationId = evaluationIdOf(info.prefix, m_index.delimiter());
    return node;
}

StorageNode RedisSource::keyNode(quint32 key) const
{
    const RedisKeyIndex::KeyInfo info = m_index.keyInfo(key);
    StorageNode node;
    node.id = keyNodeId(info.key);
    node.name = escapeForDisplay(info.name);
    node.kind = StorageNode::Kind::Item;
    node.previewable = true;
    node.typeLabel = redisKeyTypeName(info.type);
    node.bytes = info.bytes;
    node.expiresAtMs = info.expiresAtMs;
    node.evaluationId = evaluationIdOf(info.key, m_index.delimiter());
    return node;
}

QFuture<StoragePreview> RedisSource::preview(const QString &nodeId, const QString &continuation)
{
    return submit<StoragePreview>([this, nodeId, continuation](const StopToken &token) {
        StoragePreview preview;
        if (RedisError error = prepare(token); error.isError()) {
            preview.cancelled = error.kind == RedisError::Kind::Cancelled;
            preview.error = preview.cancelled ? QString() : error.message;
            return preview;
        }
        if (!nodeId.startsWith(u"k:"_s)) {
            preview.error = tr("Only keys have a preview");
            return preview;
        }
        preview = loadRedisPreview(*m_connection, decodeId(QStringView(nodeId).mid(2)), continuation);
        if (token.stopRequested()) {
            preview.cancelled = true;
            preview.error.clear();
        }
        return preview;
    });
}

void RedisSource::notifyScan(bool force, bool finished, bool contentToo)
{
    if (!force && m_sinceNotify.isValid() && m_sinceNotify.elapsed() < m_options.notifyEveryMs)
        return;
    m_sinceNotify.start();
    StorageProgress progress;
    progress.what = tr("Scanning keys");
    progress.done = m_index.keyCount();
    progress.total = m_scanTotal;
    progress.finished = finished;
    Q_EMIT progressChanged(progress);
    if (contentToo)
        Q_EMIT contentChanged();
}

void RedisSource::runScan(const StopToken &token, quint64 generation)
{
    // rescan() was called: what this scan learns belongs to a forgotten index. Whoever forgot it
    // (the next children()) owns the scan state now, so leave it alone.
    const auto abandoned = [this] {
        notifyScan(true, true, false);
        qCDebug(lcRedis) << "scan abandoned by a rescan after" << m_index.keyCount() << "keys";
    };
    const auto stopped = [this] {
        m_scanState = ScanState::Stopped;
        // Progress only: contentChanged makes the model refetch the root, which would start the
        // scan the user just stopped all over again.
        notifyScan(true, true, false);
        qCDebug(lcRedis) << "scan stopped after" << m_index.keyCount() << "keys";
    };
    const auto failed = [this](const RedisError &error) {
        m_scanState = ScanState::Failed;
        m_scanError = tr("Connection lost after %1 of %2 keys — Retry (%3)")
                          .arg(formatCount(m_index.keyCount()),
                               m_scanTotal >= 0 ? formatCount(m_scanTotal) : tr("unknown"), error.message);
        qCWarning(lcRedis) << "scan of" << m_url.redacted() << "failed:" << error.message;
        notifyScan(true, true);
    };
    const auto ended = [&](const RedisError &error) {
        if (superseded(generation))
            return abandoned();
        return error.kind == RedisError::Kind::Cancelled ? stopped() : failed(error);
    };
    if (superseded(generation) || m_indexGeneration != generation)
        return; // rescan() came before this scan's first step: nothing to report
    Metrics::ScanProgress scanProgress("redis");
    QElapsedTimer scanTimer;
    scanTimer.start();
    if (RedisError error = prepare(token); error.isError())
        return ended(error);
    // A rescan() interrupts a blocked read too. Jobs run between batches set their own check.
    const auto scanCancelCheck = [this, token, generation] {
        return token.stopRequested() || superseded(generation);
    };
    m_connection->setCancelCheck(scanCancelCheck);

    const QByteArray count = QByteArray::number(m_options.scanCount);
    QList<RespValue> replies;
    if (RedisError error = m_connection->pipeline({{"DBSIZE"}, {"SCAN", "0", "COUNT", count}}, replies);
        error.isError())
        return ended(error);
    if (superseded(generation))
        return abandoned();
    m_scanTotal = replies.at(0).toInteger().value_or(-1);
    RespValue scanReply = replies.at(1);
    // Keep the previous (partial) tree until the server answers again.
    m_index.clear();
    m_sinceNotify.invalidate();
    notifyScan(true, false);
    QList<QList<QByteArray>> batch;
    while (true) {
        if (token.stopRequested())
            return stopped();
        if (superseded(generation))
            return abandoned();
        if (scanReply.isError() || scanReply.elements.size() != 2 || !scanReply.elements.at(1).isArray())
            return failed({RedisError::Kind::Server, scanReply.isError()
                                                         ? QString::fromUtf8(scanReply.data)
                                                         : tr("SCAN sent an unexpected reply")});
        const QByteArray cursor = scanReply.elements.at(0).data;
        const QList<RespValue> &keys = scanReply.elements.at(1).elements;
        batch.clear();
        batch.reserve(keys.size() * 3 + 1);
        for (const RespValue &key : keys) {
            batch.append({"TYPE", key.data});
            batch.append({"PTTL", key.data});
            batch.append({"MEMORY", "USAGE", key.data});
        }
        const bool last = cursor == "0";
        if (!last)
            batch.append({"SCAN", cursor, "COUNT", count});
        if (RedisError error = m_connection->pipeline(batch, replies); error.isError())
            return ended(error);
        if (superseded(generation))
            return abandoned();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RespValue &type = replies.at(i * 3);
            const RedisKeyType keyType = redisKeyTypeFromName(type.data);
            if (keyType == RedisKeyType::Unknown)
                continue; // deleted since SCAN saw it
            const qint64 pttl = replies.at(i * 3 + 1).toInteger().value_or(-1);
            const qint64 bytes = replies.at(i * 3 + 2).toInteger().value_or(-1);
            m_index.add(keys.at(i).data, keyType, pttl >= 0 ? now + pttl : -1, bytes);
        }
        scanProgress.setItems(m_index.keyCount());
        if (last)
            break;
        scanReply = replies.constLast();
        runPendingJobs(token);
        // A job may have been a children() after rescan() that forgot this index: stop here.
        if (m_indexGeneration != generation || superseded(generation))
            return abandoned();
        m_connection->setCancelCheck(scanCancelCheck);
        notifyScan(false, false);
    }
    m_scanState = ScanState::Done;
    logEvent(lcRedis(), QtInfoMsg, "scan.finished",
             {{"target", m_url.redacted()},
              {"items", qint64(m_index.keyCount())},
              {"ms", qint64(scanTimer.elapsed())}});
    notifyScan(true, true);
}

} // namespace Sightline
