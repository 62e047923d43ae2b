#pragma once

#include "core/workspaceprofile.h"
#include "core/workspacesecrets.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Sightline {

// The OS keychain through QtKeychain (service "Sightline", key "<workspace>/<source>"), or, when
// there is no keychain (no D-Bus session bus, no Secret Service) and the user agrees, memory only
// until Sightline quits. Every call is asynchronous: QtKeychain's jobs run on the thread of this
// object's event loop (the GUI thread in the app) and never block it. Values are never logged.
//
// Whether a secret was once stored in the keychain is remembered (in QSettings, as a flag, never the
// value), so that an entry that has since gone is told apart from one that never existed.
class SecretStore final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        enum class Status {
            Found,               // value holds the secret
            NotFound,            // no entry (and none was ever stored)
            Gone,                // an entry stored earlier is no longer there
            KeychainUnavailable, // no keychain here: message says why (e.g. "Cannot autolaunch D-Bus…")
            Failed,              // the keychain answered with another error: message
        };
        Status status = Status::NotFound;
        QString value;
        QString message; // for the user: never contains the value
    };
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // One per process (GUI or headless); created on first use on the calling thread.
    static SecretStore *instance();

    // Keep secrets in memory only (the user's choice when there is no keychain); reads and writes
    // then never touch the keychain. Memory-only values go when the process ends.
    void setMemoryOnly(bool memoryOnly);
    bool memoryOnly() const;

    // Whether the keychain answers at all (a read of a key that does not exist). Cached after the
    // first answer; `message` says why not.
    void probe(const std::function<void(bool available, const QString &message)> &done);

    void read(const QString &key, Callback done);
    void write(const QString &key, const QString &value, Callback done);
    void remove(const QString &key, Callback done);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// What resolving a profile's secrets found. Order: the URL itself (left to the client), the
// environment, then the keychain (see core/workspacesecrets.h).
struct SecretResolution
{
    WorkspaceSecrets secrets;
    QList<SecretSource> gone; // stored in the keychain once, no longer there: ask again
    bool keychainUnavailable = false;
    QString keychainMessage; // why not, for the user
    QStringList failures;    // "redis: <keychain error>"
};

// The sources `profile` configures that can take a secret (postgres url, redis url, s3 endpoint,
// prometheus url, grafana url, memory url).
QList<SecretSource> configuredSecretSources(const WorkspaceProfile &profile);

// Looks up every configured source's secret: environment first, then the keychain; calls `done`
// once, on `context`'s thread, with what was found. Never blocks.
void resolveWorkspaceSecrets(const WorkspaceProfile &profile, QObject *context,
                             std::function<void(const SecretResolution &)> done);

} // namespace Sightline
