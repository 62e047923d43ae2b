#pragma once

#include "redisurl.h"
#include "respreader.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QAbstractSocket;

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

struct RedisError
{
    enum class Kind {
        None,
        Connection, // could not connect, TLS failed, or the connection dropped
        Rejected,   // AUTH or SELECT refused
        Refused,    // RedisCommandPolicy refused the command; nothing was sent
        Timeout,    // no answer within the timeout
        Cancelled,  // interrupt() or the cancel check stopped it
        Protocol,   // the server sent something that is not RESP
        Server,     // the server answered with an error reply
    };
    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
};

// A blocking Redis client for one worker thread. The socket is created on the thread that
// opens the connection and only used there; interrupt() may be called from any thread and makes
// the current wait return within a few milliseconds (waits run in short slices). Any transport
// error, timeout or interrupt closes the connection, so a half-read reply never leaks into the
// next command: the next call connects again.
class RedisConnection
{
public:
    explicit RedisConnection(RedisUrl url);
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    const RedisUrl &url() const { return m_url; }
    RedisError open();
    bool isOpen() const;
    void close();

    // One command; an error reply comes back as a RespValue of type Error, not as a RedisError.
    RedisError command(const QList<QByteArray> &args, RespValue &reply);
    // Sends all commands in one write and reads as many replies. Nothing is sent when the policy
    // refuses any of them.
    RedisError pipeline(const QList<QList<QByteArray>> &commands, QList<RespValue> &replies);

    void setTimeoutMs(int ms) { m_url.timeoutMs = ms; }
    void interrupt();
    void clearInterrupt();
    // Asked between wait slices too: a stop token, so a stop aimed at this work always lands.
    void setCancelCheck(std::function<bool()> check) { m_cancelCheck = std::move(check); }

private:
    RedisError connectSocket();
    RedisError writeAll(const QByteArray &bytes);
    RedisError readReplies(qsizetype count, QList<RespValue> &replies);
    RedisError transportError(RedisError::Kind kind, const QString &message);
    bool cancelled() const;

    RedisUrl m_url;
    std::unique_ptr<QAbstractSocket> m_socket;
    RespReader m_reader;
    std::atomic_bool m_interrupted{false};
    std::function<bool()> m_cancelCheck;
    bool m_open = false;
};

} // namespace Sightline
