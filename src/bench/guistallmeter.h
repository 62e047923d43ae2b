#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace Sightline::Bench {

// Measures how long the GUI thread's event loop goes without turning: a precise timer asks to
// run every few milliseconds; any gap beyond that is time the thread was busy elsewhere.
class GuiStallMeter final : public QObject
{
public:
    explicit GuiStallMeter(QObject *parent = nullptr);
    void start();
    void stop();
    double maxStallMs() const;
    // The longest stall since the last call: for telling which phase of a scenario stalls.
    double takePhaseMaxMs();
    double percentileStallMs(double p) const;

private:
    void tick();
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_stalls;
    double m_phaseMax = 0;
    static constexpr int IntervalMs = 2;
};

} // namespace Sightline::Bench
