#include "evaluationwindow.h"

#include "report/evaluationsummary.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "core/sightlinelink.h"
#include "evaluationcostview.h"
#include "evaluationmetricspanel.h"
#include "evaluationrawjson.h"
#include "evaluationtimeline.h"
#include "eventtabledelegate.h"
#include "grafanalinkbutton.h"
#include "lineageview.h"
#include "models/evaluationeventmodel.h"
#include "models/statuspalette.h"
#include "securityeventsview.h"
#include "sources/evaluationstore.h"
#include "statuspill.h"
#include "telemetry/metrics.h"
#include "ui_evaluationwindow.h"
#include "uiresources.h"
#include "windowstate.h"

#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMenu>
#include <QScrollBar>
#include <QShortcut>
#include <QTabBar>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString formatTime(const Timestamp &ms)
{
    if (!ms)
        return {};
    return formatDateTimeMs(*ms);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"—"_s : text;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(orDash(text), parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // No word wrap: wrapped labels in a scroll area get a height for the wrong width and clip.
    // Multi-line values (tracebacks) keep their own line breaks; the scroll area scrolls.
    return label;
}
} // namespace

EvaluationWindow::EvaluationWindow(EvaluationStore *store, const QString &evaluationId,
                                   PrometheusClient *prometheus, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::EvaluationWindow>())
    , m_store(store)
    , m_id(evaluationId)
    , m_profile(store ? store->profile() : WorkspaceProfile{})
    , m_events(new EvaluationEventModel(this))
{
    ensureUiResources();
    Metrics::trackOpenWindow(this, "evaluation");
    m_ui->setupUi(this);
    setWindowTitle(tr("%1 — Sightline").arg(m_id));
    setWindowIcon(QIcon(u":/icons/sightline.svg"_s));

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->codeEdit->setFont(mono);
    m_ui->rawEdit->setFont(mono);
    m_ui->codeNoteBar->hide();
    buildFacts();

    // The tabs whose widgets need the workspace: lineage, metrics, cost, links out.
    m_lineage = new LineageView(m_profile, m_ui->overviewContents);
    m_ui->lineageHost->addWidget(m_lineage);
    connect(m_lineage, &LineageView::changed, this, [this] {
        m_ui->lineageLabel->setText(m_lineage->headerText());
        m_rawDirty = true;
        if (m_ui->tabs->currentWidget() == m_ui->rawTab)
            updateRawJson();
    });
    connect(m_lineage, &LineageView::countdownTick, this,
            [this] { m_ui->lineageLabel->setText(m_lineage->headerText()); });
    connect(m_lineage, &LineageView::finished, this, &EvaluationWindow::lineageFinished);
    m_metrics = new EvaluationMetricsPanel(m_profile, prometheus, m_ui->metricsTab);
    m_ui->metricsLayout->addWidget(m_metrics);
    m_cost = new EvaluationCostView(m_profile, prometheus, m_ui->costTab);
    m_ui->costLayout->addWidget(m_cost);
    m_grafana = new GrafanaLinkButton(m_ui->contentPage);
    m_ui->linkHost->addWidget(m_grafana);
    m_ui->grafanaNote->hide();

    // The timeline, the Events table and the Security table select the same event.
    connect(m_ui->timeline, &EvaluationTimeline::eventSelected, this, &EvaluationWindow::selectEventRow);
    connect(m_ui->timeline, &EvaluationTimeline::eventActivated, this, [this](int row) {
        selectEventRow(row);
        m_ui->tabs->setCurrentWidget(m_ui->eventsTab);
    });
    connect(m_ui->timeline, &EvaluationTimeline::phasesChanged, this,
            [this] { m_ui->phaseLabel->setText(phaseSummary(m_ui->timeline->phases())); });
    connect(m_ui->securityTab, &SecurityEventsView::eventActivated, this, [this](int row) {
        selectEventRow(row);
        m_ui->timeline->setCurrentEvent(row);
        m_ui->tabs->setCurrentWidget(m_ui->timelineTab);
    });
    connect(m_ui->copyJsonButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(rawJson()); });
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_ui->tabs->currentWidget() == m_ui->rawTab && m_rawDirty)
            updateRawJson();
    });

    QTableView *events = m_ui->eventsView;
    events->setModel(m_events);
    events->setItemDelegate(new EventTableDelegate(events));
    events->setSelectionBehavior(QAbstractItemView::SelectRows);
    events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    events->setShowGrid(false);
    events->setAlternatingRowColors(true);
    events->setWordWrap(false);
    events->setTextElideMode(Qt::ElideRight);
    events->setTabKeyNavigation(false);
    events->verticalHeader()->hide();
    events->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    events->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = events->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(EvaluationEventModel::Time,
                          metrics.horizontalAdvance(u"2024-12-31 23:59:59.999"_s) + 24);
    header->resizeSection(EvaluationEventModel::Type, metrics.averageCharWidth() * 28);
    header->resizeSection(EvaluationEventModel::Category, metrics.averageCharWidth() * 15);
    header->resizeSection(EvaluationEventModel::Severity, metrics.horizontalAdvance(u"critical"_s) + 48);
    connect(events->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_ui->timeline->setCurrentEvent(current.row()); });

    connect(m_ui->retryButton, &QPushButton::clicked, this, &EvaluationWindow::reload);
    connect(m_ui->reloadButton, &QToolButton::clicked, this, &EvaluationWindow::reload);
    connect(m_ui->copyIdButton, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_id); });
    // The button copies the id; its menu also copies the whole evaluation as Markdown, for a
    // notebook, an issue or a chat (Ctrl+Shift+C anywhere in the window).
    auto *copyMenu = new QMenu(this);
    copyMenu->addAction(tr("Copy evaluation id"), this,
                        [this] { QGuiApplication::clipboard()->setText(m_id); });
    // The window's keyboard actions come from one list, which Help → Keyboard Shortcuts shows too.
    const QList<QAction *> windowActions = createWindowActions(this);
    auto windowAction = [&windowActions](QStringView name) {
        for (QAction *action : windowActions) {
            if (action->objectName() == name)
                return action;
        }
        Q_ASSERT_X(false, "EvaluationWindow", "no such window action");
        return static_cast<QAction *>(nullptr);
    };
    addActions(windowActions);
    m_copySummary = windowAction(u"actionCopySummary");
    copyMenu->addAction(m_copySummary);
    connect(m_copySummary, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(summaryMarkdown()); });
    m_copySummary->setEnabled(false);
    QAction *copyLink = windowAction(u"actionCopyLink");
    connect(copyLink, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(sightlineLink()); });
    copyLink->setToolTip(
        tr("Copy a sightline:// link to this evaluation, for a notebook, an issue or a chat (%1)")
            .arg(copyLink->shortcut().toString(QKeySequence::NativeText)));
    auto *copyLinkButton = new QToolButton(this);
    copyLinkButton->setObjectName(u"copyLinkButton"_s);
    copyLinkButton->setDefaultAction(copyLink);
    copyLinkButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    copyLinkButton->setFocusPolicy(Qt::StrongFocus);
    m_ui->titleRow->insertWidget(m_ui->titleRow->indexOf(m_ui->exportButton), copyLinkButton);
    m_ui->copyIdButton->setMenu(copyMenu);
    m_ui->copyIdButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_ui->copyIdButton->setToolTip(
        tr("Copy the evaluation id; the menu also copies a Markdown summary (Ctrl+Shift+C)"));
    // "Load all" reads the evaluation again without the cap; code and inline output share it.
    auto loadAll = [this] {
        m_textCap = FullTextChars;
        m_ui->codeLoadAllButton->setEnabled(false);
        reload();
    };
    connect(m_ui->codeLoadAllButton, &QPushButton::clicked, this, loadAll);
    connect(m_ui->outputView, &EvaluationOutputView::loadAllInlineRequested, this, loadAll);
    connect(m_ui->outputView, &EvaluationOutputView::settled, this, &EvaluationWindow::maybeEmitDataShown);

    // File → Export… of the main window, for this evaluation: the main window owns the workspace
    // the report is made from, so it opens the dialog.
    connect(m_ui->exportButton, &QToolButton::clicked, this, [this] { Q_EMIT exportRequested(m_id); });
    connect(windowAction(u"actionExport"), &QAction::triggered, this,
            [this] { Q_EMIT exportRequested(m_id); });
    connect(windowAction(u"actionReload"), &QAction::triggered, this, &EvaluationWindow::reload);
    connect(windowAction(u"actionClose"), &QAction::triggered, this, &QWidget::close);

    applyStyle();
    resize(1040, 740);
    trackWindowState(this, u"evaluation"_s); // one size for every Evaluation window
    reload();
}

