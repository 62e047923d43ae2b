#include "redisscanbench.h"

#include "benchoutput.h"
#include "explorerdrive.h"
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
    // The whole tree through a real Storage Explorer panel (namespaces open, as a person would
    // look): the scan, the GUI's merging of each batch, and the GUI thread's stalls meanwhile.
    RedisSource source(urlText);
    const ExplorerDrive drive = driveExplorerPanel(&source, 2, 1800'000);
    if (!drive.finished || !drive.error.isEmpty()) {
        std::fprintf(stderr, "redis-scan: the scan did not finish: %s\n", qPrintable(drive.error));
        return 1;
    }
    printFigure(Scenario, u"sightline"_s, u"scan_ms"_s, drive.elapsedMs, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"keys"_s, double(drive.progressDone), u"keys"_s);
    printFigure(Scenario, u"sightline"_s, u"peak_rss_mb"_s, peakRssMb(), u"MB"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_p99_ms"_s, drive.stallP99Ms, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_max_ms"_s, drive.stallMaxMs, u"ms"_s);

    bool ok = false;
    const double cliMs = redisCliMemkeysMs(url, &ok);
    if (!ok)
        return 1;
    printFigure(Scenario, u"redis-cli"_s, u"scan_ms"_s, cliMs, u"ms"_s);
    return 0;
}

} // namespace Sightline::Bench
