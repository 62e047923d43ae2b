#pragma once

#include <QString>

namespace Sightline::Bench {

// One figure per line, as DESIGN.md §6 specifies:
// {"scenario":"browse","tool":"sightline","metric":"first_page_ms","value":41.2,"unit":"ms"}
void printFigure(const QString &scenario, const QString &tool, const QString &metric, double value,
                 const QString &unit);

// Peak resident set size of this process (VmHWM), in MB.
double peakRssMb();

} // namespace Sightline::Bench
