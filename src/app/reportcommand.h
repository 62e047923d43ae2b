#pragma once

#include <QStringList>

namespace Sightline {

// `sightline report --workspace FILE (--evaluation ID ... | --filter EXPR) --kind evaluation|batch|storage
// --format pdf|html|csv|json [--page-size a4|letter] -o OUT`: a report without a window. `arguments`
// exclude the program name and "report". Needs a QGuiApplication (fonts for the PDF and the charts;
// the offscreen platform works). Progress and the profile's warnings go to stderr; returns 0 on
// success, 1 on failure (the message names the problem), 2 for bad usage, 130 when cancelled (Ctrl+C).
int runReportCommand(const QStringList &arguments);

} // namespace Sightline
