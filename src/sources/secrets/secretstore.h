#pragma once

#include "core/workspaceprofile.h"
#include "core/workspacesecrets.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

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
    // then never touch the keychain. Memory-only values are overwritten and dropped at
    // QCoreApplication::aboutToQuit and when the store goes; nothing of them is ever written.
    void setMemoryOnly(bool memoryOnly);
    bool memoryOnly() const;

    // Whether the keychain answers at all (a read of a key that does not exist). Cached after the
    // first answer; `message` says why not.
    void probe(const std::function<void(bool available, const QString &message)> &done);

    // Each calls `done` once, later (never from within the call), on this object's thread.
    // read: Found with the value, NotFound, Gone, KeychainUnavailable or Failed.
    // write: Found on success (value left empty: the caller has it), else KeychainUnavailable/Failed.
    // remove: NotFound on success (also when there was nothing to remove), else KeychainUnavailable/Failed.
    // A keychain that does not answer within timeoutMs() (20 s; a prompt nobody sees) gives Failed.
    void read(const QString &key, Callback done);
    void write(const QString &key, const QString &value, Callback done);
    void remove(const QString &key, Callback done);

    int timeoutMs() const;
    void setTimeoutMs(int milliseconds);

    // The QSettings key of the "was stored once" flag for `key`: "secrets/stored/<key>".
    static QString storedFlagKey(const QString &key);

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

// Looks up every configured source's secret: what profile.secrets already holds, then the
// environment, then the keychain (SecretStore::instance(), memory-only mode included); calls `done`
// once, later, on `context`'s thread, with what was found (never when `context` is gone). Never blocks.
// Sources the profile does not configure are not looked up.
void resolveWorkspaceSecrets(const WorkspaceProfile &profile, QObject *context,
                             std::function<void(const SecretResolution &)> done);

// The same for headless commands (`sightline report`): spins a local QEventLoop until the lookup is
// done and returns its result. Never call it on a thread that shows windows (the GUI thread): the
// nested loop would run the GUI's events re-entrantly while waiting on the keychain. A
// QCoreApplication must exist; the keychain's own timeout (SecretStore::timeoutMs) bounds the wait.
SecretResolution resolveWorkspaceSecretsNow(const WorkspaceProfile &profile);

// Puts what `resolution` found into `profile.secrets`; fields it did not find are left as they were.
void applySecrets(WorkspaceProfile &profile, const SecretResolution &resolution);

} // namespace Sightline
