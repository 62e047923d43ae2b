#include "mainwindow.h"

#include "comparewindow.h"
#include "connectiondialog.h"
#include "core/format.h"
#include "core/timestamp.h"
#include "evaluationbrowser.h"
#include "evaluationwindow.h"
#include "exportdialog.h"
#include "liveeventfilterbar.h"
#include "liveeventsview.h"
#include "metricsview.h"
#include "models/evaluationtablemodel.h"
#include "recentworkspaces.h"
#include "sources/evaluationstore.h"
#include "sources/live/liveeventhub.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/secrets/secretstore.h"
#include "sources/storagesources.h"
#include "storageexplorer.h"
#include "telemetry/metrics.h"
#include "ui_mainwindow.h"
#include "uiresources.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Sightline {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    ensureUiResources();
    Metrics::trackOpenWindow(this, "main");
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/sightline.svg"_s));

    m_newEvaluationsLabel = new QLabel(this);
    m_workspaceLabel = new QLabel(this);
    statusBar()->addWidget(m_newEvaluationsLabel, 1);
    statusBar()->addPermanentWidget(m_workspaceLabel);
    m_ui->errorIcon->setPixmap(QIcon(u":/icons/warning.svg"_s).pixmap(40, 40));

    // The Live tab is built here rather than in the form: it has no designer-editable parts.
    m_liveView = new LiveEventsView(m_ui->workspaceTabs);
    m_ui->workspaceTabs->addTab(m_liveView, tr("Live"));
    auto *showLive = new QAction(tr("&Live"), this);
    showLive->setShortcut(QKeySequence(u"Ctrl+Shift+L"_s));
    {
        const QList<QAction *> actions = m_ui->menuView->actions();
        const qsizetype metrics = actions.indexOf(m_ui->actionShowMetrics);
        m_ui->menuView->insertAction(actions.value(metrics + 1), showLive); // right after Metrics
    }
    connect(showLive, &QAction::triggered, this, [this] { showView(View::Live); });
    connect(m_liveView, &LiveEventsView::evaluationActivated, this, &MainWindow::openEvaluation);

    auto *views = new QActionGroup(this);
    views->addAction(m_ui->actionTable);
    views->addAction(m_ui->actionCards);
    connect(m_ui->actionTable, &QAction::triggered, this,
            [this] { m_ui->browser->setViewMode(EvaluationBrowser::ViewMode::Table); });
    connect(m_ui->actionCards, &QAction::triggered, this,
            [this] { m_ui->browser->setViewMode(EvaluationBrowser::ViewMode::Cards); });
    connect(m_ui->browser, &EvaluationBrowser::viewModeChanged, this,
            [this](EvaluationBrowser::ViewMode mode) {
                (mode == EvaluationBrowser::ViewMode::Table ? m_ui->actionTable : m_ui->actionCards)
                    ->setChecked(true);
            });
    connect(m_ui->actionOpenWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspaceFile);
    connect(m_ui->welcomeOpenButton, &QPushButton::clicked, this, &MainWindow::chooseWorkspaceFile);
    connect(m_ui->errorOpenButton, &QPushButton::clicked, this, &MainWindow::chooseWorkspaceFile);
    connect(m_ui->actionNewWorkspace, &QAction::triggered, this, [this] { openConnectionDialog(true); });
    connect(m_ui->actionEditWorkspace, &QAction::triggered, this, [this] { openConnectionDialog(false); });
    connect(m_ui->actionExport, &QAction::triggered, this, [this] { openExportDialog(); });
    connect(m_ui->menuRecent, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    connect(m_ui->noticeClose, &QToolButton::clicked, m_ui->noticeBar, &QWidget::hide);
    m_ui->noticeBar->hide();
    m_ui->noticeIcon->setPixmap(QIcon(u":/icons/warning.svg"_s).pixmap(18, 18));
    rebuildRecentMenu(); // so the menu is never empty, even before it is first opened
    connect(m_ui->actionQuit, &QAction::triggered, this, [this] {
        // Closing this window closes the Evaluation windows too, so the application ends.
        close();
    });
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        if (m_ui->pages->currentWidget() != m_ui->workspaceTabs)
            return;
        if (currentView() == View::Storage)
            m_ui->storageExplorer->focusFilter();
        else if (currentView() == View::Metrics)
            m_ui->metricsView->queryEdit()->setFocus();
        else if (currentView() == View::Live)
            m_liveView->filterBar()->focusSearch();
        else
            m_ui->browser->focusSearch();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionShowEvaluations, &QAction::triggered, this, [this] { showView(View::Evaluations); });
    connect(m_ui->actionShowStorage, &QAction::triggered, this, [this] { showView(View::Storage); });
    connect(m_ui->actionShowMetrics, &QAction::triggered, this, [this] { showView(View::Metrics); });
    connect(m_ui->storageExplorer, &StorageExplorer::openEvaluationRequested, this,
            &MainWindow::openEvaluation);
    connect(m_ui->browser, &EvaluationBrowser::evaluationActivated, this, &MainWindow::openEvaluation);
    connect(m_ui->browser, &EvaluationBrowser::compareRequested, this, &MainWindow::openComparison);

    applyStyle();
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    m_ui->actionRefresh->setEnabled(false);
    m_ui->actionFind->setEnabled(false);
    updateWorkspaceActions();
    setWindowTitle(tr("Sightline"));
    setUpDesktopActions(); // Edit → Preferences, Help → Keyboard Shortcuts, saved geometry
}

