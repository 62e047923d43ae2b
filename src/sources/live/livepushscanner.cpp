#include "livepushscanner.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr qsizetype InitialCapacity = 1024 * 1024;
constexpr qsizetype MaxLine = 64 * 1024;
constexpr int MaxElements = 8; // pushes have 3 or 4; anything longer is skipped as Other
} // namespace

LivePushScanner::LivePushScanner()
    : m_buffer(size_t(InitialCapacity))
{
}

void LivePushScanner::reset()
{
    m_begin = m_end = m_needed = 0;
    m_error.clear();
    if (m_buffer.size() > size_t(InitialCapacity))
        std::vector<char>(size_t(InitialCapacity)).swap(m_buffer);
}

char *LivePushScanner::writeSpace(qsizetype minFree, qsizetype &available)
{
    if (m_begin == m_end) {
        m_begin = m_end = 0;
        // A huge message is done: give its memory back.
        if (m_buffer.size() > size_t(8 * InitialCapacity) && m_needed == 0)
            std::vector<char>(size_t(InitialCapacity)).swap(m_buffer);
    }
    const qsizetype pending = m_end - m_begin;
    // Room for the item in progress in one piece, so that completing it never moves it again.
    const qsizetype wanted = qMax(pending + minFree, m_needed + minFree);
    if (qsizetype(m_buffer.size()) - m_end < minFree || qsizetype(m_buffer.size()) < wanted) {
        if (m_begin > 0) {
            std::memmove(m_buffer.data(), m_buffer.data() + m_begin, size_t(pending));
            m_begin = 0;
            m_end = pending;
        }
        if (qsizetype(m_buffer.size()) < wanted)
            m_buffer.resize(size_t(qMax(wanted, qsizetype(m_buffer.size()) * 2)));
    }
    available = qsizetype(m_buffer.size()) - m_end;
    return m_buffer.data() + m_end;
}

LivePushScanner::Item LivePushScanner::fail(const QString &why)
{
    m_error = why;
    Item item;
    item.kind = Kind::Protocol;
    return item;
}

LivePushScanner::Step LivePushScanner::readLine(qsizetype &pos, QByteArrayView &line)
{
    const char *start = m_buffer.data() + pos;
    const qsizetype left = m_end - pos;
    const void *cr = std::memchr(start, '\r', size_t(qMin(left, MaxLine)));
    if (!cr) {
        if (left >= MaxLine)
            return Step::Failed;
        return Step::Incomplete;
    }
    const qsizetype length = static_cast<const char *>(cr) - start;
    if (length + 1 >= left)
        return Step::Incomplete;
    if (start[length + 1] != '\n')
        return Step::Failed;
    line = QByteArrayView(start, length);
    pos += length + 2;
    return Step::Done;
}

LivePushScanner::Step LivePushScanner::readInteger(qsizetype &pos, qint64 &value)
{
    QByteArrayView line;
    const Step step = readLine(pos, line);
    if (step != Step::Done)
        return step;
    bool negative = false;
    qsizetype i = 0;
    if (!line.isEmpty() && line[0] == '-') {
        negative = true;
        i = 1;
    }
    if (i == line.size() || line.size() - i > 18)
        return Step::Failed;
    qint64 v = 0;
    for (; i < line.size(); ++i) {
        const char c = line[i];
        if (c < '0' || c > '9')
            return Step::Failed;
        v = v * 10 + (c - '0');
    }
    value = negative ? -v : v;
    return Step::Done;
}

LivePushScanner::Item LivePushScanner::next()
{
    Item item;
    if (!m_error.isEmpty())
        return fail(m_error);
    if (m_end - m_begin < qMax<qsizetype>(m_needed, 1))
        return item;
    qsizetype pos = m_begin;
    const char type = m_buffer[size_t(pos)];
    ++pos;
    auto incomplete = [&](qsizetype needed) {
        m_needed = needed;
        return Item{};
    };
    if (type == '+' || type == '-' || type == ':') {
        QByteArrayView line;
        const Step step = readLine(pos, line);
        if (step == Step::Incomplete)
            return incomplete(m_end - m_begin + 1);
        if (step == Step::Failed)
            return fail(u"a reply line that does not end in CRLF"_s);
        item.kind = type == '+' ? Kind::Status : type == '-' ? Kind::Error : Kind::Other;
        item.text = line;
        m_begin = pos;
        m_needed = 0;
        return item;
    }
    if (type != '*' && type != '>')
        return fail(u"an unexpected reply type '%1'"_s.arg(QLatin1Char(type)));

    qint64 count = 0;
    Step step = readInteger(pos, count);
    if (step == Step::Incomplete)
        return incomplete(m_end - m_begin + 1);
    if (step == Step::Failed || count > (qint64(1) << 32))
        return fail(u"an array header that is not a number"_s);
    QByteArrayView elements[MaxElements];
    for (qint64 e = 0; e < count; ++e) {
        if (pos >= m_end)
            return incomplete(m_end - m_begin + 1);
        const char elementType = m_buffer[size_t(pos)];
        ++pos;
        QByteArrayView value;
        if (elementType == '$') {
            qint64 length = 0;
            step = readInteger(pos, length);
            if (step == Step::Incomplete)
                return incomplete(m_end - m_begin + 1);
            if (step == Step::Failed || length > MaxBulkLength || length < -1)
                return fail(u"a bulk string length that is not valid"_s);
            if (length >= 0) {
                if (m_end - pos < length + 2)
                    return incomplete(pos - m_begin + length + 2);
                if (m_buffer[size_t(pos + length)] != '\r' || m_buffer[size_t(pos + length + 1)] != '\n')
                    return fail(u"a bulk string that does not end in CRLF"_s);
                value = QByteArrayView(m_buffer.data() + pos, length);
                pos += length + 2;
            }
        } else if (elementType == ':' || elementType == '+' || elementType == '-') {
            step = readLine(pos, value);
            if (step == Step::Incomplete)
                return incomplete(m_end - m_begin + 1);
            if (step == Step::Failed)
                return fail(u"a reply line that does not end in CRLF"_s);
        } else {
            // Nested arrays never appear in what a subscribed connection receives.
            return fail(u"an unexpected element type '%1'"_s.arg(QLatin1Char(elementType)));
        }
        if (e < MaxElements)
            elements[e] = value;
    }
    m_begin = pos;
    m_needed = 0;
    const QByteArrayView kind = count > 0 ? elements[0] : QByteArrayView();
    if (count == 3 && kind == "message") {
        item.kind = Kind::Message;
        item.channel = elements[1];
        item.payload = elements[2];
    } else if (count == 4 && kind == "pmessage") {
        item.kind = Kind::Message;
        item.pattern = elements[1];
        item.channel = elements[2];
        item.payload = elements[3];
    } else if (count == 3 && (kind == "subscribe" || kind == "psubscribe")) {
        item.kind = Kind::Subscribed;
        item.channel = elements[1];
    } else if (count >= 1 && kind == "pong") {
        item.kind = Kind::Pong;
    } else {
        item.kind = Kind::Other;
        item.text = kind;
    }
    return item;
}

} // namespace Sightline
