#include "liveevent.h"

#include "timestamp.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

QString liveSourceName(LiveSource source)
{
    switch (source) {
    case LiveSource::Redis:
        return u"Redis"_s;
    case LiveSource::Postgres:
        return u"PostgreSQL"_s;
    case LiveSource::Poll:
        return QCoreApplication::translate("Sightline::LiveEvent", "events table");
    case LiveSource::History:
        return QCoreApplication::translate("Sightline::LiveEvent", "history");
    }
    return {};
}

QString liveLaneName(LiveLane lane)
{
    switch (lane) {
    case LiveLane::Research:
        return u"research"_s;
    case LiveLane::Storage:
        return u"storage"_s;
    case LiveLane::Infrastructure:
        return u"infrastructure"_s;
    case LiveLane::Security:
        return u"security"_s;
    case LiveLane::Other:
        return u"other"_s;
    case LiveLane::Unparseable:
        return u"unparseable"_s;
    }
    return {};
}

QString liveLaneDisplayName(LiveLane lane)
{
    const char *text = "";
    switch (lane) {
    case LiveLane::Research:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Research");
        break;
    case LiveLane::Storage:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Storage");
        break;
    case LiveLane::Infrastructure:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Infrastructure");
        break;
    case LiveLane::Security:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Security");
        break;
    case LiveLane::Other:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Other");
        break;
    case LiveLane::Unparseable:
        text = QT_TRANSLATE_NOOP("Sightline::LiveEvent", "Unparseable");
        break;
    }
    return QCoreApplication::translate("Sightline::LiveEvent", text);
}

LiveLane laneForCategory(EventCategory category)
{
    switch (category) {
    case EventCategory::Research:
        return LiveLane::Research;
    case EventCategory::Storage:
        return LiveLane::Storage;
    case EventCategory::Infrastructure:
        return LiveLane::Infrastructure;
    case EventCategory::Security:
        return LiveLane::Security;
    case EventCategory::Unknown:
        break;
    }
    return LiveLane::Other;
}

LiveLane LiveEventRecord::lane() const
{
    if (flags & Unparseable)
        return LiveLane::Unparseable;
    return laneForCategory(category);
}

// ---- LiveEventBatch -------------------------------------------------------------------------

QByteArrayView LiveEventBatch::evaluationId(const LiveEventRecord &r) const
{
    return QByteArrayView(m_arena.constData() + r.textOffset, r.evaluationIdLength);
}

QByteArrayView LiveEventBatch::type(const LiveEventRecord &r) const
{
    return QByteArrayView(m_arena.constData() + r.textOffset + r.evaluationIdLength, r.typeLength);
}

QByteArrayView LiveEventBatch::categoryText(const LiveEventRecord &r) const
{
    return QByteArrayView(m_arena.constData() + r.textOffset + r.evaluationIdLength + r.typeLength,
                          r.categoryTextLength);
}

QByteArrayView LiveEventBatch::severityText(const LiveEventRecord &r) const
{
    return QByteArrayView(m_arena.constData() + r.textOffset + r.evaluationIdLength + r.typeLength +
                              r.categoryTextLength,
                          r.severityTextLength);
}

QByteArrayView LiveEventBatch::data(const LiveEventRecord &r) const
{
    return QByteArrayView(m_arena.constData() + r.textOffset + r.evaluationIdLength + r.typeLength +
                              r.categoryTextLength + r.severityTextLength,
                          r.dataLength);
}

qint64 LiveEventBatch::memoryBytes() const
{
    return qint64(sizeof(LiveEventBatch)) + qint64(m_records.capacity() * sizeof(LiveEventRecord)) +
           qint64(m_arena.capacity());
}

namespace {
// Cuts at most `max` bytes, never inside a UTF-8 sequence (a cut sequence would decode as U+FFFD).
QByteArrayView capUtf8(QByteArrayView text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype n = max;
    while (n > 0 && (quint8(text[n]) & 0xC0) == 0x80)
        --n;
    return text.first(n);
}
} // namespace

