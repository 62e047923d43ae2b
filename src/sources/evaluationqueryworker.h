#pragma once

#include "core/workspaceprofile.h"
#include "sqlconnection.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

namespace Sightline {

class EvaluationReader;

// One connection to the relational store and the thread that uses it. Jobs run one at a time on
// that thread; the connection is opened there, lazily, and opened again after it drops.
// A job older than the current generation is dropped without running.
class EvaluationQueryWorker final : public QThread
{
public:
    enum class Order { Fifo, Lifo };
    using Job = std::function<void(EvaluationReader *reader, const SqlError &connectError)>;

    EvaluationQueryWorker(const WorkspaceProfile &profile, Order order, QString name);
    ~EvaluationQueryWorker() override;

    // Adds a job. Lifo workers keep only the newest `maxPending` jobs: a view that scrolled on no
    // longer wants the pages it asked for first.
    void post(quint64 generation, Job job);
    // Drops queued jobs older than `generation` and interrupts the running one if it is older.
    void supersede(quint64 generation);
    void shutdown();

    static constexpr int MaxPendingLifo = 12;

protected:
    void run() override;

private:
    struct Pending
    {
        quint64 generation;
        Job job;
    };
    SqlError ensureOpen();

    WorkspaceProfile m_profile;
    Order m_order;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Pending> m_jobs;
    bool m_stopping = false;
    quint64 m_minGeneration = 0;
    quint64 m_runningGeneration = 0;
    bool m_running = false;
    void cancelRunningLocked();

    // Created and opened on the worker thread. Other threads only call cancel(), through a
    // shared reference taken under m_mutex, so the connection outlives a cancel in flight.
    std::shared_ptr<SqlConnection> m_connection;
    std::unique_ptr<EvaluationReader> m_reader;
    std::shared_ptr<SqlConnection> m_cancelTarget; // guarded by m_mutex
};

std::unique_ptr<SqlConnection> createStoreConnection(const WorkspaceProfile &profile);

} // namespace Sightline
