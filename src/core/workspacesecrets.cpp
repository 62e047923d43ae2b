#include "workspacesecrets.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Sightline {

QStringList WorkspaceSecrets::values() const
{
    QStringList result;
    for (const QString *value :
         {&postgresPassword, &redisPassword, &s3AccessKeyId, &s3SecretAccessKey, &s3SessionToken,
          &prometheusToken, &prometheusPassword, &grafanaToken, &memoryToken}) {
        if (!value->isEmpty())
            result.append(*value);
    }
    return result;
}

QString secretSourceName(SecretSource source)
{
    switch (source) {
    case SecretSource::Postgres:
        return u"postgres"_s;
    case SecretSource::Redis:
        return u"redis"_s;
    case SecretSource::S3:
        return u"s3"_s;
    case SecretSource::Prometheus:
        return u"prometheus"_s;
    case SecretSource::Grafana:
        return u"grafana"_s;
    case SecretSource::Memory:
        return u"memory"_s;
    }
    return {};
}

QString secretKeychainKey(const QString &workspaceName, SecretSource source)
{
    return workspaceName + u'/' + secretSourceName(source);
}

QStringList secretEnvironmentNames(SecretSource source)
{
    switch (source) {
    case SecretSource::Postgres:
        return {u"PGPASSWORD"_s};
    case SecretSource::Redis:
        return {u"REDISCLI_AUTH"_s};
    case SecretSource::S3:
        return {u"AWS_ACCESS_KEY_ID"_s, u"AWS_SECRET_ACCESS_KEY"_s, u"AWS_SESSION_TOKEN"_s};
    case SecretSource::Prometheus:
        return {u"SIGHTLINE_PROMETHEUS_TOKEN"_s, u"SIGHTLINE_PROMETHEUS_PASSWORD"_s};
    case SecretSource::Grafana:
        return {u"SIGHTLINE_GRAFANA_TOKEN"_s};
    case SecretSource::Memory:
        return {u"SIGHTLINE_MEMORY_TOKEN"_s};
    }
    return {};
}

namespace {
// The fields of `secrets` that belong to `source`, in the order of secretEnvironmentNames.
QList<QString *> fieldsOf(SecretSource source, WorkspaceSecrets &s)
{
    switch (source) {
    case SecretSource::Postgres:
        return {&s.postgresPassword};
    case SecretSource::Redis:
        return {&s.redisPassword};
    case SecretSource::S3:
        return {&s.s3AccessKeyId, &s.s3SecretAccessKey, &s.s3SessionToken};
    case SecretSource::Prometheus:
        return {&s.prometheusToken, &s.prometheusPassword};
    case SecretSource::Grafana:
        return {&s.grafanaToken};
    case SecretSource::Memory:
        return {&s.memoryToken};
    }
    return {};
}
} // namespace

QString encodeKeychainSecret(SecretSource source, const WorkspaceSecrets &secrets)
{
    switch (source) {
    case SecretSource::S3: {
        QJsonObject object{{u"access_key_id"_s, secrets.s3AccessKeyId},
                           {u"secret_access_key"_s, secrets.s3SecretAccessKey}};
        if (!secrets.s3SessionToken.isEmpty())
            object.insert(u"session_token"_s, secrets.s3SessionToken);
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    case SecretSource::Prometheus:
        if (secrets.prometheusToken.isEmpty() && !secrets.prometheusPassword.isEmpty())
            return QString::fromUtf8(QJsonDocument(QJsonObject{{u"password"_s, secrets.prometheusPassword}})
                                         .toJson(QJsonDocument::Compact));
        return secrets.prometheusToken;
    default: {
        WorkspaceSecrets copy = secrets;
        return *fieldsOf(source, copy).constFirst();
    }
    }
}

bool decodeKeychainSecret(SecretSource source, const QString &stored, WorkspaceSecrets &secrets)
{
    if (source == SecretSource::S3) {
        const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
        const QString id = object.value(u"access_key_id"_s).toString();
        const QString key = object.value(u"secret_access_key"_s).toString();
        if (id.isEmpty() || key.isEmpty())
            return false;
        secrets.s3AccessKeyId = id;
        secrets.s3SecretAccessKey = key;
        secrets.s3SessionToken = object.value(u"session_token"_s).toString();
        return true;
    }
    if (source == SecretSource::Prometheus && stored.startsWith(u'{')) {
        const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
        const QString password = object.value(u"password"_s).toString();
        if (password.isEmpty())
            return false;
        secrets.prometheusPassword = password;
        return true;
    }
    if (stored.isEmpty())
        return false;
    *fieldsOf(source, secrets).constFirst() = stored;
    return true;
}

bool fillSecretsFromEnvironment(SecretSource source, WorkspaceSecrets &secrets)
{
    const QStringList names = secretEnvironmentNames(source);
    const QList<QString *> fields = fieldsOf(source, secrets);
    bool any = false;
    for (qsizetype i = 0; i < names.size() && i < fields.size(); ++i) {
        if (!fields.at(i)->isEmpty())
            continue;
        const QString value = qEnvironmentVariable(names.at(i).toLatin1().constData());
        if (!value.isEmpty()) {
            *fields.at(i) = value;
            any = true;
        }
    }
    return any;
}

bool hasSecret(SecretSource source, const WorkspaceSecrets &secrets)
{
    WorkspaceSecrets copy = secrets;
    const QList<QString *> fields = fieldsOf(source, copy);
    if (source == SecretSource::S3)
        return !fields.at(0)->isEmpty() && !fields.at(1)->isEmpty();
    for (const QString *field : fields) {
        if (!field->isEmpty())
            return true;
    }
    return false;
}

} // namespace Sightline
