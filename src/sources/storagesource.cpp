#include "storagesource.h"

#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace Sightline {

QString storageBackendTitle(StorageBackend backend)
{
    switch (backend) {
    case StorageBackend::PostgreSQL:
        return u"PostgreSQL"_s;
    case StorageBackend::SQLite:
        return u"SQLite"_s;
    case StorageBackend::Redis:
        return u"Redis"_s;
    case StorageBackend::Files:
        return u"Files"_s;
    case StorageBackend::S3:
        return u"S3"_s;
    case StorageBackend::Memory:
        return u"Storage service memory"_s;
    }
    return {};
}

StorageTaskRunner::StorageTaskRunner()
    : m_pool(std::make_unique<QThreadPool>())
    , m_flag(std::make_shared<std::atomic_bool>(false))
{
    m_pool->setMaxThreadCount(1);
    // Keep the thread: a source's connection lives on it between requests.
    m_pool->setExpiryTimeout(-1);
}

StorageTaskRunner::~StorageTaskRunner()
{
    stop();
    m_pool->waitForDone();
}

void StorageTaskRunner::stop()
{
    {
        QMutexLocker lock(&m_flagMutex);
        m_flag->store(true);
        m_flag = std::make_shared<std::atomic_bool>(false);
    }
    if (m_interrupt)
        m_interrupt();
}

void StorageTaskRunner::setInterrupt(std::function<void()> interrupt)
{
    m_interrupt = std::move(interrupt);
}

void StorageTaskRunner::waitForDone()
{
    m_pool->waitForDone();
}

StopToken StorageTaskRunner::currentToken() const
{
    StopToken token;
    QMutexLocker lock(&m_flagMutex);
    token.m_flag = m_flag;
    return token;
}

void StorageTaskRunner::start(std::function<void()> task)
{
    m_pool->start(std::move(task));
}

} // namespace Sightline
