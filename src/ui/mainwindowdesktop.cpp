// MainWindow's desktop habits (issue 7): sightline:// links, Edit → Preferences…,
// Help → Keyboard Shortcuts…, Close Window, saved geometry and dock layout.

#include "mainwindow.h"

#include "core/futurecontinuation.h"
#include "core/sightlinelink.h"
#include "preferencesdialog.h"
#include "recentworkspaces.h"
#include "shortcutsdialog.h"
#include "ui_mainwindow.h"
#include "windowstate.h"

#include <QFileInfo>
#include <QMenuBar>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(u"&(?!&)"_s));
    return text.replace(u"&&"_s, u"&"_s);
}

void addShortcuts(QAction *action, const QList<QKeySequence> &more)
{
    QList<QKeySequence> keys = action->shortcuts();
    for (const QKeySequence &key : more) {
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    action->setShortcuts(keys);
}

void collectActions(const QMenu *menu, QList<QAction *> *into)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->menu())
            collectActions(action->menu(), into);
        else if (!action->isSeparator())
            into->append(action);
    }
}
} // namespace

void MainWindow::setUpDesktopActions()
{
    auto *edit = new QMenu(tr("&Edit"), this);
    edit->setObjectName(u"menuEdit"_s);
    menuBar()->insertMenu(m_ui->menuView->menuAction(), edit);
    auto *preferences = edit->addAction(tr("&Preferences…"));
    preferences->setObjectName(u"actionPreferences"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (preferenceKeys.isEmpty())
        preferenceKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    preferences->setShortcuts(preferenceKeys);
    connect(preferences, &QAction::triggered, this, &MainWindow::openPreferences);

    auto *closeWindow = new QAction(tr("&Close Window"), this);
    closeWindow->setObjectName(u"actionCloseWindow"_s);
    closeWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    addShortcuts(closeWindow, QKeySequence::keyBindings(QKeySequence::Close));
    m_ui->menuFile->insertAction(m_ui->actionQuit, closeWindow);
    connect(closeWindow, &QAction::triggered, this, &QWidget::close);

    addShortcuts(m_ui->actionRefresh, QKeySequence::keyBindings(QKeySequence::Refresh));
    addShortcuts(m_ui->actionFind, QKeySequence::keyBindings(QKeySequence::Find));
    addShortcuts(m_ui->actionOpenWorkspace, QKeySequence::keyBindings(QKeySequence::Open));

    auto *shortcuts = new QAction(tr("&Keyboard Shortcuts…"), this);
    shortcuts->setObjectName(u"actionKeyboardShortcuts"_s);
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Slash));
    m_ui->menuHelp->insertAction(m_ui->actionAbout, shortcuts);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::openShortcuts);

    trackWindowState(this, u"main"_s);
}

QDialog *MainWindow::openPreferences()
{
    if (!m_preferences) {
        auto *dialog = new PreferencesDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_preferences = dialog;
    }
    m_preferences->show();
    m_preferences->raise();
    m_preferences->activateWindow();
    return m_preferences;
}

QDialog *MainWindow::openShortcuts()
{
    if (m_shortcuts) {
        m_shortcuts->raise();
        m_shortcuts->activateWindow();
        return m_shortcuts;
    }
    QList<ShortcutsDialog::Group> groups;
    const QList<QAction *> menus = menuBar()->actions();
    for (const QAction *menuAction : menus) {
        if (!menuAction->menu())
            continue;
        ShortcutsDialog::Group group{tr("Main window: %1").arg(withoutMnemonic(menuAction->text())), {}};
        collectActions(menuAction->menu(), &group.actions);
        groups << group;
    }
    auto *evaluationActions = new QObject;
    groups << ShortcutsDialog::Group{tr("Evaluation window"),
                                     EvaluationWindow::createWindowActions(evaluationActions)};
    auto *dialog = new ShortcutsDialog(groups, this);
    evaluationActions->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_shortcuts = dialog;
    dialog->show();
    return dialog;
}

void MainWindow::openLink(const QString &text, LinkReply reply)
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
    auto fail = [this, reply](const QString &message) {
        showNotice(message);
        statusBar()->showMessage(message, 15000);
        if (reply)
            reply(false, message);
    };
    const SightlineLinkParse parsed = parseSightlineLink(text);
    if (!parsed.link) {
        fail(parsed.error);
        return;
    }
    supersedePendingLink();
    const QString id = parsed.link->evaluationId;
    const QString wanted = parsed.link->workspace;
    const bool preparing = m_ui->pages->currentWidget() == m_ui->preparingPage;
    const bool current =
        hasWorkspace() && (wanted.isEmpty() || m_profile.name.compare(wanted, Qt::CaseInsensitive) == 0 ||
                           (m_profile.demo && namesDemoWorkspace(wanted)));
    if (current) {
        openLinkedEvaluation(id, reply);
        return;
    }
    if (wanted.isEmpty()) {
        if (preparing) {
            m_pendingLink = PendingLink{id, wanted, reply};
            return;
        }
        fail(tr("No workspace is open to look up evaluation %1 in: open one with File → Open Workspace… "
                "first.")
                 .arg(id));
        return;
    }
    if (namesDemoWorkspace(wanted)) {
        m_pendingLink = PendingLink{id, wanted, reply};
        Q_EMIT recentWorkspaceChosen(RecentWorkspaces::demoEntry());
        return;
    }
    findRecentWorkspace(wanted, reply, id);
}

