#pragma once

// Live events as the Live Events view holds them: compact records whose strings live in one byte
// arena per batch, so a million buffered events cost tens of bytes each plus their text, and a
// batch moves from the worker thread to the GUI thread without copying (DESIGN.md §3).

#include "evaluation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Sightline {

// Where an event came from. History: read from the events table when scrolling back past the ring.
enum class LiveSource : quint8 { Redis, Postgres, Poll, History };
QString liveSourceName(LiveSource source); // "Redis", "PostgreSQL", "events table", "history"

// Lanes of the timeline, in drawing order. Unknown categories land in Other; messages that could
// not be read (not JSON, missing fields, too large) in Unparseable.
enum class LiveLane : quint8 { Research, Storage, Infrastructure, Security, Other, Unparseable };
inline constexpr int LiveLaneCount = int(LiveLane::Unparseable) + 1;
QString liveLaneName(LiveLane lane);              // "research", …, "other", "unparseable"
QString liveLaneDisplayName(LiveLane lane);       // "Research", … translated
LiveLane laneForCategory(EventCategory category); // Unknown → Other

struct LiveEventRecord
{
    enum Flag : quint8 {
        Unparseable = 0x01,     // the text fields hold why (type) and the raw payload (data)
        ClockSkewed = 0x02,     // ts is far from when it arrived: placed at receivedAt on the axis
        NoTimestamp = 0x04,     // no usable ts: timestamp == receivedAt
        PayloadCapped = 0x08,   // data holds only the first RawPreviewBytes of the payload
        UnknownCategory = 0x10, // categoryText holds what the message said
        UnknownSeverity = 0x20, // severityText holds what the message said
    };

    qint64 id = 0;          // the event's id; unparseable messages get a negative id unique per session
    qint64 timestamp = 0;   // ms since the Unix epoch, UTC, as the event says ("ts")
    qint64 receivedAt = 0;  // ms since the Unix epoch when Sightline received it
    quint32 textOffset = 0; // into the batch's arena: evaluationId, type, categoryText, severityText, data
    quint16 evaluationIdLength = 0; // bytes; 0 for platform-wide events
    quint16 typeLength = 0;
    quint8 categoryTextLength = 0; // only with UnknownCategory
    quint8 severityTextLength = 0; // only with UnknownSeverity
    quint32 dataLength = 0;        // bytes of data (the event's "data" JSON as sent, or the raw payload)
    quint32 payloadSize = 0;       // bytes of the whole message as received (saturates at 4 GiB)
    EventCategory category = EventCategory::Unknown;
    EventSeverity severity = EventSeverity::Unknown;
    LiveSource source = LiveSource::Redis;
    quint8 flags = 0;

    bool has(Flag flag) const { return (flags & flag) != 0; }
    LiveLane lane() const;
    // Where the event sits on the time axis: timestamp, or receivedAt when ClockSkewed/NoTimestamp.
    qint64 axisTime() const { return (flags & (ClockSkewed | NoTimestamp)) ? receivedAt : timestamp; }
};

// Limits for one message. Anything larger is kept as an unparseable event ("too large") with the
// first RawPreviewBytes of it.
struct LiveEventLimits
{
    static constexpr qint64 MaxMessageBytes = 1024 * 1024;
    static constexpr qint64 RawPreviewBytes = 16 * 1024;
    static constexpr qint64 MaxTextField = 1024;      // evaluation_id, type: longer is capped
    static constexpr qint64 SkewToleranceMs = 300000; // |ts − receivedAt| beyond this: ClockSkewed
};

// A run of events and the bytes their text lives in. Built on a worker thread, moved to the GUI
// thread whole; the ring keeps batches as they come.
class LiveEventBatch
{
public:
    const std::vector<LiveEventRecord> &records() const { return m_records; }
    qsizetype size() const { return qsizetype(m_records.size()); }
    bool isEmpty() const { return m_records.empty(); }
    const LiveEventRecord &at(qsizetype i) const { return m_records[size_t(i)]; }

    // Text of a record of this batch (UTF-8 as received; invalid UTF-8 is replaced when decoded).
    QByteArrayView evaluationId(const LiveEventRecord &r) const;
    QByteArrayView type(const LiveEventRecord &r) const;
    QByteArrayView categoryText(const LiveEventRecord &r) const;
    QByteArrayView severityText(const LiveEventRecord &r) const;
    QByteArrayView data(const LiveEventRecord &r) const;

    // Bytes this batch holds (records and arena), for the ring's memory cap.
    qint64 memoryBytes() const;
    qint64 minAxisTime() const { return m_minAxisTime; } // of its records; undefined when empty
    qint64 maxAxisTime() const { return m_maxAxisTime; }

    // Appends a record whose text fields are given; fills textOffset and the lengths, capping
    // fields that do not fit theirs (and setting PayloadCapped when data was cut).
    void append(LiveEventRecord record, QByteArrayView evaluationId, QByteArrayView type,
                QByteArrayView categoryText, QByteArrayView severityText, QByteArrayView data);
    // Appends records of another batch (used to drop duplicates while merging).
    void appendFrom(const LiveEventBatch &other, const LiveEventRecord &record);
    void reserve(qsizetype records, qsizetype arenaBytes);
    void shrinkToFit();

private:
    std::vector<LiveEventRecord> m_records;
    QByteArray m_arena;
    qint64 m_minAxisTime = 0;
    qint64 m_maxAxisTime = 0;
};

using LiveEventBatchPtr = std::shared_ptr<const LiveEventBatch>;

// Reads the platform's JSON events (DESIGN.md §4: id, evaluation_id, type, category, severity, ts,
// data) into a batch. One parser per source; it is not thread-safe, and fast: a single pass over
// the bytes with no QJsonDocument, validating the JSON strictly.
class LiveEventParser
{
public:
    // Unparseable messages get ids counting down from -1; give each source its own range
    // (e.g. -1, -(1<<40), …) so ids stay unique across sources of one session.
    explicit LiveEventParser(LiveSource source, qint64 firstUnparseableId = -1);

    // Parses one message and appends it to `batch`: always exactly one record. A message that is
    // not valid JSON, is not an object, lacks id/type/category/severity/ts, has them with the wrong
    // type, or is larger than MaxMessageBytes becomes an Unparseable record: type holds the reason
    // ("not JSON: …", "missing field \"ts\"", "too large: 10485760 bytes"), data the raw payload
    // (capped at RawPreviewBytes). ts may be an RFC 3339 string or a number (seconds, or ms when
    // above 1e11). `receivedAt` is ms since the epoch.
    void parse(QByteArrayView message, qint64 receivedAt, LiveEventBatch &batch);

    qint64 parsedCount() const { return m_parsed; }
    qint64 unparseableCount() const { return m_unparseable; }

private:
    LiveSource m_source;
    qint64 m_nextUnparseableId;
    qint64 m_parsed = 0;
    qint64 m_unparseable = 0;
};

// The inverse, for the publisher, the tests and the benchmark: one event as the platform's JSON
// (ts as RFC 3339 with milliseconds, "Z"; evaluation_id null when empty; data inserted verbatim,
// "null" when empty).
QByteArray liveEventJson(qint64 id, QStringView evaluationId, QStringView type, QStringView category,
                         QStringView severity, qint64 timestampMs, QStringView dataJson);

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::LiveEventBatchPtr)
