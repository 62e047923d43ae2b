#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sightline {

// The one place that decides which commands Sightline may send to a Redis server: read-only
// commands only (DESIGN.md §1: Sightline never writes to the user's backends). RedisConnection
// asks it before anything reaches the socket.
class RedisCommandPolicy
{
public:
    // Empty when allowed; otherwise why not, naming the command.
    static QString refusal(const QList<QByteArray> &command);
    static bool isAllowed(const QList<QByteArray> &command) { return refusal(command).isEmpty(); }
    // "GET", "CLIENT SETNAME", … for documentation and tests.
    static QList<QByteArray> allowedCommands();
};

} // namespace Sightline