void MainWindow::findRecentWorkspace(const QString &name, LinkReply reply, const QString &id)
{
    // Reading the profiles is file I/O: a worker thread does it.
    QStringList entries = RecentWorkspaces().entries();
    entries.removeAll(RecentWorkspaces::demoEntry());
    QFuture<QString> found = QtConcurrent::run([entries, name] {
        for (const QString &entry : entries) {
            if (!QFileInfo(entry).isFile())
                continue;
            const ProfileParseResult parsed = loadWorkspaceProfile(entry);
            if (parsed.profile && parsed.profile->name.compare(name, Qt::CaseInsensitive) == 0)
                return entry;
        }
        return QString();
    });
    whenFinished(found, this, [this, name, reply, id](const QString &path) {
        if (path.isEmpty()) {
            const QString message =
                tr("Sightline does not know the workspace “%1”: open it once with File → Open Workspace…, "
                   "then its links open here.")
                    .arg(name);
            showNotice(message);
            statusBar()->showMessage(message, 15000);
            if (reply)
                reply(false, message);
            return;
        }
        supersedePendingLink();
        m_pendingLink = PendingLink{id, name, reply};
        Q_EMIT recentWorkspaceChosen(path);
    });
}

void MainWindow::continuePendingLink()
{
    if (!m_pendingLink || !hasWorkspace())
        return;
    const QString wanted = m_pendingLink->workspace;
    const bool matches = wanted.isEmpty() || m_profile.name.compare(wanted, Qt::CaseInsensitive) == 0 ||
                         (m_profile.demo && namesDemoWorkspace(wanted));
    if (!matches) {
        // Someone opened another workspace meanwhile: the link's answer says so rather than
        // leaving the launch that sent it waiting.
        abandonPendingLink(tr("another workspace (“%1”) was opened meanwhile").arg(m_profile.name));
        return;
    }
    const PendingLink pending = *std::exchange(m_pendingLink, std::nullopt);
    openLinkedEvaluation(pending.id, pending.reply);
}

void MainWindow::supersedePendingLink()
{
    if (!m_pendingLink)
        return;
    const LinkReply previous = std::exchange(m_pendingLink, std::nullopt)->reply;
    if (previous)
        previous(false, tr("Another link arrived before this one could be opened."));
}

void MainWindow::abandonPendingLink(const QString &reason)
{
    if (!m_pendingLink)
        return;
    const PendingLink pending = *std::exchange(m_pendingLink, std::nullopt);
    const QString message =
        pending.workspace.isEmpty()
            ? tr("No workspace could be opened: %1").arg(reason)
            : tr("The workspace “%1” could not be opened: %2").arg(pending.workspace, reason);
    if (pending.reply)
        pending.reply(false, message);
}

void MainWindow::openLinkedEvaluation(const QString &id, LinkReply reply)
{
    EvaluationWindow *window = openEvaluation(id);
    if (!window) {
        if (reply)
            reply(false, tr("No workspace is open to look up evaluation %1 in.").arg(id));
        return;
    }
    const QString workspace = m_profile.name;
    auto answered = std::make_shared<bool>(false);
    auto finish = [reply, id, workspace, answered](EvaluationWindow::State state, const QString &problem) {
        if (*answered || !reply)
            return;
        *answered = true;
        switch (state) {
        case EvaluationWindow::State::Shown:
            reply(true, tr("Opened evaluation %1 in workspace %2").arg(id, workspace));
            return;
        case EvaluationWindow::State::NotFound:
            reply(false, tr("Workspace %1 has no evaluation %2.").arg(workspace, id));
            return;
        case EvaluationWindow::State::Failed:
        case EvaluationWindow::State::Loading:
            break;
        }
        reply(false, tr("Evaluation %1 could not be loaded: %2").arg(id, problem));
    };
    if (window->state() != EvaluationWindow::State::Loading) {
        finish(window->state(), window->problemText());
        return;
    }
    QPointer<EvaluationWindow> guard = window;
    connect(
        window, &EvaluationWindow::loadFinished, this,
        [finish, guard](EvaluationWindow::State state) {
            finish(state, guard ? guard->problemText() : QString());
        },
        Qt::SingleShotConnection);
    connect(window, &QObject::destroyed, this, [finish] {
        finish(EvaluationWindow::State::Failed, tr("its window was closed before it had loaded"));
    });
}

} // namespace Sightline
