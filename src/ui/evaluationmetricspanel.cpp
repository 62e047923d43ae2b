#include "evaluationmetricspanel.h"

#include "core/drilldown.h"
#include "core/format.h"
#include "core/futurecontinuation.h"
#include "linkopener.h"
#include "metriccard.h"
#include "metricchart.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QResizeEvent>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr int TwoColumnWidth = 1100; // px: below this the charts stack in one column

struct PanelChart
{
    DrilldownPanel panel;
    MetricCard *card = nullptr;
    QString query; // expanded; empty when the template could not be expanded
    QString message;
    QList<PrometheusSeries> fetched;
    QFuture<PrometheusQueryReply> future;
    quint64 generation = 0;
    bool pending = false;
    bool failed = false;
};

} // namespace

class EvaluationMetricsPanel::Private
{
public:
    EvaluationMetricsPanel *q;
    WorkspaceProfile profile;
    QPointer<PrometheusClient> client;
    QList<PanelChart> charts;
    std::optional<EvaluationDetail> detail;
    QList<EvaluationEvent> events;
    std::optional<QueryWindow> window;
    QString panelMessage;
    QTimer *refreshTimer = nullptr;
    QLabel *windowLabel = nullptr;
    QToolButton *refreshButton = nullptr;
    QLabel *messageLabel = nullptr;
    QScrollArea *scroll = nullptr;
    QWidget *grid = nullptr;
    QGridLayout *gridLayout = nullptr;
    int columns = 0;
    bool wasSettled = true;
    std::function<void(const QUrl &)> opener = [](const QUrl &url) { openExternalLink(url); };

    void build();
    void layoutCards();
    void cancelAll();
    void prepare();
    void run(int index);
    void onReply(int index, quint64 generation, const PrometheusQueryReply &reply);
    void showMessage(int index, const QString &message, bool canRetry);
    void updateHeader();
    void checkSettled();
};

void EvaluationMetricsPanel::Private::build()
{
    windowLabel = new QLabel(q);
    windowLabel->setForegroundRole(QPalette::PlaceholderText);
    windowLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    refreshButton = new QToolButton(q);
    refreshButton->setIcon(QIcon(u":/icons/refresh.svg"_s));
    refreshButton->setText(tr("Refresh"));
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    refreshButton->setToolTip(tr("Run every chart's query again"));
    refreshButton->setAutoRaise(true);
    messageLabel = new QLabel(q);
    messageLabel->setWordWrap(true);
    messageLabel->setTextFormat(Qt::PlainText);
    messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLabel->setAlignment(Qt::AlignCenter);
    messageLabel->setMargin(16);
    QFont larger = messageLabel->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    messageLabel->setFont(larger);
    messageLabel->hide();

    grid = new QWidget;
    gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(8);
    scroll = new QScrollArea(q);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(windowLabel, 1);
    header->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(messageLabel);
    layout->addWidget(scroll, 1);

    refreshTimer = new QTimer(q);
    refreshTimer->setInterval(RefreshSeconds * 1000);
    QObject::connect(refreshTimer, &QTimer::timeout, q, [this] { q->refresh(); });
    QObject::connect(refreshButton, &QToolButton::clicked, q, [this] { q->refresh(); });

    if (!client) {
        panelMessage = tr("Prometheus is not configured for this workspace. Add sources.prometheus.url to "
                          "the workspace profile to see metrics.");
        scroll->hide();
        refreshButton->hide();
        updateHeader();
        return;
    }
    const QList<DrilldownPanel> panels = drilldownPanelsOf(profile);
    for (int index = 0; index < panels.size(); ++index) {
        PanelChart chart;
        chart.panel = panels.at(index);
        chart.card = new MetricCard(chart.panel.title, grid);
        chart.card->chart()->setUnit(chart.panel.unit);
        chart.card->setQuery(chart.panel.promql);
        QObject::connect(chart.card, &MetricCard::openLinkRequested, q, [this](const QUrl &url) {
            if (opener)
                opener(url);
        });
        QObject::connect(chart.card, &MetricCard::retryRequested, q, [this, index] { q->retryChart(index); });
        charts.append(chart);
    }
    layoutCards();
    updateHeader();
}

void EvaluationMetricsPanel::Private::layoutCards()
{
    const int wanted = q->width() >= TwoColumnWidth && charts.size() > 1 ? 2 : 1;
    if (wanted == columns)
        return;
    columns = wanted;
    for (const PanelChart &chart : std::as_const(charts))
        gridLayout->removeWidget(chart.card);
    for (int index = 0; index < charts.size(); ++index)
        gridLayout->addWidget(charts.at(index).card, index / columns, index % columns);
    for (int column = 0; column < 2; ++column)
        gridLayout->setColumnStretch(column, column < columns ? 1 : 0);
}