void LiveEventBatch::append(LiveEventRecord record, QByteArrayView evaluationId, QByteArrayView type,
                            QByteArrayView categoryText, QByteArrayView severityText, QByteArrayView data)
{
    evaluationId = capUtf8(evaluationId, LiveEventLimits::MaxTextField);
    type = capUtf8(type, LiveEventLimits::MaxTextField);
    categoryText = capUtf8(categoryText, 255);
    severityText = capUtf8(severityText, 255);
    const QByteArrayView cappedData = capUtf8(data, LiveEventLimits::RawPreviewBytes);
    if (cappedData.size() < data.size())
        record.flags |= LiveEventRecord::PayloadCapped;
    // The arena is addressed by 32-bit offsets: a batch never grows past 4 GiB (the sources hand
    // batches on every few hundred milliseconds; this only guards against misuse).
    if (m_arena.size() > qsizetype(std::numeric_limits<quint32>::max()) - (1 << 20))
        return;
    record.textOffset = quint32(m_arena.size());
    record.evaluationIdLength = quint16(evaluationId.size());
    record.typeLength = quint16(type.size());
    record.categoryTextLength = quint8(categoryText.size());
    record.severityTextLength = quint8(severityText.size());
    record.dataLength = quint32(cappedData.size());
    m_arena.append(evaluationId.data(), evaluationId.size());
    m_arena.append(type.data(), type.size());
    m_arena.append(categoryText.data(), categoryText.size());
    m_arena.append(severityText.data(), severityText.size());
    m_arena.append(cappedData.data(), cappedData.size());
    const qint64 axis = record.axisTime();
    if (m_records.empty()) {
        m_minAxisTime = m_maxAxisTime = axis;
    } else {
        m_minAxisTime = std::min(m_minAxisTime, axis);
        m_maxAxisTime = std::max(m_maxAxisTime, axis);
    }
    m_records.push_back(record);
}

void LiveEventBatch::appendFrom(const LiveEventBatch &other, const LiveEventRecord &record)
{
    append(record, other.evaluationId(record), other.type(record), other.categoryText(record),
           other.severityText(record), other.data(record));
}

void LiveEventBatch::reserve(qsizetype records, qsizetype arenaBytes)
{
    m_records.reserve(size_t(records));
    m_arena.reserve(arenaBytes);
}

void LiveEventBatch::shrinkToFit()
{
    m_records.shrink_to_fit();
    m_arena.squeeze();
}

// ---- JSON text ----------------------------------------------------------------------------

namespace {

inline bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The single-pass reader of one event object. Strings without escapes are views into the message;
// with escapes they are decoded into `scratch` buffers.
class EventScanner
{
public:
    EventScanner(const char *b, const char *e)
        : m_begin(b)
        , m_cur(b)
        , m_end(e)
    {
    }

    QByteArray error; // why the message is not an event; empty while fine

    bool fail(const QByteArray &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }
    bool failAt(const char *what)
    {
        if (m_cur >= m_end)
            return fail(QByteArray("not JSON: unexpected end, expected ") + what);
        return fail(QByteArray("not JSON: expected ") + what + " at byte " +
                    QByteArray::number(m_cur - m_begin));
    }

    void skipWs()
    {
        while (m_cur < m_end && isWs(*m_cur))
            ++m_cur;
    }
    bool atEnd() const { return m_cur >= m_end; }
    bool peek(char c) const { return m_cur < m_end && *m_cur == c; }
    bool consume(char c)
    {
        skipWs();
        if (peek(c)) {
            ++m_cur;
            return true;
        }
        return false;
    }

