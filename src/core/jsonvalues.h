#pragma once

#include <QJsonValue>
#include <QString>

namespace Sightline {

// "a string", "an array", "missing", …: for messages that say what a JSON member was instead of
// what was expected.
QString jsonTypeName(const QJsonValue &value);

} // namespace Sightline
