#pragma once

#include <QLoggingCategory>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcPostgres)
Q_DECLARE_LOGGING_CATEGORY(lcSqlite)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcFiles)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

// Writes every log message as one JSON object per line ({"ts","level","category","msg"}) to
// stderr, or to `path` when given. Secrets never reach here: sources log redacted URLs only.
void installJsonLineLogger(const QString &path = {});

} // namespace Sightline