    // A string at the cursor. `out` is a view into the message, or into `decoded` when escaped.
    bool readString(QByteArrayView &out, QByteArray &decoded)
    {
        skipWs();
        if (!peek('"'))
            return failAt("a string");
        const char *start = ++m_cur;
        bool escaped = false;
        while (m_cur < m_end) {
            const char c = *m_cur;
            if (c == '"')
                break;
            if (quint8(c) < 0x20)
                return fail("not JSON: control character in a string at byte " +
                            QByteArray::number(m_cur - m_begin));
            if (c == '\\') {
                escaped = true;
                if (++m_cur >= m_end)
                    break;
            }
            ++m_cur;
        }
        if (m_cur >= m_end)
            return fail("not JSON: unterminated string");
        const char *stop = m_cur++;
        if (!escaped) {
            out = QByteArrayView(start, stop - start);
            return true;
        }
        decoded.clear();
        decoded.reserve(stop - start);
        for (const char *p = start; p < stop; ++p) {
            if (*p != '\\') {
                decoded.append(*p);
                continue;
            }
            const char c = *++p;
            switch (c) {
            case '"':
            case '\\':
            case '/':
                decoded.append(c);
                break;
            case 'b':
                decoded.append('\b');
                break;
            case 'f':
                decoded.append('\f');
                break;
            case 'n':
                decoded.append('\n');
                break;
            case 'r':
                decoded.append('\r');
                break;
            case 't':
                decoded.append('\t');
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(p + 1, stop, cp))
                    return fail("not JSON: bad \\u escape");
                p += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && stop - p > 6 && p[1] == '\\' && p[2] == 'u') {
                    char32_t low = 0;
                    if (hex4(p + 3, stop, low) && low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        p += 6;
                    }
                }
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD; // a lone surrogate
                appendUtf8(decoded, cp);
                break;
            }
            default:
                return fail("not JSON: bad escape \\" + QByteArray(1, c));
            }
        }
        out = QByteArrayView(decoded);
        return true;
    }

    // A JSON number at the cursor, validated; its text in `out`.
    bool readNumber(QByteArrayView &out)
    {
        skipWs();
        const char *start = m_cur;
        const char *p = m_cur;
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end || !isDigit(*p))
            return failAt("a number");
        if (*p == '0')
            ++p;
        else
            while (p < m_end && isDigit(*p))
                ++p;
        if (p < m_end && *p == '.') {
            ++p;
            if (p >= m_end || !isDigit(*p))
                return fail("not JSON: bad number");
            while (p < m_end && isDigit(*p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= m_end || !isDigit(*p))
                return fail("not JSON: bad number");
            while (p < m_end && isDigit(*p))
                ++p;
        }
        m_cur = p;
        out = QByteArrayView(start, p - start);
        return true;
    }

    bool readLiteral(const char *word)
    {
        const qsizetype n = qsizetype(qstrlen(word));
        if (m_end - m_cur < n || memcmp(m_cur, word, size_t(n)) != 0)
            return failAt(word);
        m_cur += n;
        return true;
    }

    // Any value, validated; its raw text in `raw`.
    bool skipValue(QByteArrayView &raw, int depth = 0)
    {
        skipWs();
        if (depth > 64)
            return fail("not JSON: nested deeper than 64 levels");
        const char *start = m_cur;
        if (atEnd())
            return failAt("a value");
        QByteArrayView ignored;
        QByteArray scratch;
        switch (*m_cur) {
        case '"':
            if (!skipString())
                return false;
            break;
        case '{':
            ++m_cur;
            if (!consume('}')) {
                do {
                    skipWs();
                    if (!skipString())
                        return false;
                    if (!consume(':'))
                        return failAt("':'");
                    if (!skipValue(ignored, depth + 1))
                        return false;
                } while (consume(','));
                if (!consume('}'))
                    return failAt("',' or '}'");
            }
            break;
        case '[':
            ++m_cur;
            if (!consume(']')) {
                do {
                    if (!skipValue(ignored, depth + 1))
                        return false;
                } while (consume(','));
                if (!consume(']'))
                    return failAt("',' or ']'");
            }
            break;
        case 't':
            if (!readLiteral("true"))
                return false;
            break;
        case 'f':
            if (!readLiteral("false"))
                return false;
            break;
        case 'n':
            if (!readLiteral("null"))
                return false;
            break;
        default:
            if (!readNumber(ignored))
                return false;
        }
        raw = QByteArrayView(start, m_cur - start);
        return true;
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // A string skipped without decoding (escapes checked for shape only).
    bool skipString()
    {
        if (!peek('"'))
            return failAt("a string");
        ++m_cur;
        while (m_cur < m_end) {
            const char c = *m_cur;
            if (c == '"') {
                ++m_cur;
                return true;
            }
            if (quint8(c) < 0x20)
                return fail("not JSON: control character in a string at byte " +
                            QByteArray::number(m_cur - m_begin));
            if (c == '\\') {
                if (m_cur + 1 >= m_end)
                    break;
                const char e = m_cur[1];
                if (e == 'u') {
                    char32_t ignored = 0;
                    if (!hex4(m_cur + 2, m_end, ignored))
                        return fail("not JSON: bad \\u escape");
                    m_cur += 6;
                    continue;
                }
                if (!strchr("\"\\/bfnrt", e) || e == 0)
                    return fail("not JSON: bad escape \\" + QByteArray(1, e));
                m_cur += 2;
                continue;
            }
            ++m_cur;
        }
        return fail("not JSON: unterminated string");
    }

    static bool hex4(const char *p, const char *end, char32_t &out)
    {
        if (end - p < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = p[i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= char32_t(c - 'A' + 10);
            else
                return false;
        }
        out = v;
        return true;
    }

    static void appendUtf8(QByteArray &out, char32_t cp)
    {
        if (cp < 0x80) {
            out.append(char(cp));
        } else if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        }
    }

    const char *m_begin;
    const char *m_cur;
    const char *m_end;
};

