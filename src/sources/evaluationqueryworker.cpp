#include "evaluationqueryworker.h"

#include "evaluationreader.h"
#include "telemetry/logging.h"

#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace Sightline {

std::unique_ptr<SqlConnection> createStoreConnection(const WorkspaceProfile &profile)
{
    if (!profile.postgresUrl.isEmpty())
        return createPostgresConnection(profile.postgresUrl, /*readOnly*/ true, profile.timeoutSeconds * 1000,
                                        profile.secrets.postgresPassword);
    return createSqliteConnection(profile.sqlitePath, SqliteMode::ReadOnly);
}

EvaluationQueryWorker::EvaluationQueryWorker(const WorkspaceProfile &profile, Order order, QString name)
    : m_profile(profile)
    , m_order(order)
{
    setObjectName(name);
    start();
}

EvaluationQueryWorker::~EvaluationQueryWorker()
{
    shutdown();
}

void EvaluationQueryWorker::post(quint64 generation, Job job)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    if (m_order == Order::Lifo) {
        m_jobs.push_front({generation, std::move(job)});
        while (m_jobs.size() > size_t(MaxPendingLifo))
            m_jobs.pop_back();
    } else {
        m_jobs.push_back({generation, std::move(job)});
    }
    m_wake.wakeOne();
}

void EvaluationQueryWorker::supersede(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    m_minGeneration = generation;
    std::erase_if(m_jobs, [generation](const Pending &p) { return p.generation < generation; });
    if (m_running && m_runningGeneration < generation)
        cancelRunningLocked();
}

void EvaluationQueryWorker::cancelRunningLocked()
{
    // PQcancel waits for the server's answer: never on the caller's (the GUI) thread.
    if (std::shared_ptr<SqlConnection> target = m_cancelTarget)
        QThreadPool::globalInstance()->start([target] { target->cancel(); });
}

void EvaluationQueryWorker::shutdown()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_jobs.clear();
        cancelRunningLocked();
        m_wake.wakeAll();
    }
    wait();
}

SqlError EvaluationQueryWorker::ensureOpen()
{
    if (m_connection && m_connection->isOpen())
        return {};
    // Other threads call cancel() on the connection under m_mutex: swap it under the same lock.
    {
        QMutexLocker lock(&m_mutex);
        m_cancelTarget.reset();
    }
    m_reader.reset();
    m_connection = createStoreConnection(m_profile);
    {
        QMutexLocker lock(&m_mutex);
        m_cancelTarget = m_connection;
    }
    const SqlError error = m_connection->open();
    if (error.isError()) {
        qCWarning(lcStore) << objectName() << "cannot open" << m_connection->describe() << ":"
                           << error.message;
        return error;
    }
    m_reader = std::make_unique<EvaluationReader>(*m_connection, m_profile.schema);
    return {};
}

void EvaluationQueryWorker::run()
{
    for (;;) {
        Pending next;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && m_jobs.empty())
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            next = std::move(m_jobs.front());
            m_jobs.pop_front();
            if (next.generation < m_minGeneration)
                continue;
            m_running = true;
            m_runningGeneration = next.generation;
        }
        const SqlError openError = ensureOpen();
        next.job(openError.isError() ? nullptr : m_reader.get(), openError);
        {
            QMutexLocker lock(&m_mutex);
            m_running = false;
        }
    }
    {
        QMutexLocker lock(&m_mutex);
        m_cancelTarget.reset();
    }
    m_reader.reset();
    m_connection.reset();
}

} // namespace Sightline
