#include "redisscanbench.h"

#include "benchoutput.h"
#include "core/futurecontinuation.h"
#include "guistallmeter.h"
#include "sources/redis/redissource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {
const QString Scenario = u"redis-scan"_s;

// The peer: redis-cli walks the keyspace with SCAN and MEMORY USAGE per key, as we do.
double redisCliMemkeysMs(const RedisUrl &url, bool *ok)
{
    QStringList args{u"-h"_s, url.host, u"-p"_s, QString::number(url.port), u"-n"_s, QString::number(url.db)};
    if (!url.user.isEmpty())
        args += {u"--user"_s, url.user};
    if (url.tls)
        args += u"--tls"_s;
    args += u"--memkeys"_s;
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        environment.insert(u"REDISCLI_AUTH"_s, url.password); // not on the command line
    cli.setProcessEnvironment(environment);
    cli.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    cli.start(u"redis-cli"_s, args);
    *ok = cli.waitForFinished(1800'000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
    if (!*ok)
        std::fprintf(stderr, "redis-scan: redis-cli --memkeys failed: %s\n",
                     cli.readAllStandardError().constData());
    return double(clock.nsecsElapsed()) / 1e6;
}
} // namespace

int runRedisScanBench(const QString &urlText)
{
    const RedisUrl url = RedisUrl::parse(urlText);
    if (!url.isValid()) {
        std::fprintf(stderr, "redis-scan: %s\n", qPrintable(url.error));
        return 2;
    }
    GuiStallMeter stalls;
    stalls.start();
    RedisSource source(urlText);
    StorageProgress last;
    QString error;
    QObject::connect(&source, &RedisSource::progressChanged, &source,
                     [&last](const StorageProgress &progress) { last = progress; });
    // What the tree model does on contentChanged: fetch the root's first page again.
    QObject::connect(&source, &RedisSource::contentChanged, &source, [&source, &error] {
        whenFinished(source.children(QString(), QString()), &source, [&error](const StoragePage &page) {
            if (!page.error.isEmpty())
                error = page.error;
        });
    });
    QElapsedTimer clock;
    clock.start();
    whenFinished(source.children(QString(), QString()), &source, [](const StoragePage &) {});
    while (!last.finished && clock.elapsed() < 1800'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    const double scanMs = double(clock.nsecsElapsed()) / 1e6;
    // Let the last refetch land, so its cost is in the stall figure too.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    stalls.stop();
    if (!last.finished || !error.isEmpty()) {
        std::fprintf(stderr, "redis-scan: the scan did not finish: %s\n", qPrintable(error));
        return 1;
    }
    printFigure(Scenario, u"sightline"_s, u"scan_ms"_s, scanMs, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"keys"_s, double(last.done), u"keys"_s);
    printFigure(Scenario, u"sightline"_s, u"peak_rss_mb"_s, peakRssMb(), u"MB"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_max_ms"_s, stalls.maxStallMs(), u"ms"_s);

    bool ok = false;
    const double cliMs = redisCliMemkeysMs(url, &ok);
    if (!ok)
        return 1;
    printFigure(Scenario, u"redis-cli"_s, u"scan_ms"_s, cliMs, u"ms"_s);
    return 0;
}

} // namespace Sightline::Bench