std::optional<qint64> parseInteger(QByteArrayView text)
{
    // 18 digits always fit a qint64; an id longer than that is not one the platform writes.
    if (text.isEmpty() || text.size() > (text.startsWith('-') ? 19 : 18))
        return std::nullopt;
    qint64 v = 0;
    qsizetype i = 0;
    const bool negative = text[0] == '-';
    if (negative)
        ++i;
    if (i >= text.size())
        return std::nullopt;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
}

} // namespace

// ---- LiveEventParser --------------------------------------------------------------------

LiveEventParser::LiveEventParser(LiveSource source, qint64 firstUnparseableId)
    : m_source(source)
    , m_nextUnparseableId(firstUnparseableId < 0 ? firstUnparseableId : -1)
{
}

namespace {
EventCategory categoryFromBytes(QByteArrayView s)
{
    if (s == "research")
        return EventCategory::Research;
    if (s == "storage")
        return EventCategory::Storage;
    if (s == "infrastructure")
        return EventCategory::Infrastructure;
    if (s == "security")
        return EventCategory::Security;
    return EventCategory::Unknown;
}

EventSeverity severityFromBytes(QByteArrayView s)
{
    if (s == "info")
        return EventSeverity::Info;
    if (s == "warning")
        return EventSeverity::Warning;
    if (s == "error")
        return EventSeverity::Error;
    if (s == "critical")
        return EventSeverity::Critical;
    return EventSeverity::Unknown;
}
} // namespace

