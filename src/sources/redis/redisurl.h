#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sightline {

// redis://[[user]:password@]host[:port][/db][?timeout=SECONDS&name=CLIENTNAME]
// rediss://… the same over TLS, with &cacert=FILE for a private CA.
// A URL without a password takes it from REDISCLI_AUTH, as redis-cli does.
struct RedisUrl
{
    bool tls = false;
    QString user;
    QString password;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    int db = 0;
    int timeoutMs = 10000;
    QString clientName = QStringLiteral("sightline");
    QString caFile;
    QString error; // non-empty: the URL could not be used, and why

    bool isValid() const { return error.isEmpty(); }
    // The address without the password: "redis://reader@cache:6379/0".
    QString redacted() const;
    QString hostPort() const;
    // What a new connection says first: AUTH (when there is a password), CLIENT SETNAME, SELECT
    // (when the database is not 0). Every client of ours sends exactly these.
    QList<QList<QByteArray>> handshake() const;

    // `password` (the workspace's, from the keychain or environment) is used when the URL has none;
    // without either, REDISCLI_AUTH.
    static RedisUrl parse(const QString &text, const QString &password = {});
};

} // namespace Sightline
