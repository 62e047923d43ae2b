#include "secretstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QThread>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Sightline {

// Keys and statuses only: a value never reaches a log line.
Q_LOGGING_CATEGORY(lcSecrets, "sightline.secrets")

namespace {

const char *statusName(SecretStore::Result::Status status)
{
    switch (status) {
    case SecretStore::Result::Status::Found:
        return "found";
    case SecretStore::Result::Status::NotFound:
        return "not found";
    case SecretStore::Result::Status::Gone:
        return "gone";
    case SecretStore::Result::Status::KeychainUnavailable:
        return "keychain unavailable";
    case SecretStore::Result::Status::Failed:
        return "failed";
    }
    return "?";
}

// The key a probe reads: one that is never written.
const QString ProbeKey = u"sightline-keychain-probe"_s;

// Whether a QtKeychain error means "there is no keychain here" rather than "the keychain said no".
// On Linux QtKeychain talks to the Secret Service over the D-Bus session bus (through libsecret or
// directly); without a bus GLib/QtDBus answer OtherError with their own words, e.g.
// "Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: No such file or directory",
// or, with a bus but no keyring daemon, "The name org.freedesktop.secrets was not provided by any
// .service files".
bool meansNoKeychain(QKeychain::Error error, const QString &message)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
#endif
    for (const auto *marker : {"D-Bus", "DBus", "dbus", "autolaunch", "org.freedesktop.secrets",
                               "Could not connect", "Failed to connect", "Connection refused",
                               "No such file or directory", "ServiceUnknown", "not provided by any"}) {
        if (message.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

} // namespace

struct SecretStore::Private
{
    bool memoryOnly = false;
    QHash<QString, QString> memory; // memory-only values: never written anywhere
    int timeoutMs = 20000;

    enum class ProbeState { Unknown, Running, Available, Unavailable };
    ProbeState probeState = ProbeState::Unknown;
    QString probeMessage;
    QList<std::function<void(bool, const QString &)>> probeWaiters;

    void clearMemory()
    {
        // Best effort: overwrite the characters before letting the strings go.
        for (auto it = memory.begin(); it != memory.end(); ++it)
            it.value().fill(u'\0');
        memory.clear();
    }
};

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, [this] { d->clearMemory(); });
}

SecretStore::~SecretStore()
{
    d->clearMemory();
}

SecretStore *SecretStore::instance()
{
    static QPointer<SecretStore> store;
    if (!store) {
        auto *app = QCoreApplication::instance();
        const bool onAppThread = app && app->thread() == QThread::currentThread();
        store = new SecretStore(onAppThread ? app : nullptr);
    }
    return store;
}

void SecretStore::setMemoryOnly(bool memoryOnly)
{
    if (d->memoryOnly == memoryOnly)
        return;
    d->memoryOnly = memoryOnly;
    qCInfo(lcSecrets) << "memory-only mode" << (memoryOnly ? "on" : "off");
}

bool SecretStore::memoryOnly() const
{
    return d->memoryOnly;
}

int SecretStore::timeoutMs() const
{
    return d->timeoutMs;
}

void SecretStore::setTimeoutMs(int milliseconds)
{
    d->timeoutMs = qMax(1, milliseconds);
}

QString SecretStore::storedFlagKey(const QString &key)
{
    return u"secrets/stored/"_s + key;
}

namespace {

// Calls `done` once: with the job's answer, or with Failed when the keychain has not answered in
// `timeoutMs` (QtKeychain jobs cannot be cancelled; a late answer is dropped).
struct OnceGuard
{
    bool called = false;
};

} // namespace

// `late` runs when the job finishes after the timeout has answered: the keychain's state still
// changed (a write that waited for an unlock prompt did store), so its bookkeeping must follow.
static void startJob(SecretStore *store, QKeychain::Job *job, int timeoutMs, const QString &key,
                     const char *operation, std::function<void(QKeychain::Job *)> finished,
                     SecretStore::Callback done, std::function<void(QKeychain::Job *)> late = {})
{
    auto guard = std::make_shared<OnceGuard>();
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, store,
                     [guard, finished, late, key, operation](QKeychain::Job *j) {
                         if (guard->called) {
                             qCInfo(lcSecrets) << operation << key << "finished after its timeout, error"
                                               << int(j->error());
                             if (late)
                                 late(j);
                             return;
                         }
                         guard->called = true;
                         finished(j);
                     });
    QTimer::singleShot(timeoutMs, store, [guard, done, key, operation, timeoutMs] {
        if (guard->called)
            return;
        guard->called = true;
        qCWarning(lcSecrets) << operation << key << "timed out";
        SecretStore::Result result;
        result.status = SecretStore::Result::Status::Failed;
        result.message = SecretStore::tr("The keychain did not answer within %1 s (is it locked, waiting "
                                         "for a password prompt?).")
                             .arg(timeoutMs / 1000.0, 0, 'g', 3);
        done(result);
    });
    job->start();
}

// A keychain error as a Result (never KeychainUnavailable for a plain "no entry").
static SecretStore::Result errorResult(QKeychain::Error error, const QString &errorString, const QString &key,
                                       const QString &what)
{
    SecretStore::Result result;
    if (meansNoKeychain(error, errorString)) {
        result.status = SecretStore::Result::Status::KeychainUnavailable;
        if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
            result.message =
                SecretStore::tr("No keychain is available (no Secret Service on this desktop): %1")
                    .arg(errorString);
        else
            result.message =
                SecretStore::tr("No keychain is available (no D-Bus session bus): %1").arg(errorString);
        return result;
    }
    result.status = SecretStore::Result::Status::Failed;
    if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser)
        result.message = SecretStore::tr("The keychain refused to %1 \"%2\" (locked, or access denied): %3")
                             .arg(what, key, errorString);
    else
        result.message = SecretStore::tr("The keychain could not %1 \"%2\": %3").arg(what, key, errorString);
    return result;
}

