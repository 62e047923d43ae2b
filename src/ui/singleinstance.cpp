#include "singleinstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
Q_LOGGING_CATEGORY(lcInstance, "sightline.instance")

constexpr int IdleTimeoutMs = 10000; // a client that connects and says nothing

// Not a QObject: lupdate files SingleInstanceTr::tr() under the context it looks up at run time.
struct SingleInstanceTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::SingleInstanceServer)
};
} // namespace

QString defaultInstanceSocketPath()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        return runtime + u"/sightline/instance"_s;
    return QDir::tempPath() + u"/sightline-"_s + QString::number(::getuid()) + u"/instance"_s;
}

bool prepareInstanceSocketDir(const QString &socketPath, QString *error)
{
    const QString dir = QFileInfo(socketPath).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = SingleInstanceTr::tr("cannot create %1").arg(dir);
        return false;
    }
    struct stat info = {};
    const QByteArray native = QFile::encodeName(dir);
    if (::lstat(native.constData(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid()) {
        if (error)
            *error = SingleInstanceTr::tr("%1 is not a folder of this user").arg(dir);
        return false;
    }
    if ((info.st_mode & 0777) != 0700 && ::chmod(native.constData(), 0700) != 0) {
        if (error)
            *error = SingleInstanceTr::tr("cannot make %1 private").arg(dir);
        return false;
    }
    return true;
}

SingleInstanceServer::SingleInstanceServer(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
    , m_server(new QLocalServer(this))
{
    // No socket options: with them Qt binds elsewhere and renames the socket into place, which
    // silently replaces a running instance's socket. The folder is private (0700) anyway.
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstanceServer::accept);
}

SingleInstanceServer::~SingleInstanceServer()
{
    m_server->close(); // removes the socket file
    m_lock.reset();    // then lets the next instance in
}

bool SingleInstanceServer::isListening() const
{
    return m_server->isListening();
}

void SingleInstanceServer::start()
{
    QString error;
    if (!prepareInstanceSocketDir(m_path, &error)) {
        Q_EMIT failed(error);
        return;
    }
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(m_path + u".lock"_s);
        m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    }
    if (!m_lock->isLocked() && !m_lock->tryLock(0)) {
        Q_EMIT failed(m_lock->error() == QLockFile::LockFailedError
                          ? SingleInstanceTr::tr("another Sightline is already listening on %1").arg(m_path)
                          : SingleInstanceTr::tr("cannot lock %1.lock").arg(m_path));
        return;
    }
    if (QFileInfo::exists(m_path) || QFileInfo(m_path).isSymLink())
        probeStale();
    else
        listenNow(true);
}

void SingleInstanceServer::listenNow(bool mayRemoveStale)
{
    if (m_server->listen(m_path)) {
        qCDebug(lcInstance) << "listening on" << m_path;
        Q_EMIT listening();
        return;
    }
    if (mayRemoveStale && m_server->serverError() == QAbstractSocket::AddressInUseError) {
        probeStale();
        return;
    }
    Q_EMIT failed(SingleInstanceTr::tr("cannot listen on %1: %2").arg(m_path, m_server->errorString()));
}

void SingleInstanceServer::probeStale()
{
    // Someone answering there is another instance; nobody answering is a crashed one's leftover.
    auto *probe = new QLocalSocket(this);
    auto *timer = new QTimer(probe);
    timer->setSingleShot(true);
    connect(probe, &QLocalSocket::connected, this, [this, probe] {
        probe->abort();
        probe->deleteLater();
        Q_EMIT failed(SingleInstanceTr::tr("another Sightline is already listening on %1").arg(m_path));
    });
    connect(probe, &QLocalSocket::errorOccurred, this, [this, probe](QLocalSocket::LocalSocketError) {
        if (probe->state() == QLocalSocket::ConnectedState)
            return;
        probe->deleteLater();
        qCInfo(lcInstance) << "removing the stale socket" << m_path;
        QLocalServer::removeServer(m_path);
        listenNow(false);
    });
    connect(timer, &QTimer::timeout, this, [this, probe] {
        probe->disconnect(this);
        probe->abort();
        probe->deleteLater();
        Q_EMIT failed(SingleInstanceTr::tr("%1 exists and does not answer").arg(m_path));
    });
    timer->start(2000);
    probe->connectToServer(m_path);
}

void SingleInstanceServer::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket,
                [socket] { answer(socket, false, SingleInstanceTr::tr("no link arrived in time")); });
        idle->start(IdleTimeoutMs);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        readFrom(socket);
    }
}