EvaluationWindow::~EvaluationWindow() = default;

QString EvaluationWindow::sightlineLink() const
{
    return buildSightlineLink(m_id, m_profile.name);
}

QList<QAction *> EvaluationWindow::createWindowActions(QObject *parent)
{
    auto make = [parent](const QString &name, const QString &text, const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, parent);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    QList<QKeySequence> refresh = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refresh.contains(QKeySequence(Qt::Key_F5)))
        refresh.prepend(QKeySequence(Qt::Key_F5));
    return {
        make(u"actionExport"_s, tr("E&xport…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}),
        make(u"actionReload"_s, tr("&Reload"), refresh),
        make(u"actionCopyLink"_s, tr("Copy Sightline &Link"), {QKeySequence(Qt::CTRL | Qt::Key_L)}),
        make(u"actionCopySummary"_s, tr("Copy summary as Markdown"),
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}),
        make(u"actionClose"_s, tr("&Close Window"), {QKeySequence(Qt::CTRL | Qt::Key_W)}),
    };
}

void EvaluationWindow::reload()
{
    if (!m_store) {
        showProblem(tr("The workspace was closed"),
                    tr("Evaluation %1 belonged to a workspace that is no longer open.").arg(m_id), false);
        return;
    }
    const quint64 generation = ++m_generation;
    if (m_state == State::Shown) {
        // Keep what is on screen while the new answer comes; the note says it is being refreshed.
        m_ui->reloadNote->setText(tr("Reloading…"));
        m_ui->reloadButton->setEnabled(false);
    } else {
        m_state = State::Loading;
        m_ui->pageStack->setCurrentWidget(m_ui->loadingPage);
    }
    whenFinished(m_store->loadDetail(m_id, m_textCap), this,
                 [this, generation](const EvaluationDetailResult &result) {
                     if (generation == m_generation)
                         onLoaded(result);
                 });
}

