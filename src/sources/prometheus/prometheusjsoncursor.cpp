#include "prometheusjsoncursor.h"

#include "prometheusjsontext.h"

#include <QtAlgorithms>

#include <charconv>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Sightline::PrometheusJson {

namespace {
constexpr int maxSkipDepth = 256;
} // namespace

QString Cursor::memberPath(std::string_view key) const
{
    const QString path = where();
    const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
    return path.isEmpty() ? name : path + u'.' + name;
}

Step Cursor::fail(const QString &message)
{
    failed = true;
    error = message;
    return Step::Failed;
}

// A syntax error at `cur`: where, what was expected, and what is there instead.
Step Cursor::failHere(const QString &expected)
{
    const QString found =
        cur < end ? u"\""_s + QString::fromUtf8(cur, qMin<qsizetype>(end - cur, 20)) + u'"' : u"the end"_s;
    const QString path = where();
    return fail((path.isEmpty() ? QString() : path + u": "_s) + expected + u", found "_s + found +
                u" at byte "_s + QString::number(offset(cur)));
}

// The string at p (*p == '"'): its content [*b, *e), and whether it holds escapes.
Scan Cursor::scanString(const char *p, const char **b, const char **e, const char **after,
                        bool *escaped) const
{
    bool esc = false;
    const char *q = p + 1;
    for (;;) {
        // Eight bytes at a time up to the next quote, backslash or control character.
        while (end - q >= 8) {
            quint64 v;
            std::memcpy(&v, q, 8);
            const quint64 stops = stringStops(v);
            if (stops) {
                q += qCountTrailingZeroBits(stops) / 8;
                break;
            }
            q += 8;
        }
        if (q >= end)
            return Scan::NeedMore;
        const unsigned char c = static_cast<unsigned char>(*q);
        if (c == '"') {
            *b = p + 1;
            *e = q;
            *after = q + 1;
            *escaped = esc;
            return Scan::Ok;
        }
        if (c == '\\') {
            if (end - q < 2)
                return Scan::NeedMore;
            esc = true;
            q += 2;
            continue;
        }
        if (c < 0x20)
            return Scan::Bad;
        ++q;
    }
}

bool Cursor::decode(const char *b, const char *e, bool escaped, QString *out)
{
    if (!escaped) {
        *out = QString::fromUtf8(b, e - b);
        return true;
    }
    if (!unescape(b, e, &m_scratch))
        return false;
    *out = QString::fromStdString(m_scratch);
    return true;
}

// A string value at cur (whitespace skipped).
Step Cursor::readString(QString *out, const QString &what)
{
    if (*cur != '"')
        return failHere(what + u": expected a string"_s);
    const char *b, *e, *after;
    bool escaped;
    switch (scanString(cur, &b, &e, &after, &escaped)) {
    case Scan::NeedMore:
        return Step::NeedMore;
    case Scan::Bad:
        return failHere(what + u": control character in a string"_s);
    case Scan::Ok:
        break;
    }
    if (!decode(b, e, escaped, out))
        return failHere(what + u": invalid escape in a string"_s);
    cur = after;
    return Step::Done;
}

// `"key" :` at cur; on success cur is after the colon.
Step Cursor::readKey(std::string_view *key)
{
    if (*cur != '"')
        return failHere(u"expected a member name"_s);
    const char *b, *e, *after;
    bool escaped;
    switch (scanString(cur, &b, &e, &after, &escaped)) {
    case Scan::NeedMore:
        return Step::NeedMore;
    case Scan::Bad:
        return failHere(u"control character in a member name"_s);
    case Scan::Ok:
        break;
    }
    if (escaped) {
        if (!unescape(b, e, &m_keyScratch))
            return failHere(u"invalid escape in a member name"_s);
        *key = m_keyScratch;
    } else {
        *key = std::string_view(b, size_t(e - b));
    }
    const char *p = after;
    while (p < end && isWs(*p))
        ++p;
    if (p == end)
        return Step::NeedMore;
    if (*p != ':') {
        cur = p;
        return failHere(u"expected ':'"_s);
    }
    cur = p + 1;
    return Step::Done;
}

