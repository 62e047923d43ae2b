#include "lineageworker.h"

#include "core/displayname.h"
#include "core/format.h"
#include "sources/memory/storageserviceclient.h"
#include "sources/redis/redisconnection.h"
#include "sources/s3/s3client.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace LineageText {

QString countdown(qint64 ms)
{
    const qint64 s = (qMax<qint64>(0, ms) + 999) / 1000; // "0:00" only once it has run out
    const QChar zero(u'0');
    if (s < 3600)
        return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, zero);
    return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, zero).arg(s % 60, 2, 10, zero);
}

QString backendName(LineageItem::Backend backend, bool sqlite)
{
    switch (backend) {
    case LineageItem::Backend::Relational:
        return sqlite ? LineageTr::tr("SQLite") : LineageTr::tr("PostgreSQL");
    case LineageItem::Backend::OutputFile:
        return LineageTr::tr("Output file");
    case LineageItem::Backend::LogFile:
        return LineageTr::tr("Log file");
    case LineageItem::Backend::Redis:
        return LineageTr::tr("Redis");
    case LineageItem::Backend::S3:
        return LineageTr::tr("S3");
    case LineageItem::Backend::Memory:
        return LineageTr::tr("Storage service");
    case LineageItem::Backend::Events:
        return LineageTr::tr("Events");
    }
    return {};
}

QString stateName(LineageItem::State state)
{
    switch (state) {
    case LineageItem::State::Present:
        return LineageTr::tr("present");
    case LineageItem::State::Absent:
        return LineageTr::tr("absent");
    case LineageItem::State::NotConfigured:
        return LineageTr::tr("not configured");
    case LineageItem::State::Failed:
        return LineageTr::tr("failed");
    }
    return {};
}

} // namespace LineageText

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

LineageItem item(LineageItem::Backend backend, LineageItem::State state)
{
    LineageItem i;
    i.backend = backend;
    i.state = state;
    return i;
}

LineageItem failed(LineageItem::Backend backend, const QString &error, const QString &location = {})
{
    LineageItem i = item(backend, LineageItem::State::Failed);
    i.error = error;
    i.location = location;
    i.answeredAtMs = now();
    return i;
}

// An id that names a file and nothing else: no separators, no "..", nothing a path could escape by.
bool isSafeFileName(const QString &id)
{
    return !id.isEmpty() && id != u"."_s && id != u".."_s && !id.contains(u'/') && !id.contains(u'\\') &&
           !id.contains(QChar(0));
}

QString ttlText(const std::optional<qint64> &ttlMs)
{
    return ttlMs ? LineageTr::tr("expires in %1").arg(LineageText::countdown(*ttlMs))
                 : LineageTr::tr("no expiry");
}

// The profile's timeout reaches Redis through its URL, unless the URL sets one itself (as the
// Storage Explorer does).
RedisUrl redisUrl(const QString &text, int timeoutSeconds, const QString &password)
{
    RedisUrl url = RedisUrl::parse(text, password);
    if (!QUrlQuery(QUrl(text)).hasQueryItem(u"timeout"_s))
        url.timeoutMs = timeoutSeconds * 1000;
    return url;
}

} // namespace

LineageWorker::LineageWorker(const WorkspaceProfile &profile)
    : m_profile(profile)
{
    if (!profile.redis.url.isEmpty()) {
        const RedisUrl url =
            redisUrl(profile.redis.url, qMax(1, profile.timeoutSeconds), profile.secrets.redisPassword);
        if (!url.isValid())
            m_redisProblem = url.error;
        m_redis = std::make_unique<RedisConnection>(url);
        RedisConnection *connection = m_redis.get();
        m_redisRunner.setInterrupt([connection] { connection->interrupt(); });
    }
    if (!profile.s3.endpoint.isEmpty()) {
        m_s3 = std::make_unique<S3Client>(S3Config::fromProfile(profile));
        S3Client *client = m_s3.get();
        m_s3Runner.setInterrupt([client] { client->interrupt(); });
    }
    if (!profile.memoryUrl.isEmpty()) {
        m_memory = std::make_unique<StorageServiceClient>(
            QUrl(profile.memoryUrl), StorageServiceClient::Options::fromProfile(profile));
        StorageServiceClient *client = m_memory.get();
        m_memoryRunner.setInterrupt([client] { client->interrupt(); });
    }
}

