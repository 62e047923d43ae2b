#include "reportrender.h"

#include "core/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

void csvLine(QString &out, const QStringList &fields)
{
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            out += u',';
        out += csvField(fields[i]);
    }
    out += u"\r\n"_s;
}

QString iso(const Timestamp &ms)
{
    return ms ? formatTimestampUtc(*ms) : QString();
}

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 12) : QString();
}

QJsonValue jsonNumber(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue();
}

QJsonValue jsonTime(const Timestamp &ms)
{
    return ms ? QJsonValue(formatTimestampUtc(*ms)) : QJsonValue();
}

QString statusText(const EvaluationRow &row)
{
    return row.status == EvaluationStatus::Unknown && !row.statusText.isEmpty() ? row.statusText
                                                                                : statusName(row.status);
}

QJsonObject rowJson(const EvaluationRow &row)
{
    return QJsonObject{
        {u"id"_s, row.id},
        {u"status"_s, statusText(row)},
        {u"engine"_s, row.engine},
        {u"created_at"_s, jsonTime(row.createdAt)},
        {u"started_at"_s, jsonTime(row.startedAt)},
        {u"completed_at"_s, jsonTime(row.completedAt)},
        {u"duration_seconds"_s, jsonNumber(row.durationSeconds)},
        {u"worker_id"_s, row.workerId},
        {u"batch_id"_s, row.batchId},
        {u"submitted_by"_s, row.submittedBy},
        {u"exit_code"_s, row.exitCode ? QJsonValue(*row.exitCode) : QJsonValue()},
        {u"output_size"_s, row.outputSize ? QJsonValue(double(*row.outputSize)) : QJsonValue()},
        {u"estimated_cost_cents"_s, jsonNumber(row.costCents)},
    };
}

QJsonObject eventJson(const EvaluationEvent &event)
{
    QJsonObject object{{u"id"_s, double(event.id)},
                       {u"ts"_s, formatTimestampUtc(event.timestamp)},
                       {u"type"_s, event.type},
                       {u"category"_s, event.categoryText},
                       {u"severity"_s, event.severityText}};
    const QJsonDocument data = QJsonDocument::fromJson(event.data.toUtf8());
    object.insert(u"data"_s, data.isObject()  ? QJsonValue(data.object())
                             : data.isArray() ? QJsonValue(data.array())
                                              : QJsonValue(event.data));
    return object;
}

} // namespace

QByteArray reportCsv(const ReportBundle &bundle)
{
    QString out;
    switch (bundle.kind) {
    case ReportKind::Evaluation:
        csvLine(out, {u"section"_s, u"evaluation_id"_s, u"time"_s, u"name"_s, u"category"_s, u"severity"_s,
                      u"value"_s, u"data"_s});
        for (const ReportEvaluation &evaluation : bundle.evaluations) {
            for (const EvaluationEvent &event : evaluation.events)
                csvLine(out, {u"event"_s, evaluation.detail.row.id, formatTimestampUtc(event.timestamp),
                              event.type, event.categoryText, event.severityText, QString(), event.data});
            for (const ReportChart &chart : evaluation.charts)
                for (const ReportChart::Series &series : chart.series)
                    for (qsizetype i = 0; i < series.values.size(); ++i)
                        csvLine(out,
                                {u"metric"_s, evaluation.detail.row.id,
                                 formatTimestampUtc(qint64(std::llround(series.timesSeconds[i] * 1000.0))),
                                 chart.title + u' ' + series.name, QString(), QString(),
                                 QString::number(series.values[i], 'g', 12), chart.unit});
        }
        break;
    case ReportKind::Batch:
        csvLine(out, {u"id"_s, u"status"_s, u"engine"_s, u"created_at"_s, u"started_at"_s, u"completed_at"_s,
                      u"duration_seconds"_s, u"worker_id"_s, u"batch_id"_s, u"submitted_by"_s, u"exit_code"_s,
                      u"output_size"_s, u"estimated_cost_cents"_s});
        for (const ReportEvaluation &evaluation : bundle.evaluations) {
            const EvaluationRow &row = evaluation.detail.row;
            csvLine(out,
                    {row.id, statusText(row), row.engine, iso(row.createdAt), iso(row.startedAt),
                     iso(row.completedAt), number(row.durationSeconds), row.workerId, row.batchId,
                     row.submittedBy, row.exitCode ? QString::number(*row.exitCode) : QString(),
                     row.outputSize ? QString::number(*row.outputSize) : QString(), number(row.costCents)});
        }
        break;
    case ReportKind::Storage:
        csvLine(out, {u"backend"_s, u"address"_s, u"reachable"_s, u"latency_ms"_s, u"items"_s, u"item_noun"_s,
                      u"bytes"_s, u"error"_s});
        for (const ReportStorageSummary &line : bundle.storage)
            csvLine(out, {line.backend, line.address, line.reachable ? u"true"_s : u"false"_s,
                          line.latencyMs >= 0 ? QString::number(line.latencyMs, 'f', 1) : QString(),
                          line.itemCount >= 0 ? QString::number(line.itemCount) : QString(), line.itemNoun,
                          line.totalBytes >= 0 ? QString::number(line.totalBytes) : QString(), line.error});
        break;
    }
    return out.toUtf8();
}

