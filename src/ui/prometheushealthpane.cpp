#include "prometheushealthpane.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "metriccard.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

const QColor upColor(0x2e, 0x7d, 0x32);
const QColor downColor(0xc6, 0x28, 0x28);
const QColor pendingColor(0xb2, 0x6a, 0x00);

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->setHeaderLabels(headers);
    tree->setSortingEnabled(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString labelsText(const QMap<QString, QString> &labels, const QStringList &skip)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!skip.contains(it.key()))
            parts.append(it.key() + u"=\""_s + it.value() + u'"');
    }
    return parts.join(u", "_s);
}

QString durationText(double seconds)
{
    if (seconds < 1)
        return PrometheusHealthPane::tr("%1 ms").arg(
            QLocale().toString(seconds * 1000, 'f', seconds < 0.01 ? 1 : 0));
    return PrometheusHealthPane::tr("%1 s").arg(QLocale().toString(seconds, 'f', 2));
}

void setHeadline(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     error ? downColor : label->parentWidget()->palette().color(QPalette::WindowText));
    label->setPalette(palette);
}

} // namespace

QString formatAgo(double seconds)
{
    const qint64 s = std::max<qint64>(0, qint64(std::llround(seconds)));
    if (s < 120)
        return PrometheusHealthPane::tr("%1 s ago").arg(s);
    if (s < 2 * 3600)
        return PrometheusHealthPane::tr("%1 min ago").arg(s / 60);
    if (s < 2 * 86400)
        return PrometheusHealthPane::tr("%1 h ago").arg(s / 3600);
    return PrometheusHealthPane::tr("%1 days ago").arg(s / 86400);
}

