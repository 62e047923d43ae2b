#include "reportbench.h"

#include "benchoutput.h"
#include "report/reportjob.h"
#include "sources/sqlconnection.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Milliseconds per run, or an empty list (with the error printed) when a run fails.
QList<double> timeReport(const WorkspaceProfile &profile, const ReportRequest &request, int runs)
{
    QList<double> times;
    for (int run = 0; run <= runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ReportResult result = runReport(profile, request).result();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!result.ok) {
            std::fprintf(stderr, "sightline-bench report: %s\n", qPrintable(result.error));
            return {};
        }
        if (run > 0) // the first run warms caches and connections up
            times.append(ms);
    }
    return times;
}

} // namespace

int runReportBench(const ReportBenchOptions &options)
{
    WorkspaceProfile profile;
    profile.name = u"bench"_s;
    profile.postgresUrl = options.postgres;
    profile.sqlitePath = options.postgres.isEmpty() ? options.sqlite : QString();
    profile.prometheus.url = options.prometheus;
    profile.secrets.postgresPassword = qEnvironmentVariable("PGPASSWORD");

    std::unique_ptr<SqlConnection> connection =
        profile.postgresUrl.isEmpty()
            ? createSqliteConnection(profile.sqlitePath)
            : createPostgresConnection(profile.postgresUrl, true, 10000, profile.secrets.postgresPassword);
    if (const SqlError error = connection->open(); error.isError()) {
        std::fprintf(stderr, "sightline-bench report: %s\n", qPrintable(error.message));
        return 1;
    }
    const SqlResult newest =
        connection->exec(u"SELECT id, status FROM evaluations ORDER BY created_at DESC, id DESC LIMIT 100"_s);
    const SqlResult completed =
        connection->exec(u"SELECT id FROM evaluations WHERE status = 'completed' AND started_at IS NOT NULL "
                         "ORDER BY created_at DESC LIMIT 1"_s);
    connection->close();
    if (!newest.ok() || !completed.ok() || completed.rows.isEmpty() || newest.rows.size() < 100) {
        std::fprintf(stderr,
                     "sightline-bench report: the database needs at least 100 evaluations, one of them "
                     "completed (sightline seed makes them)\n");
        return 1;
    }
    QTemporaryDir dir;
    ReportRequest evaluation;
    evaluation.kind = ReportKind::Evaluation;
    evaluation.format = ReportFormat::Pdf;
    evaluation.evaluationIds = {completed.rows.constFirst().constFirst().toString()};
    evaluation.outputPath = dir.filePath(u"evaluation.pdf"_s);
    const QList<double> evaluationTimes = timeReport(profile, evaluation, options.runs);
    if (evaluationTimes.isEmpty())
        return 1;
    printFigure(u"report"_s, u"sightline"_s, u"evaluation_pdf_ms"_s, median(evaluationTimes), u"ms"_s);

    ReportRequest batch;
    batch.kind = ReportKind::Batch;
    batch.format = ReportFormat::Pdf;
    for (const QVariantList &row : newest.rows)
        batch.evaluationIds.append(row.constFirst().toString());
    batch.outputPath = dir.filePath(u"batch.pdf"_s);
    const QList<double> batchTimes = timeReport(profile, batch, options.runs);
    if (batchTimes.isEmpty())
        return 1;
    printFigure(u"report"_s, u"sightline"_s, u"batch100_pdf_ms"_s, median(batchTimes), u"ms"_s);
    return 0;
}

} // namespace Sightline::Bench
