// The secret store against a real keychain: gnome-keyring's Secret Service on a private D-Bus
// session bus that scripts/lib/keychain.sh starts (SIGHTLINE_TEST_KEYCHAIN=1). Without it the
// keychain cases skip (fail on CI); memory-only mode, "no keychain here" and the JSON encodings run
// everywhere.
//
// "No keychain" runs in a child process of this test: GLib (under QtKeychain's libsecret backend)
// keeps the first session-bus connection for the life of the process, so the bus address has to be
// wrong before the first keychain call, not changed half-way through.

#include "secretstoretestsupport.h"
#include "serverskip.h"
#include "sources/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Sightline;
using Status = SecretStore::Result::Status;
using namespace Sightline::TestSupport;

namespace {

const char *ChildVariable = "SIGHTLINE_SECRETSTORE_CHILD";

// Every line the store logs, to prove that no value is ever in one and which keys were read.
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QLatin1String(context.category).startsWith("sightline.secrets"_L1))
        capturedLog.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

// The child: tries the keychain where there is none, prints one line per answer, and shows that the
// memory-only choice then works. Lines: "<operation> <status number> <message>".
int runUnavailableChild()
{
    QStandardPaths::setTestModeEnabled(true);
    SecretStore store;
    auto print = [](const char *operation, const SecretStore::Result &result) {
        std::printf("%s %d %s\n", operation, int(result.status), qPrintable(result.message));
    };
    const auto read = await([&](auto done) { store.read(u"tst-unavailable/postgres"_s, done); });
    const auto write =
        await([&](auto done) { store.write(u"tst-unavailable/postgres"_s, u"unused-pw"_s, done); });
    if (!read || !write)
        return 3;
    print("read", *read);
    print("write", *write);
    std::optional<bool> available;
    QString probeMessage;
    QEventLoop loop;
    store.probe([&](bool ok, const QString &message) {
        available = ok;
        probeMessage = message;
        loop.quit();
    });
    if (!available)
        loop.exec();
    std::printf("probe %d %s\n", int(*available), qPrintable(probeMessage));
    store.setMemoryOnly(true);
    const auto memoryWrite =
        await([&](auto done) { store.write(u"tst-unavailable/redis"_s, u"kept-pw"_s, done); });
    const auto memoryRead = await([&](auto done) { store.read(u"tst-unavailable/redis"_s, done); });
    if (!memoryWrite || !memoryRead)
        return 3;
    print("memory-write", *memoryWrite);
    std::printf("memory-read %d %s\n", int(memoryRead->status),
                memoryRead->value == u"kept-pw"_s ? "same-value" : "other-value");
    std::fflush(stdout);
    return 0;
}