static void deliver(QObject *context, const SecretStore::Callback &done, const SecretStore::Result &result)
{
    QMetaObject::invokeMethod(
        context, [done, result] { done(result); }, Qt::QueuedConnection);
}

void SecretStore::read(const QString &key, Callback done)
{
    if (d->memoryOnly) {
        Result result;
        const auto it = d->memory.constFind(key);
        if (it != d->memory.cend()) {
            result.status = Result::Status::Found;
            result.value = it.value();
        }
        qCDebug(lcSecrets) << "read (memory)" << key << statusName(result.status);
        deliver(this, done, result);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(SecretKeychainService), this);
    QPointer<SecretStore> self(this);
    const auto finished = [self, key, done](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        Result result;
        if (readJob->error() == QKeychain::NoError) {
            result.status = Result::Status::Found;
            result.value = readJob->textData();
        } else if (readJob->error() == QKeychain::EntryNotFound) {
            if (QSettings().value(storedFlagKey(key)).toBool()) {
                result.status = Result::Status::Gone;
                result.message = tr("The secret stored in the keychain as \"%1\" is gone (deleted outside "
                                    "Sightline?): enter it again.")
                                     .arg(key);
            }
        } else {
            result = errorResult(readJob->error(), readJob->errorString(), key, tr("read"));
        }
        if (self && result.status == Result::Status::KeychainUnavailable) {
            self->d->probeState = Private::ProbeState::Unavailable;
            self->d->probeMessage = result.message;
        }
        qCInfo(lcSecrets) << "read" << key << statusName(result.status);
        done(result);
    };
    startJob(this, job, d->timeoutMs, key, "read", finished, done);
}

void SecretStore::write(const QString &key, const QString &value, Callback done)
{
    if (d->memoryOnly) {
        d->memory.insert(key, value);
        qCInfo(lcSecrets) << "write (memory)" << key;
        deliver(this, done, Result{Result::Status::Found, {}, {}});
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(SecretKeychainService), this);
    job->setTextData(value);
    const auto finished = [key, done](QKeychain::Job *j) {
        Result result;
        if (j->error() == QKeychain::NoError) {
            result.status = Result::Status::Found;
            // The flag, never the value: tells a later "no entry" apart from "never stored".
            QSettings().setValue(storedFlagKey(key), true);
        } else {
            result = errorResult(j->error(), j->errorString(), key, tr("store"));
        }
        qCInfo(lcSecrets) << "write" << key << statusName(result.status);
        done(result);
    };
    const auto late = [key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            QSettings().setValue(storedFlagKey(key), true);
    };
    startJob(this, job, d->timeoutMs, key, "write", finished, done, late);
}

void SecretStore::remove(const QString &key, Callback done)
{
    if (d->memoryOnly) {
        auto it = d->memory.find(key);
        if (it != d->memory.end()) {
            it.value().fill(u'\0');
            d->memory.erase(it);
        }
        qCInfo(lcSecrets) << "remove (memory)" << key;
        deliver(this, done, Result{});
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(SecretKeychainService), this);
    const auto finished = [key, done](QKeychain::Job *j) {
        Result result;
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            QSettings().remove(storedFlagKey(key));
        else
            result = errorResult(j->error(), j->errorString(), key, tr("remove"));
        qCInfo(lcSecrets) << "remove" << key
                          << (result.status == Result::Status::NotFound ? "done" : statusName(result.status));
        done(result);
    };
    const auto late = [key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            QSettings().remove(storedFlagKey(key));
    };
    startJob(this, job, d->timeoutMs, key, "remove", finished, done, late);
}

void SecretStore::probe(const std::function<void(bool available, const QString &message)> &done)
{
    switch (d->probeState) {
    case Private::ProbeState::Available:
    case Private::ProbeState::Unavailable: {
        const bool available = d->probeState == Private::ProbeState::Available;
        const QString message = d->probeMessage;
        QMetaObject::invokeMethod(
            this, [done, available, message] { done(available, message); }, Qt::QueuedConnection);
        return;
    }
    case Private::ProbeState::Running:
        d->probeWaiters.append(done);
        return;
    case Private::ProbeState::Unknown:
        break;
    }
    d->probeState = Private::ProbeState::Running;
    d->probeWaiters.append(done);
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(SecretKeychainService), this);
    const auto answered = [this](const Result &result) {
        const bool available = result.status == Result::Status::Found ||
                               result.status == Result::Status::NotFound ||
                               result.status == Result::Status::Gone;
        d->probeState = available ? Private::ProbeState::Available : Private::ProbeState::Unavailable;
        d->probeMessage = available ? QString() : result.message;
        qCInfo(lcSecrets) << "probe:" << (available ? "keychain available" : "no keychain");
        const auto waiters = std::exchange(d->probeWaiters, {});
        for (const auto &waiter : waiters)
            waiter(available, d->probeMessage);
    };
    const auto finished = [answered](QKeychain::Job *j) {
        Result result;
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            result = errorResult(j->error(), j->errorString(), ProbeKey, tr("read"));
        answered(result);
    };
    startJob(this, job, d->timeoutMs, ProbeKey, "probe", finished, answered);
}

} // namespace Sightline
