#include "fsscanbench.h"

#include "benchoutput.h"
#include "explorerdrive.h"
#include "sources/files/filesource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {

const QString scenario = u"fs-scan"_s;

// 20 top folders × 20 sub-folders × files, sizes spread over 0–4 KB, a few larger: a shape like
// a platform's outputs and logs, deterministic so that runs compare.
bool makeTree(const QString &dir, qint64 files)
{
    QDir root(dir);
    if (root.exists() && !root.isEmpty()) {
        std::fprintf(stderr, "fs-scan: %s is not empty; --make-tree only fills an empty folder\n",
                     qPrintable(dir));
        return false;
    }
    const qint64 perLeaf = qMax<qint64>(1, files / 400);
    qint64 made = 0;
    for (int a = 0; a < 20 && made < files; ++a) {
        for (int b = 0; b < 20 && made < files; ++b) {
            const QString leaf = u"%1/group-%2/part-%3"_s.arg(dir).arg(a, 2, 10, QLatin1Char('0')).arg(b);
            if (!QDir().mkpath(leaf))
                return false;
            for (qint64 i = 0; i < perLeaf && made < files; ++i, ++made) {
                QFile f(u"%1/file-%2.txt"_s.arg(leaf).arg(i));
                if (!f.open(QIODevice::WriteOnly))
                    return false;
                const qint64 size = (made * 7919) % 4096 + ((made % 997) == 0 ? 1 << 20 : 0);
                f.write(QByteArray(size, 'x'));
            }
        }
    }
    // Whatever the division left over goes to the last leaf's sibling.
    while (made < files) {
        QFile f(u"%1/extra-%2.txt"_s.arg(dir).arg(made++));
        if (!f.open(QIODevice::WriteOnly))
            return false;
    }
    std::fprintf(stderr, "fs-scan: made %lld files under %s\n", static_cast<long long>(made),
                 qPrintable(dir));
    return true;
}

double timeDu(const QString &dir, bool *ok)
{
    QElapsedTimer timer;
    timer.start();
    QProcess du;
    du.start(u"du"_s, {u"-s"_s, dir});
    *ok = du.waitForFinished(600'000) && du.exitStatus() == QProcess::NormalExit;
    return double(timer.nsecsElapsed()) / 1e6;
}

double timeScan(const QString &dir, qint64 *files, bool *ok)
{
    QElapsedTimer timer;
    timer.start();
    FileSource source(dir);
    source.startScan();
    QFuture<bool> scan = source.scanFuture();
    scan.waitForFinished();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    *ok = scan.result();
    *files = source.summary().result().itemCount;
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

int runFsScanBench(const QString &dir, qint64 treeFiles, int runs)
{
    if (treeFiles > 0 && !makeTree(dir, treeFiles))
        return 1;
    if (!QFileInfo(dir).isDir()) {
        std::fprintf(stderr, "fs-scan: %s is not a folder\n", qPrintable(dir));
        return 2;
    }
    bool ok = false;
    qint64 files = -1;
    // One untimed run each, so that both find the page cache warm.
    timeDu(dir, &ok);
    if (!ok) {
        std::fprintf(stderr, "fs-scan: du -s %s failed\n", qPrintable(dir));
        return 1;
    }
    timeScan(dir, &files, &ok);
    QList<double> du;
    QList<double> sightline;
    for (int i = 0; i < runs; ++i) {
        du.append(timeDu(dir, &ok));
        sightline.append(timeScan(dir, &files, &ok));
        if (!ok) {
            std::fprintf(stderr, "fs-scan: the scan of %s did not finish\n", qPrintable(dir));
            return 1;
        }
    }
    printFigure(scenario, u"sightline"_s, u"scan_ms"_s, median(sightline), u"ms"_s);
    printFigure(scenario, u"sightline"_s, u"files"_s, double(files), u"files"_s);
    printFigure(scenario, u"sightline"_s, u"peak_rss_mb"_s, peakRssMb(), u"MB"_s);
    printFigure(scenario, u"du"_s, u"scan_ms"_s, median(du), u"ms"_s);
    FileSource source(dir);
    return printPanelFigures(scenario, &source, 2) ? 0 : 1;
}

} // namespace Sightline::Bench
