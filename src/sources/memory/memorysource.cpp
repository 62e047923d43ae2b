#include "memorysource.h"

#include "core/displayname.h"
#include "core/format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr QStringView kindPrefix = u"kind:";
constexpr QStringView entryPrefix = u"entry:";

// The "status" member of a health answer, or the HTTP status when it has none.
QString healthStatus(const HttpResult &http)
{
    if (!http.ok())
        return http.error;
    const QJsonDocument doc = QJsonDocument::fromJson(http.body);
    const QString status = doc.object().value(u"status"_s).toString();
    return (status.isEmpty() ? u"HTTP %1"_s.arg(http.status) : status) +
           u" (%1 ms)"_s.arg(QString::number(http.elapsedMs, 'f', 1));
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace

MemorySource::MemorySource(const QString &url, QObject *parent)
    : MemorySource(url, Options{}, parent)
{
}

MemorySource::MemorySource(const QString &url, const Options &options, QObject *parent)
    : StorageSource(parent)
    , m_options(options)
    , m_client(QUrl(url), options.http)
{
    m_runner.setInterrupt([this] { m_client.interrupt(); });
}

MemorySource::~MemorySource()
{
    m_runner.stop();
    m_runner.waitForDone();
}

QString MemorySource::describe() const
{
    return m_client.describe();
}

void MemorySource::stop()
{
    m_runner.stop();
}

const MemorySnapshot *MemorySource::snapshot(bool refresh, const StopToken &stop, QString *error,
                                             bool *cancelled)
{
    *cancelled = false;
    if (refresh || !m_snapshot) {
        std::optional<MemorySnapshot> fresh = m_client.fetchMemory(stop, error, cancelled);
        if (!fresh)
            return nullptr;
        m_snapshot = std::move(fresh);
    }
    return &*m_snapshot;
}

QFuture<StorageSummary> MemorySource::summary()
{
    return m_runner.run<StorageSummary>([this](const StopToken &stop) { return readSummary(stop); });
}

StorageSummary MemorySource::readSummary(const StopToken &stop)
{
    StorageSummary s;
    s.itemNoun = u"entries"_s;
    const HttpResult health = m_client.get(u"/health"_s, stop);
    if (health.cancelled) {
        s.error = health.error;
        return s;
    }
    if (!health.ok()) {
        s.error = health.error;
        return s;
    }
    s.reachable = true;
    s.latencyMs = health.elapsedMs;
    QString error;
    bool cancelled = false;
    if (const MemorySnapshot *snap = snapshot(true, stop, &error, &cancelled)) {
        const MemoryStats &st = snap->stats;
        s.itemCount = st.entries;
        s.totalBytes = st.bytes;
        s.details.append({tr("Hits"), formatCount(st.hits)});
        s.details.append({tr("Misses"), formatCount(st.misses)});
        const qint64 lookups = st.hits + st.misses;
        s.details.append({tr("Hit ratio"),
                          lookups > 0
                              ? QString::number(100.0 * double(st.hits) / double(lookups), 'f', 1) + u" %"_s
                              : u"–"_s});
        s.details.append({tr("Evictions"), formatCount(st.evictions)});
    } else {
        s.details.append({tr("Cache listing"), error});
    }
    s.details.append({u"/health"_s, healthStatus(health)});
    for (const QString &path : {u"/health/live"_s, u"/health/ready"_s}) {
        if (stop.stopRequested())
            break;
        s.details.append({path, healthStatus(m_client.get(path, stop))});
    }
    return s;
}

QFuture<StoragePage> MemorySource::children(const QString &nodeId, const QString &continuation)
{
    return m_runner.run<StoragePage>(
        [this, nodeId, continuation](const StopToken &stop) { return list(nodeId, continuation, stop); });
}

StoragePage MemorySource::list(const QString &nodeId, const QString &continuation, const StopToken &stop)
{
    StoragePage page;
    if (stop.stopRequested()) {
        page.cancelled = true;
        return page;
    }
    if (!nodeId.isEmpty() && !nodeId.startsWith(kindPrefix)) {
        page.error = u"unknown node \"%1\""_s.arg(nodeId);
        return page;
    }
    bool offsetOk = true;
    const qint64 offset = continuation.isEmpty() ? 0 : continuation.toLongLong(&offsetOk);
    if (!offsetOk || offset < 0) {
        page.error = u"bad continuation \"%1\""_s.arg(continuation);
        return page;
    }
    QString error;
    bool cancelled = false;
    // The root always asks the service again; a group uses what the root fetched.
    const MemorySnapshot *snap = snapshot(nodeId.isEmpty(), stop, &error, &cancelled);
    if (!snap) {
        page.error = error;
        page.cancelled = cancelled;
        return page;
    }
    if (nodeId.isEmpty()) {
        struct Group
        {
            qint64 count = 0;
            qint64 bytes = 0;
        };
        QMap<QString, Group> groups;
        for (const MemoryEntry &e : snap->entries) {
            Group &g = groups[e.kind];
            ++g.count;
            g.bytes += e.sizeBytes;
        }
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            StorageNode node;
            node.id = kindPrefix + it.key();
            node.name = escapeForDisplay(it.key().toUtf8());
            node.kind = StorageNode::Kind::Group;
            node.hasChildren = true;
            node.typeLabel = u"kind"_s;
            node.count = it->count;
            node.bytes = it->bytes;
            page.nodes.append(node);
        }
        std::stable_sort(page.nodes.begin(), page.nodes.end(),
                         [](const StorageNode &a, const StorageNode &b) { return a.bytes > b.bytes; });
        return page;
    }

    const QString kind = nodeId.mid(kindPrefix.size());
    std::vector<const MemoryEntry *> matching;
    for (const MemoryEntry &e : snap->entries) {
        if (e.kind == kind)
            matching.push_back(&e);
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [](const MemoryEntry *a, const MemoryEntry *b) { return a->sizeBytes > b->sizeBytes; });
    const qint64 end = qMin<qint64>(qint64(matching.size()), offset + m_options.pageSize);
    for (qint64 i = offset; i < end; ++i) {
        const MemoryEntry &e = *matching[size_t(i)];
        StorageNode node;
        node.id = entryPrefix + e.key;
        node.name = escapeForDisplay(e.key.toUtf8());
        node.previewable = true;
        node.typeLabel = e.kind;
        node.bytes = e.sizeBytes;
        if (e.ttlSeconds)
            node.expiresAtMs = snap->fetchedAtMs + qint64(*e.ttlSeconds * 1000.0);
        node.evaluationId = e.evaluationId;
        node.detail = tr("age %1").arg(formatDuration(e.ageSeconds));
        page.nodes.append(node);
    }
    if (end < qint64(matching.size()))
        page.continuation = QString::number(end);
    return page;
}

