#pragma once

#include "sources/storagesource.h"

#include <QString>

namespace Sightline::Bench {

// What a Storage Explorer panel did while it loaded a backend, measured from the GUI's side.
struct ExplorerDrive
{
    double elapsedMs = 0;  // from expanding the panel until nothing loads any more
    qint64 nodesShown = 0; // tree rows loaded into the model (all depths)
    double stallMaxMs = 0; // the GUI thread's longest stall meanwhile
    double stallP99Ms = 0;
    qint64 progressDone = -1; // the last scan progress the source reported (keys, files, objects)
    bool finished = false;    // false: gave up after the timeout
    QString error;            // the first listing error the tree showed
};

// Puts `source` in a real StoragePanel (shown offscreen), expands it to `depth` levels and runs the
// event loop until the tree and any scan settle, measuring the GUI thread all along. The
// backend-side figures (scan_ms and so on) come from each scenario; this is the GUI's view of them.
ExplorerDrive driveExplorerPanel(StorageSource *source, int depth, int timeoutMs);

// Runs driveExplorerPanel and prints its figures for `scenario`: panel_ms, panel_rows,
// gui_stall_p99_ms and gui_stall_max_ms. False (with a message on stderr) when it did not settle.
bool printPanelFigures(const QString &scenario, StorageSource *source, int depth, int timeoutMs = 1800'000);

} // namespace Sightline::Bench
