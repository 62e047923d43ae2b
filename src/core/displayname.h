#pragma once

#include <QByteArray>
#include <QString>

namespace Sightline {

// A name from a backend (a Redis key, a file name, an S3 key) as text a person can read and
// tell apart: valid UTF-8 stays as it is; invalid bytes, control characters and backslashes are
// written as \xNN (and \\), so two different byte strings never look the same. The raw bytes,
// not this text, are what a source uses to open the item again.
QString escapeForDisplay(const QByteArray &raw);

// The inverse of escapeForDisplay, for names a person typed or copied.
QByteArray unescapeDisplayName(const QString &text);

} // namespace Sightline
