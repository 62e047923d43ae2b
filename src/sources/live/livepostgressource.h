#pragma once

#include "livesourcebase.h"

#include <QString>

typedef struct pg_conn PGconn;

namespace Sightline {

// LISTEN on its own thread with its own libpq connection (not SqlConnection: notifications need
// the socket). Waits on the socket in short slices so that a stop is prompt.
class LivePostgresSource final : public LiveSourceWorker
{
public:
    LivePostgresSource(const QString &url, const QString &channel, int timeoutMs, LiveSourceContext context,
                       const QString &password = {});
    ~LivePostgresSource() override;

protected:
    void run() override;
    QString retryMessage(const QString &seconds, const QString &reason) const override;

private:
    QString session();
    QString connect(PGconn *&conn);
    // Runs one statement without blocking past a stop; empty on success.
    QString execute(PGconn *conn, const QByteArray &sql);

    QString m_url;
    QString m_password; // the workspace's (keychain/environment); never logged
    QString m_channel;
    int m_timeoutMs;
    LiveEventParser m_parser{LiveSource::Postgres, -(qint64(1) << 40)};
};

} // namespace Sightline
