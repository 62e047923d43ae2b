#include "drilldown.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Not a QObject: lupdate files DrilldownTr::tr() under the context it looks up at run time.
struct DrilldownTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::Drilldown)
};

// A base URL as written in the profile, without a trailing slash, so paths can be appended.
QString trimmedBase(const QString &base)
{
    QString trimmed = base.trimmed();
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    return trimmed;
}
// The profile's sources.<source>.url as a base to append paths to; empty with `error` set when it
// is missing or not http(s).
QUrl baseUrlOf(const QString &baseUrl, const QString &source, const QString &product, QString *error)
{
    const QString base = trimmedBase(baseUrl);
    if (base.isEmpty()) {
        *error =
            DrilldownTr::tr("Add sources.%1.url to the workspace profile to open %2.").arg(source, product);
        return {};
    }
    const QUrl url(base);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        *error = DrilldownTr::tr("sources.%1.url \"%2\" is not an http(s) URL.").arg(source, base);
        return {};
    }
    return url;
}
} // namespace

QList<DrilldownPanel> defaultDrilldownPanels()
{
    return {
        {DrilldownTr::tr("Container CPU"), u"cores"_s,
         u"rate(container_cpu_usage_seconds_total{name=\"${container_id}\"}[1m])"_s},
        {DrilldownTr::tr("Container memory"), u"bytes"_s,
         u"container_memory_usage_bytes{name=\"${container_id}\"}"_s},
        {DrilldownTr::tr("Worker node CPU"), u"cores"_s,
         u"sum by (instance) (rate(node_cpu_seconds_total{instance=\"${worker_id}\",mode!=\"idle\"}[5m]))"_s},
        {DrilldownTr::tr("Queue depth"), u"evaluations"_s, u"queue_depth"_s},
    };
}

QHash<QString, QString> evaluationTemplateFields(const EvaluationDetail &detail)
{
    const EvaluationRow &row = detail.row;
    QHash<QString, QString> fields;
    auto put = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            fields.insert(name, value);
    };
    put(u"id"_s, row.id);
    put(u"eval_id"_s, row.id);
    put(u"evaluation_id"_s, row.id);
    put(u"status"_s, row.status == EvaluationStatus::Unknown ? row.statusText : statusName(row.status));
    put(u"engine"_s, row.engine);
    put(u"worker_id"_s, row.workerId);
    put(u"container_id"_s, detail.containerId);
    put(u"batch_id"_s, row.batchId);
    put(u"submitted_by"_s, row.submittedBy);
    return fields;
}

TemplateExpansion expandTemplate(const QString &text, const QHash<QString, QString> &fields,
                                 const std::function<QString(const QString &)> &escape)
{
    TemplateExpansion result;
    result.text.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c != u'$') {
            result.text.append(c);
            ++i;
            continue;
        }
        if (text.mid(i, 3) == u"$${"_s) { // an escaped, literal "${"
            result.text.append(u"${"_s);
            i += 3;
            continue;
        }
        if (i + 1 >= text.size() || text.at(i + 1) != u'{') {
            result.text.append(c);
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 2);
        if (close < 0) {
            result.error = DrilldownTr::tr("\"${\" at character %1 has no closing \"}\"").arg(i + 1);
            result.text.clear();
            return result;
        }
        const QString name = text.mid(i + 2, close - i - 2).trimmed();
        if (name.isEmpty()) {
            result.error = DrilldownTr::tr("an empty \"${}\" at character %1").arg(i + 1);
            result.text.clear();
            return result;
        }
        const bool isName = std::all_of(name.cbegin(), name.cend(), [](QChar ch) {
            return ch == u'_' || (ch.unicode() < 128 && ch.isLetterOrNumber());
        });
        if (!isName || name.front().isDigit()) {
            result.error =
                DrilldownTr::tr("\"${%1}\" at character %2 is not a field name (letters, digits and _)")
                    .arg(name)
                    .arg(i + 1);
            result.text.clear();
            return result;
        }
        const auto found = fields.constFind(name);
        if (found == fields.cend()) {
            result.missingField = name;
            result.error =
                DrilldownTr::tr("the template names ${%1}, which this evaluation does not have").arg(name);
            result.text.clear();
            return result;
        }
        result.text.append(escape ? escape(*found) : *found);
        i = close + 1;
    }
    return result;
}

