#pragma once

#include <QString>

namespace Sightline::Bench {

// pg-catalog: the Storage Explorer's expanded table list (root → every schema → every page of
// tables, with estimated rows and sizes) through SqlCatalogSource. Prints catalog_ms and tables.
int runPgCatalogBench(const QString &url, int runs);

} // namespace Sightline::Bench
