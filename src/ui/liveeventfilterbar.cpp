#include "liveeventfilterbar.h"

#include "liveratechart.h"
#include "models/statuspalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

QToolButton *toggle(const QString &text, const QColor &color, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setIcon(dotIcon(color));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setCheckable(true);
    button->setChecked(true);
    button->setAutoRaise(true);
    return button;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

LiveEventFilterBar::LiveEventFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_type(new QLineEdit(this))
    , m_evaluation(new QLineEdit(this))
    , m_clear(new QToolButton(this))
    , m_debounce(new QTimer(this))
{
    // Two rows: the toggles (and whatever the view adds at their right), then the text fields.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    m_toggleRow = new QHBoxLayout;
    m_toggleRow->setSpacing(2);
    m_fieldRow = new QHBoxLayout;
    QHBoxLayout *fields = m_fieldRow;
    fields->setSpacing(6);
    rows->addLayout(m_toggleRow);
    rows->addLayout(fields);

    m_toggleRow->addWidget(caption(tr("Category"), this));
    m_toggleRow->addSpacing(2);
    for (int lane = 0; lane < LiveLaneCount; ++lane) {
        m_laneButtons[size_t(lane)] =
            toggle(liveLaneDisplayName(LiveLane(lane)), LiveRateChart::laneColor(LiveLane(lane)), this);
        m_laneButtons[size_t(lane)]->setToolTip(
            tr("Show %1 events").arg(liveLaneDisplayName(LiveLane(lane))));
        m_toggleRow->addWidget(m_laneButtons[size_t(lane)]);
    }
    m_toggleRow->addSpacing(10);
    m_toggleRow->addWidget(caption(tr("Severity"), this));
    m_toggleRow->addSpacing(2);
    for (int severity = 0; severity <= int(EventSeverity::Unknown); ++severity) {
        const auto s = EventSeverity(severity);
        const QString name = s == EventSeverity::Unknown ? tr("unknown") : severityName(s);
        m_severityButtons[size_t(severity)] = toggle(name, severityColor(s), this);
        m_toggleRow->addWidget(m_severityButtons[size_t(severity)]);
    }
    m_toggleRow->addStretch(1);

    m_type->setPlaceholderText(tr("Type"));
    m_type->setToolTip(tr("Part of the event type, e.g. evaluation. or security."));
    m_evaluation->setPlaceholderText(tr("Evaluation id"));
    m_text->setPlaceholderText(tr("Search events…"));
    m_text->setToolTip(tr("Text anywhere in the type, evaluation id, category, severity or data"));
    for (QLineEdit *edit : {m_type, m_evaluation, m_text}) {
        edit->setClearButtonEnabled(true);
        edit->setMinimumWidth(100);
    }
    fields->addWidget(m_text, 3);
    fields->addWidget(m_type, 2);
    fields->addWidget(m_evaluation, 2);
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Show every event again"));
    m_clear->setEnabled(false);
    fields->addWidget(m_clear);
    fields->addSpacing(12);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(TypingDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &LiveEventFilterBar::emitIfChanged);
    for (QToolButton *button : m_laneButtons)
        connect(button, &QToolButton::toggled, this, &LiveEventFilterBar::emitIfChanged);
    for (QToolButton *button : m_severityButtons)
        connect(button, &QToolButton::toggled, this, &LiveEventFilterBar::emitIfChanged);
    for (QLineEdit *edit : {m_type, m_evaluation, m_text}) {
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &LiveEventFilterBar::emitIfChanged);
    }
    connect(m_clear, &QToolButton::clicked, this, &LiveEventFilterBar::clear);
}

LiveEventFilter LiveEventFilterBar::filter() const
{
    LiveEventFilter filter;
    filter.lanes = 0;
    for (int lane = 0; lane < LiveLaneCount; ++lane) {
        if (m_laneButtons[size_t(lane)]->isChecked())
            filter.lanes |= 1u << lane;
    }
    filter.severities = 0;
    for (size_t severity = 0; severity < m_severityButtons.size(); ++severity) {
        if (m_severityButtons[severity]->isChecked())
            filter.severities |= 1u << severity;
    }
    filter.type = m_type->text().trimmed();
    filter.evaluationId = m_evaluation->text().trimmed();
    filter.text = m_text->text().trimmed();
    return filter;
}

void LiveEventFilterBar::setFilter(const LiveEventFilter &filter)
{
    m_blockEmits = true;
    for (int lane = 0; lane < LiveLaneCount; ++lane)
        m_laneButtons[size_t(lane)]->setChecked(filter.lanes & (1u << lane));
    for (size_t severity = 0; severity < m_severityButtons.size(); ++severity)
        m_severityButtons[severity]->setChecked(filter.severities & (1u << severity));
    m_type->setText(filter.type);
    m_evaluation->setText(filter.evaluationId);
    m_text->setText(filter.text);
    m_blockEmits = false;
    m_debounce->stop();
    emitIfChanged();
}

void LiveEventFilterBar::clear()
{
    setFilter(LiveEventFilter{});
}

void LiveEventFilterBar::addTrailingWidget(QWidget *widget)
{
    m_fieldRow->addWidget(widget);
}

void LiveEventFilterBar::focusSearch()
{
    m_text->setFocus();
    m_text->selectAll();
}

void LiveEventFilterBar::emitIfChanged()
{
    if (m_blockEmits)
        return;
    m_debounce->stop();
    const LiveEventFilter current = filter();
    m_clear->setEnabled(!current.isPassAll());
    if (current == m_lastEmitted)
        return;
    m_lastEmitted = current;
    Q_EMIT filterChanged(current);
}

} // namespace Sightline
