#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace Sightline {

enum class SqlDialect { PostgreSQL, SQLite };

struct SqlError
{
    enum class Kind {
        None,
        Connection, // could not connect, or the connection dropped
        Rejected,   // authentication or permission refused
        Query,      // the statement failed (bad SQL, missing table, …)
        Cancelled,  // cancel() interrupted it
        Busy,       // SQLite: the file is locked by another process
        Corrupt,    // SQLite: not a database, or damaged
    };
    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
};

// Rows of a result. PostgreSQL values arrive as QString (text protocol), SQLite values in their
// storage class (qint64, double, QString, QByteArray); NULL is a null QVariant in both. Keeping
// the database's own value lets keyset pagination bind it back unchanged.
struct SqlResult
{
    QStringList columns;
    QList<QVariantList> rows;
    SqlError error;
    qint64 rowsAffected = 0;

    bool ok() const { return !error.isError(); }
};

// One connection, used by one thread at a time. cancel() may be called from any thread and
// interrupts the statement running now (PQcancel, sqlite3_interrupt), or a PostgreSQL connect
// in progress (open() then fails with Kind::Cancelled).
class SqlConnection
{
public:
    virtual ~SqlConnection() = default;

    virtual SqlDialect dialect() const = 0;
    virtual SqlError open() = 0;
    virtual bool isOpen() const = 0;
    virtual void close() = 0;
    // Parameters are numbered placeholders: placeholder(1), placeholder(2), …
    virtual SqlResult exec(const QString &sql, const QVariantList &params = {}) = 0;
    // The same statement for many rows, in one prepared statement (SQLite) or one after another.
    virtual SqlError execMany(const QString &sql, const QList<QVariantList> &rows) = 0;
    // PostgreSQL COPY … FROM STDIN with the data in COPY's text format; SQLite says it cannot.
    virtual SqlError copyIn(const QString &copyStatement, const QByteArray &data) = 0;
    virtual void cancel() = 0;
    // A short description for messages: "PostgreSQL at db:5432/crucible", "SQLite file /x.db".
    virtual QString describe() const = 0;

    QString placeholder(int n) const;
};

enum class SqliteMode { ReadOnly, ReadWrite, Create };

// postgresql:// URL, or a SQLite file. `readOnly` connections to PostgreSQL set
// default_transaction_read_only, so that no statement of ours can write. open() gives up after
// `connectTimeoutMs` (a connect_timeout in the URL wins), and cancel() stops a connect in progress.
// `password` (the workspace's, from the keychain or environment) is used unless the URL has one;
// without either, libpq reads PGPASSWORD and ~/.pgpass as usual.
std::unique_ptr<SqlConnection> createPostgresConnection(const QString &url, bool readOnly = true,
                                                        int connectTimeoutMs = 10000,
                                                        const QString &password = {});
std::unique_ptr<SqlConnection> createSqliteConnection(const QString &path,
                                                      SqliteMode mode = SqliteMode::ReadOnly);

// Removes a password from a connection URL, for messages and logs.
QString redactUrl(const QString &url);

// Records one statement or connect in Sightline's metrics (sightline_request_duration_seconds
// {source=postgres|sqlite}) and logs a failure; a cancelled one is not counted.
void recordSqlRequest(SqlDialect dialect, const char *operation, double seconds, const SqlError &error,
                      const QString &where);

// Quotes an identifier from a workspace profile ("my table" -> "\"my table\"").
QString quoteIdentifier(const QString &name);

} // namespace Sightline
