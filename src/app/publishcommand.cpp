#include "publishcommand.h"

#include "sources/livepublish/liveeventpublisher.h"
#include "sources/redis/redisurl.h"
#include "sources/sqlconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <atomic>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onStop(int)
{
    g_stop.store(true);
}

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

QString rateText(double rate)
{
    return QString::number(qRound64(rate)) + u"/s"_s;
}

int usage(const QString &message)
{
    printErr(u"sightline seed: "_s + message + u"\n"_s);
    return 2;
}

} // namespace

QList<QCommandLineOption> publishOptions()
{
    return {
        QCommandLineOption(
            u"publish"_s,
            QCoreApplication::translate(
                "Sightline::SeedCommand",
                "Instead of seeding, publish live platform events at RATE per second to --redis "
                "and/or --postgres (the same id to both), until --publish-count, "
                "--publish-seconds or Ctrl+C. Events name the evaluations of --evaluations/--seed "
                "(with --postgres: those in its evaluations table)."),
            u"RATE"_s),
        QCommandLineOption(u"redis"_s,
                           QCoreApplication::translate(
                               "Sightline::SeedCommand",
                               "With --publish: PUBLISH to the Redis at URL (password from REDISCLI_AUTH)."),
                           u"URL"_s),
        QCommandLineOption(u"channel"_s,
                           QCoreApplication::translate("Sightline::SeedCommand",
                                                       "With --publish: the Redis channel (default events)."),
                           u"NAME"_s, u"events"_s),
        QCommandLineOption(
            u"pg-channel"_s,
            QCoreApplication::translate(
                "Sightline::SeedCommand",
                "With --publish: the PostgreSQL NOTIFY channel (default sightline_events); rows "
                "go to the events table."),
            u"NAME"_s, u"sightline_events"_s),
        QCommandLineOption(
            u"publish-seconds"_s,
            QCoreApplication::translate("Sightline::SeedCommand", "With --publish: stop after S seconds."),
            u"S"_s),
        QCommandLineOption(
            u"publish-count"_s,
            QCoreApplication::translate("Sightline::SeedCommand", "With --publish: stop after N events."),
            u"N"_s),
        QCommandLineOption(
            u"publish-first-id"_s,
            QCoreApplication::translate(
                "Sightline::SeedCommand",
                "With --publish to Redis only: the first event id (default: now in ms x 1000)."),
            u"ID"_s),
        QCommandLineOption(u"publish-bad-share"_s,
                           QCoreApplication::translate(
                               "Sightline::SeedCommand",
                               "With --publish: this share of messages (e.g. 0.01) is bad input: not JSON, "
                               "missing fields, unknown category, skewed clock."),
                           u"P"_s, u"0"_s),
    };
}