void EvaluationWindow::onLoaded(const EvaluationDetailResult &result)
{
    m_ui->reloadNote->clear();
    m_ui->reloadButton->setEnabled(true);
    if (result.error.isError()) {
        m_state = State::Failed;
        showProblem(tr("Could not load evaluation %1").arg(m_id), result.error.message, true);
        Q_EMIT loadFinished(m_state);
        return;
    }
    if (!result.detail) {
        m_state = State::NotFound;
        showProblem(tr("No evaluation with id %1 in this workspace").arg(m_id),
                    tr("It may have been removed, or belong to another workspace."), true);
        Q_EMIT loadFinished(m_state);
        return;
    }
    m_state = State::Shown;
    QList<EvaluationEvent> events = result.events;
    // Time order whatever order the store used; equal times keep the store's order.
    std::stable_sort(events.begin(), events.end(), [](const EvaluationEvent &a, const EvaluationEvent &b) {
        return a.timestamp < b.timestamp;
    });
    m_events->setEvents(std::move(events));
    m_detail = *result.detail;
    m_eventsTruncated = result.eventsTruncated;
    m_copySummary->setEnabled(true);
    showDetail(*result.detail, result.eventsTruncated);
}

QString EvaluationWindow::summaryMarkdown() const
{
    if (!m_detail)
        return {};
    EvaluationSummaryOptions options;
    options.sourceDescription = m_store ? m_store->describe() : QString();
    options.utcOffsetSeconds = QDateTime::currentDateTime().offsetFromUtc();
    return evaluationSummaryMarkdown(*m_detail, m_events->events(), options);
}

void EvaluationWindow::showProblem(const QString &title, const QString &message, bool canRetry)
{
    m_ui->problemTitle->setText(title);
    m_ui->problemMessage->setText(message);
    m_ui->retryButton->setVisible(canRetry);
    m_ui->pageStack->setCurrentWidget(m_ui->problemPage);
    if (canRetry)
        m_ui->retryButton->setFocus();
}

