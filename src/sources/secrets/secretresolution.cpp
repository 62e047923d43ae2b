#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

QList<SecretSource> configuredSecretSources(const WorkspaceProfile &profile)
{
    QList<SecretSource> sources;
    if (!profile.postgresUrl.isEmpty())
        sources.append(SecretSource::Postgres);
    if (!profile.redis.url.isEmpty())
        sources.append(SecretSource::Redis);
    if (!profile.s3.endpoint.isEmpty())
        sources.append(SecretSource::S3);
    if (!profile.prometheus.url.isEmpty())
        sources.append(SecretSource::Prometheus);
    if (!profile.grafana.url.isEmpty())
        sources.append(SecretSource::Grafana);
    if (!profile.memoryUrl.isEmpty())
        sources.append(SecretSource::Memory);
    return sources;
}

namespace {

// One resolution in flight: reads the keychain for the sources still without a secret, one after
// the other (a handful at most), and stops asking once the keychain turned out to be unavailable.
struct Resolution
{
    QString workspace;
    QList<SecretSource> pending;
    SecretResolution result;
    QPointer<QObject> context;
    std::function<void(const SecretResolution &)> done;
};

void finish(const std::shared_ptr<Resolution> &resolution)
{
    const QPointer<QObject> context = resolution->context;
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(),
        [resolution] {
            if (resolution->context)
                resolution->done(resolution->result);
        },
        Qt::QueuedConnection);
}

void readNext(const std::shared_ptr<Resolution> &resolution)
{
    if (resolution->pending.isEmpty() || resolution->result.keychainUnavailable) {
        finish(resolution);
        return;
    }
    const SecretSource source = resolution->pending.takeFirst();
    const QString key = secretKeychainKey(resolution->workspace, source);
    SecretStore::instance()->read(key, [resolution, source, key](const SecretStore::Result &found) {
        SecretResolution &result = resolution->result;
        switch (found.status) {
        case SecretStore::Result::Status::Found:
            if (!decodeKeychainSecret(source, found.value, result.secrets))
                result.failures.append(
                    secretSourceName(source) + u": "_s +
                    SecretStore::tr("the keychain entry \"%1\" is not a secret Sightline can read").arg(key));
            break;
        case SecretStore::Result::Status::NotFound:
            break;
        case SecretStore::Result::Status::Gone:
            result.gone.append(source);
            break;
        case SecretStore::Result::Status::KeychainUnavailable:
            result.keychainUnavailable = true;
            result.keychainMessage = found.message;
            break;
        case SecretStore::Result::Status::Failed:
            result.failures.append(secretSourceName(source) + u": "_s + found.message);
            break;
        }
        readNext(resolution);
    });
}

} // namespace

void resolveWorkspaceSecrets(const WorkspaceProfile &profile, QObject *context,
                             std::function<void(const SecretResolution &)> done)
{
    auto resolution = std::make_shared<Resolution>();
    resolution->workspace = profile.name;
    resolution->context = context;
    resolution->done = std::move(done);
    resolution->result.secrets = profile.secrets;
    for (const SecretSource source : configuredSecretSources(profile)) {
        fillSecretsFromEnvironment(source, resolution->result.secrets);
        // A workspace without a name has no keychain keys (the demo needs no secret).
        if (!hasSecret(source, resolution->result.secrets) && !profile.name.isEmpty())
            resolution->pending.append(source);
    }
    qCDebug(lcSecrets) << "resolving" << profile.name << ":" << resolution->pending.size()
                       << "keychain lookups";
    if (resolution->pending.isEmpty()) {
        finish(resolution);
        return;
    }
    // The store lives on its own thread (the one that first used it): read from there.
    SecretStore *store = SecretStore::instance();
    QMetaObject::invokeMethod(
        store, [resolution] { readNext(resolution); }, Qt::QueuedConnection);
}

SecretResolution resolveWorkspaceSecretsNow(const WorkspaceProfile &profile)
{
    Q_ASSERT_X(QCoreApplication::instance(), "resolveWorkspaceSecretsNow", "needs a QCoreApplication");
    SecretResolution result;
    bool finished = false;
    QEventLoop loop;
    QObject context;
    resolveWorkspaceSecrets(profile, &context, [&](const SecretResolution &found) {
        result = found;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

void applySecrets(WorkspaceProfile &profile, const SecretResolution &resolution)
{
    const WorkspaceSecrets &found = resolution.secrets;
    WorkspaceSecrets &secrets = profile.secrets;
    for (auto [target, value] : {std::pair{&secrets.postgresPassword, &found.postgresPassword},
                                 {&secrets.redisPassword, &found.redisPassword},
                                 {&secrets.s3AccessKeyId, &found.s3AccessKeyId},
                                 {&secrets.s3SecretAccessKey, &found.s3SecretAccessKey},
                                 {&secrets.s3SessionToken, &found.s3SessionToken},
                                 {&secrets.prometheusToken, &found.prometheusToken},
                                 {&secrets.prometheusPassword, &found.prometheusPassword},
                                 {&secrets.grafanaToken, &found.grafanaToken},
                                 {&secrets.memoryToken, &found.memoryToken}}) {
        if (!value->isEmpty())
            *target = *value;
    }
}

} // namespace Sightline
