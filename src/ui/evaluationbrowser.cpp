#include "evaluationbrowser.h"

#include "core/format.h"
#include "evaluationcarddelegate.h"
#include "evaluationfilterbar.h"
#include "evaluationtabledelegate.h"
#include "models/evaluationtablemodel.h"
#include "sortarrowstyle.h"
#include "ui_evaluationbrowser.h"
#include "uiresources.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QScrollBar>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

EvaluationBrowser::EvaluationBrowser(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvaluationBrowser>())
{
    ensureUiResources();
    m_ui->setupUi(this);
    // Compare two selected evaluations side by side; the views select several rows for it.
    m_compare = new QAction(tr("&Compare"), this);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_compare->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_compare->setToolTip(tr("Compare the two selected evaluations side by side (Ctrl+Shift+D)"));
    m_compare->setEnabled(false);
    addAction(m_compare);
    connect(m_compare, &QAction::triggered, this, [this] {
        const QStringList ids = selectedEvaluationIds();
        if (ids.size() == 2)
            Q_EMIT compareRequested(ids.at(0), ids.at(1));
    });
    setUpTable();
    setUpCards();

    for (int column = 0; column < EvaluationColumnCount; ++column)
        m_ui->sortCombo->addItem(columnTitle(EvaluationColumn(column)), column);

    connect(m_ui->filterBar, &EvaluationFilterBar::filterChanged, this,
            [this](const EvaluationFilter &filter) {
                if (m_model)
                    m_model->setFilter(filter);
                updateState();
            });
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->refresh();
    });
    connect(m_ui->clearFiltersButton, &QPushButton::clicked, this, &EvaluationBrowser::clearFilters);
    connect(m_ui->tableButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setViewMode(ViewMode::Table);
    });
    connect(m_ui->cardsButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setViewMode(ViewMode::Cards);
    });
    connect(m_ui->sortCombo, &QComboBox::activated, this, [this](int index) {
        setSort({EvaluationColumn(m_ui->sortCombo->itemData(index).toInt()), m_sort.order});
    });
    connect(m_ui->sortOrderButton, &QToolButton::clicked, this, [this] {
        setSort(
            {m_sort.column, m_sort.order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder});
    });

    m_ui->errorBanner->hide();
    m_ui->errorIcon->setPixmap(QIcon(u":/icons/warning.svg"_s).pixmap(20, 20));
    applyStyle();
    updateSortControls();
    setViewMode(ViewMode::Table);
    updateCounts();
    updateState();
}

EvaluationBrowser::~EvaluationBrowser() = default;

void EvaluationBrowser::setUpTable()
{
    QTableView *table = m_ui->tableView;
    table->setItemDelegate(new EvaluationTableDelegate(table));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this,
            [this, table](const QPoint &pos) { showContextMenu(table, pos); });
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setCornerButtonEnabled(false);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    table->setTabKeyNavigation(false); // Tab leaves the table, as everywhere else in the window
    // Uniform, fixed row heights: the view then never measures rows, whatever the row count.
    QHeaderView *rows = table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);

    QHeaderView *header = table->horizontalHeader();
    auto *arrows = new SortArrowStyle;
    arrows->setParent(header);
    header->setStyle(arrows);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The header only flips its indicator; the query runs in the model through setSort, so one
    // click is one query, and the same sort drives the card view.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int section, Qt::SortOrder order) {
        setSort({EvaluationColumn(section), order});
    });
    connect(table, &QAbstractItemView::activated, this, &EvaluationBrowser::activate);
}

void EvaluationBrowser::setUpCards()
{
    QListView *cards = m_ui->cardView;
    cards->setItemDelegate(new EvaluationCardDelegate(cards));
    // ListMode with wrapping (not IconMode): IconMode keeps a geometry per item, which a million
    // rows cannot afford; with a grid size and uniform sizes no item is ever measured.
    cards->setViewMode(QListView::ListMode);
    cards->setFlow(QListView::LeftToRight);
    cards->setWrapping(true);
    cards->setResizeMode(QListView::Adjust);
    cards->setUniformItemSizes(true);
    cards->setLayoutMode(QListView::SinglePass);
    cards->setMovement(QListView::Static);
    cards->setSelectionMode(QAbstractItemView::ExtendedSelection);
    cards->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(cards, &QWidget::customContextMenuRequested, this,
            [this, cards](const QPoint &pos) { showContextMenu(cards, pos); });
    cards->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cards->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    cards->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    cards->setMouseTracking(true);
    cards->viewport()->setAttribute(Qt::WA_Hover);
    cards->viewport()->installEventFilter(this);
    cards->verticalScrollBar()->setSingleStep(EvaluationCardDelegate::cardSize(fontMetrics()).height() / 3);
    connect(cards, &QAbstractItemView::activated, this, &EvaluationBrowser::activate);
    updateCardGrid();
}