void EvaluationWindow::showDetail(const EvaluationDetail &detail, bool eventsTruncated)
{
    const EvaluationRow &row = detail.row;
    m_ui->idLabel->setText(row.id);
    const QString status =
        row.status == EvaluationStatus::Unknown ? row.statusText : statusDisplayName(row.status);
    m_ui->statusPill->setStatus(status, statusColor(row.status));

    const int eventCount = m_events->rowCount();
    fillFacts(detail);
    fillOverview(detail);
    fillCode(detail);
    fillTabs(detail, eventsTruncated);

    m_ui->eventsNote->setVisible(eventsTruncated);
    m_ui->eventsNote->setText(tr("Showing the first %1 events.").arg(formatCount(eventCount)));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->eventsTab), tr("&Events (%1)").arg(eventCount));

    const bool firstShow = m_ui->pageStack->currentWidget() != m_ui->contentPage;
    m_ui->pageStack->setCurrentWidget(m_ui->contentPage);
    if (firstShow) {
        // Lay the page out now rather than on the next event-loop turn, so that whoever reacts
        // to dataShown (a screenshot) sees it sized, without stray scroll bars.
        m_ui->contentLayout->activate();
        m_ui->tabs->setFocus();
    }
    fillOutput(detail);
    maybeEmitDataShown();
}

void EvaluationWindow::fillTabs(const EvaluationDetail &detail, bool eventsTruncated)
{
    const QList<EvaluationEvent> &events = m_events->events();
    // Every backend is asked again on every load (F5 re-probes); answers arrive on their own.
    m_lineage->start(detail, events.size(), eventsTruncated);
    m_ui->lineageLabel->setText(m_lineage->headerText());
    m_ui->timeline->setEvaluation(detail.row, events);
    m_metrics->setEvaluation(detail, events);
    m_cost->setEvaluation(detail);

    const int security = m_ui->securityTab->setEvents(events);
    const int securityIndex = m_ui->tabs->indexOf(m_ui->securityTab);
    m_ui->tabs->setTabText(securityIndex,
                           security > 0 ? tr("&Security (%1)").arg(security) : tr("&Security"));
    m_ui->tabs->tabBar()->setTabTextColor(securityIndex, security > 0 ? QColor(0xdc, 0x26, 0x26) : QColor());

    m_grafana->setEvaluation(m_profile, detail);
    const QString reason = m_grafana->disabledReason();
    m_ui->grafanaNote->setText(reason);
    m_ui->grafanaNote->setToolTip(reason);
    m_ui->grafanaNote->setVisible(!reason.isEmpty());

    m_rawDirty = true;
    if (m_ui->tabs->currentWidget() == m_ui->rawTab)
        updateRawJson();
}

void EvaluationWindow::selectEventRow(int row)
{
    if (row < 0 || row >= m_events->rowCount())
        return;
    const QModelIndex index = m_events->index(row, 0);
    m_ui->eventsView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    m_ui->eventsView->scrollTo(index);
}

int EvaluationWindow::selectedEventRow() const
{
    const QModelIndex current = m_ui->eventsView->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QString EvaluationWindow::rawJson() const
{
    if (!m_detail)
        return {};
    const QJsonObject json = evaluationRawJson(*m_detail, m_events->events(), m_eventsTruncated,
                                               m_lineage->lineage().items, m_lineage->cacheCheck());
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
}

void EvaluationWindow::updateRawJson()
{
    // Keep the reader's place when the text is rebuilt (a backend answered while reading).
    const int scroll = m_ui->rawEdit->verticalScrollBar()->value();
    m_ui->rawEdit->setPlainText(rawJson());
    m_ui->rawEdit->verticalScrollBar()->setValue(scroll);
    m_rawDirty = false;
}

void EvaluationWindow::showTab(const QString &objectName)
{
    if (QWidget *tab = m_ui->tabs->findChild<QWidget *>(objectName))
        m_ui->tabs->setCurrentWidget(tab);
}

QString EvaluationWindow::lineageText() const
{
    return m_ui->lineageLabel->text();
}

QString EvaluationWindow::phaseText() const
{
    return m_ui->phaseLabel->text();
}

QString EvaluationWindow::grafanaMessage() const
{
    return m_grafana->disabledReason();
}

EvaluationTimeline *EvaluationWindow::timeline() const
{
    return m_ui->timeline;
}

SecurityEventsView *EvaluationWindow::securityView() const
{
    return m_ui->securityTab;
}

void EvaluationWindow::buildFacts()
{
    // Two rows of caption-over-value cells: what a researcher checks first, at a glance. Built
    // once: labels made while the window is visible only appear on the next event-loop turn, so
    // rebuilding them on every reload showed an empty framed box until then.
    const QString captions[FactCount] = {tr("Created"),      tr("Started"), tr("Completed"), tr("Duration"),
                                         tr("Exit code"),    tr("Worker"),  tr("Container"), tr("Batch"),
                                         tr("Submitted by"), tr("Cost")};
    QGridLayout *grid = m_ui->factsGrid;
    QFont captionFont = font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.9);
    for (int i = 0; i < FactCount; ++i) {
        const int r = i / FactColumns;
        const int c = i % FactColumns;
        auto *caption = new QLabel(captions[i], m_ui->factsFrame);
        caption->setObjectName(u"factCaption%1"_s.arg(i));
        caption->setFont(captionFont);
        if (r > 0)
            caption->setContentsMargins(0, 10, 0, 0); // a gap between the two rows of facts
        m_factCaptions[i] = caption;
        m_factValues[i] = valueLabel(QString(), m_ui->factsFrame);
        m_factValues[i]->setObjectName(u"factValue%1"_s.arg(i));
        grid->addWidget(caption, r * 2, c);
        grid->addWidget(m_factValues[i], r * 2 + 1, c);
    }
    for (int c = 0; c < FactColumns; ++c)
        grid->setColumnStretch(c, 1);
}

