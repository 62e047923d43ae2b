#pragma once

#include "core/workspaceprofile.h"
#include "evaluationwindow.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QDialog;
class QLabel;
class QMenu;

namespace Sightline {

class CompareWindow;
class ConnectionDialog;
class ExportDialog;
class SecretStore;
class EvaluationBrowser;
class EvaluationStore;
class EvaluationTableModel;
class LiveEventHub;
class LiveEventsView;
class MetricsView;
class PrometheusClient;
class StorageExplorer;

namespace Ui {
class MainWindow;
}

// The Evaluations browser window. It owns the open workspace's store, table model and Prometheus
// client, shows what the app is doing before a workspace is ready (preparing, or why it could not
// open), keeps one Evaluation window per evaluation id, and hosts the Evaluations, Storage,
// Metrics and Live views. The Live view's hub (one per workspace) runs while the workspace is open.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `profile`'s relational store and shows its evaluations; closes the previous workspace
    // and its Evaluation windows.
    void setWorkspace(const WorkspaceProfile &profile);
    // A page with a progress bar while the app prepares a workspace; percent -1 means "busy".
    void showPreparing(const QString &message, int percent);
    void showWorkspaceError(const QString &message);
    // A dismissible bar above the views: the profile's warnings ("profile.json:7:5: unknown key …").
    void showProfileWarnings(const QStringList &warnings);
    // The same bar, for the keychain (none available, a secret that could not be kept).
    void showKeychainNote(const QString &message);
    QString noticeText() const; // empty when the bar is hidden
    bool hasWorkspace() const { return m_store != nullptr; }
    const WorkspaceProfile &profile() const { return m_profile; }
    // The keychain the dialogs use; default SecretStore::instance(). Tests pass a memory-only one.
    void setSecretStore(SecretStore *store) { m_secretStore = store; }
    SecretStore *secretStore() const;

    // File → New Workspace… (no profile) / Edit Workspace… (the open one). Non-modal; Save
    // emits workspaceSaved.
    ConnectionDialog *openConnectionDialog(bool newWorkspace);
    // File → Export… (empty id: from the browser's selection and filter) and the Evaluation
    // window's Export…. Non-modal.
    ExportDialog *openExportDialog(const QString &evaluationId = {});
    // File → Recent Workspaces, rebuilt from the settings each time it opens.
    QMenu *recentMenu() const;
    void rebuildRecentMenu();
    // The demo simulator added evaluations: say so, and leave the view alone until F5.
    void noteNewEvaluations(int count);
    // Opens (or raises) the window for `id`; nullptr when no workspace is open.
    EvaluationWindow *openEvaluation(const QString &id);
    // Opens a Compare window for two evaluations; nullptr when no workspace is open.
    CompareWindow *openComparison(const QString &leftId, const QString &rightId);

    void refresh();

    // sightline://evaluation/<id>?workspace=<name> (mainwindowdesktop.cpp): opens the evaluation,
    // switching to the named workspace (the demo, or one of Recent Workspaces) first, and raises
    // the window. `reply` hears once whether it worked, after the Evaluation window has loaded.
    using LinkReply = std::function<void(bool ok, const QString &message)>;
    void openLink(const QString &link, LinkReply reply = {});
    // The workspace a link asked for could not be opened (WorkspaceOpener::failed).
    void abandonPendingLink(const QString &reason);
    // Edit → Preferences… and Help → Keyboard Shortcuts… (non-modal).
    QDialog *openPreferences();
    QDialog *openShortcuts();

    enum class View { Evaluations, Storage, Metrics, Live };
    void showView(View view);
    View currentView() const;

    EvaluationBrowser *browser() const;
    StorageExplorer *storageExplorer() const;
    MetricsView *metricsView() const;
    LiveEventsView *liveView() const { return m_liveView; }
    LiveEventHub *liveHub() const { return m_liveHub.get(); }
    // The workspace's Prometheus (sources.prometheus.url); null when the profile names none.
    PrometheusClient *prometheus() const { return m_prometheus.get(); }
    EvaluationStore *store() const { return m_store.get(); }
    EvaluationTableModel *model() const { return m_model.get(); }
    QList<EvaluationWindow *> evaluationWindows() const;
    QString newEvaluationsNote() const;

Q_SIGNALS:
    // The user picked a profile (File → Open, the welcome and error pages), a recent entry
    // (a path, or RecentWorkspaces::demoEntry()), or saved one in the connection dialog.
    void workspaceFileChosen(const QString &path);
    void recentWorkspaceChosen(const QString &entry);
    void workspaceSaved(const QString &path, const Sightline::WorkspaceSecrets &typedSecrets);
    // Once per workspace: its first rows and its counts are on screen.
    void dataShown();
    // The workspace's database failed before dataShown (the banner shows `message`); a
    // screenshot or script can stop waiting.
    void workspaceLoadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct PendingLink
    {
        QString id;
        QString workspace; // the name asked for; empty: whichever opens next
        LinkReply reply;
    };
    void setUpDesktopActions();
    void continuePendingLink();
    // Answers a link still waiting for its workspace: a newer one takes its place.
    void supersedePendingLink();
    void openLinkedEvaluation(const QString &id, LinkReply reply);
    void findRecentWorkspace(const QString &name, LinkReply reply, const QString &id);
    void closeWorkspace();
    void checkDataShown();
    void showAbout();
    void applyStyle();
    void chooseWorkspaceFile();
    void showNotice(const QString &text);
    void updateWorkspaceActions();

    std::unique_ptr<Ui::MainWindow> m_ui;
    // Declared before the model: members die in reverse order, and the model talks to the store.
    std::unique_ptr<EvaluationStore> m_store;
    std::unique_ptr<EvaluationTableModel> m_model;
    // Shared by every Evaluation and Compare window and the Metrics view of the workspace; they
    // go before it does (closeWorkspace).
    std::unique_ptr<PrometheusClient> m_prometheus;
    // The workspace's live sources; the Live view lets go of it before it goes (closeWorkspace).
    std::unique_ptr<LiveEventHub> m_liveHub;
    LiveEventsView *m_liveView = nullptr;
    QHash<QString, QPointer<EvaluationWindow>> m_windows;
    QList<QPointer<CompareWindow>> m_comparisons;
    WorkspaceProfile m_profile;
    SecretStore *m_secretStore = nullptr;
    QPointer<ConnectionDialog> m_connectionDialog;
    QList<QPointer<ExportDialog>> m_exportDialogs; // closed with the workspace they export from
    QLabel *m_newEvaluationsLabel;
    QLabel *m_workspaceLabel;
    int m_newEvaluations = 0;
    bool m_firstRowsShown = false;
    bool m_dataShownEmitted = false;
    std::optional<PendingLink> m_pendingLink; // waits for its workspace to open
    QPointer<QDialog> m_preferences;
    QPointer<QDialog> m_shortcuts;
};

} // namespace Sightline
