// LiveEventsView's status strip: the banner for sources that are down, each source's state,
// the counts, and what the table area says while there is nothing to show.

#include "liveeventsview.h"

#include "core/format.h"
#include "models/liveeventmodel.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString stateName(LiveSourceStatus::State state)
{
    switch (state) {
    case LiveSourceStatus::State::Connecting:
        return LiveEventsView::tr("connecting…");
    case LiveSourceStatus::State::Live:
        return LiveEventsView::tr("live");
    case LiveSourceStatus::State::Retrying:
        return LiveEventsView::tr("retrying");
    case LiveSourceStatus::State::Stopped:
        return LiveEventsView::tr("stopped");
    case LiveSourceStatus::State::Failed:
        return LiveEventsView::tr("failed");
    }
    return {};
}

QColor stateColor(LiveSourceStatus::State state)
{
    switch (state) {
    case LiveSourceStatus::State::Live:
        return QColor(0x16, 0x80, 0x3d);
    case LiveSourceStatus::State::Retrying:
    case LiveSourceStatus::State::Failed:
        return QColor(0xdc, 0x26, 0x26);
    case LiveSourceStatus::State::Connecting:
        return QColor(0xb4, 0x53, 0x09);
    case LiveSourceStatus::State::Stopped:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

} // namespace

void LiveEventsView::updateStatus()
{
    QStringList problems;
    QStringList parts;
    for (const LiveSourceStatus &status : std::as_const(m_statuses)) {
        if (status.state == LiveSourceStatus::State::Retrying ||
            status.state == LiveSourceStatus::State::Failed)
            problems << (status.message.isEmpty()
                             ? tr("%1 %2").arg(liveSourceName(status.source), stateName(status.state))
                             : status.message);
        parts << u"<span style='color:%1'>●</span>&nbsp;%2 <span style='color:%1'>%3</span>"_s.arg(
            stateColor(status.state).name(), status.description.toHtmlEscaped(), stateName(status.state));
    }
    m_banner->setText(problems.join(u'\n'));
    m_banner->setVisible(!problems.isEmpty());
    if (parts.isEmpty())
        parts << (m_hub ? tr("No live source in this workspace") : tr("No workspace"));
    m_sources->setText(parts.join(u"&nbsp;&nbsp;&nbsp;"_s));
    QStringList tips;
    for (const LiveSourceStatus &status : std::as_const(m_statuses))
        tips << tr("%1: %2 messages received").arg(status.description, formatCount(status.received));
    m_sources->setToolTip(tips.join(u'\n'));
    m_olderButton->setVisible(m_hub && m_hub->hasHistory());
}

void LiveEventsView::updateCounts()
{
    QStringList parts;
    if (m_hub) {
        const LiveHubCounters counters = m_hub->counters();
        // What reached this view, not what the sources have read: those differ by the events of
        // the batch on its way (up to 200 ms), which would read as a loss.
        parts << tr("%1 received").arg(formatCount(m_receivedEvents + counters.duplicates));
        if (counters.duplicates)
            parts << tr("%1 duplicates").arg(formatCount(counters.duplicates));
        if (counters.unparseable)
            parts << tr("%1 unparseable").arg(formatCount(counters.unparseable));
    }
    parts << tr("%1 buffered").arg(formatCount(m_model->totalEvents()));
    if (m_model->droppedTotal())
        parts << tr("%1 dropped from the buffer").arg(formatCount(m_model->droppedTotal()));
    if (!m_model->filter().isPassAll())
        parts << tr("%1 shown").arg(formatCount(m_model->rowCount()));
    m_counts->setText(parts.join(u" · "_s));
    // The sources' own received counts live in the tooltip; refresh them too.
    if (m_hub) {
        m_statuses = m_hub->statuses();
        updateStatus();
        if (isEmptyStateShown())
            updateEmptyState();
    }
}

void LiveEventsView::updateEmptyState()
{
    QString text;
    if (!m_hub) {
        text = tr("No workspace is open.");
    } else if (m_statuses.isEmpty()) {
        text = tr("This workspace has no live source.\n\nAdd sources.redis.url (events are read from the "
                  "channels in live.redis_channels), or a relational store with an events table, to the "
                  "workspace profile.");
    } else {
        QStringList lines;
        for (const LiveSourceStatus &status : std::as_const(m_statuses))
            lines << u"• "_s + status.description;
        text = tr("Waiting for events.\n\nListening to:\n%1\n\nEvents appear here as the platform publishes "
                  "them: one JSON event per message, with id, type, category, severity, ts, "
                  "evaluation_id and data.")
                   .arg(lines.join(u'\n'));
    }
    if (m_model->totalEvents() > 0 && m_model->rowCount() == 0 && !m_model->isFiltering())
        text = tr("No event matches the filter.");
    m_emptyLabel->setText(text);
    m_tableStack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table) : m_emptyLabel);
}

} // namespace Sightline
