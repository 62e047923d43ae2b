#include "livepostgressource.h"

#include "sources/sqlconnection.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>

#include <cerrno>
#include <cstring>
#include <libpq-fe.h>
#include <poll.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr int SliceMs = 20;

// libpq's messages run over several lines ("…\n\tThis probably means …"): one line for the view.
QString oneLine(const char *text)
{
    return QString::fromUtf8(text).simplified();
}

QString pqError(PGconn *conn)
{
    const QString message = oneLine(PQerrorMessage(conn));
    return message.isEmpty() ? u"the connection to PostgreSQL failed"_s : message;
}

// The server says why it ends a session (a FATAL "terminating connection due to administrator
// command") as a notice before it closes; keep it for the message instead of printing it.
void keepNotice(void *arg, const char *message)
{
    *static_cast<QString *>(arg) = oneLine(message);
}

// Waits for the socket in a slice; false on a poll error.
bool waitSocket(PGconn *conn, short events, int ms)
{
    pollfd p{PQsocket(conn), events, 0};
    if (p.fd < 0)
        return false;
    const int ready = ::poll(&p, 1, ms);
    return ready >= 0 || errno == EINTR;
}
} // namespace

LivePostgresSource::LivePostgresSource(const QString &url, const QString &channel, int timeoutMs,
                                       LiveSourceContext context, const QString &password)
    : LiveSourceWorker(LiveSource::Postgres, u"PostgreSQL "_s + redactUrl(url) + u" — LISTEN "_s + channel,
                       std::move(context))
    , m_url(url)
    , m_password(password)
    , m_channel(channel)
    , m_timeoutMs(timeoutMs)
{
}

LivePostgresSource::~LivePostgresSource()
{
    requestStop();
    join();
}

QString LivePostgresSource::retryMessage(const QString &seconds, const QString &reason) const
{
    return QCoreApplication::translate("Sightline::LiveEventHub",
                                       "PostgreSQL disconnected — retrying in %1 s: %2")
        .arg(seconds, reason);
}

void LivePostgresSource::run()
{
    while (!stopping()) {
        const QString reason = session();
        if (stopping() || !retryAfter(reason))
            break;
    }
}

QString LivePostgresSource::connect(PGconn *&conn)
{
    // Keepalives come first so that the URL's own settings win; read-only like every Sightline
    // session (LISTEN is allowed in a read-only transaction).
    // The workspace's password too, before the URL: one written into the URL wins.
    QByteArrayList keys{"keepalives_idle", "keepalives_interval", "keepalives_count",
                        "dbname",          "application_name",    "options"};
    QByteArrayList values{
        "30", "10", "3", m_url.toUtf8(), "sightline-live", "-c default_transaction_read_only=on"};
    if (!m_password.isEmpty()) {
        keys.prepend("password");
        values.prepend(m_password.toUtf8());
    }
    QList<const char *> k, v;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        k.append(keys[i].constData());
        v.append(values[i].constData());
    }
    k.append(nullptr);
    v.append(nullptr);
    conn = PQconnectStartParams(k.constData(), v.constData(), 1);
    if (!conn)
        return u"out of memory connecting to PostgreSQL"_s;
    if (PQstatus(conn) == CONNECTION_BAD)
        return pqError(conn);
    const QDeadlineTimer deadline(m_timeoutMs);
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED)
            return pqError(conn);
        while (true) {
            if (stopping())
                return u"stopped"_s;
            if (deadline.hasExpired())
                return u"PostgreSQL did not answer within %1 ms"_s.arg(m_timeoutMs);
            pollfd p{PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
            if (p.fd < 0)
                return pqError(conn);
            const int ready = ::poll(&p, 1, SliceMs);
            if (ready > 0)
                break;
            if (ready < 0 && errno != EINTR)
                return QString::fromLocal8Bit(std::strerror(errno));
        }
        state = PQconnectPoll(conn);
    }
    return {};
}

QString LivePostgresSource::execute(PGconn *conn, const QByteArray &sql)
{
    if (!PQsendQuery(conn, sql.constData()))
        return pqError(conn);
    const QDeadlineTimer deadline(m_timeoutMs);
    while (PQisBusy(conn)) {
        if (stopping())
            return u"stopped"_s;
        if (deadline.hasExpired())
            return u"PostgreSQL did not answer within %1 ms"_s.arg(m_timeoutMs);
        if (!waitSocket(conn, POLLIN, SliceMs) || !PQconsumeInput(conn))
            return pqError(conn);
    }
    QString error;
    while (PGresult *result = PQgetResult(conn)) {
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && error.isEmpty())
            error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    return error;
}

QString LivePostgresSource::session()
{
    reportConnecting();
    PGconn *conn = nullptr;
    auto finish = [&conn](QString reason) {
        if (conn)
            PQfinish(conn);
        conn = nullptr;
        return reason;
    };
    QString notice;
    if (QString error = connect(conn); !error.isEmpty())
        return finish(error);
    PQsetNoticeProcessor(conn, keepNotice, &notice);
    // The reason for a drop: the server's own words when it sent any, else libpq's.
    auto dropped = [&]() {
        const QString error = pqError(conn);
        return finish(notice.startsWith(u"FATAL"_s) ? notice : error);
    };
    if (QString error = execute(conn, "LISTEN " + quoteIdentifier(m_channel).toUtf8()); !error.isEmpty())
        return finish(error);
    if (PQsetnonblocking(conn, 1) != 0)
        return finish(pqError(conn));
    reportLive();

    auto batch = std::make_unique<LiveEventBatch>();
    while (!stopping()) {
        pollfd p{PQsocket(conn), POLLIN, 0};
        if (p.fd < 0)
            return finish(pqError(conn));
        const int ready = ::poll(&p, 1, batch->isEmpty() ? SliceMs * 2 : 0);
        if (ready < 0 && errno != EINTR)
            return finish(QString::fromLocal8Bit(std::strerror(errno)));
        if (ready > 0) {
            // A terminated backend or a dropped server shows up here as a failed read.
            if (!PQconsumeInput(conn) || PQstatus(conn) != CONNECTION_OK)
                return dropped();
            const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
            while (PGnotify *notify = PQnotifies(conn)) {
                m_parser.parse(QByteArrayView(notify->extra, qsizetype(std::strlen(notify->extra))),
                               receivedAt, *batch);
                PQfreemem(notify);
            }
            // Anything else (a NOTICE, an error before the server closes) is read and dropped.
            while (!PQisBusy(conn)) {
                PGresult *result = PQgetResult(conn);
                if (!result)
                    break;
                PQclear(result);
            }
            if (batch->size() < 4096)
                continue; // more may be waiting: read it before handing on
        }
        flush(batch);
    }
    flush(batch);
    return finish({});
}

} // namespace Sightline