void LiveEventParser::parse(QByteArrayView message, qint64 receivedAt, LiveEventBatch &batch)
{
    LiveEventRecord record;
    record.receivedAt = receivedAt;
    record.source = m_source;
    record.payloadSize = quint32(std::min<qint64>(message.size(), std::numeric_limits<quint32>::max()));

    auto unparseable = [&](const QByteArray &reason) {
        record.id = m_nextUnparseableId--;
        record.timestamp = receivedAt;
        record.flags = LiveEventRecord::Unparseable | LiveEventRecord::NoTimestamp;
        record.category = EventCategory::Unknown;
        record.severity = EventSeverity::Unknown;
        ++m_unparseable;
        batch.append(record, {}, reason, {}, {}, message);
    };

    if (message.size() > LiveEventLimits::MaxMessageBytes) {
        unparseable("too large: " + QByteArray::number(message.size()) + " bytes (the limit is " +
                    QByteArray::number(LiveEventLimits::MaxMessageBytes) + ")");
        return;
    }

    EventScanner scan(message.data(), message.data() + message.size());
    QByteArrayView evaluationId, type, category, severity, data, key, value;
    QByteArray evaluationIdBuf, typeBuf, categoryBuf, severityBuf, keyBuf, tsBuf;
    bool haveId = false, haveType = false, haveCategory = false, haveSeverity = false, haveTs = false;
    QByteArray wrongField;

    if (!scan.consume('{')) {
        scan.skipWs();
        if (scan.atEnd())
            unparseable("not JSON: empty message");
        else if (scan.peek('[') || scan.peek('"') || scan.peek('-') || scan.peek('t') || scan.peek('f') ||
                 scan.peek('n') || (message.size() && message[0] >= '0' && message[0] <= '9'))
            unparseable("not an event: the message is JSON but not an object");
        else
            unparseable("not JSON: expected '{' at byte 0");
        return;
    }
    if (!scan.consume('}')) {
        do {
            if (!scan.readString(key, keyBuf))
                break;
            if (!scan.consume(':')) {
                scan.failAt("':'");
                break;
            }
            scan.skipWs();
            const bool isNull = scan.peek('n');
            const bool isString = scan.peek('"');
            if (key == "id") {
                if (isString ? !scan.readString(value, tsBuf) : !scan.skipValue(value))
                    break;
                const std::optional<qint64> id = parseInteger(value);
                if (!id) {
                    wrongField = "field \"id\" is not an integer";
                } else {
                    record.id = *id;
                    haveId = true;
                }
            } else if (key == "evaluation_id") {
                if (isString) {
                    if (!scan.readString(evaluationId, evaluationIdBuf))
                        break;
                } else {
                    if (!scan.skipValue(value))
                        break;
                    evaluationId = {};
                    if (!isNull)
                        wrongField = "field \"evaluation_id\" is not a string";
                }
            } else if (key == "type" || key == "category" || key == "severity") {
                QByteArrayView &out = key == "type" ? type : key == "category" ? category : severity;
                QByteArray &buf = key == "type" ? typeBuf : key == "category" ? categoryBuf : severityBuf;
                bool &have = key == "type" ? haveType : key == "category" ? haveCategory : haveSeverity;
                const QByteArray name = key.toByteArray();
                if (!isString) {
                    if (!scan.skipValue(value))
                        break;
                    wrongField = "field \"" + name + "\" is not a string";
                } else {
                    if (!scan.readString(out, buf))
                        break;
                    have = true;
                }
            } else if (key == "ts") {
                if (isString) {
                    if (!scan.readString(value, tsBuf))
                        break;
                    // ASCII when it is a time at all; other bytes become letters parseTimestamp refuses.
                    const Timestamp ts = parseTimestamp(QString::fromLatin1(value));
                    if (!ts) {
                        wrongField = "field \"ts\" is not an RFC 3339 time: \"" +
                                     value.first(std::min<qsizetype>(value.size(), 64)).toByteArray() + '"';
                    } else {
                        record.timestamp = *ts;
                        haveTs = true;
                    }
                } else {
                    if (!scan.skipValue(value))
                        break;
                    bool ok = false;
                    const double v = value.toByteArray().toDouble(&ok);
                    if (isNull || !ok || !std::isfinite(v) || std::abs(v) > 1e16) {
                        wrongField = "field \"ts\" is not a time";
                    } else {
                        // Seconds unless it only makes sense as milliseconds (past the year 5138).
                        record.timestamp =
                            std::abs(v) < 1e11 ? qint64(std::llround(v * 1000)) : qint64(std::llround(v));
                        haveTs = true;
                    }
                }
            } else if (key == "data") {
                if (!scan.skipValue(data))
                    break;
                if (isNull)
                    data = {};
            } else if (!scan.skipValue(value)) {
                break;
            }
        } while (scan.consume(','));
        if (scan.error.isEmpty() && !scan.consume('}'))
            scan.failAt("',' or '}'");
    }
    if (scan.error.isEmpty()) {
        scan.skipWs();
        if (!scan.atEnd())
            scan.fail("not JSON: text after the object");
    }
    if (!scan.error.isEmpty()) {
        unparseable(scan.error);
        return;
    }
    if (!wrongField.isEmpty()) {
        unparseable(wrongField);
        return;
    }
    const char *missing = !haveId         ? "id"
                          : !haveType     ? "type"
                          : !haveCategory ? "category"
                          : !haveSeverity ? "severity"
                          : !haveTs       ? "ts"
                                          : nullptr;
    if (missing) {
        unparseable(QByteArray("missing field \"") + missing + '"');
        return;
    }
    if (record.id <= 0) {
        unparseable("field \"id\" is not a positive integer");
        return;
    }
    record.category = categoryFromBytes(category);
    record.severity = severityFromBytes(severity);
    if (record.category == EventCategory::Unknown)
        record.flags |= LiveEventRecord::UnknownCategory;
    if (record.severity == EventSeverity::Unknown)
        record.flags |= LiveEventRecord::UnknownSeverity;
    if (m_source != LiveSource::History &&
        std::abs(record.timestamp - receivedAt) > LiveEventLimits::SkewToleranceMs)
        record.flags |= LiveEventRecord::ClockSkewed;
    ++m_parsed;
    batch.append(record, evaluationId, type,
                 record.category == EventCategory::Unknown ? category : QByteArrayView(),
                 record.severity == EventSeverity::Unknown ? severity : QByteArrayView(), data);
}

// ---- liveEventJson ------------------------------------------------------------------------

namespace {
void appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (quint8(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[(c >> 4) & 0xF]);
                out.append(hex[c & 0xF]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

} // namespace

QByteArray liveEventJson(qint64 id, QStringView evaluationId, QStringView type, QStringView category,
                         QStringView severity, qint64 timestampMs, QStringView dataJson)
{
    QByteArray out;
    out.reserve(160 + dataJson.size());
    out.append("{\"id\":");
    out.append(QByteArray::number(id));
    out.append(",\"evaluation_id\":");
    if (evaluationId.isEmpty())
        out.append("null");
    else
        appendJsonString(out, evaluationId);
    out.append(",\"type\":");
    appendJsonString(out, type);
    out.append(",\"category\":");
    appendJsonString(out, category);
    out.append(",\"severity\":");
    appendJsonString(out, severity);
    out.append(",\"ts\":\"");
    out.append(formatTimestampUtc(timestampMs).toLatin1());
    out.append("\",\"data\":");
    if (dataJson.isEmpty())
        out.append("null");
    else
        out.append(dataJson.toUtf8());
    out.append('}');
    return out;
}

} // namespace Sightline
