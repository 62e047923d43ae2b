#include "storageexplorer.h"

#include "models/storagetreemodel.h"
#include "storagepanel.h"
#include "storagepreviewview.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

StorageExplorer::StorageExplorer(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_column(new QWidget)
    , m_columnLayout(new QVBoxLayout(m_column))
    , m_emptyLabel(new QLabel(tr("This workspace configures no storage backend."), m_column))
    , m_missingLabel(new QLabel(m_column))
    , m_ttlTimer(new QTimer(this))
{
    auto *expandButton = new QToolButton(this);
    expandButton->setText(tr("Expand all"));
    expandButton->setToolTip(tr("Open every backend and its tree to a depth"));
    expandButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *depthMenu = new QMenu(expandButton);
    for (int depth = 1; depth <= 4; ++depth)
        depthMenu->addAction(tr("Expand all to depth %1").arg(depth), this,
                             [this, depth] { expandAll(depth); });
    expandButton->setMenu(depthMenu);
    connect(expandButton, &QToolButton::clicked, this, [this] { expandAll(1); });
    auto *collapseButton = new QToolButton(this);
    collapseButton->setText(tr("Collapse all"));
    collapseButton->setToolTip(tr("Close every backend and stop its background work"));
    connect(collapseButton, &QToolButton::clicked, this, &StorageExplorer::collapseAll);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setText(tr("Refresh all"));
    connect(refreshButton, &QToolButton::clicked, this, &StorageExplorer::refreshAll);
    auto *title = new QLabel(tr("Where your evaluations' artifacts live"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(title, 1);
    toolbar->addWidget(expandButton);
    toolbar->addWidget(collapseButton);
    toolbar->addWidget(refreshButton);

    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_missingLabel->setForegroundRole(QPalette::PlaceholderText);
    m_missingLabel->setWordWrap(true);
    m_columnLayout->setContentsMargins(0, 0, 0, 0);
    m_columnLayout->setSpacing(8);
    m_columnLayout->addWidget(m_emptyLabel);
    m_columnLayout->addWidget(m_missingLabel);
    m_columnLayout->addStretch(1);
    m_scroll->setWidget(m_column);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_scroll, 1);

    // TTLs count down on screen.
    m_ttlTimer->setInterval(1000);
    connect(m_ttlTimer, &QTimer::timeout, this, [this] {
        for (StoragePanel *panel : std::as_const(m_panels)) {
            if (panel->isExpanded())
                panel->model()->tickExpiries();
        }
    });
    m_ttlTimer->start();
}

StorageExplorer::~StorageExplorer()
{
    clear();
}

void StorageExplorer::clear()
{
    // Panels first: their models talk to the sources until they are gone.
    qDeleteAll(m_panels);
    m_panels.clear();
    m_sources.clear();
    m_summariesRequested = false;
}

void StorageExplorer::setSources(std::vector<std::unique_ptr<StorageSource>> sources,
                                 const QStringList &missing)
{
    clear();
    m_sources = std::move(sources);
    int position = 0;
    for (const auto &source : m_sources) {
        auto *panel = new StoragePanel(source.get(), m_column);
        connect(panel, &StoragePanel::openEvaluationRequested, this,
                &StorageExplorer::openEvaluationRequested);
        m_columnLayout->insertWidget(position++, panel);
        m_panels.append(panel);
    }
    m_emptyLabel->setVisible(m_panels.isEmpty());
    m_missingLabel->setText(missing.isEmpty() ? QString()
                                              : tr("Not configured in this workspace: %1. Add them under "
                                                   "\"sources\" in the workspace profile to see them here.")
                                                    .arg(missing.join(u", "_s)));
    m_missingLabel->setVisible(!missing.isEmpty());
    if (isVisible()) {
        m_summariesRequested = true;
        for (StoragePanel *panel : std::as_const(m_panels))
            panel->requestSummary();
    }
}

void StorageExplorer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Backends are asked only once somebody looks: opening a workspace does not touch them all.
    if (!m_summariesRequested) {
        m_summariesRequested = true;
        for (StoragePanel *panel : std::as_const(m_panels))
            panel->requestSummary();
    }
}

StoragePanel *StorageExplorer::panel(StorageBackend backend) const
{
    for (StoragePanel *panel : m_panels) {
        if (panel->source()->backend() == backend)
            return panel;
    }
    return nullptr;
}

void StorageExplorer::expandAll(int depth)
{
    for (StoragePanel *panel : std::as_const(m_panels)) {
        panel->setExpanded(true);
        panel->expandToDepth(depth);
    }
}

void StorageExplorer::collapseAll()
{
    for (StoragePanel *panel : std::as_const(m_panels))
        panel->setExpanded(false);
}

void StorageExplorer::refreshAll()
{
    for (StoragePanel *panel : std::as_const(m_panels))
        panel->refresh();
}

bool StorageExplorer::isSettled() const
{
    for (StoragePanel *panel : m_panels) {
        if (!panel->hasSummary() || panel->isBusy())
            return false;
    }
    return true;
}

void StorageExplorer::focusFilter()
{
    StoragePanel *target = nullptr;
    for (StoragePanel *panel : std::as_const(m_panels)) {
        if (panel->isAncestorOf(QApplication::focusWidget())) {
            target = panel;
            break;
        }
        if (!target && panel->isExpanded())
            target = panel;
    }
    if (!target && !m_panels.isEmpty()) {
        target = m_panels.constFirst();
        target->setExpanded(true);
    }
    if (target) {
        m_scroll->ensureWidgetVisible(target);
        target->focusFilter();
    }
}

} // namespace Sightline
