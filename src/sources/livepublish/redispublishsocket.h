#pragma once

// The publisher's own Redis connection: a non-blocking socket that takes pipelined PUBLISH
// commands and counts their replies (each reply is the number of clients that received the
// message). It writes, so it deliberately does not go through RedisConnection and its read-only
// RedisCommandPolicy: it is part of the test and demo tool, pointed only at servers meant for it.

#include "sources/redis/redisurl.h"

#include <QByteArray>
#include <QString>

namespace Sightline {

class RedisPublishSocket
{
public:
    explicit RedisPublishSocket(RedisUrl url);
    ~RedisPublishSocket();
    RedisPublishSocket(const RedisPublishSocket &) = delete;
    RedisPublishSocket &operator=(const RedisPublishSocket &) = delete;

    // Connects and authenticates (blocking, up to the URL's timeout). Empty on success.
    QString open();
    void close();

    // Appends PUBLISH channel message to the outgoing buffer (sent by pump()).
    void queuePublish(const QByteArray &channel, const QByteArray &message);
    // Writes what the socket takes and reads the replies that arrived; waits up to `waitMs` for
    // the socket to become readable or writable first (0: no wait). Empty, or why the connection failed.
    QString pump(int waitMs);
    // Pumps until every queued command has its reply, or `timeoutMs` passes.
    QString drain(int timeoutMs);

    qint64 pendingBytes() const { return m_out.size() - m_outPos; }
    qint64 sent() const { return m_commands; }        // PUBLISH commands queued
    qint64 acknowledged() const { return m_replies; } // their replies received
    qint64 receivers() const { return m_receivers; }  // summed over the replies
    qint64 unheard() const { return m_unheard; }      // replies saying no client received it
    qint64 errors() const { return m_errors; }        // error replies
    QString lastError() const { return m_lastError; }

private:
    QString readReplies();
    QString writeSome();
    QString fail(const QString &message);

    RedisUrl m_url;
    int m_fd = -1;
    QByteArray m_out;
    qsizetype m_outPos = 0;
    QByteArray m_in;
    qint64 m_commands = 0;
    qint64 m_replies = 0;
    qint64 m_receivers = 0;
    qint64 m_unheard = 0;
    qint64 m_errors = 0;
    qint64 m_handshakeReplies = 0; // replies still owed to AUTH, not PUBLISH
    QString m_lastError;
};

} // namespace Sightline
