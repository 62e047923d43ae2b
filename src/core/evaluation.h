#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Sightline {

// Every status the platform writes; Unknown keeps rows with a status we do not know visible.
enum class EvaluationStatus : quint8 {
    Queued,
    Provisioning,
    Running,
    Completed,
    Failed,
    Timeout,
    Cancelled,
    Unknown,
};
inline constexpr int EvaluationStatusCount = int(EvaluationStatus::Unknown) + 1;

QString statusName(EvaluationStatus status);        // "running" — the value stored in the database
QString statusDisplayName(EvaluationStatus status); // "Running" — translated, for people
EvaluationStatus statusFromName(QStringView name);  // Unknown for anything else
QList<EvaluationStatus> knownStatuses();            // all but Unknown, in lifecycle order
bool isTerminal(EvaluationStatus status);

// Timestamps are milliseconds since the Unix epoch, UTC; std::nullopt is SQL NULL.
using Timestamp = std::optional<qint64>;

// One row of the evaluations browser: the columns a list shows, never code or output.
struct EvaluationRow
{
    QString id;
    EvaluationStatus status = EvaluationStatus::Unknown;
    QString statusText; // as stored, shown when status is Unknown
    QString engine;
    Timestamp createdAt;
    Timestamp startedAt;
    Timestamp completedAt;
    std::optional<double> durationSeconds;
    QString workerId;
    QString batchId;
    QString submittedBy;
    std::optional<int> exitCode;
    std::optional<qint64> outputSize;
    std::optional<double> costCents;
};

// Everything the relational store holds about one evaluation. Large text is capped when read
// (see EvaluationStore); the *Length fields tell the full size.
struct EvaluationDetail
{
    EvaluationRow row;
    QString containerId;
    QString code;
    qint64 codeLength = 0;                  // characters in the database
    std::optional<qint64> codeLengthColumn; // the code_length column as written by the platform
    QString output;                         // inline output (may be capped)
    qint64 outputLength = 0;                // characters of inline output in the database
    QString outputLocation;                 // file:///… or s3://…, empty when inline
    QString error;
    std::optional<double> cpuSeconds;
    std::optional<double> memoryMbSeconds;
};

enum class EventCategory : quint8 { Research, Storage, Infrastructure, Security, Unknown };
enum class EventSeverity : quint8 { Info, Warning, Error, Critical, Unknown };

QString categoryName(EventCategory category);
EventCategory categoryFromName(QStringView name);
QString severityName(EventSeverity severity);
EventSeverity severityFromName(QStringView name);

struct EvaluationEvent
{
    qint64 id = 0;
    QString evaluationId; // empty for platform-wide events
    QString type;         // evaluation.started, container.created, …
    EventCategory category = EventCategory::Unknown;
    EventSeverity severity = EventSeverity::Unknown;
    QString categoryText;
    QString severityText;
    qint64 timestamp = 0;
    QString data; // JSON text, as stored
};

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::EvaluationRow)
Q_DECLARE_METATYPE(Sightline::EvaluationDetail)
Q_DECLARE_METATYPE(Sightline::EvaluationEvent)
