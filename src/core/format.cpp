#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

QString formatCount(qint64 count)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(count);
}

QString formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QString();
    QLocale locale;
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(value, 'f', decimals);
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds))
        return QString();
    if (seconds < 0)
        return u"−"_s + formatDuration(-seconds);
    // Round first, then pick the unit, so 0.9996 s is "1.0 s" rather than "1000 ms".
    if (qRound64(seconds * 1000) < 1000)
        return QCoreApplication::translate("Sightline", "%1 ms").arg(qRound64(seconds * 1000));
    if (std::round(seconds * 10.0) < 600.0)
        return QCoreApplication::translate("Sightline", "%1 s")
            .arg(QLocale().toString(std::round(seconds * 10.0) / 10.0, 'f', 1));
    const qint64 total = qRound64(seconds);
    if (total < 3600)
        return QCoreApplication::translate("Sightline", "%1 min %2 s")
            .arg(total / 60)
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    if (total < 86400)
        return QCoreApplication::translate("Sightline", "%1 h %2 min")
            .arg(total / 3600)
            .arg((total / 60) % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Sightline", "%1 d %2 h").arg(total / 86400).arg((total / 3600) % 24);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QCoreApplication::translate("Sightline", "%1 B").arg(bytes);
    static const char *const units[] = {"kB", "MB", "GB", "TB", "PB"};
    double value = double(bytes);
    int unit = -1;
    // Move on while the value as shown (1 decimal below 10, none above) would read 1000.
    auto shown = [](double v) { return v < 10 ? std::round(v * 10.0) / 10.0 : std::round(v); };
    while ((unit < 0 || shown(value) >= 1000.0) && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    return u"%1 %2"_s.arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0), QLatin1StringView(units[unit]));
}

QString formatAge(qint64 msecsAgo)
{
    const qint64 s = msecsAgo / 1000;
    if (s < 45)
        return QCoreApplication::translate("Sightline", "just now");
    if (s < 3600)
        return QCoreApplication::translate("Sightline", "%1 min ago").arg(qMax<qint64>(1, s / 60));
    if (s < 86400)
        return QCoreApplication::translate("Sightline", "%1 h ago").arg(s / 3600);
    return QCoreApplication::translate("Sightline", "%1 d ago").arg(s / 86400);
}

QString formatCost(double cents)
{
    if (!std::isfinite(cents))
        return QString();
    const double dollars = cents / 100.0;
    const int decimals = std::abs(dollars) < 1.0 ? 3 : 2;
    const QLocale locale;
    // The C locale (no locale set) would write "0.042$".
    if (locale.language() == QLocale::C)
        return u"$"_s + QString::number(dollars, 'f', decimals);
    return locale.toCurrencyString(dollars, u"$"_s, decimals);
}

namespace {
// The locale's short time format, with seconds: evaluations take seconds, not minutes.
QString timeFormatWithSeconds(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains(u"ss"_s))
        format.replace(u"mm"_s, u"mm:ss"_s);
    return format;
}
} // namespace

QString formatTimeOfDay(const QTime &time)
{
    if (!time.isValid())
        return QString();
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return time.toString(u"HH:mm:ss"_s);
    return locale.toString(time, timeFormatWithSeconds(locale));
}

QString formatDateTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' +
           locale.toString(local.time(), timeFormatWithSeconds(locale));
}

QString formatDateTimeMs(qint64 msecsSinceEpoch)
{
    return formatDateTime(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch));
}

} // namespace Sightline