int runPublishCommand(const QCommandLineParser &parser, const GeneratorOptions &generator)
{
    LivePublishOptions options;
    options.generator = generator;
    bool ok = false;
    options.rate = parser.value(u"publish"_s).toDouble(&ok);
    if (!ok || options.rate <= 0)
        return usage(u"--publish needs a rate in events per second above 0"_s);
    options.redisUrl = parser.value(u"redis"_s);
    options.postgresUrl = parser.value(u"postgres"_s);
    if (options.redisUrl.isEmpty() && options.postgresUrl.isEmpty())
        return usage(u"--publish needs --redis URL and/or --postgres URL"_s);
    if (!options.redisUrl.isEmpty() && !QUrl(options.redisUrl).password().isEmpty())
        return usage(
            u"do not put the password in the URL (it would land in shell history); set REDISCLI_AUTH "
            u"instead"_s);
    options.redisChannel = parser.value(u"channel"_s).toUtf8();
    options.postgresChannel = parser.value(u"pg-channel"_s);
    if (parser.isSet(u"publish-seconds"_s)) {
        options.seconds = parser.value(u"publish-seconds"_s).toDouble(&ok);
        if (!ok || options.seconds <= 0)
            return usage(u"--publish-seconds needs a number of seconds above 0"_s);
    }
    if (parser.isSet(u"publish-count"_s)) {
        options.count = parser.value(u"publish-count"_s).toLongLong(&ok);
        if (!ok || options.count <= 0)
            return usage(u"--publish-count needs a number above 0"_s);
    }
    if (parser.isSet(u"publish-first-id"_s)) {
        options.firstId = parser.value(u"publish-first-id"_s).toLongLong(&ok);
        if (!ok || options.firstId <= 0)
            return usage(u"--publish-first-id needs a number above 0"_s);
        if (!options.postgresUrl.isEmpty())
            return usage(u"--publish-first-id is for Redis only: with --postgres, ids come from the events "
                         u"table's sequence"_s);
    }
    options.badShare = parser.value(u"publish-bad-share"_s).toDouble(&ok);
    if (!ok || options.badShare < 0 || options.badShare > 1)
        return usage(u"--publish-bad-share needs a share from 0 to 1"_s);
    if (const QString invalid = LiveEventPublisher::validate(options); !invalid.isEmpty())
        return usage(invalid);

    QStringList targets;
    if (!options.redisUrl.isEmpty())
        targets.append(u"Redis %1 channel %2"_s.arg(RedisUrl::parse(options.redisUrl).redacted(),
                                                    QString::fromUtf8(options.redisChannel)));
    if (!options.postgresUrl.isEmpty())
        targets.append(u"PostgreSQL %1 (%2, NOTIFY %3)"_s.arg(redactUrl(options.postgresUrl),
                                                              options.eventsTable, options.postgresChannel));
    const bool untilStopped = options.count == 0 && options.seconds == 0;
    printErr(u"publishing %1 events to %2%3\n"_s.arg(rateText(options.rate), targets.join(u" and "_s),
                                                     untilStopped ? u" until Ctrl+C"_s : QString()));

    LiveEventPublisher publisher(options);
    g_stop.store(false);
    publisher.setCancelFlag(&g_stop);
    publisher.setProgressCallback([&](const LivePublishProgress &p) {
        printErr(u"  %1 events in %2 s, %3 (target %4)\n"_s.arg(
            QString::number(p.published), QString::number(p.elapsedMs / 1000), rateText(p.recentRate),
            rateText(options.rate)));
    });
    auto previousInt = std::signal(SIGINT, onStop);
    auto previousTerm = std::signal(SIGTERM, onStop);
    const LivePublishResult result = publisher.run();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    if (!result.error.isEmpty()) {
        printErr(u"sightline seed: publishing failed after %1 events: %2\n"_s.arg(result.published)
                     .arg(result.error));
        return 1;
    }
    QString summary = u"published %1 events (%2 bad input) in %3 s: %4"_s.arg(
        QString::number(result.published), QString::number(result.bad),
        QString::number(result.elapsedMs / 1000.0, 'f', 1), rateText(result.achievedRate));
    if (!options.redisUrl.isEmpty())
        summary += u"; Redis: %1 acknowledged, %2 heard by no subscriber"_s.arg(
            QString::number(result.redisAcknowledged), QString::number(result.redisUnheard));
    if (!options.postgresUrl.isEmpty())
        summary += u"; PostgreSQL: %1 rows, %2 notifications"_s.arg(QString::number(result.postgresRows),
                                                                    QString::number(result.postgresNotified));
    printErr(summary + u"\n"_s);
    if (result.achievedRate < options.rate * 0.95 && result.published > 1)
        printErr(u"note: this machine (or the server) did not keep up with %1; it reached %2\n"_s.arg(
            rateText(options.rate), rateText(result.achievedRate)));
    // Stopping an open-ended run with Ctrl+C is how it is meant to end.
    return result.cancelled && !untilStopped ? 130 : 0;
}

} // namespace Sightline
