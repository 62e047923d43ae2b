#include "s3listbench.h"

#include "benchoutput.h"
#include "explorerdrive.h"
#include "sources/s3/s3source.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

int runS3ListBench(const QUrl &endpoint, const QString &bucket, int runs)
{
    S3Config config;
    config.endpoint = endpoint;
    config.bucket = bucket;
    config.credentials = SigV4Credentials::fromEnvironment();
    config.timeoutMs = 60000;

    QList<double> times;
    qint64 objects = -1;
    for (int run = 0; run < runs; ++run) {
        S3Source source(config);
        QElapsedTimer timer;
        timer.start();
        QFutureWatcher<StorageSummary> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<StorageSummary>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(source.summary());
        if (!watcher.isFinished())
            loop.exec();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const StorageSummary summary = watcher.result();
        if (!summary.error.isEmpty()) {
            std::fprintf(stderr, "sightline-bench s3-list: %s\n", qPrintable(summary.error));
            return 1;
        }
        times.append(ms);
        objects = summary.itemCount;
    }
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    printFigure(u"s3-list"_s, u"sightline"_s, u"list_ms"_s, median, u"ms"_s);
    printFigure(u"s3-list"_s, u"sightline"_s, u"objects"_s, double(objects), u"objects"_s);
    printFigure(u"s3-list"_s, u"sightline"_s, u"objects_per_s"_s,
                median > 0 ? double(objects) * 1000.0 / median : 0, u"objects/s"_s);
    S3Source source(config);
    return printPanelFigures(u"s3-list"_s, &source, 2) ? 0 : 1;
}

} // namespace Sightline::Bench
