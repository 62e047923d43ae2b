#include "livesqlrows.h"

#include "sources/evaluationreader.h"
#include "sources/sqlconnection.h"

#include <cmath>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Sightline {

std::unique_ptr<SqlConnection> openLiveStore(const WorkspaceProfile &profile)
{
    if (!profile.postgresUrl.isEmpty())
        return createPostgresConnection(profile.postgresUrl, true, profile.timeoutSeconds * 1000,
                                        profile.secrets.postgresPassword);
    if (!profile.sqlitePath.isEmpty())
        return createSqliteConnection(profile.sqlitePath, SqliteMode::ReadOnly);
    return nullptr;
}

QString liveIdColumn(const SchemaNames &schema)
{
    return quoteIdentifier(schema.column(u"id"_s));
}

QString liveEventsSelect(const SchemaNames &schema)
{
    QStringList columns;
    for (const char16_t *name : {u"id", u"evaluation_id", u"type", u"category", u"severity", u"ts", u"data"})
        columns.append(quoteIdentifier(schema.column(QString::fromUtf16(name))));
    return u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + quoteIdentifier(schema.eventsTable);
}

namespace {
QByteArray textOf(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray();
    return value.toString().toUtf8();
}
// sqlToTimestamp, and Unix time stored as text (a number written into a TEXT column of SQLite).
Timestamp rowTimestamp(const QVariant &value)
{
    if (const Timestamp ts = sqlToTimestamp(value))
        return ts;
    if (value.typeId() != QMetaType::QString)
        return std::nullopt;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return qint64(std::abs(number) > 1e11 ? number : number * 1000.0);
}
} // namespace

void appendLiveEventRow(LiveEventBatch &batch, const QVariantList &row, LiveSource source, qint64 receivedAt,
                        bool checkSkew)
{
    LiveEventRecord record;
    record.id = sqlToInt64(row.value(0)).value_or(0);
    record.receivedAt = receivedAt;
    record.source = source;
    const QByteArray evaluationId = textOf(row.value(1));
    const QByteArray type = textOf(row.value(2));
    const QByteArray category = textOf(row.value(3));
    const QByteArray severity = textOf(row.value(4));
    const QByteArray data = textOf(row.value(6));
    record.category = categoryFromName(QString::fromUtf8(category));
    record.severity = severityFromName(QString::fromUtf8(severity));
    if (record.category == EventCategory::Unknown)
        record.flags |= LiveEventRecord::UnknownCategory;
    if (record.severity == EventSeverity::Unknown)
        record.flags |= LiveEventRecord::UnknownSeverity;
    if (const Timestamp ts = rowTimestamp(row.value(5))) {
        record.timestamp = *ts;
        if (checkSkew && std::llabs(*ts - receivedAt) > LiveEventLimits::SkewToleranceMs)
            record.flags |= LiveEventRecord::ClockSkewed;
    } else {
        record.timestamp = receivedAt;
        record.flags |= LiveEventRecord::NoTimestamp;
    }
    const qint64 size = evaluationId.size() + type.size() + category.size() + severity.size() + data.size();
    record.payloadSize = quint32(qMin<qint64>(size, 0xffffffffLL));
    batch.append(record, evaluationId, type,
                 record.has(LiveEventRecord::UnknownCategory) ? QByteArrayView(category) : QByteArrayView(),
                 record.has(LiveEventRecord::UnknownSeverity) ? QByteArrayView(severity) : QByteArrayView(),
                 data);
}

} // namespace Sightline
