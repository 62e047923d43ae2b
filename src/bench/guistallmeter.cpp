#include "guistallmeter.h"

#include <algorithm>
#include <utility>

namespace Sightline::Bench {

GuiStallMeter::GuiStallMeter(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &GuiStallMeter::tick);
}

void GuiStallMeter::start()
{
    m_stalls.clear();
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void GuiStallMeter::stop()
{
    m_timer.stop();
}

void GuiStallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double stall = std::max(0.0, double(now - m_last) / 1e6 - IntervalMs);
    m_stalls.append(stall);
    m_phaseMax = std::max(m_phaseMax, stall);
    m_last = now;
}

double GuiStallMeter::maxStallMs() const
{
    return m_stalls.isEmpty() ? 0.0 : *std::max_element(m_stalls.begin(), m_stalls.end());
}

double GuiStallMeter::takePhaseMaxMs()
{
    return std::exchange(m_phaseMax, 0.0);
}

double GuiStallMeter::percentileStallMs(double p) const
{
    if (m_stalls.isEmpty())
        return 0.0;
    QList<double> sorted = m_stalls;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype at = std::min<qsizetype>(sorted.size() - 1, qsizetype(p / 100.0 * double(sorted.size())));
    return sorted[at];
}

} // namespace Sightline::Bench
