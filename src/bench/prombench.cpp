#include "prombench.h"

#include "benchoutput.h"
#include "core/drilldown.h"
#include "sources/prometheus/prometheusclient.h"
#include "ui/metricchart.h"

#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLineSeries>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {

const QString Scenario = u"prom-range"_s;

template<typename T>
T wait(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

std::optional<double> parseTime(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds;
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid())
        return std::nullopt;
    return double(when.toMSecsSinceEpoch()) / 1000.0;
}

QString secondsText(double seconds)
{
    QString text = QString::number(seconds, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double maxValue(const PrometheusQueryReply &reply)
{
    double best = -1;
    if (!reply.value)
        return best;
    for (const PrometheusSeries &series : reply.value->series) {
        for (double v : series.values) {
            if (std::isfinite(v))
                best = std::max(best, v);
        }
    }
    return best;
}

// The newest sample of the bench series: an instant query now, or, when the history ended more
// than Prometheus's 5-minute lookback ago, a coarse scan of the last 60 days and a fine one after
// (of one series: every series ends at the same sample).
std::optional<double> newestSample(PrometheusClient &client, QString *error)
{
    PrometheusQueryReply reply = wait(client.query(u"max(timestamp(sightline_bench_signal))"_s));
    if (reply.error.isError()) {
        *error = reply.error.message;
        return std::nullopt;
    }
    double newest = maxValue(reply);
    if (newest > 0)
        return newest;
    const QString one = u"timestamp(sightline_bench_signal{series=\"000\"})"_s;
    const double now = double(QDateTime::currentSecsSinceEpoch());
    reply = wait(client.queryRange(one, now - 60 * 86400, now + 86400, 600));
    const double coarse = maxValue(reply);
    if (coarse <= 0) {
        *error = reply.error.isError()
                     ? reply.error.message
                     : u"no sightline_bench_signal{series=\"000\"} samples in the last 60 days"_s;
        return std::nullopt;
    }
    reply = wait(client.queryRange(one, coarse, coarse + 900, 15));
    newest = maxValue(reply);
    return newest > 0 ? newest : coarse;
}

struct SightlineRun
{
    double totalMs = 0;
    double fetchParseMs = 0;
    double reduceMs = 0;
    qint64 series = 0;
    qint64 points = 0;
    QString error;
    QList<PrometheusSeries> data;
};

SightlineRun runSightline(PrometheusClient &client, const PromRangeOptions &options, double start, double end,
                          bool keep)
{
    SightlineRun run;
    QElapsedTimer timer;
    timer.start();
    const PrometheusQueryReply reply = wait(client.queryRange(options.query, start, end, options.step));
    run.fetchParseMs = double(timer.nsecsElapsed()) / 1e6;
    if (reply.error.isError() || !reply.value) {
        run.error = reply.error.message;
        return run;
    }
    qsizetype reducedPoints = 0;
    for (const PrometheusSeries &series : reply.value->series) {
        const QList<QList<QPointF>> segments = reduceMinMaxPerPixel(
            series.timesSeconds.constData(), series.values.constData(),
            std::min(series.timesSeconds.size(), series.values.size()), start, end, options.pixels);
        for (const QList<QPointF> &segment : segments)
            reducedPoints += segment.size();
    }
    run.totalMs = double(timer.nsecsElapsed()) / 1e6;
    run.reduceMs = run.totalMs - run.fetchParseMs;
    run.series = reply.value->series.size();
    run.points = reply.value->points();
    if (reducedPoints > qsizetype(run.series) * 4 * options.pixels)
        run.error = u"the reduction kept more than 4 points per pixel"_s;
    if (keep)
        run.data = reply.value->series;
    return run;
}

// curl's own time_total for the same GET, body to /dev/null.
std::optional<double> runCurl(const QUrl &url, QString *error)
{
    QStringList arguments{u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{time_total}"_s, u"--fail"_s};
    const QString token = qEnvironmentVariable("SIGHTLINE_PROMETHEUS_TOKEN");
    if (!token.isEmpty())
        arguments << u"-H"_s << (u"Authorization: Bearer "_s + token);
    arguments << url.toString(QUrl::FullyEncoded);
    QProcess curl;
    curl.start(u"curl"_s, arguments);
    if (!curl.waitForFinished(300'000) || curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0) {
        *error = u"curl failed (exit %1): %2"_s.arg(curl.exitCode())
                     .arg(QString::fromLocal8Bit(curl.readAllStandardError()));
        return std::nullopt;
    }
    bool ok = false;
    const double seconds = QString::fromLatin1(curl.readAllStandardOutput()).trimmed().toDouble(&ok);
    if (!ok) {
        *error = u"curl printed no time"_s;
        return std::nullopt;
    }
    return seconds * 1000;
}

struct ChartFigures
{
    QList<double> repaintMs; // from the picture of the last change (hover, expose)
    double redrawMs = 0;     // every line drawn again (median)
    double firstMs = 0;      // a new chart: setSeries, layout, reduction to the final width, first paint
    double updateMs = 0;     // the same chart given new data (a running evaluation's refresh)
    qsizetype drawnPoints = 0;
};

bool waitReduced(MetricChart &chart)
{
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 20'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const QList<QLineSeries *> lines = chart.lineSeries();
        if (!lines.isEmpty()) {
            const int width = int(std::lround(lines.constFirst()->chart()->plotArea().width()));
            if (width > 10 && width == chart.reducedPixels())
                return true;
        }
    }
    return false;
}

// A MetricChart of every series, `pixels` wide: its first showing, then `runs` repaints and full
// redraws, then the same data again as a refresh would bring it.
ChartFigures measureChart(const QList<PrometheusSeries> &data, double start, double end,
                          const PromRangeOptions &options)
{
    MetricChart chart;
    chart.resize(options.pixels, 500);
    chart.show();
    QList<ChartSeries> series;
    series.reserve(data.size());
    for (const PrometheusSeries &one : data)
        series.append({one.displayName(), one.timesSeconds, one.values, -1, Qt::SolidLine});
    ChartFigures figures;
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    timer.start();
    chart.setSeries(series, start, end);
    waitReduced(chart);
    image.fill(Qt::white);
    chart.renderInto(image);
    figures.firstMs = double(timer.nsecsElapsed()) / 1e6;
    figures.drawnPoints = chart.drawnPoints();
    QList<double> full;
    for (int run = 0; run < options.runs; ++run) {
        image.fill(Qt::white);
        figures.repaintMs.append(chart.renderInto(image));
        image.fill(Qt::white);
        full.append(chart.renderInto(image, true));
    }
    figures.redrawMs = median(full);
    timer.restart();
    chart.setSeries(series, start, end);
    waitReduced(chart);
    image.fill(Qt::white);
    chart.renderInto(image);
    figures.updateMs = double(timer.nsecsElapsed()) / 1e6;
    return figures;
}

} // namespace

int runPromRangeBench(const PromRangeOptions &options)
{
    PrometheusConnection connection = PrometheusConnection::fromProfileUrl(options.prometheus, 300);
    if (!connection.url.isValid() || connection.url.scheme().isEmpty()) {
        std::fprintf(stderr, "sightline-bench prom-range: --prometheus needs an http(s) URL\n");
        return 2;
    }
    PrometheusClient client(connection);
    double start = 0;
    double end = 0;
    QString error;
    if (!options.end.isEmpty()) {
        const std::optional<double> parsed = parseTime(options.end);
        if (!parsed) {
            std::fprintf(stderr,
                         "sightline-bench prom-range: --end %s is neither RFC 3339 nor Unix seconds\n",
                         qPrintable(options.end));
            return 2;
        }
        end = *parsed;
    } else {
        const std::optional<double> newest = newestSample(client, &error);
        if (!newest) {
            std::fprintf(stderr, "sightline-bench prom-range: cannot find the newest bench sample: %s\n",
                         qPrintable(error));
            return 1;
        }
        end = *newest;
    }
    if (!options.start.isEmpty()) {
        const std::optional<double> parsed = parseTime(options.start);
        if (!parsed) {
            std::fprintf(stderr,
                         "sightline-bench prom-range: --start %s is neither RFC 3339 nor Unix seconds\n",
                         qPrintable(options.start));
            return 2;
        }
        start = *parsed;
    } else {
        start = end - 5759 * options.step;
    }
    if (end <= start) {
        std::fprintf(stderr, "sightline-bench prom-range: --end must be after --start\n");
        return 2;
    }

    // The same GET the client makes (it only switches to POST past 4 KB of parameters).
    QUrl url = connection.url;
    url.setPath(url.path() + u"/api/v1/query_range"_s);
    const QByteArray query = "query=" + QUrl::toPercentEncoding(options.query) +
                             "&start=" + QUrl::toPercentEncoding(secondsText(start)) +
                             "&end=" + QUrl::toPercentEncoding(secondsText(end)) +
                             "&step=" + QUrl::toPercentEncoding(secondsText(options.step));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    std::fprintf(
        stderr, "prom-range: %s over %s … %s, step %s s, %d runs\n", qPrintable(options.query),
        qPrintable(QDateTime::fromMSecsSinceEpoch(qint64(start * 1000), Qt::UTC).toString(Qt::ISODate)),
        qPrintable(QDateTime::fromMSecsSinceEpoch(qint64(end * 1000), Qt::UTC).toString(Qt::ISODate)),
        qPrintable(secondsText(options.step)), options.runs);

    // Warm-up: Prometheus's page cache and our connection, for both tools alike.
    SightlineRun warm = runSightline(client, options, start, end, true);
    if (!warm.error.isEmpty()) {
        std::fprintf(stderr, "sightline-bench prom-range: %s\n", qPrintable(warm.error));
        return 1;
    }
    if (warm.series == 0) {
        std::fprintf(stderr, "sightline-bench prom-range: the query returned no series in that range\n");
        return 1;
    }
    if (!runCurl(url, &error)) {
        std::fprintf(stderr, "sightline-bench prom-range: %s\n", qPrintable(error));
        return 1;
    }

    QList<double> sightline;
    QList<double> fetchParse;
    QList<double> reduce;
    QList<double> curl;
    for (int run = 0; run < options.runs; ++run) {
        const SightlineRun one = runSightline(client, options, start, end, false);
        if (!one.error.isEmpty()) {
            std::fprintf(stderr, "sightline-bench prom-range: %s\n", qPrintable(one.error));
            return 1;
        }
        sightline.append(one.totalMs);
        fetchParse.append(one.fetchParseMs);
        reduce.append(one.reduceMs);
        const std::optional<double> peer = runCurl(url, &error);
        if (!peer) {
            std::fprintf(stderr, "sightline-bench prom-range: %s\n", qPrintable(error));
            return 1;
        }
        curl.append(*peer);
    }
    const ChartFigures chart = measureChart(warm.data, start, end, options);

    printFigure(Scenario, u"sightline"_s, u"fetch_parse_reduce_ms"_s, median(sightline), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"fetch_parse_reduce_min_ms"_s,
                *std::min_element(sightline.cbegin(), sightline.cend()), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"fetch_parse_reduce_max_ms"_s,
                *std::max_element(sightline.cbegin(), sightline.cend()), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"repaint_ms"_s, median(chart.repaintMs), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"redraw_ms"_s, chart.redrawMs, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"chart_first_ms"_s, chart.firstMs, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"chart_update_ms"_s, chart.updateMs, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"series"_s, double(warm.series), u"series"_s);
    printFigure(Scenario, u"sightline"_s, u"points"_s, double(warm.points), u"points"_s);
    printFigure(Scenario, u"curl"_s, u"fetch_ms"_s, median(curl), u"ms"_s);
    printFigure(Scenario, u"curl"_s, u"fetch_min_ms"_s, *std::min_element(curl.cbegin(), curl.cend()),
                u"ms"_s);
    printFigure(Scenario, u"curl"_s, u"fetch_max_ms"_s, *std::max_element(curl.cbegin(), curl.cend()),
                u"ms"_s);
    std::fprintf(
        stderr,
        "prom-range: of which fetch+parse %.1f ms and reduce %.1f ms (medians); %lld points drawn for %d "
        "series; sightline/curl = %.2f\n",
        median(fetchParse), median(reduce), qlonglong(chart.drawnPoints), int(warm.series),
        median(curl) > 0 ? median(sightline) / median(curl) : 0.0);
    return 0;
}

} // namespace Sightline::Bench
