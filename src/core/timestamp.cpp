#include "timestamp.h"

#include <QDate>

namespace Sightline {

namespace {
bool readDigits(QStringView text, qsizetype &pos, int count, int &value)
{
    if (pos + count > text.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    value = v;
    pos += count;
    return true;
}

bool expect(QStringView text, qsizetype &pos, char16_t c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}
} // namespace

Timestamp parseTimestamp(QStringView text)
{
    text = text.trimmed();
    qsizetype pos = 0;
    int year, month, day, hour = 0, minute = 0, second = 0, msec = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, u'-') || !readDigits(text, pos, 2, month) ||
        !expect(text, pos, u'-') || !readDigits(text, pos, 2, day))
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    if (pos < text.size()) {
        if (!expect(text, pos, u'T') && !expect(text, pos, u' '))
            return std::nullopt;
        if (!readDigits(text, pos, 2, hour) || !expect(text, pos, u':') || !readDigits(text, pos, 2, minute))
            return std::nullopt;
        if (expect(text, pos, u':')) {
            if (!readDigits(text, pos, 2, second))
                return std::nullopt;
            if (expect(text, pos, u'.')) {
                int digits = 0;
                int scale = 100;
                while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9') {
                    if (digits < 3) {
                        msec += (text[pos].unicode() - u'0') * scale;
                        scale /= 10;
                    }
                    ++digits;
                    ++pos;
                }
                if (digits == 0)
                    return std::nullopt;
            }
        }
        if (hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
    }
    int offsetSeconds = 0;
    if (pos < text.size()) {
        if (expect(text, pos, u'Z')) {
            // UTC
        } else if (text[pos] == u'+' || text[pos] == u'-') {
            const int sign = text[pos] == u'+' ? 1 : -1;
            ++pos;
            int oh = 0, om = 0;
            if (!readDigits(text, pos, 2, oh))
                return std::nullopt;
            if (expect(text, pos, u':')) {
                if (!readDigits(text, pos, 2, om))
                    return std::nullopt;
            } else if (pos < text.size()) {
                if (!readDigits(text, pos, 2, om))
                    return std::nullopt;
            }
            if (oh > 15 || om > 59)
                return std::nullopt;
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
    }
    if (pos != text.size())
        return std::nullopt;
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000 + msec;
}

QString formatTimestampUtc(qint64 msecsSinceEpoch)
{
    qint64 days = msecsSinceEpoch / 86400000;
    qint64 rest = msecsSinceEpoch % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    const QDate date = QDate(1970, 1, 1).addDays(days);
    const int ms = int(rest % 1000);
    const int s = int(rest / 1000);
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                             s / 3600, (s / 60) % 60, s % 60, ms);
}

} // namespace Sightline
