#include "livepollsource.h"

#include "livesqlrows.h"
#include "sources/evaluationreader.h"
#include "sources/sqlconnection.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString describeStore(const WorkspaceProfile &profile)
{
    const QString where = !profile.postgresUrl.isEmpty() ? u"PostgreSQL "_s + redactUrl(profile.postgresUrl)
                                                         : u"SQLite "_s + profile.sqlitePath;
    return where + u" — polling "_s + profile.schema.eventsTable;
}
} // namespace

LivePollSource::LivePollSource(const WorkspaceProfile &profile, LiveSourceContext context)
    : LiveSourceWorker(LiveSource::Poll, describeStore(profile), std::move(context))
    , m_profile(profile)
{
}

LivePollSource::~LivePollSource()
{
    requestStop();
    join();
}

void LivePollSource::interrupt()
{
    std::lock_guard lock(m_connMutex);
    if (m_conn)
        m_conn->cancel();
}

QString LivePollSource::retryMessage(const QString &seconds, const QString &reason) const
{
    return QCoreApplication::translate("Sightline::LiveEventHub",
                                       "Events table unreachable — retrying in %1 s: %2")
        .arg(seconds, reason);
}

void LivePollSource::run()
{
    while (!stopping()) {
        const QString reason = session();
        if (stopping() || !retryAfter(reason))
            break;
    }
}

QString LivePollSource::session()
{
    reportConnecting();
    std::unique_ptr<SqlConnection> conn = openLiveStore(m_profile);
    if (!conn)
        return u"the profile names no relational store"_s;
    {
        std::lock_guard lock(m_connMutex);
        m_conn = conn.get();
    }
    struct Release
    {
        LivePollSource *self;
        ~Release()
        {
            std::lock_guard lock(self->m_connMutex);
            self->m_conn = nullptr;
        }
    } release{this};
    // A stop that came before m_conn was set missed the cancel: look again.
    if (stopping())
        return {};
    if (const SqlError error = conn->open(); error.isError())
        return error.message;

    const QString idColumn = liveIdColumn(m_profile.schema);
    if (!m_haveStart) {
        const SqlResult newest = conn->exec(u"SELECT max("_s + idColumn + u") FROM "_s +
                                            quoteIdentifier(m_profile.schema.eventsTable));
        if (!newest.ok())
            return newest.error.message;
        m_lastId = newest.rows.isEmpty() ? 0 : sqlToInt64(newest.rows.constFirst().value(0)).value_or(0);
        m_startId = m_lastId; // rows up to here are history, not live
        m_haveStart = true;
    }
    reportLive();

    const QString page = liveEventsSelect(m_profile.schema) + u" WHERE "_s + idColumn + u" > "_s +
                         conn->placeholder(1) + u" ORDER BY "_s + idColumn + u" LIMIT "_s +
                         QString::number(PageRows);
    const int interval = qMax(10, m_profile.live.pollIntervalMs);
    while (!stopping()) {
        // Ids are taken when a transaction starts but seen when it commits: with several writers a
        // smaller id can appear after a larger one. Each poll reads the last OverlapIds again and
        // hands on only the rows it has not seen.
        const SqlResult rows = conn->exec(page, {qMax<qint64>(0, m_lastId - OverlapIds)});
        if (!rows.ok())
            return stopping() ? QString() : rows.error.message;
        if (!rows.rows.isEmpty()) {
            auto batch = std::make_unique<LiveEventBatch>();
            batch->reserve(rows.rows.size(), rows.rows.size() * 160);
            const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
            for (const QVariantList &row : rows.rows) {
                const std::optional<qint64> id = sqlToInt64(row.value(0));
                if (id && (*id <= m_startId || m_seen.contains(*id)))
                    continue;
                appendLiveEventRow(*batch, row, LiveSource::Poll, receivedAt, true);
                if (id) {
                    m_seen.insert(*id);
                    m_lastId = qMax(m_lastId, *id);
                }
            }
            // Forget what the next poll cannot read again.
            for (auto it = m_seen.begin(); it != m_seen.end();)
                it = *it <= m_lastId - OverlapIds ? m_seen.erase(it) : std::next(it);
            if (!batch->isEmpty())
                flush(batch);
        }
        if (rows.rows.size() == PageRows)
            continue; // more is waiting
        if (!pause(interval))
            break;
    }
    return {};
}

} // namespace Sightline
