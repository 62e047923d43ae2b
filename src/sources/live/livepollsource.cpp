#include "livepollsource.h"

#include "livesqlrows.h"
#include "sources/evaluationreader.h"
#include "sources/sqlconnection.h"

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
    return LiveEventHub::tr("Events table unreachable — retrying in %1 s: %2").arg(seconds, reason);
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
        m_haveStart = true;
    }
    reportLive();

    const QString page = liveEventsSelect(m_profile.schema) + u" WHERE "_s + idColumn + u" > "_s +
                         conn->placeholder(1) + u" ORDER BY "_s + idColumn + u" LIMIT "_s +
                         QString::number(PageRows);
    const int interval = qMax(10, m_profile.live.pollIntervalMs);
    while (!stopping()) {
        const SqlResult rows = conn->exec(page, {m_lastId});
        if (!rows.ok())
            return stopping() ? QString() : rows.error.message;
        if (!rows.rows.isEmpty()) {
            auto batch = std::make_unique<LiveEventBatch>();
            batch->reserve(rows.rows.size(), rows.rows.size() * 160);
            const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
            for (const QVariantList &row : rows.rows) {
                appendLiveEventRow(*batch, row, LiveSource::Poll, receivedAt, true);
                m_lastId = qMax(m_lastId, batch->records().back().id);
            }
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
