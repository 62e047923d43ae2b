#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Sightline {

enum class RedisKeyType : quint8 { Unknown, String, Hash, List, Set, ZSet, Stream, Other };
RedisKeyType redisKeyTypeFromName(QByteArrayView name); // the answer of TYPE
QString redisKeyTypeName(RedisKeyType type);

// Every key a SCAN found, split on a delimiter into nested namespaces that carry the count and
// summed bytes of the keys below them. Built for millions of keys: key bytes live in large
// chunks (not one QByteArray each), a key costs ~40 bytes plus its name, and the tree is only
// sorted when a namespace is listed. Not thread-safe: one thread builds and reads it.
class RedisKeyIndex
{
public:
    static constexpr quint32 Root = 0;

    struct Child
    {
        bool isNamespace = false;
        quint32 index = 0;
    };
    struct NamespaceInfo
    {
        QByteArray prefix; // "eval:ev-1": the keys below start with prefix + delimiter
        QByteArray name;   // its last segment: "ev-1"
        qint64 keyCount = 0;
        qint64 bytes = 0;
        qsizetype childCount = 0;
    };
    struct KeyInfo
    {
        QByteArray key;
        QByteArray name; // the part after the namespace's prefix and delimiter
        RedisKeyType type = RedisKeyType::Unknown;
        qint64 expiresAtMs = -1;
        qint64 bytes = -1;
    };

    explicit RedisKeyIndex(QByteArray delimiter = QByteArrayLiteral(":"));
    ~RedisKeyIndex();

    void clear();
    const QByteArray &delimiter() const { return m_delimiter; }
    // False when the key is already there (SCAN may return a key more than once).
    bool add(QByteArrayView key, RedisKeyType type, qint64 expiresAtMs, qint64 bytes);

    qint64 keyCount() const { return qint64(m_keys.size()); }
    qint64 totalBytes() const;
    std::optional<quint32> findNamespace(QByteArrayView prefix) const;
    std::optional<quint32> findKey(QByteArrayView key) const;
    NamespaceInfo namespaceInfo(quint32 ns) const;
    KeyInfo keyInfo(quint32 key) const;
    // Namespaces first, then keys, each in byte order; sorts the namespace on first use.
    QList<Child> children(quint32 ns, qsizetype offset, qsizetype limit);
    // Where a page ended, by name rather than by position: it stays put while keys are added.
    struct Position
    {
        bool isNamespace = false;
        QByteArray name; // a namespace's last segment, a key's whole name
    };
    Position positionOf(Child child) const;
    // The children after `after` (from the first when null), in the order of children(); `more`
    // tells whether any are left after the last one returned.
    QList<Child> childrenAfter(quint32 ns, const Position *after, qsizetype limit, bool *more = nullptr);
    qsizetype childCount(quint32 ns) const;

private:
    struct KeyEntry
    {
        const char *data;
        quint32 length;
        quint32 ns;
        qint64 expiresAtMs;
        qint64 bytes;
        RedisKeyType type;
    };
    struct Namespace
    {
        const char *data = nullptr; // the prefix, inside the first key that had it
        quint32 length = 0;
        quint32 parent = 0;
        quint32 nameOffset = 0;
        qint64 keyCount = 0;
        qint64 bytes = 0;
        std::vector<quint32> children; // top bit set: a namespace
        size_t sortedCount = 0;        // children[0, sortedCount) are in order; the rest arrived since
    };
    static constexpr quint32 NamespaceBit = 0x80000000u;

    static Namespace makeNamespace(const char *data, quint32 length, quint32 parent, quint32 nameOffset);
    const char *store(QByteArrayView key);
    quint32 namespaceFor(const char *key, quint32 prefixLength, quint32 parent, quint32 nameOffset);
    void growKeySet();
    QByteArrayView childName(quint32 child) const;
    Namespace *sortedNamespace(quint32 ns);

    QByteArray m_delimiter;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::vector<std::unique_ptr<char[]>> m_bigBlocks;
    size_t m_chunkUsed = 0;
    size_t m_chunkSize = 0;
    std::vector<KeyEntry> m_keys;
    std::vector<Namespace> m_namespaces;
    std::unordered_map<std::string_view, quint32> m_namespaceByPrefix;
    std::vector<quint32> m_keySet; // open addressing: key index + 1, 0 empty
};

} // namespace Sightline
