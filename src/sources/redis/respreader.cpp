#include "respreader.h"

#include <cstring>
#include <limits>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString printable(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f)
        return u"'%1' (0x%2)"_s.arg(QChar(char16_t(u))).arg(uint(u), 2, 16, QChar(u'0'));
    return u"0x%1"_s.arg(uint(u), 2, 16, QChar(u'0'));
}

// Strict: an optional '-', then 1..19 digits, nothing else (no spaces, no '+', no overflow).
std::optional<qint64> parseStrictInteger(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    qsizetype i = 0;
    if (text.at(0) == '-') {
        negative = true;
        i = 1;
    }
    if (i == text.size() || text.size() - i > 19)
        return std::nullopt;
    quint64 value = 0;
    for (; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + quint64(c - '0');
    }
    if (value > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return negative ? -qint64(value) : qint64(value);
}

} // namespace

std::optional<qint64> RespValue::toInteger() const
{
    if (type == Type::Integer || type == Type::Boolean)
        return integer;
    if (isString() || type == Type::BigNumber)
        return parseStrictInteger(data);
    return std::nullopt;
}

QString RespValue::toDisplayString() const
{
    switch (type) {
    case Type::SimpleString:
    case Type::Error:
    case Type::BulkString:
    case Type::Double:
    case Type::BigNumber:
        return QString::fromUtf8(data.left(200));
    case Type::Integer:
    case Type::Boolean:
        return QString::number(integer);
    case Type::Null:
        return u"(nil)"_s;
    case Type::Array:
    case Type::Map:
        return u"(%1 elements)"_s.arg(elements.size());
    }
    return {};
}

