// sightline-bench SCENARIO [options]: Sightline's speed and memory beside the usual peer tool,
// one JSON object per line (DESIGN.md §6).

#include "browsebench.h"
#include "core/workspaceprofile.h"
#include "fsscanbench.h"
#include "liveingestbench.h"
#include "pgcatalogbench.h"
#include "prombench.h"
#include "redisscanbench.h"
#include "reportbench.h"
#include "s3listbench.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // The browse scenario measures a real table view; it needs no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sightline-bench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures Sightline beside the usual peer tool. Scenarios: browse, fs-scan, redis-scan, pg-catalog, s3-list, prom-range, live-ingest, report"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"scenario"_s, u"browse"_s);
    const QCommandLineOption postgres(u"postgres"_s, u"PostgreSQL URL (password from PGPASSWORD)."_s,
                                      u"URL"_s);
    const QCommandLineOption sqlite(u"sqlite"_s, u"SQLite file."_s, u"FILE"_s);
    const QCommandLineOption search(u"search"_s, u"Search text for search_ms (default: ada)."_s, u"TEXT"_s,
                                    u"ada"_s);
    parser.addOptions({postgres, sqlite, search});
    const QCommandLineOption files(u"files"_s, u"fs-scan: the folder to scan."_s, u"DIR"_s);
    const QCommandLineOption makeTree(u"make-tree"_s, u"fs-scan: first fill an empty DIR with N files."_s,
                                      u"N"_s);
    parser.addOptions({files, makeTree});
    const QCommandLineOption redis(
        u"redis"_s, u"redis-scan, live-ingest: Redis URL (password from REDISCLI_AUTH)."_s, u"URL"_s);
    parser.addOption(redis);
    const QCommandLineOption s3(u"s3"_s, u"s3-list: S3 endpoint URL (keys from AWS_ACCESS_KEY_ID/…)."_s,
                                u"URL"_s);
    const QCommandLineOption bucket(u"bucket"_s, u"s3-list: the bucket to list."_s, u"NAME"_s);
    parser.addOptions({s3, bucket});
    const QCommandLineOption prometheus(u"prometheus"_s, u"prom-range, report: Prometheus base URL."_s,
                                        u"URL"_s);
    const QCommandLineOption promQuery(u"query"_s,
                                       u"prom-range: the PromQL (default sightline_bench_signal)."_s,
                                       u"PROMQL"_s, u"sightline_bench_signal"_s);
    const QCommandLineOption promStart(
        u"start"_s, u"prom-range: RFC 3339 or Unix seconds (default: 5,759 steps before --end)."_s, u"T"_s);
    const QCommandLineOption promEnd(
        u"end"_s, u"prom-range: RFC 3339 or Unix seconds (default: the newest bench sample)."_s, u"T"_s);
    const QCommandLineOption promStep(u"step"_s, u"prom-range: step in seconds (default 15)."_s, u"SECONDS"_s,
                                      u"15"_s);
    const QCommandLineOption promPixels(u"pixels"_s, u"prom-range: columns to reduce to (default 1000)."_s,
                                        u"N"_s, u"1000"_s);
    const QCommandLineOption promRuns(u"runs"_s, u"prom-range: measured runs (default 5)."_s, u"N"_s, u"5"_s);
    parser.addOptions({prometheus, promQuery, promStart, promEnd, promStep, promPixels, promRuns});
    const QCommandLineOption liveRates(
        u"rates"_s,
        u"live-ingest: rising publish rates in events/s (default 50000,100000,200000,300000,400000)."_s,
        u"LIST"_s, u"50000,100000,200000,300000,400000"_s);
    const QCommandLineOption liveSeconds(u"seconds"_s, u"live-ingest: seconds per rate (default 5)."_s,
                                         u"SECONDS"_s, u"5"_s);
    const QCommandLineOption livePeer(u"no-peer"_s, u"live-ingest: skip redis-cli SUBSCRIBE."_s);
    parser.addOptions({liveRates, liveSeconds, livePeer});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fprintf(stderr, "sightline-bench: name one scenario (browse, fs-scan, redis-scan, pg-catalog, "
                             "s3-list, prom-range, live-ingest, report)\n");
        return 2;
    }
    if (positional.constFirst() == u"browse"_s) {
        Sightline::WorkspaceProfile profile;
        profile.name = u"bench"_s;
        profile.postgresUrl = parser.value(postgres);
        profile.sqlitePath = parser.value(sqlite);
        if (profile.postgresUrl.isEmpty() == profile.sqlitePath.isEmpty()) {
            std::fprintf(stderr,
                         "sightline-bench browse: give exactly one of --postgres URL or --sqlite FILE\n");
            return 2;
        }
        return Sightline::Bench::runBrowseBench(profile, parser.value(search));
    }
    if (positional.constFirst() == u"fs-scan"_s) {
        if (!parser.isSet(files)) {
            std::fprintf(stderr, "sightline-bench fs-scan: give --files DIR\n");
            return 2;
        }
        return Sightline::Bench::runFsScanBench(parser.value(files), parser.value(makeTree).toLongLong(), 3);
    }
    if (positional.constFirst() == u"redis-scan"_s) {
        if (!parser.isSet(redis)) {
            std::fprintf(stderr, "sightline-bench redis-scan: give --redis URL\n");
            return 2;
        }
        return Sightline::Bench::runRedisScanBench(parser.value(redis));
    }
    if (positional.constFirst() == u"pg-catalog"_s) {
        if (!parser.isSet(postgres)) {
            std::fprintf(stderr, "sightline-bench pg-catalog: give --postgres URL\n");
            return 2;
        }
        return Sightline::Bench::runPgCatalogBench(parser.value(postgres), 3);
    }
    if (positional.constFirst() == u"s3-list"_s) {
        if (!parser.isSet(s3) || !parser.isSet(bucket)) {
            std::fprintf(stderr, "sightline-bench s3-list: give --s3 URL --bucket NAME\n");
            return 2;
        }
        return Sightline::Bench::runS3ListBench(QUrl(parser.value(s3)), parser.value(bucket), 3);
    }
    if (positional.constFirst() == u"prom-range"_s) {
        Sightline::Bench::PromRangeOptions options;
        options.prometheus = parser.value(prometheus);
        options.query = parser.value(promQuery);
        options.start = parser.value(promStart);
        options.end = parser.value(promEnd);
        bool stepOk = false;
        bool pixelsOk = false;
        bool runsOk = false;
        options.step = parser.value(promStep).toDouble(&stepOk);
        options.pixels = parser.value(promPixels).toInt(&pixelsOk);
        options.runs = parser.value(promRuns).toInt(&runsOk);
        if (options.prometheus.isEmpty()) {
            std::fprintf(stderr, "sightline-bench prom-range: give --prometheus URL\n");
            return 2;
        }
        if (!stepOk || options.step <= 0 || !pixelsOk || options.pixels < 10 || !runsOk || options.runs < 1) {
            std::fprintf(stderr,
                         "sightline-bench prom-range: --step, --pixels (>= 10) and --runs need positive "
                         "numbers\n");
            return 2;
        }
        return Sightline::Bench::runPromRangeBench(options);
    }
    if (positional.constFirst() == u"report"_s) {
        Sightline::Bench::ReportBenchOptions options;
        options.sqlite = parser.value(sqlite);
        options.postgres = parser.value(postgres);
        options.prometheus = parser.value(prometheus);
        bool runsOk = false;
        options.runs = parser.value(promRuns).toInt(&runsOk);
        if (options.sqlite.isEmpty() == options.postgres.isEmpty()) {
            std::fprintf(stderr, "sightline-bench report: give --sqlite FILE or --postgres URL\n");
            return 2;
        }
        if (!parser.isSet(promRuns))
            options.runs = 3;
        if (!runsOk || options.runs < 1) {
            std::fprintf(stderr, "sightline-bench report: --runs needs a positive number\n");
            return 2;
        }
        return Sightline::Bench::runReportBench(options);
    }
    if (positional.constFirst() == u"live-ingest"_s) {
        Sightline::Bench::LiveIngestOptions options;
        options.redisUrl = parser.value(redis);
        options.rates.clear();
        bool ratesOk = true;
        for (const QString &item : parser.value(liveRates).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            options.rates.append(item.trimmed().toDouble(&ok));
            ratesOk = ratesOk && ok && options.rates.constLast() > 0 &&
                      (options.rates.size() < 2 ||
                       options.rates.constLast() > options.rates.at(options.rates.size() - 2));
        }
        bool secondsOk = false;
        options.seconds = parser.value(liveSeconds).toDouble(&secondsOk);
        options.peer = !parser.isSet(livePeer);
        if (options.redisUrl.isEmpty()) {
            std::fprintf(stderr, "sightline-bench live-ingest: give --redis URL\n");
            return 2;
        }
        if (!ratesOk || options.rates.isEmpty() || !secondsOk || options.seconds <= 0) {
            std::fprintf(stderr,
                         "sightline-bench live-ingest: --rates needs rising numbers above 0, --seconds a "
                         "number above 0\n");
            return 2;
        }
        return Sightline::Bench::runLiveIngestBench(options);
    }
    std::fprintf(stderr,
                 "sightline-bench: unknown scenario %s (this build has: browse, fs-scan, redis-scan, "
                 "pg-catalog, s3-list, prom-range, live-ingest, report)\n",
                 qPrintable(positional.constFirst()));
    return 2;
}
