#include "format.h"

#include <QCoreApplication>
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
            .arg(std::round(seconds * 10.0) / 10.0, 0, 'f', 1);
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
    return u"%1 %2"_s.arg(value, 0, 'f', value < 10 ? 1 : 0).arg(QLatin1StringView(units[unit]));
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
    return u"$"_s + QString::number(dollars, 'f', dollars < 1.0 ? 3 : 2);
}

} // namespace Sightline
