#include "liveredissource.h"

#include "livepushscanner.h"
#include "sources/redis/rediscommandpolicy.h"
#include "sources/redis/respreader.h"
#include "sources/redis/socketaddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr int SliceMs = 20;
// A batch goes to the merge point when it is this large or this old, whichever comes first.
constexpr qsizetype FlushRecords = 16384;
// A silent subscription is probed with PING after this long, and given up after the timeout more.
constexpr qint64 IdleProbeMs = 15000;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

// One socket to Redis: a plain non-blocking descriptor read with recv() straight into the
// scanner's buffer, or a QSslSocket for rediss://. Every wait is sliced so a stop lands at once.
class LiveRedisTransport
{
public:
    LiveRedisTransport(const RedisUrl &url, std::function<bool()> stopping)
        : m_url(url)
        , m_stopping(std::move(stopping))
    {
    }
    ~LiveRedisTransport() { close(); }

    QString open();
    // Bytes read (> 0), 0 when nothing arrived within waitMs, -1 when the connection ended (error()).
    qint64 read(char *into, qint64 max, int waitMs);
    QString writeAll(const QByteArray &bytes);
    void close()
    {
        if (m_ssl) {
            m_ssl->abort();
            m_ssl.reset();
        } else if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
    }
    const QString &error() const { return m_error; }

private:
    int connectTo(const QHostAddress &address, const QDeadlineTimer &deadline, QString &error);

    const RedisUrl &m_url;
    std::function<bool()> m_stopping;
    int m_fd = -1;
    std::unique_ptr<QSslSocket> m_ssl;
    QString m_error;
};

int LiveRedisTransport::connectTo(const QHostAddress &address, const QDeadlineTimer &deadline, QString &error)
{
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, m_url.port, storage);
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = errnoText(errno);
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0)
        return fd;
    if (errno != EINPROGRESS) {
        error = errnoText(errno);
        ::close(fd);
        return -1;
    }
    while (!m_stopping()) {
        if (deadline.hasExpired()) {
            error = QCoreApplication::translate("Sightline::LiveEventHub", "no answer within %1 ms")
                        .arg(m_url.timeoutMs);
            ::close(fd);
            return -1;
        }
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, SliceMs) > 0) {
            int soError = 0;
            socklen_t soLength = sizeof(soError);
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &soLength);
            if (soError == 0)
                return fd;
            error = errnoText(soError);
            ::close(fd);
            return -1;
        }
    }
    error = u"stopped"_s;
    ::close(fd);
    return -1;
}

QString LiveRedisTransport::open()
{
    close();
    if (!m_url.isValid())
        return m_url.error;
    const QString where = u"Redis at "_s + m_url.hostPort();
    const QDeadlineTimer deadline(m_url.timeoutMs);
    QList<QHostAddress> addresses;
    QHostAddress literal;
    if (literal.setAddress(m_url.host)) {
        addresses.append(literal);
    } else {
        const QHostInfo info = QHostInfo::fromName(m_url.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return u"Cannot find host %1: %2"_s.arg(m_url.host, info.errorString());
        addresses = info.addresses();
    }
    QString error;
    for (const QHostAddress &address : std::as_const(addresses)) {
        m_fd = connectTo(address, deadline, error);
        if (m_fd >= 0 || m_stopping())
            break;
    }
    if (m_fd < 0)
        return u"Cannot connect to %1: %2"_s.arg(where, error);
    if (!m_url.tls)
        return {};

    m_ssl = std::make_unique<QSslSocket>();
    if (!m_url.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_url.caFile);
        if (cas.isEmpty()) {
            close();
            return u"No CA certificate could be read from %1"_s.arg(m_url.caFile);
        }
        QSslConfiguration config = m_ssl->sslConfiguration();
        config.addCaCertificates(cas);
        m_ssl->setSslConfiguration(config);
    }
    if (!m_ssl->setSocketDescriptor(m_fd)) {
        ::close(m_fd);
        m_fd = -1;
        const QString why = m_ssl->errorString();
        m_ssl.reset();
        return why;
    }
    m_ssl->setPeerVerifyName(m_url.host);
    m_ssl->startClientEncryption();
    while (!m_ssl->isEncrypted()) {
        if (m_stopping() || deadline.hasExpired()) {
            close();
            return u"TLS handshake with %1 did not finish"_s.arg(where);
        }
        m_ssl->waitForEncrypted(SliceMs);
        if (m_ssl->state() != QAbstractSocket::ConnectedState) {
            const QString why = m_ssl->sslHandshakeErrors().isEmpty()
                                    ? m_ssl->errorString()
                                    : m_ssl->sslHandshakeErrors().constFirst().errorString();
            close();
            return u"TLS with %1 failed: %2"_s.arg(where, why);
        }
    }
    return {};
}

