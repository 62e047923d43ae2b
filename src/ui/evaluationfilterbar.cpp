#include "evaluationfilterbar.h"

#include "statusfiltermenu.h"
#include "ui_evaluationfilterbar.h"
#include "uiresources.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QShortcut>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 DayMs = 24 * HourMs;
} // namespace

EvaluationFilterBar::EvaluationFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvaluationFilterBar>())
    , m_statusMenu(new StatusFilterMenu(this))
    , m_debounce(new QTimer(this))
{
    ensureUiResources();
    m_ui->setupUi(this);
    m_ui->searchEdit->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);

    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &EvaluationFilterBar::emitIfChanged);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { scheduleEmit(SearchDebounceMs); });
    // Enter means "I am done typing": no reason to wait for the debounce.
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] { scheduleEmit(0); });
    auto *clearSearch =
        new QShortcut(QKeySequence(Qt::Key_Escape), m_ui->searchEdit, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clearSearch, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->clear();
        scheduleEmit(0);
    });

    // Ticking several statuses is the common case ("failed or timed out"), so the menu stays
    // open while the user ticks (StatusFilterMenu). Ticks apply after a short pause, or at once
    // when the menu closes, so that three ticks run one query, not three.
    m_statusMenu->setObjectName(u"statusMenu"_s);
    for (const EvaluationStatus status : knownStatuses()) {
        QAction *action = m_statusMenu->addAction(statusDisplayName(status));
        action->setCheckable(true);
        action->setData(int(status));
        connect(action, &QAction::toggled, this, [this] {
            updateStatusButton();
            scheduleEmit(m_statusMenu->isVisible() ? SearchDebounceMs : 0);
        });
    }
    m_statusMenu->addSeparator();
    QAction *all = m_statusMenu->addAction(tr("All statuses"));
    all->setObjectName(u"allStatusesAction"_s);
    all->setToolTip(tr("Tick every status, then untick the ones to hide"));
    StatusFilterMenu::setKeepsMenuOpen(all);
    connect(all, &QAction::triggered, this, [this] { setStatuses(knownStatuses()); });
    QAction *none = m_statusMenu->addAction(tr("Clear"));
    none->setObjectName(u"clearStatusesAction"_s);
    StatusFilterMenu::setKeepsMenuOpen(none);
    connect(none, &QAction::triggered, this, [this] { setStatuses({}); });
    connect(m_statusMenu, &QMenu::aboutToHide, this, [this] {
        if (m_debounce->isActive())
            scheduleEmit(0);
    });
    m_ui->statusButton->setMenu(m_statusMenu);

    m_ui->dateCombo->addItem(tr("Any time"), int(DateRange::AnyTime));
    m_ui->dateCombo->addItem(tr("Last 24 hours"), int(DateRange::Last24Hours));
    m_ui->dateCombo->addItem(tr("Last 7 days"), int(DateRange::Last7Days));
    m_ui->dateCombo->addItem(tr("Last 14 days"), int(DateRange::Last14Days));
    m_ui->dateCombo->addItem(tr("Last 30 days"), int(DateRange::Last30Days));
    m_ui->dateCombo->addItem(tr("Custom…"), int(DateRange::Custom));
    connect(m_ui->dateCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateDateEditsVisibility();
        scheduleEmit(0);
    });
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->fromEdit->setDateTime(now.addDays(-7));
    m_ui->toEdit->setDateTime(now.addSecs(3600));
    // Spinning a date section fires on every step; wait for the user like for typing.
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this] { scheduleEmit(SearchDebounceMs); });
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, [this] { scheduleEmit(SearchDebounceMs); });

    updateStatusButton();
    updateDateEditsVisibility();
}

EvaluationFilterBar::~EvaluationFilterBar() = default;