MainWindow::~MainWindow()
{
    closeWorkspace();
}

void MainWindow::closeWorkspace()
{
    // An export reports on this workspace: it goes with it (its destructor cancels a running one).
    for (const QPointer<ExportDialog> &dialog : std::as_const(m_exportDialogs))
        delete dialog.data();
    m_exportDialogs.clear();
    for (const QPointer<EvaluationWindow> &window : std::as_const(m_windows)) {
        if (window)
            window->close();
        delete window.data(); // they belong to the workspace's store, which goes now
    }
    m_windows.clear();
    for (const QPointer<CompareWindow> &window : std::as_const(m_comparisons)) {
        if (window)
            window->close();
        delete window.data();
    }
    m_comparisons.clear();
    m_ui->browser->setModel(nullptr);
    m_ui->storageExplorer->clear();
    m_ui->metricsView->clear(); // before the client it uses goes
    if (m_liveView)
        m_liveView->setHub(nullptr, {});
    m_liveHub.reset(); // stops and joins its source threads
    m_prometheus.reset();
    m_model.reset();
    m_store.reset();
    m_ui->noticeBar->hide(); // its warnings were the old workspace's
    updateWorkspaceActions();
}

void MainWindow::setWorkspace(const WorkspaceProfile &profile)
{
    closeWorkspace();
    m_profile = profile;
    m_store = std::make_unique<EvaluationStore>(profile);
    m_model = std::make_unique<EvaluationTableModel>(m_store.get());
    m_firstRowsShown = false;
    m_dataShownEmitted = false;
    m_newEvaluations = 0;
    m_newEvaluationsLabel->clear();

    // The browser connects first, so its counts line is current when dataShown fires.
    m_ui->browser->setModel(m_model.get());
    connect(m_model.get(), &EvaluationTableModel::firstRowsShown, this, [this] {
        m_firstRowsShown = true;
        checkDataShown();
    });
    connect(m_model.get(), &EvaluationTableModel::countsChanged, this, &MainWindow::checkDataShown);
    connect(m_model.get(), &EvaluationTableModel::stateChanged, this,
            [this](EvaluationTableModel::State state) {
                if (state != EvaluationTableModel::State::Failed)
                    return;
                // The banner above says what went wrong (unreachable server, corrupt file, missing table…);
                // the status bar only points at it, so it must be true for every kind of failure.
                statusBar()->showMessage(tr("Could not load evaluations — see the message above"), 8000);
                if (!m_dataShownEmitted)
                    Q_EMIT workspaceLoadFailed(m_model->errorMessage());
            });

    setWindowTitle(
        tr("Sightline — %1").arg(profile.name.isEmpty() ? tr("Untitled workspace") : profile.name));
    m_workspaceLabel->setText(m_store->describe());
    StorageSources storage = createStorageSources(profile);
    for (const QString &problem : std::as_const(storage.problems))
        statusBar()->showMessage(tr("Workspace profile: %1").arg(problem), 15000);
    m_ui->storageExplorer->setSources(std::move(storage.sources), storage.missing);
    if (!profile.prometheus.url.isEmpty()) {
        m_prometheus = std::make_unique<PrometheusClient>(PrometheusConnection::fromProfile(profile));
    }
    m_ui->metricsView->setWorkspace(profile, m_prometheus.get());
    m_liveHub = std::make_unique<LiveEventHub>(profile);
    m_liveView->setHub(m_liveHub.get(), profile.live);
    m_liveHub->start();
    m_ui->pages->setCurrentWidget(m_ui->workspaceTabs);
    m_ui->actionRefresh->setEnabled(true);
    m_ui->actionFind->setEnabled(true);
    updateWorkspaceActions();
    m_ui->browser->tableView()->setFocus();
    continuePendingLink(); // a sightline:// link that was waiting for this workspace
}

