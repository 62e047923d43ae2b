#pragma once

#include "core/evaluationquery.h"
#include "core/workspaceprofile.h"

#include <QFuture>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Sightline {

// What `sightline report` and File → Export produce (issue 6).
enum class ReportKind { Evaluation, Batch, Storage };
enum class ReportFormat { Pdf, Html, Csv, Json };
enum class ReportPageSize { A4, Letter };

struct ReportRequest
{
    ReportKind kind = ReportKind::Evaluation;
    ReportFormat format = ReportFormat::Pdf;
    ReportPageSize pageSize = ReportPageSize::A4;
    QStringList evaluationIds;   // Evaluation: one report section per id; Batch: these evaluations…
    EvaluationFilter filter;     // …or, when evaluationIds is empty, every evaluation this filter selects
    QString filterText;          // the filter as the user wrote it, printed in the report's header
    QString outputPath;          // written atomically (QSaveFile): nothing half-written on failure
    int maxEventsListed = 2000;  // PDF/HTML event tables stop here and say how many were left out
    bool includeMetrics = true;  // Prometheus charts (when the workspace has Prometheus)
    qint64 utcOffsetSeconds = 0; // times printed in this offset; tests pin it
};

struct ReportProgress
{
    int percent = -1; // -1: busy, no estimate
    QString step;     // "Reading events of eval-0042…", "Drawing page 3…"
};

struct ReportResult
{
    bool ok = false;
    bool cancelled = false;
    QString error; // !ok: for the user (the path and the reason)
    QString outputPath;
    qint64 bytes = 0;
    int pages = 0;       // PDF only
    QStringList leftOut; // what the report says it left out ("eval-7: 98,000 of 100,000 events not listed")
};

using ReportProgressFn = std::function<void(const ReportProgress &)>; // called on the worker thread

// CSV holds the kind's main table: Evaluation → one row per event and per metric sample, told apart by
// the first column "section" (event | metric); Batch → one row per evaluation; Storage → one row per
// backend. JSON holds the whole bundle. PDF and HTML list at most maxEventsListed events (and batch
// rows) and say how many they left out; CSV and JSON hold every event read (at most 5,000 per
// evaluation, EvaluationReader::MaxEvents; leftOut says how many more the database has).
//
// Gathers what the report needs from the workspace's backends (with the profile's secrets), renders
// it and writes it. Runs on a worker thread; cancel stops it between steps and leaves no file.
QFuture<ReportResult> runReport(const WorkspaceProfile &profile, const ReportRequest &request,
                                ReportProgressFn progress = {},
                                std::shared_ptr<std::atomic<bool>> cancel = {});

// For the command line and the export dialog.
QString reportKindName(ReportKind kind);       // "evaluation", "batch", "storage"
QString reportFormatName(ReportFormat format); // "pdf", "html", "csv", "json"
std::optional<ReportKind> parseReportKind(const QString &text);
std::optional<ReportFormat> parseReportFormat(const QString &text);
// "status:failed,running batch:b-12 created>=2026-11-01 created<2026-11-08 text" → a filter:
//   status:A,B          any of these statuses (queued, provisioning, running, completed, failed, timeout,
//   cancelled) created>=T created<T  creation time from (inclusive) / to (exclusive); T a date (UTC midnight)
//   or RFC 3339 batch:X, text:X, X  searched as the browser's search box does: a substring of id, submitter
//   or batch
//                       (words are joined with a space into one search)
// error names the part it cannot read.
std::optional<EvaluationFilter> parseEvaluationFilterExpression(const QString &text, QString *error);

} // namespace Sightline
