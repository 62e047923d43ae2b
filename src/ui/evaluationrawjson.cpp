#include "evaluationrawjson.h"

#include "core/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QJsonValue time(const Timestamp &ms)
{
    return ms ? QJsonValue(formatTimestampUtc(*ms)) : QJsonValue(QJsonValue::Null);
}

template<typename T>
QJsonValue optional(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString backendKey(LineageItem::Backend backend)
{
    switch (backend) {
    case LineageItem::Backend::Relational:
        return u"relational"_s;
    case LineageItem::Backend::OutputFile:
        return u"output_file"_s;
    case LineageItem::Backend::LogFile:
        return u"log_file"_s;
    case LineageItem::Backend::Redis:
        return u"redis"_s;
    case LineageItem::Backend::S3:
        return u"s3"_s;
    case LineageItem::Backend::Memory:
        return u"storage_service"_s;
    case LineageItem::Backend::Events:
        return u"events"_s;
    }
    return u"unknown"_s;
}

QString stateKey(LineageItem::State state)
{
    switch (state) {
    case LineageItem::State::Present:
        return u"present"_s;
    case LineageItem::State::Absent:
        return u"absent"_s;
    case LineageItem::State::NotConfigured:
        return u"not_configured"_s;
    case LineageItem::State::Failed:
        return u"failed"_s;
    }
    return u"unknown"_s;
}

QString verdictKey(CacheCheck::Verdict verdict)
{
    switch (verdict) {
    case CacheCheck::Verdict::Same:
        return u"same"_s;
    case CacheCheck::Verdict::Differs:
        return u"differs"_s;
    case CacheCheck::Verdict::Expired:
        return u"expired"_s;
    case CacheCheck::Verdict::NotCached:
        return u"not_cached"_s;
    case CacheCheck::Verdict::NotConfigured:
        return u"not_configured"_s;
    case CacheCheck::Verdict::Unknown:
        break;
    }
    return u"unknown"_s;
}

} // namespace

QJsonObject evaluationRawJson(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                              bool eventsTruncated, const QList<LineageItem> &lineage,
                              const std::optional<CacheCheck> &cache, qsizetype maxTextChars)
{
    const QString code = detail.code.left(maxTextChars);
    const QString output = detail.output.left(maxTextChars);
    const EvaluationRow &row = detail.row;
    QJsonObject evaluation{
        {u"id"_s, row.id},
        {u"status"_s, row.statusText.isEmpty() ? statusName(row.status) : row.statusText},
        {u"engine"_s, text(row.engine)},
        {u"created_at"_s, time(row.createdAt)},
        {u"started_at"_s, time(row.startedAt)},
        {u"completed_at"_s, time(row.completedAt)},
        {u"duration_seconds"_s, optional(row.durationSeconds)},
        {u"exit_code"_s, optional(row.exitCode)},
        {u"error"_s, text(detail.error)},
        {u"worker_id"_s, text(row.workerId)},
        {u"container_id"_s, text(detail.containerId)},
        {u"batch_id"_s, text(row.batchId)},
        {u"submitted_by"_s, text(row.submittedBy)},
        {u"code_length"_s, optional(detail.codeLengthColumn)},
        {u"output_location"_s, text(detail.outputLocation)},
        {u"output_size"_s, optional(row.outputSize)},
        {u"cpu_seconds"_s, optional(detail.cpuSeconds)},
        {u"memory_mb_seconds"_s, optional(detail.memoryMbSeconds)},
        {u"estimated_cost_cents"_s, optional(row.costCents)},
        {u"code"_s, detail.code.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)},
        {u"output"_s, detail.output.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(output)},
    };
    // What was read of the long columns, so that a capped read is not mistaken for the whole.
    QJsonObject read{{u"code_characters"_s, detail.codeLength},
                     {u"code_characters_read"_s, qint64(detail.code.size())},
                     {u"code_characters_shown"_s, qint64(code.size())},
                     {u"output_characters"_s, detail.outputLength},
                     {u"output_characters_read"_s, qint64(detail.output.size())},
                     {u"output_characters_shown"_s, qint64(output.size())},
                     {u"events_truncated"_s, eventsTruncated}};

    QJsonArray eventArray;
    for (const EvaluationEvent &event : events) {
        QJsonObject e{
            {u"id"_s, event.id},
            {u"type"_s, event.type},
            {u"category"_s, event.categoryText.isEmpty() ? categoryName(event.category) : event.categoryText},
            {u"severity"_s, event.severityText.isEmpty() ? severityName(event.severity) : event.severityText},
            {u"ts"_s, formatTimestampUtc(event.timestamp)}};
        QJsonParseError error;
        const QJsonDocument data = QJsonDocument::fromJson(event.data.toUtf8(), &error);
        if (event.data.isEmpty())
            e.insert(u"data"_s, QJsonValue::Null);
        else if (error.error == QJsonParseError::NoError && data.isObject())
            e.insert(u"data"_s, data.object());
        else if (error.error == QJsonParseError::NoError && data.isArray())
            e.insert(u"data"_s, data.array());
        else
            e.insert(u"data_text"_s, event.data);
        eventArray.append(e);
    }

    QJsonArray lineageArray;
    for (const LineageItem &item : lineage) {
        QJsonObject l{{u"backend"_s, backendKey(item.backend)},
                      {u"state"_s, stateKey(item.state)},
                      {u"summary"_s, item.summary},
                      {u"location"_s, item.location},
                      {u"bytes"_s, item.bytes},
                      {u"count"_s, item.count},
                      {u"ttl_ms"_s, optional(item.ttlMs)}};
        if (item.answeredAtMs > 0)
            l.insert(u"answered_at"_s, formatTimestampUtc(item.answeredAtMs));
        if (!item.error.isEmpty())
            l.insert(u"error"_s, item.error);
        if (!item.details.isEmpty())
            l.insert(u"details"_s, QJsonArray::fromStringList(item.details));
        lineageArray.append(l);
    }

    QJsonObject root{{u"evaluation"_s, evaluation},
                     {u"read"_s, read},
                     {u"events"_s, eventArray},
                     {u"lineage"_s, lineageArray}};
    if (cache) {
        root.insert(u"cache_check"_s,
                    QJsonObject{{u"verdict"_s, verdictKey(cache->verdict)},
                                {u"message"_s, cache->message},
                                {u"differences"_s, QJsonArray::fromStringList(cache->differences)}});
    } else {
        root.insert(u"cache_check"_s, QJsonValue::Null);
    }
    return root;
}

} // namespace Sightline