void EvaluationWindow::fillFacts(const EvaluationDetail &detail)
{
    const EvaluationRow &row = detail.row;
    const QString values[FactCount] = {
        formatTime(row.createdAt),
        formatTime(row.startedAt),
        formatTime(row.completedAt),
        row.durationSeconds ? formatDuration(*row.durationSeconds) : QString(),
        row.exitCode ? QString::number(*row.exitCode) : QString(),
        row.workerId,
        detail.containerId,
        row.batchId,
        row.submittedBy,
        row.costCents ? formatCost(*row.costCents) : QString(),
    };
    for (int i = 0; i < FactCount; ++i)
        m_factValues[i]->setText(orDash(values[i]));
}

void EvaluationWindow::fillOverview(const EvaluationDetail &detail)
{
    const EvaluationRow &row = detail.row;
    QFormLayout *form = m_ui->overviewForm;
    while (form->rowCount() > 0)
        form->removeRow(0);
    auto add = [&](const QString &label, const QString &value) {
        form->addRow(label, valueLabel(value, m_ui->overviewContents));
    };
    auto number = [](const std::optional<double> &value, int decimals) {
        return value ? formatNumber(*value, decimals) : QString();
    };
    add(tr("Evaluation"), row.id);
    // The word people read ("Failed"), in the status colour; the stored text only for a status
    // this version does not know.
    const bool unknown = row.status == EvaluationStatus::Unknown;
    auto *status =
        valueLabel(unknown ? row.statusText : statusDisplayName(row.status), m_ui->overviewContents);
    status->setObjectName(u"overviewStatus"_s);
    if (!unknown) {
        QPalette colored = status->palette();
        colored.setColor(QPalette::WindowText, Pill::readableTextColor(statusColor(row.status), palette()));
        status->setPalette(colored);
        QFont bold = status->font();
        bold.setBold(true);
        status->setFont(bold);
    }
    form->addRow(tr("Status"), status);
    add(tr("Engine"), row.engine);
    add(tr("Created"), formatTime(row.createdAt));
    add(tr("Started"), formatTime(row.startedAt));
    add(tr("Completed"), formatTime(row.completedAt));
    add(tr("Duration"), row.durationSeconds ? formatDuration(*row.durationSeconds) : QString());
    add(tr("Worker"), row.workerId);
    add(tr("Container"), detail.containerId);
    add(tr("Batch"), row.batchId);
    add(tr("Submitted by"), row.submittedBy);
    add(tr("Exit code"), row.exitCode ? QString::number(*row.exitCode) : QString());
    add(tr("Error"), detail.error);
    add(tr("Code length"),
        tr("%1 characters").arg(formatCount(detail.codeLengthColumn.value_or(detail.codeLength))));
    if (!detail.outputLocation.isEmpty())
        add(tr("Output location"), detail.outputLocation);
    add(tr("Output size"),
        row.outputSize
            ? formatBytes(*row.outputSize)
            : (detail.outputLength ? tr("%1 characters inline").arg(formatCount(detail.outputLength))
                                   : QString()));
    add(tr("CPU"), detail.cpuSeconds ? tr("%1 s").arg(number(detail.cpuSeconds, 1)) : QString());
    add(tr("Memory"),
        detail.memoryMbSeconds ? tr("%1 MB·s").arg(number(detail.memoryMbSeconds, 0)) : QString());
    add(tr("Estimated cost"), row.costCents ? formatCost(*row.costCents) : QString());
    add(tr("Events"), formatCount(m_events->rowCount()));
    // Widgets added to a visible parent only appear on the next event-loop turn; on a reload
    // the Overview would be blank until then (and in a screenshot taken right away).
    // (On the first load the page is hidden and its rows appear with it.)
    if (m_ui->overviewContents->isVisible()) {
        const QList<QWidget *> rows =
            m_ui->overviewContents->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (QWidget *row : rows)
            row->show();
    }
}