// [time, "value"] at cur; the value's raw text is [*vb, *ve).
PointScan Cursor::readPoint(double *time, const char **vb, const char **ve, bool *vescaped)
{
    const char *p = cur;
    if (*p != '[')
        return PointScan::BadShape;
    ++p;
    while (p < end && isWs(*p))
        ++p;
    if (p == end)
        return PointScan::NeedMore;
    const char *nb = p;
    if (*p == '-')
        ++p;
    if (p == end)
        return PointScan::NeedMore;
    if (!isDigit(*p))
        return PointScan::BadShape;
    const char *fast = readShortDecimal(nb, end, time);
    if (fast && fast < end && !isNumberChar(*fast)) {
        p = fast;
    } else {
        while (p < end && isNumberChar(*p))
            ++p;
        if (p == end)
            return PointScan::NeedMore;
        const auto [ptr, ec] = std::from_chars(nb, p, *time);
        if (ptr != p || ec != std::errc() || !std::isfinite(*time))
            return PointScan::BadTime;
    }
    while (p < end && isWs(*p))
        ++p;
    if (p == end)
        return PointScan::NeedMore;
    if (*p != ',')
        return PointScan::BadShape;
    ++p;
    while (p < end && isWs(*p))
        ++p;
    if (p == end)
        return PointScan::NeedMore;
    if (*p != '"')
        return PointScan::BadShape;
    const char *after;
    switch (scanString(p, vb, ve, &after, vescaped)) {
    case Scan::NeedMore:
        return PointScan::NeedMore;
    case Scan::Bad:
        return PointScan::BadShape;
    case Scan::Ok:
        break;
    }
    p = after;
    while (p < end && isWs(*p))
        ++p;
    if (p == end)
        return PointScan::NeedMore;
    if (*p != ']')
        return PointScan::BadShape;
    cur = p + 1;
    return PointScan::Ok;
}

Step Cursor::pointError(PointScan scan, const QString &path)
{
    if (scan == PointScan::NeedMore)
        return Step::NeedMore;
    if (scan == PointScan::BadTime)
        return fail(path + u": the time is not a finite number"_s);
    return fail(path + u": expected [time, \"value\"]"_s);
}

Step Cursor::readSample(double *time, double *value, const QString &path)
{
    const char *vb, *ve;
    bool escaped;
    const PointScan scan = readPoint(time, &vb, &ve, &escaped);
    if (scan != PointScan::Ok)
        return pointError(scan, path);
    if (escaped) {
        if (!unescape(vb, ve, &m_scratch))
            return fail(path + u": invalid escape in the value"_s);
        vb = m_scratch.data();
        ve = vb + m_scratch.size();
    }
    if (!parseSampleValue(vb, ve, value))
        return fail(path + u": \""_s + QString::fromUtf8(vb, qMin<qsizetype>(ve - vb, 40)) +
                    u"\" is not a sample value"_s);
    return Step::Done;
}

