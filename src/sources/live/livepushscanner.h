#pragma once

// A RESP2 reader specialised for a subscribed Redis connection: it reads "message" and "pmessage"
// pushes straight out of one receive buffer as views (no allocation per message), and the few
// other replies such a connection sees (+OK, -ERR, subscribe confirmations, pong). Bytes are
// written into the buffer's tail by the caller (recv() into writeSpace()); a message split over
// many reads is completed in place, and the scanner remembers how many bytes it needs, so a
// 10 MB payload is neither copied again per read nor scanned again per read.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace Sightline {

class LivePushScanner
{
public:
    enum class Kind {
        NeedMore,   // nothing complete: read more
        Message,    // a published message: channel, payload (and pattern for pmessage)
        Subscribed, // "subscribe" / "psubscribe" confirmation
        Status,     // +OK and other simple strings
        Error,      // -ERR …: text
        Pong,       // the answer to PING on a subscribed connection
        Other,      // any other complete reply (unsubscribe, integers, …)
        Protocol,   // not RESP: text says why; the scanner stays in this state
    };
    struct Item
    {
        Kind kind = Kind::NeedMore;
        QByteArrayView pattern; // pmessage only
        QByteArrayView channel;
        QByteArrayView payload;
        QByteArrayView text; // Status / Error
    };

    static constexpr qsizetype ReadChunk = 256 * 1024;
    static constexpr qint64 MaxBulkLength = qint64(512) * 1024 * 1024; // Redis' proto-max-bulk-len

    LivePushScanner();

    // Room for at least `minFree` bytes at the tail; write there, then commit() what was written.
    char *writeSpace(qsizetype minFree, qsizetype &available);
    void commit(qsizetype written) { m_end += written; }

    // The next complete item. Its views stay valid until the next writeSpace() or reset().
    Item next();
    void reset();

    qsizetype buffered() const { return m_end - m_begin; }
    qsizetype capacity() const { return qsizetype(m_buffer.size()); }
    const QString &errorString() const { return m_error; }

private:
    enum class Step { Done, Incomplete, Failed };
    Step readLine(qsizetype &pos, QByteArrayView &line);
    Step readInteger(qsizetype &pos, qint64 &value);
    Item fail(const QString &why);

    std::vector<char> m_buffer;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    qsizetype m_needed = 0; // bytes from m_begin the current item needs at least
    QString m_error;
};

} // namespace Sightline
