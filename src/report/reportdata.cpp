#include "reportdata.h"

#include "core/drilldown.h"
#include "core/format.h"
#include "sources/evaluationreader.h"
#include "sources/evaluationsql.h"
#include "sources/lineage/evaluationlineage.h"
#include "sources/lineage/lineageworker.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/sqlconnection.h"
#include "sources/storagesources.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QThread>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ReportTr::tr() under the context it looks up at run time.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::Report)
};

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

void report(const ReportProgressFn &progress, int percent, const QString &step)
{
    if (progress)
        progress(ReportProgress{percent, step});
}

// Waits for a backend's future in short slices, so that Cancel is seen within a few milliseconds
// instead of after the backend's timeout. On Cancel it cancels the future (a PrometheusClient
// request is aborted by that) and returns false.
template<typename T>
bool waitFor(QFuture<T> &future, const std::atomic<bool> *cancel)
{
    while (!future.isFinished()) {
        if (cancelled(cancel)) {
            future.cancel();
            return false;
        }
        QThread::msleep(10);
    }
    return true;
}

// Opens the workspace's relational store; on failure says why in out.error. On success the
// bundle names where it reads from.
std::unique_ptr<SqlConnection> openStore(const WorkspaceProfile &profile, GatherResult &out)
{
    std::unique_ptr<SqlConnection> connection;
    if (!profile.postgresUrl.isEmpty())
        connection = createPostgresConnection(profile.postgresUrl, true, profile.timeoutSeconds * 1000,
                                              profile.secrets.postgresPassword);
    else if (!profile.sqlitePath.isEmpty())
        connection = createSqliteConnection(profile.sqlitePath, SqliteMode::ReadOnly);
    if (!connection) {
        out.error = ReportTr::tr(
            "The workspace has no relational store (sources.postgres or sources.sqlite): there are "
            "no evaluations to report on.");
        return {};
    }
    const SqlError open = connection->open();
    if (open.isError()) {
        out.error = ReportTr::tr("Cannot open %1: %2").arg(connection->describe(), open.message);
        return {};
    }
    out.bundle.source = connection->describe();
    return connection;
}

ReportLineageLine lineageLine(const LineageItem &item)
{
    ReportLineageLine line;
    line.backend = LineageText::backendName(item.backend);
    line.state = LineageText::stateName(item.state);
    line.summary = item.error.isEmpty() ? item.summary : item.summary + u" — "_s + item.error;
    line.location = item.location;
    return line;
}

// The Evaluation window's lineage, asked of every backend through the same worker it uses.
// std::nullopt: cancelled (the worker's requests in flight are interrupted).
std::optional<QList<ReportLineageLine>> gatherLineage(LineageWorker &worker,
                                                      const ReportEvaluation &evaluation,
                                                      const QString &source, const std::atomic<bool> *cancel)
{
    QList<ReportLineageLine> lines;
    lines.append({ReportTr::tr("Relational store"), ReportTr::tr("present"),
                  ReportTr::tr("metadata, %1 events").arg(formatCount(evaluation.totalEvents)), source});
    QFuture<QList<LineageItem>> files = worker.probeFiles(evaluation.detail);
    QFuture<RedisLineage> redis;
    QFuture<LineageItem> s3;
    QFuture<LineageItem> memory;
    if (worker.hasRedis())
        redis = worker.probeRedis(evaluation.detail);
    if (worker.hasS3())
        s3 = worker.probeS3(evaluation.detail.row.id);
    if (worker.hasMemory())
        memory = worker.probeMemory(evaluation.detail.row.id);
    const bool finished = waitFor(files, cancel) && (!worker.hasRedis() || waitFor(redis, cancel)) &&
                          (!worker.hasS3() || waitFor(s3, cancel)) &&
                          (!worker.hasMemory() || waitFor(memory, cancel));
    if (!finished) {
        worker.stop();
        return std::nullopt;
    }
    for (const LineageItem &item : files.result())
        lines.append(lineageLine(item));
    const auto notConfigured = [](const QString &name) {
        return ReportLineageLine{name, LineageText::stateName(LineageItem::State::NotConfigured), QString(),
                                 QString()};
    };
    lines.append(worker.hasRedis() ? lineageLine(redis.result().item)
                                   : notConfigured(LineageText::backendName(LineageItem::Backend::Redis)));
    lines.append(worker.hasS3() ? lineageLine(s3.result())
                                : notConfigured(LineageText::backendName(LineageItem::Backend::S3)));
    lines.append(worker.hasMemory() ? lineageLine(memory.result())
                                    : notConfigured(LineageText::backendName(LineageItem::Backend::Memory)));
    return lines;
}