LineageWorker::~LineageWorker()
{
    stop();
    // Sockets and network objects belong to the threads that made them: let those delete them.
    if (m_redis) {
        m_redisRunner.run<bool>([this](const StopToken &) {
            m_redis->close();
            return true;
        });
    }
    if (m_s3) {
        m_s3Runner.run<bool>([this](const StopToken &) {
            m_s3->releaseNetwork();
            return true;
        });
    }
    m_redisRunner.waitForDone();
    m_s3Runner.waitForDone();
    m_memoryRunner.waitForDone();
    m_filesRunner.waitForDone();
}

void LineageWorker::stop()
{
    m_redisRunner.stop();
    m_s3Runner.stop();
    m_memoryRunner.stop();
    m_filesRunner.stop();
}

QByteArray LineageWorker::s3Prefix(const QString &profilePrefix, const QString &evaluationId)
{
    QByteArray prefix = profilePrefix.toUtf8();
    while (prefix.startsWith('/'))
        prefix.remove(0, 1);
    if (!prefix.isEmpty() && !prefix.endsWith('/'))
        prefix += '/';
    return prefix + "evaluations/" + evaluationId.toUtf8() + '/';
}

QFuture<RedisLineage> LineageWorker::probeRedis(const EvaluationDetail &detail)
{
    return m_redisRunner.run<RedisLineage>(
        [this, detail](const StopToken &stop) { return runRedis(detail, stop); });
}

QFuture<LineageItem> LineageWorker::probeS3(const QString &evaluationId)
{
    return m_s3Runner.run<LineageItem>(
        [this, evaluationId](const StopToken &stop) { return runS3(evaluationId, stop); });
}

QFuture<LineageItem> LineageWorker::probeMemory(const QString &evaluationId)
{
    return m_memoryRunner.run<LineageItem>(
        [this, evaluationId](const StopToken &stop) { return runMemory(evaluationId, stop); });
}

QFuture<QList<LineageItem>> LineageWorker::probeFiles(const EvaluationDetail &detail)
{
    return m_filesRunner.run<QList<LineageItem>>(
        [this, detail](const StopToken &stop) { return runFiles(detail, stop); });
}

