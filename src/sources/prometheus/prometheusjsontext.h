#pragma once

// Byte-level pieces of the Prometheus JSON parsers: characters, numbers as Prometheus (Go) writes
// them, and JSON string escapes. Internal to sightline_prometheus.

#include <QSysInfo>
#include <QtGlobal>

#include <cstring>
#include <string>

namespace Sightline::PrometheusJson {

inline bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isNumberChar(char c)
{
    return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

// Eight ASCII digits at once (little-endian load): the per-digit multiply-add is a chain of
// dependent instructions, and sample values often have 16 or 17 digits.
inline bool eightDigits(const char *p, quint64 *value)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    if (QSysInfo::ByteOrder != QSysInfo::LittleEndian)
        return false;
    // Every byte in '0'..'9': its high nibble is 3, and adding 6 leaves it 3.
    if ((((v & 0xF0F0F0F0F0F0F0F0) | (((v + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4))) !=
        0x3333333333333333)
        return false;
    v -= 0x3030303030303030;
    v = (v * 10) + (v >> 8); // pairs: byte 2k holds digits 2k,2k+1 as a number < 100
    constexpr quint64 mask = 0x000000FF000000FF;
    v = (((v & mask) * 0x000F424000000064) + (((v >> 16) & mask) * 0x0000271000000001)) >> 32;
    *value = v;
    return true;
}

// The bytes of v (little-endian) that end a run of plain string content: '"', '\\' and control
// characters, each marked by its high bit. Only the lowest mark is exact (borrows may mark bytes
// above it), which is the one the scan uses.
inline quint64 stringStops(quint64 v)
{
    if (QSysInfo::ByteOrder != QSysInfo::LittleEndian)
        return 0x80; // "stop at the first byte": the byte-wise scan decides
    constexpr quint64 ones = 0x0101010101010101;
    constexpr quint64 highs = 0x8080808080808080;
    const quint64 quote = v ^ (ones * '"');
    const quint64 backslash = v ^ (ones * '\\');
    return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((v - ones * 0x20) & ~v)) & highs;
}

// A decimal without exponent of at most 19 digits at p, correctly rounded: the end of the number,
// or nullptr when this fast path does not apply (from_chars reads those).
const char *readShortDecimal(const char *p, const char *e, double *out);

// A sample value as Prometheus writes it: Go's float formatting, "NaN", "+Inf", "-Inf".
bool parseSampleValue(const char *b, const char *e, double *out);

// The content of a JSON string with escapes, as UTF-8. False for an invalid escape.
bool unescape(const char *p, const char *e, std::string *out);

} // namespace Sightline::PrometheusJson
