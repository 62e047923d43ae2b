#include "prometheusjsontext.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace Sightline::PrometheusJson {

namespace {

constexpr qsizetype maxNumberText = 1024;

// mantissa / 10^fraction, correctly rounded, for the 16 to 19 significant digits that Go writes
// for most non-integral floats. x87 extended precision holds the integer and 10^k (k <= 27)
// exactly and rounds the quotient once to 64 bits; rounding that to 53 bits gives the correctly
// rounded double unless the 64-bit quotient lies exactly halfway between two doubles (then the
// first rounding may have decided the second): that case, and other platforms, return false.
bool divideExtended(quint64 mantissa, int fraction, double *out)
{
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
    static_assert(std::numeric_limits<long double>::digits == 64);
    static constexpr long double powersOfTen[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                                  1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                                  1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L};
    if (fraction < 0 || fraction > 19)
        return false;
    const long double quotient = static_cast<long double>(mantissa) / powersOfTen[fraction];
    quint64 significand; // the 64-bit significand, explicit leading bit included
    std::memcpy(&significand, &quotient, sizeof significand);
    if ((significand & 0x7FF) == 0x400)
        return false;
    *out = static_cast<double>(quotient);
    return true;
#else
    Q_UNUSED(mantissa);
    Q_UNUSED(fraction);
    Q_UNUSED(out);
    return false;
#endif
}

// strtod needs a terminated copy; it only runs for numbers from_chars finds out of range.
bool parseOutOfRange(const char *b, const char *e, double *out)
{
    if (e - b > maxNumberText)
        return false;
    const std::string text(b, e);
    char *stop = nullptr;
    *out = std::strtod(text.c_str(), &stop);
    return stop == text.c_str() + text.size();
}

void appendUtf8(std::string *out, char32_t c)
{
    if (c < 0x80) {
        out->push_back(char(c));
    } else if (c < 0x800) {
        out->push_back(char(0xC0 | (c >> 6)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out->push_back(char(0xE0 | (c >> 12)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else {
        out->push_back(char(0xF0 | (c >> 18)));
        out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    }
}

bool readHex4(const char *p, const char *e, char32_t *out)
{
    if (e - p < 4)
        return false;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        v <<= 4;
        if (isDigit(c))
            v |= char32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= char32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= char32_t(c - 'A' + 10);
        else
            return false;
    }
    *out = v;
    return true;
}

} // namespace

// A decimal without exponent of at most 19 digits at p (times, and nearly every sample value Go
// writes). When the digits, read as one integer, fit in 53 bits, that integer and 10^k (k <= 22)
// are exact doubles and one division gives the correctly rounded value (Clinger's fast path);
// longer ones go through divideExtended. Returns the end of the number, or nullptr when neither
// applies (from_chars reads those).
const char *readShortDecimal(const char *p, const char *e, double *out)
{
    static constexpr double powersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                             1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
    const bool negative = p < e && *p == '-';
    if (negative)
        ++p;
    // Eight digits at a time while 19 digits cannot overflow the integer; past 19 digits the byte
    // loops may overflow it, and the result is refused below.
    const char *digits = p;
    quint64 mantissa = 0;
    quint64 eight;
    if (e - p >= 8 && eightDigits(p, &eight)) {
        mantissa = eight;
        p += 8;
    }
    while (p < e && isDigit(*p))
        mantissa = mantissa * 10 + quint64(*p++ - '0');
    qsizetype count = p - digits;
    if (count == 0)
        return nullptr;
    qsizetype fraction = 0;
    if (p < e && *p == '.') {
        const char *first = ++p;
        while (count + (p - first) <= 11 && e - p >= 8 && eightDigits(p, &eight)) {
            mantissa = mantissa * 100000000 + eight;
            p += 8;
        }
        while (p < e && isDigit(*p))
            mantissa = mantissa * 10 + quint64(*p++ - '0');
        fraction = p - first;
        count += fraction;
    }
    // Up to 19 digits cannot overflow; an exponent or a second dot leaves it to from_chars.
    if (count > 19 || (p < e && (*p == 'e' || *p == 'E' || *p == '.')))
        return nullptr;
    double value;
    if (mantissa <= (quint64(1) << 53)) {
        value = double(mantissa);
        if (fraction)
            value /= powersOfTen[fraction];
    } else if (!divideExtended(mantissa, int(fraction), &value)) {
        return nullptr;
    }
    *out = negative ? -value : value;
    return p;
}

bool parseSampleValue(const char *b, const char *e, double *out)
{
    const qsizetype length = e - b;
    if (length == 3 && std::memcmp(b, "NaN", 3) == 0) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if ((length == 4 && std::memcmp(b + 1, "Inf", 3) == 0 && (*b == '+' || *b == '-')) ||
        (length == 3 && std::memcmp(b, "Inf", 3) == 0)) {
        *out = *b == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    if (b < e && *b == '+')
        ++b;
    // from_chars also takes "inf", "nan" and friends; Prometheus never writes those.
    const char *m = (b < e && *b == '-') ? b + 1 : b;
    if (m == e || !(isDigit(*m) || *m == '.'))
        return false;
    if (readShortDecimal(b, e, out) == e)
        return true;
    const auto [ptr, ec] = std::from_chars(b, e, *out);
    if (ptr != e)
        return false;
    if (ec == std::errc::result_out_of_range)
        return parseOutOfRange(b, e, out);
    return ec == std::errc();
}

bool unescape(const char *p, const char *e, std::string *out)
{
    out->clear();
    out->reserve(size_t(e - p));
    while (p < e) {
        if (*p != '\\') {
            out->push_back(*p++);
            continue;
        }
        if (++p == e)
            return false;
        switch (*p++) {
        case '"':
            out->push_back('"');
            break;
        case '\\':
            out->push_back('\\');
            break;
        case '/':
            out->push_back('/');
            break;
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'n':
            out->push_back('\n');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'u': {
            char32_t c = 0;
            if (!readHex4(p, e, &c))
                return false;
            p += 4;
            if (c >= 0xD800 && c <= 0xDBFF) {
                char32_t low = 0;
                if (e - p < 6 || p[0] != '\\' || p[1] != 'u' || !readHex4(p + 2, e, &low) || low < 0xDC00 ||
                    low > 0xDFFF)
                    return false;
                p += 6;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                return false;
            }
            appendUtf8(out, c);
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

} // namespace Sightline::PrometheusJson
