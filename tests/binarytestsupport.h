#pragma once

// Running the real `sightline` binary from a test (SIGHTLINE_BINARY is the build's, a compile
// definition; SIGHTLINE_TEST_SIGHTLINE overrides it, e.g. with an installed one).

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QString>

namespace TestSupport {

inline QString sightlineBinary()
{
    return qEnvironmentVariable("SIGHTLINE_TEST_SIGHTLINE", QStringLiteral(SIGHTLINE_BINARY));
}

// A private HOME with its XDG folders and its own runtime folder (so the binary neither takes nor
// hands links to the user's Sightline), offscreen, English, C formats, no QT_LOGGING_RULES.
inline QProcessEnvironment privateEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    const QString runtime = home + QStringLiteral("/runtime");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

} // namespace TestSupport
