#include "storagepanel.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "models/storagefilterproxy.h"
#include "models/storagetreemodel.h"
#include "storagepreviewview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Clicking anywhere on the card's free space toggles the panel, as on a disclosure triangle.
class CardHeader : public QWidget
{
public:
    explicit CardHeader(std::function<void()> onClick, QWidget *parent)
        : QWidget(parent)
        , m_onClick(std::move(onClick))
    {
        setCursor(Qt::PointingHandCursor);
    }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
            m_onClick();
    }

private:
    std::function<void()> m_onClick;
};

constexpr int MaxAutoExpanded = 400; // "expand to depth" never asks for more nodes than this

} // namespace

StoragePanel::StoragePanel(StorageSource *source, QWidget *parent)
    : QFrame(parent)
    , m_source(source)
    , m_model(new StorageTreeModel(source, this))
    , m_proxy(new StorageFilterProxy(this))
{
    setObjectName(u"storagePanel"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(storageBackendTitle(source->backend()));
    m_proxy->setSourceModel(m_model);
    buildHeader();

    connect(m_source, &StorageSource::progressChanged, this, &StoragePanel::showProgress);
    connect(m_model, &StorageTreeModel::loadingChanged, this, [this](bool loading) {
        if (!loading && m_progress->maximum() == 0)
            m_progress->hide();
        m_stopButton->setVisible(loading || m_progress->isVisible());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &StoragePanel::expandNewRows);
}

StoragePanel::~StoragePanel()
{
    m_model->stop();
}

void StoragePanel::buildHeader()
{
    auto *header = new CardHeader([this] { setExpanded(!m_expanded); }, this);
    m_toggle = new QToolButton(header);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolTip(tr("Expand or collapse this backend"));
    m_toggle->setAccessibleName(tr("Expand %1").arg(storageBackendTitle(m_source->backend())));
    m_title = new QLabel(storageBackendTitle(m_source->backend()), header);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_address = new QLabel(m_source->describe(), header);
    m_address->setForegroundRole(QPalette::PlaceholderText);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(header);
    m_facts = new QLabel(header);
    m_progress = new QProgressBar(header);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_stopButton = new QToolButton(header);
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop what this backend is loading (the tree keeps what arrived)"));
    m_stopButton->hide();
    m_refreshButton = new QToolButton(header);
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(tr("Ask this backend again"));
    m_depthButton = new QToolButton(header);
    m_depthButton->setText(tr("Expand"));
    m_depthButton->setPopupMode(QToolButton::InstantPopup);
    m_depthButton->setToolTip(tr("Expand the tree to a depth"));
    auto *depthMenu = new QMenu(m_depthButton);
    for (int depth = 1; depth <= 4; ++depth) {
        depthMenu->addAction(tr("Expand to depth %1").arg(depth), this, [this, depth] {
            setExpanded(true);
            expandToDepth(depth);
        });
    }
    depthMenu->addSeparator();
    depthMenu->addAction(tr("Collapse all"), this, &StoragePanel::collapseTree);
    m_depthButton->setMenu(depthMenu);

    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(4, 4, 8, 4);
    headerLayout->addWidget(m_toggle);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_address, 1);
    headerLayout->addWidget(m_status);
    headerLayout->addWidget(m_facts);
    headerLayout->addWidget(m_progress);
    headerLayout->addWidget(m_stopButton);
    headerLayout->addWidget(m_refreshButton);
    headerLayout->addWidget(m_depthButton);

    m_body = new QWidget(this);
    m_details = new QLabel(m_body);
    m_details->setWordWrap(true);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter = new QLineEdit(m_body);
    m_filter->setPlaceholderText(tr("Filter loaded items by name or evaluation id"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeView(m_body);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(StorageTreeModel::Name, QHeaderView::Stretch);
    // Names need the room: the other columns hold short values.
    const int digit = m_tree->fontMetrics().horizontalAdvance(u'0');
    m_tree->header()->setMinimumSectionSize(4 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Type, 11 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Count, 9 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Size, 9 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Expires, 17 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Detail, 12 * digit);
    m_tree->setColumnWidth(StorageTreeModel::Evaluation, 17 * digit);
    m_tree->setAccessibleName(tr("%1 tree").arg(storageBackendTitle(m_source->backend())));
    m_preview = new StoragePreviewView(m_body);
    m_preview->setSource(m_source);
    m_splitter = new QSplitter(Qt::Horizontal, m_body);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_preview);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(8, 0, 8, 8);
    bodyLayout->addWidget(m_details);
    bodyLayout->addWidget(m_filter);
    bodyLayout->addWidget(m_splitter, 1);
    m_body->setMinimumHeight(420);
    m_body->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_body, 1);

    connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });
    connect(m_stopButton, &QToolButton::clicked, this, &StoragePanel::stop);
    connect(m_refreshButton, &QToolButton::clicked, this, &StoragePanel::refresh);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            expandLoaded({});
    });
    connect(m_tree, &QTreeView::activated, this, &StoragePanel::onActivated);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_preview, &StoragePreviewView::openEvaluationRequested, this,
            &StoragePanel::openEvaluationRequested);
    showSummary({});
}

void StoragePanel::setExpanded(bool expanded)
{
    if (expanded == m_expanded)
        return;
    m_expanded = expanded;
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    if (expanded) {
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
        m_tree->setFocus();
    } else {
        // A collapsed backend does no background work.
        stop();
    }
    Q_EMIT expandedChanged(expanded);
}

void StoragePanel::stop()
{
    m_expandDepth = 0;
    ++m_summaryGeneration;
    if (m_summaryPending) {
        m_status->setText(tr("● stopped"));
        m_status->setToolTip(tr("Stopped before the backend answered; Refresh asks again"));
    }
    m_summaryPending = false;
    m_model->stop();
    m_progress->hide();
    m_stopButton->hide();
}

