#include "rediscommandpolicy.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Commands that read, or that only change this connection's own state (AUTH, SELECT, a
// client name, its subscriptions). Container commands with a subcommand are listed as
// "COMMAND SUBCOMMAND".
const QSet<QByteArray> &allowList()
{
    static const QSet<QByteArray> list{
        "PING",
        "AUTH",
        "HELLO",
        "SELECT",
        "CLIENT SETNAME",
        "CLIENT GETNAME",
        "CLIENT ID",
        "INFO",
        "DBSIZE",
        "SCAN",
        "TYPE",
        "PTTL",
        "TTL",
        "EXISTS",
        "MEMORY USAGE",
        "OBJECT ENCODING",
        "STRLEN",
        "GETRANGE",
        "GET",
        "MGET",
        "HLEN",
        "HGET",
        "HMGET",
        "HSCAN",
        "HSTRLEN",
        "LLEN",
        "LRANGE",
        "LINDEX",
        "SCARD",
        "SSCAN",
        "SISMEMBER",
        "ZCARD",
        "ZRANGE",
        "ZSCAN",
        "ZSCORE",
        "XLEN",
        "XRANGE",
        "XREVRANGE",
        "XINFO STREAM",
        "TIME",
        // Pub/sub listening (the Live Events view): receiving messages changes nothing on the server.
        "SUBSCRIBE",
        "PSUBSCRIBE",
        "UNSUBSCRIBE",
        "PUNSUBSCRIBE",
    };
    return list;
}

bool hasSubcommand(const QByteArray &name)
{
    return name == "CLIENT" || name == "MEMORY" || name == "OBJECT" || name == "XINFO";
}

} // namespace

QString RedisCommandPolicy::refusal(const QList<QByteArray> &command)
{
    if (command.isEmpty())
        return u"Refused an empty Redis command"_s;
    QByteArray name = command.constFirst().toUpper();
    if (hasSubcommand(name) && command.size() > 1)
        name += ' ' + command.at(1).toUpper();
    if (allowList().contains(name))
        return {};
    return u"Refused to send %1 to Redis: Sightline only sends read-only commands"_s.arg(
        QString::fromUtf8(name.left(80)));
}

QList<QByteArray> RedisCommandPolicy::allowedCommands()
{
    QList<QByteArray> names = allowList().values();
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace Sightline
