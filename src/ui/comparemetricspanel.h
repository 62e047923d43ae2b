#pragma once

#include "core/evaluation.h"
#include "core/workspaceprofile.h"

#include <QWidget>

#include <memory>

namespace Sightline {

class MetricChart;
class PrometheusClient;

// The Compare window's metrics: for each drill-down panel, both evaluations' series on one chart,
// on one time base aligned at each evaluation's start (x = seconds since started_at).
class CompareMetricsPanel : public QWidget
{
    Q_OBJECT
public:
    CompareMetricsPanel(const WorkspaceProfile &profile, PrometheusClient *client, QWidget *parent = nullptr);
    ~CompareMetricsPanel() override;

    void setEvaluations(const EvaluationDetail &left, const QList<EvaluationEvent> &leftEvents,
                        const EvaluationDetail &right, const QList<EvaluationEvent> &rightEvents);
    bool isSettled() const;
    int chartCount() const;
    QString chartMessage(int chart) const;
    QString chartTitle(int chart) const;
    MetricChart *chart(int chart) const;
    int seriesCount(int chart) const; // both evaluations' series on the chart

Q_SIGNALS:
    void settled();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sightline