PrometheusHealthPane::PrometheusHealthPane(QWidget *parent)
    : QWidget(parent)
{
    m_targetsHeadline = new QLabel(tr("Targets"), this);
    m_targetsHeadline->setTextFormat(Qt::PlainText);
    m_targetsHeadline->setWordWrap(true);
    m_targetsHeadline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_alertsHeadline = new QLabel(tr("Alerts"), this);
    m_alertsHeadline->setTextFormat(Qt::PlainText);
    m_alertsHeadline->setWordWrap(true);
    m_alertsHeadline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_targets = makeTree(
        {tr("Job"), tr("Instance"), tr("Health"), tr("Last scrape"), tr("Duration"), tr("Error")}, this);
    m_targets->setAccessibleName(tr("Prometheus targets"));
    m_alerts = makeTree({tr("Alert"), tr("State"), tr("Labels"), tr("Since"), tr("Summary")}, this);
    m_alerts->setAccessibleName(tr("Prometheus alerts"));

    auto *targetsBox = new QWidget(this);
    auto *targetsLayout = new QVBoxLayout(targetsBox);
    targetsLayout->setContentsMargins(0, 0, 0, 0);
    targetsLayout->setSpacing(2);
    targetsLayout->addWidget(m_targetsHeadline);
    targetsLayout->addWidget(m_targets, 1);
    auto *alertsBox = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->setSpacing(2);
    alertsLayout->addWidget(m_alertsHeadline);
    alertsLayout->addWidget(m_alerts, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(targetsBox);
    split->addWidget(alertsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_timer = new QTimer(this);
    m_timer->setInterval(RefreshSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, &PrometheusHealthPane::refresh);
}

PrometheusHealthPane::~PrometheusHealthPane()
{
    m_targetsReply.cancel();
    m_alertsReply.cancel();
}

void PrometheusHealthPane::setClient(PrometheusClient *client)
{
    ++m_generation;
    m_targetsReply.cancel();
    m_alertsReply.cancel();
    m_outstanding = 0;
    m_answered = false;
    m_client = client;
    m_lastRefreshMs = 0;
    m_targets->clear();
    m_alerts->clear();
    setHeadline(m_targetsHeadline, tr("Targets"), false);
    setHeadline(m_alertsHeadline, tr("Alerts"), false);
    if (client && isVisible())
        refresh();
}

bool PrometheusHealthPane::isLoading() const
{
    return m_outstanding > 0;
}

void PrometheusHealthPane::refresh()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    m_targetsReply.cancel();
    m_alertsReply.cancel();
    m_outstanding = 2;
    m_lastRefreshMs = QDateTime::currentMSecsSinceEpoch();
    m_targetsReply = m_client->targets();
    whenFinished(m_targetsReply, this, [this, generation](const PrometheusTargetsReply &reply) {
        if (generation != m_generation)
            return;
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        if (reply.error.isError() || !reply.value) {
            m_targets->clear();
            setHeadline(
                m_targetsHeadline,
                tr("Targets: %1")
                    .arg(prometheusErrorText(reply.error, m_client ? m_client->describe() : QString())),
                true);
        } else {
            showTargets(*reply.value, now);
        }
        finishOne();
    });
    m_alertsReply = m_client->alerts();
    whenFinished(m_alertsReply, this, [this, generation](const PrometheusAlertsReply &reply) {
        if (generation != m_generation)
            return;
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        if (reply.error.isError() || !reply.value) {
            m_alerts->clear();
            setHeadline(
                m_alertsHeadline,
                tr("Alerts: %1")
                    .arg(prometheusErrorText(reply.error, m_client ? m_client->describe() : QString())),
                true);
        } else {
            showAlerts(*reply.value, now);
        }
        finishOne();
    });
}

void PrometheusHealthPane::finishOne()
{
    if (m_outstanding > 0 && --m_outstanding == 0) {
        m_answered = true;
        Q_EMIT refreshed();
    }
}

void PrometheusHealthPane::showTargets(const QList<PrometheusTarget> &targets, double nowSeconds)
{
    m_targets->setSortingEnabled(false);
    m_targets->clear();
    int down = 0;
    QList<QTreeWidgetItem *> items;
    for (const PrometheusTarget &target : targets) {
        auto *item = new QTreeWidgetItem;
        item->setText(Job, target.labels.value(u"job"_s, target.scrapePool));
        item->setText(Instance, target.labels.value(u"instance"_s, target.scrapeUrl));
        item->setToolTip(Instance, target.scrapeUrl);
        item->setText(Health, target.health);
        QFont bold = m_targets->font();
        bold.setBold(true);
        item->setFont(Health, bold);
        if (target.health == u"up"_s) {
            item->setForeground(Health, upColor);
        } else if (target.health == u"down"_s) {
            item->setForeground(Health, downColor);
            ++down;
        }
        item->setText(LastScrape, target.lastScrapeSeconds ? formatAgo(nowSeconds - *target.lastScrapeSeconds)
                                                           : tr("never"));
        if (target.lastScrapeSeconds) {
            item->setToolTip(LastScrape, formatDateTimeMs(qint64(*target.lastScrapeSeconds * 1000)));
        }
        item->setText(Duration,
                      target.lastScrapeSeconds ? durationText(target.lastScrapeDurationSeconds) : QString());
        item->setText(Error, target.lastError);
        item->setToolTip(Error, target.lastError);
        if (!target.lastError.isEmpty())
            item->setForeground(Error, downColor);
        items.append(item);
    }
    m_targets->addTopLevelItems(items);
    m_targets->setSortingEnabled(true);
    m_targets->sortByColumn(Job, Qt::AscendingOrder);
    for (int column = 0; column < Error; ++column)
        m_targets->resizeColumnToContents(column);
    const QString updated = QLocale().toString(QTime::currentTime(), u"HH:mm:ss"_s);
    QString text = tr("%Ln target(s)", nullptr, int(targets.size()));
    if (down > 0)
        text += tr(", %1 down").arg(down);
    setHeadline(m_targetsHeadline, tr("Targets — %1 · updated %2").arg(text, updated), false);
}

void PrometheusHealthPane::showAlerts(const QList<PrometheusAlert> &alerts, double nowSeconds)
{
    m_alerts->setSortingEnabled(false);
    m_alerts->clear();
    int firing = 0;
    int pending = 0;
    QList<QTreeWidgetItem *> items;
    for (const PrometheusAlert &alert : alerts) {
        auto *item = new QTreeWidgetItem;
        item->setText(AlertName, alert.name);
        item->setText(State, alert.state);
        QFont bold = m_alerts->font();
        bold.setBold(true);
        item->setFont(State, bold);
        if (alert.state == u"firing"_s) {
            item->setForeground(State, downColor);
            ++firing;
        } else if (alert.state == u"pending"_s) {
            item->setForeground(State, pendingColor);
            ++pending;
        }
        const QString labels = labelsText(alert.labels, {u"alertname"_s});
        item->setText(Labels, labels);
        item->setToolTip(Labels, labels);
        if (alert.activeAtSeconds) {
            const QDateTime since = QDateTime::fromMSecsSinceEpoch(qint64(*alert.activeAtSeconds * 1000));
            item->setText(Since, formatDateTime(since) + u" ("_s +
                                     formatAgo(nowSeconds - *alert.activeAtSeconds) + u')');
        }
        const QString summary =
            alert.annotations.value(u"summary"_s, alert.annotations.value(u"description"_s));
        item->setText(Summary, summary);
        item->setToolTip(Summary, labelsText(alert.annotations, {}));
        items.append(item);
    }
    m_alerts->addTopLevelItems(items);
    m_alerts->setSortingEnabled(true);
    m_alerts->sortByColumn(AlertName, Qt::AscendingOrder);
    for (int column = 0; column < Summary; ++column)
        m_alerts->resizeColumnToContents(column);
    QString text = tr("%Ln firing", nullptr, int(firing));
    if (pending > 0)
        text += tr(", %1 pending").arg(pending);
    setHeadline(m_alertsHeadline, tr("Alerts — %1").arg(text), false);
}

QString PrometheusHealthPane::targetsHeadline() const
{
    return m_targetsHeadline->text();
}

QString PrometheusHealthPane::alertsHeadline() const
{
    return m_alertsHeadline->text();
}

void PrometheusHealthPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    if (m_client && !isLoading() &&
        QDateTime::currentMSecsSinceEpoch() - m_lastRefreshMs > RefreshSeconds * 1000)
        refresh();
}

void PrometheusHealthPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

} // namespace Sightline
