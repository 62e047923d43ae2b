#include "evaluationlineage.h"
#include "core/jsonvalues.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "lineageworker.h"
#include "sources/sqlconnection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcLineage, "sightline.lineage")

namespace {

// Items and the cache check: what one generation waits for before finished().
constexpr int kBackendCount = int(LineageItem::Backend::Events) + 1;
constexpr int kDeliveries = kBackendCount + 1;

// The cached output is the first characters of the database's (the platform caches 2,000).
constexpr qsizetype kCachedOutputChars = 2000;

QString orNone(const QString &text)
{
    return text.isEmpty() ? LineageTr::tr("none") : text;
}

// Why the cached output is not the start of the database's, or nothing when it is.
QString outputDifference(const EvaluationDetail &detail, const QString &cached)
{
    const QString &db = detail.output;
    const qsizetype common =
        std::mismatch(cached.cbegin(), cached.cbegin() + qMin(cached.size(), db.size()), db.cbegin()).first -
        cached.cbegin();
    const bool dbCapped = detail.outputLength > db.size(); // the database holds more than was read
    if (common < qMin(cached.size(), db.size()))
        return LineageTr::tr("output: cached and database text differ at character %1")
            .arg(formatCount(common + 1));
    if (cached.size() > db.size()) {
        if (dbCapped)
            return {}; // the part that was read matches
        return LineageTr::tr("output: cached %1 characters, database %2")
            .arg(formatCount(cached.size()), formatCount(db.size()));
    }
    // The cached text is a prefix of the database's: it must be the whole of what the cache keeps.
    if (cached.size() < qMin(kCachedOutputChars, db.size()))
        return LineageTr::tr("output: cached %1 characters, database %2 (the cache keeps the first %3)")
            .arg(formatCount(cached.size()), formatCount(qMax(db.size(), detail.outputLength)),
                 formatCount(kCachedOutputChars));
    return {};
}

} // namespace

qint64 EvaluationLineage::totalBytes() const
{
    qint64 total = 0;
    for (const LineageItem &item : items) {
        if (item.state == LineageItem::State::Present)
            total += item.bytes;
    }
    return total;
}

