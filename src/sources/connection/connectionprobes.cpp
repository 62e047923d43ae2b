#include "connectionprobes.h"

#include "sources/memory/storageserviceclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/redis/redisconnection.h"
#include "sources/s3/s3client.h"
#include "sources/sqlconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QThread>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ConnectionTestTr::tr() under the context it looks up at run time.
struct ConnectionTestTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::ConnectionTest)
};

double elapsedMs(const QElapsedTimer &timer)
{
    // A loopback round trip can be under a microsecond's resolution: never report 0 for a success.
    return qMax(0.001, double(timer.nsecsElapsed()) / 1e6);
}

int timeoutMsOf(const WorkspaceProfile &profile)
{
    return qMax(1, profile.timeoutSeconds) * 1000;
}

ConnectionTestResult failure(const QString &error)
{
    ConnectionTestResult result;
    result.error = error;
    return result;
}

// "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by …" -> "PostgreSQL 15.18".
QString shortPostgresVersion(const QString &version)
{
    const QStringList words = version.split(u' ', Qt::SkipEmptyParts);
    return words.size() >= 2 ? words.at(0) + u' ' + words.at(1) : version;
}

QUrl httpUrl(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

QString withoutUserInfo(const QString &url)
{
    return httpUrl(url).toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QString tlsNote(bool tls)
{
    return tls ? ConnectionTestTr::tr("TLS, certificate verified") : ConnectionTestTr::tr("without TLS");
}

} // namespace

QString connectionTarget(const WorkspaceProfile &profile, const QString &source)
{
    if (source == u"postgres")
        return profile.postgresUrl.isEmpty() ? QString() : redactUrl(profile.postgresUrl);
    if (source == u"sqlite")
        return profile.sqlitePath;
    if (source == u"files")
        return profile.filesRoot;
    if (source == u"redis")
        return profile.redis.url.isEmpty() ? QString() : RedisUrl::parse(profile.redis.url, {}).redacted();
    if (source == u"s3") {
        if (profile.s3.endpoint.isEmpty() || profile.s3.bucket.isEmpty())
            return {};
        return u"s3://%1 at %2"_s.arg(profile.s3.bucket, withoutUserInfo(profile.s3.endpoint));
    }
    if (source == u"memory")
        return profile.memoryUrl.isEmpty() ? QString() : withoutUserInfo(profile.memoryUrl);
    if (source == u"prometheus")
        return profile.prometheus.url.isEmpty() ? QString() : withoutUserInfo(profile.prometheus.url);
    if (source == u"grafana")
        return profile.grafana.url.isEmpty() ? QString() : withoutUserInfo(profile.grafana.url);
    return {};
}

// Opens `connection` (cancellable through `interrupt`) and runs `sql`, which answers one row of at
// least `columns` values: that row, or std::nullopt with result.error set (the server's words).
std::optional<QVariantList> querySingleRow(SqlConnection &connection, const QString &sql, int columns,
                                           const QString &noRow, const StopToken &stop,
                                           ProbeInterrupt &interrupt, ConnectionTestResult &result)
{
    SqlConnection *raw = &connection;
    interrupt.set([raw] { raw->cancel(); });
    const auto cleared = qScopeGuard([&interrupt] { interrupt.set({}); });
    if (stop.stopRequested())
        return std::nullopt;
    if (const SqlError error = connection.open(); error.isError()) {
        result.error = error.message;
        return std::nullopt;
    }
    const SqlResult rows = connection.exec(sql);
    if (!rows.ok()) {
        result.error = rows.error.message;
        return std::nullopt;
    }
    if (rows.rows.isEmpty() || rows.rows.first().size() < columns) {
        result.error = noRow;
        return std::nullopt;
    }
    return rows.rows.first();
}

ConnectionTestResult probePostgres(const WorkspaceProfile &profile, const StopToken &stop,
                                   ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<SqlConnection> connection = createPostgresConnection(
        profile.postgresUrl, /*readOnly*/ true, timeoutMsOf(profile), profile.secrets.postgresPassword);
    ConnectionTestResult result;
    const std::optional<QVariantList> row = querySingleRow(
        *connection,
        u"SELECT version(), current_user, current_database(), "
        "coalesce(host(inet_server_addr()) || ':' || inet_server_port(), 'a local socket'), "
        "(SELECT CASE WHEN ssl THEN version ELSE '' END FROM pg_stat_ssl WHERE pid = pg_backend_pid())"_s,
        5, ConnectionTestTr::tr("PostgreSQL answered SELECT version() with no row"), stop, interrupt, result);
    if (!row)
        return result;
    result.latencyMs = elapsedMs(timer);
    result.ok = true;
    result.serverVersion = shortPostgresVersion(row->at(0).toString());
    const QString tls = row->at(4).toString();
    result.detail = ConnectionTestTr::tr("%1/%2 as %3, %4")
                        .arg(row->at(3).toString(), row->at(2).toString(), row->at(1).toString(),
                             tls.isEmpty() ? tlsNote(false) : ConnectionTestTr::tr("TLS (%1)").arg(tls));
    return result;
}

ConnectionTestResult probeSqlite(const WorkspaceProfile &profile, const StopToken &stop,
                                 ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo file(profile.sqlitePath);
    if (!file.exists())
        return failure(ConnectionTestTr::tr("There is no file at %1").arg(profile.sqlitePath));
    if (!file.isFile())
        return failure(ConnectionTestTr::tr("%1 is not a file").arg(profile.sqlitePath));
    std::unique_ptr<SqlConnection> connection =
        createSqliteConnection(profile.sqlitePath, SqliteMode::ReadOnly);
    ConnectionTestResult result;
    // Reading the schema proves it is a database and not just a file that opens.
    const std::optional<QVariantList> row = querySingleRow(
        *connection, u"SELECT sqlite_version(), (SELECT count(*) FROM sqlite_master WHERE type = 'table')"_s,
        2, ConnectionTestTr::tr("SQLite answered with no row"), stop, interrupt, result);
    if (!row)
        return result;
    result.latencyMs = elapsedMs(timer);
    result.ok = true;
    result.serverVersion = u"SQLite "_s + row->at(0).toString();
    result.detail = ConnectionTestTr::tr("%1 (read only), %n table(s)", nullptr, row->at(1).toInt())
                        .arg(QDir::toNativeSeparators(file.absoluteFilePath()));
    return result;
}

ConnectionTestResult probeFiles(const WorkspaceProfile &profile, const StopToken &stop)
{
    Q_UNUSED(stop);
    QElapsedTimer timer;
    timer.start();
    const QFileInfo root(profile.filesRoot);
    const QString shown = QDir::toNativeSeparators(profile.filesRoot);
    if (!root.exists())
        return failure(ConnectionTestTr::tr("%1 does not exist").arg(shown));
    if (!root.isDir())
        return failure(ConnectionTestTr::tr("%1 is not a folder").arg(shown));
    if (!root.isReadable() || !root.isExecutable())
        return failure(ConnectionTestTr::tr("Cannot read %1: permission denied").arg(shown));
    QDir dir(profile.filesRoot);
    const QStringList entries =
        dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    ConnectionTestResult result;
    result.ok = true;
    result.latencyMs = elapsedMs(timer);
    const QString fileSystem = QString::fromUtf8(QStorageInfo(profile.filesRoot).fileSystemType());
    QString detail = ConnectionTestTr::tr("%1: %n entry(s)", nullptr, int(entries.size())).arg(shown);
    QStringList layout;
    for (const QString &expected : {u"outputs"_s, u"logs"_s}) {
        if (entries.contains(expected))
            layout.append(expected);
    }
    if (!layout.isEmpty())
        detail += ConnectionTestTr::tr(" (with %1)").arg(layout.join(u", "_s));
    if (!fileSystem.isEmpty())
        detail += ConnectionTestTr::tr(", file system %1").arg(fileSystem);
    result.detail = detail;
    return result;
}

ConnectionTestResult probeRedis(const WorkspaceProfile &profile, const StopToken &stop,
                                ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    RedisUrl url = RedisUrl::parse(profile.redis.url, profile.secrets.redisPassword);
    if (!url.isValid())
        return failure(url.error);
    url.timeoutMs = qMin(url.timeoutMs, timeoutMsOf(profile));
    RedisConnection connection(url);
    connection.setCancelCheck([stop] { return stop.stopRequested(); });
    interrupt.set([&connection] { connection.interrupt(); });
    ConnectionTestResult result;
    RespValue pong;
    RespValue info;
    RedisError error = connection.open();
    if (!error.isError())
        error = connection.command({"PING"}, pong);
    if (!error.isError() && pong.isError()) {
        result.error = ConnectionTestTr::tr("Redis at %1 answered PING with: %2")
                           .arg(url.hostPort(), QString::fromUtf8(pong.data));
    } else if (error.isError()) {
        result.error = error.message;
    } else {
        result.latencyMs = elapsedMs(timer);
        result.ok = true;
        // INFO may be refused to a restricted user: the server still answered, the version is unknown.
        if (!connection.command({"INFO", "server"}, info).isError() && info.isString()) {
            for (const QByteArray &line : info.data.split('\n')) {
                if (line.startsWith("redis_version:"))
                    result.serverVersion = u"Redis "_s + QString::fromUtf8(line.mid(14).trimmed());
            }
        }
        result.detail = ConnectionTestTr::tr("%1, %2").arg(url.redacted(), tlsNote(url.tls));
    }
    interrupt.set({});
    return result;
}

ConnectionTestResult probeS3(const WorkspaceProfile &profile, const StopToken &stop,
                             ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    S3Config config = S3Config::fromProfile(profile);
    if (!config.endpoint.isValid() || config.endpoint.host().isEmpty())
        return failure(ConnectionTestTr::tr("The S3 endpoint \"%1\" is not a URL")
                           .arg(withoutUserInfo(profile.s3.endpoint)));
    S3Client client(config);
    interrupt.set([&client] { client.interrupt(); });
    const S3ListPage page = client.listObjects(profile.s3.prefix.toUtf8(), {}, 1, {}, stop);
    ConnectionTestResult result;
    if (!page.error.isEmpty() || page.cancelled) {
        result.error = page.error.isEmpty() ? ConnectionTestTr::tr("Stopped") : page.error;
    } else {
        result.latencyMs = elapsedMs(timer);
        result.ok = true;
        const bool https = config.endpoint.scheme() == u"https";
        result.detail = ConnectionTestTr::tr("%1, %2, %3")
                            .arg(client.describe(),
                                 page.listing.objects.isEmpty() ? ConnectionTestTr::tr("empty")
                                                                : ConnectionTestTr::tr("objects listed"),
                                 https ? ConnectionTestTr::tr("HTTPS, certificate verified")
                                       : ConnectionTestTr::tr("without TLS"));
    }
    interrupt.set({});
    client.releaseNetwork();
    return result;
}

ConnectionTestResult probeMemory(const WorkspaceProfile &profile, const StopToken &stop,
                                 ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    const QUrl base = httpUrl(profile.memoryUrl);
    if (!base.isValid() || base.host().isEmpty())
        return failure(ConnectionTestTr::tr("The storage service URL \"%1\" is not a URL")
                           .arg(withoutUserInfo(profile.memoryUrl)));
    StorageServiceClient client(base, StorageServiceClient::Options::fromProfile(profile));
    interrupt.set([&client] { client.interrupt(); });
    const HttpResult http = client.get(u"/storage/memory"_s, stop);
    ConnectionTestResult result;
    if (!http.ok()) {
        result.error = http.error;
    } else {
        result.latencyMs = elapsedMs(timer);
        QString parseError;
        const std::optional<MemorySnapshot> snapshot = parseMemoryResponse(http.body, &parseError);
        if (!snapshot) {
            result.error =
                ConnectionTestTr::tr("GET %1/storage/memory: %2").arg(client.describe(), parseError);
        } else {
            result.ok = true;
            result.detail =
                ConnectionTestTr::tr("%1, %n cached entry(s), %2", nullptr, int(snapshot->stats.entries))
                    .arg(client.describe(), base.scheme() == u"https"
                                                ? ConnectionTestTr::tr("HTTPS, certificate verified")
                                                : ConnectionTestTr::tr("without TLS"));
        }
    }
    interrupt.set({});
    return result;
}

ConnectionTestResult probePrometheus(const WorkspaceProfile &profile, const StopToken &stop)
{
    QElapsedTimer timer;
    timer.start();
    const PrometheusConnection connection = PrometheusConnection::fromProfile(profile);
    if (!connection.url.isValid() || connection.url.host().isEmpty())
        return failure(ConnectionTestTr::tr("The Prometheus URL \"%1\" is not a URL")
                           .arg(withoutUserInfo(profile.prometheus.url)));
    PrometheusClient client(connection);
    QFuture<PrometheusBuildInfoReply> future = client.buildInfo();
    while (!future.isFinished()) {
        if (stop.stopRequested())
            future.cancel(); // the reply still arrives, as Cancelled
        QThread::msleep(10);
    }
    const PrometheusBuildInfoReply reply = future.result();
    ConnectionTestResult result;
    if (reply.error.isError()) {
        result.error = reply.error.message;
    } else {
        result.latencyMs = elapsedMs(timer);
        result.ok = true;
        const QString version = reply.value->value(u"version"_s);
        result.serverVersion = version.isEmpty() ? QString() : u"Prometheus "_s + version;
        result.detail = ConnectionTestTr::tr("%1, %2").arg(
            client.describe(), connection.url.scheme() == u"https"
                                   ? ConnectionTestTr::tr("HTTPS, certificate verified")
                                   : ConnectionTestTr::tr("without TLS"));
    }
    return result;
}

ConnectionTestResult probeGrafana(const WorkspaceProfile &profile, const StopToken &stop,
                                  ProbeInterrupt &interrupt)
{
    QElapsedTimer timer;
    timer.start();
    const QUrl base = httpUrl(profile.grafana.url);
    if (!base.isValid() || base.host().isEmpty())
        return failure(ConnectionTestTr::tr("The Grafana URL \"%1\" is not a URL")
                           .arg(withoutUserInfo(profile.grafana.url)));
    // The storage service's client is a plain GET with a bearer token and a CA file: all Grafana needs.
    StorageServiceClient::Options options;
    options.timeoutMs = timeoutMsOf(profile);
    options.caFile = profile.grafana.caFile;
    options.bearerToken = profile.secrets.grafanaToken;
    if (options.bearerToken.isEmpty())
        options.bearerToken = qEnvironmentVariable("SIGHTLINE_GRAFANA_TOKEN");
    options.maxResponseBytes = 1024 * 1024;
    options.metricsSource = "grafana";
    StorageServiceClient client(base, options);
    interrupt.set([&client] { client.interrupt(); });
    const HttpResult http = client.get(u"/api/health"_s, stop);
    ConnectionTestResult result;
    if (!http.ok()) {
        result.error = http.error;
    } else {
        result.latencyMs = elapsedMs(timer);
        // {"commit": "…", "database": "ok", "version": "10.2.3"}
        const QJsonObject health = QJsonDocument::fromJson(http.body).object();
        if (health.isEmpty()) {
            result.error = ConnectionTestTr::tr("GET %1/api/health: the answer is not Grafana's health JSON")
                               .arg(client.describe());
        } else if (health.value(u"database"_s).toString() != u"ok") {
            result.error = ConnectionTestTr::tr("Grafana at %1 answered, but its database is \"%2\"")
                               .arg(client.describe(), health.value(u"database"_s).toString());
        } else {
            result.ok = true;
            const QString version = health.value(u"version"_s).toString();
            result.serverVersion = version.isEmpty() ? QString() : u"Grafana "_s + version;
            result.detail = ConnectionTestTr::tr("%1, %2").arg(
                client.describe(), base.scheme() == u"https"
                                       ? ConnectionTestTr::tr("HTTPS, certificate verified")
                                       : ConnectionTestTr::tr("without TLS"));
        }
    }
    interrupt.set({});
    return result;
}

} // namespace Sightline
