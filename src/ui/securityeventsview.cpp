#include "securityeventsview.h"

#include "models/statuspalette.h"
#include "statuspill.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// "203.0.113.7:22" → host and port; an IPv6 "[::1]:22" keeps its brackets off.
std::pair<QString, QString> splitHostPort(const QString &destination)
{
    if (destination.startsWith(u'[')) {
        const qsizetype close = destination.indexOf(u']');
        if (close > 0) {
            const QString port =
                destination.mid(close + 1).startsWith(u':') ? destination.mid(close + 2) : QString();
            return {destination.mid(1, close - 1), port};
        }
    }
    const qsizetype colon = destination.lastIndexOf(u':');
    if (colon > 0 && destination.indexOf(u':') == colon)
        return {destination.left(colon), destination.mid(colon + 1)};
    return {destination, QString()};
}

} // namespace

SecurityEventsView::SecurityEventsView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableWidget(this))
    , m_empty(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_stack);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_table->setObjectName(u"securityTable"_s);
    m_table->setAccessibleName(tr("Security events"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Type"), tr("Severity"), tr("Destination"), tr("Port"),
                                        tr("Container"), tr("Details")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(Time, metrics.horizontalAdvance(u"2024-12-31 23:59:59.999"_s) + 24);
    header->resizeSection(Type, metrics.horizontalAdvance(u"security.network_attempt"_s) + 24);
    header->resizeSection(Severity, metrics.horizontalAdvance(u"critical"_s) + 48);
    header->resizeSection(Destination, metrics.horizontalAdvance(u"203.000.113.255"_s) + 24);
    header->resizeSection(Port, metrics.horizontalAdvance(tr("Port")) + 32);
    header->resizeSection(Container, metrics.horizontalAdvance(u"ctr-0123456789ab"_s) + 24);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_eventIndexes.size())
            Q_EMIT eventActivated(m_eventIndexes.at(row));
    });
    setEvents({});
}

int SecurityEventsView::setEvents(const QList<EvaluationEvent> &events)
{
    m_eventIndexes.clear();
    for (int i = 0; i < events.size(); ++i) {
        if (events.at(i).category == EventCategory::Security)
            m_eventIndexes.append(i);
    }
    m_count = int(m_eventIndexes.size());
    m_table->setRowCount(m_count);
    for (int row = 0; row < m_count; ++row) {
        const EvaluationEvent &event = events.at(m_eventIndexes.at(row));
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(event.data.toUtf8(), &error);
        QJsonObject data = json.object();
        const QString destination = data.take(u"destination"_s).toString();
        auto [host, port] = splitHostPort(destination);
        if (data.contains(u"port"_s))
            port = jsonText(data.take(u"port"_s));
        const QString container = data.take(u"container_id"_s).toString();
        QStringList rest;
        if (json.isObject()) {
            for (auto it = data.constBegin(); it != data.constEnd(); ++it)
                rest << u"%1: %2"_s.arg(it.key(), jsonText(it.value()));
        } else if (!event.data.isEmpty()) {
            rest << event.data; // not a JSON object: as stored
        }
        const QString cells[ColumnCount] = {
            QDateTime::fromMSecsSinceEpoch(event.timestamp).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s),
            event.type,
            event.severityText,
            host,
            port,
            container,
            rest.join(u" · "_s)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column].isEmpty() ? u"—"_s : cells[column]);
            if (column == Details || column == Destination)
                item->setToolTip(event.data);
            if (column == Severity) {
                item->setForeground(Pill::readableTextColor(severityColor(event.severity), palette()));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, column, item);
        }
    }
    if (m_count == 0) {
        m_empty->setText(
            tr("No security events\n\nThe sandbox reported nothing for this evaluation: no blocked "
               "network attempts, no policy violations."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
    return m_count;
}

QString SecurityEventsView::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

int SecurityEventsView::eventIndex(int row) const
{
    return row >= 0 && row < m_eventIndexes.size() ? m_eventIndexes.at(row) : -1;
}

} // namespace Sightline
