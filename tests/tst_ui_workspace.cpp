// Workspaces in the GUI (issue 6), headless over seeded SQLite workspaces: the connection dialog
// (load, edit, save, validation, Test connection), Recent Workspaces, switching workspaces
// without a restart, the prompt for a keychain entry that has gone, and File → Export….
// Secrets go to a memory-only SecretStore, or to the test keychain when SIGHTLINE_TEST_KEYCHAIN
// is set (scripts/lib/keychain.sh). Screenshots go to $SIGHTLINE_TEST_OUTPUT_DIR.

#include "models/evaluationtablemodel.h"
#include "report/reportjob.h"
#include "screenshots.h"
#include "secretstoretestsupport.h"
#include "serverskip.h"
#include "sources/secrets/secretstore.h"
#include "storetestsupport.h"
#include "ui/connectiondialog.h"
#include "ui/connectionsourcepage.h"
#include "ui/evaluationwindow.h"
#include "ui/exportdialog.h"
#include "ui/mainwindow.h"
#include "ui/recentworkspaces.h"
#include "ui/secretprompt.h"
#include "ui/workspaceopener.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
constexpr int Timeout = 30000;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QWidget *> visibleEvaluationWindows()
{
    QList<QWidget *> found;
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets) {
        if (qobject_cast<EvaluationWindow *>(w) && w->isVisible())
            found << w;
    }
    return found;
}
} // namespace

class TestUiWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_firstDir;
    QTemporaryDir m_secondDir;
    QString m_firstProfile;  // "first": 40 evaluations
    QString m_secondProfile; // "second": 70 evaluations, an unknown key
    TestSupport::Screenshots m_shots;
    std::unique_ptr<SecretStore> m_store;
    bool m_realKeychain = false;
    QStringList m_storedSecrets; // every secret a test stored: secretsReachNoFile looks for them

    QString writeProfile(const QTemporaryDir &dir, const QString &name, const QString &sqlite,
                         const QJsonObject &extra = {})
    {
        QJsonObject root{
            {u"name"_s, name},
            {u"sources"_s, QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, sqlite}}},
                                       {u"files"_s, QJsonObject{{u"root"_s, dir.filePath(u"files"_s)}}}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            root.insert(it.key(), it.value());
        const QString path = dir.filePath(name + u".json"_s);
        if (!writeFile(path, QJsonDocument(root).toJson()))
            return {};
        return path;
    }

    // Reads `key` from the store the GUI wrote to.
    SecretStore::Result readSecret(const QString &key)
    {
        SecretStore::Result answer;
        bool done = false;
        m_store->read(key, [&](const SecretStore::Result &r) {
            answer = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, Timeout))
            answer.message = u"no answer"_s;
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Recent Workspaces and the keychain flags go to a test settings folder, emptied per run.
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QSettings::IniFormat, QSettings::UserScope, u"sightline"_s, u"sightline"_s).clear();
        QVERIFY(m_dir.isValid() && m_firstDir.isValid() && m_secondDir.isValid());
        QVERIFY(m_shots.prepare());
        m_store = std::make_unique<SecretStore>();
        m_realKeychain = qEnvironmentVariableIsSet("SIGHTLINE_TEST_KEYCHAIN");
        if (!m_realKeychain)
            m_store->setMemoryOnly(true);

        QString error;
        const QString first = TestSupport::seedSqlite(m_firstDir, 40, 11, &error);
        QVERIFY2(!first.isEmpty(), qPrintable(error));
        const QString second = TestSupport::seedSqlite(m_secondDir, 70, 12, &error);
        QVERIFY2(!second.isEmpty(), qPrintable(error));
        m_firstProfile = writeProfile(m_firstDir, u"first"_s, first);
        m_secondProfile = writeProfile(m_secondDir, u"second"_s, second, {{u"colour"_s, u"blue"_s}});
        QVERIFY(!m_firstProfile.isEmpty() && !m_secondProfile.isEmpty());
    }

    // The dialog loads a profile, edits it and saves it: the file reads back as edited, keys the
    // dialog does not show are kept, and the typed secret is in the keychain, not in the file.
    void connectionDialogSavesWhatWasEdited()
    {
        const QString path = m_dir.filePath(u"edited.json"_s);
        const QJsonObject original{
            {u"name"_s, u"lab"_s},
            {u"sources"_s,
             QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, u"lab.sqlite"_s}}},
                         {u"redis"_s, QJsonObject{{u"url"_s, u"redis://127.0.0.1:6399/0"_s}}},
                         {u"grafana"_s, QJsonObject{{u"url"_s, u"https://grafana.lab"_s}, {u"orgId"_s, 3}}},
                         {u"timeout_seconds"_s, 7}}},
            {u"schema"_s, QJsonObject{{u"evaluations"_s, u"runs"_s}}},
            {u"drilldown"_s, QJsonObject{{u"padding_seconds"_s, 30}}},
            {u"live"_s, QJsonObject{{u"poll"_s, u"never"_s}}},
        };
        QVERIFY(saveWorkspaceProfile(original, path).isEmpty());
        const ProfileParseResult loaded = loadWorkspaceProfile(path);
        QVERIFY(loaded.profile);

        ConnectionDialog dialog(loaded.profile->document, path, m_store.get());
        QSignalSpy origins(&dialog, &ConnectionDialog::secretOriginsKnown);
        QVERIFY(origins.wait(Timeout) || origins.count() == 1);
        QCOMPARE(dialog.page(u"redis"_s)->lineEdit(u"url"_s)->text(), u"redis://127.0.0.1:6399/0"_s);
        QCOMPARE(dialog.page(u"grafana"_s)->spinBox(u"orgId"_s)->value(), 3);
        QCOMPARE(dialog.findChild<QSpinBox *>(u"timeoutSpin"_s)->value(), 7);
        QVERIFY(dialog.page(u"redis"_s)->secretEdit()->echoMode() == QLineEdit::Password);
        QVERIFY(dialog.page(u"redis"_s)->secretOriginText().startsWith(u"Current: "_s));

        dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"lab-2"_s);
        dialog.page(u"redis"_s)->lineEdit(u"delimiter"_s)->setText(u"/"_s);
        dialog.page(u"s3"_s)->lineEdit(u"endpoint"_s)->setText(u"http://127.0.0.1:9000"_s);
        dialog.page(u"s3"_s)->lineEdit(u"bucket"_s)->setText(u"archive"_s);
        dialog.page(u"s3"_s)->comboBox(u"addressing"_s)->setCurrentText(u"virtual"_s);
        dialog.page(u"grafana"_s)->lineEdit(u"url"_s)->clear(); // Grafana goes
        dialog.page(u"grafana"_s)->spinBox(u"orgId"_s)->setValue(1);
        const QString secret = u"Redis-Secret-4711"_s;
        dialog.page(u"redis"_s)->secretEdit()->setText(secret);

        QSignalSpy saved(&dialog, &ConnectionDialog::saved);
        dialog.save();
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
        QCOMPARE(saved.at(0).at(0).toString(), path);
        QVERIFY(dialog.errorText().isEmpty());

        const QByteArray written = readFile(path);
        QVERIFY(!written.contains(secret.toUtf8()));
        const ProfileParseResult reread = loadWorkspaceProfile(path);
        QVERIFY2(reread.profile, qPrintable(reread.error.toString()));
        QCOMPARE(reread.profile->document, dialog.document());
        const QJsonObject doc = reread.profile->document;
        QCOMPARE(doc.value(u"name"_s).toString(), u"lab-2"_s);
        QCOMPARE(reread.profile->redis.delimiter, u"/"_s);
        QCOMPARE(reread.profile->s3.bucket, u"archive"_s);
        QVERIFY(!reread.profile->s3.pathStyle);
        QVERIFY(reread.profile->grafana.url.isEmpty());
        QVERIFY(!doc.value(u"sources"_s).toObject().contains(u"grafana"_s));
        QCOMPARE(reread.profile->timeoutSeconds, 7);
        // Not shown by the dialog, kept as they were.
        QCOMPARE(doc.value(u"schema"_s), original.value(u"schema"_s));
        QCOMPARE(doc.value(u"drilldown"_s), original.value(u"drilldown"_s));
        QCOMPARE(doc.value(u"live"_s), original.value(u"live"_s));
        QCOMPARE(doc.value(u"sources"_s).toObject().value(u"sqlite"_s),
                 original.value(u"sources"_s)[u"sqlite"_s]);

        const SecretStore::Result stored = readSecret(secretKeychainKey(u"lab-2"_s, SecretSource::Redis));
        QCOMPARE(int(stored.status), int(SecretStore::Result::Status::Found));
        WorkspaceSecrets decoded;
        QVERIFY(decodeKeychainSecret(SecretSource::Redis, stored.value, decoded));
        QCOMPARE(decoded.redisPassword, secret);
        m_storedSecrets << secret;
    }

    // Regression: a password written into a URL was shown in clear and saved back into the shared
    // profile. It moves to the masked field on load, and Save keeps it in the keychain instead.
    void connectionDialogMovesAUrlPasswordToTheKeychain_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("withoutPassword");
        QTest::addColumn<QString>("secret");
        QTest::newRow("postgres user info")
            << u"postgres"_s << u"postgresql://reader:Pg-Url-Secret-31@127.0.0.1:1/lab?sslmode=disable"_s
            << u"postgresql://reader@127.0.0.1:1/lab?sslmode=disable"_s << u"Pg-Url-Secret-31"_s;
        QTest::newRow("postgres query")
            << u"postgres"_s << u"postgresql://reader@127.0.0.1:1/lab?password=Pg-Query-33&sslmode=disable"_s
            << u"postgresql://reader@127.0.0.1:1/lab?sslmode=disable"_s << u"Pg-Query-33"_s;
        QTest::newRow("redis, no user") << u"redis"_s << u"redis://:Redis-Url-Secret-32@127.0.0.1:1/0"_s
                                        << u"redis://127.0.0.1:1/0"_s << u"Redis-Url-Secret-32"_s;
    }
    void connectionDialogMovesAUrlPasswordToTheKeychain()
    {
        QFETCH(QString, source);
        QFETCH(QString, url);
        QFETCH(QString, withoutPassword);
        QFETCH(QString, secret);
        const QString name = u"url-password-"_s + source + QString::number(m_storedSecrets.size());
        const QString path = m_dir.filePath(name + u".json"_s);
        const QJsonObject root{
            {u"name"_s, name},
            {u"sources"_s, QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, u"lab.sqlite"_s}}},
                                       {source, QJsonObject{{u"url"_s, url}}}}}};
        QVERIFY(writeFile(path, QJsonDocument(root).toJson()));
        QVERIFY(readFile(path).contains(secret.toUtf8()));
        const ProfileParseResult loaded = loadWorkspaceProfile(path);
        QVERIFY2(loaded.profile, qPrintable(loaded.error.toString()));

        ConnectionDialog dialog(loaded.profile->document, path, m_store.get());
        QSignalSpy origins(&dialog, &ConnectionDialog::secretOriginsKnown);
        QVERIFY(origins.wait(Timeout) || origins.count() == 1);
        ConnectionSourcePage *page = dialog.page(source);
        QCOMPARE(page->lineEdit(u"url"_s)->text(), withoutPassword);
        QCOMPARE(page->secretEdit()->text(), secret);
        QVERIFY(page->secretEdit()->echoMode() == QLineEdit::Password);
        QVERIFY2(page->secretOriginText().contains(u"URL"_s), qPrintable(page->secretOriginText()));

        QSignalSpy saved(&dialog, &ConnectionDialog::saved);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        const QByteArray written = readFile(path);
        QVERIFY(!written.isEmpty());
        QVERIFY2(!written.contains(secret.toUtf8()), written.constData());
        QCOMPARE(
            loadWorkspaceProfile(path).profile->document.value(u"sources"_s)[source][u"url"_s].toString(),
            withoutPassword);
        const SecretSource secretSource = source == u"redis"_s ? SecretSource::Redis : SecretSource::Postgres;
        const SecretStore::Result stored = readSecret(secretKeychainKey(name, secretSource));
        QCOMPARE(int(stored.status), int(SecretStore::Result::Status::Found));
        QCOMPARE(stored.value, secret);
        m_storedSecrets << secret;

        // A password typed into the URL field later goes the same way.
        page->secretEdit()->clear();
        page->lineEdit(u"url"_s)->setText(url);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, Timeout);
        QVERIFY(!readFile(path).contains(secret.toUtf8()));
        QCOMPARE(page->lineEdit(u"url"_s)->text(), withoutPassword);
    }

    // Regression: renaming a workspace lost its stored secrets after a restart (they stayed under
    // "<old>/<source>"). They move to the new name, and the old entries go.
    void connectionDialogRenameKeepsTheSecrets()
    {
        SecretStore store;
        store.setMemoryOnly(true);
        using Status = SecretStore::Result::Status;
        using TestSupport::await;
        const QString redisSecret = u"Rename-Redis-41"_s;
        const QString grafanaTyped = u"Rename-Grafana-43"_s;
        const QString oldRedis = secretKeychainKey(u"before-rename"_s, SecretSource::Redis);
        const QString oldGrafana = secretKeychainKey(u"before-rename"_s, SecretSource::Grafana);
        QCOMPARE(await([&](auto done) { store.write(oldRedis, redisSecret, done); })->status, Status::Found);
        QCOMPARE(await([&](auto done) { store.write(oldGrafana, u"Old-Grafana-42"_s, done); })->status,
                 Status::Found);

        const QString path = m_dir.filePath(u"rename.json"_s);
        QVERIFY(
            saveWorkspaceProfile(
                QJsonObject{{u"name"_s, u"before-rename"_s},
                            {u"sources"_s,
                             QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, u"r.sqlite"_s}}},
                                         {u"redis"_s, QJsonObject{{u"url"_s, u"redis://127.0.0.1:1/0"_s}}},
                                         {u"grafana"_s, QJsonObject{{u"url"_s, u"https://g.lab"_s}}}}}},
                path)
                .isEmpty());
        {
            ConnectionDialog dialog(loadWorkspaceProfile(path).profile->document, path, &store);
            QSignalSpy origins(&dialog, &ConnectionDialog::secretOriginsKnown);
            QVERIFY(origins.wait(Timeout) || origins.count() == 1);
            QVERIFY(dialog.page(u"redis"_s)->secretOriginText().contains(u"in the keychain"_s));
            dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"after-rename"_s);
            dialog.page(u"grafana"_s)->secretEdit()->setText(grafanaTyped);
            QSignalSpy saved(&dialog, &ConnectionDialog::saved);
            dialog.save();
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
        }
        const auto newRedis = await(
            [&](auto done) { store.read(secretKeychainKey(u"after-rename"_s, SecretSource::Redis), done); });
        QCOMPARE(newRedis->status, Status::Found);
        QCOMPARE(newRedis->value, redisSecret);
        const auto newGrafana = await([&](auto done) {
            store.read(secretKeychainKey(u"after-rename"_s, SecretSource::Grafana), done);
        });
        QCOMPARE(newGrafana->status, Status::Found);
        QCOMPARE(newGrafana->value, grafanaTyped);
        QCOMPARE(await([&](auto done) { store.read(oldRedis, done); })->status, Status::NotFound);
        QCOMPARE(await([&](auto done) { store.read(oldGrafana, done); })->status, Status::NotFound);

        // Opened again (as after a restart): found under the new name.
        ConnectionDialog again(loadWorkspaceProfile(path).profile->document, path, &store);
        QSignalSpy origins(&again, &ConnectionDialog::secretOriginsKnown);
        QVERIFY(origins.wait(Timeout) || origins.count() == 1);
        QVERIFY2(again.page(u"redis"_s)->secretOriginText().contains(u"after-rename/redis"_s),
                 qPrintable(again.page(u"redis"_s)->secretOriginText()));
        QCOMPARE(again.secrets().redisPassword, redisSecret);
        m_storedSecrets << redisSecret << grafanaTyped << u"Old-Grafana-42"_s;
    }

    void connectionDialogNamesTheWrongKey()
    {
        const QString path = m_dir.filePath(u"invalid.json"_s);
        QVERIFY(saveWorkspaceProfile(
                    QJsonObject{
                        {u"name"_s, u"v"_s},
                        {u"sources"_s, QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, u"v.sqlite"_s}}}}}},
                    path)
                    .isEmpty());
        const QByteArray before = readFile(path);
        ConnectionDialog dialog(loadWorkspaceProfile(path).profile->document, path, m_store.get());
        dialog.page(u"postgres"_s)->lineEdit(u"url"_s)->setText(u"mysql://db/x"_s);
        QSignalSpy saved(&dialog, &ConnectionDialog::saved);
        dialog.save();
        QVERIFY2(dialog.errorText().contains(u"postgres url"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.errorText().startsWith(path + u':'));
        QCOMPARE(saved.count(), 0);
        QCOMPARE(readFile(path), before); // nothing written

        // A source half filled in: the message says which key it needs.
        dialog.page(u"postgres"_s)->lineEdit(u"url"_s)->clear();
        dialog.page(u"s3"_s)->lineEdit(u"bucket"_s)->setText(u"b"_s);
        dialog.save();
        QVERIFY2(dialog.errorText().contains(u"\"endpoint\""_s), qPrintable(dialog.errorText()));
    }

    // Test connection: SQLite answers with its version; a server that never answers can be
    // cancelled and says so.
    void connectionDialogTestsASource()
    {
        ConnectionDialog dialog(loadWorkspaceProfile(m_firstProfile).profile->document, m_firstProfile,
                                m_store.get());
        dialog.resize(720, 560);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ConnectionSourcePage *sqlite = dialog.page(u"sqlite"_s);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(sqlite->testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
        QVERIFY2(sqlite->testResultText().startsWith(u"OK — "_s), qPrintable(sqlite->testResultText()));
        QTest::qWait(50);
        m_shots.save(&dialog, u"workspace-connection-dialog.png"_s);

        QTcpServer silent; // accepts and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionSourcePage *redis = dialog.page(u"redis"_s);
        dialog.findChild<QTabWidget *>(u"sourceTabs"_s)->setCurrentWidget(redis);
        redis->lineEdit(u"url"_s)->setText(u"redis://127.0.0.1:%1/0"_s.arg(silent.serverPort()));
        QTest::mouseClick(redis->testButton(), Qt::LeftButton);
        QCOMPARE(redis->testResultText(), u"Connecting…"_s);
        QTest::qWait(300);
        m_shots.save(&dialog, u"workspace-connection-testing.png"_s);
        QTest::mouseClick(redis->testButton(), Qt::LeftButton); // now "Cancel test"
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
        QCOMPARE(redis->testResultText(), u"Cancelled."_s);
    }

    void recentWorkspaces()
    {
        RecentWorkspaces recent;
        recent.clear();
        QStringList paths;
        for (int i = 0; i < 12; ++i) {
            paths << m_dir.filePath(u"recent-%1.json"_s.arg(i));
            if (i != 11)
                QVERIFY(writeFile(paths.last(), "{}"));
        }
        for (const QString &path : std::as_const(paths))
            recent.add(path);
        recent.add(RecentWorkspaces::demoEntry());
        recent.add(paths.at(5)); // opened again: to the front
        RecentWorkspaces reread;
        QCOMPARE(reread.entries().size(), RecentWorkspaces::MaxEntries);
        QCOMPARE(reread.entries().at(0), paths.at(5));
        QCOMPARE(reread.entries().at(1), RecentWorkspaces::demoEntry());
        QCOMPARE(reread.entries().at(2), paths.at(11));
        QVERIFY(!reread.entries().contains(paths.at(0))); // the oldest fell off
        QCOMPARE(reread.entries().count(paths.at(5)), 1);

        // The menu: newest first, the missing file disabled, the demo by name, Clear List last.
        MainWindow window;
        window.rebuildRecentMenu();
        const QList<QAction *> actions = window.recentMenu()->actions();
        QVERIFY(actions.at(0)->text().contains(u"recent-5.json"_s));
        QVERIFY(actions.at(0)->isEnabled());
        QVERIFY(actions.at(1)->text().contains(u"Demo workspace"_s));
        QVERIFY(actions.at(2)->text().contains(u"not found"_s));
        QVERIFY(!actions.at(2)->isEnabled());
        QCOMPARE(actions.last()->text(), u"&Clear List"_s);
        // Only paths are kept: secretsReachNoFile checks every settings and data file.
        QVERIFY(
            !readFile(QSettings(QSettings::IniFormat, QSettings::UserScope, u"sightline"_s, u"sightline"_s)
                          .fileName())
                 .contains("Redis-Secret-4711"));

        actions.last()->trigger();
        QVERIFY(RecentWorkspaces().entries().isEmpty());
        QVERIFY(!window.recentMenu()->actions().last()->isEnabled());
    }

    // Opening a second workspace closes the first's windows and shows the second's rows, in the
    // same window, with its profile warnings on the bar and on stderr.
    void switchWithoutRestart()
    {
        MainWindow window;
        window.setSecretStore(m_store.get());
        window.resize(1100, 700);
        window.show();
        WorkspaceOpener opener(&window, m_store.get());
        QSignalSpy opened(&opener, &WorkspaceOpener::opened);
        QSignalSpy shown(&window, &MainWindow::dataShown);

        opener.openFile(m_firstProfile);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
        QCOMPARE(window.model()->rowCount(), 40);
        QVERIFY(window.noticeText().isEmpty());
        const QString firstId =
            window.model()->index(0, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        QVERIFY(!firstId.isEmpty());
        QVERIFY(window.openEvaluation(firstId));
        QCOMPARE(visibleEvaluationWindows().size(), 1);
        LiveEventHub *firstHub = window.liveHub();
        QVERIFY(firstHub);

        Q_EMIT window.workspaceFileChosen(m_secondProfile); // what File → Open does
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, Timeout);
        QCOMPARE(opened.count(), 2);
        QCOMPARE(window.model()->rowCount(), 70);
        QCOMPARE(window.windowTitle(), u"Sightline — second"_s);
        QVERIFY(window.evaluationWindows().isEmpty());
        QVERIFY(visibleEvaluationWindows().isEmpty());
        QVERIFY2(window.noticeText().contains(u"unknown key"_s), qPrintable(window.noticeText()));
        QVERIFY(window.noticeText().contains(u"colour"_s));
        QTest::qWait(50);
        m_shots.save(&window, u"workspace-switched.png"_s);

        const QStringList recent = RecentWorkspaces().entries();
        QCOMPARE(recent.value(0), QFileInfo(m_secondProfile).absoluteFilePath());
        QCOMPARE(recent.value(1), QFileInfo(m_firstProfile).absoluteFilePath());

        // Back through Recent Workspaces: the first again, no restart.
        window.rebuildRecentMenu();
        window.recentMenu()->actions().at(1)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 3, Timeout);
        QCOMPARE(window.model()->rowCount(), 40);
        QVERIFY(window.noticeText().isEmpty()); // the second's warnings went with it

        // A profile that cannot be read leaves the open workspace as it is.
        const QString broken = m_dir.filePath(u"broken.json"_s);
        QVERIFY(writeFile(broken, "{\"name\": \"x\",\n \"sources\": {\"sqlite\": 5}}"));
        QSignalSpy failed(&opener, &WorkspaceOpener::failed);
        opener.openFile(broken);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"sqlite"_s));
        QCOMPARE(window.model()->rowCount(), 40);
        auto *box = window.findChild<QMessageBox *>(u"workspaceMessage"_s);
        QVERIFY(box);
        QVERIFY(box->text().contains(u"broken.json:2:"_s));
        box->close();
    }

    // A keychain entry that has gone: the prompt says so; what is typed is used, and kept.
    void promptForAGoneSecret()
    {
        WorkspaceProfile profile = *loadWorkspaceProfile(m_firstProfile).profile;
        profile.redis.url = u"redis://127.0.0.1:1/0"_s;
        MainWindow window;
        window.setSecretStore(m_store.get());
        window.resize(1100, 700);
        window.show();
        WorkspaceOpener opener(&window, m_store.get());
        QSignalSpy prompted(&opener, &WorkspaceOpener::secretPromptShown);
        QSignalSpy opened(&opener, &WorkspaceOpener::opened);
        SecretResolution resolution;
        resolution.gone = {SecretSource::Redis};
        opener.continueWithResolution(profile, resolution, {});
        QCOMPARE(prompted.count(), 1);
        QCOMPARE(opened.count(), 0); // not before the prompt is answered
        SecretPrompt *prompt = opener.currentPrompt();
        QVERIFY(prompt);
        QVERIFY(prompt->isVisible());
        QCOMPARE(prompt->message().section(u'\n', 0, 0),
                 u"The password for redis of workspace first is no longer in the keychain."_s);
        prompt->setSecretText(u"Gone-But-Back-99"_s);
        QTest::qWait(50);
        m_shots.save(prompt, u"workspace-secret-prompt.png"_s);
        QTest::mouseClick(prompt->useButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
        QCOMPARE(window.profile().secrets.redisPassword, u"Gone-But-Back-99"_s);
        const SecretStore::Result stored = readSecret(secretKeychainKey(u"first"_s, SecretSource::Redis));
        QCOMPARE(int(stored.status), int(SecretStore::Result::Status::Found));
        QCOMPARE(stored.value, u"Gone-But-Back-99"_s);
        m_storedSecrets << stored.value;

        // Skip: the workspace opens without it.
        opener.continueWithResolution(profile, resolution, {});
        QCOMPARE(prompted.count(), 2);
        QTest::mouseClick(opener.currentPrompt()->skipButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, Timeout);
        QVERIFY(window.profile().secrets.redisPassword.isEmpty());
    }

    // The same through the real keychain (scripts/lib/keychain.sh): an entry stored by Sightline
    // and then deleted behind its back is found gone when the workspace opens, and asked for.
    void promptForAnEntryDeletedFromTheKeychain()
    {
        if (!m_realKeychain)
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_KEYCHAIN is not set: run through scripts/test or "
                                   "scripts/lib/keychain.sh (the memory-only case above ran)");
        WorkspaceProfile profile = *loadWorkspaceProfile(m_firstProfile).profile;
        profile.name = u"gone-for-real"_s;
        profile.redis.url = u"redis://127.0.0.1:1/0"_s;
        qunsetenv("REDISCLI_AUTH");
        const QString key = secretKeychainKey(profile.name, SecretSource::Redis);
        bool written = false;
        m_store->write(key, u"Stored-Then-Deleted-7"_s, [&](const SecretStore::Result &r) {
            written = r.status == SecretStore::Result::Status::Found;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, Timeout);
        QCOMPARE(TestSupport::rawDelete(key), QKeychain::NoError);

        MainWindow window;
        window.setSecretStore(m_store.get());
        window.show();
        WorkspaceOpener opener(&window, m_store.get());
        QSignalSpy prompted(&opener, &WorkspaceOpener::secretPromptShown);
        QSignalSpy opened(&opener, &WorkspaceOpener::opened);
        opener.openProfile(profile, {});
        QTRY_COMPARE_WITH_TIMEOUT(prompted.count(), 1, Timeout);
        QVERIFY(opener.currentPrompt()->message().contains(u"no longer in the keychain"_s));
        opener.currentPrompt()->setSecretText(u"Typed-Again-8"_s);
        QTest::mouseClick(opener.currentPrompt()->useButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
        QCOMPARE(window.profile().secrets.redisPassword, u"Typed-Again-8"_s);
        QString back;
        QTRY_COMPARE_WITH_TIMEOUT(TestSupport::rawRead(key, &back), QKeychain::NoError, Timeout);
        QCOMPARE(back, u"Typed-Again-8"_s);
        TestSupport::rawDelete(key);
    }

    // Regression: "Keep in memory" after the keychain refused a secret only switched the store to
    // memory-only and dropped the secret. It is written again, to memory. The keychain's absence
    // needs a process of its own: this test runs itself again with no D-Bus session bus.
    void keepInMemoryAfterNoKeychainKeepsTheSecret()
    {
        if (qEnvironmentVariableIsSet("SIGHTLINE_TST_NO_KEYCHAIN_CHILD")) {
            SecretStore store; // not memory-only: the write goes to a keychain that is not there
            WorkspaceProfile profile = *loadWorkspaceProfile(m_firstProfile).profile;
            profile.name = u"no-keychain"_s;
            profile.redis.url = u"redis://127.0.0.1:1/0"_s;
            MainWindow window;
            window.setSecretStore(&store);
            window.show();
            WorkspaceOpener opener(&window, &store);
            QSignalSpy opened(&opener, &WorkspaceOpener::opened);
            SecretResolution resolution;
            resolution.gone = {SecretSource::Redis};
            opener.continueWithResolution(profile, resolution, {});
            SecretPrompt *prompt = opener.currentPrompt();
            QVERIFY(prompt);
            prompt->setSecretText(u"Kept-In-Memory-61"_s);
            QVERIFY(prompt->remember());
            QTest::mouseClick(prompt->useButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, Timeout);
            QMessageBox *box = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(u"noKeychainBox"_s)), Timeout);
            QVERIFY(!store.memoryOnly());
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
            QVERIFY(store.memoryOnly());
            const auto kept = TestSupport::await([&](auto done) {
                store.read(secretKeychainKey(u"no-keychain"_s, SecretSource::Redis), done);
            });
            QVERIFY(kept);
            QCOMPARE(kept->status, SecretStore::Result::Status::Found);
            QCOMPARE(kept->value, u"Kept-In-Memory-61"_s);
            return;
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SIGHTLINE_TST_NO_KEYCHAIN_CHILD"_s, u"1"_s);
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + dir.filePath(u"no-bus"_s));
        environment.remove(u"SIGHTLINE_TEST_KEYCHAIN"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        environment.remove(u"XDG_CURRENT_DESKTOP"_s);
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"HOME"_s, dir.path()); // its settings are not this run's
        environment.insert(u"XDG_RUNTIME_DIR"_s, dir.path());
        environment.insert(u"SIGHTLINE_TEST_OUTPUT_DIR"_s, dir.filePath(u"shots"_s));
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"keepInMemoryAfterNoKeychainKeepsTheSecret"_s});
        QVERIFY(child.waitForFinished(120000));
        const QString output = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"PASS   : TestUiWorkspace::keepInMemoryAfterNoKeychainKeepsTheSecret()"_s),
                 qPrintable(output));
        QVERIFY(!output.contains(u"Kept-In-Memory-61"_s)); // never logged
    }

    // File → Export… for one evaluation: a PDF whose text has the id; Cancel leaves no file.
    void exportAnEvaluation()
    {
        MainWindow window;
        window.setSecretStore(m_store.get());
        window.resize(1100, 700);
        window.show();
        QSignalSpy shown(&window, &MainWindow::dataShown);
        WorkspaceOpener opener(&window, m_store.get());
        opener.openFile(m_secondProfile);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
        const QString id =
            window.model()->index(0, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        QVERIFY(!id.isEmpty());

        ExportDialog *dialog = window.openExportDialog(id);
        QVERIFY(dialog);
        QVERIFY(dialog->outputPath().endsWith(u"second-evaluation-"_s + id + u".pdf"_s));
        const QString pdf = m_dir.filePath(u"evaluation.pdf"_s);
        dialog->setOutputPath(pdf);
        QCOMPARE(dialog->request().evaluationIds, QStringList{id});
        QSignalSpy finished(dialog, &ExportDialog::finished);
        dialog->startExport();
        QCOMPARE(dialog->state(), ExportDialog::State::Running);
        m_shots.save(dialog, u"workspace-export-running.png"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
        const auto result = finished.at(0).at(0).value<ReportResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(dialog->state(), ExportDialog::State::Done);
        QVERIFY(dialog->resultText().contains(u"evaluation.pdf"_s));
        m_shots.save(dialog, u"workspace-export-done.png"_s);
        QProcess text;
        text.start(u"pdftotext"_s, {pdf, u"-"_s});
        QVERIFY(text.waitForFinished(Timeout));
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(id));

        // Cancelled at once: no file, and the dialog says so.
        const QString cancelled = m_dir.filePath(u"cancelled.pdf"_s);
        dialog->setKind(ReportKind::Batch);
        dialog->setOutputPath(cancelled);
        dialog->startExport();
        dialog->cancelExport();
        QCOMPARE(dialog->state(), ExportDialog::State::Cancelling);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
        QVERIFY(finished.at(1).at(0).value<ReportResult>().cancelled);
        QCOMPARE(dialog->state(), ExportDialog::State::Cancelled);
        QVERIFY(!QFile::exists(cancelled));
        dialog->close();
    }

    // Regression: an Export dialog outlived a workspace switch and went on reporting on the old
    // workspace. It goes with its workspace (cancelling what runs).
    void exportDialogGoesWithItsWorkspace()
    {
        MainWindow window;
        window.setSecretStore(m_store.get());
        window.show();
        QSignalSpy shown(&window, &MainWindow::dataShown);
        WorkspaceOpener opener(&window, m_store.get());
        opener.openFile(m_firstProfile);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
        QPointer<ExportDialog> idle = window.openExportDialog();
        QPointer<ExportDialog> running = window.openExportDialog();
        QVERIFY(idle && running);
        QVERIFY(idle->isVisible());
        running->setKind(ReportKind::Batch);
        running->setOutputPath(m_dir.filePath(u"switched-away.pdf"_s));
        running->startExport();
        QCOMPARE(running->state(), ExportDialog::State::Running);

        Q_EMIT window.workspaceFileChosen(m_secondProfile);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, Timeout);
        QVERIFY(!idle);
        QVERIFY(!running);
        QVERIFY(window.findChildren<ExportDialog *>().isEmpty());
        QTest::qWait(200); // the cancelled report's answer, if any, reaches nothing
        QVERIFY(window.openExportDialog());
    }

    // Regression: a demo being prepared opened over a workspace the user opened meanwhile, and
    // asking for the demo again started a second preparation of the same folder.
    void demoPreparationGivesWayToAnotherWorkspace()
    {
        MainWindow window;
        WorkspaceOpener opener(&window, m_store.get());
        QSignalSpy demo(&opener, &WorkspaceOpener::demoRequested);
        Q_EMIT window.recentWorkspaceChosen(RecentWorkspaces::demoEntry());
        QCOMPARE(demo.count(), 1);

        QVERIFY(opener.beginDemoPreparation());
        QVERIFY(!opener.beginDemoPreparation()); // asked again: no second one
        QVERIFY(opener.demoStillWanted());
        opener.openFile(m_firstProfile);
        QVERIFY(!opener.demoStillWanted());       // its progress no longer shows
        QVERIFY(!opener.finishDemoPreparation()); // its result is dropped
        QCOMPARE(window.profile().name, u"first"_s);

        // Asked for again after the other workspace: the last choice wins.
        QVERIFY(opener.beginDemoPreparation());
        opener.openFile(m_secondProfile);
        QVERIFY(!opener.beginDemoPreparation());
        QVERIFY(opener.finishDemoPreparation());
        // A failed open counts as asking for something else too.
        QVERIFY(opener.beginDemoPreparation());
        opener.openFile(m_dir.filePath(u"missing.json"_s));
        QVERIFY(!opener.finishDemoPreparation());
        if (auto *box = window.findChild<QMessageBox *>(u"workspaceMessage"_s))
            box->close();
    }

    // No secret reaches a file: after a save that stores one, every file under the test's settings,
    // data and cache folders (QStandardPaths test mode) and its profile folders is read for every
    // secret the tests stored.
    void secretsReachNoFile()
    {
        const QString secret = u"Leak-Check-Secret-51"_s;
        const QString path = m_dir.filePath(u"leak.json"_s);
        QVERIFY(
            saveWorkspaceProfile(
                QJsonObject{{u"name"_s, u"leak-check"_s},
                            {u"sources"_s,
                             QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, u"l.sqlite"_s}}},
                                         {u"redis"_s, QJsonObject{{u"url"_s, u"redis://127.0.0.1:1/0"_s}}}}}},
                path)
                .isEmpty());
        ConnectionDialog dialog(loadWorkspaceProfile(path).profile->document, path, m_store.get());
        dialog.page(u"redis"_s)->secretEdit()->setText(secret);
        QSignalSpy saved(&dialog, &ConnectionDialog::saved);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
        const SecretStore::Result stored =
            readSecret(secretKeychainKey(u"leak-check"_s, SecretSource::Redis));
        QCOMPARE(int(stored.status), int(SecretStore::Result::Status::Found));
        QCOMPARE(stored.value, secret);
        m_storedSecrets << secret;
        RecentWorkspaces().add(path); // the settings file has something in it
        QSettings().sync();

        QStringList roots{m_dir.path(), m_firstDir.path(), m_secondDir.path()};
        for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
                              QStandardPaths::GenericDataLocation, QStandardPaths::AppDataLocation,
                              QStandardPaths::AppLocalDataLocation, QStandardPaths::GenericCacheLocation,
                              QStandardPaths::CacheLocation})
            roots << QStandardPaths::writableLocation(location);
        const QString settingsFile =
            QSettings(QSettings::IniFormat, QSettings::UserScope, u"sightline"_s, u"sightline"_s).fileName();
        QVERIFY2(
            settingsFile.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)),
            qPrintable(settingsFile));
        QStringList files;
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        files.removeDuplicates();
        QVERIFY2(files.contains(settingsFile), qPrintable(files.join(u'\n')));
        QVERIFY(files.contains(path));
        QVERIFY(m_storedSecrets.size() >= 5);
        for (const QString &file : std::as_const(files)) {
            const QByteArray bytes = readFile(file);
            for (const QString &value : std::as_const(m_storedSecrets)) {
                const QByteArray utf16(reinterpret_cast<const char *>(value.utf16()), value.size() * 2);
                QVERIFY2(!bytes.contains(value.toUtf8()) && !bytes.contains(utf16),
                         qPrintable(file + u": "_s + value));
            }
        }
    }
};

QTEST_MAIN(TestUiWorkspace)
#include "tst_ui_workspace.moc"
