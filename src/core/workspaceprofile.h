#pragma once

#include "drilldown.h"
#include "workspacesecrets.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sightline {

// Table and column names of the platform's relational store (DESIGN.md §4). A profile may rename
// any of them; the defaults are the platform's own.
struct SchemaNames
{
    QString evaluationsTable = QStringLiteral("evaluations");
    QString eventsTable = QStringLiteral("events");
    QHash<QString, QString> columns; // platform name -> name in this database

    QString column(const QString &platformName) const { return columns.value(platformName, platformName); }
};

// The Storage Explorer's network backends as the profile configures them (DESIGN.md §5). Empty
// url/endpoint: not configured. Secrets never live here (keychain or environment).
struct RedisSettings
{
    QString url;                             // redis://[user@]host:port/db or rediss://…
    QString delimiter = QStringLiteral(":"); // the key namespace separator
};

struct S3Settings
{
    QString endpoint; // https://s3.eu-west-1.amazonaws.com, http://127.0.0.1:9000
    QString bucket;
    QString region = QStringLiteral("us-east-1");
    bool pathStyle = true; // "addressing": "path" | "virtual"
    QString prefix;        // only this part of the bucket
    QString caFile;        // "ca_file": extra CA certificates (PEM) for an https endpoint
};

// Prometheus and Grafana as the profile names them. Tokens never live here: the bearer token is
// read from SIGHTLINE_PROMETHEUS_TOKEN / SIGHTLINE_GRAFANA_TOKEN, a basic-auth password from
// SIGHTLINE_PROMETHEUS_PASSWORD (the user name may be in the URL).
struct PrometheusSettings
{
    QString url;    // http(s)://host:9090[/prefix]; empty: not configured
    QString caFile; // "ca_file": extra CA certificates (PEM) for https
};

struct GrafanaSettings
{
    QString url; // http(s)://grafana.internal[/prefix]; empty: not configured
    int orgId = 1;
    QString caFile; // "ca_file": extra CA certificates (PEM) for https
};

// The Live Events view's sources and buffer: "live" in the profile.
//   {"redis_channels": ["events"], "redis_patterns": [], "postgres_channel": "sightline_events",
//    "poll": "auto", "poll_interval_ms": 1000, "buffer_events": 1000000, "memory_mb": 320}
struct LiveSettings
{
    enum class Poll { Auto, Always, Never }; // Auto: poll the events table whenever there is a store
    QStringList redisChannels{QStringLiteral("events")}; // SUBSCRIBE; empty with no patterns: no Redis source
    QStringList redisPatterns;                           // PSUBSCRIBE
    QString postgresChannel = QStringLiteral("sightline_events"); // LISTEN; empty: none
    Poll poll = Poll::Auto;
    int pollIntervalMs = 1000;
    qint64 bufferEvents = 1000000; // the ring's event capacity
    qint64 memoryMb = 320;         // the ring's memory cap
};

struct WorkspaceProfile
{
    QString name;
    QString filePath;    // where it was read from; empty for the demo
    QString postgresUrl; // postgresql://…
    QString sqlitePath;  // a SQLite file holding the same tables
    QString filesRoot;   // <root>/outputs, <root>/logs
    RedisSettings redis;
    S3Settings s3;
    QString memoryUrl;    // the storage service: http(s)://host:port
    QString memoryCaFile; // sources.memory.ca_file: extra CA certificates (PEM) for https
    PrometheusSettings prometheus;
    GrafanaSettings grafana;
    DrilldownSettings drilldownSettings; // "drilldown", parsed (defaults when absent)
    LiveSettings live;                   // "live", parsed (defaults when absent)
    int timeoutSeconds = 10; // "timeout_seconds" at the top of "sources": a server that never answers
    QJsonObject sources;     // every source as written, for later capabilities
    QJsonObject drilldown;
    SchemaNames schema;
    bool demo = false;
    QJsonObject document;     // the whole file as read: what the connection dialog edits and saves
    QStringList warnings;     // "profile.json:7:5: unknown key \"sslmod\" in sources.postgres (ignored)"
    WorkspaceSecrets secrets; // resolved at run time (keychain, environment, prompt); never written

    bool hasRelationalStore() const { return !postgresUrl.isEmpty() || !sqlitePath.isEmpty(); }
};

struct ProfileError
{
    QString file;
    int line = 0;   // 1-based; 0 when the error is not at one place
    int column = 0; // 1-based
    QString message;

    QString toString() const; // "profile.json:3:14: missing ',' …"
};

struct ProfileParseResult
{
    std::optional<WorkspaceProfile> profile;
    ProfileError error;
};

// Reads a workspace profile. Relative paths in it resolve against the file's folder.
ProfileParseResult parseWorkspaceProfile(const QByteArray &json, const QString &filePath);
ProfileParseResult loadWorkspaceProfile(const QString &filePath);

// The profile document as a file: indented JSON, keys in a stable order. Holds no secret (the
// document never does: secrets live in WorkspaceProfile::secrets only).
QByteArray workspaceProfileJson(const QJsonObject &document);
// Checks `document` as parseWorkspaceProfile would (errors name the key), then writes it atomically
// (QSaveFile) to `filePath`. Empty error: written.
QString saveWorkspaceProfile(const QJsonObject &document, const QString &filePath);

} // namespace Sightline
