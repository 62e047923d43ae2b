#pragma once

// In-process stand-ins for servers that misbehave, for the bad-input tests of every backend.

#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace Sightline::TestSupport {

// Completes the TCP handshake and then says nothing: a hung server, a firewall that swallows
// packets after the handshake, a wrong port that belongs to some other service.
class SilentServer : public QTcpServer
{
public:
    QList<QTcpSocket *> held;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        held.append(socket); // kept open, never written to
    }
};

} // namespace Sightline::TestSupport