// The child for a bus that accepts the connection and never answers: the store gives up after its
// timeout instead of leaving the caller waiting for ever.
int runSilentChild()
{
    SecretStore store;
    store.setTimeoutMs(1500);
    const auto read = await([&](auto done) { store.read(u"tst-silent/postgres"_s, done); });
    if (!read)
        return 3;
    std::printf("read %d %s\n", int(read->status), qPrintable(read->message));
    std::fflush(stdout);
    // QtKeychain's job is still waiting on the bus: leave without waiting for it.
    std::_Exit(0);
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    QString m_workspace; // unique per run: several runs may share one keychain
    QStringList m_written;

    bool haveKeychain() const { return qEnvironmentVariable("SIGHTLINE_TEST_KEYCHAIN") == u"1"_s; }
    QString key(const QString &suffix)
    {
        const QString k = m_workspace + u'/' + suffix;
        m_written.append(k);
        return k;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationDomain(u"sightline.dev"_s);
        QCoreApplication::setApplicationName(u"tst_secretstore"_s);
        QSettings().remove(u"secrets"_s);
        m_workspace = u"tst-secretstore-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
        QLoggingCategory::setFilterRules(u"sightline.secrets.debug=true"_s);
        previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase()
    {
        if (haveKeychain()) {
            for (const QString &k : std::as_const(m_written))
                rawDelete(k);
        }
        QSettings().remove(u"secrets"_s);
        qInstallMessageHandler(previousHandler);
    }

    void init()
    {
        SecretStore::instance()->setMemoryOnly(false);
        for (const char *name :
             {"PGPASSWORD", "REDISCLI_AUTH", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
              "AWS_SESSION_TOKEN", "SIGHTLINE_PROMETHEUS_TOKEN", "SIGHTLINE_PROMETHEUS_PASSWORD",
              "SIGHTLINE_GRAFANA_TOKEN", "SIGHTLINE_MEMORY_TOKEN"})
            qunsetenv(name);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("ascii") << u"s3cret-Passw0rd!"_s;
        QTest::newRow("unicode") << u"pässwörd \u5bc6\u7801 \U0001F511 \"quoted\" \\ back"_s;
        QString large;
        while (large.size() < 64 * 1024)
            large += u"0123456789abcdef\u00e9\u5bc6\U0001F511"_s;
        large.truncate(64 * 1024);
        QTest::newRow("64 KB") << large;
    }
    void roundTrip()
    {
        if (!haveKeychain())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_KEYCHAIN is not set: run through scripts/test or "
                                   "scripts/lib/keychain.sh");
        QFETCH(QString, value);
        SecretStore store;
        const QString k = key(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));

        const auto written = await([&](auto done) { store.write(k, value, done); });
        QVERIFY(written);
        QCOMPARE(written->status, Status::Found);
        QVERIFY(written->value.isEmpty());
        QVERIFY(QSettings().value(SecretStore::storedFlagKey(k)).toBool());
        // Really in the keychain, not only in the store.
        QString raw;
        QCOMPARE(rawRead(k, &raw), QKeychain::NoError);
        QCOMPARE(raw, value);

        const auto read = await([&](auto done) { store.read(k, done); });
        QVERIFY(read);
        QCOMPARE(read->status, Status::Found);
        QCOMPARE(read->value.size(), value.size());
        QCOMPARE(read->value, value);

        const auto removed = await([&](auto done) { store.remove(k, done); });
        QVERIFY(removed);
        QCOMPARE(removed->status, Status::NotFound);
        QVERIFY(!QSettings().contains(SecretStore::storedFlagKey(k)));
        QCOMPARE(rawRead(k), QKeychain::EntryNotFound);

        // Removed through Sightline: simply not there, not "gone".
        const auto again = await([&](auto done) { store.read(k, done); });
        QVERIFY(again);
        QCOMPARE(again->status, Status::NotFound);
        QVERIFY(again->message.isEmpty());
    }

    void neverStoredIsNotFound()
    {
        if (!haveKeychain())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_KEYCHAIN is not set: run through scripts/test or "
                                   "scripts/lib/keychain.sh");
        SecretStore store;
        const auto read = await([&](auto done) { store.read(key(u"never"_s), done); });
        QVERIFY(read);
        QCOMPARE(read->status, Status::NotFound);
        std::optional<bool> available;
        store.probe([&](bool ok, const QString &) { available = ok; });
        QTRY_VERIFY(available.has_value());
        QVERIFY(*available);
    }

    void deletedBehindOurBackIsGone()
    {
        if (!haveKeychain())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_KEYCHAIN is not set: run through scripts/test or "
                                   "scripts/lib/keychain.sh");
        SecretStore store;
        const QString k = key(u"postgres"_s);
        const auto written = await([&](auto done) { store.write(k, u"gone-soon-pw"_s, done); });
        QVERIFY(written);
        QCOMPARE(written->status, Status::Found);

        // Another program (seahorse, secret-tool) deletes it.
        QCOMPARE(rawDelete(k), QKeychain::NoError);

        const auto read = await([&](auto done) { store.read(k, done); });
        QVERIFY(read);
        QCOMPARE(read->status, Status::Gone);
        QVERIFY(read->value.isEmpty());
        QVERIFY2(read->message.contains(k) && read->message.contains(u"gone"_s), qPrintable(read->message));
        QVERIFY(!read->message.contains(u"gone-soon-pw"_s));
    }

    void memoryOnlyNeverTouchesTheKeychain()
    {
        SecretStore store;
        store.setMemoryOnly(true);
        QVERIFY(store.memoryOnly());
        const QString k = key(u"memory-only"_s);
        std::optional<SecretStore::Result> early;
        store.write(k, u"memory-pw"_s, [&](const SecretStore::Result &r) { early = r; });
        QVERIFY2(!early, "the callback must come later, not from within write()");
        QTRY_VERIFY(early.has_value());
        QCOMPARE(early->status, Status::Found);

        const auto read = await([&](auto done) { store.read(k, done); });
        QVERIFY(read);
        QCOMPARE(read->status, Status::Found);
        QCOMPARE(read->value, u"memory-pw"_s);
        QVERIFY(!QSettings().contains(SecretStore::storedFlagKey(k)));

        // Another store (another process) does not see it: it lives in this object only.
        SecretStore other;
        other.setMemoryOnly(true);
        const auto elsewhere = await([&](auto done) { other.read(k, done); });
        QVERIFY(elsewhere);
        QCOMPARE(elsewhere->status, Status::NotFound);

        const auto removed = await([&](auto done) { store.remove(k, done); });
        QVERIFY(removed);
        const auto afterRemove = await([&](auto done) { store.read(k, done); });
        QVERIFY(afterRemove);
        QCOMPARE(afterRemove->status, Status::NotFound);

        if (!haveKeychain())
            return; // the rest looks into the keychain itself
        QCOMPARE(rawRead(k), QKeychain::EntryNotFound);
        // An entry that is in the keychain is not read in memory-only mode either.
        const QString inKeychain = key(u"in-keychain"_s);
        QCOMPARE(rawWrite(inKeychain, u"keychain-pw"_s), QKeychain::NoError);
        const auto notRead = await([&](auto done) { store.read(inKeychain, done); });
        QVERIFY(notRead);
        QCOMPARE(notRead->status, Status::NotFound);
        const auto notRemoved = await([&](auto done) { store.remove(inKeychain, done); });
        QVERIFY(notRemoved);
        QString raw;
        QCOMPARE(rawRead(inKeychain, &raw), QKeychain::NoError);
        QCOMPARE(raw, u"keychain-pw"_s);
    }

    void keychainUnavailable_data()
    {
        QTest::addColumn<bool>("deadSocket");
        QTest::newRow("bus address to a dead socket") << true;
        QTest::newRow("no bus address, no display") << false;
    }
    void keychainUnavailable()
    {
        QFETCH(bool, deadSocket);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(ChildVariable), u"unavailable"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        if (deadSocket)
            environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + dir.filePath(u"no-bus"_s));
        else
            environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        // Not a desktop whose keychain is KWallet: the Secret Service path is the one under test.
        environment.remove(u"XDG_CURRENT_DESKTOP"_s);
        environment.insert(u"HOME"_s, dir.path());
        environment.insert(u"XDG_RUNTIME_DIR"_s, dir.path());

        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        const QString errors = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(output + errors));

        QHash<QString, QPair<int, QString>> answers;
        for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(u' ');
            QVERIFY2(parts.size() >= 2, qPrintable(line));
            answers.insert(parts.at(0), {parts.at(1).toInt(), parts.mid(2).join(u' ')});
        }
        const QString expected = u"No keychain is available (no D-Bus session bus): "_s;
        for (const char *operation : {"read", "write"}) {
            const auto answer = answers.value(QString::fromLatin1(operation));
            QVERIFY2(answer.first == int(Status::KeychainUnavailable), qPrintable(output + errors));
            QVERIFY2(answer.second.startsWith(expected) && answer.second.size() > expected.size() + 3,
                     qPrintable(answer.second));
        }
        QCOMPARE(answers.value(u"probe"_s).first, 0);
        QVERIFY2(answers.value(u"probe"_s).second.startsWith(expected), qPrintable(output));
        // The user's choice then: memory only until quit.
        QCOMPARE(answers.value(u"memory-write"_s).first, int(Status::Found));
        QCOMPARE(answers.value(u"memory-read"_s), qMakePair(int(Status::Found), u"same-value"_s));
        QVERIFY(!output.contains(u"unused-pw"_s) && !errors.contains(u"unused-pw"_s));
        QVERIFY(!output.contains(u"kept-pw"_s) && !errors.contains(u"kept-pw"_s));
    }

    void keychainNeverAnswers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QLocalServer silent; // a "bus" that takes the connection and says nothing
        QList<QLocalSocket *> held;
        connect(&silent, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        QVERIFY(silent.listen(dir.filePath(u"silent-bus"_s)));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(ChildVariable), u"silent"_s);
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + silent.fullServerName());
        environment.remove(u"XDG_CURRENT_DESKTOP"_s);
        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 30000);
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(child.exitCode() == 0, qPrintable(output + QString::fromUtf8(child.readAllStandardError())));
        QVERIFY2(!held.isEmpty(), "the child never reached the silent bus");
        QVERIFY2(output.startsWith(u"read %1 "_s.arg(int(Status::Failed))), qPrintable(output));
        QVERIFY2(output.contains(u"did not answer within 1.5 s"_s), qPrintable(output));
    }

    void encodings_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("readable");
        QTest::newRow("s3 two parts")
            << int(SecretSource::S3)
            << u"{\"access_key_id\":\"AKIDEXAMPLE\",\"secret_access_key\":\"wJalr/K7+=\"}"_s << true;
        QTest::newRow("s3 with session token")
            << int(SecretSource::S3)
            << u"{\"access_key_id\":\"AKID\",\"secret_access_key\":\"sk\",\"session_token\":\"tok\u00e9\"}"_s
            << true;
        QTest::newRow("s3 missing secret")
            << int(SecretSource::S3) << u"{\"access_key_id\":\"AKID\"}"_s << false;
        QTest::newRow("s3 not json") << int(SecretSource::S3) << u"AKID:secret"_s << false;
        QTest::newRow("prometheus bearer") << int(SecretSource::Prometheus) << u"bearer-\u5bc6"_s << true;
        QTest::newRow("prometheus basic auth")
            << int(SecretSource::Prometheus) << u"{\"password\":\"basic-pw\"}"_s << true;
        QTest::newRow("prometheus empty password")
            << int(SecretSource::Prometheus) << u"{\"password\":\"\"}"_s << false;
        QTest::newRow("postgres") << int(SecretSource::Postgres) << u"{not json, a password}"_s << true;
    }
    void encodings()
    {
        QFETCH(int, source);
        QFETCH(QString, stored);
        QFETCH(bool, readable);
        const auto s = SecretSource(source);
        WorkspaceSecrets decoded;
        QCOMPARE(decodeKeychainSecret(s, stored, decoded), readable);
        if (!readable)
            return;
        QVERIFY(hasSecret(s, decoded));
        const QString encoded = encodeKeychainSecret(s, decoded);
        if (stored.startsWith(u'{') && s != SecretSource::Postgres)
            QCOMPARE(QJsonDocument::fromJson(encoded.toUtf8()).object(),
                     QJsonDocument::fromJson(stored.toUtf8()).object());
        else
            QCOMPARE(encoded, stored);
        WorkspaceSecrets again;
        QVERIFY(decodeKeychainSecret(s, encoded, again));
        QCOMPARE(again.values(), decoded.values());
    }

    void configuredSources()
    {
        WorkspaceProfile profile;
        QVERIFY(configuredSecretSources(profile).isEmpty());
        profile.postgresUrl = u"postgresql://reader@db/x"_s;
        profile.prometheus.url = u"http://prom:9090"_s;
        profile.memoryUrl = u"http://storage:8082"_s;
        const QList<SecretSource> expected{SecretSource::Postgres, SecretSource::Prometheus,
                                           SecretSource::Memory};
        QCOMPARE(configuredSecretSources(profile), expected);
        profile.redis.url = u"redis://h/0"_s;
        profile.s3.endpoint = u"http://s3"_s;
        profile.grafana.url = u"http://grafana"_s;
        QCOMPARE(configuredSecretSources(profile).size(), 6);
    }

    // Environment first, then the keychain; unconfigured sources are not looked up at all. Memory-only
    // mode stands in for the keychain here, so this runs everywhere; the next test uses the real one.
    void resolveInMemory()
    {
        SecretStore *store = SecretStore::instance();
        store->setMemoryOnly(true);
        const QString ws = m_workspace + u"-memory"_s;
        QVERIFY(await([&](auto done) { store->write(ws + u"/postgres"_s, u"pg-from-memory"_s, done); }));
        QVERIFY(await([&](auto done) { store->write(ws + u"/redis"_s, u"redis-from-memory"_s, done); }));
        QVERIFY(await([&](auto done) { store->write(ws + u"/grafana"_s, u"grafana-unconfigured"_s, done); }));
        qputenv("PGPASSWORD", "pg-from-env");
        qputenv("SIGHTLINE_GRAFANA_TOKEN", "grafana-env-unconfigured");

        WorkspaceProfile profile;
        profile.name = ws;
        profile.postgresUrl = u"postgresql://reader@db/x"_s;
        profile.redis.url = u"redis://cache/0"_s;
        profile.prometheus.url = u"http://prom:9090"_s;   // configured, nowhere to be found
        profile.secrets.memoryToken = u"already-there"_s; // kept
        capturedLog.clear();
        const SecretResolution resolution = resolveWorkspaceSecretsNow(profile);
        QCOMPARE(resolution.secrets.postgresPassword, u"pg-from-env"_s);
        QCOMPARE(resolution.secrets.redisPassword, u"redis-from-memory"_s);
        QVERIFY(resolution.secrets.prometheusToken.isEmpty());
        QVERIFY(resolution.secrets.grafanaToken.isEmpty());
        QCOMPARE(resolution.secrets.memoryToken, u"already-there"_s);
        QVERIFY(resolution.gone.isEmpty());
        QVERIFY(!resolution.keychainUnavailable);
        QVERIFY(resolution.failures.isEmpty());

        const QString log = capturedLog.join(u'\n');
        QVERIFY2(log.contains(ws + u"/redis"_s) && log.contains(ws + u"/prometheus"_s), qPrintable(log));
        QVERIFY2(!log.contains(ws + u"/grafana"_s), "an unconfigured source was looked up");
        QVERIFY2(!log.contains(ws + u"/postgres"_s), "the environment had it: no keychain lookup");
        for (const char *value : {"pg-from-memory", "redis-from-memory", "pg-from-env", "already-there"})
            QVERIFY2(!log.contains(QLatin1String(value)), value);

        WorkspaceProfile applied = profile;
        applySecrets(applied, resolution);
        QCOMPARE(applied.secrets.redisPassword, u"redis-from-memory"_s);
        QCOMPARE(applied.secrets.memoryToken, u"already-there"_s);
    }

    void resolveFromKeychain()
    {
        if (!haveKeychain())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_KEYCHAIN is not set: run through scripts/test or "
                                   "scripts/lib/keychain.sh");
        WorkspaceSecrets s3;
        s3.s3AccessKeyId = u"AKID-keychain"_s;
        s3.s3SecretAccessKey = u"s3-secret-keychain"_s;
        QCOMPARE(rawWrite(key(u"postgres"_s), u"pg-from-keychain"_s), QKeychain::NoError);
        QCOMPARE(rawWrite(key(u"redis"_s), u"redis-from-keychain"_s), QKeychain::NoError);
        QCOMPARE(rawWrite(key(u"s3"_s), encodeKeychainSecret(SecretSource::S3, s3)), QKeychain::NoError);
        QCOMPARE(rawWrite(key(u"prometheus"_s), u"{\"password\":\"prom-basic-pw\"}"_s), QKeychain::NoError);
        QCOMPARE(rawWrite(key(u"memory"_s), u"{broken json"_s), QKeychain::NoError); // a bare token: fine
        QCOMPARE(rawWrite(key(u"grafana"_s), u"grafana-unconfigured"_s), QKeychain::NoError);
        qputenv("REDISCLI_AUTH", "redis-from-env");

        // A stored-then-deleted entry is reported as gone.
        SecretStore *store = SecretStore::instance();
        const QString goneKey = m_workspace + u"-gone/postgres"_s;
        m_written.append(goneKey);
        const auto written = await([&](auto done) { store->write(goneKey, u"pg-gone"_s, done); });
        QVERIFY(written && written->status == Status::Found);
        QCOMPARE(rawDelete(goneKey), QKeychain::NoError);

        WorkspaceProfile profile;
        profile.name = m_workspace;
        profile.postgresUrl = u"postgresql://reader@db/x"_s;
        profile.redis.url = u"redis://cache/0"_s;
        profile.s3.endpoint = u"http://s3"_s;
        profile.prometheus.url = u"http://prom:9090"_s;
        profile.memoryUrl = u"http://storage:8082"_s;
        capturedLog.clear();
        const SecretResolution resolution = resolveWorkspaceSecretsNow(profile);
        QCOMPARE(resolution.secrets.postgresPassword, u"pg-from-keychain"_s);
        QCOMPARE(resolution.secrets.redisPassword, u"redis-from-env"_s); // the environment wins
        QCOMPARE(resolution.secrets.s3AccessKeyId, u"AKID-keychain"_s);
        QCOMPARE(resolution.secrets.s3SecretAccessKey, u"s3-secret-keychain"_s);
        QCOMPARE(resolution.secrets.prometheusPassword, u"prom-basic-pw"_s);
        QVERIFY(resolution.secrets.prometheusToken.isEmpty());
        QCOMPARE(resolution.secrets.memoryToken, u"{broken json"_s);
        QVERIFY(resolution.secrets.grafanaToken.isEmpty()); // not configured
        QVERIFY(!resolution.keychainUnavailable);
        QVERIFY2(resolution.failures.isEmpty(), qPrintable(resolution.failures.join(u'\n')));
        const QString log = capturedLog.join(u'\n');
        QVERIFY2(!log.contains(m_workspace + u"/grafana"_s), qPrintable(log));
        QVERIFY2(!log.contains(m_workspace + u"/redis"_s), qPrintable(log));
        for (const QString &value : resolution.secrets.values())
            QVERIFY2(!log.contains(value), "a secret value reached the log");

        WorkspaceProfile goneProfile;
        goneProfile.name = m_workspace + u"-gone"_s;
        goneProfile.postgresUrl = u"postgresql://reader@db/x"_s;
        const SecretResolution gone = resolveWorkspaceSecretsNow(goneProfile);
        QCOMPARE(gone.gone, QList<SecretSource>{SecretSource::Postgres});
        QVERIFY(gone.secrets.postgresPassword.isEmpty());

        // An S3 entry that is not the JSON object is a failure with the key, not a crash or a half secret.
        QCOMPARE(rawWrite(key(u"s3"_s), u"AKID:secret"_s), QKeychain::NoError);
        WorkspaceProfile s3Only;
        s3Only.name = m_workspace;
        s3Only.s3.endpoint = u"http://s3"_s;
        const SecretResolution broken = resolveWorkspaceSecretsNow(s3Only);
        QCOMPARE(broken.failures.size(), 1);
        QVERIFY2(broken.failures.constFirst().startsWith(u"s3: "_s),
                 qPrintable(broken.failures.constFirst()));
        QVERIFY(!broken.failures.constFirst().contains(u"AKID:secret"_s));
        QVERIFY(broken.secrets.s3AccessKeyId.isEmpty());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable(ChildVariable) == u"unavailable"_s)
        return runUnavailableChild();
    if (qEnvironmentVariable(ChildVariable) == u"silent"_s)
        return runSilentChild();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