// false: cancelled (the requests in flight are aborted).
bool gatherMetrics(const WorkspaceProfile &profile, PrometheusClient *client, ReportEvaluation &evaluation,
                   const std::atomic<bool> *cancel)
{
    const QueryWindowResult window = evaluationQueryWindow(
        evaluation.detail.row, QDateTime::currentMSecsSinceEpoch(), profile.drilldownSettings.paddingSeconds);
    if (!client) {
        evaluation.metricsNote =
            ReportTr::tr("No Prometheus is configured (sources.prometheus.url): this report has no "
                         "infrastructure metrics.");
        return true;
    }
    if (!window.window) {
        evaluation.metricsNote = window.emptyReason;
        return true;
    }
    evaluation.windowStartMs = window.window->startMs;
    evaluation.windowEndMs = window.window->endMs;
    const QHash<QString, QString> fields = evaluationTemplateFields(evaluation.detail);
    QList<QFuture<PrometheusQueryReply>> replies;
    for (const DrilldownPanel &panel : profile.drilldownSettings.panels) {
        ReportChart chart;
        chart.title = panel.title;
        chart.unit = panel.unit;
        const TemplateExpansion expansion = expandTemplate(panel.promql, fields, escapePromQLString);
        chart.query = expansion.ok() ? expansion.text : panel.promql;
        if (!expansion.ok())
            chart.note = expansion.error;
        evaluation.charts.append(chart);
        replies.append(expansion.ok() ? client->queryRange(
                                            chart.query, double(window.window->startMs) / 1000.0,
                                            double(window.window->endMs) / 1000.0, window.window->stepSeconds)
                                      : QFuture<PrometheusQueryReply>());
    }
    for (int i = 0; i < replies.size(); ++i) {
        ReportChart &chart = evaluation.charts[i];
        if (!chart.note.isEmpty())
            continue;
        if (!waitFor(replies[i], cancel)) {
            client->cancelAll();
            return false;
        }
        const PrometheusQueryReply reply = replies[i].result();
        if (!reply.value) {
            chart.note = ReportTr::tr("Prometheus: %1").arg(reply.error.message);
            continue;
        }
        for (const PrometheusSeries &series : reply.value->series)
            chart.series.append({series.displayName(), series.timesSeconds, series.values});
        if (chart.series.isEmpty())
            chart.note =
                ReportTr::tr("No series: Prometheus has no data for this query in the evaluation's window.");
    }
    return true;
}

qint64 countEvents(SqlConnection &connection, const SchemaNames &schema, const QString &id, qint64 fallback)
{
    const SqlResult result =
        connection.exec(u"SELECT COUNT(*) FROM %1 WHERE %2 = %3"_s.arg(
                            quoteIdentifier(schema.eventsTable),
                            quoteIdentifier(schema.column(u"evaluation_id"_s)), connection.placeholder(1)),
                        {id});
    if (!result.ok() || result.rows.isEmpty() || result.rows.constFirst().isEmpty())
        return fallback;
    return sqlToInt64(result.rows.constFirst().constFirst()).value_or(fallback);
}