void EvaluationWindow::fillCode(const EvaluationDetail &detail)
{
    m_ui->codeEdit->setPlainText(detail.code);
    const qint64 total = detail.codeLength;
    const bool truncated = total > detail.code.size();
    m_ui->codeNoteBar->setVisible(truncated);
    m_ui->codeLoadAllButton->setEnabled(truncated && m_textCap < FullTextChars);
    m_ui->codeLoadAllButton->setVisible(m_textCap < FullTextChars);
    if (truncated) {
        m_ui->codeNoteLabel->setText(tr("Showing the first %1 of %2 characters.")
                                         .arg(formatCount(detail.code.size()), formatCount(total)));
    }
}

void EvaluationWindow::fillOutput(const EvaluationDetail &detail)
{
    if (!detail.outputLocation.isEmpty())
        m_ui->outputView->showLocation(m_store, detail.outputLocation);
    else if (detail.outputLength > 0 || !detail.output.isEmpty())
        m_ui->outputView->showInline(detail.output, qMax<qint64>(detail.outputLength, detail.output.size()));
    else
        m_ui->outputView->showNoOutput();
}

void EvaluationWindow::maybeEmitDataShown()
{
    if (m_state != State::Shown || !m_ui->outputView->isSettled())
        return;
    if (!m_dataShownEmitted) {
        m_dataShownEmitted = true;
        Q_EMIT dataShown();
    }
    Q_EMIT loadFinished(m_state);
}

void EvaluationWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    QWidget::changeEvent(event);
}

void EvaluationWindow::applyStyle()
{
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(font().pointSizeF() * 1.45);
    idFont.setBold(true);
    m_ui->idLabel->setFont(idFont);
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->problemTitle->setFont(title);
    QFont section = font();
    section.setBold(true);
    section.setPointSizeF(section.pointSizeF() * 1.08);
    m_ui->lineageTitle->setFont(section);
    m_ui->detailsTitle->setFont(section);
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText,
                   mix(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.65));
    m_ui->lineageLabel->setPalette(muted);
    m_ui->reloadNote->setPalette(muted);
    m_ui->codeNoteLabel->setPalette(muted);
    m_ui->eventsNote->setPalette(muted);
    m_ui->loadingLabel->setPalette(muted);
    // The status word's colour was picked for the palette it was first shown in (light or dark).
    if (auto *status = findChild<QLabel *>(u"overviewStatus"_s);
        status && m_detail && m_detail->row.status != EvaluationStatus::Unknown) {
        QPalette colored = status->palette();
        colored.setColor(QPalette::WindowText,
                         Pill::readableTextColor(statusColor(m_detail->row.status), palette()));
        status->setPalette(colored);
    }
    m_ui->timelineHint->setPalette(muted);
    m_ui->rawNote->setPalette(muted);
    m_ui->grafanaNote->setPalette(muted);
    QPalette caption = palette();
    caption.setColor(QPalette::WindowText,
                     mix(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.6));
    for (QLabel *label : m_factCaptions) {
        if (label)
            label->setPalette(caption);
    }
}

QString EvaluationWindow::headerText() const
{
    return m_ui->idLabel->text();
}

QString EvaluationWindow::statusText() const
{
    return m_ui->statusPill->text();
}

QString EvaluationWindow::codeText() const
{
    return m_ui->codeEdit->toPlainText();
}

QString EvaluationWindow::outputText() const
{
    return m_ui->outputView->text();
}

QString EvaluationWindow::outputMessage() const
{
    return m_ui->outputView->message();
}

QString EvaluationWindow::problemText() const
{
    return m_ui->problemTitle->text();
}

int EvaluationWindow::eventCount() const
{
    return m_events->rowCount();
}

} // namespace Sightline
