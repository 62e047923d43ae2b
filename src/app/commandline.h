#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Sightline {

// What `sightline [--workspace FILE | --demo] [--open-evaluation ID] [--view VIEW]
// [--expand DEPTH] [--screenshot FILE]` asks for.
struct GuiOptions
{
    QString workspaceFile; // empty: the demo workspace
    QString openEvaluation;
    QString screenshotFile;
    int screenshotTimeoutSeconds = 60;
    bool storageView = false; // --view storage: start in the Storage Explorer
    bool metricsView = false; // --view metrics: start in the Metrics view
    bool liveView = false;    // --view live: start in the Live view
    int expandDepth = 0;      // --expand DEPTH: open every storage panel to DEPTH
    QString link;             // a sightline:// link given as the only positional argument
    QString metricsListen;    // --metrics-listen HOST:PORT: serve Sightline's own metrics
    bool logStderr = false;   // --log-stderr: JSON-line logs to stderr as well as to the log file
};

struct GuiOptionsResult
{
    std::optional<GuiOptions> options;
    QString error;        // bad usage, for stderr
    bool exitNow = false; // --help or --version printed
};

// Parses the GUI command line (arguments include the program name). Prints --help/--version.
GuiOptionsResult parseGuiCommandLine(const QStringList &arguments);

} // namespace Sightline
