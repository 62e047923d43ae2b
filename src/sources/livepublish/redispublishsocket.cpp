#include "redispublishsocket.h"

#include "sources/redis/respreader.h"
#include "sources/redis/socketaddress.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QHostInfo>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

void appendBulk(QByteArray &out, const QByteArray &value)
{
    // No temporary for the length: this runs twice per message.
    char digits[24];
    digits[0] = '$';
    const auto end = std::to_chars(digits + 1, digits + sizeof(digits) - 2, value.size()).ptr;
    end[0] = '\r';
    end[1] = '\n';
    out.append(digits, end + 2 - digits);
    out += value;
    out += "\r\n";
}

} // namespace

RedisPublishSocket::RedisPublishSocket(RedisUrl url)
    : m_url(std::move(url))
{
}

RedisPublishSocket::~RedisPublishSocket()
{
    close();
}

void RedisPublishSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

QString RedisPublishSocket::fail(const QString &message)
{
    close();
    m_lastError = message;
    return message;
}

QString RedisPublishSocket::open()
{
    close();
    if (!m_url.isValid())
        return fail(m_url.error);
    if (m_url.tls)
        return fail(u"the publisher speaks plain TCP only; use redis:// rather than rediss://"_s);
    QHostAddress address;
    if (!address.setAddress(m_url.host)) {
        const QHostInfo info = QHostInfo::fromName(m_url.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return fail(u"Cannot find host %1: %2"_s.arg(m_url.host, info.errorString()));
        address = info.addresses().constFirst();
    }
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, m_url.port, storage);
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return fail(errnoText());
    const QString where = u"Redis at "_s + m_url.hostPort();
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        if (errno != EINPROGRESS)
            return fail(u"Cannot connect to %1: %2"_s.arg(where, errnoText()));
        pollfd p{m_fd, POLLOUT, 0};
        if (::poll(&p, 1, m_url.timeoutMs) <= 0)
            return fail(u"%1 did not accept a connection within %2 ms"_s.arg(where).arg(m_url.timeoutMs));
        int soError = 0;
        socklen_t soLength = sizeof(soError);
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &soError, &soLength);
        if (soError != 0)
            return fail(
                u"Cannot connect to %1: %2"_s.arg(where, QString::fromLocal8Bit(std::strerror(soError))));
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (!m_url.password.isEmpty()) {
        QList<QByteArray> auth{"AUTH"};
        if (!m_url.user.isEmpty())
            auth.append(m_url.user.toUtf8());
        auth.append(m_url.password.toUtf8());
        m_out += encodeCommand(auth);
        m_handshakeReplies = 1;
        if (QString error = drain(m_url.timeoutMs); !error.isEmpty())
            return fail(error);
        if (m_errors > 0)
            return fail(u"%1 refused the login: %2"_s.arg(where, m_lastError));
    }
    return {};
}

void RedisPublishSocket::queuePublish(const QByteArray &channel, const QByteArray &message)
{
    // Compact the buffer once most of it was sent, so it does not grow without bound.
    if (m_outPos > 0 && m_outPos >= m_out.size() / 2) {
        m_out.remove(0, m_outPos);
        m_outPos = 0;
    }
    m_out += "*3\r\n$7\r\nPUBLISH\r\n";
    appendBulk(m_out, channel);
    appendBulk(m_out, message);
    ++m_commands;
}

QString RedisPublishSocket::writeSome()
{
    while (m_outPos < m_out.size()) {
        const ssize_t n =
            ::send(m_fd, m_out.constData() + m_outPos, size_t(m_out.size() - m_outPos), MSG_NOSIGNAL);
        if (n > 0) {
            m_outPos += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        return fail(u"Cannot send to Redis at %1: %2"_s.arg(m_url.hostPort(), errnoText()));
    }
    if (m_outPos == m_out.size()) {
        m_out.clear();
        m_outPos = 0;
    }
    return {};
}

QString RedisPublishSocket::readReplies()
{
    char buffer[65536];
    while (true) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
        if (n > 0) {
            m_in.append(buffer, n);
            if (n < ssize_t(sizeof(buffer)))
                break;
            continue;
        }
        if (n == 0)
            return fail(u"Redis at %1 closed the connection"_s.arg(m_url.hostPort()));
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        if (errno == EINTR)
            continue;
        return fail(u"Cannot read from Redis at %1: %2"_s.arg(m_url.hostPort(), errnoText()));
    }
    // Replies to PUBLISH and AUTH are one line each (":N", "+OK", "-ERR …"): no RESP parser needed.
    qsizetype pos = 0;
    while (true) {
        const qsizetype end = m_in.indexOf("\r\n", pos);
        if (end < 0)
            break;
        const char type = m_in.at(pos);
        if (type == '-') {
            ++m_errors;
            m_lastError = QString::fromUtf8(m_in.constData() + pos + 1, end - pos - 1);
        } else if (type == ':' && m_handshakeReplies == 0) {
            qint64 value = 0;
            for (qsizetype i = pos + 1; i < end; ++i)
                value = value * 10 + (m_in.at(i) - '0');
            m_receivers += value;
            if (value == 0)
                ++m_unheard;
        } else if (type != ':' && type != '+') {
            return fail(u"Redis at %1 sent an unexpected reply"_s.arg(m_url.hostPort()));
        }
        if (m_handshakeReplies > 0)
            --m_handshakeReplies;
        else
            ++m_replies;
        pos = end + 2;
    }
    m_in.remove(0, pos);
    return {};
}

QString RedisPublishSocket::pump(int waitMs)
{
    if (m_fd < 0)
        return m_lastError.isEmpty() ? u"not connected"_s : m_lastError;
    if (waitMs > 0) {
        pollfd p{m_fd, short(POLLIN | (pendingBytes() > 0 ? POLLOUT : 0)), 0};
        ::poll(&p, 1, waitMs);
    }
    if (QString error = writeSome(); !error.isEmpty())
        return error;
    return readReplies();
}

QString RedisPublishSocket::drain(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (pendingBytes() > 0 || m_replies < m_commands || m_handshakeReplies > 0) {
        if (deadline.hasExpired())
            return fail(u"Redis at %1 did not answer within %2 ms"_s.arg(m_url.hostPort()).arg(timeoutMs));
        if (QString error = pump(5); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace Sightline