void MainWindow::checkDataShown()
{
    if (m_dataShownEmitted || !m_model || !m_firstRowsShown || !m_model->counts())
        return;
    m_dataShownEmitted = true;
    Q_EMIT dataShown();
}

void MainWindow::showPreparing(const QString &message, int percent)
{
    m_ui->preparingMessage->setText(message);
    if (percent < 0) {
        m_ui->preparingProgress->setRange(0, 0);
    } else {
        m_ui->preparingProgress->setRange(0, 100);
        m_ui->preparingProgress->setValue(qBound(0, percent, 100));
    }
    m_ui->pages->setCurrentWidget(m_ui->preparingPage);
}

void MainWindow::showWorkspaceError(const QString &message)
{
    closeWorkspace();
    m_ui->errorMessage->setText(message);
    m_ui->pages->setCurrentWidget(m_ui->errorPage);
    m_ui->actionRefresh->setEnabled(false);
    m_ui->actionFind->setEnabled(false);
    m_workspaceLabel->clear();
    m_ui->errorOpenButton->setFocus();
    abandonPendingLink(message);
}

void MainWindow::noteNewEvaluations(int count)
{
    if (count <= 0 || !m_model)
        return;
    m_newEvaluations += count;
    m_newEvaluationsLabel->setText(
        tr("%Ln new evaluation(s) — press F5 to refresh", nullptr, m_newEvaluations));
}

QString MainWindow::newEvaluationsNote() const
{
    return m_newEvaluationsLabel->text();
}

void MainWindow::showView(View view)
{
    if (m_ui->pages->currentWidget() != m_ui->workspaceTabs)
        return;
    QWidget *page = m_ui->browser;
    if (view == View::Storage)
        page = m_ui->storageExplorer;
    else if (view == View::Metrics)
        page = m_ui->metricsView;
    else if (view == View::Live)
        page = m_liveView;
    m_ui->workspaceTabs->setCurrentWidget(page);
}

MainWindow::View MainWindow::currentView() const
{
    QWidget *page = m_ui->workspaceTabs->currentWidget();
    if (page == m_ui->storageExplorer)
        return View::Storage;
    if (page == m_ui->metricsView)
        return View::Metrics;
    if (page == m_liveView)
        return View::Live;
    return View::Evaluations;
}

MetricsView *MainWindow::metricsView() const
{
    return m_ui->metricsView;
}

StorageExplorer *MainWindow::storageExplorer() const
{
    return m_ui->storageExplorer;
}

void MainWindow::refresh()
{
    if (!m_model)
        return;
    if (currentView() == View::Storage) {
        m_ui->storageExplorer->refreshAll();
        return;
    }
    if (currentView() == View::Metrics) {
        m_ui->metricsView->refresh();
        return;
    }
    if (currentView() == View::Live)
        return; // it is live already
    m_newEvaluations = 0;
    m_newEvaluationsLabel->clear();
    m_model->refresh();
}

