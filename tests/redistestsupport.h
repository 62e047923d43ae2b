#pragma once

// Helpers for the Redis tests: the server from scripts/lib/redis.sh, redis-cli for test data,
// and in-process servers that misbehave.

#include "awaitfuture.h"
#include "sources/storagesource.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

namespace RedisTest {

using Sightline::TestSupport::await;

// Runs redis-cli against the test server (test data, checks); returns its stdout, trimmed.
inline QByteArray cli(quint16 port, const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral("redis-cli"), QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                                           QStringLiteral("-p"), QString::number(port)} +
                                                   args);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(60000);
    return process.readAllStandardOutput().trimmed();
}

// A private redis-server of the test's own, for tests that kill a server or fill it with
// millions of keys. DEBUG is enabled so that DEBUG POPULATE can fill it in a blink.
class PrivateServer
{
public:
    ~PrivateServer() { kill(); }
    bool start()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return false;
        port = probe.serverPort();
        probe.close();
        return launch();
    }
    // After kill(): the same port again, empty (nothing is persisted).
    bool restart()
    {
        kill();
        return launch();
    }
    bool launch()
    {
        process.setProgram(QStringLiteral("redis-server"));
        process.setArguments({QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
                              QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                              QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                              dir.path(), QStringLiteral("--enable-debug-command"), QStringLiteral("yes")});
        process.start();
        if (!process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            if (cli(port, {QStringLiteral("PING")}) == "PONG")
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    void kill()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1/0").arg(port); }

    QProcess process;
    QTemporaryDir dir;
    quint16 port = 0;
};

// Accepts connections and then does what `behaviour` says with each.
class ScriptedServer : public QTcpServer
{
public:
    enum class Behaviour {
        Silent,      // never says anything: a hung server, a firewall that accepts
        CloseAtOnce, // closes as soon as the command arrives
        HalfReply,   // starts a bulk reply and closes in the middle of it
        Garbage,     // answers like an HTTP server
    };
    explicit ScriptedServer(Behaviour behaviour)
        : m_behaviour(behaviour)
    {
    }
    QList<QTcpSocket *> held;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        held.append(socket);
        if (m_behaviour == Behaviour::Silent)
            return;
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->readAll();
            if (m_behaviour == Behaviour::HalfReply)
                socket->write("$100\r\nonly a part");
            else if (m_behaviour == Behaviour::Garbage)
                socket->write("HTTP/1.1 400 Bad Request\r\n\r\n");
            socket->flush();
            socket->disconnectFromHost();
        });
    }

private:
    Behaviour m_behaviour;
};

} // namespace RedisTest
