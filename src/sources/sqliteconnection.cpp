#include "sqlconnection.h"

#include <QAtomicPointer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

SqlError::Kind kindFor(int code)
{
    switch (code & 0xff) {
    case SQLITE_INTERRUPT:
        return SqlError::Kind::Cancelled;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return SqlError::Kind::Busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return SqlError::Kind::Corrupt;
    case SQLITE_CANTOPEN:
        return SqlError::Kind::Connection;
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_READONLY:
        return SqlError::Kind::Rejected;
    default:
        return SqlError::Kind::Query;
    }
}

class SqliteConnection final : public SqlConnection
{
public:
    SqliteConnection(QString path, SqliteMode mode)
        : m_path(std::move(path))
        , m_mode(mode)
    {
    }
    ~SqliteConnection() override { close(); }

    SqlDialect dialect() const override { return SqlDialect::SQLite; }
    bool isOpen() const override { return m_db != nullptr; }
    QString describe() const override { return u"SQLite file "_s + m_path; }

    SqlError open() override
    {
        close();
        int flags = SQLITE_OPEN_NOMUTEX;
        switch (m_mode) {
        case SqliteMode::ReadOnly:
            flags |= SQLITE_OPEN_READONLY;
            break;
        case SqliteMode::ReadWrite:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case SqliteMode::Create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
        }
        sqlite3 *db = nullptr;
        const int rc = sqlite3_open_v2(m_path.toUtf8().constData(), &db, flags, nullptr);
        if (rc != SQLITE_OK) {
            SqlError error{kindFor(rc),
                           u"cannot open %1: %2"_s.arg(
                               m_path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)))};
            sqlite3_close_v2(db);
            return error;
        }
        sqlite3_busy_timeout(db, 2000);
        sqlite3_extended_result_codes(db, 1);
        {
            QMutexLocker lock(&m_mutex);
            m_db = db;
        }
        // Opening is lazy in SQLite: read the schema now so a corrupt or foreign file fails here.
        const SqlResult probe = exec(u"SELECT count(*) FROM sqlite_schema"_s, {});
        if (!probe.ok()) {
            SqlError error = probe.error;
            close();
            return error;
        }
        return {};
    }

    void close() override
    {
        QMutexLocker lock(&m_mutex);
        if (m_db) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
        }
    }

    void cancel() override
    {
        QMutexLocker lock(&m_mutex);
        if (m_db)
            sqlite3_interrupt(m_db);
    }

    SqlResult exec(const QString &sql, const QVariantList &params) override
    {
        QElapsedTimer timer;
        timer.start();
        SqlResult result = execStatement(sql, params);
        recordSqlRequest(SqlDialect::SQLite, "query", (double(timer.nsecsElapsed()) / 1e9), result.error,
                         describe());
        return result;
    }

    SqlResult execStatement(const QString &sql, const QVariantList &params)
    {
        SqlResult result;
        if (!m_db) {
            result.error = {SqlError::Kind::Connection, u"not open"_s};
            return result;
        }
        const QByteArray text = sql.toUtf8();
        const char *tail = text.constData();
        const char *end = text.constData() + text.size();
        // Runs every statement of the text in turn (setup scripts have several); params bind to each.
        while (tail < end) {
            sqlite3_stmt *stmt = nullptr;
            int rc = sqlite3_prepare_v2(m_db, tail, int(end - tail), &stmt, &tail);
            if (rc != SQLITE_OK) {
                result.error = errorFor(rc);
                return result;
            }
            if (!stmt)
                break; // only whitespace or comments left
            rc = bindAll(stmt, params);
            if (rc == SQLITE_OK)
                rc = stepAll(stmt, result);
            sqlite3_finalize(stmt);
            if (rc != SQLITE_DONE) {
                result.error = errorFor(rc);
                result.rows.clear();
                return result;
            }
        }
        result.rowsAffected = sqlite3_changes64(m_db);
        return result;
    }

    SqlError execMany(const QString &sql, const QList<QVariantList> &rows) override
    {
        if (!m_db)
            return {SqlError::Kind::Connection, u"not open"_s};
        sqlite3_stmt *stmt = nullptr;
        const QByteArray text = sql.toUtf8();
        int rc = sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &stmt, nullptr);
        if (rc != SQLITE_OK)
            return errorFor(rc);
        for (const QVariantList &row : rows) {
            rc = bindAll(stmt, row);
            if (rc == SQLITE_OK) {
                rc = sqlite3_step(stmt);
                if (rc == SQLITE_ROW)
                    rc = SQLITE_DONE;
            }
            sqlite3_reset(stmt);
            if (rc != SQLITE_DONE) {
                sqlite3_finalize(stmt);
                return errorFor(rc);
            }
        }
        sqlite3_finalize(stmt);
        return {};
    }

    SqlError copyIn(const QString &, const QByteArray &) override
    {
        return {SqlError::Kind::Query, u"COPY is a PostgreSQL statement; SQLite cannot run it"_s};
    }

