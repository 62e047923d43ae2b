#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Sightline {

// One RESP value (RESP2, plus the RESP3 types a server may send once HELLO 3 was said).
struct RespValue
{
    enum class Type : quint8 {
        SimpleString, // +OK
        Error,        // -ERR …
        Integer,      // :42
        BulkString,   // $3 abc (binary-safe)
        Null,         // $-1, *-1, _
        Array,        // *N, also RESP3 set (~) and push (>)
        Map,          // RESP3 %N: elements hold key, value, key, value, …
        Double,       // RESP3 ,3.14 (text kept in data)
        Boolean,      // RESP3 #t / #f (integer 1 / 0)
        BigNumber,    // RESP3 (123… (text kept in data)
    };
    Type type = Type::Null;
    QByteArray data;
    qint64 integer = 0;
    QList<RespValue> elements;

    bool isError() const { return type == Type::Error; }
    bool isNull() const { return type == Type::Null; }
    bool isString() const { return type == Type::SimpleString || type == Type::BulkString; }
    bool isArray() const { return type == Type::Array || type == Type::Map; }
    // Integers, and numbers sent as strings (PTTL in RESP2 is an integer; a score is a string).
    std::optional<qint64> toInteger() const;
    // For messages: the error text, or a short rendering of the value.
    QString toDisplayString() const;
};

// An incremental RESP parser: feed() the bytes as they arrive, take() complete values in order.
// Malformed input puts the reader in an error state (errorString()) that it keeps; it never
// asserts or reads past what it was given. Lengths are checked before anything is allocated.
class RespReader
{
public:
    // Redis' own default proto-max-bulk-len is 512 MB; anything longer is not a Redis reply.
    static constexpr qint64 MaxBulkLength = qint64(512) * 1024 * 1024;
    static constexpr qint64 MaxElements = qint64(1) << 32;
    static constexpr int MaxDepth = 64;
    static constexpr int MaxLineLength = 64 * 1024;

    void feed(const QByteArray &bytes);
    // The next complete value, or nothing (incomplete input, or an error: check hasError()).
    std::optional<RespValue> take();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qint64 bufferedBytes() const { return m_buffer.size() - m_pos; }
    void reset();

private:
    enum class Parse { Done, Incomplete, Failed };
    Parse parseValue(qsizetype &pos, RespValue &out, int depth);
    Parse parseLine(qsizetype &pos, QByteArrayView &line);
    Parse parseLength(qsizetype &pos, qint64 max, const char *what, qint64 &length);
    Parse fail(qsizetype pos, const QString &message);

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QString m_error;
};

// A command as a RESP array of bulk strings: binary-safe for keys and values.
QByteArray encodeCommand(const QList<QByteArray> &args);

} // namespace Sightline
