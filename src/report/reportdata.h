#pragma once

#include "core/evaluation.h"
#include "reportjob.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Sightline {

// One Prometheus panel of the Evaluation window, as read for a report.
struct ReportChart
{
    QString title;
    QString unit;
    QString query;
    QString note; // why there is no data ("no series", the server's error); empty when charted
    struct Series
    {
        QString name;
        QVector<double> timesSeconds;
        QVector<double> values;
    };
    QList<Series> series;
};

struct ReportLineageLine
{
    QString backend; // "Relational store", "Output file", "Redis", …
    QString state;   // "present", "absent", "not configured", "failed"
    QString summary;
    QString location;
};

struct ReportEvaluation
{
    EvaluationDetail detail;
    QList<EvaluationEvent> events; // at most what was read (the reader's cap)
    qint64 totalEvents = 0;        // in the database
    QList<ReportLineageLine> lineage;
    QList<ReportChart> charts;
    QString metricsNote; // "No Prometheus is configured…", or why the window is empty
    qint64 windowStartMs = 0;
    qint64 windowEndMs = 0;
};

struct ReportStorageSummary
{
    QString backend;
    QString address;
    bool reachable = false;
    double latencyMs = -1;
    qint64 itemCount = -1;
    QString itemNoun;
    qint64 totalBytes = -1;
    QString error;
    QList<std::pair<QString, QString>> details;
};

// Everything a report shows, gathered before any rendering: the renderers only format it.
struct ReportBundle
{
    ReportKind kind = ReportKind::Evaluation;
    QString workspace;
    QString source;           // "SQLite file /x.db": where the evaluations were read
    qint64 generatedAtMs = 0; // UTC
    qint64 rangeStartMs = 0;  // the time range the report covers (0: none)
    qint64 rangeEndMs = 0;
    QString filterText;
    qint64 utcOffsetSeconds = 0;
    int maxEventsListed = 2000;
    QList<ReportEvaluation> evaluations; // Evaluation kind: full; Batch kind: rows only (detail.row)
    qint64 batchMatched = 0;             // Batch: evaluations the filter matched (may exceed those read)
    QList<ReportStorageSummary> storage; // Storage kind
    QStringList storageMissing;
    QStringList warnings; // shown in the report: backends that failed, caps
    QStringList leftOut;  // "eval-7: 98,000 of 100,000 events not listed"
};

struct GatherResult
{
    ReportBundle bundle;
    QString error; // non-empty: no report (unknown evaluation, database unreachable)
    bool cancelled = false;
};

// Reads what the request needs from the workspace's backends. Blocks: run it on a worker thread.
GatherResult gatherReport(const WorkspaceProfile &profile, const ReportRequest &request,
                          const ReportProgressFn &progress, const std::atomic<bool> *cancel);

// Batch reports read at most this many evaluations (the rest is counted and said).
inline constexpr int MaxBatchEvaluations = 10000;

} // namespace Sightline
