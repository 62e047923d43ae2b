#pragma once

#include <QLoggingCategory>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)

// Writes every log message as one JSON object per line ({"ts","level","category","msg"}) to
// stderr, or to `path` when given. Secrets never reach here: sources log redacted URLs only.
void installJsonLineLogger(const QString &path = {});

} // namespace Sightline
