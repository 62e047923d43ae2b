#include "core/format.h"
#include "metricchart_p.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace MetricChartDetail {

const QColor &seriesColor(int index)
{
    // Tableau 10: distinct on light and dark backgrounds.
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                    QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colors[index % int(std::size(colors))];
}

QColor alertColor()
{
    return QColor(0xd0, 0x1c, 0x1c);
}

ByteScale byteScale(double magnitude)
{
    if (magnitude >= 1024.0 * 1024 * 1024 * 1024)
        return {1024.0 * 1024 * 1024 * 1024, u"TiB"_s};
    if (magnitude >= 1024.0 * 1024 * 1024)
        return {1024.0 * 1024 * 1024, u"GiB"_s};
    if (magnitude >= 1024.0 * 1024)
        return {1024.0 * 1024, u"MiB"_s};
    if (magnitude >= 1024.0)
        return {1024.0, u"KiB"_s};
    return {1, u"bytes"_s};
}

bool isBytes(const QString &unit)
{
    return unit == u"bytes"_s || unit == u"byte"_s || unit == u"B"_s;
}

QString unitTitle(const QString &unit)
{
    if (unit == u"cores"_s)
        return MetricChart::tr("cores");
    if (unit == u"seconds"_s || unit == u"s"_s)
        return MetricChart::tr("seconds");
    if (unit == u"percent"_s || unit == u"%"_s)
        return u"%"_s;
    return unit;
}

double niceStep(double range, int ticks)
{
    if (!(range > 0) || ticks < 1)
        return 1;
    const double raw = range / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normal = raw / magnitude;
    const double nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10;
    return nice * magnitude;
}

