#include "sqlconnection.h"

#include "telemetry/logging.h"

#include <QByteArrayList>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <libpq-fe.h>
#include <poll.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

class PostgresConnection final : public SqlConnection
{
public:
    PostgresConnection(QString url, bool readOnly, int connectTimeoutMs, QString password)
        : m_url(std::move(url))
        , m_password(std::move(password))
        , m_readOnly(readOnly)
        , m_connectTimeoutMs(connectTimeoutMs)
    {
    }
    ~PostgresConnection() override { close(); }

    SqlDialect dialect() const override { return SqlDialect::PostgreSQL; }
    bool isOpen() const override { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }
    QString describe() const override { return u"PostgreSQL "_s + redactUrl(m_url); }

    SqlError open() override
    {
        close();
        m_connectCancelled.store(false);
        // Keys of a URL's query and these keywords are merged by libpq; ours only add safety.
        // Keepalives come before the URL, so its own settings win: a network path that dies
        // silently fails a waiting statement within about a minute, not TCP's quarter of an hour.
        QByteArrayList keys{"keepalives_idle", "keepalives_interval", "keepalives_count",
                            "dbname",          "application_name",    "options"};
        QByteArrayList values{"30",        "10",
                              "3",         m_url.toUtf8(),
                              "sightline", m_readOnly ? "-c default_transaction_read_only=on" : ""};
        if (!m_readOnly) {
            keys.removeLast();
            values.removeLast();
        }
        // The workspace's password (keychain or environment) also comes before the URL: a
        // password written into the URL wins.
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
        // Not PQconnectdbParams: it blocks until libpq's own timeout and nothing can stop it.
        PGconn *conn = PQconnectStartParams(k.constData(), v.constData(), /*expand_dbname*/ 1);
        if (!conn)
            return {SqlError::Kind::Connection, u"out of memory connecting to PostgreSQL"_s};
        QElapsedTimer connectTimer;
        connectTimer.start();
        const SqlError connectError = waitForConnect(conn);
        recordSqlRequest(SqlDialect::PostgreSQL, "connect", (double(connectTimer.nsecsElapsed()) / 1e9),
                         connectError, describe());
        if (connectError.isError()) {
            PQfinish(conn);
            return connectError;
        }
        logEvent(lcPostgres(), QtInfoMsg, "connection.opened",
                 {{"target", describe()}, {"ms", double(connectTimer.nsecsElapsed()) / 1e6}});
        {
            QMutexLocker lock(&m_cancelMutex);
            m_conn = conn;
            m_cancel = PQgetCancel(conn);
        }
        // Timestamps come back as ISO text in UTC, which parseTimestamp() and keyset binding rely on.
        const SqlResult setup =
            exec(u"SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'"_s, {});
        if (!setup.ok())
            return setup.error;
        return {};
    }

    void close() override
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel) {
            PQfreeCancel(m_cancel);
            m_cancel = nullptr;
        }
        if (m_conn) {
            PQfinish(m_conn);
            m_conn = nullptr;
        }
    }

    void cancel() override
    {
        m_connectCancelled.store(true); // a connect in progress gives up at its next poll slice
        QMutexLocker lock(&m_cancelMutex);
        if (!m_cancel)
            return;
        char buffer[256];
        PQcancel(m_cancel, buffer, sizeof buffer);
    }

    SqlResult exec(const QString &sql, const QVariantList &params) override
    {
        QElapsedTimer timer;
        timer.start();
        SqlResult result = execStatement(sql, params);
        recordSqlRequest(SqlDialect::PostgreSQL, "query", (double(timer.nsecsElapsed()) / 1e9), result.error,
                         describe());
        return result;
    }

    SqlResult execStatement(const QString &sql, const QVariantList &params)
    {
        SqlResult result;
        if (!m_conn) {
            result.error = {SqlError::Kind::Connection, u"not connected"_s};
            return result;
        }
        const QByteArray query = sql.toUtf8();
        QByteArrayList storage;
        QList<const char *> values;
        storage.reserve(params.size());
        for (const QVariant &param : params) {
            if (param.isNull()) {
                values.append(nullptr);
                continue;
            }
            storage.append(param.typeId() == QMetaType::Bool ? QByteArray(param.toBool() ? "true" : "false")
                                                             : param.toString().toUtf8());
            values.append(storage.constLast().constData());
        }
        PGresult *res = params.isEmpty() ? PQexec(m_conn, query.constData())
                                         : PQexecParams(m_conn, query.constData(), int(params.size()),
                                                        nullptr, values.constData(), nullptr, nullptr, 0);
        const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
            QString message =
                QString::fromUtf8(res ? PQresultErrorMessage(res) : PQerrorMessage(m_conn)).trimmed();
            if (message.isEmpty())
                message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            SqlError::Kind kind = SqlError::Kind::Query;
            if (state && qstrcmp(state, "57014") == 0)
                kind = SqlError::Kind::Cancelled;
            else if (PQstatus(m_conn) != CONNECTION_OK)
                kind = SqlError::Kind::Connection;
            else if (state && (qstrcmp(state, "42501") == 0 || qstrncmp(state, "28", 2) == 0))
                kind = SqlError::Kind::Rejected;
            result.error = {kind, message};
            if (res)
                PQclear(res);
            return result;
        }
        const int columns = PQnfields(res);
        const int rows = PQntuples(res);
        result.columns.reserve(columns);
        for (int c = 0; c < columns; ++c)
            result.columns.append(QString::fromUtf8(PQfname(res, c)));
        result.rows.reserve(rows);
        for (int r = 0; r < rows; ++r) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(res, r, c))
                    row.append(QVariant());
                else
                    row.append(QString::fromUtf8(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
            }
            result.rows.append(std::move(row));
        }
        const char *affected = PQcmdTuples(res);
        result.rowsAffected = affected && *affected ? QByteArray(affected).toLongLong() : 0;
        PQclear(res);
        return result;
    }

    SqlError execMany(const QString &sql, const QList<QVariantList> &rows) override
    {
        for (const QVariantList &row : rows) {
            const SqlResult r = exec(sql, row);
            if (!r.ok())
                return r.error;
        }
        return {};
    }

    SqlError copyIn(const QString &copyStatement, const QByteArray &data) override
    {
        if (!m_conn)
            return {SqlError::Kind::Connection, u"not connected"_s};
        PGresult *res = PQexec(m_conn, copyStatement.toUtf8().constData());
        if (!res || PQresultStatus(res) != PGRES_COPY_IN) {
            SqlError error{SqlError::Kind::Query, QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()};
            if (res)
                PQclear(res);
            return error;
        }
        PQclear(res);
        constexpr qsizetype chunk = 1 << 20;
        for (qsizetype at = 0; at < data.size(); at += chunk) {
            const int len = int(qMin(chunk, data.size() - at));
            if (PQputCopyData(m_conn, data.constData() + at, len) != 1)
                return {SqlError::Kind::Connection, QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()};
        }
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return {SqlError::Kind::Connection, QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()};
        SqlError error;
        while ((res = PQgetResult(m_conn))) {
            if (PQresultStatus(res) != PGRES_COMMAND_OK)
                error = {SqlError::Kind::Query, QString::fromUtf8(PQresultErrorMessage(res)).trimmed()};
            PQclear(res);
        }
        return error;
    }

