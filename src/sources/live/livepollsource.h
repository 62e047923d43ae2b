#pragma once

#include "livesourcebase.h"

#include "core/workspaceprofile.h"

#include <memory>
#include <mutex>

namespace Sightline {

class SqlConnection;

// Polls the events table for rows with an id above the last one seen, every pollIntervalMs and
// at once again while a page comes back full. Starts at the newest row: no history on start.
class LivePollSource final : public LiveSourceWorker
{
public:
    static constexpr int PageRows = 10000;

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
    bool m_haveStart = false;
};

} // namespace Sightline
