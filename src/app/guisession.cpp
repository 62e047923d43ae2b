#include "guisession.h"

#include "core/sightlinelink.h"

#include "core/futurecontinuation.h"
#include "models/liveeventmodel.h"
#include "sources/demosimulator.h"
#include "sources/demoworkspace.h"
#include "sources/secrets/secretstore.h"
#include "telemetry/logging.h"
#include "ui/apptheme.h"
#include "ui/evaluationwindow.h"
#include "ui/liveeventsview.h"
#include "ui/mainwindow.h"
#include "ui/metricsview.h"
#include "ui/recentworkspaces.h"
#include "ui/singleinstance.h"
#include "ui/storageexplorer.h"
#include "ui/uiresources.h"
#include "ui/workspaceopener.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

GuiSession::GuiSession(GuiOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

GuiSession::~GuiSession()
{
    m_cancelDemo->store(true);
    stopSimulator();
}

void GuiSession::stopSimulator()
{
    if (!m_simulator)
        return;
    m_simulator->stop();
    m_simulator.reset();
}

void GuiSession::start()
{
    // A link goes to the Sightline that already runs, if one does; this one then only prints its
    // answer. Screenshot runs never forward (tests run many at once).
    if (m_options.link.isEmpty() || !m_options.screenshotFile.isEmpty()) {
        startWindows();
        return;
    }
    auto *client = new SingleInstanceClient(this);
    connect(client, &SingleInstanceClient::answered, this, [](bool ok, const QString &message) {
        if (ok)
            std::printf("%s\n", qPrintable(message));
        else
            std::fprintf(stderr, "sightline: %s\n", qPrintable(message));
        std::fflush(stdout);
        QCoreApplication::exit(ok ? 0 : 1);
    });
    connect(client, &SingleInstanceClient::noInstance, this, [this, client] {
        client->deleteLater();
        startWindows(); // nobody listens: this one opens the link itself
    });
    client->send(m_options.link);
}

void GuiSession::listenForLinks(int attempt)
{
    m_instance = std::make_unique<SingleInstanceServer>();
    m_instance->setLinkHandler([this](const QString &link, const SingleInstanceServer::Reply &reply) {
        if (m_window)
            m_window->openLink(link, reply);
        else
            reply(false, tr("Sightline is shutting down."));
    });
    connect(m_instance.get(), &SingleInstanceServer::failed, this, [this, attempt](const QString &message) {
        qCWarning(lcApp) << "not taking sightline:// links from other launches:" << message;
        // A Sightline that is just quitting (Preferences → Restart Now) lets go of the socket soon.
        if (attempt == 0)
            QTimer::singleShot(3000, this, [this] { listenForLinks(1); });
    });
    m_instance->start();
}

void GuiSession::startWindows()
{
    applyTheme(); // before the first window shows
    ensureUiResources();
    QGuiApplication::setWindowIcon(QIcon(u":/icons/sightline.svg"_s));
    m_window = std::make_unique<MainWindow>();
    m_opener = std::make_unique<WorkspaceOpener>(m_window.get(), SecretStore::instance());
    // Nothing of the previous workspace keeps running: the window closes its windows and live
    // sources itself (setWorkspace), the demo simulator is this session's.
    connect(m_opener.get(), &WorkspaceOpener::aboutToOpen, this,
            [this](const WorkspaceProfile &) { stopSimulator(); });
    connect(m_opener.get(), &WorkspaceOpener::opened, this,
            [this](const WorkspaceProfile &profile) { useWorkspace(profile); });
    connect(m_opener.get(), &WorkspaceOpener::failed, this, [this](const QString &message) {
        m_window->abandonPendingLink(message);
        if (!m_options.screenshotFile.isEmpty())
            saveScreenshot(m_window.get(), 1); // the error page is what there is to see
    });
    connect(m_opener.get(), &WorkspaceOpener::demoRequested, this, [this] {
        stopSimulator();
        prepareDemo();
    });
    if (!m_options.screenshotFile.isEmpty()) {
        m_window->resize(1280, 800);
        QTimer::singleShot(m_options.screenshotTimeoutSeconds * 1000, this, [this] {
            if (m_screenshotTaken)
                return;
            std::fprintf(stderr, "sightline: the data was not shown within %d s; no screenshot written\n",
                         m_options.screenshotTimeoutSeconds);
            QCoreApplication::exit(1);
        });
        if (m_options.openEvaluation.isEmpty())
            armScreenshot(m_window.get());
    }
    m_window->show();
    if (m_options.screenshotFile.isEmpty())
        listenForLinks(0);
    if (!m_options.workspaceFile.isEmpty()) {
        openWorkspaceFile(m_options.workspaceFile);
        return;
    }
    // A link naming a workspace other than the demo opens that one straight away (no demo first);
    // should it not be found, the demo opens as it would have, the notice saying why.
    const SightlineLinkParse link = parseSightlineLink(m_options.link);
    if (link.link && !link.link->workspace.isEmpty() && !namesDemoWorkspace(link.link->workspace)) {
        m_linkOpened = true;
        m_window->openLink(m_options.link, [this](bool ok, const QString &) {
            if (!ok && m_window && !m_window->hasWorkspace())
                prepareDemo();
        });
        return;
    }
    prepareDemo();
}

void GuiSession::openWorkspaceFile(const QString &path)
{
    m_opener->openFile(path);
}

void GuiSession::prepareDemo()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/demo"_s;
    m_window->showPreparing(tr("Preparing the demo workspace…"), -1);
    // One preparation at a time: asked for again meanwhile, the running one's result is used.
    if (!m_opener->beginDemoPreparation())
        return;
    QPointer<MainWindow> window = m_window.get();
    QPointer<WorkspaceOpener> opener = m_opener.get();
    auto cancel = m_cancelDemo;
    QFuture<DemoWorkspaceResult> preparing = QtConcurrent::run([dir, window, opener, cancel]() {
        return DemoWorkspace::ensure(
            dir, {},
            [window, opener](qint64 done, qint64 total) {
                const int percent = total > 0 ? int(done * 100 / total) : -1;
                QMetaObject::invokeMethod(
                    window,
                    [window, opener, percent] {
                        // Not over a workspace the user opened meanwhile.
                        if (window && opener && opener->demoStillWanted())
                            window->showPreparing(GuiSession::tr("Preparing the demo workspace…"), percent);
                    },
                    Qt::QueuedConnection);
            },
            cancel.get());
    });
    whenFinished(preparing, this, [this](const DemoWorkspaceResult &result) {
        if (!m_opener->finishDemoPreparation())
            return; // the user opened another workspace meanwhile: it stays
        if (!result.profile) {
            const QString message = tr("The demo workspace could not be prepared.\n\n%1").arg(result.error);
            std::fprintf(stderr, "sightline: %s\n", qPrintable(result.error));
            m_window->showWorkspaceError(message);
            if (!m_options.screenshotFile.isEmpty())
                saveScreenshot(m_window.get(), 1);
            return;
        }
        m_opener->openProfile(*result.profile, RecentWorkspaces::demoEntry());
    });
}

