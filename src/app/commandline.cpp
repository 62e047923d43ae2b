#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

GuiOptionsResult parseGuiCommandLine(const QStringList &arguments)
{
    GuiOptionsResult result;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Sightline: where every artifact of your AI evaluations lives.\n\n"
                "Commands:\n"
                "  sightline seed --help    write generated platform data (SQLite, PostgreSQL, files)"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption workspace(
        u"workspace"_s, QCoreApplication::translate("main", "Open the workspace profile FILE."), u"FILE"_s);
    const QCommandLineOption demo(
        u"demo"_s, QCoreApplication::translate("main", "Open the embedded demo workspace (the default)."));
    const QCommandLineOption open(u"open-evaluation"_s,
                                  QCoreApplication::translate("main", "Open the window of evaluation ID."),
                                  u"ID"_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QCoreApplication::translate("main",
                                    "Once the data is shown, save the main window (or the evaluation window "
                                    "with --open-evaluation) as a PNG to FILE and exit."),
        u"FILE"_s);
    const QCommandLineOption timeout(
        u"screenshot-timeout"_s,
        QCoreApplication::translate("main", "Give up on --screenshot after SECONDS (60)."), u"SECONDS"_s,
        u"60"_s);
    const QCommandLineOption view(
        u"view"_s,
        QCoreApplication::translate("main",
                                    "Start in VIEW: evaluations (the default), storage, metrics or live."),
        u"VIEW"_s, u"evaluations"_s);
    const QCommandLineOption expand(
        u"expand"_s,
        QCoreApplication::translate("main",
                                    "Open every Storage Explorer panel and its tree to DEPTH levels."),
        u"DEPTH"_s);
    const QCommandLineOption metricsListen(
        u"metrics-listen"_s,
        QCoreApplication::translate("main", "Serve Sightline's own metrics for Prometheus on HOST:PORT "
                                            "(for example 127.0.0.1:9464; port 0 picks a free one)."),
        u"HOST:PORT"_s);
    const QCommandLineOption logStderr(
        u"log-stderr"_s,
        QCoreApplication::translate("main", "Write the JSON-line log to stderr as well as to the log file."));
    parser.addOptions({workspace, demo, open, screenshot, timeout, view, expand, metricsListen, logStderr});
    parser.addPositionalArgument(u"link"_s,
                                 QCoreApplication::translate("main",
                                                             "A sightline:// link to open, such as "
                                                             "sightline://evaluation/ID?workspace=NAME."),
                                 u"[link]"_s);
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        result.exitNow = true;
        return result;
    }
    if (parser.isSet(version)) {
        std::printf("sightline %s\n", SIGHTLINE_VERSION);
        result.exitNow = true;
        return result;
    }
    if (parser.isSet(workspace) && parser.isSet(demo)) {
        result.error = QCoreApplication::translate("main", "--workspace and --demo exclude each other");
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && !positional.constFirst().startsWith(
                                                                u"sightline:"_s, Qt::CaseInsensitive))) {
        result.error = QCoreApplication::translate("main", "unexpected argument: %1")
                           .arg(positional.size() == 1 ? positional.constFirst() : positional.at(1));
        return result;
    }
    GuiOptions options;
    if (!positional.isEmpty())
        options.link = positional.constFirst();
    options.metricsListen = parser.value(metricsListen);
    options.logStderr = parser.isSet(logStderr);
    options.workspaceFile = parser.value(workspace);
    options.openEvaluation = parser.value(open);
    options.screenshotFile = parser.value(screenshot);
    bool ok = false;
    options.screenshotTimeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || options.screenshotTimeoutSeconds <= 0) {
        result.error =
            QCoreApplication::translate("main", "--screenshot-timeout needs a positive number of seconds");
        return result;
    }
    const QString viewName = parser.value(view);
    if (viewName != u"evaluations"_s && viewName != u"storage"_s && viewName != u"metrics"_s &&
        viewName != u"live"_s) {
        result.error =
            QCoreApplication::translate("main", "--view is evaluations, storage, metrics or live, not %1")
                .arg(viewName);
        return result;
    }
    options.storageView = viewName == u"storage"_s;
    options.metricsView = viewName == u"metrics"_s;
    options.liveView = viewName == u"live"_s;
    if (parser.isSet(expand)) {
        options.expandDepth = parser.value(expand).toInt(&ok);
        if (!ok || options.expandDepth < 1 || options.expandDepth > 8) {
            result.error = QCoreApplication::translate("main", "--expand needs a depth from 1 to 8");
            return result;
        }
        options.storageView = true;
        options.metricsView = false;
        options.liveView = false;
    }
    result.options = options;
    return result;
}

} // namespace Sightline