QByteArray reportJson(const ReportBundle &bundle)
{
    QJsonObject root{
        {u"kind"_s, reportKindName(bundle.kind)},
        {u"workspace"_s, bundle.workspace},
        {u"generated_at"_s, formatTimestampUtc(bundle.generatedAtMs)},
        {u"range_start"_s,
         bundle.rangeStartMs ? QJsonValue(formatTimestampUtc(bundle.rangeStartMs)) : QJsonValue()},
        {u"range_end"_s,
         bundle.rangeEndMs ? QJsonValue(formatTimestampUtc(bundle.rangeEndMs)) : QJsonValue()},
        {u"source"_s, bundle.source},
        {u"filter"_s, bundle.filterText},
        {u"warnings"_s, QJsonArray::fromStringList(bundle.warnings)},
        {u"left_out"_s, QJsonArray::fromStringList(bundle.leftOut)},
    };
    if (bundle.kind == ReportKind::Evaluation) {
        QJsonArray evaluations;
        for (const ReportEvaluation &evaluation : bundle.evaluations) {
            const EvaluationDetail &d = evaluation.detail;
            QJsonObject object = rowJson(d.row);
            object.insert(u"container_id"_s, d.containerId);
            object.insert(u"error"_s, d.error);
            object.insert(u"output_location"_s, d.outputLocation);
            object.insert(u"cpu_seconds"_s, jsonNumber(d.cpuSeconds));
            object.insert(u"memory_mb_seconds"_s, jsonNumber(d.memoryMbSeconds));
            object.insert(u"code"_s, d.code);
            object.insert(u"events_total"_s, double(evaluation.totalEvents));
            QJsonArray events;
            for (const EvaluationEvent &event : evaluation.events)
                events.append(eventJson(event));
            object.insert(u"events"_s, events);
            QJsonArray lineage;
            for (const ReportLineageLine &line : evaluation.lineage)
                lineage.append(QJsonObject{{u"backend"_s, line.backend},
                                           {u"state"_s, line.state},
                                           {u"summary"_s, line.summary},
                                           {u"location"_s, line.location}});
            object.insert(u"lineage"_s, lineage);
            QJsonArray charts;
            for (const ReportChart &chart : evaluation.charts) {
                QJsonArray series;
                for (const ReportChart::Series &s : chart.series) {
                    QJsonArray points;
                    for (qsizetype i = 0; i < s.values.size(); ++i)
                        points.append(QJsonArray{s.timesSeconds[i], std::isfinite(s.values[i])
                                                                        ? QJsonValue(s.values[i])
                                                                        : QJsonValue()});
                    series.append(QJsonObject{{u"name"_s, s.name}, {u"points"_s, points}});
                }
                charts.append(QJsonObject{{u"title"_s, chart.title},
                                          {u"unit"_s, chart.unit},
                                          {u"query"_s, chart.query},
                                          {u"note"_s, chart.note},
                                          {u"series"_s, series}});
            }
            object.insert(u"metrics"_s, charts);
            object.insert(u"metrics_note"_s, evaluation.metricsNote);
            evaluations.append(object);
        }
        root.insert(u"evaluations"_s, evaluations);
    } else if (bundle.kind == ReportKind::Batch) {
        QJsonArray evaluations;
        for (const ReportEvaluation &evaluation : bundle.evaluations)
            evaluations.append(rowJson(evaluation.detail.row));
        root.insert(u"matched"_s, double(bundle.batchMatched));
        root.insert(u"evaluations"_s, evaluations);
    } else {
        QJsonArray storage;
        for (const ReportStorageSummary &line : bundle.storage) {
            QJsonObject details;
            for (const auto &[key, value] : line.details)
                details.insert(key, value);
            storage.append(QJsonObject{
                {u"backend"_s, line.backend},
                {u"address"_s, line.address},
                {u"reachable"_s, line.reachable},
                {u"latency_ms"_s, line.latencyMs >= 0 ? QJsonValue(line.latencyMs) : QJsonValue()},
                {u"items"_s, line.itemCount >= 0 ? QJsonValue(double(line.itemCount)) : QJsonValue()},
                {u"item_noun"_s, line.itemNoun},
                {u"bytes"_s, line.totalBytes >= 0 ? QJsonValue(double(line.totalBytes)) : QJsonValue()},
                {u"error"_s, line.error},
                {u"details"_s, details}});
        }
        root.insert(u"storage"_s, storage);
        root.insert(u"not_configured"_s, QJsonArray::fromStringList(bundle.storageMissing));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Sightline