QFuture<StoragePreview> MemorySource::preview(const QString &nodeId, const QString &continuation)
{
    Q_UNUSED(continuation) // an entry's fields always fit one page
    return m_runner.run<StoragePreview>(
        [this, nodeId](const StopToken &stop) { return readPreview(nodeId, stop); });
}

StoragePreview MemorySource::readPreview(const QString &nodeId, const StopToken &stop)
{
    StoragePreview p;
    if (stop.stopRequested()) {
        p.cancelled = true;
        return p;
    }
    if (!nodeId.startsWith(entryPrefix)) {
        p.error = u"not a cache entry: \"%1\""_s.arg(nodeId);
        return p;
    }
    const QString key = nodeId.mid(entryPrefix.size());
    const MemoryEntry *found = nullptr;
    // A key missing from the snapshot we have may be new: ask the service once more.
    for (bool refresh : {false, true}) {
        QString error;
        bool cancelled = false;
        const MemorySnapshot *snap = snapshot(refresh, stop, &error, &cancelled);
        if (!snap) {
            p.error = error;
            p.cancelled = cancelled;
            return p;
        }
        for (const MemoryEntry &e : snap->entries) {
            if (e.key == key) {
                found = &e;
                break;
            }
        }
        if (found)
            break;
    }
    if (!found) {
        p.error = tr("%1 is no longer in the cache").arg(escapeForDisplay(key.toUtf8()));
        return p;
    }
    p.columns = {tr("Field"), tr("Value")};
    for (auto it = found->fields.constBegin(); it != found->fields.constEnd(); ++it)
        p.rows.append({it.key(), jsonText(it.value())});
    p.totalSize = p.rows.size();
    return p;
}

} // namespace Sightline