QString escapePromQLString(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\':
            escaped += u"\\\\"_s;
            break;
        case u'"':
            escaped += u"\\\""_s;
            break;
        case u'\n':
            escaped += u"\\n"_s;
            break;
        case u'\r':
            escaped += u"\\r"_s;
            break;
        case u'\t':
            escaped += u"\\t"_s;
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

int QueryWindow::points() const
{
    if (stepSeconds <= 0 || endMs < startMs)
        return 0;
    return int(std::floor(double(endMs - startMs) / 1000.0 / stepSeconds)) + 1;
}

double rangeStepSeconds(qint64 startMs, qint64 endMs)
{
    const double range = std::max(0.0, double(endMs - startMs) / 1000.0);
    double step = std::max(range / QueryWindow::TargetPoints, 1.0);
    // Whole seconds read better in a Prometheus link and align with scrapes; round up so the
    // points never exceed the target.
    step = std::ceil(step);
    while (range / step + 1 > QueryWindow::MaxPoints)
        step += 1;
    return step;
}

QueryWindowResult evaluationQueryWindow(const EvaluationRow &row, qint64 nowMs, int paddingSeconds)
{
    QueryWindowResult result;
    if (!row.startedAt) {
        switch (row.status) {
        case EvaluationStatus::Queued:
            result.emptyReason = DrilldownTr::tr(
                "The evaluation is queued: it has not started, so it has no time window yet.");
            break;
        case EvaluationStatus::Provisioning:
            result.emptyReason = DrilldownTr::tr(
                "The evaluation is provisioning: it has not started, so it has no time window yet.");
            break;
        default:
            result.emptyReason =
                DrilldownTr::tr("The evaluation has no start time (started_at is empty), so it has no "
                                "time window to query.");
        }
        return result;
    }
    const qint64 padding = qint64(std::max(0, paddingSeconds)) * 1000;
    QueryWindow window;
    window.evaluationStartMs = *row.startedAt;
    window.evaluationEndMs = row.completedAt;
    window.open = !row.completedAt;
    const qint64 end =
        row.completedAt ? std::max(*row.completedAt, *row.startedAt) : std::max(nowMs, *row.startedAt);
    window.startMs = *row.startedAt - padding;
    window.endMs = window.open ? end : end + padding;
    if (window.open && window.endMs > nowMs)
        window.endMs = std::max(nowMs, window.startMs + 1000);
    window.stepSeconds = rangeStepSeconds(window.startMs, window.endMs);
    result.window = window;
    return result;
}

QString prometheusDuration(qint64 ms)
{
    qint64 seconds = std::max<qint64>(0, (ms + 999) / 1000);
    if (seconds == 0)
        return u"0s"_s;
    QString text;
    const qint64 days = seconds / 86400;
    seconds %= 86400;
    const qint64 hours = seconds / 3600;
    seconds %= 3600;
    const qint64 minutes = seconds / 60;
    seconds %= 60;
    if (days)
        text += QString::number(days) + u'd';
    if (hours)
        text += QString::number(hours) + u'h';
    if (minutes)
        text += QString::number(minutes) + u'm';
    if (seconds)
        text += QString::number(seconds) + u's';
    return text;
}

LinkResult grafanaDashboardUrl(const QString &baseUrl, int orgId, const GrafanaDashboard &dashboard,
                               qint64 fromMs, qint64 toMs, const QHash<QString, QString> &fields)
{
    LinkResult result;
    QUrl url = baseUrlOf(baseUrl, u"grafana"_s, u"Grafana"_s, &result.error);
    if (url.isEmpty())
        return result;
    QString path = url.path();
    path += u"/d/"_s + dashboard.uid;
    if (!dashboard.slug.isEmpty())
        path += u'/' + dashboard.slug;
    url.setPath(path);
    QUrlQuery query;
    query.addQueryItem(u"orgId"_s, QString::number(orgId));
    query.addQueryItem(u"from"_s, QString::number(fromMs));
    query.addQueryItem(u"to"_s, QString::number(toMs));
    for (const auto &[name, value] : dashboard.vars) {
        const TemplateExpansion expanded = expandTemplate(value, fields);
        if (!expanded.ok()) {
            result.error = DrilldownTr::tr("Dashboard \"%1\", variable %2: %3")
                               .arg(dashboard.title, name, expanded.error);
            return result;
        }
        query.addQueryItem(u"var-"_s + name, expanded.text);
    }
    // Fully encoded: a value with "&", "+" or "#" must not split or end the query.
    QString encoded;
    const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!encoded.isEmpty())
            encoded += u'&';
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key)) + u'=' +
                   QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    url.setQuery(encoded, QUrl::StrictMode);
    result.url = url;
    return result;
}

