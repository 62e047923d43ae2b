#include "benchoutput.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

void printFigure(const QString &scenario, const QString &tool, const QString &metric, double value,
                 const QString &unit)
{
    const QJsonObject line{{u"scenario"_s, scenario},
                           {u"tool"_s, tool},
                           {u"metric"_s, metric},
                           {u"value"_s, std::round(value * 10.0) / 10.0},
                           {u"unit"_s, unit}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace Sightline::Bench