CacheCheck compareCachedResult(const EvaluationDetail &detail, const std::optional<QByteArray> &cachedJson)
{
    CacheCheck check;
    if (!cachedJson) {
        if (isTerminal(detail.row.status)) {
            check.verdict = CacheCheck::Verdict::Expired;
            check.message = LineageTr::tr("the cached result expired or was evicted");
        } else {
            check.verdict = CacheCheck::Verdict::NotCached;
            check.message = LineageTr::tr("not cached: the evaluation has not finished");
        }
        return check;
    }
    const auto notResult = [&check](const QString &why) {
        check.verdict = CacheCheck::Verdict::Differs;
        check.message = LineageTr::tr("the cached value is not the platform's result JSON: %1").arg(why);
        check.differences.clear();
        return check;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*cachedJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        QString start = QString::fromUtf8(cachedJson->left(40)).simplified();
        if (cachedJson->size() > 40)
            start += u'…';
        return notResult(LineageTr::tr("%1 at byte %2 (it starts with \"%3\")")
                             .arg(parseError.errorString())
                             .arg(parseError.offset)
                             .arg(start));
    }
    if (!doc.isObject())
        return notResult(doc.isArray() ? LineageTr::tr("it is a JSON array, not an object")
                                       : LineageTr::tr("it is not a JSON object"));
    const QJsonObject cached = doc.object();
    const QJsonValue status = cached.value(u"status"_s);
    if (!status.isString())
        return notResult(LineageTr::tr("\"status\" is %1, expected a string").arg(jsonTypeName(status)));
    const auto optionalString = [&](const QString &name, QString *out) -> bool {
        const QJsonValue v = cached.value(name);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    QString id, output, outputLocation;
    for (const auto &[name, out] : {std::pair{u"id"_s, &id}, std::pair{u"output"_s, &output},
                                    std::pair{u"output_location"_s, &outputLocation}}) {
        if (!optionalString(name, out))
            return notResult(
                LineageTr::tr("\"%1\" is %2, expected a string").arg(name, jsonTypeName(cached.value(name))));
    }
    std::optional<qint64> exitCode;
    const QJsonValue exit = cached.value(u"exit_code"_s);
    if (exit.isDouble()) {
        const double d = exit.toDouble();
        if (d != double(qint64(d)))
            return notResult(LineageTr::tr("\"exit_code\" is %1, expected a whole number").arg(d));
        exitCode = qint64(d);
    } else if (!exit.isUndefined() && !exit.isNull()) {
        return notResult(LineageTr::tr("\"exit_code\" is %1, expected a number").arg(jsonTypeName(exit)));
    }

    const EvaluationRow &row = detail.row;
    if (!id.isEmpty() && id != row.id)
        check.differences << LineageTr::tr("id: cached %1, database %2").arg(id, row.id);
    const QString dbStatus = row.statusText.isEmpty() ? statusName(row.status) : row.statusText;
    if (status.toString() != dbStatus)
        check.differences << LineageTr::tr("status: cached %1, database %2").arg(status.toString(), dbStatus);
    const std::optional<qint64> dbExit = row.exitCode ? std::optional<qint64>(*row.exitCode) : std::nullopt;
    if (exitCode != dbExit)
        check.differences << LineageTr::tr("exit_code: cached %1, database %2")
                                 .arg(exitCode ? QString::number(*exitCode) : LineageTr::tr("none"),
                                      dbExit ? QString::number(*dbExit) : LineageTr::tr("none"));
    if (const QString why = outputDifference(detail, output); !why.isEmpty())
        check.differences << why;
    if (outputLocation != detail.outputLocation)
        check.differences << LineageTr::tr("output_location: cached %1, database %2")
                                 .arg(orNone(outputLocation), orNone(detail.outputLocation));

    if (check.differences.isEmpty()) {
        check.verdict = CacheCheck::Verdict::Same;
        check.message = LineageTr::tr("same as the database");
    } else {
        check.verdict = CacheCheck::Verdict::Differs;
        check.message = LineageTr::tr("differs from the database: %1").arg(check.differences.join(u"; "_s));
    }
    return check;
}

LineageProbe::LineageProbe(const WorkspaceProfile &profile, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<LineageWorker>(profile))
    , m_profile(profile)
{
    qRegisterMetaType<LineageItem>();
    qRegisterMetaType<CacheCheck>();
}

LineageProbe::~LineageProbe()
{
    // Interrupts whatever is in flight and joins the worker threads; nothing is delivered after.
    m_active = false;
    m_worker.reset();
}

bool LineageProbe::isRunning() const
{
    return m_active && m_pending > 0;
}

void LineageProbe::cancel()
{
    m_active = false;
    m_pending = 0;
    m_worker->stop();
}

quint64 LineageProbe::start(const EvaluationDetail &detail, qint64 eventCount, bool eventsTruncated)
{
    using Backend = LineageItem::Backend;
    using State = LineageItem::State;
    m_worker->stop(); // supersedes the previous generation: its answers are dropped on arrival
    const quint64 generation = ++m_generation;
    m_active = true;
    m_pending = kDeliveries;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_lineage = EvaluationLineage{};
    const QString id = detail.row.id;
    qCDebug(lcLineage) << "probing the lineage of" << id << "generation" << generation;

    // Answers that need no backend arrive queued too, so that every answer comes after start()
    // has returned its generation.
    const auto post = [this, generation](const LineageItem &item) {
        QMetaObject::invokeMethod(
            this, [this, generation, item] { deliverItem(generation, item); }, Qt::QueuedConnection);
    };
    const auto notConfigured = [](Backend backend) {
        LineageItem item;
        item.backend = backend;
        item.state = State::NotConfigured;
        switch (backend) {
        case Backend::Relational:
        case Backend::Events:
            item.summary = LineageTr::tr("no database in this workspace");
            break;
        case Backend::Redis:
            item.summary = LineageTr::tr("no Redis in this workspace");
            break;
        case Backend::S3:
            item.summary = LineageTr::tr("no S3 in this workspace");
            break;
        case Backend::Memory:
            item.summary = LineageTr::tr("no storage service in this workspace");
            break;
        case Backend::OutputFile:
        case Backend::LogFile:
            item.summary = LineageTr::tr("no files root in this workspace");
            break;
        }
        return item;
    };
    const qint64 now = m_startedAtMs;

    if (m_profile.hasRelationalStore()) {
        LineageItem relational;
        relational.backend = Backend::Relational;
        relational.state = State::Present;
        relational.answeredAtMs = now;
        relational.count = 1;
        const bool postgres = !m_profile.postgresUrl.isEmpty();
        relational.summary =
            postgres ? LineageTr::tr("metadata in PostgreSQL") : LineageTr::tr("metadata in SQLite");
        relational.location = postgres ? redactUrl(m_profile.postgresUrl) : m_profile.sqlitePath;
        const qint64 code = qMax<qint64>(detail.codeLength, detail.code.size());
        const qint64 output = qMax<qint64>(detail.outputLength, detail.output.size());
        const qint64 error = detail.error.size();
        relational.bytes = code + output + error; // characters: about the row's size on disk
        relational.details << LineageTr::tr("table %1, id %2").arg(m_profile.schema.evaluationsTable, id)
                           << LineageTr::tr("code: %1 characters").arg(formatCount(code))
                           << LineageTr::tr("inline output: %1 characters").arg(formatCount(output))
                           << LineageTr::tr("error: %1 characters").arg(formatCount(error));
        post(relational);

        LineageItem events;
        events.backend = Backend::Events;
        events.answeredAtMs = now;
        events.count = eventCount;
        events.location = m_profile.schema.eventsTable;
        if (eventCount > 0 || eventsTruncated) {
            events.state = State::Present;
            const QString n = formatCount(eventCount);
            events.summary = eventsTruncated   ? LineageTr::tr("at least %1 events").arg(n)
                             : eventCount == 1 ? LineageTr::tr("1 event")
                                               : LineageTr::tr("%1 events").arg(n);
        } else {
            events.state = State::Absent;
            events.summary = LineageTr::tr("no events");
        }
        post(events);
    } else {
        post(notConfigured(Backend::Relational));
        post(notConfigured(Backend::Events));
    }

    whenFinished(m_worker->probeFiles(detail), this, [this, generation](const QList<LineageItem> &items) {
        for (const LineageItem &item : items)
            deliverItem(generation, item);
    });

    if (m_worker->hasRedis()) {
        whenFinished(m_worker->probeRedis(detail), this, [this, generation](const RedisLineage &answer) {
            deliverItem(generation, answer.item);
            deliverCache(generation, answer.cache);
        });
    } else {
        post(notConfigured(Backend::Redis));
        CacheCheck check;
        check.verdict = CacheCheck::Verdict::NotConfigured;
        check.message = LineageTr::tr("no Redis in this workspace");
        QMetaObject::invokeMethod(
            this, [this, generation, check] { deliverCache(generation, check); }, Qt::QueuedConnection);
    }

    if (m_worker->hasS3())
        whenFinished(m_worker->probeS3(id), this,
                     [this, generation](const LineageItem &item) { deliverItem(generation, item); });
    else
        post(notConfigured(Backend::S3));

    if (m_worker->hasMemory())
        whenFinished(m_worker->probeMemory(id), this,
                     [this, generation](const LineageItem &item) { deliverItem(generation, item); });
    else
        post(notConfigured(Backend::Memory));
    return generation;
}

bool LineageProbe::accepts(quint64 generation) const
{
    return m_active && generation == m_generation && m_pending > 0;
}

void LineageProbe::deliverItem(quint64 generation, const LineageItem &item)
{
    if (!accepts(generation))
        return;
    // In Backend order, one per backend.
    auto it = std::find_if(m_lineage.items.begin(), m_lineage.items.end(),
                           [&](const LineageItem &existing) { return existing.backend >= item.backend; });
    if (it != m_lineage.items.end() && it->backend == item.backend)
        *it = item;
    else
        m_lineage.items.insert(it, item);
    if (item.state == LineageItem::State::Failed)
        qCDebug(lcLineage) << "backend" << int(item.backend) << "failed:" << item.error;
    Q_EMIT itemReady(generation, item);
    finishOne(generation);
}

void LineageProbe::deliverCache(quint64 generation, const CacheCheck &check)
{
    if (!accepts(generation))
        return;
    m_lineage.cache = check;
    Q_EMIT cacheChecked(generation, check);
    finishOne(generation);
}

void LineageProbe::finishOne(quint64 generation)
{
    // A slot connected to the signals may have started a new generation or cancelled.
    if (!m_active || generation != m_generation)
        return;
    if (--m_pending > 0)
        return;
    m_active = false;
    qCDebug(lcLineage) << "lineage generation" << generation << "complete in"
                       << QDateTime::currentMSecsSinceEpoch() - m_startedAtMs << "ms";
    Q_EMIT finished(generation);
}

} // namespace Sightline