RedisLineage LineageWorker::runRedis(const EvaluationDetail &detail, const StopToken &stop)
{
    using Backend = LineageItem::Backend;
    RedisLineage result;
    const QString id = detail.row.id;
    const QByteArray resultKey = "eval:" + id.toUtf8() + ":result";
    const QByteArray statusKey = "eval:" + id.toUtf8() + ":status";
    const QString shownKey = escapeForDisplay(resultKey);
    auto fail = [&](const QString &error) {
        result.item = failed(Backend::Redis, error, shownKey);
        result.cache.verdict = CacheCheck::Verdict::Unknown;
        result.cache.message = LineageTr::tr("the cached result could not be read: %1").arg(error);
        return result;
    };
    if (!m_redisProblem.isEmpty())
        return fail(m_redisProblem);
    if (id.isEmpty())
        return fail(LineageTr::tr("the evaluation has no id"));
    m_redis->clearInterrupt();
    m_redis->setCancelCheck([stop] { return stop.stopRequested(); });
    if (stop.stopRequested())
        return fail(LineageTr::tr("stopped"));

    // One round trip: what each key is, how long it lives, how large it is, and the cached value
    // itself (GETRANGE rather than GET, so that a huge value is never read whole).
    const QList<QList<QByteArray>> commands{
        {"TYPE", resultKey},
        {"PTTL", resultKey},
        {"STRLEN", resultKey},
        {"MEMORY", "USAGE", resultKey},
        {"GETRANGE", resultKey, "0", QByteArray::number(kMaxCachedBytes - 1)},
        {"TYPE", statusKey},
        {"HLEN", statusKey},
        {"PTTL", statusKey},
    };
    QList<RespValue> replies;
    if (const RedisError error = m_redis->pipeline(commands, replies); error.isError())
        return fail(error.message);
    if (replies.size() != commands.size())
        return fail(
            LineageTr::tr("Redis sent %1 replies to %2 commands").arg(replies.size()).arg(commands.size()));
    for (const int typeReply : {0, 5}) {
        if (!replies.at(typeReply).isString())
            return fail(replies.at(typeReply).toDisplayString());
    }
    const qint64 answeredAt = now();
    const QByteArray resultType = replies.at(0).data;
    const QByteArray statusType = replies.at(5).data;
    const bool hasResult = resultType != "none";
    const bool hasStatus = statusType != "none";
    const auto ttlOf = [&](int reply) -> std::optional<qint64> {
        const std::optional<qint64> pttl = replies.at(reply).toInteger();
        if (!pttl || *pttl < 0)
            return std::nullopt;
        return *pttl;
    };
    const std::optional<qint64> strlen = replies.at(2).toInteger();
    const std::optional<qint64> memory = replies.at(3).toInteger();

    LineageItem &i = result.item;
    i.backend = Backend::Redis;
    i.answeredAtMs = answeredAt;
    i.location = hasResult || !hasStatus ? shownKey : escapeForDisplay(statusKey);
    i.count = (hasResult ? 1 : 0) + (hasStatus ? 1 : 0);
    QStringList parts;
    if (hasResult) {
        i.ttlMs = ttlOf(1);
        if (resultType == "string") {
            i.bytes = strlen.value_or(0);
            parts << LineageTr::tr("cached result in Redis, %1").arg(ttlText(i.ttlMs));
        } else {
            i.bytes = memory.value_or(0);
            parts << LineageTr::tr("%1 in Redis is a %2, not a cached result")
                         .arg(shownKey, QString::fromUtf8(resultType));
        }
        QString line = u"%1 — %2, %3"_s.arg(shownKey, QString::fromUtf8(resultType), formatBytes(i.bytes));
        if (memory)
            line += LineageTr::tr(", %1 in memory").arg(formatBytes(*memory));
        i.details << line + u", "_s + ttlText(i.ttlMs);
    }
    if (hasStatus) {
        const std::optional<qint64> fields = statusType == "hash" ? replies.at(6).toInteger() : std::nullopt;
        const QString what = fields ? LineageTr::tr("status hash (%1 fields)").arg(formatCount(*fields))
                                    : LineageTr::tr("status key (a %1)").arg(QString::fromUtf8(statusType));
        if (!hasResult) {
            i.ttlMs = ttlOf(7);
            parts << LineageTr::tr("%1 in Redis, no cached result").arg(what);
        } else {
            parts << what;
        }
        i.details << u"%1 — %2, %3"_s.arg(escapeForDisplay(statusKey), what, ttlText(ttlOf(7)));
    }
    if (!hasResult && !hasStatus) {
        i.state = LineageItem::State::Absent;
        i.summary = LineageTr::tr("not in Redis");
    } else {
        i.state = LineageItem::State::Present;
        i.summary = parts.join(u"; "_s);
    }

    // The cache check, from the value read above.
    if (!hasResult) {
        result.cache = compareCachedResult(detail, std::nullopt);
    } else if (resultType != "string") {
        result.cache.verdict = CacheCheck::Verdict::Differs;
        result.cache.message =
            LineageTr::tr("the cached value is not the platform's result JSON: %1 is a %2, not a string")
                .arg(shownKey, QString::fromUtf8(resultType));
    } else if (strlen && *strlen > kMaxCachedBytes) {
        result.cache.verdict = CacheCheck::Verdict::Differs;
        result.cache.message =
            LineageTr::tr("the cached value is not the platform's result JSON: it is %1 long, far "
                          "more than a cached result")
                .arg(formatBytes(*strlen));
    } else if (!replies.at(4).isString()) {
        result.cache.verdict = CacheCheck::Verdict::Unknown;
        result.cache.message =
            LineageTr::tr("the cached result could not be read: %1").arg(replies.at(4).toDisplayString());
    } else {
        result.cache = compareCachedResult(detail, replies.at(4).data);
    }
    return result;
}

