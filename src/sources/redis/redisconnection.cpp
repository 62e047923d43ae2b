#include "redisconnection.h"

#include "rediscommandpolicy.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcRedis, "sightline.redis")

namespace {
// How often a blocked wait looks at the interrupt flag: short enough that a stop feels instant.
constexpr int SliceMs = 20;

// A non-blocking connect polled in slices: QAbstractSocket::waitForConnected gives up the
// attempt when its wait times out, so it cannot be sliced.
int connectInSlices(const QHostAddress &address, quint16 port, const QDeadlineTimer &deadline,
                    const std::function<bool()> &cancelled, QString &error)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof(bytes));
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0)
        return fd;
    if (errno != EINPROGRESS) {
        error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    while (true) {
        if (cancelled()) {
            ::close(fd);
            error = u"cancelled"_s;
            return -2;
        }
        if (deadline.hasExpired()) {
            ::close(fd);
            error = QCoreApplication::translate("Sightline::RedisConnection", "timed out");
            return -3;
        }
        pollfd p{fd, POLLOUT, 0};
        const int ready = ::poll(&p, 1, SliceMs);
        if (ready < 0 && errno != EINTR) {
            error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return -1;
        }
        if (ready > 0) {
            int soError = 0;
            socklen_t soLength = sizeof(soError);
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &soLength);
            if (soError == 0)
                return fd;
            error = QString::fromLocal8Bit(std::strerror(soError));
            ::close(fd);
            return -1;
        }
    }
}
} // namespace

RedisConnection::RedisConnection(RedisUrl url)
    : m_url(std::move(url))
{
}

RedisConnection::~RedisConnection()
{
    close();
}

bool RedisConnection::isOpen() const
{
    return m_open && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void RedisConnection::close()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
    m_reader.reset();
    m_open = false;
}

void RedisConnection::interrupt()
{
    m_interrupted.store(true);
}

void RedisConnection::clearInterrupt()
{
    m_interrupted.store(false);
}

bool RedisConnection::cancelled() const
{
    return m_interrupted.load() || (m_cancelCheck && m_cancelCheck());
}

RedisError RedisConnection::transportError(RedisError::Kind kind, const QString &message)
{
    close();
    qCDebug(lcRedis) << "connection to" << m_url.redacted() << "closed:" << message;
    return RedisError{kind, message};
}

RedisError RedisConnection::connectSocket()
{
    close();
    if (!m_url.isValid())
        return {RedisError::Kind::Connection, m_url.error};
    const QString where = u"Redis at "_s + m_url.hostPort();
    const QDeadlineTimer deadline(m_url.timeoutMs);
    QList<QHostAddress> addresses;
    QHostAddress literal;
    if (literal.setAddress(m_url.host)) {
        addresses.append(literal);
    } else {
        const QHostInfo info = QHostInfo::fromName(m_url.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return {RedisError::Kind::Connection,
                    u"Cannot find host %1: %2"_s.arg(m_url.host, info.errorString())};
        addresses = info.addresses();
    }
    QString error;
    int fd = -1;
    for (const QHostAddress &address : std::as_const(addresses)) {
        fd = connectInSlices(
            address, m_url.port, deadline, [this] { return cancelled(); }, error);
        if (fd >= 0 || fd == -2 || fd == -3)
            break;
    }
    if (fd == -2)
        return {RedisError::Kind::Cancelled, u"Stopped while connecting to %1"_s.arg(where)};
    if (fd == -3)
        return {RedisError::Kind::Timeout,
                u"%1 did not accept a connection within %2 ms"_s.arg(where).arg(m_url.timeoutMs)};
    if (fd < 0)
        return {RedisError::Kind::Connection, u"Cannot connect to %1: %2"_s.arg(where, error)};

    if (m_url.tls) {
        auto *ssl = new QSslSocket;
        m_socket.reset(ssl);
        if (!m_url.caFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_url.caFile);
            if (cas.isEmpty()) {
                ::close(fd);
                m_socket.reset();
                return {RedisError::Kind::Connection,
                        u"No CA certificate could be read from %1"_s.arg(m_url.caFile)};
            }
            QSslConfiguration config = ssl->sslConfiguration();
            config.addCaCertificates(cas);
            ssl->setSslConfiguration(config);
        }
        if (!ssl->setSocketDescriptor(fd)) {
            ::close(fd);
            return transportError(RedisError::Kind::Connection, ssl->errorString());
        }
        ssl->setPeerVerifyName(m_url.host);
        ssl->startClientEncryption();
        while (!ssl->isEncrypted()) {
            if (cancelled())
                return transportError(RedisError::Kind::Cancelled, u"Stopped during the TLS handshake"_s);
            if (deadline.hasExpired())
                return transportError(RedisError::Kind::Timeout,
                                      u"TLS handshake with %1 timed out"_s.arg(where));
            ssl->waitForEncrypted(SliceMs);
            if (ssl->state() != QAbstractSocket::ConnectedState) {
                const QString errors = ssl->sslHandshakeErrors().isEmpty()
                                           ? ssl->errorString()
                                           : ssl->sslHandshakeErrors().constFirst().errorString();
                return transportError(RedisError::Kind::Connection,
                                      u"TLS with %1 failed: %2"_s.arg(where, errors));
            }
        }
    } else {
        m_socket = std::make_unique<QTcpSocket>();
        if (!m_socket->setSocketDescriptor(fd)) {
            ::close(fd);
            return transportError(RedisError::Kind::Connection, m_socket->errorString());
        }
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_open = true;
    return {};
}

RedisError RedisConnection::open()
{
    if (RedisError error = connectSocket(); error.isError())
        return error;
    const QList<QList<QByteArray>> handshake = m_url.handshake();
    if (handshake.isEmpty())
        return {};
    QList<RespValue> replies;
    if (RedisError error = pipeline(handshake, replies); error.isError())
        return error;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (!replies.at(i).isError())
            continue;
        const QByteArray what = handshake.at(i).constFirst();
        const QString message = QString::fromUtf8(replies.at(i).data);
        close();
        if (what == "AUTH")
            return {RedisError::Kind::Rejected,
                    u"Redis at %1 refused the login: %2"_s.arg(m_url.hostPort(), message)};
        if (what == "SELECT")
            return {
                RedisError::Kind::Rejected,
                u"Redis at %1 refused database %2: %3"_s.arg(m_url.hostPort()).arg(m_url.db).arg(message)};
        // A server that requires a password answers the first command after connecting with NOAUTH.
        return {RedisError::Kind::Rejected, u"Redis at %1: %2"_s.arg(m_url.hostPort(), message)};
    }
    logEvent(lcRedis(), QtDebugMsg, "connection.opened", {{"target", m_url.redacted()}});
    return {};
}

