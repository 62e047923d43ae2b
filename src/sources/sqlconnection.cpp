#include "sqlconnection.h"

#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sightline {

QString SqlConnection::placeholder(int n) const
{
    return (dialect() == SqlDialect::PostgreSQL ? u"$"_s : u"?"_s) + QString::number(n);
}

QString redactUrl(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid())
        return u"<invalid url>"_s;
    if (!parsed.password().isEmpty())
        parsed.setPassword(u"****"_s);
    // Query options may carry a password too (…?password=…).
    QString text = parsed.toString();
    static const QString key = u"password="_s;
    qsizetype at = text.indexOf(key, 0, Qt::CaseInsensitive);
    while (at >= 0) {
        const qsizetype start = at + key.size();
        qsizetype end = text.indexOf(u'&', start);
        if (end < 0)
            end = text.size();
        text.replace(start, end - start, u"****"_s);
        at = text.indexOf(key, start + 4, Qt::CaseInsensitive);
    }
    return text;
}

void recordSqlRequest(SqlDialect dialect, const char *operation, double seconds, const SqlError &error,
                      const QString &where)
{
    if (error.kind == SqlError::Kind::Cancelled)
        return;
    const bool postgres = dialect == SqlDialect::PostgreSQL;
    Metrics::observeRequest(postgres ? "postgres" : "sqlite", operation, seconds, error.isError());
    if (error.isError()) {
        // `where` is describe(): the URL without its password (redactSecrets() is the backstop).
        logEvent(postgres ? lcPostgres() : lcSqlite(),
                 error.kind == SqlError::Kind::Query ? QtInfoMsg : QtWarningMsg,
                 qstrcmp(operation, "connect") == 0 ? "connection.failed" : "request.failed",
                 {{"operation", QString::fromLatin1(operation)},
                  {"target", where},
                  {"ms", seconds * 1000.0},
                  {"error", error.message}});
    }
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace Sightline
