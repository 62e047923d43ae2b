#pragma once

#include "core/evaluation.h"
#include "core/workspaceprofile.h"

#include <QPointF>
#include <QUrl>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Sightline {

class MetricChart;
class PrometheusClient;

// The Evaluation window's Metrics tab: the profile's drill-down panels (DESIGN.md §5) for one
// evaluation, each a PromQL template expanded with the evaluation's fields and run as a range
// query over its window, charted with the lifecycle events drawn on it. A running evaluation's
// window ends now and the charts refresh. `client` may be null: Prometheus is not configured, and
// the panel says what to add to the profile.
class EvaluationMetricsPanel : public QWidget
{
    Q_OBJECT
public:
    EvaluationMetricsPanel(const WorkspaceProfile &profile, PrometheusClient *client,
                           QWidget *parent = nullptr);
    ~EvaluationMetricsPanel() override;

    // Shows this evaluation (and runs its queries). Called again on every reload of the window.
    void setEvaluation(const EvaluationDetail &detail, const QList<EvaluationEvent> &events);
    void refresh(); // runs the queries again

    // Every chart has its answer (data, an error or an empty-reason) on screen.
    bool isSettled() const;

    // What is on screen, for tests.
    int chartCount() const;
    QString chartTitle(int chart) const;
    QString chartMessage(int chart) const; // the reason a chart is empty, or its error; "" when it has data
    QString chartQuery(int chart) const;   // the expanded PromQL
    // The series as fetched (before reduction to pixels): times in Unix seconds.
    int seriesCount(int chart) const;
    QVector<QPointF> seriesPoints(int chart, int series) const;
    QString panelMessage() const; // whole-panel message: Prometheus not configured, queued evaluation, …

    MetricChart *chart(int chart) const;
    QString chartNote(int chart) const;  // a remark under the chart (NaN/±Inf samples); "" when none
    QUrl chartLink(int chart) const;     // "Open in Prometheus"; empty when the chart has no query
    bool chartCanRetry(int chart) const; // its query failed and Retry is offered
    void retryChart(int chart);
    void openChartLink(int chart); // as the "Open in Prometheus" button does
    std::optional<QueryWindow> queryWindow() const;
    bool isRefreshing() const; // a running evaluation: the charts refresh every RefreshSeconds

    // Opens "Open in Prometheus" links (openExternalLink by default); tests replace it.
    void setUrlOpener(std::function<void(const QUrl &)> opener);

    static constexpr int RefreshSeconds = 15;

Q_SIGNALS:
    void settled();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sightline