RedisError RedisConnection::command(const QList<QByteArray> &args, RespValue &reply)
{
    QList<RespValue> replies;
    const RedisError error = pipeline({args}, replies);
    if (!error.isError())
        reply = replies.isEmpty() ? RespValue{} : replies.constFirst();
    return error;
}

RedisError RedisConnection::pipeline(const QList<QList<QByteArray>> &commands, QList<RespValue> &replies)
{
    replies.clear();
    QByteArray out;
    for (const QList<QByteArray> &command : commands) {
        if (const QString refusal = RedisCommandPolicy::refusal(command); !refusal.isEmpty())
            return {RedisError::Kind::Refused, refusal};
        out += encodeCommand(command);
    }
    if (commands.isEmpty())
        return {};
    if (cancelled())
        return {RedisError::Kind::Cancelled, u"Stopped"_s};
    // Labelled by the first command (SCAN, TYPE, GET, …): the read-only policy bounds the names.
    Metrics::RequestTimer timer("redis", commands.constFirst().value(0).toUpper().toStdString());
    const RedisError error = [&]() -> RedisError {
        if (!isOpen()) {
            if (RedisError error = open(); error.isError())
                return error;
        }
        if (RedisError error = writeAll(out); error.isError())
            return error;
        return readReplies(commands.size(), replies);
    }();
    if (error.kind == RedisError::Kind::Cancelled) {
        timer.cancel();
    } else if (error.isError()) {
        timer.fail();
        logEvent(lcRedis(), error.kind == RedisError::Kind::Server ? QtInfoMsg : QtWarningMsg,
                 "request.failed",
                 {{"operation", QString::fromLatin1(commands.constFirst().value(0).toUpper())},
                  {"target", m_url.redacted()},
                  {"ms", timer.elapsedSeconds() * 1000.0},
                  {"error", error.message}});
    }
    return error;
}

RedisError RedisConnection::writeAll(const QByteArray &bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return transportError(RedisError::Kind::Connection, u"Cannot send to Redis at %1: %2"_s.arg(
                                                                m_url.hostPort(), m_socket->errorString()));
    QDeadlineTimer idle(m_url.timeoutMs);
    while (m_socket->bytesToWrite() > 0) {
        if (cancelled())
            return transportError(RedisError::Kind::Cancelled, u"Stopped"_s);
        const qint64 before = m_socket->bytesToWrite();
        m_socket->waitForBytesWritten(SliceMs);
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return transportError(RedisError::Kind::Connection,
                                  u"Redis at %1 closed the connection"_s.arg(m_url.hostPort()));
        if (m_socket->bytesToWrite() < before)
            idle.setRemainingTime(m_url.timeoutMs);
        else if (idle.hasExpired())
            return transportError(
                RedisError::Kind::Timeout,
                u"Redis at %1 took no data for %2 ms"_s.arg(m_url.hostPort()).arg(m_url.timeoutMs));
    }
    return {};
}

RedisError RedisConnection::readReplies(qsizetype count, QList<RespValue> &replies)
{
    replies.reserve(count);
    // The timeout counts from the last byte received, so a long reply that keeps flowing is fine.
    QDeadlineTimer idle(m_url.timeoutMs);
    while (replies.size() < count) {
        while (replies.size() < count) {
            std::optional<RespValue> value = m_reader.take();
            if (!value)
                break;
            replies.append(std::move(*value));
        }
        if (m_reader.hasError())
            return transportError(RedisError::Kind::Protocol,
                                  u"Redis at %1 sent a reply Sightline cannot read (%2)"_s.arg(
                                      m_url.hostPort(), m_reader.errorString()));
        if (replies.size() == count)
            break;
        if (m_socket->bytesAvailable() > 0) {
            m_reader.feed(m_socket->readAll());
            idle.setRemainingTime(m_url.timeoutMs);
            continue;
        }
        if (cancelled())
            return transportError(RedisError::Kind::Cancelled, u"Stopped"_s);
        if (idle.hasExpired())
            return transportError(
                RedisError::Kind::Timeout,
                u"Redis at %1 did not answer within %2 ms"_s.arg(m_url.hostPort()).arg(m_url.timeoutMs));
        if (!m_socket->waitForReadyRead(SliceMs) && m_socket->state() != QAbstractSocket::ConnectedState &&
            m_socket->bytesAvailable() == 0) {
            const qsizetype received = replies.size();
            return transportError(
                RedisError::Kind::Connection,
                u"Redis at %1 closed the connection (%2 of %3 replies received)"_s.arg(m_url.hostPort())
                    .arg(received)
                    .arg(count));
        }
    }
    return {};
}

} // namespace Sightline