// Any JSON value at cur, validated and dropped. Atomic: on NeedMore nothing is consumed.
Step Cursor::skipValue()
{
    enum class Want { Value, ValueOrClose, Key, KeyOrClose, Colon, CommaOrClose };
    char closers[maxSkipDepth];
    int open = 0;
    Want want = Want::Value;
    const char *p = cur;
    for (;;) {
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        const char c = *p;
        bool valueDone = false;
        switch (want) {
        case Want::ValueOrClose:
            if (c == ']') {
                --open;
                ++p;
                valueDone = true;
                break;
            }
            [[fallthrough]];
        case Want::Value:
            if (c == '{' || c == '[') {
                if (open == maxSkipDepth) {
                    cur = p;
                    return failHere(u"JSON nested too deeply"_s);
                }
                closers[open++] = c == '{' ? '}' : ']';
                want = c == '{' ? Want::KeyOrClose : Want::ValueOrClose;
                ++p;
            } else if (c == '"') {
                const char *b, *e, *after;
                bool escaped;
                const Scan scan = scanString(p, &b, &e, &after, &escaped);
                if (scan == Scan::NeedMore)
                    return Step::NeedMore;
                if (scan == Scan::Bad) {
                    cur = p;
                    return failHere(u"control character in a string"_s);
                }
                p = after;
                valueDone = true;
            } else if (c == '-' || isDigit(c)) {
                const char *b = p;
                while (p < end && isNumberChar(*p))
                    ++p;
                if (p == end)
                    return Step::NeedMore;
                double ignored;
                const auto [ptr, ec] = std::from_chars(b, p, ignored);
                if (ptr != p || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
                    cur = b;
                    return failHere(u"invalid number"_s);
                }
                valueDone = true;
            } else {
                const char *word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : nullptr;
                if (!word) {
                    cur = p;
                    return failHere(u"expected a JSON value"_s);
                }
                const qsizetype length = qsizetype(std::strlen(word));
                const qsizetype have = qMin<qsizetype>(end - p, length);
                if (std::memcmp(p, word, size_t(have)) != 0) {
                    cur = p;
                    return failHere(u"expected a JSON value"_s);
                }
                if (have < length)
                    return Step::NeedMore;
                p += length;
                valueDone = true;
            }
            break;
        case Want::KeyOrClose:
            if (c == '}') {
                --open;
                ++p;
                valueDone = true;
                break;
            }
            [[fallthrough]];
        case Want::Key: {
            if (c != '"') {
                cur = p;
                return failHere(u"expected a member name"_s);
            }
            const char *b, *e, *after;
            bool escaped;
            const Scan scan = scanString(p, &b, &e, &after, &escaped);
            if (scan == Scan::NeedMore)
                return Step::NeedMore;
            if (scan == Scan::Bad) {
                cur = p;
                return failHere(u"control character in a string"_s);
            }
            p = after;
            want = Want::Colon;
            break;
        }
        case Want::Colon:
            if (c != ':') {
                cur = p;
                return failHere(u"expected ':'"_s);
            }
            ++p;
            want = Want::Value;
            break;
        case Want::CommaOrClose:
            if (c == ',') {
                ++p;
                want = closers[open - 1] == '}' ? Want::Key : Want::Value;
            } else if (c == closers[open - 1]) {
                --open;
                ++p;
                valueDone = true;
            } else {
                cur = p;
                return failHere(u"expected ',' or '"_s + QLatin1Char(closers[open - 1]) + u'\'');
            }
            break;
        }
        if (valueDone) {
            if (open == 0) {
                cur = p;
                return Step::Done;
            }
            want = Want::CommaOrClose;
        }
    }
}

// {"name": "value", …} at cur.
Step Cursor::readLabels(QMap<QString, QString> *out, const QString &path)
{
    if (*cur != '{')
        return failHere(path + u": expected an object"_s);
    QMap<QString, QString> labels;
    const char *p = cur + 1;
    bool first = true;
    for (;;) {
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (first && *p == '}') {
            cur = p + 1;
            *out = std::move(labels);
            return Step::Done;
        }
        first = false;
        const char *kb, *ke, *after;
        bool kescaped;
        QString name, value;
        if (*p != '"') {
            cur = p;
            return failHere(path + u": expected a label name"_s);
        }
        Scan scan = scanString(p, &kb, &ke, &after, &kescaped);
        if (scan == Scan::NeedMore)
            return Step::NeedMore;
        if (scan == Scan::Bad || !decode(kb, ke, kescaped, &name)) {
            cur = p;
            return failHere(path + u": invalid label name"_s);
        }
        p = after;
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (*p != ':') {
            cur = p;
            return failHere(path + u": expected ':'"_s);
        }
        ++p;
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (*p != '"') {
            cur = p;
            return failHere(path + u"."_s + name + u": expected a string"_s);
        }
        const char *vb, *ve;
        bool vescaped;
        scan = scanString(p, &vb, &ve, &after, &vescaped);
        if (scan == Scan::NeedMore)
            return Step::NeedMore;
        if (scan == Scan::Bad || !decode(vb, ve, vescaped, &value)) {
            cur = p;
            return failHere(path + u"."_s + name + u": invalid string"_s);
        }
        labels.insert(name, value);
        p = after;
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (*p == '}') {
            cur = p + 1;
            *out = std::move(labels);
            return Step::Done;
        }
        if (*p != ',') {
            cur = p;
            return failHere(path + u": expected ',' or '}'"_s);
        }
        ++p;
    }
}

// "data" and "warnings" may be null (Prometheus omits them; some proxies send null).
Step Cursor::nullOr(const QString &expected)
{
    const qsizetype have = qMin<qsizetype>(end - cur, 4);
    if (std::memcmp(cur, "null", size_t(have)) != 0)
        return failHere(expected);
    return skipValue();
}

} // namespace Sightline::PrometheusJson