void EvaluationBrowser::setModel(EvaluationTableModel *model)
{
    for (const auto &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;

    // setModel makes new selection models; the old ones would otherwise live as long as the views.
    QItemSelectionModel *oldTableSelection = m_ui->tableView->selectionModel();
    QItemSelectionModel *oldCardSelection = m_ui->cardView->selectionModel();
    m_ui->tableView->setModel(model);
    m_ui->cardView->setModel(model);
    delete oldTableSelection;
    delete oldCardSelection;
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_ui->tableView),
                                    static_cast<QAbstractItemView *>(m_ui->cardView)}) {
        if (view->selectionModel())
            connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                    &EvaluationBrowser::updateCompareAction);
    }
    updateCompareAction();

    if (model) {
        // A new workspace keeps what the user asked for: same filter, same order.
        if (m_ui->filterBar->isFiltering())
            model->setFilter(m_ui->filterBar->filter());
        if (model->sortOrder() != m_sort)
            model->sort(int(m_sort.column), m_sort.order);
        m_modelConnections << connect(model, &EvaluationTableModel::countsChanged, this, [this] {
            updateCounts();
            updateState();
        });
        m_modelConnections << connect(model, &EvaluationTableModel::stateChanged, this, [this] {
            updateCounts();
            updateState();
        });
        applyColumnWidths();
    }
    updateSortControls();
    updateCounts();
    updateState();
}

void EvaluationBrowser::applyColumnWidths()
{
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    if (header->count() != EvaluationColumnCount)
        return;
    const QFontMetrics metrics = fontMetrics();
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    const int charWidth = metrics.averageCharWidth();
    // Sized to typical content so that all columns fit 1280 pixels; the user can widen any.
    const int timestampWidth = metrics.horizontalAdvance(u"2024-12-31 23:59:59"_s) + 8;
    const int pillWidth = metrics.horizontalAdvance(tr("Provisioning")) + 28 + 14;
    auto titleWidth = [&](EvaluationColumn column) {
        return metrics.horizontalAdvance(columnTitle(column)) + 16; // room for the sort arrow
    };
    auto set = [&](EvaluationColumn column, int width) { header->resizeSection(int(column), width); };
    set(EvaluationColumn::Id, QFontMetrics(mono).horizontalAdvance(u"ev-0123456789ab"_s) + 10);
    set(EvaluationColumn::Status, pillWidth);
    set(EvaluationColumn::Engine, metrics.horizontalAdvance(u"python-3.12"_s) + 8);
    set(EvaluationColumn::Created, timestampWidth);
    set(EvaluationColumn::Started, timestampWidth);
    set(EvaluationColumn::Completed, timestampWidth);
    set(EvaluationColumn::Duration, metrics.horizontalAdvance(u"25 min 46 s"_s) + 8);
    set(EvaluationColumn::Worker,
        qMax(titleWidth(EvaluationColumn::Worker), metrics.horizontalAdvance(u"worker-00"_s) + 8));
    set(EvaluationColumn::Batch, metrics.horizontalAdvance(u"batch-00000000"_s) + 8);
    set(EvaluationColumn::SubmittedBy, qMax(titleWidth(EvaluationColumn::SubmittedBy), charWidth * 10));
    set(EvaluationColumn::ExitCode, titleWidth(EvaluationColumn::ExitCode));
    set(EvaluationColumn::OutputSize,
        qMax(titleWidth(EvaluationColumn::OutputSize), metrics.horizontalAdvance(u"999 kB"_s) + 8));
    set(EvaluationColumn::Cost,
        qMax(titleWidth(EvaluationColumn::Cost), metrics.horizontalAdvance(u"$0.000"_s) + 8));
}

void EvaluationBrowser::updateCardGrid()
{
    QListView *cards = m_ui->cardView;
    const QSize base = EvaluationCardDelegate::cardSize(fontMetrics());
    // Stretch the cards to fill the row; the scroll bar is always on, so the width does not
    // oscillate as it comes and goes.
    const int available = qMax(base.width(), cards->viewport()->width() - 1);
    const int columns = qMax(1, available / base.width());
    const QSize grid(available / columns, base.height());
    if (cards->gridSize() != grid) {
        static_cast<EvaluationCardDelegate *>(cards->itemDelegate())->setCardWidth(grid.width());
        cards->setGridSize(grid);
    }
}

