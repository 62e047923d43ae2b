#pragma once

// Structured logs: one JSON object per line,
//   {"time":"2026-11-30T17:14:29.123Z","level":"info","category":"sightline.postgres",
//    "event":"query.finished","fields":{"ms":12.5,"rows":100}}
// to the log file ($XDG_STATE_HOME/sightline/sightline.log, rotated at 10 MB, one old file kept)
// and, when asked, to stderr. Plain qCWarning()/qCInfo() lines become event "message" with
// fields {"text": …}. Secrets are redacted as a last line of defence (URL passwords, password/
// token/secret/signature query parameters, Authorization values, Bearer tokens); callers still
// log redacted URLs only.

#include <QJsonValue>
#include <QLoggingCategory>
#include <QString>

#include <initializer_list>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
// One category per source (some sources define theirs next to their code: lcRedis, lcS3,
// lcFiles, lcMemory, lcPrometheus, lcLive, lcSecrets; these are the rest).
Q_DECLARE_LOGGING_CATEGORY(lcPostgres)
Q_DECLARE_LOGGING_CATEGORY(lcSqlite)
Q_DECLARE_LOGGING_CATEGORY(lcGrafana)
Q_DECLARE_LOGGING_CATEGORY(lcReport)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcTelemetry)

struct LogOptions
{
    QString filePath;              // empty: no file
    bool toStderr = false;         // also (or only) stderr
    qint64 rotateBytes = 10 << 20; // sightline.log → sightline.log.1 past this size
};

// $XDG_STATE_HOME/sightline/sightline.log (default ~/.local/state/sightline/sightline.log).
QString defaultLogFilePath();

// Installs the JSON-line message handler. The file's folder is created 0700 and the file 0600.
// Returns false (and logs to stderr instead) when the file cannot be opened.
bool installJsonLineLogger(const LogOptions &options);
// Stderr only (`sightline seed`, a developer tool).
void installJsonLineLogger();

// One field of a structured event: {"rows", 100}, {"url", redactedUrl}.
struct LogField
{
    // QJsonValue converts strings, numbers and booleans implicitly.
    LogField(const char *key, const QJsonValue &value)
        : key(key)
        , value(value)
    {
    }
    const char *key;
    QJsonValue value;
};

// A structured event when `category` has `level` enabled, e.g.
// logEvent(lcPostgres(), QtInfoMsg, "query.finished", {{"ms", 12.5}, {"rows", 100}}).
// Without the JSON logger installed it goes through Qt's handler as "event {fields}".
void logEvent(const QLoggingCategory &category, QtMsgType level, const char *event,
              std::initializer_list<LogField> fields = {});

// The redaction the handler applies to every text (exposed for tests and for callers).
QString redactSecrets(const QString &text);

} // namespace Sightline
