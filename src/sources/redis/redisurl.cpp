#include "redisurl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Why QUrl refused the text, naming the part that is wrong. QUrl::errorString() quotes the whole
// input, and a Redis URL may hold a password: never show it.
QString invalidUrlError(const QString &text)
{
    const QString prefix = u"Not a valid Redis URL: "_s;
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return prefix + u"it should look like redis://[user:password@]host[:port][/db]"_s;
    QUrl probe;
    probe.setScheme(text.left(schemeEnd));
    if (!probe.isValid() || probe.scheme().isEmpty())
        return prefix + u"the scheme before :// is not valid"_s;
    const QStringView rest = QStringView(text).mid(schemeEnd + 3);
    qsizetype authorityEnd = rest.size();
    for (const QChar end : {u'/', u'?', u'#'}) {
        const qsizetype at = rest.indexOf(end);
        if (at >= 0)
            authorityEnd = qMin(authorityEnd, at);
    }
    const QStringView authority = rest.left(authorityEnd);
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at < 0 && rest.mid(authorityEnd).contains(u'@'))
        return prefix + u"the user name or password seems to hold / ? or #, which must be percent-encoded "
                        u"(%2F, %3F, %23)"_s;
    if (at >= 0) {
        QUrl user;
        user.setUserInfo(authority.left(at).toString(), QUrl::StrictMode);
        if (!user.isValid())
            return prefix + u"the user name or password holds characters that must be percent-encoded "
                            u"(%40 for @, %25 for %)"_s;
    }
    const QStringView hostPort = at >= 0 ? authority.mid(at + 1) : authority;
    qsizetype colon = hostPort.lastIndexOf(u':');
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        colon = close >= 0 && close + 1 < hostPort.size() && hostPort.at(close + 1) == u':' ? close + 1 : -1;
    }
    if (colon >= 0) {
        const QStringView port = hostPort.mid(colon + 1);
        const bool digits =
            !port.isEmpty() && std::all_of(port.begin(), port.end(), [](QChar c) { return c.isDigit(); });
        if (!digits)
            return prefix + u"the port after the host is not a number"_s;
    }
    QUrl host;
    host.setHost((colon >= 0 ? hostPort.left(colon) : hostPort).toString(), QUrl::StrictMode);
    if (!host.isValid())
        return prefix + u"the host name is not valid"_s;
    return prefix + u"the database, options or fragment after the host hold characters that must be "
                    u"percent-encoded"_s;
}
} // namespace

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

RedisUrl RedisUrl::parse(const QString &text, const QString &password)
{
    RedisUrl result;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) {
        result.error = invalidUrlError(text.trimmed());
        return result;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"rediss"_s) {
        result.tls = true;
    } else if (scheme != u"redis"_s) {
        result.error =
            QCoreApplication::translate("Sightline::RedisConnection",
                                        "A Redis URL starts with redis:// or rediss://, not \"%1:\"")
                .arg(url.scheme());
        return result;
    }
    if (url.host().isEmpty()) {
        result.error =
            QCoreApplication::translate("Sightline::RedisConnection", "The Redis URL names no host");
        return result;
    }
    result.host = url.host();
    const int port = url.port(6379);
    if (port <= 0 || port > 65535) {
        result.error =
            QCoreApplication::translate("Sightline::RedisConnection", "Port %1 is out of range").arg(port);
        return result;
    }
    result.port = quint16(port);
    result.user = url.userName();
    result.password = url.password();
    if (result.password.isEmpty())
        result.password = password;
    if (result.password.isEmpty())
        result.password = qEnvironmentVariable("REDISCLI_AUTH");

    QString path = url.path();
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        const int db = path.toInt(&ok);
        if (!ok || db < 0) {
            result.error = QCoreApplication::translate("Sightline::RedisConnection",
                                                       "The database \"%1\" in the URL is not a number >= 0")
                               .arg(path);
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
                result.error = QCoreApplication::translate("Sightline::RedisConnection",
                                                           "timeout=%1 is not a positive number of seconds")
                                   .arg(value);
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
                result.error =
                    QCoreApplication::translate("Sightline::RedisConnection", "db=%1 is not a number >= 0")
                        .arg(value);
                return result;
            }
        } else {
            result.error = u"Unknown Redis URL option \"%1\" (known: timeout, name, cacert, db)"_s.arg(key);
            return result;
        }
    }
    return result;
}

QList<QList<QByteArray>> RedisUrl::handshake() const
{
    QList<QList<QByteArray>> commands;
    if (!password.isEmpty()) {
        if (user.isEmpty())
            commands.append({"AUTH", password.toUtf8()});
        else
            commands.append({"AUTH", user.toUtf8(), password.toUtf8()});
    }
    if (!clientName.isEmpty())
        commands.append({"CLIENT", "SETNAME", clientName.toUtf8()});
    if (db != 0)
        commands.append({"SELECT", QByteArray::number(db)});
    return commands;
}

} // namespace Sightline
