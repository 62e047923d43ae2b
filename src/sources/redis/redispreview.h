#pragma once

#include "sources/storagesource.h"

#include <QByteArray>
#include <QString>

namespace Sightline {

class RedisConnection;

// The preview of one key by its type, capped at 1,000 elements or 64 KB; the continuation is a
// byte offset (string), an index (list, zset), a cursor (hash, set) or an exclusive stream id.
StoragePreview loadRedisPreview(RedisConnection &connection, const QByteArray &key,
                                const QString &continuation);

// A value as text: UTF-8 stays readable (newlines too), binary is escaped (escapeForDisplay).
QString redisValueText(const QByteArray &value);

} // namespace Sightline
