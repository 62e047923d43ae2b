#pragma once

#include <QString>
#include <QStringList>

namespace Sightline {

// The secrets a workspace's sources need, resolved at run time and held in memory only. They never
// reach the profile file, QSettings, logs, reports, screenshots or crash output.
//
// Where each comes from, first found wins:
//   1. the source's URL itself (a password written into a URL is honoured, but discouraged);
//   2. the environment, for headless use and CI (the usual variables, see secretEnvironmentNames);
//   3. the OS keychain: service "Sightline", key "<workspace>/<source>" (secretKeychainKey);
//   4. asked for in the GUI, kept in the keychain or, when there is none, in memory until quit.
// An empty field means "none found": the client then connects without one.
enum class SecretSource { Postgres, Redis, S3, Prometheus, Grafana, Memory };

struct WorkspaceSecrets
{
    QString postgresPassword;   // "<ws>/postgres"    PGPASSWORD
    QString redisPassword;      // "<ws>/redis"       REDISCLI_AUTH
    QString s3AccessKeyId;      // "<ws>/s3"          AWS_ACCESS_KEY_ID
    QString s3SecretAccessKey;  //                    AWS_SECRET_ACCESS_KEY
    QString s3SessionToken;     //                    AWS_SESSION_TOKEN (optional)
    QString prometheusToken;    // "<ws>/prometheus"  SIGHTLINE_PROMETHEUS_TOKEN (bearer)
    QString prometheusPassword; //                    SIGHTLINE_PROMETHEUS_PASSWORD (basic auth)
    QString grafanaToken;       // "<ws>/grafana"     SIGHTLINE_GRAFANA_TOKEN (bearer)
    QString memoryToken;        // "<ws>/memory"      SIGHTLINE_MEMORY_TOKEN (bearer)

    // Every non-empty secret value, for redaction and the leak test.
    QStringList values() const;
};

// "postgres", "redis", "s3", "prometheus", "grafana", "memory": the profile's source names.
QString secretSourceName(SecretSource source);
// "<workspace>/<source>": the key under the keychain service "Sightline".
QString secretKeychainKey(const QString &workspaceName, SecretSource source);
inline constexpr const char *SecretKeychainService = "Sightline";
// The environment variables that supply `source`'s secret, in the order above.
QStringList secretEnvironmentNames(SecretSource source);

// The keychain holds one string per source. For S3 (two or three parts) it is a small JSON
// object {"access_key_id": …, "secret_access_key": …, "session_token": …}; for Prometheus a bare
// string is a bearer token and {"password": …} a basic-auth password. The others are a bare string.
QString encodeKeychainSecret(SecretSource source, const WorkspaceSecrets &secrets);
// Sets `source`'s fields of `secrets` from a keychain string; false when it cannot be read as one.
bool decodeKeychainSecret(SecretSource source, const QString &stored, WorkspaceSecrets &secrets);
// Sets `source`'s fields from the environment where they are still empty; true if any was set.
bool fillSecretsFromEnvironment(SecretSource source, WorkspaceSecrets &secrets);
// True when `secrets` holds something for `source`.
bool hasSecret(SecretSource source, const WorkspaceSecrets &secrets);

} // namespace Sightline
