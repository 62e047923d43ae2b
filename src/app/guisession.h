#pragma once

#include "commandline.h"
#include "core/workspaceprofile.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QWidget;

namespace Sightline {

class MainWindow;
class DemoSimulator;
class WorkspaceOpener;
class SingleInstanceServer;

// One run of the GUI: picks the workspace (profile file or the demo, prepared off the GUI thread),
// shows the main window, runs the demo simulator while the demo is open, and serves
// --open-evaluation and --screenshot. Switching workspaces (Open, Recent, a saved connection
// dialog) goes through WorkspaceOpener, without a restart.
class GuiSession final : public QObject
{
    Q_OBJECT
public:
    explicit GuiSession(GuiOptions options, QObject *parent = nullptr);
    ~GuiSession() override;

    void start();

private:
    void startWindows();
    void listenForLinks(int attempt);
    void openWorkspaceFile(const QString &path);
    void prepareDemo();
    void useWorkspace(const WorkspaceProfile &profile);
    void armScreenshot(QWidget *window);
    void saveScreenshot(QWidget *window, int exitCode);
    void startSimulator(const WorkspaceProfile &profile);
    void stopSimulator();

    GuiOptions m_options;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WorkspaceOpener> m_opener;
    std::unique_ptr<DemoSimulator> m_simulator;
    std::unique_ptr<SingleInstanceServer> m_instance; // takes sightline:// links from later launches
    std::shared_ptr<std::atomic<bool>> m_cancelDemo = std::make_shared<std::atomic<bool>>(false);
    bool m_screenshotTaken = false;
    bool m_startupApplied = false;
    bool m_linkOpened = false; // the command line's link was handed to the window
};

} // namespace Sightline
