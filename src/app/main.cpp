#include "apptranslations.h"
#include "commandline.h"
#include "guisession.h"
#include "reportcommand.h"
#include "seedcommand.h"
#include "telemetry/logging.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

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
        Sightline::installJsonLineLogger();
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
    Sightline::GuiSession session(*parsed.options);
    // Started from the event loop, so that an early exit (a broken profile with --screenshot)
    // reaches a running loop: QCoreApplication::exit() before exec() is lost.
    QTimer::singleShot(0, &session, &Sightline::GuiSession::start);
    return QApplication::exec();
}
