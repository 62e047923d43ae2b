#include "comparemetricspanel.h"

#include "core/drilldown.h"
#include "core/futurecontinuation.h"
#include "metriccard.h"
#include "metricchart.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr int TwoColumnWidth = 1100;

struct Side
{
    EvaluationDetail detail;
    QList<EvaluationEvent> events;
    std::optional<QueryWindow> window;
    QString windowReason;
};

struct SideQuery
{
    QString query;
    QString problem; // why this side has nothing to draw
    QList<PrometheusSeries> fetched;
    QFuture<PrometheusQueryReply> future;
    bool pending = false;
};

struct CompareChart
{
    DrilldownPanel panel;
    MetricCard *card = nullptr;
    SideQuery sides[2];
    QString message;
    quint64 generation = 0;
};

} // namespace

class CompareMetricsPanel::Private
{
public:
    CompareMetricsPanel *q;
    WorkspaceProfile profile;
    QPointer<PrometheusClient> client;
    Side sides[2];
    bool hasEvaluations = false;
    QList<CompareChart> charts;
    QLabel *messageLabel = nullptr;
    QWidget *grid = nullptr;
    QGridLayout *gridLayout = nullptr;
    QScrollArea *scroll = nullptr;
    int columns = 0;
    bool wasSettled = true;

    void build();
    void layoutCards();
    void cancelAll();
    void prepare();
    void run(int index, int side);
    void draw(int index);
    void checkSettled();
};

void CompareMetricsPanel::Private::build()
{
    messageLabel = new QLabel(q);
    messageLabel->setWordWrap(true);
    messageLabel->setTextFormat(Qt::PlainText);
    messageLabel->setAlignment(Qt::AlignCenter);
    messageLabel->setMargin(16);
    messageLabel->hide();
    grid = new QWidget;
    gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(8);
    scroll = new QScrollArea(q);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);
    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(messageLabel);
    layout->addWidget(scroll, 1);
    if (!client) {
        messageLabel->setText(
            tr("Prometheus is not configured for this workspace. Add sources.prometheus.url to "
               "the workspace profile to compare metrics."));
        messageLabel->show();
        scroll->hide();
        return;
    }
    const QList<DrilldownPanel> panels = drilldownPanelsOf(profile);
    for (const DrilldownPanel &panel : panels) {
        CompareChart chart;
        chart.panel = panel;
        chart.card = new MetricCard(panel.title, grid);
        chart.card->setLinkActionsVisible(false); // each evaluation's own window has its link
        chart.card->chart()->setXAxis(MetricChart::XAxis::SecondsSinceStart);
        chart.card->chart()->setUnit(panel.unit);
        chart.card->setQuery(panel.promql);
        const int index = int(charts.size());
        QObject::connect(chart.card, &MetricCard::retryRequested, q, [this, index] {
            wasSettled = false;
            for (int side = 0; side < 2; ++side) {
                if (!charts[index].sides[side].query.isEmpty())
                    run(index, side);
            }
        });
        charts.append(chart);
    }
    layoutCards();
}

void CompareMetricsPanel::Private::layoutCards()
{
    const int wanted = q->width() >= TwoColumnWidth && charts.size() > 1 ? 2 : 1;
    if (wanted == columns)
        return;
    columns = wanted;
    for (const CompareChart &chart : std::as_const(charts))
        gridLayout->removeWidget(chart.card);
    for (int index = 0; index < charts.size(); ++index)
        gridLayout->addWidget(charts.at(index).card, index / columns, index % columns);
    for (int column = 0; column < 2; ++column)
        gridLayout->setColumnStretch(column, column < columns ? 1 : 0);
}

void CompareMetricsPanel::Private::cancelAll()
{
    for (CompareChart &chart : charts) {
        ++chart.generation;
        for (SideQuery &side : chart.sides) {
            if (side.pending)
                side.future.cancel();
            side.pending = false;
        }
        chart.card->setBusy(false);
    }
}

void CompareMetricsPanel::Private::prepare()
{
    cancelAll();
    if (!client || !hasEvaluations)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, QString> fields[2];
    for (int side = 0; side < 2; ++side) {
        const QueryWindowResult result =
            evaluationQueryWindow(sides[side].detail.row, now, profile.drilldownSettings.paddingSeconds);
        sides[side].window = result.window;
        sides[side].windowReason = result.emptyReason;
        fields[side] = evaluationTemplateFields(sides[side].detail);
    }
    QList<ChartMarker> markers;
    for (int side = 0; side < 2; ++side) {
        if (!sides[side].window)
            continue;
        const double origin = double(sides[side].window->evaluationStartMs) / 1000.0;
        // In the colour of the side's series, so each line says whose event it is.
        const QList<ChartMarker> own =
            evaluationMarkers(sides[side].detail, sides[side].events, origin, side);
        for (const ChartMarker &marker : own) {
            // Both start at 0: one "started" line is enough.
            if (std::abs(marker.x) < 0.5 && !marker.alert && side == 1)
                continue;
            markers.append(marker);
        }
    }
    for (int index = 0; index < charts.size(); ++index) {
        CompareChart &chart = charts[index];
        chart.card->chart()->setMarkers(markers);
        for (int side = 0; side < 2; ++side) {
            SideQuery &query = chart.sides[side];
            query.fetched.clear();
            query.problem.clear();
            query.query.clear();
            const TemplateExpansion expansion =
                expandTemplate(chart.panel.promql, fields[side], escapePromQLString);
            if (!expansion.ok())
                query.problem = templateProblemText(expansion, sides[side].detail.row.id);
            else if (!sides[side].window)
                query.problem = sides[side].windowReason;
            else
                query.query = expansion.text;
        }
        const QString left = chart.sides[0].query.isEmpty() ? chart.panel.promql : chart.sides[0].query;
        chart.card->setQuery(chart.sides[1].query.isEmpty() || chart.sides[1].query == left
                                 ? left
                                 : left + u"   |   "_s + chart.sides[1].query);
        bool started = false;
        for (int side = 0; side < 2; ++side) {
            if (!chart.sides[side].query.isEmpty()) {
                run(index, side);
                started = true;
            }
        }
        if (!started)
            draw(index);
    }
}