bool EvaluationBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->cardView->viewport() && event->type() == QEvent::Resize)
        updateCardGrid();
    return QWidget::eventFilter(watched, event);
}

void EvaluationBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    QWidget::changeEvent(event);
}

void EvaluationBrowser::applyStyle()
{
    // The banner reads as an error on light and dark palettes alike: a tint of red over the base.
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor red(0xd3, 0x2f, 0x2f);
    const QColor fill = mix(base, red, 0.12);
    const QColor border = mix(base, red, 0.45);
    m_ui->errorBanner->setStyleSheet(
        u"QFrame#errorBanner { background: %1; border: 1px solid %2; border-radius: 6px; }"_s.arg(
            fill.name(), border.name()));
    QPalette muted = m_ui->countsLabel->palette();
    muted.setColor(QPalette::WindowText, mix(palette().color(QPalette::Window), text, 0.72));
    m_ui->countsLabel->setPalette(muted);
    m_ui->emptyHint->setPalette(muted);
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    m_ui->emptyTitle->setFont(title);
    QFont bold = font();
    bold.setBold(true);
    m_ui->errorTitle->setFont(bold);
}

void EvaluationBrowser::updateCounts()
{
    QString text;
    const std::optional<EvaluationCounts> counts = m_model ? m_model->counts() : std::nullopt;
    if (!m_model) {
        text.clear();
    } else if (counts) {
        text = tr("%Ln evaluation(s)", nullptr,
                  int(qMin<qint64>(counts->total, std::numeric_limits<int>::max())));
        text += u" · "_s + tr("%1 running").arg(formatCount(counts->count(EvaluationStatus::Running)));
        text += u" · "_s + tr("%1 failed").arg(formatCount(counts->count(EvaluationStatus::Failed)));
    } else if (m_model->state() == EvaluationTableModel::State::Failed) {
        text = tr("Counts unavailable");
    } else {
        text = tr("Counting…");
    }
    m_ui->countsLabel->setText(text);
}

void EvaluationBrowser::updateState()
{
    const bool failed = m_model && m_model->state() == EvaluationTableModel::State::Failed;
    m_ui->errorBanner->setVisible(failed);
    if (failed) {
        m_ui->errorLabel->setText(m_model->errorMessage());
    }

    const std::optional<EvaluationCounts> counts = m_model ? m_model->counts() : std::nullopt;
    const bool empty = !failed && counts && counts->total == 0;
    if (empty) {
        const bool filtering = m_ui->filterBar->isFiltering();
        m_ui->emptyTitle->setText(filtering ? tr("No evaluations match these filters")
                                            : tr("This workspace has no evaluations yet"));
        m_ui->emptyHint->setText(filtering ? tr("Try another search, more statuses or a wider date range.")
                                           : tr("New evaluations appear here after a refresh (F5)."));
        m_ui->clearFiltersButton->setVisible(filtering);
        const bool hadFocus = m_ui->viewStack->currentWidget()->isAncestorOf(focusWidget());
        m_ui->viewStack->setCurrentWidget(m_ui->emptyPage);
        if (hadFocus && filtering)
            m_ui->clearFiltersButton->setFocus();
    } else {
        m_ui->viewStack->setCurrentWidget(m_viewMode == ViewMode::Table ? m_ui->tablePage : m_ui->cardsPage);
    }
}

void EvaluationBrowser::setViewMode(ViewMode mode)
{
    QAbstractItemView *from =
        m_viewMode == ViewMode::Table ? static_cast<QAbstractItemView *>(m_ui->tableView) : m_ui->cardView;
    QAbstractItemView *to =
        mode == ViewMode::Table ? static_cast<QAbstractItemView *>(m_ui->tableView) : m_ui->cardView;
    const bool changed = mode != m_viewMode;
    const bool hadFocus = from->hasFocus();
    const int currentRow = from->currentIndex().row();
    m_viewMode = mode;

    {
        const QSignalBlocker blockTable(m_ui->tableButton);
        const QSignalBlocker blockCards(m_ui->cardsButton);
        m_ui->tableButton->setChecked(mode == ViewMode::Table);
        m_ui->cardsButton->setChecked(mode == ViewMode::Cards);
    }
    // The table sorts by its header; cards have none, so they get the sort controls.
    m_ui->sortLabel->setVisible(mode == ViewMode::Cards);
    m_ui->sortCombo->setVisible(mode == ViewMode::Cards);
    m_ui->sortOrderButton->setVisible(mode == ViewMode::Cards);
    updateState();

    if (changed && m_model && currentRow >= 0) {
        const QModelIndex index = m_model->index(currentRow, 0);
        to->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect |
                       (mode == ViewMode::Table ? QItemSelectionModel::Rows : QItemSelectionModel::NoUpdate));
        to->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    if (changed && hadFocus)
        to->setFocus();
    updateCompareAction();
    if (changed)
        Q_EMIT viewModeChanged(mode);
}