void EvaluationMetricsPanel::Private::cancelAll()
{
    for (PanelChart &chart : charts) {
        ++chart.generation; // an answer already on its way is dropped
        if (chart.pending)
            chart.future.cancel();
        chart.pending = false;
        chart.card->setBusy(false);
    }
}

// Expands every template and works out the window; then runs whatever can run.
void EvaluationMetricsPanel::Private::prepare()
{
    cancelAll();
    if (!client || !detail)
        return;
    const QueryWindowResult windowResult = evaluationQueryWindow(
        detail->row, QDateTime::currentMSecsSinceEpoch(), profile.drilldownSettings.paddingSeconds);
    window = windowResult.window;
    panelMessage = window ? QString() : windowResult.emptyReason;
    const QHash<QString, QString> fields = evaluationTemplateFields(*detail);
    const QList<ChartMarker> markers = evaluationMarkers(*detail, events);
    for (int index = 0; index < charts.size(); ++index) {
        PanelChart &chart = charts[index];
        chart.fetched.clear();
        chart.failed = false;
        chart.card->setRetryVisible(false);
        if (!window) {
            // Queued (or no start time): the reason every chart is empty, whatever the template needs.
            chart.query.clear();
            chart.card->setQuery(chart.panel.promql);
            chart.card->setLink({}, windowResult.emptyReason);
            showMessage(index, windowResult.emptyReason, false);
            continue;
        }
        const TemplateExpansion expansion = expandTemplate(chart.panel.promql, fields, escapePromQLString);
        if (!expansion.ok()) {
            chart.query.clear();
            chart.card->setQuery(chart.panel.promql);
            chart.card->setLink({}, tr("The query cannot be built for this evaluation."));
            showMessage(index, templateProblemText(expansion, detail->row.id), false);
            continue;
        }
        chart.query = expansion.text;
        chart.card->setQuery(chart.query);
        chart.card->chart()->setMarkers(markers);
        const LinkResult link =
            prometheusGraphUrl(profile.prometheus.url, chart.query, window->startMs, window->endMs);
        chart.card->setLink(link.url, link.error);
        run(index);
    }
    if (window && window->open)
        refreshTimer->start();
    else
        refreshTimer->stop();
    updateHeader();
}

void EvaluationMetricsPanel::Private::run(int index)
{
    PanelChart &chart = charts[index];
    if (!client || !window || chart.query.isEmpty())
        return;
    if (chart.pending)
        chart.future.cancel();
    const quint64 generation = ++chart.generation;
    chart.pending = true;
    chart.card->setBusy(true);
    chart.card->setRetryVisible(false);
    chart.future = client->queryRange(chart.query, double(window->startMs) / 1000.0,
                                      double(window->endMs) / 1000.0, window->stepSeconds);
    whenFinished(chart.future, chart.card, [this, index, generation](const PrometheusQueryReply &reply) {
        onReply(index, generation, reply);
    });
}

void EvaluationMetricsPanel::Private::onReply(int index, quint64 generation,
                                              const PrometheusQueryReply &reply)
{
    PanelChart &chart = charts[index];
    if (generation != chart.generation)
        return;
    chart.pending = false;
    chart.card->setBusy(false);
    if (reply.error.isError() || !reply.value) {
        if (reply.error.kind == PrometheusError::Kind::Cancelled)
            return;
        chart.failed = true;
        chart.fetched.clear();
        showMessage(index, prometheusErrorText(reply.error, client ? client->describe() : QString()), true);
        checkSettled();
        return;
    }
    chart.failed = false;
    chart.fetched = reply.value->series;
    if (chart.fetched.isEmpty()) {
        showMessage(index, tr("No data: Prometheus has no samples for %1 in this window.").arg(chart.query),
                    false);
        checkSettled();
        return;
    }
    QList<ChartSeries> series;
    series.reserve(chart.fetched.size());
    for (const PrometheusSeries &one : std::as_const(chart.fetched))
        series.append(toChartSeries(one, chart.query));
    chart.message.clear();
    MetricChart *view = chart.card->chart();
    view->setSeries(series, double(window->startMs) / 1000.0, double(window->endMs) / 1000.0);
    checkSettled();
}