void CompareMetricsPanel::Private::run(int index, int sideIndex)
{
    CompareChart &chart = charts[index];
    SideQuery &side = chart.sides[sideIndex];
    const QueryWindow &window = *sides[sideIndex].window;
    if (side.pending)
        side.future.cancel();
    side.pending = true;
    side.problem.clear();
    chart.card->setBusy(true);
    chart.card->setRetryVisible(false);
    const quint64 generation = chart.generation;
    side.future = client->queryRange(side.query, double(window.startMs) / 1000.0,
                                     double(window.endMs) / 1000.0, window.stepSeconds);
    whenFinished(
        side.future, chart.card, [this, index, sideIndex, generation](const PrometheusQueryReply &reply) {
            CompareChart &chart = charts[index];
            if (generation != chart.generation)
                return;
            SideQuery &side = chart.sides[sideIndex];
            side.pending = false;
            if (reply.error.kind == PrometheusError::Kind::Cancelled)
                return;
            if (reply.error.isError() || !reply.value) {
                side.problem = prometheusErrorText(reply.error, client ? client->describe() : QString());
                chart.card->setRetryVisible(true);
            } else {
                side.fetched = reply.value->series;
                if (side.fetched.isEmpty())
                    side.problem =
                        tr("No data: Prometheus has no samples for %1 in this window.").arg(side.query);
            }
            if (!chart.sides[0].pending && !chart.sides[1].pending)
                draw(index);
            checkSettled();
        });
}

void CompareMetricsPanel::Private::draw(int index)
{
    CompareChart &chart = charts[index];
    chart.card->setBusy(false);
    QList<ChartSeries> series;
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -std::numeric_limits<double>::infinity();
    QStringList problems;
    for (int sideIndex = 0; sideIndex < 2; ++sideIndex) {
        const SideQuery &side = chart.sides[sideIndex];
        const Side &evaluation = sides[sideIndex];
        if (!side.problem.isEmpty())
            problems.append(evaluation.detail.row.id + u": "_s + side.problem);
        if (side.fetched.isEmpty() || !evaluation.window)
            continue;
        const QueryWindow &window = *evaluation.window;
        const double origin = double(window.evaluationStartMs) / 1000.0;
        x0 = std::min(x0, double(window.startMs) / 1000.0 - origin);
        x1 = std::max(x1, double(window.endMs) / 1000.0 - origin);
        for (int k = 0; k < side.fetched.size(); ++k) {
            ChartSeries one = toChartSeries(side.fetched.at(k), side.query, origin);
            one.label = side.fetched.size() == 1 ? evaluation.detail.row.id
                                                 : evaluation.detail.row.id + u" · "_s + one.label;
            one.colorIndex = 2 * k + sideIndex;
            series.append(one);
        }
    }
    chart.message = problems.join(u'\n');
    MetricChart *view = chart.card->chart();
    if (series.isEmpty()) {
        view->setMessage(chart.message);
        chart.card->setRemark({});
        return;
    }
    view->setSeries(series, x0, x1);
    chart.card->setRemark(chart.message);
}

void CompareMetricsPanel::Private::checkSettled()
{
    const bool now = q->isSettled();
    if (now && !wasSettled) {
        wasSettled = true;
        Q_EMIT q->settled();
    }
    wasSettled = now;
}

CompareMetricsPanel::CompareMetricsPanel(const WorkspaceProfile &profile, PrometheusClient *client,
                                         QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->profile = profile;
    d->client = client;
    d->build();
}

CompareMetricsPanel::~CompareMetricsPanel()
{
    d->cancelAll();
}

void CompareMetricsPanel::setEvaluations(const EvaluationDetail &left,
                                         const QList<EvaluationEvent> &leftEvents,
                                         const EvaluationDetail &right,
                                         const QList<EvaluationEvent> &rightEvents)
{
    d->sides[0] = {left, leftEvents, std::nullopt, {}};
    d->sides[1] = {right, rightEvents, std::nullopt, {}};
    d->hasEvaluations = true;
    d->wasSettled = false;
    for (const CompareChart &chart : std::as_const(d->charts))
        chart.card->setRemark({});
    d->prepare();
    d->checkSettled();
}

bool CompareMetricsPanel::isSettled() const
{
    for (const CompareChart &chart : d->charts) {
        if (chart.sides[0].pending || chart.sides[1].pending)
            return false;
    }
    return true;
}

int CompareMetricsPanel::chartCount() const
{
    return int(d->charts.size());
}

QString CompareMetricsPanel::chartMessage(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).message : QString();
}

QString CompareMetricsPanel::chartTitle(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).panel.title : QString();
}

MetricChart *CompareMetricsPanel::chart(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).card->chart() : nullptr;
}

int CompareMetricsPanel::seriesCount(int chart) const
{
    return chart >= 0 && chart < d->charts.size() ? d->charts.at(chart).card->chart()->seriesCount() : 0;
}

void CompareMetricsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    d->layoutCards();
}

} // namespace Sightline