void SingleInstanceServer::readFrom(QLocalSocket *socket)
{
    if (socket->property("sightline.handled").toBool()) {
        socket->readAll(); // one message per connection; anything after it is dropped unread
        return;
    }
    QByteArray buffer = socket->property("sightline.buffer").toByteArray();
    // Read no more than one byte past the limit: a 10 MB message costs 64 KB of memory.
    buffer += socket->read(MaxMessageBytes + 1 - buffer.size());
    const qsizetype newline = buffer.indexOf('\n');
    if (newline < 0 && buffer.size() <= MaxMessageBytes) {
        socket->setProperty("sightline.buffer", buffer);
        return;
    }
    socket->setProperty("sightline.handled", true);
    socket->setProperty("sightline.buffer", QVariant());
    if (auto *idle = socket->findChild<QTimer *>())
        idle->stop();
    if (newline < 0 || newline > MaxMessageBytes) {
        qCWarning(lcInstance) << "refused a message over" << MaxMessageBytes << "bytes";
        answer(socket, false, SingleInstanceTr::tr("the message is longer than 64 KB"));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(buffer.left(newline), &parseError);
    const QJsonValue link = document.object().value(u"link"_s);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !link.isString()) {
        qCWarning(lcInstance) << "refused a message that is not {\"link\": …}";
        answer(socket, false,
               SingleInstanceTr::tr("the message is not a JSON object with a \"link\" string"));
        return;
    }
    if (!m_handler) {
        answer(socket, false, SingleInstanceTr::tr("this Sightline cannot open links"));
        return;
    }
    QPointer<QLocalSocket> guard = socket;
    m_handler(link.toString(), [guard](bool ok, const QString &message) {
        if (guard)
            answer(guard, ok, message);
    });
}

void SingleInstanceServer::answer(QLocalSocket *socket, bool ok, const QString &message)
{
    if (socket->property("sightline.answered").toBool())
        return;
    socket->setProperty("sightline.answered", true);
    const QJsonObject object{{u"ok"_s, ok}, {u"message"_s, message}};
    socket->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    socket->disconnectFromServer(); // after the answer is written; disconnected() deletes it
}

SingleInstanceClient::SingleInstanceClient(QObject *parent)
    : QObject(parent)
{
}

SingleInstanceClient::~SingleInstanceClient() = default;

void SingleInstanceClient::send(const QString &link, const QString &socketPath, int connectTimeoutMs,
                                int answerTimeoutMs)
{
    const QJsonObject object{{u"link"_s, link}};
    sendRaw(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n', socketPath, connectTimeoutMs,
            answerTimeoutMs);
}

void SingleInstanceClient::sendRaw(const QByteArray &bytes, const QString &socketPath, int connectTimeoutMs,
                                   int answerTimeoutMs)
{
    m_pending = bytes;
    m_answerTimeoutMs = answerTimeoutMs;
    m_socket = new QLocalSocket(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_connected) {
            m_socket->abort();
            m_done = true;
            Q_EMIT noInstance();
            return;
        }
        finish(false, tr("The running Sightline did not answer in time."));
    });
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        m_timer->start(m_answerTimeoutMs);
        m_socket->write(m_pending);
        m_pending.clear();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &SingleInstanceClient::readAnswer);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_done)
            return;
        if (!m_connected) {
            m_done = true;
            m_timer->stop();
            Q_EMIT noInstance();
            return;
        }
        // The server may close right after its answer: read what it sent first.
        if (m_socket->bytesAvailable() > 0)
            readAnswer();
        if (!m_done && m_socket->error() != QLocalSocket::PeerClosedError)
            finish(false,
                   tr("The connection to the running Sightline broke: %1").arg(m_socket->errorString()));
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        if (m_socket->bytesAvailable() > 0)
            readAnswer();
        if (!m_done)
            finish(false, tr("The running Sightline closed the connection without an answer."));
    });
    m_timer->start(connectTimeoutMs);
    m_socket->connectToServer(socketPath);
}

void SingleInstanceClient::readAnswer()
{
    if (m_done)
        return;
    m_received += m_socket->read(SingleInstanceServer::MaxMessageBytes - m_received.size() + 1);
    const qsizetype newline = m_received.indexOf('\n');
    if (newline < 0 && m_received.size() <= SingleInstanceServer::MaxMessageBytes)
        return;
    const QJsonObject object = QJsonDocument::fromJson(m_received.left(newline)).object();
    if (!object.value(u"ok"_s).isBool()) {
        finish(false, tr("The running Sightline gave an answer that makes no sense."));
        return;
    }
    finish(object.value(u"ok"_s).toBool(), object.value(u"message"_s).toString());
}

void SingleInstanceClient::finish(bool ok, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    m_socket->abort();
    Q_EMIT answered(ok, message);
}

} // namespace Sightline
