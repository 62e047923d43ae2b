#include "displayname.h"

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

void appendEscapedByte(QString &out, unsigned char byte)
{
    static constexpr char digits[] = "0123456789abcdef";
    out += u"\\x"_s;
    out += QLatin1Char(digits[byte >> 4]);
    out += QLatin1Char(digits[byte & 0xf]);
}

// Length of the valid UTF-8 sequence starting at data[i], or 0 when it is not one.
int validUtf8Length(const unsigned char *data, qsizetype size, qsizetype i)
{
    const unsigned char lead = data[i];
    int length = 0;
    char32_t minimum = 0;
    char32_t codePoint = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        minimum = 0x80;
        codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        minimum = 0x800;
        codePoint = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        minimum = 0x10000;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > size)
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char next = data[i + k];
        if ((next & 0xc0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
        return 0;
    return length;
}

} // namespace

QString escapeForDisplay(const QByteArray &raw)
{
    QString out;
    out.reserve(raw.size());
    const auto *data = reinterpret_cast<const unsigned char *>(raw.constData());
    const qsizetype size = raw.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char byte = data[i];
        if (byte < 0x80) {
            if (byte == '\\')
                out += u"\\\\"_s;
            else if (byte < 0x20 || byte == 0x7f)
                appendEscapedByte(out, byte);
            else
                out += QLatin1Char(char(byte));
            ++i;
            continue;
        }
        const int length = validUtf8Length(data, size, i);
        if (length == 0) {
            appendEscapedByte(out, byte);
            ++i;
            continue;
        }
        out += QString::fromUtf8(raw.constData() + i, length);
        i += length;
    }
    return out;
}

QByteArray unescapeDisplayName(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '\\' && i + 1 < utf8.size()) {
            if (utf8.at(i + 1) == '\\') {
                out += '\\';
                ++i;
                continue;
            }
            if (utf8.at(i + 1) == 'x' && i + 3 < utf8.size()) {
                bool ok = false;
                const int value = utf8.mid(i + 2, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(value);
                    i += 3;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

} // namespace Sightline