private:
    SqlError errorFor(int rc) const
    {
        QString message = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            message = QCoreApplication::translate("Sightline::SqlConnection",
                                                  "%1 is locked by another program (%2)")
                          .arg(m_path, message);
        else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
            message = QCoreApplication::translate("Sightline::SqlConnection",
                                                  "%1 is not a SQLite database or is damaged (%2)")
                          .arg(m_path, message);
        return {kindFor(rc), message};
    }

    static int bindAll(sqlite3_stmt *stmt, const QVariantList &params)
    {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        const int count = sqlite3_bind_parameter_count(stmt);
        for (int i = 0; i < count && i < params.size(); ++i) {
            const QVariant &v = params[i];
            int rc = SQLITE_OK;
            if (v.isNull()) {
                rc = sqlite3_bind_null(stmt, i + 1);
            } else {
                switch (v.typeId()) {
                case QMetaType::Bool:
                case QMetaType::Int:
                case QMetaType::UInt:
                case QMetaType::Long:
                case QMetaType::LongLong:
                case QMetaType::ULongLong:
                    rc = sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
                    break;
                case QMetaType::Double:
                case QMetaType::Float:
                    rc = sqlite3_bind_double(stmt, i + 1, v.toDouble());
                    break;
                case QMetaType::QByteArray: {
                    const QByteArray bytes = v.toByteArray();
                    rc = sqlite3_bind_blob64(stmt, i + 1, bytes.constData(), sqlite3_uint64(bytes.size()),
                                             SQLITE_TRANSIENT);
                    break;
                }
                default: {
                    const QByteArray utf8 = v.toString().toUtf8();
                    rc = sqlite3_bind_text64(stmt, i + 1, utf8.constData(), sqlite3_uint64(utf8.size()),
                                             SQLITE_TRANSIENT, SQLITE_UTF8);
                }
                }
            }
            if (rc != SQLITE_OK)
                return rc;
        }
        return SQLITE_OK;
    }

    static int stepAll(sqlite3_stmt *stmt, SqlResult &result)
    {
        const int columns = sqlite3_column_count(stmt);
        if (columns > 0 && result.columns.isEmpty()) {
            for (int c = 0; c < columns; ++c)
                result.columns.append(QString::fromUtf8(sqlite3_column_name(stmt, c)));
        }
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                case SQLITE_INTEGER:
                    row.append(QVariant(qint64(sqlite3_column_int64(stmt, c))));
                    break;
                case SQLITE_FLOAT:
                    row.append(QVariant(sqlite3_column_double(stmt, c)));
                    break;
                case SQLITE_TEXT: {
                    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
                    row.append(QString::fromUtf8(data, sqlite3_column_bytes(stmt, c)));
                    break;
                }
                case SQLITE_BLOB: {
                    const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, c));
                    row.append(QByteArray(data, sqlite3_column_bytes(stmt, c)));
                    break;
                }
                default:
                    row.append(QVariant());
                }
            }
            result.rows.append(std::move(row));
        }
        return rc;
    }

    QString m_path;
    SqliteMode m_mode;
    QMutex m_mutex; // guards m_db against cancel() from another thread during open/close
    sqlite3 *m_db = nullptr;
};

} // namespace

std::unique_ptr<SqlConnection> createSqliteConnection(const QString &path, SqliteMode mode)
{
    return std::make_unique<SqliteConnection>(path, mode);
}

} // namespace Sightline
