#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

class QThread;

namespace Sightline {

struct DemoSimulatorState;

// Keeps the demo workspace alive: on its own thread, with its own read-write SQLite connection,
// every interval it submits one new evaluation and moves the live ones (seeded or its own) along
// queued → provisioning → running → completed/failed, writing the matching events with ts = now.
// It never touches the GUI; changed() reaches receivers on other threads queued.
class DemoSimulator : public QObject
{
    Q_OBJECT

public:
    explicit DemoSimulator(QString sqlitePath, QObject *parent = nullptr);
    ~DemoSimulator() override; // stops and joins the thread

    // Takes effect at the next start().
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    std::chrono::milliseconds interval() const { return m_interval; }

    void start(); // no-op when running
    void stop();  // returns once the thread has finished; no tick runs after it
    bool isRunning() const;

Q_SIGNALS:
    // One per tick, from the simulator's thread.
    void changed(int insertedEvaluations, int insertedEvents);
    // The database could not be written (locked, removed, damaged); the simulator keeps trying.
    void failed(const QString &message);

private:
    QString m_path;
    std::chrono::milliseconds m_interval{1000};
    QThread *m_thread = nullptr;
    std::shared_ptr<DemoSimulatorState> m_state;
};

} // namespace Sightline