LinkResult prometheusGraphUrl(const QString &baseUrl, const QString &expr, qint64 startMs, qint64 endMs)
{
    LinkResult result;
    QUrl url = baseUrlOf(baseUrl, u"prometheus"_s, u"Prometheus"_s, &result.error);
    if (url.isEmpty())
        return result;
    url.setPath(url.path() + u"/graph"_s);
    const QString end = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const QList<QPair<QString, QString>> items{
        {u"g0.expr"_s, expr},
        {u"g0.tab"_s, u"0"_s},
        {u"g0.range_input"_s, prometheusDuration(endMs - startMs)},
        {u"g0.end_input"_s, end},
        {u"g0.moment_input"_s, end},
    };
    QString encoded;
    for (const auto &[key, value] : items) {
        if (!encoded.isEmpty())
            encoded += u'&';
        encoded += key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    url.setQuery(encoded, QUrl::StrictMode);
    result.url = url;
    return result;
}

QList<QList<QPointF>> reduceMinMaxPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                           double x1, int pixels)
{
    QList<QList<QPointF>> segments;
    if (count <= 0 || pixels <= 0 || !(x1 > x0))
        return segments;
    const double scale = double(pixels) / (x1 - x0);
    QList<QPointF> current;
    // The column being collected: its first, min, max and last points.
    qint64 column = std::numeric_limits<qint64>::min();
    QPointF first, minP, maxP, last;
    int inColumn = 0;
    auto flushColumn = [&] {
        if (inColumn == 0)
            return;
        // In x order, without repeats: first, then min and max in the order they occurred, then last.
        QPointF ordered[4] = {first, minP, maxP, last};
        if (maxP.x() < minP.x())
            std::swap(ordered[1], ordered[2]);
        // Exact comparison: QPointF's == is fuzzy, and never true for infinite values.
        auto same = [](const QPointF &a, const QPointF &b) { return a.x() == b.x() && a.y() == b.y(); };
        for (const QPointF &p : ordered) {
            if (!current.isEmpty() && same(current.constLast(), p))
                continue;
            current.append(p);
        }
        inColumn = 0;
    };
    auto flushSegment = [&] {
        flushColumn();
        if (!current.isEmpty())
            segments.append(std::move(current));
        current = {};
    };
    for (qsizetype i = 0; i < count; ++i) {
        const double xi = x[i];
        const double yi = y[i];
        if (std::isnan(xi) || xi < x0 || xi > x1)
            continue;
        if (std::isnan(yi)) {
            flushSegment();
            continue;
        }
        const qint64 c = std::min<qint64>(pixels - 1, qint64((xi - x0) * scale));
        const QPointF p(xi, yi);
        if (c != column || inColumn == 0) {
            flushColumn();
            column = c;
            first = minP = maxP = last = p;
            inColumn = 1;
            continue;
        }
        if (yi < minP.y())
            minP = p;
        if (yi > maxP.y())
            maxP = p;
        last = p;
        ++inColumn;
    }
    flushSegment();
    return segments;
}

} // namespace Sightline