void StoragePanel::refresh()
{
    stop();
    m_source->rescan();
    m_model->reload();
    m_preview->clear();
    requestSummary();
    if (m_expanded)
        m_model->fetchMore({});
}

void StoragePanel::requestSummary()
{
    m_status->setText(tr("● connecting…"));
    m_status->setStyleSheet(u"color: palette(placeholder-text);"_s);
    const quint64 generation = ++m_summaryGeneration;
    m_summaryPending = true;
    whenFinished(m_source->summary(), this, [this, generation](const StorageSummary &summary) {
        if (generation != m_summaryGeneration)
            return;
        m_summaryPending = false;
        showSummary(summary);
        m_hasSummary = true;
        Q_EMIT summaryShown();
    });
}

void StoragePanel::showSummary(const StorageSummary &summary)
{
    m_summary = summary;
    QStringList facts;
    if (summary.latencyMs >= 0)
        facts << tr("%1 ms").arg(QLocale().toString(summary.latencyMs, 'f', summary.latencyMs < 10 ? 1 : 0));
    if (summary.itemCount >= 0)
        facts << u"%1 %2"_s.arg(formatCount(summary.itemCount), summary.itemNoun);
    if (summary.totalBytes >= 0)
        facts << formatBytes(summary.totalBytes);
    m_facts->setText(facts.join(u" · "_s));
    if (summary.reachable) {
        m_status->setText(tr("● reachable"));
        m_status->setStyleSheet(u"color: #1a7f37;"_s);
        m_status->setToolTip({});
    } else if (!summary.error.isEmpty()) {
        m_status->setText(tr("● unreachable"));
        m_status->setStyleSheet(u"color: #b42318;"_s);
        m_status->setToolTip(summary.error);
    } else {
        m_status->setText({});
    }
    QStringList details;
    if (!summary.reachable && !summary.error.isEmpty())
        details << summary.error;
    for (const auto &[label, value] : summary.details)
        details << u"%1: %2"_s.arg(label, value);
    m_details->setText(details.join(u"  ·  "_s));
    m_details->setVisible(!details.isEmpty());
}

bool StoragePanel::isBusy() const
{
    return m_model->isLoading() || !m_progress->isHidden() || m_preview->isLoading();
}

QString StoragePanel::summaryLine() const
{
    return QStringList{m_title->text(), m_status->text(), m_facts->text()}.join(u" "_s);
}

void StoragePanel::showProgress(const StorageProgress &progress)
{
    if (progress.finished) {
        m_progress->hide();
        m_stopButton->setVisible(m_model->isLoading());
        // A tree scan that finished knows totals the card did not have; a scan the summary ran
        // itself (a full bucket listing) is already in it.
        if (!m_progressFromSummary && !m_summaryPending)
            requestSummary();
        m_progressFromSummary = false;
        return;
    }
    if (m_summaryPending)
        m_progressFromSummary = true;
    if (!m_expanded && !m_hasSummary)
        return;
    if (progress.total > 0) {
        // QProgressBar counts in int; scale large totals.
        const double share = double(progress.done) / double(progress.total);
        m_progress->setRange(0, 1000);
        m_progress->setValue(qBound(0, int(share * 1000), 1000));
        m_progress->setFormat(
            tr("%1: %2 of %3").arg(progress.what, formatCount(progress.done), formatCount(progress.total)));
    } else {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("%1: %2").arg(progress.what, formatCount(progress.done)));
    }
    m_progress->setToolTip(m_progress->format());
    m_progress->show();
    m_stopButton->show();
}

void StoragePanel::onActivated(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex);
    if (m_model->activate(index))
        return;
    const StorageNode node = m_model->node(index);
    if (!node.evaluationId.isEmpty() && !node.hasChildren)
        Q_EMIT openEvaluationRequested(node.evaluationId);
}

void StoragePanel::onCurrentChanged(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex.siblingAtColumn(0));
    const auto kind = index.data(StorageTreeModel::RowKindRole).value<StorageTreeModel::RowKind>();
    if (!index.isValid() || kind != StorageTreeModel::RowKind::Node) {
        m_preview->clear();
        return;
    }
    m_preview->showNode(m_model->node(index));
}

int StoragePanel::depthOf(const QModelIndex &index) const
{
    int depth = 0;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        ++depth;
    return depth;
}

void StoragePanel::expandToDepth(int depth)
{
    m_expandDepth = depth;
    m_autoExpanded = 0;
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    expandNewRows({}, 0, m_proxy->rowCount() - 1);
}

void StoragePanel::expandNewRows(const QModelIndex &parent, int first, int last)
{
    if (m_expandDepth <= 0)
        return;
    // Rows at depth d (1-based) are expanded while d < target, so their children (depth d+1) load.
    const int depth = depthOf(parent) + 1;
    if (depth >= m_expandDepth)
        return;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (!m_proxy->hasChildren(index))
            continue;
        if (++m_autoExpanded > MaxAutoExpanded) {
            m_expandDepth = 0;
            return;
        }
        m_tree->expand(index);
        if (m_proxy->rowCount(index) > 0)
            expandNewRows(index, 0, m_proxy->rowCount(index) - 1);
    }
}

void StoragePanel::expandLoaded(const QModelIndex &parent)
{
    // Only what is loaded: expanding the rest would ask the backend for every matching node's
    // children on each keystroke.
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (m_proxy->rowCount(index) == 0)
            continue;
        m_tree->expand(index);
        expandLoaded(index);
    }
}

void StoragePanel::collapseTree()
{
    m_expandDepth = 0;
    m_tree->collapseAll();
}

void StoragePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void StoragePanel::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

} // namespace Sightline
