#include "seedcommand.h"

#include "core/timestamp.h"
#include "memoryseed.h"
#include "prometheusseed.h"
#include "publishcommand.h"
#include "redisseed.h"
#include "s3seed.h"
#include "sources/seedwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

// RFC 3339 text, or Unix seconds (fractions allowed).
std::optional<qint64> parseEndTime(const QString &text)
{
    bool isNumber = false;
    const double seconds = text.toDouble(&isNumber);
    if (isNumber)
        return qint64(seconds * 1000.0);
    return parseTimestamp(text);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
}

} // namespace

int runSeedCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Sightline::SeedCommand",
        "Fill SQLite, PostgreSQL and/or a files folder with generated evaluation "
        "platform data (DESIGN.md §4). The PostgreSQL password is read from PGPASSWORD."));
    parser.addHelpOption();
    const QCommandLineOption evaluations(
        u"evaluations"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Number of evaluations (default 2000)."),
        u"N"_s, u"2000"_s);
    const QCommandLineOption seed(
        u"seed"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Random seed; the same seed gives the same data (default 1)."),
        u"S"_s, u"1"_s);
    const QCommandLineOption sqlite(
        u"sqlite"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Write a SQLite database to FILE."), u"FILE"_s);
    const QCommandLineOption postgres(
        u"postgres"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Write into the PostgreSQL database at URL."),
        u"URL"_s);
    const QCommandLineOption files(
        u"files"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Write large outputs and logs under DIR."),
        u"DIR"_s);
    const QCommandLineOption endTime(
        u"end-time"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Newest creation time: RFC 3339 or Unix seconds (default now)."),
        u"T"_s);
    const QCommandLineOption spanDays(
        u"span-days"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Days the evaluations spread over (default 14)."),
        u"D"_s, u"14"_s);
    const QCommandLineOption replace(
        u"replace"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Drop and recreate existing tables."));
    parser.addOptions({evaluations, seed, sqlite, postgres, files, endTime, spanDays, replace});
    const QCommandLineOption memoryJson(
        u"memory-json"_s,
        QCoreApplication::translate(
            "Sightline::SeedCommand",
            "Write the storage service's /storage/memory answer for the data to FILE."),
        u"FILE"_s);
    parser.addOption(memoryJson);
    const QCommandLineOption s3(
        u"s3"_s,
        QCoreApplication::translate(
            "Sightline::SeedCommand",
            "Upload evaluation artifacts to the S3 endpoint at URL (path-style; keys from "
            "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)."),
        u"URL"_s);
    const QCommandLineOption bucket(
        u"bucket"_s, QCoreApplication::translate("Sightline::SeedCommand", "The S3 bucket for --s3."),
        u"NAME"_s);
    const QCommandLineOption s3Every(
        u"s3-every"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Upload every Nth evaluation to S3 (default 200; 0 none)."),
        u"N"_s, u"200"_s);
    const QCommandLineOption s3Objects(
        u"s3-objects"_s,
        QCoreApplication::translate("Sightline::SeedCommand", "Also upload N small bench objects to S3."),
        u"N"_s, u"0"_s);
    const QCommandLineOption s3Prefixes(
        u"s3-prefixes"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Spread the bench objects over P prefixes (1000)."),
        u"P"_s, u"1000"_s);
    parser.addOptions({s3, bucket, s3Every, s3Objects, s3Prefixes});
    const QCommandLineOption redisProtocol(
        u"redis-protocol"_s,
        QCoreApplication::translate(
            "Sightline::SeedCommand",
            "Write the Redis keys as a RESP stream to FILE, for `redis-cli --pipe < FILE`."),
        u"FILE"_s);
    const QCommandLineOption redisKeys(
        u"redis-keys"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "With --redis-protocol: N benchmark keys over ten namespaces instead."),
        u"N"_s);
    parser.addOptions({redisProtocol, redisKeys});
    const QCommandLineOption prometheusOpenMetrics(
        u"prometheus-openmetrics"_s,
        QCoreApplication::translate(
            "Sightline::SeedCommand",
            "Write the platform's Prometheus history as OpenMetrics text to FILE, for `promtool tsdb "
            "create-blocks-from openmetrics FILE DIR`."),
        u"FILE"_s);
    const QCommandLineOption prometheusEvery(
        u"prometheus-every"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Container series for every Nth evaluation (default 100; 0 none)."),
        u"N"_s, u"100"_s);
    const QCommandLineOption prometheusBenchSeries(
        u"prometheus-bench-series"_s,
        QCoreApplication::translate("Sightline::SeedCommand",
                                    "Also write S benchmark series of 5760 samples each (default 0)."),
        u"S"_s, u"0"_s);
    parser.addOptions({prometheusOpenMetrics, prometheusEvery, prometheusBenchSeries});
    parser.addOptions(publishOptions());

    // "seed" stands in for the program name, which QCommandLineParser skips.
    if (!parser.parse(QStringList{u"sightline seed"_s} + arguments)) {
        printErr(u"sightline seed: "_s + parser.errorText() + u"\n"_s);
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(
            u"sightline seed: unexpected argument \"%1\"\n"_s.arg(parser.positionalArguments().constFirst()));
        return 2;
    }

    SeedOptions options;
    bool ok = false;
    options.generator.evaluationCount = parser.value(evaluations).toLongLong(&ok);
    if (!ok || options.generator.evaluationCount < 0) {
        printErr(u"sightline seed: --evaluations needs a number >= 0\n"_s);
        return 2;
    }
    options.generator.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        printErr(u"sightline seed: --seed needs a non-negative number\n"_s);
        return 2;
    }
    options.generator.spanDays = parser.value(spanDays).toInt(&ok);
    if (!ok || options.generator.spanDays < 1) {
        printErr(u"sightline seed: --span-days needs a number >= 1\n"_s);
        return 2;
    }
    options.generator.endTime = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(endTime)) {
        const std::optional<qint64> parsed = parseEndTime(parser.value(endTime));
        if (!parsed) {
            printErr(u"sightline seed: --end-time \"%1\" is neither RFC 3339 nor Unix seconds\n"_s.arg(
                parser.value(endTime)));
            return 2;
        }
        options.generator.endTime = *parsed;
    }
    if (parser.isSet(sqlite))
        options.sqlitePath = QDir::current().absoluteFilePath(parser.value(sqlite));
    if (parser.isSet(files))
        options.filesRoot = QDir::cleanPath(QDir::current().absoluteFilePath(parser.value(files)));
    if (parser.isSet(postgres)) {
        options.postgresUrl = parser.value(postgres);
        const QUrl url(options.postgresUrl);
        if (!url.password().isEmpty() || options.postgresUrl.contains(u"password="_s, Qt::CaseInsensitive)) {
            printErr(u"sightline seed: do not put the password in the URL (it would land in shell history); "
                     u"set PGPASSWORD instead\n"_s);
            return 2;
        }
    }
    // Live events instead of seeding: the generator options name the evaluations they are about.
    if (parser.isSet(u"publish"_s))
        return runPublishCommand(parser, options.generator);
    if (parser.isSet(prometheusOpenMetrics)) {
        PrometheusSeedOptions prometheusOptions;
        prometheusOptions.generator = options.generator;
        prometheusOptions.every = parser.value(prometheusEvery).toLongLong(&ok);
        const bool everyOk = ok && prometheusOptions.every >= 0;
        prometheusOptions.benchSeries = parser.value(prometheusBenchSeries).toInt(&ok);
        if (!everyOk || !ok || prometheusOptions.benchSeries < 0 || prometheusOptions.benchSeries > 1000) {
            printErr(u"sightline seed: --prometheus-every needs a number >= 0, --prometheus-bench-series "
                     u"one from 0 to 1000\n"_s);
            return 2;
        }
        g_interrupted.store(false);
        auto previousInt = std::signal(SIGINT, onInterrupt);
        auto previousTerm = std::signal(SIGTERM, onInterrupt);
        const int status =
            runPrometheusSeed(QDir::current().absoluteFilePath(parser.value(prometheusOpenMetrics)),
                              prometheusOptions, &g_interrupted);
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        // Only the file was asked for: the writers below would refuse to run without a target.
        const QStringList others{u"sqlite"_s, u"postgres"_s,       u"files"_s,
                                 u"s3"_s,     u"redis-protocol"_s, u"memory-json"_s};
        const QStringList given = parser.optionNames();
        if (status != 0 ||
            std::none_of(given.cbegin(), given.cend(), [&](const QString &n) { return others.contains(n); }))
            return status;
    }
    if (parser.isSet(redisProtocol)) {
        const int status =
            runRedisSeed(parser.value(redisProtocol), parser.value(redisKeys), options.generator);
        if (status != 0 || (options.sqlitePath.isEmpty() && options.postgresUrl.isEmpty() &&
                            options.filesRoot.isEmpty() && !parser.isSet(u"s3"_s)))
            return status;
    }
    if (parser.isSet(memoryJson)) {
        QString error;
        const QString path = QDir::current().absoluteFilePath(parser.value(memoryJson));
        if (!writeMemoryServiceJson(path, options.generator, &error)) {
            printErr(u"sightline seed: %1\n"_s.arg(error));
            return 1;
        }
        printErr(u"storage-service memory: wrote %1\n"_s.arg(path));
        // Only the file was asked for: the writer below would refuse to run without a target.
        const QStringList targets{u"sqlite"_s, u"postgres"_s, u"files"_s, u"s3"_s, u"redis"_s};
        const QStringList given = parser.optionNames();
        if (std::none_of(given.cbegin(), given.cend(), [&](const QString &n) { return targets.contains(n); }))
            return 0;
    }
    options.replace = parser.isSet(replace);
    S3SeedOptions s3Options;
    if (parser.isSet(s3)) {
        s3Options.endpoint = QUrl(parser.value(s3));
        s3Options.bucket = parser.value(bucket);
        s3Options.credentials = SigV4Credentials::fromEnvironment();
        s3Options.every = parser.value(s3Every).toLongLong(&ok);
        const bool everyOk = ok && s3Options.every >= 0;
        s3Options.benchObjects = parser.value(s3Objects).toLongLong(&ok);
        const bool objectsOk = ok && s3Options.benchObjects >= 0;
        s3Options.benchPrefixes = parser.value(s3Prefixes).toInt(&ok);
        if (!everyOk || !objectsOk || !ok || s3Options.benchPrefixes < 1 || s3Options.bucket.isEmpty()) {
            printErr(
                u"sightline seed: --s3 needs --bucket NAME; --s3-every, --s3-objects >= 0, --s3-prefixes >= 1\n"_s);
            return 2;
        }
    }
    const bool relational =
        !options.sqlitePath.isEmpty() || !options.postgresUrl.isEmpty() || !options.filesRoot.isEmpty();
    if (!relational && !parser.isSet(s3)) {
        printErr(
            u"sightline seed: give at least one of --sqlite FILE, --postgres URL, --files DIR, --s3 URL\n"_s);
        return 2;
    }

    QStringList targets;
    if (!options.sqlitePath.isEmpty())
        targets.append(u"SQLite "_s + options.sqlitePath);
    if (!options.postgresUrl.isEmpty())
        targets.append(u"PostgreSQL "_s + redactUrl(options.postgresUrl));
    if (!options.filesRoot.isEmpty())
        targets.append(u"files "_s + options.filesRoot);
    if (parser.isSet(s3))
        targets.append(u"S3 bucket %1 at %2"_s.arg(s3Options.bucket, redactUrl(parser.value(s3))));
    printErr(u"seeding %1 evaluations (seed %2, %3 days ending %4) into %5\n"_s.arg(
        QString::number(options.generator.evaluationCount), QString::number(options.generator.seed),
        QString::number(options.generator.spanDays), formatTimestampUtc(options.generator.endTime),
        targets.join(u", "_s)));

    g_interrupted.store(false);
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);

    SeedWriter writer(options);
    writer.setCancelFlag(&g_interrupted);
    QElapsedTimer sinceReport;
    sinceReport.start();
    writer.setProgressCallback([&](const SeedProgress &p) {
        using Phase = SeedProgress::Phase;
        if (p.phase == Phase::Rows && p.done < p.total && sinceReport.elapsed() < 1000)
            return;
        sinceReport.restart();
        switch (p.phase) {
        case Phase::Schema:
            printErr(u"creating tables…\n"_s);
            break;
        case Phase::Rows:
            printErr(u"  %1 / %2 evaluations\n"_s.arg(p.done).arg(p.total));
            break;
        case Phase::Indexes:
            if (p.done == 0)
                printErr(u"creating %1 indexes…\n"_s.arg(p.total));
            break;
        case Phase::Analyze:
            printErr(u"analyzing…\n"_s);
            break;
        case Phase::Done:
            break;
        }
    });
    const SeedResult result = relational ? writer.run() : SeedResult{};
    if (parser.isSet(s3) && result.ok() && !result.cancelled()) {
        s3Options.generator = options.generator;
        const S3SeedResult uploaded = seedS3(s3Options, &g_interrupted);
        if (!uploaded.error.isEmpty() || uploaded.cancelled) {
            std::signal(SIGINT, previousInt);
            std::signal(SIGTERM, previousTerm);
            printErr(
                u"sightline seed: S3: %1\n"_s.arg(uploaded.cancelled ? u"interrupted"_s : uploaded.error));
            return uploaded.cancelled ? 130 : 1;
        }
        printErr(u"S3: %1 objects, %2 MB in %3\n"_s.arg(QString::number(uploaded.objects),
                                                        QString::number(double(uploaded.bytes) / 1e6, 'f', 1),
                                                        seconds(uploaded.ms)));
    }
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    if (result.cancelled()) {
        printErr(
            u"sightline seed: interrupted after %1 evaluations; the tables are incomplete (rerun with --replace)\n"_s
                .arg(result.evaluations));
        return 130;
    }
    if (!result.ok()) {
        printErr(u"sightline seed: %1\n"_s.arg(result.error.message));
        return 1;
    }
    printErr(u"done: %1 evaluations, %2 events, %3 files; load %4, indexes %5, total %6\n"_s.arg(
        QString::number(result.evaluations), QString::number(result.events), QString::number(result.files),
        seconds(result.loadMs), seconds(result.indexMs), seconds(result.totalMs)));
    return 0;
}

} // namespace Sightline
