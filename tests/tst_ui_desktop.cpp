// Desktop habits in-process: sightline:// links in the main window (same workspace, another one
// from Recent Workspaces, an unknown one, junk), the light and dark themes (with screenshots),
// window geometry and layout across a new main window, Help → Keyboard Shortcuts and Preferences.

#include "core/appsettings.h"
#include "screenshots.h"
#include "sources/demoworkspace.h"
#include "ui/apptheme.h"
#include "ui/evaluationwindow.h"
#include "ui/liveeventsview.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/recentworkspaces.h"
#include "ui/shortcutsdialog.h"
#include "ui/storageexplorer.h"
#include "ui/workspaceopener.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {
struct LinkAnswer
{
    bool done = false;
    bool ok = false;
    QString message;
};

LinkAnswer openLinkAndWait(MainWindow *window, const QString &link)
{
    auto answer = std::make_shared<LinkAnswer>();
    window->openLink(link, [answer](bool ok, const QString &message) {
        answer->done = true;
        answer->ok = ok;
        answer->message = message;
    });
    (void)QTest::qWaitFor([answer] { return answer->done; }, 30000);
    return *answer;
}
} // namespace

class TestUiDesktop : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    WorkspaceProfile m_demo;
    QString m_id;
    TestSupport::Screenshots m_shots;

    std::unique_ptr<MainWindow> openDemoWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 800);
        window->show();
        QSignalSpy shown(window.get(), &MainWindow::dataShown);
        window->setWorkspace(m_demo);
        if (!shown.wait(30000))
            return {};
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A private settings file: Preferences write ui/language and ui/theme here, never in the
        // user's nor in the test-mode folder other tests share.
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        openAppSettings().clear();
        QVERIFY(m_shots.prepare());
        const DemoWorkspaceResult demo = DemoWorkspace::ensure(m_dir.filePath(u"demo"_s));
        QVERIFY2(demo.profile, qPrintable(demo.error));
        m_demo = *demo.profile;
        QCOMPARE(m_demo.name, u"Demo workspace"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"ids"_s);
            db.setDatabaseName(m_demo.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery query(
                u"SELECT id FROM evaluations WHERE status = 'completed' ORDER BY created_at LIMIT 1"_s, db);
            QVERIFY(query.next());
            m_id = query.value(0).toString();
        }
        QSqlDatabase::removeDatabase(u"ids"_s);
        AppTheme::instance()->apply(ThemeChoice::Light);
    }

    void cleanupTestCase() { AppTheme::instance()->apply(ThemeChoice::Light); }

    void linkToTheOpenWorkspace()
    {
        auto window = openDemoWindow();
        QVERIFY(window);
        LinkAnswer answer = openLinkAndWait(window.get(), u"sightline://evaluation/"_s + m_id +
                                                              u"?workspace=Demo%20workspace"_s);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(answer.message, u"Opened evaluation %1 in workspace Demo workspace"_s.arg(m_id));
        QCOMPARE(window->evaluationWindows().size(), 1);
        EvaluationWindow *evaluation = window->evaluationWindows().constFirst();
        QCOMPARE(evaluation->evaluationId(), m_id);
        QVERIFY(evaluation->isVisible());

        // The same link again raises the same window; no workspace and "demo" mean the open one.
        answer = openLinkAndWait(window.get(), u"sightline://evaluation/"_s + m_id);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        answer = openLinkAndWait(window.get(), u"Sightline://EVALUATION/"_s + m_id + u"?workspace=demo"_s);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(window->evaluationWindows().size(), 1);

        // Copy Sightline Link copies what opens it again.
        auto *copyLink = evaluation->findChild<QToolButton *>(u"copyLinkButton"_s);
        QVERIFY(copyLink);
        QCOMPARE(evaluation->sightlineLink(),
                 u"sightline://evaluation/"_s + m_id + u"?workspace=Demo%20workspace"_s);
        copyLink->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), evaluation->sightlineLink());

        // An evaluation the workspace does not have.
        answer = openLinkAndWait(window.get(), u"sightline://evaluation/ev-000000000000"_s);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.message, u"Workspace Demo workspace has no evaluation ev-000000000000."_s);
    }

    void linkToUnknownWorkspaceOrJunk()
    {
        auto window = openDemoWindow();
        QVERIFY(window);
        LinkAnswer answer =
            openLinkAndWait(window.get(), u"sightline://evaluation/"_s + m_id + u"?workspace=nowhere"_s);
        QVERIFY(answer.done);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"does not know the workspace “nowhere”"_s),
                 qPrintable(answer.message));
        QVERIFY2(answer.message.contains(u"File → Open Workspace…"_s), qPrintable(answer.message));
        QCOMPARE(window->noticeText(), answer.message); // said in the window too
        QVERIFY(window->evaluationWindows().isEmpty());

        answer = openLinkAndWait(window.get(), u"sightline://batch/b-1"_s);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.message, u"Sightline cannot open “sightline://batch/b-1”: it knows only "
                                 "sightline://evaluation/<id> links."_s);
        QCOMPARE(window->noticeText(), answer.message);
    }

    void linkSwitchesToARecentWorkspace()
    {
        // A second workspace (the demo's database under another name), known from Recent Workspaces.
        const QString path = m_dir.filePath(u"second.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QJsonObject profile{
                {u"name"_s, u"Second bench"_s},
                {u"sources"_s, QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, m_demo.sqlitePath}}}}}};
            file.write(QJsonDocument(profile).toJson());
        }
        RecentWorkspaces().add(path);
        auto window = openDemoWindow();
        QVERIFY(window);
        WorkspaceOpener opener(window.get(), nullptr);
        const LinkAnswer answer = openLinkAndWait(window.get(), u"sightline://evaluation/"_s + m_id +
                                                                    u"?workspace=second%20BENCH"_s);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(answer.message, u"Opened evaluation %1 in workspace Second bench"_s.arg(m_id));
        QCOMPARE(window->profile().name, u"Second bench"_s);
        QCOMPARE(window->evaluationWindows().size(), 1);
    }

    void themes()
    {
        auto window = openDemoWindow();
        QVERIFY(window);
        EvaluationWindow *evaluation = window->openEvaluation(m_id);
        QVERIFY(evaluation);
        evaluation->resize(1100, 760);
        QSignalSpy shown(evaluation, &EvaluationWindow::dataShown);
        QVERIFY(shown.wait(30000));
        QSignalSpy applied(AppTheme::instance(), &AppTheme::applied);
        for (const ThemeChoice choice : {ThemeChoice::Dark, ThemeChoice::Light}) {
            const bool dark = choice == ThemeChoice::Dark;
            const QString name = dark ? u"dark"_s : u"light"_s;
            AppTheme::instance()->apply(choice);
            QCOMPARE(applied.takeLast().first().toBool(), dark);
            QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
            QCOMPARE(isDarkPalette(QApplication::palette()), dark);
            QTRY_COMPARE_WITH_TIMEOUT(isDarkPalette(window->palette()), dark, 2000);
            QTRY_COMPARE_WITH_TIMEOUT(isDarkPalette(evaluation->palette()), dark, 2000);
            QVERIFY(dark ? window->palette().color(QPalette::Window).lightness() < 80
                         : window->palette().color(QPalette::Window).lightness() > 200);
            QTest::qWait(200);
            window->showView(MainWindow::View::Evaluations);
            QTest::qWait(200);
            m_shots.save(window.get(), u"desktop-main-%1.png"_s.arg(name));
            window->showView(MainWindow::View::Storage);
            QTRY_VERIFY_WITH_TIMEOUT(window->storageExplorer()->isSettled(), 30000);
            QTest::qWait(200);
            m_shots.save(window.get(), u"desktop-storage-%1.png"_s.arg(name));
            window->showView(MainWindow::View::Live);
            QTest::qWait(1500);
            m_shots.save(window.get(), u"desktop-live-%1.png"_s.arg(name));
            m_shots.save(evaluation, u"desktop-evaluation-%1.png"_s.arg(name));
        }
    }

    void windowStateRoundTrip()
    {
        QRect geometry;
        QList<int> sizes;
        QString splitterName;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(40, 50, 700, 480);
            QTest::qWait(50);
            geometry = window.geometry();
            // A named splitter keeps its sizes too.
            for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
                if (!splitter->objectName().isEmpty() && splitter->count() == 2) {
                    splitterName = splitter->objectName();
                    splitter->setSizes({111, 333});
                    sizes = splitter->sizes();
                    break;
                }
            }
            window.close();
        }
        QVERIFY(!openAppSettings().value(u"windows/main/geometry"_s).toByteArray().isEmpty());
        QVERIFY(!openAppSettings().value(u"windows/main/state"_s).toByteArray().isEmpty());
        MainWindow again;
        QCOMPARE(again.size(), geometry.size());
        QCOMPARE(again.pos(), geometry.topLeft());
        if (!splitterName.isEmpty()) {
            auto *splitter = again.findChild<QSplitter *>(splitterName);
            QVERIFY(splitter);
            QCOMPARE(splitter->sizes(), sizes);
        }

        // A geometry saved on a screen that is gone lands on one that is there.
        {
            QWidget far;
            far.setGeometry(20000, 20000, 400, 300);
            openAppSettings().setValue(u"windows/main/geometry"_s, far.saveGeometry());
        }
        MainWindow moved;
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(screen.intersects(moved.frameGeometry()),
                 qPrintable(u"%1,%2"_s.arg(moved.x()).arg(moved.y())));
    }

    void shortcutsDialog()
    {
        MainWindow window;
        auto *dialog = qobject_cast<ShortcutsDialog *>(window.openShortcuts());
        QVERIFY(dialog);
        const QStringList all = dialog->visibleShortcuts();
        for (const QString &key : {u"Ctrl+O"_s, u"Ctrl+E"_s, u"F5"_s, u"Ctrl+W"_s, u"Ctrl+F"_s, u"Ctrl+L"_s})
            QVERIFY2(all.contains(key), qPrintable(key + u" missing from "_s + all.join(u' ')));
        QVERIFY(all.count(u"Ctrl+E"_s) >= 2); // File → Export and the Evaluation window's Export
        QVERIFY(all.size() >= 15);
        dialog->filterEdit()->setText(u"export"_s);
        const QStringList filtered = dialog->visibleShortcuts();
        QVERIFY(filtered.contains(u"Ctrl+E"_s));
        QVERIFY(!filtered.contains(u"Ctrl+O"_s));
        dialog->filterEdit()->setText(u"F5"_s);
        QVERIFY(dialog->visibleShortcuts().contains(u"F5"_s));
        QVERIFY(!dialog->visibleShortcuts().contains(u"Ctrl+E"_s));
        dialog->filterEdit()->clear();
        dialog->resize(520, 640);
        m_shots.save(dialog, u"desktop-shortcuts.png"_s);
        QCOMPARE(window.openShortcuts(), dialog); // one at a time
    }

    void preferences()
    {
        MainWindow window;
        auto *dialog = qobject_cast<PreferencesDialog *>(window.openPreferences());
        QVERIFY(dialog);
        QVERIFY(dialog->languageBox()->itemText(0).startsWith(u"Follow the system ("_s));
        QVERIFY(!dialog->restartNoteShown());
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"de"_s));
        QCOMPARE(openAppSettings().value(kLanguageKey).toString(), u"de"_s);
        QVERIFY(dialog->restartNoteShown());
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(u"dark"_s));
        QCOMPARE(openAppSettings().value(kThemeKey).toString(), u"dark"_s);
        QVERIFY(isDarkPalette(QApplication::palette())); // at once
        m_shots.save(dialog, u"desktop-preferences-dark.png"_s);
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(u"light"_s));
        QCOMPARE(openAppSettings().value(kThemeKey).toString(), u"light"_s);
        QVERIFY(!isDarkPalette(QApplication::palette()));
        dialog->languageBox()->setCurrentIndex(0);
        QCOMPARE(openAppSettings().value(kLanguageKey).toString(), QString());
        QVERIFY(!dialog->restartNoteShown());
        // A new dialog shows what is saved.
        dialog->close();
        openAppSettings().setValue(kThemeKey, u"dark"_s);
        openAppSettings().setValue(kLanguageKey, u"de"_s);
        PreferencesDialog fresh;
        QCOMPARE(fresh.themeBox()->currentData().toString(), u"dark"_s);
        QCOMPARE(fresh.languageBox()->currentData().toString(), u"de"_s);
        openAppSettings().setValue(kThemeKey, u"bogus"_s);
        PreferencesDialog bogus;
        QCOMPARE(bogus.themeBox()->currentData().toString(), u"system"_s);
        QCOMPARE(themeChoiceFromSetting(u"bogus"_s), ThemeChoice::System);
    }
};

QTEST_MAIN(TestUiDesktop)
#include "tst_ui_desktop.moc"
