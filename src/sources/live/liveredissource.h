#pragma once

#include "livesourcebase.h"
#include "sources/redis/redisurl.h"

#include <QStringList>

#include <memory>

namespace Sightline {

class LiveRedisTransport;

// SUBSCRIBE/PSUBSCRIBE on its own thread and socket. The hot path reads the socket in large
// chunks, picks the pushes out with LivePushScanner and parses each payload straight into the
// current batch: no allocation per message.
class LiveRedisSource final : public LiveSourceWorker
{
public:
    LiveRedisSource(const QString &url, QStringList channels, QStringList patterns, LiveSourceContext context,
                    const QString &password = {});
    ~LiveRedisSource() override;

    static QString describe(const QString &url, const QStringList &channels, const QStringList &patterns);

protected:
    void run() override;
    void interrupt() override;
    QString retryMessage(const QString &seconds, const QString &reason) const override;

private:
    // Connected, subscribed and reading until the connection drops (returns why) or a stop (empty).
    QString session();

    RedisUrl m_url;
    QStringList m_channels;
    QStringList m_patterns;
    std::unique_ptr<LiveRedisTransport> m_transport;
    LiveEventParser m_parser{LiveSource::Redis, -1}; // one per source: unparseable ids stay unique
};

} // namespace Sightline
