#include "reportcommand.h"

#include "core/format.h"
#include "core/workspaceprofile.h"
#include "report/reportjob.h"
#ifdef SIGHTLINE_HAVE_SECRETS
#include "sources/secrets/secretstore.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ReportCommandTr::tr() under the context it looks up at run time.
struct ReportCommandTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::ReportCommand)
};

std::shared_ptr<std::atomic<bool>> g_cancel; // set by Ctrl+C
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onReportInterrupt(int)
{
    if (g_cancel)
        g_cancel->store(true);
}

int usage(const QString &message)
{
    std::fprintf(stderr, "sightline report: %s\nTry 'sightline report --help'.\n", qPrintable(message));
    return 2;
}

} // namespace

int runReportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ReportCommandTr::tr("Writes an evaluation, batch or storage report without a window."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, ReportCommandTr::tr("Shows this help."));
    const QCommandLineOption workspace(u"workspace"_s, ReportCommandTr::tr("The workspace profile (JSON)."),
                                       u"FILE"_s);
    const QCommandLineOption evaluation(
        u"evaluation"_s, ReportCommandTr::tr("An evaluation id (repeat, or give more ids after it)."),
        u"ID"_s);
    const QCommandLineOption filter(
        u"filter"_s,
        ReportCommandTr::tr(
            "Evaluations to report on: status:A,B created>=TIME created<TIME batch:ID or plain text."),
        u"EXPR"_s);
    const QCommandLineOption kind(
        u"kind"_s,
        ReportCommandTr::tr("evaluation, batch or storage (default: evaluation with "
                            "--evaluation, batch with --filter)."),
        u"KIND"_s);
    const QCommandLineOption format(
        u"format"_s, ReportCommandTr::tr("pdf, html, csv or json (default: from the output's suffix)."),
        u"FORMAT"_s);
    const QCommandLineOption pageSize(u"page-size"_s, ReportCommandTr::tr("a4 or letter (PDF; default a4)."),
                                      u"SIZE"_s, u"a4"_s);
    const QCommandLineOption maxEvents(
        u"max-events"_s, ReportCommandTr::tr("Events listed per evaluation in PDF and HTML (default 2000)."),
        u"N"_s, u"2000"_s);
    const QCommandLineOption noMetrics(u"no-metrics"_s,
                                       ReportCommandTr::tr("Leaves out the Prometheus charts."));
    const QCommandLineOption output({u"o"_s, u"output"_s}, ReportCommandTr::tr("The file to write."),
                                    u"OUT"_s);
    parser.addOptions(
        {help, workspace, evaluation, filter, kind, format, pageSize, maxEvents, noMetrics, output});
    parser.addPositionalArgument(u"ID"_s, ReportCommandTr::tr("More evaluation ids."), u"[ID...]"_s);
    if (!parser.parse(QStringList{u"sightline report"_s} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }

    ReportRequest request;
    for (const QString &value : parser.values(evaluation))
        request.evaluationIds.append(value.split(u',', Qt::SkipEmptyParts));
    request.evaluationIds.append(parser.positionalArguments());
    if (!parser.isSet(workspace))
        return usage(ReportCommandTr::tr("give --workspace FILE"));
    if (!parser.isSet(output))
        return usage(ReportCommandTr::tr("give -o OUT, the file to write"));
    request.outputPath = parser.value(output);
    if (!request.evaluationIds.isEmpty() && parser.isSet(filter))
        return usage(ReportCommandTr::tr("give either --evaluation or --filter, not both"));
    if (parser.isSet(kind)) {
        const auto parsed = parseReportKind(parser.value(kind));
        if (!parsed)
            return usage(ReportCommandTr::tr("unknown --kind \"%1\" (evaluation, batch or storage)")
                             .arg(parser.value(kind)));
        request.kind = *parsed;
    } else {
        request.kind = parser.isSet(filter) ? ReportKind::Batch : ReportKind::Evaluation;
    }
    const QString formatText =
        parser.isSet(format) ? parser.value(format) : QFileInfo(request.outputPath).suffix();
    const auto parsedFormat = parseReportFormat(formatText == u"htm"_s ? u"html"_s : formatText);
    if (!parsedFormat)
        return usage(ReportCommandTr::tr("unknown --format \"%1\" (pdf, html, csv or json)").arg(formatText));
    request.format = *parsedFormat;
    const QString size = parser.value(pageSize).toLower();
    if (size != u"a4"_s && size != u"letter"_s)
        return usage(
            ReportCommandTr::tr("unknown --page-size \"%1\" (a4 or letter)").arg(parser.value(pageSize)));
    request.pageSize = size == u"letter"_s ? ReportPageSize::Letter : ReportPageSize::A4;
    bool maxOk = false;
    request.maxEventsListed = parser.value(maxEvents).toInt(&maxOk);
    if (!maxOk || request.maxEventsListed < 0)
        return usage(ReportCommandTr::tr("--max-events needs a number of 0 or more"));
    request.includeMetrics = !parser.isSet(noMetrics);
    if (parser.isSet(filter)) {
        QString error;
        const auto parsed = parseEvaluationFilterExpression(parser.value(filter), &error);
        if (!parsed)
            return usage(ReportCommandTr::tr("--filter: %1").arg(error));
        request.filter = *parsed;
        request.filterText = parser.value(filter);
    }
    if (request.kind == ReportKind::Evaluation && request.evaluationIds.isEmpty())
        return usage(ReportCommandTr::tr("an evaluation report needs --evaluation ID"));
    if (request.kind == ReportKind::Batch && request.evaluationIds.isEmpty() && !parser.isSet(filter))
        return usage(ReportCommandTr::tr("a batch report needs --evaluation ID ... or --filter EXPR"));

    const ProfileParseResult loaded = loadWorkspaceProfile(parser.value(workspace));
    if (!loaded.profile) {
        std::fprintf(stderr, "sightline report: %s\n", qPrintable(loaded.error.toString()));
        return 1;
    }
    WorkspaceProfile profile = *loaded.profile;
    for (const QString &warning : std::as_const(profile.warnings))
        std::fprintf(stderr, "sightline report: warning: %s\n", qPrintable(warning));
#ifdef SIGHTLINE_HAVE_SECRETS
    {
        const SecretResolution secrets = resolveWorkspaceSecretsNow(profile);
        applySecrets(profile, secrets);
        if (secrets.keychainUnavailable && !secrets.keychainMessage.isEmpty())
            std::fprintf(stderr, "sightline report: %s\n", qPrintable(secrets.keychainMessage));
        for (const QString &failure : secrets.failures)
            std::fprintf(stderr, "sightline report: warning: %s\n", qPrintable(failure));
    }
#else
        // LEAD: link sightline_secrets (src/sources/secrets) to resolve the keychain here; until then
        // the clients read the environment (PGPASSWORD, …) themselves.
#endif

    g_cancel = std::make_shared<std::atomic<bool>>(false);
    auto previousInt = std::signal(SIGINT, onReportInterrupt);
    auto previousTerm = std::signal(SIGTERM, onReportInterrupt);
    QFutureWatcher<ReportResult> watcher;
    QObject::connect(&watcher, &QFutureWatcher<ReportResult>::finished, &watcher,
                     [] { QCoreApplication::exit(0); });
    watcher.setFuture(runReport(
        profile, request,
        [](const ReportProgress &progress) {
            if (progress.percent >= 0)
                std::fprintf(stderr, "[%3d%%] %s\n", progress.percent, qPrintable(progress.step));
            else
                std::fprintf(stderr, "       %s\n", qPrintable(progress.step));
        },
        g_cancel));
    if (!watcher.isFinished())
        QCoreApplication::exec();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    const ReportResult result = watcher.result();
    if (result.cancelled) {
        std::fprintf(stderr, "sightline report: cancelled; nothing written\n");
        return 130;
    }
    if (!result.ok) {
        std::fprintf(stderr, "sightline report: %s\n", qPrintable(result.error));
        return 1;
    }
    for (const QString &line : result.leftOut)
        std::fprintf(stderr, "sightline report: left out: %s\n", qPrintable(line));
    std::fprintf(stderr, "sightline report: wrote %s (%s%s)\n", qPrintable(result.outputPath),
                 qPrintable(formatBytes(result.bytes)),
                 result.pages ? qPrintable(ReportCommandTr::tr(", %1 pages").arg(result.pages)) : "");
    return 0;
}

} // namespace Sightline
