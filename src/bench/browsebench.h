#pragma once

#include "core/workspaceprofile.h"

namespace Sightline::Bench {

// `sightline-bench browse`: the evaluations browser over a store of any size, in a real (offscreen)
// table view, beside psql running the same first-page query. Returns the exit code.
int runBrowseBench(const WorkspaceProfile &profile, const QString &search);

} // namespace Sightline::Bench