GatherResult gatherEvaluations(const WorkspaceProfile &profile, const ReportRequest &request,
                               const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    GatherResult out;
    std::unique_ptr<SqlConnection> connection = openStore(profile, out);
    if (!connection)
        return out;
    ReportBundle &bundle = out.bundle;
    EvaluationReader reader(*connection, profile.schema);
    std::unique_ptr<LineageWorker> lineage = std::make_unique<LineageWorker>(profile);
    std::unique_ptr<PrometheusClient> prometheus;
    if (request.includeMetrics && !profile.prometheus.url.isEmpty())
        prometheus = std::make_unique<PrometheusClient>(PrometheusConnection::fromProfile(profile));
    const int count = int(request.evaluationIds.size());
    for (int i = 0; i < count; ++i) {
        if (cancelled(cancel)) {
            out.cancelled = true;
            return out;
        }
        const QString &id = request.evaluationIds.at(i);
        report(progress, 80 * i / qMax(1, count), ReportTr::tr("Reading %1…").arg(id));
        const EvaluationDetailResult detail = reader.detail(id, 20000);
        if (detail.error.isError()) {
            out.error = ReportTr::tr("Cannot read evaluation %1 from %2: %3")
                            .arg(id, bundle.source, detail.error.message);
            return out;
        }
        if (!detail.detail) {
            out.error = ReportTr::tr("There is no evaluation %1 in %2.").arg(id, bundle.source);
            return out;
        }
        ReportEvaluation evaluation;
        evaluation.detail = *detail.detail;
        evaluation.events = detail.events;
        evaluation.totalEvents = detail.eventsTruncated
                                     ? countEvents(*connection, profile.schema, id, detail.events.size())
                                     : detail.events.size();
        report(progress, 80 * i / qMax(1, count) + 20 / qMax(1, count),
               ReportTr::tr("Asking where %1 lives…").arg(id));
        std::optional<QList<ReportLineageLine>> lines =
            gatherLineage(*lineage, evaluation, bundle.source, cancel);
        if (!lines) {
            out.cancelled = true;
            return out;
        }
        evaluation.lineage = std::move(*lines);
        if (request.includeMetrics) {
            report(progress, -1, ReportTr::tr("Reading metrics of %1…").arg(id));
            if (!gatherMetrics(profile, prometheus.get(), evaluation, cancel)) {
                out.cancelled = true;
                return out;
            }
        } else {
            evaluation.metricsNote = ReportTr::tr("Metrics were not requested.");
        }
        const EvaluationRow &row = evaluation.detail.row;
        const qint64 start = row.createdAt.value_or(0);
        const qint64 end = row.completedAt.value_or(row.startedAt.value_or(start));
        if (start && (!bundle.rangeStartMs || start < bundle.rangeStartMs))
            bundle.rangeStartMs = start;
        if (end > bundle.rangeEndMs)
            bundle.rangeEndMs = end;
        const qint64 listed = qMin<qint64>(evaluation.events.size(), request.maxEventsListed);
        if (evaluation.totalEvents > listed)
            bundle.leftOut.append(ReportTr::tr("%1: %2 of %3 events not listed")
                                      .arg(id, formatCount(evaluation.totalEvents - listed),
                                           formatCount(evaluation.totalEvents)));
        bundle.evaluations.append(evaluation);
    }
    lineage->stop();
    return out;
}

void noteBatchCap(ReportBundle &bundle)
{
    if (bundle.batchMatched > bundle.evaluations.size())
        bundle.leftOut.append(
            ReportTr::tr("%1 of %2 matching evaluations not read (a batch report reads at most %3)")
                .arg(formatCount(bundle.batchMatched - bundle.evaluations.size()),
                     formatCount(bundle.batchMatched), formatCount(MaxBatchEvaluations)));
}

// A batch report of the evaluations the user selected: their rows only (no events, no large text),
// read by id list in chunks, in the order they were given (each id once).
GatherResult gatherBatchByIds(const WorkspaceProfile &profile, const ReportRequest &request,
                              const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    GatherResult out;
    std::unique_ptr<SqlConnection> connection = openStore(profile, out);
    if (!connection)
        return out;
    QStringList ids;
    QSet<QString> seen;
    for (const QString &id : request.evaluationIds)
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    out.bundle.batchMatched = ids.size();
    const qsizetype wanted = qMin<qsizetype>(ids.size(), MaxBatchEvaluations);
    // Well under SQLite's oldest limit of 999 parameters per statement.
    constexpr qsizetype Chunk = 500;
    EvaluationReader reader(*connection, profile.schema);
    QHash<QString, EvaluationRow> rows;
    rows.reserve(wanted);
    for (qsizetype first = 0; first < wanted; first += Chunk) {
        if (cancelled(cancel)) {
            out.cancelled = true;
            return out;
        }
        report(progress, int(60 * first / qMax<qsizetype>(1, wanted)),
               ReportTr::tr("Reading evaluations %1 of %2…").arg(formatCount(first), formatCount(wanted)));
        const QStringList part = ids.mid(first, qMin(Chunk, wanted - first));
        RowsResult result = reader.rowsByIds(part);
        if (result.error.isError()) {
            out.error = ReportTr::tr("Cannot read evaluations from %1: %2")
                            .arg(out.bundle.source, result.error.message);
            return out;
        }
        for (EvaluationRow &row : result.rows)
            rows.insert(row.id, std::move(row));
        for (const QString &id : part)
            if (!rows.contains(id)) {
                out.error = ReportTr::tr("There is no evaluation %1 in %2.").arg(id, out.bundle.source);
                return out;
            }
    }
    out.bundle.evaluations.reserve(wanted);
    for (qsizetype i = 0; i < wanted; ++i) {
        ReportEvaluation evaluation;
        evaluation.detail.row = rows.take(ids.at(i));
        out.bundle.evaluations.append(std::move(evaluation));
    }
    noteBatchCap(out.bundle);
    return out;
}

