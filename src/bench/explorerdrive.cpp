#include "explorerdrive.h"

#include "benchoutput.h"
#include "guistallmeter.h"
#include "models/storagetreemodel.h"
#include "ui/storagepanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {

qint64 countRows(const QAbstractItemModel &model, const QModelIndex &parent)
{
    qint64 rows = model.rowCount(parent);
    for (int row = 0; row < model.rowCount(parent); ++row)
        rows += countRows(model, model.index(row, 0, parent));
    return rows;
}

} // namespace

ExplorerDrive driveExplorerPanel(StorageSource *source, int depth, int timeoutMs)
{
    ExplorerDrive drive;
    StoragePanel panel(source);
    panel.resize(1280, 800);
    panel.show();
    QObject::connect(panel.model(), &StorageTreeModel::listingFailed, &panel,
                     [&drive](const QString &message) {
                         if (drive.error.isEmpty())
                             drive.error = message;
                     });

    QObject::connect(source, &StorageSource::progressChanged, &panel,
                     [&drive](const StorageProgress &progress) { drive.progressDone = progress.done; });

    // The panel's first layout and paint are not loading: let them happen before measuring.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();

    GuiStallMeter meter;
    meter.start();
    QElapsedTimer clock;
    clock.start();
    panel.setExpanded(true);
    panel.expandToDepth(depth);

    // Settled: nothing loading for a few consecutive checks (a scan may pause between batches).
    QEventLoop loop;
    int quietChecks = 0;
    qint64 settledAtNs = 0;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (panel.isBusy()) {
            quietChecks = 0;
            return;
        }
        if (quietChecks == 0)
            settledAtNs = clock.nsecsElapsed();
        // A scan's first progress report may be a moment away: quiet for half a second.
        if (++quietChecks >= 25) {
            drive.finished = true;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    drive.elapsedMs = double(drive.finished ? settledAtNs : clock.nsecsElapsed()) / 1e6;
    meter.stop();
    drive.stallMaxMs = meter.maxStallMs();
    drive.stallP99Ms = meter.percentileStallMs(99);
    drive.nodesShown = countRows(*panel.model(), {});
    panel.stop();
    return drive;
}

bool printPanelFigures(const QString &scenario, StorageSource *source, int depth, int timeoutMs)
{
    const ExplorerDrive drive = driveExplorerPanel(source, depth, timeoutMs);
    if (!drive.finished) {
        std::fprintf(stderr, "%s: the Storage Explorer panel did not settle within %d s\n",
                     qPrintable(scenario), timeoutMs / 1000);
        return false;
    }
    if (!drive.error.isEmpty())
        std::fprintf(stderr, "%s: the panel showed an error: %s\n", qPrintable(scenario),
                     qPrintable(drive.error));
    printFigure(scenario, u"sightline"_s, u"panel_ms"_s, drive.elapsedMs, u"ms"_s);
    printFigure(scenario, u"sightline"_s, u"panel_rows"_s, double(drive.nodesShown), u"rows"_s);
    printFigure(scenario, u"sightline"_s, u"gui_stall_p99_ms"_s, drive.stallP99Ms, u"ms"_s);
    printFigure(scenario, u"sightline"_s, u"gui_stall_max_ms"_s, drive.stallMaxMs, u"ms"_s);
    return drive.error.isEmpty();
}

} // namespace Sightline::Bench