void RespReader::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    // Drop what was taken before growing the buffer, so a long stream does not keep it all.
    if (m_pos > 0 && (m_pos == m_buffer.size() || m_pos > 1024 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

void RespReader::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_error.clear();
}

std::optional<RespValue> RespReader::take()
{
    if (hasError() || m_pos >= m_buffer.size())
        return std::nullopt;
    qsizetype pos = m_pos;
    RespValue value;
    if (parseValue(pos, value, 0) != Parse::Done)
        return std::nullopt;
    m_pos = pos;
    return value;
}

RespReader::Parse RespReader::fail(qsizetype pos, const QString &message)
{
    m_error = QCoreApplication::translate("Sightline::RedisConnection", "Malformed RESP reply at byte %1: %2")
                  .arg(pos)
                  .arg(message);
    return Parse::Failed;
}

RespReader::Parse RespReader::parseLine(qsizetype &pos, QByteArrayView &line)
{
    const char *begin = m_buffer.constData() + pos;
    const qsizetype available = m_buffer.size() - pos;
    const qsizetype limit = qMin<qsizetype>(available, MaxLineLength + 2);
    const void *cr = limit > 0 ? std::memchr(begin, '\r', size_t(limit)) : nullptr;
    if (!cr) {
        if (available > MaxLineLength)
            return fail(pos, u"a header line longer than %1 bytes without CRLF"_s.arg(MaxLineLength));
        return Parse::Incomplete;
    }
    const qsizetype length = static_cast<const char *>(cr) - begin;
    if (length + 1 >= available)
        return Parse::Incomplete;
    if (begin[length + 1] != '\n')
        return fail(pos + length + 1, u"CR not followed by LF"_s);
    line = QByteArrayView(begin, length);
    pos += length + 2;
    return Parse::Done;
}

RespReader::Parse RespReader::parseLength(qsizetype &pos, qint64 max, const char *what, qint64 &length)
{
    const qsizetype start = pos;
    QByteArrayView line;
    if (const Parse p = parseLine(pos, line); p != Parse::Done)
        return p;
    const std::optional<qint64> value = parseStrictInteger(line);
    if (!value)
        return fail(start, u"%1 length \"%2\" is not a number"_s.arg(
                               QLatin1StringView(what),
                               QString::fromLatin1(line.first(qMin<qsizetype>(40, line.size())))));
    if (*value < -1)
        return fail(start, u"negative %1 length %2"_s.arg(QLatin1StringView(what)).arg(*value));
    if (*value > max)
        return fail(
            start,
            u"%1 length %2 exceeds the limit of %3"_s.arg(QLatin1StringView(what)).arg(*value).arg(max));
    length = *value;
    return Parse::Done;
}

RespReader::Parse RespReader::parseValue(qsizetype &pos, RespValue &out, int depth)
{
    if (depth > MaxDepth)
        return fail(pos, u"arrays nested deeper than %1 levels"_s.arg(MaxDepth));
    if (pos >= m_buffer.size())
        return Parse::Incomplete;
    const qsizetype start = pos;
    const char marker = m_buffer.at(pos++);
    switch (marker) {
    case '+':
    case '-':
    case ':':
    case ',':
    case '(':
    case '#':
    case '_': {
        QByteArrayView line;
        if (const Parse p = parseLine(pos, line); p != Parse::Done)
            return p;
        if (marker == '+') {
            out.type = RespValue::Type::SimpleString;
            out.data = line.toByteArray();
        } else if (marker == '-') {
            out.type = RespValue::Type::Error;
            out.data = line.toByteArray();
        } else if (marker == ':') {
            const std::optional<qint64> value = parseStrictInteger(line);
            if (!value)
                return fail(start, u"integer \"%1\" is not a number"_s.arg(
                                       QString::fromLatin1(line.first(qMin<qsizetype>(40, line.size())))));
            out.type = RespValue::Type::Integer;
            out.integer = *value;
        } else if (marker == ',') {
            out.type = RespValue::Type::Double;
            out.data = line.toByteArray();
        } else if (marker == '(') {
            out.type = RespValue::Type::BigNumber;
            out.data = line.toByteArray();
        } else if (marker == '#') {
            if (line != "t" && line != "f")
                return fail(start, u"boolean is neither t nor f"_s);
            out.type = RespValue::Type::Boolean;
            out.integer = line == "t" ? 1 : 0;
        } else {
            if (!line.isEmpty())
                return fail(start, u"null carries data"_s);
            out.type = RespValue::Type::Null;
        }
        return Parse::Done;
    }
    case '$':
    case '=':
    case '!': {
        qint64 length = 0;
        if (const Parse p = parseLength(pos, MaxBulkLength, "bulk string", length); p != Parse::Done)
            return p;
        if (length == -1) {
            out.type = RespValue::Type::Null;
            return Parse::Done;
        }
        if (m_buffer.size() - pos < length + 2)
            return Parse::Incomplete;
        if (m_buffer.at(pos + length) != '\r' || m_buffer.at(pos + length + 1) != '\n')
            return fail(pos + length, u"bulk string of %1 bytes not followed by CRLF"_s.arg(length));
        out.type = marker == '!' ? RespValue::Type::Error : RespValue::Type::BulkString;
        out.data = m_buffer.mid(pos, length);
        pos += length + 2;
        return Parse::Done;
    }
    case '*':
    case '~':
    case '>':
    case '%': {
        qint64 count = 0;
        if (const Parse p = parseLength(pos, MaxElements, "array", count); p != Parse::Done)
            return p;
        if (count == -1) {
            out.type = RespValue::Type::Null;
            return Parse::Done;
        }
        if (marker == '%')
            count *= 2;
        // Every element takes at least 3 bytes: do not reserve for elements not yet received.
        if (count * 3 > m_buffer.size() - pos)
            return Parse::Incomplete;
        out.type = marker == '%' ? RespValue::Type::Map : RespValue::Type::Array;
        out.elements.clear();
        out.elements.reserve(qsizetype(count));
        for (qint64 i = 0; i < count; ++i) {
            RespValue element;
            if (const Parse p = parseValue(pos, element, depth + 1); p != Parse::Done)
                return p;
            out.elements.append(std::move(element));
        }
        return Parse::Done;
    }
    default:
        return fail(start, u"unexpected type byte %1; not a RESP reply"_s.arg(printable(marker)));
    }
}

QByteArray encodeCommand(const QList<QByteArray> &args)
{
    qsizetype size = 16;
    for (const QByteArray &arg : args)
        size += arg.size() + 16;
    QByteArray out;
    out.reserve(size);
    out += '*';
    out += QByteArray::number(args.size());
    out += "\r\n";
    for (const QByteArray &arg : args) {
        out += '$';
        out += QByteArray::number(arg.size());
        out += "\r\n";
        out += arg;
        out += "\r\n";
    }
    return out;
}

} // namespace Sightline