GatherResult gatherBatch(const WorkspaceProfile &profile, const ReportRequest &request,
                         const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    if (!request.evaluationIds.isEmpty())
        return gatherBatchByIds(profile, request, progress, cancel);
    GatherResult out;
    std::unique_ptr<SqlConnection> connection = openStore(profile, out);
    if (!connection)
        return out;
    EvaluationReader reader(*connection, profile.schema);
    reader.setQuery(request.filter, EvaluationSort{EvaluationColumn::Created, Qt::AscendingOrder});
    report(progress, -1, ReportTr::tr("Counting evaluations…"));
    const CountsResult counts = reader.counts();
    if (counts.error.isError()) {
        out.error =
            ReportTr::tr("Cannot count evaluations in %1: %2").arg(out.bundle.source, counts.error.message);
        return out;
    }
    out.bundle.batchMatched = counts.counts.total;
    const qint64 wanted = qMin<qint64>(counts.counts.total, MaxBatchEvaluations);
    for (qint64 first = 0; first < wanted;) {
        if (cancelled(cancel)) {
            out.cancelled = true;
            return out;
        }
        report(progress, int(60 * first / qMax<qint64>(1, wanted)),
               ReportTr::tr("Reading evaluations %1 of %2…").arg(formatCount(first), formatCount(wanted)));
        const RowsResult rows = reader.rows(first, int(qMin<qint64>(1000, wanted - first)), counts.counts);
        if (rows.error.isError()) {
            out.error = ReportTr::tr("Cannot read evaluations from %1: %2")
                            .arg(out.bundle.source, rows.error.message);
            return out;
        }
        if (rows.rows.isEmpty())
            break;
        for (const EvaluationRow &row : rows.rows) {
            ReportEvaluation evaluation;
            evaluation.detail.row = row;
            out.bundle.evaluations.append(evaluation);
        }
        first += rows.rows.size();
    }
    noteBatchCap(out.bundle);
    return out;
}

GatherResult gatherStorage(const WorkspaceProfile &profile, const ReportProgressFn &progress,
                           const std::atomic<bool> *cancel)
{
    GatherResult out;
    StorageSources sources = createStorageSources(profile);
    out.bundle.storageMissing = sources.missing;
    out.bundle.warnings = sources.problems;
    QList<QFuture<StorageSummary>> futures;
    for (const auto &source : sources.sources)
        futures.append(source->summary());
    for (size_t i = 0; i < sources.sources.size(); ++i) {
        if (cancelled(cancel)) {
            out.cancelled = true;
            for (QFuture<StorageSummary> &future : futures)
                future.cancel();
            return out;
        }
        const auto &source = sources.sources[i];
        report(progress, int(80 * i / qMax<size_t>(1, sources.sources.size())),
               ReportTr::tr("Asking %1…").arg(storageBackendTitle(source->backend())));
        if (!waitFor(futures[qsizetype(i)], cancel)) {
            out.cancelled = true;
            for (QFuture<StorageSummary> &future : futures)
                future.cancel();
            return out;
        }
        const StorageSummary summary = futures[qsizetype(i)].result();
        ReportStorageSummary line;
        line.backend = storageBackendTitle(source->backend());
        line.address = source->describe();
        line.reachable = summary.reachable;
        line.latencyMs = summary.latencyMs;
        line.itemCount = summary.itemCount;
        line.itemNoun = summary.itemNoun;
        line.totalBytes = summary.totalBytes;
        line.error = summary.error;
        line.details = summary.details;
        out.bundle.storage.append(line);
    }
    return out;
}

} // namespace

GatherResult gatherReport(const WorkspaceProfile &profile, const ReportRequest &request,
                          const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    GatherResult out;
    switch (request.kind) {
    case ReportKind::Evaluation:
        if (request.evaluationIds.isEmpty()) {
            out.error = ReportTr::tr("An evaluation report needs at least one evaluation id.");
            return out;
        }
        out = gatherEvaluations(profile, request, progress, cancel);
        break;
    case ReportKind::Batch:
        out = gatherBatch(profile, request, progress, cancel);
        break;
    case ReportKind::Storage:
        out = gatherStorage(profile, progress, cancel);
        break;
    }
    ReportBundle &bundle = out.bundle;
    bundle.kind = request.kind;
    bundle.workspace = profile.name;
    bundle.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    bundle.filterText = request.filterText;
    bundle.utcOffsetSeconds = request.utcOffsetSeconds;
    bundle.maxEventsListed = request.maxEventsListed;
    if (request.kind == ReportKind::Batch) {
        for (const ReportEvaluation &evaluation : std::as_const(bundle.evaluations)) {
            const EvaluationRow &row = evaluation.detail.row;
            if (row.createdAt && (!bundle.rangeStartMs || *row.createdAt < bundle.rangeStartMs))
                bundle.rangeStartMs = *row.createdAt;
            const qint64 end = row.completedAt.value_or(row.createdAt.value_or(0));
            if (end > bundle.rangeEndMs)
                bundle.rangeEndMs = end;
        }
    }
    return out;
}

} // namespace Sightline
