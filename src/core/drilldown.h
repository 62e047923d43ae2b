#pragma once

#include "evaluation.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace Sightline {

// One chart of the Evaluation window's Metrics tab (DESIGN.md §5, "drilldown" → "panels").
struct DrilldownPanel
{
    QString title;
    QString unit;   // "cores", "bytes", "" …: shown on the axis; "bytes" scales to KB/MB/GB
    QString promql; // a template: ${container_id}, ${worker_id}, … (see evaluationTemplateFields)
};

// One "Open in Grafana" button ("drilldown" → "grafana").
struct GrafanaDashboard
{
    QString title;
    QString uid;
    QString slug;                        // optional; "" → "/d/<uid>"
    QList<QPair<QString, QString>> vars; // var name → template, in profile order
};

// The platform's own panels (DESIGN.md §4 metric names), used when the profile names none.
QList<DrilldownPanel> defaultDrilldownPanels();

struct DrilldownSettings
{
    int paddingSeconds = 60;
    QList<DrilldownPanel> panels = defaultDrilldownPanels(); // the profile's "panels" replace them
    QList<GrafanaDashboard> dashboards; // empty: no Grafana button but a hint what to configure
    bool panelsFromProfile = false;
};

// The fields a template may name, from an evaluation: id (also eval_id), status, engine,
// worker_id, container_id, batch_id, submitted_by. Empty values are left out, so a template that
// names them fails with a message naming the field.
QHash<QString, QString> evaluationTemplateFields(const EvaluationDetail &detail);

struct TemplateExpansion
{
    QString text;
    QString missingField; // non-empty: the template names ${missingField}, which the fields lack
    QString error;        // a message for people, naming the field; empty on success
    bool ok() const { return error.isEmpty(); }
};

// Replaces every ${name} with escape(fields[name]). "$${" is a literal "${". An unknown or empty
// field fails with a message naming it; an unterminated "${" fails too.
TemplateExpansion expandTemplate(const QString &text, const QHash<QString, QString> &fields,
                                 const std::function<QString(const QString &)> &escape = {});
// Escapes a value for a PromQL double-quoted string literal (backslash, quote, newline).
QString escapePromQLString(const QString &value);

// The range a drill-down queries: [started_at − padding, (completed_at or now) + padding].
struct QueryWindow
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    double stepSeconds = 1; // max(range / 250, 1 s), never more than MaxPoints points
    bool open = false;      // still running: the end is "now" and the charts refresh
    qint64 evaluationStartMs = 0;
    std::optional<qint64> evaluationEndMs;

    static constexpr int TargetPoints = 250;
    static constexpr int MaxPoints = 11'000;
    int points() const;
};

struct QueryWindowResult
{
    std::optional<QueryWindow> window;
    QString emptyReason; // why there is no window: "Evaluation is queued: it has not started yet…"
};

QueryWindowResult evaluationQueryWindow(const EvaluationRow &row, qint64 nowMs, int paddingSeconds);
double rangeStepSeconds(qint64 startMs, qint64 endMs);

// <base>/d/<uid>/<slug>?orgId=<n>&from=<ms>&to=<ms>&var-<name>=<value>… Fails (error set) when
// the base URL is empty or a variable's template names a missing field.
struct LinkResult
{
    QUrl url;
    QString error;
    bool ok() const { return error.isEmpty(); }
};
LinkResult grafanaDashboardUrl(const QString &baseUrl, int orgId, const GrafanaDashboard &dashboard,
                               qint64 fromMs, qint64 toMs, const QHash<QString, QString> &fields);
// <base>/graph?g0.expr=…&g0.tab=0&g0.range_input=<1h2m3s>&g0.end_input=<YYYY-MM-DD HH:mm:ss UTC>
LinkResult prometheusGraphUrl(const QString &baseUrl, const QString &expr, qint64 startMs, qint64 endMs);
QString prometheusDuration(qint64 ms); // "1h2m3s", "45s", "0s"

// Min/max per pixel column: for each of `pixels` columns over [x0, x1], the first, min, max and
// last points of the column, in x order, without repeats. NaN y values split the series: the
// result is a list of contiguous segments. Points outside [x0, x1] are dropped.
QList<QList<QPointF>> reduceMinMaxPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                           double x1, int pixels);

} // namespace Sightline