qint64 LiveRedisTransport::read(char *into, qint64 max, int waitMs)
{
    const QString closed = u"Redis at %1 closed the connection"_s.arg(m_url.hostPort());
    if (m_ssl) {
        if (m_ssl->bytesAvailable() == 0)
            m_ssl->waitForReadyRead(waitMs);
        if (m_ssl->bytesAvailable() == 0) {
            if (m_ssl->state() == QAbstractSocket::ConnectedState)
                return 0;
            m_error = closed;
            return -1;
        }
        return m_ssl->read(into, max);
    }
    // Under load the data is already there: try first, wait only when there is none.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const ssize_t n = ::recv(m_fd, into, size_t(max), 0);
        if (n > 0)
            return n;
        if (n == 0) {
            m_error = closed;
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            m_error = QCoreApplication::translate("Sightline::LiveEventHub", "Redis at %1: %2")
                          .arg(m_url.hostPort(), errnoText(errno));
            return -1;
        }
        if (attempt == 1)
            return 0;
        pollfd p{m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, waitMs);
        if (ready == 0)
            return 0;
        if (ready < 0 && errno != EINTR) {
            m_error = QCoreApplication::translate("Sightline::LiveEventHub", "Redis at %1: %2")
                          .arg(m_url.hostPort(), errnoText(errno));
            return -1;
        }
    }
    return 0;
}

QString LiveRedisTransport::writeAll(const QByteArray &bytes)
{
    const QString failed = u"Cannot send to Redis at %1: %2"_s;
    if (m_ssl) {
        m_ssl->write(bytes);
        QDeadlineTimer deadline(m_url.timeoutMs);
        while (m_ssl->bytesToWrite() > 0) {
            if (m_stopping() || deadline.hasExpired() || m_ssl->state() != QAbstractSocket::ConnectedState)
                return failed.arg(m_url.hostPort(), m_ssl->errorString());
            m_ssl->waitForBytesWritten(SliceMs);
        }
        return {};
    }
    qsizetype done = 0;
    QDeadlineTimer deadline(m_url.timeoutMs);
    while (done < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return failed.arg(m_url.hostPort(), errnoText(errno));
        if (m_stopping() || deadline.hasExpired())
            return failed.arg(m_url.hostPort(), u"timed out"_s);
        pollfd p{m_fd, POLLOUT, 0};
        ::poll(&p, 1, SliceMs);
    }
    return {};
}

LiveRedisSource::LiveRedisSource(const QString &url, QStringList channels, QStringList patterns,
                                 LiveSourceContext context, const QString &password)
    : LiveSourceWorker(LiveSource::Redis, describe(url, channels, patterns), std::move(context))
    , m_url(RedisUrl::parse(url, password))
    , m_channels(std::move(channels))
    , m_patterns(std::move(patterns))
{
}

LiveRedisSource::~LiveRedisSource()
{
    requestStop();
    join();
}

QString LiveRedisSource::describe(const QString &url, const QStringList &channels,
                                  const QStringList &patterns)
{
    const RedisUrl parsed = RedisUrl::parse(url);
    return u"Redis "_s + (parsed.isValid() ? parsed.redacted() : u"(invalid URL)"_s) + u" — "_s +
           (channels + patterns).join(u", "_s);
}

void LiveRedisSource::interrupt()
{
    // Every wait of the session is sliced and checks stopping(): nothing to cut short here.
}

QString LiveRedisSource::retryMessage(const QString &seconds, const QString &reason) const
{
    return QCoreApplication::translate("Sightline::LiveEventHub", "Redis disconnected — retrying in %1 s: %2")
        .arg(seconds, reason);
}

void LiveRedisSource::run()
{
    while (!stopping()) {
        const QString reason = session();
        if (m_transport)
            m_transport->close();
        if (stopping() || !retryAfter(reason))
            break;
    }
    m_transport.reset();
}

