#pragma once

#include "core/workspaceprofile.h"
#include "secretprompt.h"

#include <QObject>
#include <QPointer>

namespace Sightline {

class MainWindow;
class SecretStore;
struct SecretResolution;

// Opens a workspace in the main window without a restart: reads and checks the profile (its
// warnings shown and printed to stderr), resolves its secrets (environment, keychain; asks for a
// keychain entry that has gone), then MainWindow::setWorkspace, which closes the previous
// workspace's windows and stops its live sources. Remembers the workspace in Recent Workspaces.
class WorkspaceOpener final : public QObject
{
    Q_OBJECT
public:
    // `store` may be null: no keychain, secrets from the environment only.
    WorkspaceOpener(MainWindow *window, SecretStore *store, QObject *parent = nullptr);
    ~WorkspaceOpener() override;

    // `typed`: secrets just entered (the connection dialog), used before anything else.
    void openFile(const QString &path, const WorkspaceSecrets &typed = {});
    // A profile already read (the demo: recentEntry RecentWorkspaces::demoEntry()).
    void openProfile(const WorkspaceProfile &profile, const QString &recentEntry,
                     const WorkspaceSecrets &typed = {});
    // What openProfile does once the secrets are looked up; public so tests can hand it a
    // resolution (a keychain entry that is gone) without a keychain.
    void continueWithResolution(const WorkspaceProfile &profile, const SecretResolution &resolution,
                                const QString &recentEntry);

    SecretPrompt *currentPrompt() const { return m_prompt; }

    // The demo is prepared off the GUI thread by whoever answers demoRequested, one preparation at
    // a time. beginDemoPreparation: the demo is what the user asked for last; false when a
    // preparation already runs (its result will do). finishDemoPreparation: whether its result is
    // still wanted, false when another workspace was asked for since (the result is dropped).
    bool beginDemoPreparation();
    bool finishDemoPreparation();
    bool demoStillWanted() const; // a preparation runs and nothing else was asked for since

Q_SIGNALS:
    // Before the window switches: whatever of the previous workspace runs outside the window
    // (the demo simulator) stops now.
    void aboutToOpen(const Sightline::WorkspaceProfile &profile);
    void opened(const Sightline::WorkspaceProfile &profile);
    void failed(const QString &message);
    void demoRequested();
    void secretPromptShown(Sightline::SecretPrompt *prompt);

private:
    void askNext(quint64 generation);
    void finish(quint64 generation);
    void rememberSecret(SecretSource source, const WorkspaceSecrets &secrets, bool inMemoryOnly);

    QPointer<MainWindow> m_window;
    QPointer<SecretStore> m_store;
    quint64 m_generation = 0;
    quint64 m_otherRequests = 0; // workspaces asked for that are not the demo
    quint64 m_demoAskedAt = 0;   // m_otherRequests when the demo was last asked for
    bool m_demoPreparing = false;
    // The workspace being opened while its secrets are asked for.
    WorkspaceProfile m_pending;
    QString m_pendingRecent;
    QList<SecretSource> m_toAsk;
    bool m_keychainUnavailable = false;
    QString m_keychainMessage;
    QPointer<SecretPrompt> m_prompt;
};

} // namespace Sightline