void GuiSession::startSimulator(const WorkspaceProfile &profile)
{
    // A screenshot shows a still picture; the simulator would only make it differ run to run.
    // The Live view is the exception: without the simulator there is nothing live to show.
    if (!profile.demo || (!m_options.screenshotFile.isEmpty() && !m_options.liveView))
        return;
    stopSimulator();
    m_simulator = std::make_unique<DemoSimulator>(profile.sqlitePath);
    connect(m_simulator.get(), &DemoSimulator::changed, m_window.get(),
            [this](int evaluations, int) { m_window->noteNewEvaluations(evaluations); });
    connect(m_simulator.get(), &DemoSimulator::failed, m_window.get(), [](const QString &message) {
        qCWarning(lcDemo) << "the demo simulator stopped adding data:" << message;
    });
    m_simulator->start();
}

void GuiSession::useWorkspace(const WorkspaceProfile &profile)
{
    logEvent(lcApp(), QtInfoMsg, "workspace.opened", {{"name", profile.name}});
    startSimulator(profile);
    // The command line's view and evaluation are for the workspace Sightline started with.
    if (m_startupApplied)
        return;
    m_startupApplied = true;
    if (m_options.storageView) {
        m_window->showView(MainWindow::View::Storage);
        if (m_options.expandDepth > 0)
            m_window->storageExplorer()->expandAll(m_options.expandDepth);
    }
    if (m_options.metricsView)
        m_window->showView(MainWindow::View::Metrics);
    if (m_options.liveView)
        m_window->showView(MainWindow::View::Live);
    if (!m_options.link.isEmpty() && !std::exchange(m_linkOpened, true))
        m_window->openLink(m_options.link); // nobody else was listening: this one opens it
    if (!m_options.openEvaluation.isEmpty()) {
        EvaluationWindow *evaluation = m_window->openEvaluation(m_options.openEvaluation);
        if (!m_options.screenshotFile.isEmpty() && evaluation) {
            evaluation->resize(1100, 760);
            armScreenshot(evaluation);
        }
    }
}

