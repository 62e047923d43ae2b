#pragma once

#include "core/workspaceprofile.h"
#include "storagesource.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace Sightline {

struct StorageSources
{
    std::vector<std::unique_ptr<StorageSource>> sources; // in StorageBackend order
    QStringList missing;  // titles of the backends the workspace does not configure
    QStringList problems; // a configured source that cannot be used as written ("redis.url: …")
};

// The Storage Explorer's backends for a workspace, from its profile's "sources" (DESIGN.md §5).
// Connects to nothing: every source talks to its backend only when asked.
StorageSources createStorageSources(const WorkspaceProfile &profile);

} // namespace Sightline
