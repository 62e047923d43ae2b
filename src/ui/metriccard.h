#pragma once

#include "core/drilldown.h"
#include "core/evaluation.h"
#include "core/workspaceprofile.h"
#include "metricchart.h"

#include <QFrame>
#include <QUrl>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Sightline {

struct PrometheusError;
struct PrometheusSeries;

// One drill-down chart with its header: title, the PromQL it ran, "Open in Prometheus", "Copy
// link" and, after an error, "Retry". Used by the Evaluation window's and the Compare window's
// metrics.
class MetricCard : public QFrame
{
    Q_OBJECT
public:
    explicit MetricCard(const QString &title, QWidget *parent = nullptr);

    MetricChart *chart() const { return m_chart; }
    QString title() const;
    void setQuery(const QString &query);
    // A warning line under the query (e.g. one side of a comparison has no data); "" hides it.
    void setRemark(const QString &remark);
    QString remark() const;
    // The "Open in Prometheus" address; empty disables both link actions, `why` says why.
    void setLink(const QUrl &url, const QString &why = {});
    QUrl link() const { return m_link; }
    void setRetryVisible(bool visible);
    bool isRetryVisible() const;
    void setBusy(bool busy);
    void setLinkActionsVisible(bool visible);
    bool isBusy() const { return m_busy; }
    void copyLink();

Q_SIGNALS:
    void openLinkRequested(const QUrl &url);
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_query;
    QLabel *m_remark;
    QProgressBar *m_busyBar;
    QToolButton *m_open;
    QToolButton *m_copy;
    QToolButton *m_retry;
    MetricChart *m_chart;
    QUrl m_link;
    bool m_busy = false;
};

// The profile's drill-down panels, or the platform's defaults when it names none.
QList<DrilldownPanel> drilldownPanelsOf(const WorkspaceProfile &profile);

// What a failed request says on a chart: Prometheus's own message for an API error, the network's
// for the rest, naming the server.
QString prometheusErrorText(const PrometheusError &error, const QString &server);

// "This panel needs ${container_id}, which evaluation ev-… does not have" (or the expansion's own
// error for a malformed template).
QString templateProblemText(const TemplateExpansion &expansion, const QString &evaluationId);

// Lifecycle events (evaluation.started, …) and security events (red) as chart markers; x is Unix
// seconds minus `originSeconds`. Without events, the row's started_at and completed_at.
QList<ChartMarker> evaluationMarkers(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                                     double originSeconds = 0, int colorIndex = -1);

// x in Unix seconds minus `originSeconds`. A series with no labels at all (Prometheus names it "{}")
// is named by `expression`.
ChartSeries toChartSeries(const PrometheusSeries &series, const QString &expression,
                          double originSeconds = 0);

} // namespace Sightline