int decimalsFor(double step)
{
    int decimals = 0;
    while (decimals < 6 &&
           std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return decimals;
}

QString plainNumber(double value)
{
    const double magnitude = std::abs(value);
    int decimals = 0;
    if (magnitude < 10)
        decimals = 3;
    else if (magnitude < 100)
        decimals = 2;
    else if (magnitude < 1000)
        decimals = 1;
    QString text = QLocale().toString(value, 'f', decimals);
    // 0.500 → 0.5, 12.00 → 12
    if (decimals > 0) {
        const QChar point = QLocale().decimalPoint().at(0);
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace MetricChartDetail

using namespace MetricChartDetail;

QString formatMetricValue(double value, const QString &unit)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    if (isBytes(unit)) {
        const ByteScale scale = byteScale(std::abs(value));
        return plainNumber(value / scale.factor) + u' ' + scale.name;
    }
    const QString title = unitTitle(unit);
    if (title.isEmpty())
        return plainNumber(value);
    if (title == u"%"_s)
        return plainNumber(value) + title;
    return plainNumber(value) + u' ' + title;
}

void MetricChart::Private::setupTimeAxis(double x0, double x1)
{
    xToAxis = 1000;
    ax0 = x0 * 1000;
    ax1 = x1 * 1000;
    timeAxis->setStartValue(ax0);
    timeAxis->setRange(ax0, ax1);

    // The smallest round step that gives at most one label per ~100 px.
    static constexpr qint64 steps[] = {1,     2,     5,     10,    15,     30,     60,
                                       120,   300,   600,   900,   1800,   3600,   7200,
                                       10800, 21600, 43200, 86400, 172800, 604800, 2592000};
    const double span = x1 - x0;
    const int maxTicks = std::clamp(plotPixels() / 100, 2, 12);
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 candidate : steps) {
        if (span / double(candidate) <= maxTicks) {
            step = candidate;
            break;
        }
    }
    QString format;
    if (step < 60)
        format = u"HH:mm:ss"_s;
    else if (step >= 86400)
        format = u"MMM d"_s;
    else if (span > 20 * 3600)
        format = u"ddd HH:mm"_s;
    else
        format = u"HH:mm"_s;
    // On round local times: whole hours and midnights where the user is.
    const qint64 offset = step >= 3600 ? QDateTime::fromSecsSinceEpoch(qint64(x0)).offsetFromUtc() : 0;
    qint64 tick = qint64(std::ceil((x0 + double(offset)) / double(step))) * step - offset;
    QStringList labels;
    QList<double> values;
    for (; double(tick) <= x1; tick += step) {
        const QString label = QDateTime::fromSecsSinceEpoch(tick).toString(format);
        if (labels.contains(label))
            continue; // a category's label must be unique (a DST change can repeat one)
        labels.append(label);
        values.append(double(tick) * 1000);
    }
    // Only when they change: every change lays the axis out again.
    bool same = timeAxis->categoriesLabels() == labels;
    for (qsizetype i = 0; same && i < labels.size(); ++i)
        same = timeAxis->endValue(labels.at(i)) == values.at(i);
    if (!same) {
        const QStringList old = timeAxis->categoriesLabels();
        for (const QString &label : old)
            timeAxis->remove(label);
        for (qsizetype i = 0; i < labels.size(); ++i)
            timeAxis->append(labels.at(i), values.at(i));
    }
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(qint64(x0 * 1000));
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(qint64(x1 * 1000));
    if (first.date() == last.date())
        timeAxis->setTitleText(
            tr("%1 (local time)").arg(QLocale().toString(first.date(), QLocale::ShortFormat)));
    else
        timeAxis->setTitleText(tr("local time"));
}

void MetricChart::Private::setupSecondsAxis(double x0, double x1)
{
    const double span = x1 - x0;
    secondsUnit = span > 3 * 3600 ? 3600 : span > 15 * 60 ? 60 : 1;
    xToAxis = 1.0 / secondsUnit;
    ax0 = x0 * xToAxis;
    ax1 = x1 * xToAxis;
    secondsAxis->setRange(ax0, ax1);
    // Ticks on round numbers from the start (0), whatever the range's ends are.
    const double step = niceStep(ax1 - ax0, std::clamp(plotPixels() / 90, 2, 10));
    secondsAxis->setTickType(QValueAxis::TicksDynamic);
    secondsAxis->setTickAnchor(0);
    secondsAxis->setTickInterval(step);
    secondsAxis->setLabelFormat(u"%."_s + QString::number(decimalsFor(step)) + u'f');
    secondsAxis->setTitleText(secondsUnit == 3600 ? tr("hours since start")
                              : secondsUnit == 60 ? tr("minutes since start")
                                                  : tr("seconds since start"));
}

void MetricChart::Private::setupValueAxis(double lo, double hi)
{
    const int ticks = std::clamp((q->height() - 70) / 40, 2, 6);
    const double step = niceStep(hi - lo, ticks);
    vmin = std::floor(lo / step) * step;
    vmax = std::ceil(hi / step) * step;
    if (vmax <= vmin)
        vmax = vmin + step;
    valueAxis->setRange(vmin, vmax);
    valueAxis->setTickType(QValueAxis::TicksDynamic);
    valueAxis->setTickAnchor(vmin);
    valueAxis->setTickInterval(step);
    valueAxis->setLabelFormat(u"%."_s + QString::number(decimalsFor(step)) + u'f');
    valueAxis->setTitleText(valueTitle);
}

QString MetricChart::Private::timeText(double xSeconds) const
{
    if (kind == XAxis::Time)
        return formatDateTimeMs(qint64(std::llround(xSeconds * 1000)));
    const qint64 total = qint64(std::llround(xSeconds));
    const qint64 magnitude = std::abs(total);
    const QString sign = total < 0 ? u"−"_s : u"+"_s;
    if (magnitude >= 3600)
        return sign % QString::asprintf("%lld:%02lld:%02lld", magnitude / 3600, (magnitude / 60) % 60,
                                        magnitude % 60);
    return sign % QString::asprintf("%lld:%02lld", magnitude / 60, magnitude % 60);
}

} // namespace Sightline
