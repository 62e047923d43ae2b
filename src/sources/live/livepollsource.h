#pragma once

#include "livesourcebase.h"

#include "core/workspaceprofile.h"

#include <memory>
#include <mutex>
#include <unordered_set>

namespace Sightline {

class SqlConnection;

// Polls the events table for rows with an id above the last one seen, every pollIntervalMs and
// at once again while a page comes back full. Starts at the newest row: no history on start.
class LivePollSource final : public LiveSourceWorker
{
public:
    static constexpr int PageRows = 10000;
    static constexpr qint64 OverlapIds = 1000; // ids read again by each poll (late commits)

    LivePollSource(const WorkspaceProfile &profile, LiveSourceContext context);
    ~LivePollSource() override;

protected:
    void run() override;
    void interrupt() override;
    QString retryMessage(const QString &seconds, const QString &reason) const override;

private:
    QString session();

    WorkspaceProfile m_profile;
    std::mutex m_connMutex; // guards the pointer for interrupt(); the connection is used on run()'s thread
    SqlConnection *m_conn = nullptr;
    qint64 m_lastId = 0;
    qint64 m_startId = 0;              // max(id) when polling started
    std::unordered_set<qint64> m_seen; // ids in (m_lastId - OverlapIds, m_lastId] already handed on
    bool m_haveStart = false;
};

} // namespace Sightline
