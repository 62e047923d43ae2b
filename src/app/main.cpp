#include "commandline.h"
#include "core/appsettings.h"
#include "guisession.h"
#include "i18n/apptranslations.h"
#include "reportcommand.h"
#include "seedcommand.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(u"sightline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));
    QCoreApplication::setOrganizationDomain(u"sightline.dev"_s);
}
} // namespace

int main(int argc, char **argv)
{
    // Debug lines are for whoever asks for them (QT_LOGGING_RULES="sightline.*.debug=true" wins
    // over this); by default stderr carries warnings and what a command reports.
    QLoggingCategory::setFilterRules(u"sightline.*.debug=false"_s);
    // Headless commands never create a window, so they run on machines without a display.
    if (argc >= 2 && qstrcmp(argv[1], "seed") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        Sightline::installTranslations();
        Sightline::installJsonLineLogger();
        QStringList arguments = QCoreApplication::arguments();
        arguments.remove(0, 2);
        return Sightline::runSeedCommand(arguments);
    }
    if (argc >= 2 && qstrcmp(argv[1], "report") == 0) {
        // QPdfWriter and the charts need fonts, hence a QGuiApplication; a report never shows a
        // window, so the offscreen platform serves with or without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationIdentity();
        Sightline::installTranslations();
        // A report's log goes to the log file (stderr carries what the command reports).
        Sightline::installJsonLineLogger(Sightline::LogOptions{Sightline::defaultLogFilePath()});
        QStringList arguments = QCoreApplication::arguments();
        arguments.remove(0, 2);
        return Sightline::runReportCommand(arguments);
    }
    for (int i = 1; i < argc; ++i) {
        // --help and --version answer without a display too.
        if (qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0 ||
            qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            QCoreApplication app(argc, argv);
            setApplicationIdentity();
            Sightline::installTranslations();
            const auto parsed = Sightline::parseGuiCommandLine(QCoreApplication::arguments());
            if (!parsed.error.isEmpty()) {
                std::fprintf(stderr, "sightline: %s\n", qPrintable(parsed.error));
                return 2;
            }
            return 0;
        }
    }

    {
        // A usage error (`sightline foo`) is reported without a display. Qt's own arguments
        // (-platform, -style, …) are only known to QApplication: with one of them, it parses.
        QStringList arguments;
        bool qtArguments = false;
        for (int i = 0; i < argc; ++i) {
            arguments << QString::fromLocal8Bit(argv[i]);
            qtArguments =
                qtArguments || (i > 0 && argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] != '\0');
        }
        if (!qtArguments && !Sightline::parseGuiCommandLine(arguments).error.isEmpty()) {
            QCoreApplication app(argc, argv);
            setApplicationIdentity();
            Sightline::installTranslations();
            const auto parsed = Sightline::parseGuiCommandLine(QCoreApplication::arguments());
            std::fprintf(stderr, "sightline: %s\nTry 'sightline --help'.\n", qPrintable(parsed.error));
            return 2;
        }
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    Sightline::installTranslations();
    QGuiApplication::setApplicationDisplayName(u"Sightline"_s);
    QGuiApplication::setDesktopFileName(QStringLiteral(SIGHTLINE_APP_ID));
    const auto parsed = Sightline::parseGuiCommandLine(QCoreApplication::arguments());
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "sightline: %s\nTry 'sightline --help'.\n", qPrintable(parsed.error));
        return 2;
    }
    if (parsed.exitNow)
        return 0;
    Sightline::installJsonLineLogger(
        Sightline::LogOptions{Sightline::defaultLogFilePath(), parsed.options->logStderr});
    Sightline::Metrics::setBuildInfo(SIGHTLINE_VERSION);
    std::unique_ptr<Sightline::Metrics::MetricsExposer> metricsExposer;
    if (!parsed.options->metricsListen.isEmpty()) {
        QString error;
        metricsExposer = Sightline::Metrics::MetricsExposer::start(parsed.options->metricsListen, &error);
        if (!metricsExposer) {
            Sightline::logEvent(Sightline::lcTelemetry(), QtWarningMsg, "metrics.exposer_failed",
                                {{"listen", parsed.options->metricsListen}, {"error", error}});
            std::fprintf(stderr, "sightline: %s\n", qPrintable(error));
            return 2;
        }
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("Sightline::MetricsExposer",
                                                            "Serving Sightline's metrics at %1")
                                    .arg(metricsExposer->url())));
        Sightline::logEvent(Sightline::lcTelemetry(), QtInfoMsg, "metrics.exposer_started",
                            {{"url", metricsExposer->url()}});
    }
    int status = 0;
    {
        Sightline::GuiSession session(*parsed.options);
        // Started from the event loop, so that an early exit (a broken profile with --screenshot)
        // reaches a running loop: QCoreApplication::exit() before exec() is lost.
        QTimer::singleShot(0, &session, &Sightline::GuiSession::start);
        status = QApplication::exec();
    }
    // Preferences → Restart Now: the new Sightline starts only once this one has let go of its
    // windows, its link socket and its metrics port.
    metricsExposer.reset();
    const QStringList restart = app.property(Sightline::kRestartProperty).toStringList();
    if (!restart.isEmpty())
        QProcess::startDetached(restart.constFirst(), restart.mid(1));
    return status;
}