LineageItem LineageWorker::runS3(const QString &evaluationId, const StopToken &stop)
{
    using Backend = LineageItem::Backend;
    const QByteArray prefix = s3Prefix(m_profile.s3.prefix, evaluationId);
    const QString location = u"s3://%1/%2"_s.arg(m_profile.s3.bucket, escapeForDisplay(prefix));
    if (evaluationId.isEmpty())
        return failed(Backend::S3, LineageTr::tr("the evaluation has no id"), location);
    QList<S3Object> objects;
    bool truncated = false;
    QString continuation;
    do {
        const S3ListPage page = m_s3->listObjects(prefix, {}, 1000, continuation, stop);
        if (page.cancelled || stop.stopRequested())
            return failed(Backend::S3, LineageTr::tr("stopped"), location);
        if (!page.error.isEmpty())
            return failed(Backend::S3, page.error, location);
        objects += page.listing.objects;
        continuation = page.listing.isTruncated ? page.listing.nextContinuationToken : QString();
        if (page.listing.isTruncated && continuation.isEmpty())
            return failed(Backend::S3,
                          LineageTr::tr("%1 said the listing goes on but gave no continuation token")
                              .arg(m_s3->describe()),
                          location);
        if (objects.size() >= kMaxS3Objects && !continuation.isEmpty()) {
            truncated = true;
            break;
        }
    } while (!continuation.isEmpty());

    LineageItem i =
        item(Backend::S3, objects.isEmpty() ? LineageItem::State::Absent : LineageItem::State::Present);
    i.answeredAtMs = now();
    i.location = location;
    i.count = objects.size();
    if (objects.isEmpty()) {
        i.summary = LineageTr::tr("not archived in S3");
        return i;
    }
    for (const S3Object &object : std::as_const(objects))
        i.bytes += qMax<qint64>(0, object.size);
    const QString count = truncated      ? LineageTr::tr("at least %1 objects").arg(formatCount(i.count))
                          : i.count == 1 ? LineageTr::tr("1 object")
                                         : LineageTr::tr("%1 objects").arg(formatCount(i.count));
    i.summary = LineageTr::tr("archived in S3 (%1, %2)").arg(count, formatBytes(i.bytes));
    constexpr qsizetype shown = 50;
    for (qsizetype k = 0; k < objects.size() && k < shown; ++k) {
        const S3Object &object = objects.at(k);
        i.details << u"%1 — %2"_s.arg(escapeForDisplay(object.key.mid(prefix.size())),
                                      formatBytes(object.size));
    }
    if (objects.size() > shown)
        i.details << LineageTr::tr("… and %1 more").arg(formatCount(objects.size() - shown));
    return i;
}

LineageItem LineageWorker::runMemory(const QString &evaluationId, const StopToken &stop)
{
    using Backend = LineageItem::Backend;
    const QString location = m_memory->describe() + u"/storage/memory"_s;
    QString error;
    bool cancelled = false;
    const std::optional<MemorySnapshot> snapshot = m_memory->fetchMemory(stop, &error, &cancelled);
    if (cancelled || stop.stopRequested())
        return failed(Backend::Memory, LineageTr::tr("stopped"), location);
    if (!snapshot)
        return failed(Backend::Memory, error, location);

    LineageItem i = item(Backend::Memory, LineageItem::State::Absent);
    i.answeredAtMs = snapshot->fetchedAtMs;
    i.location = location;
    QStringList kinds;
    std::optional<double> ttlSeconds;
    for (const MemoryEntry &entry : snapshot->entries) {
        if (evaluationId.isEmpty() || entry.evaluationId != evaluationId)
            continue;
        ++i.count;
        i.bytes += entry.sizeBytes;
        if (!kinds.contains(entry.kind))
            kinds << entry.kind;
        if (entry.ttlSeconds && (!ttlSeconds || *entry.ttlSeconds < *ttlSeconds))
            ttlSeconds = entry.ttlSeconds;
        i.details << u"%1 — %2, %3, %4"_s.arg(entry.key, entry.kind, formatBytes(entry.sizeBytes),
                                              entry.ttlSeconds ? ttlText(qint64(*entry.ttlSeconds * 1000.0))
                                                               : ttlText(std::nullopt));
    }
    if (i.count == 0) {
        i.summary = LineageTr::tr("not in the storage service cache");
        return i;
    }
    i.state = LineageItem::State::Present;
    if (ttlSeconds)
        i.ttlMs = qint64(*ttlSeconds * 1000.0);
    const QString entries =
        i.count == 1 ? LineageTr::tr("1 entry") : LineageTr::tr("%1 entries").arg(formatCount(i.count));
    i.summary = LineageTr::tr("in the storage service cache (%1: %2, %3)")
                    .arg(entries, kinds.join(u", "_s), formatBytes(i.bytes));
    return i;
}