void GuiSession::armScreenshot(QWidget *window)
{
    // Once the data is shown, one more turn of the event loop lets the last layout and paint finish.
    // A failure is shown too (the picture is what a person would see) but the exit code says so.
    auto take = [this, window](int exitCode) {
        QTimer::singleShot(100, this, [this, window, exitCode] { saveScreenshot(window, exitCode); });
    };
    if (auto *main = qobject_cast<MainWindow *>(window); main && m_options.storageView) {
        // The explorer has no single "shown" moment: wait until every panel has its summary and
        // nothing is loading any more.
        auto *poll = new QTimer(this);
        poll->setInterval(200);
        connect(poll, &QTimer::timeout, this, [main, poll, take] {
            if (main->currentView() != MainWindow::View::Storage || !main->storageExplorer()->isSettled())
                return;
            poll->stop();
            poll->deleteLater();
            take(0);
        });
        poll->start();
    } else if (auto *main = qobject_cast<MainWindow *>(window); main && m_options.metricsView) {
        // The Metrics view is shown once Prometheus's targets and alerts are in (or it says why not).
        auto *poll = new QTimer(this);
        poll->setInterval(200);
        connect(poll, &QTimer::timeout, this, [main, poll, take] {
            if (main->currentView() != MainWindow::View::Metrics || !main->metricsView()->isSettled())
                return;
            poll->stop();
            poll->deleteLater();
            take(0);
        });
        poll->start();
    } else if (auto *main = qobject_cast<MainWindow *>(window); main && m_options.liveView) {
        // The Live view is shown once every source has reported and events have arrived for a few
        // seconds (the demo simulator adds them), or after ten seconds with whatever there is.
        auto *poll = new QTimer(this);
        poll->setInterval(250);
        auto waited = std::make_shared<int>(0);
        auto firstEvents = std::make_shared<int>(-1);
        connect(poll, &QTimer::timeout, this, [main, poll, take, waited, firstEvents] {
            *waited += 250;
            LiveEventsView *live = main->liveView();
            if (main->currentView() != MainWindow::View::Live || !live->isSettled()) {
                if (*waited < 30000)
                    return;
            }
            if (*firstEvents < 0 && live->model()->rowCount() > 0)
                *firstEvents = *waited;
            const bool enough = *firstEvents >= 0 && *waited - *firstEvents >= 4000;
            if (!enough && *waited < 10000)
                return;
            poll->stop();
            poll->deleteLater();
            take(0);
        });
        poll->start();
    } else if (auto *main = qobject_cast<MainWindow *>(window)) {
        connect(
            main, &MainWindow::dataShown, this, [take] { take(0); }, Qt::SingleShotConnection);
        connect(
            main, &MainWindow::workspaceLoadFailed, this,
            [take](const QString &message) {
                std::fprintf(stderr, "sightline: %s\n", qPrintable(message));
                take(1);
            },
            Qt::SingleShotConnection);
    } else if (auto *evaluation = qobject_cast<EvaluationWindow *>(window)) {
        connect(
            evaluation, &EvaluationWindow::dataShown, this, [take] { take(0); }, Qt::SingleShotConnection);
        connect(evaluation, &EvaluationWindow::loadFinished, this,
                [take, evaluation](EvaluationWindow::State state) {
                    if (state == EvaluationWindow::State::Shown)
                        return; // dataShown follows once the output is in
                    std::fprintf(stderr, "sightline: %s\n", qPrintable(evaluation->problemText()));
                    take(1);
                });
    }
}

void GuiSession::saveScreenshot(QWidget *window, int exitCode)
{
    if (m_screenshotTaken)
        return;
    m_screenshotTaken = true;
    const bool saved = window->grab().save(m_options.screenshotFile, "PNG");
    if (!saved) {
        std::fprintf(stderr, "sightline: cannot write the screenshot to %s\n",
                     qPrintable(m_options.screenshotFile));
        QCoreApplication::exit(1);
        return;
    }
    std::fprintf(stderr, "sightline: screenshot written to %s\n", qPrintable(m_options.screenshotFile));
    QCoreApplication::exit(exitCode);
}

} // namespace Sightline