EvaluationWindow *MainWindow::openEvaluation(const QString &id)
{
    if (!m_store || id.isEmpty())
        return nullptr;
    if (QPointer<EvaluationWindow> existing = m_windows.value(id)) {
        existing->showNormal();
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    auto *window = new EvaluationWindow(m_store.get(), id, m_prometheus.get(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &EvaluationWindow::exportRequested, this,
            [this](const QString &evaluationId) { openExportDialog(evaluationId); });
    // Cascade new windows so several open at once do not hide each other exactly.
    int open = 0;
    for (const QPointer<EvaluationWindow> &other : std::as_const(m_windows))
        open += other ? 1 : 0;
    window->move(pos() + QPoint(40 + 28 * (open % 8), 40 + 28 * (open % 8)));
    // Closed windows leave null entries behind; drop them here rather than from a destroyed()
    // handler, which would read a QPointer<EvaluationWindow> to an object that by then is only a
    // QObject (UBSan: invalid downcast).
    m_windows.removeIf([](const auto &entry) { return entry.value().isNull(); });
    m_windows.insert(id, window);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

CompareWindow *MainWindow::openComparison(const QString &leftId, const QString &rightId)
{
    if (!m_store || leftId.isEmpty() || rightId.isEmpty())
        return nullptr;
    auto *window = new CompareWindow(m_store.get(), m_prometheus.get(), leftId, rightId, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_comparisons.removeIf([](const QPointer<CompareWindow> &other) { return other.isNull(); });
    m_comparisons.append(window);
    window->move(pos() + QPoint(60, 60));
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

QList<EvaluationWindow *> MainWindow::evaluationWindows() const
{
    QList<EvaluationWindow *> windows;
    for (const QPointer<EvaluationWindow> &window : m_windows) {
        if (window)
            windows.append(window);
    }
    return windows;
}

EvaluationBrowser *MainWindow::browser() const
{
    return m_ui->browser;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (const QPointer<EvaluationWindow> &window : std::as_const(m_windows)) {
        if (window)
            window->close();
    }
    for (const QPointer<CompareWindow> &window : std::as_const(m_comparisons)) {
        if (window)
            window->close();
    }
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    QMainWindow::changeEvent(event);
}

void MainWindow::applyStyle()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_ui->welcomeTitle->setFont(title);
    m_ui->preparingTitle->setFont(title);
    m_ui->errorTitle->setFont(title);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Sightline"),
                       tr("<h3>Sightline %1</h3>"
                          "<p>A workbench for researchers who run AI evaluations: where everything about "
                          "an evaluation lives, what is happening now, and what the infrastructure did "
                          "while it ran.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>"
                          "<p><a href=\"%4\">Documentation</a> · Help → Keyboard Shortcuts lists every "
                          "shortcut.</p>")
                           .arg(QLatin1StringView(SIGHTLINE_VERSION), QLatin1StringView(QT_VERSION_STR),
                                QLatin1StringView(qVersion()), u"https://sightline.invalid"_s));
}

void MainWindow::chooseWorkspaceFile()
{
    const QString start =
        m_profile.filePath.isEmpty() ? QDir::homePath() : QFileInfo(m_profile.filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace profile"), start,
                                                      tr("Workspace profiles (*.json);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT workspaceFileChosen(path);
}

void MainWindow::updateWorkspaceActions()
{
    const bool open = hasWorkspace();
    const bool editable = open && !m_profile.demo && !m_profile.filePath.isEmpty();
    m_ui->actionEditWorkspace->setEnabled(editable);
    m_ui->actionEditWorkspace->setToolTip(
        editable || !open ? QString() : tr("The demo workspace is generated; it has no profile to edit"));
    m_ui->actionExport->setEnabled(open);
}

SecretStore *MainWindow::secretStore() const
{
    return m_secretStore ? m_secretStore : SecretStore::instance();
}

void MainWindow::showNotice(const QString &text)
{
    m_ui->noticeText->setText(text);
    m_ui->noticeBar->setVisible(!text.isEmpty());
}

void MainWindow::showProfileWarnings(const QStringList &warnings)
{
    if (warnings.isEmpty())
        return;
    showNotice(
        warnings.size() == 1
            ? tr("Workspace profile: %1").arg(warnings.first())
            : tr("Workspace profile, %1 warnings:\n%2").arg(warnings.size()).arg(warnings.join(u'\n')));
}

void MainWindow::showKeychainNote(const QString &message)
{
    const QString current = m_ui->noticeBar->isVisible() ? m_ui->noticeText->text() : QString();
    showNotice(current.isEmpty() ? message : current + u'\n' + message);
}

QString MainWindow::noticeText() const
{
    return m_ui->noticeBar->isHidden() ? QString() : m_ui->noticeText->text();
}

ConnectionDialog *MainWindow::openConnectionDialog(bool newWorkspace)
{
    if (m_connectionDialog) {
        m_connectionDialog->raise();
        m_connectionDialog->activateWindow();
        return m_connectionDialog;
    }
    QJsonObject document = ConnectionDialog::newWorkspaceDocument();
    QString path;
    if (!newWorkspace) {
        if (m_profile.filePath.isEmpty())
            return nullptr;
        // The file as it is now, not as it was opened: it may have been edited since.
        const ProfileParseResult parsed = loadWorkspaceProfile(m_profile.filePath);
        document = parsed.profile ? parsed.profile->document : m_profile.document;
        path = m_profile.filePath;
    }
    auto *dialog = new ConnectionDialog(document, path, secretStore(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::saved, this, [this, dialog](const QString &savedPath) {
        Q_EMIT workspaceSaved(savedPath, dialog->secrets());
    });
    m_connectionDialog = dialog;
    dialog->show();
    return dialog;
}

namespace {
QString filterExpression(const EvaluationFilter &filter)
{
    QStringList parts;
    if (!filter.statuses.isEmpty()) {
        QStringList names;
        for (EvaluationStatus status : filter.statuses)
            names << statusName(status);
        parts << u"status:"_s + names.join(u',');
    }
    if (filter.createdFrom)
        parts << u"created>="_s + formatTimestampUtc(*filter.createdFrom);
    if (filter.createdTo)
        parts << u"created<"_s + formatTimestampUtc(*filter.createdTo);
    if (!filter.search.isEmpty())
        parts << filter.search;
    return parts.join(u' ');
}
} // namespace

ExportDialog *MainWindow::openExportDialog(const QString &evaluationId)
{
    if (!hasWorkspace())
        return nullptr;
    ExportContext context;
    context.evaluationId = evaluationId;
    if (evaluationId.isEmpty()) {
        context.selectedIds = m_ui->browser->selectedEvaluationIds();
        context.selectedIds.removeAll(QString());
    }
    if (m_model) {
        context.filter = m_model->filter();
        context.filterText = filterExpression(context.filter);
        if (m_model->counts())
            context.filterCount = m_model->counts()->total;
    }
    QWidget *parent = this;
    if (!evaluationId.isEmpty()) {
        if (QPointer<EvaluationWindow> window = m_windows.value(evaluationId))
            parent = window;
    }
    auto *dialog = new ExportDialog(m_profile, context, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialogs.removeAll(nullptr);
    m_exportDialogs.append(dialog);
    dialog->show();
    return dialog;
}

QMenu *MainWindow::recentMenu() const
{
    return m_ui->menuRecent;
}

void MainWindow::rebuildRecentMenu()
{
    QMenu *menu = m_ui->menuRecent;
    menu->clear();
    const RecentWorkspaces recent;
    const QStringList entries = recent.entries();
    int number = 0;
    for (const QString &entry : entries) {
        ++number;
        const bool demo = entry == RecentWorkspaces::demoEntry();
        const bool exists = RecentWorkspaces::exists(entry);
        QString label = demo ? tr("Demo workspace") : QDir::toNativeSeparators(entry);
        label.replace(u'&', u"&&"_s);
        if (number < 10)
            label = u"&%1 "_s.arg(number) + label;
        if (!exists)
            label = tr("%1 (not found)").arg(label);
        QAction *action = menu->addAction(label);
        action->setData(entry);
        action->setEnabled(exists);
        if (!exists)
            action->setToolTip(tr("The file is no longer there"));
        connect(action, &QAction::triggered, this, [this, entry] { Q_EMIT recentWorkspaceChosen(entry); });
    }
    if (entries.isEmpty()) {
        menu->addAction(tr("No recent workspaces"))->setEnabled(false);
        // The demo is always there to go back to.
        QAction *demo = menu->addAction(tr("Demo workspace"));
        connect(demo, &QAction::triggered, this,
                [this] { Q_EMIT recentWorkspaceChosen(RecentWorkspaces::demoEntry()); });
    }
    menu->addSeparator();
    QAction *clear = menu->addAction(tr("&Clear List"));
    clear->setEnabled(!entries.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentWorkspaces recentList;
        recentList.clear();
        rebuildRecentMenu();
    });
}

} // namespace Sightline
