#pragma once

// For the secret-store tests: wait for one asynchronous SecretStore call, and reach the keychain
// directly with QtKeychain (what another program, seahorse or secret-tool, does behind Sightline's back).

#include "sources/secrets/secretstore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <optional>

namespace Sightline::TestSupport {

// Runs one asynchronous store call and waits (at most 30 s) for its answer.
template<typename Start>
std::optional<SecretStore::Result> await(Start start)
{
    std::optional<SecretStore::Result> result;
    QEventLoop loop;
    start([&](const SecretStore::Result &r) {
        result = r;
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

// A QtKeychain job straight to the keychain, past SecretStore: what another program does.
inline QKeychain::Error rawJob(QKeychain::Job *job, QString *value = nullptr)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    if (value)
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            *value = read->textData();
    const QKeychain::Error error = job->error();
    delete job;
    return error;
}

inline QKeychain::Error rawRead(const QString &key, QString *value = nullptr)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(SecretKeychainService));
    job->setKey(key);
    return rawJob(job, value);
}

inline QKeychain::Error rawWrite(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(SecretKeychainService));
    job->setKey(key);
    job->setTextData(value);
    return rawJob(job);
}

inline QKeychain::Error rawDelete(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(SecretKeychainService));
    job->setKey(key);
    return rawJob(job);
}

} // namespace Sightline::TestSupport
