#pragma once

#include <QStringList>

namespace Sightline {

// `sightline seed [options]`: fills SQLite, PostgreSQL and/or a files tree with generated
// platform data (see SeedWriter). `arguments` exclude the program name and "seed". Needs a
// QCoreApplication. Progress goes to stderr; returns the process exit code (0 on success,
// 1 on failure with a message on stderr, 2 for bad usage, 130 when interrupted by Ctrl+C).
int runSeedCommand(const QStringList &arguments);

} // namespace Sightline
