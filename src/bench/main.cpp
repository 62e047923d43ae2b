// sightline-bench SCENARIO [options]: Sightline's speed and memory beside the usual peer tool,
// one JSON object per line (DESIGN.md §6).

#include "browsebench.h"
#include "core/workspaceprofile.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // The browse scenario measures a real table view; it needs no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sightline-bench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures Sightline beside the usual peer tool. Scenarios: browse"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"scenario"_s, u"browse"_s);
    const QCommandLineOption postgres(u"postgres"_s, u"PostgreSQL URL (password from PGPASSWORD)."_s,
                                      u"URL"_s);
    const QCommandLineOption sqlite(u"sqlite"_s, u"SQLite file."_s, u"FILE"_s);
    const QCommandLineOption search(u"search"_s, u"Search text for search_ms (default: ada)."_s, u"TEXT"_s,
                                    u"ada"_s);
    parser.addOptions({postgres, sqlite, search});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fprintf(stderr, "sightline-bench: name one scenario (browse)\n");
        return 2;
    }
    if (positional.constFirst() == u"browse"_s) {
        Sightline::WorkspaceProfile profile;
        profile.name = u"bench"_s;
        profile.postgresUrl = parser.value(postgres);
        profile.sqlitePath = parser.value(sqlite);
        if (profile.postgresUrl.isEmpty() == profile.sqlitePath.isEmpty()) {
            std::fprintf(stderr,
                         "sightline-bench browse: give exactly one of --postgres URL or --sqlite FILE\n");
            return 2;
        }
        return Sightline::Bench::runBrowseBench(profile, parser.value(search));
    }
    std::fprintf(stderr, "sightline-bench: unknown scenario %s (this build has: browse)\n",
                 qPrintable(positional.constFirst()));
    return 2;
}