private:
    // How long open() waits: connect_timeout when the URL sets one (seconds, at least 2, 0 for
    // no limit, as libpq reads it), else the configured timeout. -1: no limit.
    int connectTimeoutMs(PGconn *conn) const
    {
        int timeoutMs = m_connectTimeoutMs > 0 ? m_connectTimeoutMs : -1;
        PQconninfoOption *options = PQconninfo(conn);
        for (PQconninfoOption *option = options; option && option->keyword; ++option) {
            if (qstrcmp(option->keyword, "connect_timeout") != 0 || !option->val || !*option->val)
                continue;
            bool ok = false;
            const int seconds = QByteArray(option->val).trimmed().toInt(&ok);
            if (ok)
                timeoutMs = seconds <= 0 ? -1 : std::max(seconds, 2) * 1000;
        }
        PQconninfoFree(options);
        return timeoutMs;
    }

    static SqlError connectFailure(PGconn *conn)
    {
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        const bool rejected = message.contains(u"password"_s) || message.contains(u"authentication"_s) ||
                              message.contains(u"permission denied"_s) ||
                              message.contains(u"does not exist"_s);
        return {rejected ? SqlError::Kind::Rejected : SqlError::Kind::Connection,
                message.isEmpty() ? u"could not connect to PostgreSQL"_s : message};
    }

    // Drives PQconnectPoll, waiting on the socket in short slices so that cancel() and the
    // deadline are noticed within a few tens of milliseconds.
    SqlError waitForConnect(PGconn *conn)
    {
        if (PQstatus(conn) == CONNECTION_BAD)
            return connectFailure(conn);
        const int timeoutMs = connectTimeoutMs(conn);
        const QDeadlineTimer deadline =
            timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
        constexpr int SliceMs = 20;
        PostgresPollingStatusType state = PGRES_POLLING_WRITING; // as libpq's documentation says to start
        for (;;) {
            if (state == PGRES_POLLING_OK)
                return {};
            if (state == PGRES_POLLING_FAILED)
                return connectFailure(conn);
            const int socket = PQsocket(conn); // may change between polls (another host, SSL retry)
            if (socket < 0)
                return connectFailure(conn);
            pollfd wait{socket, short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
            for (;;) {
                if (m_connectCancelled.load())
                    return {SqlError::Kind::Cancelled, u"connecting to PostgreSQL was cancelled"_s};
                const qint64 left = deadline.remainingTime();
                if (left == 0) {
                    return {SqlError::Kind::Connection,
                            u"connection to %1 failed: timeout expired after %2 s without an answer"_s.arg(
                                describe(), QString::number(timeoutMs / 1000.0))};
                }
                const int slice = left < 0 ? SliceMs : int(std::min<qint64>(left, SliceMs));
                const int ready = ::poll(&wait, 1, slice);
                if (ready > 0)
                    break;
                if (ready < 0 && errno != EINTR) {
                    return {SqlError::Kind::Connection,
                            u"connection to %1 failed: %2"_s.arg(describe(),
                                                                 QString::fromLocal8Bit(strerror(errno)))};
                }
            }
            state = PQconnectPoll(conn);
        }
    }

    QString m_url;
    QString m_password; // never logged; describe() and errors show the URL without it
    bool m_readOnly;
    int m_connectTimeoutMs;
    std::atomic_bool m_connectCancelled{false};
    PGconn *m_conn = nullptr;
    QMutex m_cancelMutex;
    PGcancel *m_cancel = nullptr;
};

} // namespace

std::unique_ptr<SqlConnection> createPostgresConnection(const QString &url, bool readOnly,
                                                        int connectTimeoutMs, const QString &password)
{
    return std::make_unique<PostgresConnection>(url, readOnly, connectTimeoutMs, password);
}

} // namespace Sightline