QAbstractItemView *EvaluationBrowser::currentView() const
{
    return m_viewMode == ViewMode::Table ? static_cast<QAbstractItemView *>(m_ui->tableView) : m_ui->cardView;
}

qsizetype EvaluationBrowser::selectedRowCount() const
{
    // Counted from the ranges: Ctrl+A over a million rows is one range, not a million indexes.
    const QItemSelectionModel *selection = currentView()->selectionModel();
    if (!selection)
        return 0;
    qsizetype rows = 0;
    const QItemSelection ranges = selection->selection();
    for (const QItemSelectionRange &range : ranges) {
        if (range.left() == 0)
            rows += range.height();
    }
    return rows;
}

QStringList EvaluationBrowser::selectedEvaluationIds() const
{
    QStringList ids;
    const QItemSelectionModel *selection = currentView()->selectionModel();
    if (!selection || !m_model || selectedRowCount() > 1000)
        return ids;
    QList<int> rows;
    const QItemSelection ranges = selection->selection();
    for (const QItemSelectionRange &range : ranges) {
        if (range.left() != 0)
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows)) {
        const QString id = m_model->index(row, 0).data(EvaluationTableModel::EvaluationIdRole).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

void EvaluationBrowser::updateCompareAction()
{
    m_compare->setEnabled(selectedRowCount() == 2 && selectedEvaluationIds().size() == 2);
}

void EvaluationBrowser::showContextMenu(QAbstractItemView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    // A right-click outside the selection selects that row alone, as file managers do.
    if (!view->selectionModel()->isSelected(index))
        view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect |
                       (view == m_ui->tableView ? QItemSelectionModel::Rows : QItemSelectionModel::NoUpdate));
    updateCompareAction();
    QMenu menu(this);
    QAction *open = menu.addAction(tr("&Open"), this, [this, index] { activate(index); });
    open->setEnabled(selectedRowCount() == 1);
    menu.addAction(m_compare);
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void EvaluationBrowser::setSort(const EvaluationSort &sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    updateSortControls();
    if (m_model)
        m_model->sort(int(sort.column), sort.order);
}

void EvaluationBrowser::updateSortControls()
{
    {
        const QSignalBlocker block(m_ui->tableView->horizontalHeader());
        m_ui->tableView->horizontalHeader()->setSortIndicator(int(m_sort.column), m_sort.order);
    }
    m_ui->sortCombo->setCurrentIndex(m_ui->sortCombo->findData(int(m_sort.column)));
    const bool ascending = m_sort.order == Qt::AscendingOrder;
    m_ui->sortOrderButton->setText(ascending ? tr("↑ Ascending") : tr("↓ Descending"));
    m_ui->sortOrderButton->setToolTip(ascending ? tr("Sorted ascending; click for descending")
                                                : tr("Sorted descending; click for ascending"));
}

void EvaluationBrowser::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString id = index.siblingAtColumn(0).data(EvaluationTableModel::EvaluationIdRole).toString();
    if (!id.isEmpty()) // a placeholder row has no id yet
        Q_EMIT evaluationActivated(id);
}

void EvaluationBrowser::focusSearch()
{
    m_ui->filterBar->focusSearch();
}

void EvaluationBrowser::clearFilters()
{
    m_ui->filterBar->clear();
}

EvaluationFilterBar *EvaluationBrowser::filterBar() const
{
    return m_ui->filterBar;
}

QTableView *EvaluationBrowser::tableView() const
{
    return m_ui->tableView;
}

QListView *EvaluationBrowser::cardView() const
{
    return m_ui->cardView;
}

QString EvaluationBrowser::countsText() const
{
    return m_ui->countsLabel->text();
}

bool EvaluationBrowser::isErrorBannerShown() const
{
    return !m_ui->errorBanner->isHidden();
}

bool EvaluationBrowser::isEmptyStateShown() const
{
    return m_ui->viewStack->currentWidget() == m_ui->emptyPage;
}

} // namespace Sightline
