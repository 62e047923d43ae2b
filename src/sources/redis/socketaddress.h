#pragma once

// For the clients that drive a POSIX socket themselves (the live subscriber and the event
// publisher read and write in large non-blocking chunks, which QTcpSocket's buffering slows).

#include <QHostAddress>

#include <sys/socket.h>

namespace Sightline {

// Fills `out` with `address`:`port` (IPv4 or IPv6) and returns its length for connect().
socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage &out);

} // namespace Sightline
