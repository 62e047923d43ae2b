#pragma once

#include <QString>

namespace Sightline::Bench {

struct ReportBenchOptions
{
    QString sqlite;     // a SQLite file with the platform's tables…
    QString postgres;   // …or a PostgreSQL URL (password from PGPASSWORD)
    QString prometheus; // optional: the evaluation report's charts read from here
    int runs = 3;
};

// `sightline-bench report`: runReport as `sightline report` runs it, to PDF in a temporary folder.
// evaluation_pdf_ms: one evaluation report (lineage, timeline, metric charts, events) of the newest
// completed evaluation; batch100_pdf_ms: a batch report (summary, status counts, duration histogram,
// table) of the 100 newest evaluations. Medians of `runs` after one warm-up. Returns the exit code.
int runReportBench(const ReportBenchOptions &options);

} // namespace Sightline::Bench