void EvaluationMetricsPanel::Private::showMessage(int index, const QString &message, bool canRetry)
{
    PanelChart &chart = charts[index];
    chart.message = message;
    chart.card->chart()->setMessage(message);
    chart.card->setRetryVisible(canRetry);
}

void EvaluationMetricsPanel::Private::updateHeader()
{
    messageLabel->setText(panelMessage);
    messageLabel->setVisible(!panelMessage.isEmpty());
    if (!window) {
        windowLabel->clear();
        return;
    }
    const QLocale locale;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window->startMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window->endMs);
    const QString toText = from.date() == to.date() ? formatTimeOfDay(to.time()) : formatDateTime(to);
    QString text = tr("Window %1 – %2 (local time, %3 s padding) · step %4 s")
                       .arg(formatDateTime(from), toText)
                       .arg(profile.drilldownSettings.paddingSeconds)
                       .arg(locale.toString(window->stepSeconds, 'g', 4));
    if (window->open)
        text += tr(" · running: refreshes every %1 s").arg(RefreshSeconds);
    windowLabel->setText(text);
}

void EvaluationMetricsPanel::Private::checkSettled()
{
    const bool now = q->isSettled();
    if (now && !wasSettled) {
        wasSettled = true;
        Q_EMIT q->settled();
    }
    wasSettled = now;
}

EvaluationMetricsPanel::EvaluationMetricsPanel(const WorkspaceProfile &profile, PrometheusClient *client,
                                               QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->profile = profile;
    d->client = client;
    d->build();
}

EvaluationMetricsPanel::~EvaluationMetricsPanel()
{
    d->refreshTimer->stop();
    d->cancelAll();
}

void EvaluationMetricsPanel::setEvaluation(const EvaluationDetail &detail,
                                           const QList<EvaluationEvent> &events)
{
    d->detail = detail;
    d->events = events;
    d->wasSettled = false;
    d->prepare();
    d->checkSettled();
}

void EvaluationMetricsPanel::refresh()
{
    if (!d->detail)
        return;
    d->wasSettled = false;
    d->prepare();
    d->checkSettled();
}

bool EvaluationMetricsPanel::isSettled() const
{
    for (const PanelChart &chart : d->charts) {
        if (chart.pending)
            return false;
    }
    return true;
}

int EvaluationMetricsPanel::chartCount() const
{
    return int(d->charts.size());
}

QString EvaluationMetricsPanel::chartTitle(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).panel.title : QString();
}

QString EvaluationMetricsPanel::chartMessage(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).message : QString();
}

QString EvaluationMetricsPanel::chartQuery(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).query : QString();
}

int EvaluationMetricsPanel::seriesCount(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? int(d->charts.at(chart).fetched.size()) : 0;
}

QVector<QPointF> EvaluationMetricsPanel::seriesPoints(int chart, int series) const
{
    if (chart < 0 || chart >= d->charts.size() || series < 0 || series >= d->charts.at(chart).fetched.size())
        return {};
    const PrometheusSeries &one = d->charts.at(chart).fetched.at(series);
    QVector<QPointF> points;
    const qsizetype n = std::min(one.timesSeconds.size(), one.values.size());
    points.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        points.append(QPointF(one.timesSeconds.at(i), one.values.at(i)));
    return points;
}

QString EvaluationMetricsPanel::panelMessage() const
{
    return d->panelMessage;
}

MetricChart *EvaluationMetricsPanel::chart(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).card->chart() : nullptr;
}

QString EvaluationMetricsPanel::chartNote(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).card->chart()->note() : QString();
}

QUrl EvaluationMetricsPanel::chartLink(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).card->link() : QUrl();
}

bool EvaluationMetricsPanel::chartCanRetry(int chart) const
{
    return chart >= 0 && chart < d->charts.size() && d->charts.at(chart).card->isRetryVisible();
}

void EvaluationMetricsPanel::retryChart(int chart)
{
    if (chart >= 0 && chart < d->charts.size()) {
        d->wasSettled = false;
        d->run(chart);
    }
}

void EvaluationMetricsPanel::openChartLink(int chart)
{
    const QUrl url = chartLink(chart);
    if (!url.isEmpty() && d->opener)
        d->opener(url);
}

std::optional<QueryWindow> EvaluationMetricsPanel::queryWindow() const
{
    return d->window;
}

bool EvaluationMetricsPanel::isRefreshing() const
{
    return d->refreshTimer->isActive();
}

void EvaluationMetricsPanel::setUrlOpener(std::function<void(const QUrl &)> opener)
{
    d->opener = std::move(opener);
}

void EvaluationMetricsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    d->layoutCards();
}

} // namespace Sightline
