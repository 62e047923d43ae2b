#pragma once

#include "core/workspaceprofile.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace Sightline {

struct DemoOptions
{
    qint64 evaluations = 2000;
    quint64 seed = 20240601;
    qint64 endTime = 0; // ms since epoch; 0: now
    int spanDays = 14;
};

struct DemoWorkspaceResult
{
    std::optional<WorkspaceProfile> profile; // set on success
    QString error;                           // why there is no profile
    bool generated = false;                  // false: an existing, current demo was reused
    bool cancelled = false;
};

// The embedded demo workspace: a SQLite database (WAL) plus a files tree, owned by Sightline, in
// a data directory the caller picks (the app passes AppLocalDataLocation + "/demo"):
//   <dir>/demo.sqlite   evaluations, events, and a sightline_demo(key, value) marker table
//   <dir>/files/        outputs/<id>.txt, logs/<id>.log
// It is generated once and reused while the marker's version matches and the file is sound.
// A new demo is built in a staging folder and moved into place at the end, so an interrupted
// run never leaves a half demo behind. Do not run ensure() while a DemoSimulator writes to it.
class DemoWorkspace
{
public:
    // Bump when the generator or the schema changes: older demos are then regenerated.
    static constexpr int FormatVersion = 1;
    static constexpr const char *MarkerTable = "sightline_demo";

    // (done, total) evaluations written; runs on the thread that called ensure().
    using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

    static QString databasePath(const QString &dataDir);
    static QString filesRoot(const QString &dataDir);
    static WorkspaceProfile profile(const QString &dataDir);

    // True when a complete demo of FormatVersion is there; `reason` says why not.
    static bool isCurrent(const QString &dataDir, QString *reason = nullptr);

    // Reuses a current demo or (re)generates it. Blocks (well under 5 s for 2,000 evaluations):
    // call it from a worker thread. `cancel` is polled between chunks and must outlive the call.
    static DemoWorkspaceResult ensure(const QString &dataDir, const DemoOptions &options = {},
                                      const ProgressCallback &progress = {},
                                      const std::atomic<bool> *cancel = nullptr);
};

} // namespace Sightline