QString LiveRedisSource::session()
{
    reportConnecting();
    if (!m_url.isValid())
        return m_url.error;
    m_transport = std::make_unique<LiveRedisTransport>(m_url, [this] { return stopping(); });
    if (QString error = m_transport->open(); !error.isEmpty())
        return error;

    const QList<QList<QByteArray>> handshake = m_url.handshake();
    QList<QList<QByteArray>> commands = handshake;
    QList<QByteArray> subscribe{"SUBSCRIBE"}, psubscribe{"PSUBSCRIBE"};
    for (const QString &channel : std::as_const(m_channels))
        subscribe.append(channel.toUtf8());
    for (const QString &pattern : std::as_const(m_patterns))
        psubscribe.append(pattern.toUtf8());
    if (subscribe.size() > 1)
        commands.append(subscribe);
    if (psubscribe.size() > 1)
        commands.append(psubscribe);
    QByteArray out;
    for (const QList<QByteArray> &command : std::as_const(commands)) {
        if (const QString refusal = RedisCommandPolicy::refusal(command); !refusal.isEmpty())
            return refusal;
        out += encodeCommand(command);
    }
    if (QString error = m_transport->writeAll(out); !error.isEmpty())
        return error;

    LivePushScanner scanner;
    auto batch = std::make_unique<LiveEventBatch>();
    qsizetype handshakeLeft = handshake.size();
    qsizetype subscriptionsLeft = m_channels.size() + m_patterns.size();
    const qint64 flushMs = qBound(10, context().options.batchIntervalMs / 4, 50);
    QElapsedTimer sinceFlush, sinceData;
    sinceFlush.start();
    sinceData.start();
    bool probing = false;
    bool live = false;
    const QString where = m_url.hostPort();
    auto finish = [&](QString reason) {
        flush(batch);
        return reason;
    };

    while (!stopping()) {
        qsizetype space = 0;
        char *into = scanner.writeSpace(LivePushScanner::ReadChunk, space);
        const qint64 n = m_transport->read(into, space, SliceMs);
        if (n < 0)
            return finish(m_transport->error());
        if (n > 0) {
            scanner.commit(n);
            sinceData.restart();
            probing = false;
            const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
            for (;;) {
                const LivePushScanner::Item item = scanner.next();
                if (item.kind == LivePushScanner::Kind::NeedMore)
                    break;
                switch (item.kind) {
                case LivePushScanner::Kind::Message:
                    m_parser.parse(item.payload, receivedAt, *batch);
                    if (batch->size() >= FlushRecords) {
                        flush(batch);
                        sinceFlush.restart();
                    }
                    break;
                case LivePushScanner::Kind::Status:
                    if (handshakeLeft > 0)
                        --handshakeLeft;
                    break;
                case LivePushScanner::Kind::Error: {
                    const QString text = QString::fromUtf8(item.text);
                    if (handshakeLeft > 0) {
                        const QByteArray what = handshake.at(handshake.size() - handshakeLeft).constFirst();
                        if (what == "AUTH")
                            return finish(u"Redis at %1 refused the login: %2"_s.arg(where, text));
                        if (what == "SELECT")
                            return finish(
                                u"Redis at %1 refused database %2: %3"_s.arg(where).arg(m_url.db).arg(text));
                    }
                    return finish(u"Redis at %1: %2"_s.arg(where, text));
                }
                case LivePushScanner::Kind::Subscribed:
                    if (--subscriptionsLeft == 0) {
                        live = true;
                        reportLive();
                    }
                    break;
                case LivePushScanner::Kind::Protocol:
                    return finish(u"Redis at %1 sent something Sightline cannot read (%2)"_s.arg(
                        where, scanner.errorString()));
                case LivePushScanner::Kind::NeedMore:
                case LivePushScanner::Kind::Pong:
                case LivePushScanner::Kind::Other:
                    break;
                }
            }
        }
        if (!batch->isEmpty() && (n == 0 || sinceFlush.elapsed() >= flushMs)) {
            flush(batch);
            sinceFlush.restart();
        }
        // A server that accepted the connection but does not answer the login and subscriptions.
        if (!live && sinceData.elapsed() >= m_url.timeoutMs)
            return finish(u"Redis at %1 did not answer within %2 ms"_s.arg(where).arg(m_url.timeoutMs));
        if (n == 0 && sinceData.elapsed() >= IdleProbeMs) {
            // A silent connection may be dead without a FIN (a cable, a NAT): ask.
            if (!probing) {
                probing = true;
                if (QString error = m_transport->writeAll(encodeCommand({"PING"})); !error.isEmpty())
                    return finish(error);
            } else if (sinceData.elapsed() >= IdleProbeMs + m_url.timeoutMs) {
                return finish(
                    u"Redis at %1 did not answer PING within %2 ms"_s.arg(where).arg(m_url.timeoutMs));
            }
        }
    }
    return finish({});
}

} // namespace Sightline