EvaluationFilter EvaluationFilterBar::filter() const
{
    EvaluationFilter filter;
    filter.search = m_ui->searchEdit->text().trimmed();
    for (const QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            filter.statuses.append(EvaluationStatus(action->data().toInt()));
    }
    // Every status ticked means "all statuses": no filter, so rows with a status this version
    // does not know stay visible too.
    if (filter.statuses.size() == knownStatuses().size())
        filter.statuses.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (DateRange(m_ui->dateCombo->currentData().toInt())) {
    case DateRange::AnyTime:
        break;
    case DateRange::Last24Hours:
        filter.createdFrom = now - DayMs;
        break;
    case DateRange::Last7Days:
        filter.createdFrom = now - 7 * DayMs;
        break;
    case DateRange::Last14Days:
        filter.createdFrom = now - 14 * DayMs;
        break;
    case DateRange::Last30Days:
        filter.createdFrom = now - 30 * DayMs;
        break;
    case DateRange::Custom:
        filter.createdFrom = m_ui->fromEdit->dateTime().toMSecsSinceEpoch();
        filter.createdTo = m_ui->toEdit->dateTime().toMSecsSinceEpoch();
        break;
    }
    return filter;
}

bool EvaluationFilterBar::isFiltering() const
{
    return !filter().isEmpty();
}

void EvaluationFilterBar::clear()
{
    m_blockEmits = true;
    m_ui->searchEdit->clear();
    for (QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable())
            action->setChecked(false);
    }
    m_ui->dateCombo->setCurrentIndex(0);
    m_blockEmits = false;
    updateStatusButton();
    scheduleEmit(0);
}

void EvaluationFilterBar::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void EvaluationFilterBar::setDateRange(DateRange range)
{
    m_ui->dateCombo->setCurrentIndex(m_ui->dateCombo->findData(int(range)));
}

void EvaluationFilterBar::setStatuses(const QList<EvaluationStatus> &statuses)
{
    m_blockEmits = true;
    for (QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable())
            action->setChecked(statuses.contains(EvaluationStatus(action->data().toInt())));
    }
    m_blockEmits = false;
    updateStatusButton();
    scheduleEmit(0);
}

void EvaluationFilterBar::scheduleEmit(int delayMs)
{
    if (m_blockEmits)
        return;
    m_debounce->start(delayMs);
}

void EvaluationFilterBar::emitIfChanged()
{
    const EvaluationFilter current = filter();
    const int range = m_ui->dateCombo->currentIndex();
    // Relative ranges move with the clock, so they are compared by choice, not by timestamp;
    // otherwise every keystroke would also look like a new date filter.
    const bool custom = DateRange(m_ui->dateCombo->currentData().toInt()) == DateRange::Custom;
    const bool same = current.search == m_lastEmitted.search && current.statuses == m_lastEmitted.statuses &&
                      range == m_lastEmittedRange &&
                      (!custom || (current.createdFrom == m_lastEmitted.createdFrom &&
                                   current.createdTo == m_lastEmitted.createdTo));
    if (same)
        return;
    m_lastEmitted = current;
    m_lastEmittedRange = range;
    Q_EMIT filterChanged(current);
}

void EvaluationFilterBar::updateStatusButton()
{
    QStringList names;
    for (const QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            names.append(action->text());
    }
    QString text;
    if (names.isEmpty() || names.size() == knownStatuses().size())
        text = tr("All statuses");
    else if (names.size() <= 2)
        text = names.join(u", "_s);
    else
        text = tr("%1 statuses").arg(names.size());
    m_ui->statusButton->setText(text);
    m_ui->statusButton->setAccessibleName(tr("Status filter: %1").arg(text));
}

void EvaluationFilterBar::updateDateEditsVisibility()
{
    const bool custom = DateRange(m_ui->dateCombo->currentData().toInt()) == DateRange::Custom;
    m_ui->fromEdit->setVisible(custom);
    m_ui->rangeDash->setVisible(custom);
    m_ui->toEdit->setVisible(custom);
}

} // namespace Sightline