QList<LineageItem> LineageWorker::runFiles(const EvaluationDetail &detail, const StopToken &stop) const
{
    using Backend = LineageItem::Backend;
    using State = LineageItem::State;
    const QString id = detail.row.id;
    const QString root = m_profile.filesRoot;
    const bool hasRoot = !root.isEmpty();
    QString rootProblem;
    if (hasRoot && !QFileInfo(root).isDir())
        rootProblem = QFileInfo::exists(root) ? LineageTr::tr("the files root %1 is not a folder").arg(root)
                                              : LineageTr::tr("the files root %1 does not exist").arg(root);
    const bool safeId = isSafeFileName(id);
    const QString unsafeId = LineageTr::tr("the evaluation id \"%1\" is not a file name").arg(id);

    // A file Sightline found, or why it could not look.
    auto fileItem = [&](Backend backend, const QString &path, const QString &present) {
        LineageItem i = item(backend, State::Present);
        const QFileInfo info(path);
        i.answeredAtMs = now();
        i.location = QDir::toNativeSeparators(info.absoluteFilePath());
        i.bytes = info.size();
        i.count = 1;
        i.summary = present.arg(formatBytes(i.bytes));
        if (!info.isReadable())
            i.details << LineageTr::tr("Sightline may not read it");
        return i;
    };

    QList<LineageItem> items;
    // The output: where output_location says when that is a local file, else <root>/outputs/<id>.txt.
    const QString location = detail.outputLocation;
    const bool fileLocation = location.startsWith(u"file:"_s, Qt::CaseInsensitive);
    QStringList candidates;
    if (fileLocation) {
        const QString path = QUrl(location).toLocalFile();
        if (!path.isEmpty())
            candidates << path;
    }
    if (hasRoot && safeId && rootProblem.isEmpty())
        candidates << root + u"/outputs/"_s + id + u".txt"_s;
    const auto found = std::find_if(candidates.cbegin(), candidates.cend(),
                                    [](const QString &path) { return QFileInfo(path).isFile(); });
    if (stop.stopRequested())
        return {failed(Backend::OutputFile, LineageTr::tr("stopped")),
                failed(Backend::LogFile, LineageTr::tr("stopped"))};
    if (found != candidates.cend()) {
        items << fileItem(Backend::OutputFile, *found, LineageTr::tr("output file %1"));
    } else if (!hasRoot && !fileLocation) {
        items << item(Backend::OutputFile, State::NotConfigured);
        items.last().summary = LineageTr::tr("no files root in this workspace");
    } else if (hasRoot && !rootProblem.isEmpty() && !fileLocation) {
        items << failed(Backend::OutputFile, rootProblem, root);
    } else if (hasRoot && !safeId && !fileLocation) {
        items << failed(Backend::OutputFile, unsafeId);
    } else {
        LineageItem i = item(Backend::OutputFile, State::Absent);
        i.answeredAtMs = now();
        i.location = candidates.isEmpty() ? location : QDir::toNativeSeparators(candidates.constLast());
        if (location.isEmpty())
            i.summary = LineageTr::tr("no output file (the output is inline)");
        else if (location.startsWith(u"s3:"_s, Qt::CaseInsensitive))
            i.summary = LineageTr::tr("no output file (the output is at %1)").arg(location);
        else
            i.summary = LineageTr::tr("no output file");
        i.details = candidates;
        items << i;
    }

    // The log: <root>/logs/<id>.log.
    if (!hasRoot) {
        items << item(Backend::LogFile, State::NotConfigured);
        items.last().summary = LineageTr::tr("no files root in this workspace");
    } else if (!rootProblem.isEmpty()) {
        items << failed(Backend::LogFile, rootProblem, root);
    } else if (!safeId) {
        items << failed(Backend::LogFile, unsafeId);
    } else {
        const QString path = root + u"/logs/"_s + id + u".log"_s;
        if (QFileInfo(path).isFile()) {
            items << fileItem(Backend::LogFile, path, LineageTr::tr("log file %1"));
        } else {
            LineageItem i = item(Backend::LogFile, State::Absent);
            i.answeredAtMs = now();
            i.location = QDir::toNativeSeparators(path);
            i.summary = LineageTr::tr("no log file");
            items << i;
        }
    }
    return items;
}

} // namespace Sightline
