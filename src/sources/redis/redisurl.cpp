#include "redisurl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Sightline {

QString RedisUrl::hostPort() const
{
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return shownHost + u':' + QString::number(port);
}

QString RedisUrl::redacted() const
{
    QString text = tls ? u"rediss://"_s : u"redis://"_s;
    if (!user.isEmpty())
        text += user + u'@';
    return text + hostPort() + u'/' + QString::number(db);
}

RedisUrl RedisUrl::parse(const QString &text)
{
    RedisUrl result;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) {
        result.error = u"Not a valid Redis URL: %1"_s.arg(url.errorString());
        return result;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"rediss"_s) {
        result.tls = true;
    } else if (scheme != u"redis"_s) {
        result.error = u"A Redis URL starts with redis:// or rediss://, not \"%1:\""_s.arg(url.scheme());
        return result;
    }
    if (url.host().isEmpty()) {
        result.error = u"The Redis URL names no host"_s;
        return result;
    }
    result.host = url.host();
    const int port = url.port(6379);
    if (port <= 0 || port > 65535) {
        result.error = u"Port %1 is out of range"_s.arg(port);
        return result;
    }
    result.port = quint16(port);
    result.user = url.userName();
    result.password = url.password();
    if (result.password.isEmpty())
        result.password = qEnvironmentVariable("REDISCLI_AUTH");

    QString path = url.path();
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        const int db = path.toInt(&ok);
        if (!ok || db < 0) {
            result.error = u"The database \"%1\" in the URL is not a number >= 0"_s.arg(path);
            return result;
        }
        result.db = db;
    }

    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"timeout"_s) {
            // Seconds like redis-py's socket_timeout, or "500ms".
            bool ok = false;
            double ms = 0;
            if (value.endsWith(u"ms"_s))
                ms = value.chopped(2).toDouble(&ok);
            else
                ms = (value.endsWith(u's') ? value.chopped(1) : value).toDouble(&ok) * 1000.0;
            if (!ok || ms <= 0 || ms > 24.0 * 3600 * 1000) {
                result.error = u"timeout=%1 is not a positive number of seconds"_s.arg(value);
                return result;
            }
            result.timeoutMs = qMax(1, int(ms));
        } else if (key == u"name"_s) {
            result.clientName = value;
        } else if (key == u"cacert"_s || key == u"ca"_s) {
            result.caFile = value;
        } else if (key == u"db"_s) {
            bool ok = false;
            result.db = value.toInt(&ok);
            if (!ok || result.db < 0) {
                result.error = u"db=%1 is not a number >= 0"_s.arg(value);
                return result;
            }
        } else {
            result.error = u"Unknown Redis URL option \"%1\" (known: timeout, name, cacert, db)"_s.arg(key);
            return result;
        }
    }
    return result;
}

} // namespace Sightline
