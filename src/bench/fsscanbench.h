#pragma once

#include <QString>

namespace Sightline::Bench {

// `sightline-bench fs-scan --files DIR`: the recursive sizes of every folder under DIR through
// FileSource's scan, beside `du -s DIR`, both with the page cache warm, alternating runs.
// `makeTree` > 0 first fills an empty or missing DIR with that many files in nested folders.
// Returns the exit code.
int runFsScanBench(const QString &dir, qint64 makeTree, int runs);

} // namespace Sightline::Bench
