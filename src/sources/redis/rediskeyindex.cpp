#include "rediskeyindex.h"

#include <QHashFunctions>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr size_t ChunkSize = 1024 * 1024;

template<typename Namespace>
Namespace makeNamespaceOf(const char *data, quint32 length, quint32 parent, quint32 nameOffset)
{
    Namespace n;
    n.data = data;
    n.length = length;
    n.parent = parent;
    n.nameOffset = nameOffset;
    return n;
}

size_t hashKey(QByteArrayView key)
{
    return qHash(key, 0x9e3779b9u);
}
} // namespace

RedisKeyType redisKeyTypeFromName(QByteArrayView name)
{
    if (name == "string")
        return RedisKeyType::String;
    if (name == "hash")
        return RedisKeyType::Hash;
    if (name == "list")
        return RedisKeyType::List;
    if (name == "set")
        return RedisKeyType::Set;
    if (name == "zset")
        return RedisKeyType::ZSet;
    if (name == "stream")
        return RedisKeyType::Stream;
    if (name == "none" || name.isEmpty())
        return RedisKeyType::Unknown;
    return RedisKeyType::Other;
}

QString redisKeyTypeName(RedisKeyType type)
{
    switch (type) {
    case RedisKeyType::String:
        return u"string"_s;
    case RedisKeyType::Hash:
        return u"hash"_s;
    case RedisKeyType::List:
        return u"list"_s;
    case RedisKeyType::Set:
        return u"set"_s;
    case RedisKeyType::ZSet:
        return u"zset"_s;
    case RedisKeyType::Stream:
        return u"stream"_s;
    case RedisKeyType::Other:
        return u"other"_s;
    case RedisKeyType::Unknown:
        break;
    }
    return u"unknown"_s;
}

RedisKeyIndex::RedisKeyIndex(QByteArray delimiter)
    : m_delimiter(std::move(delimiter))
{
    clear();
}

RedisKeyIndex::~RedisKeyIndex() = default;

RedisKeyIndex::Namespace RedisKeyIndex::makeNamespace(const char *data, quint32 length, quint32 parent,
                                                      quint32 nameOffset)
{
    return makeNamespaceOf<Namespace>(data, length, parent, nameOffset);
}

void RedisKeyIndex::clear()
{
    m_chunks.clear();
    m_bigBlocks.clear();
    m_chunkUsed = 0;
    m_chunkSize = 0;
    m_keys.clear();
    m_keys.shrink_to_fit();
    m_namespaces.clear();
    m_namespaceByPrefix.clear();
    m_keySet.assign(1024, 0);
    m_namespaces.push_back(makeNamespace(nullptr, 0, Root, 0));
}

const char *RedisKeyIndex::store(QByteArrayView key)
{
    const auto length = size_t(key.size());
    if (length > ChunkSize / 4) {
        // A long key gets a block of its own, so the current chunk stays open for short ones.
        m_bigBlocks.push_back(std::make_unique<char[]>(length));
        std::memcpy(m_bigBlocks.back().get(), key.data(), length);
        return m_bigBlocks.back().get();
    }
    if (m_chunks.empty() || m_chunkUsed + length > m_chunkSize) {
        m_chunks.push_back(std::make_unique<char[]>(ChunkSize));
        m_chunkUsed = 0;
        m_chunkSize = ChunkSize;
    }
    char *data = m_chunks.back().get() + m_chunkUsed;
    std::memcpy(data, key.data(), length);
    m_chunkUsed += length;
    return data;
}

quint32 RedisKeyIndex::namespaceFor(const char *key, quint32 prefixLength, quint32 parent, quint32 nameOffset)
{
    const std::string_view prefix(key, prefixLength);
    if (const auto it = m_namespaceByPrefix.find(prefix); it != m_namespaceByPrefix.end())
        return it->second;
    const auto index = quint32(m_namespaces.size());
    m_namespaces.push_back(makeNamespace(key, prefixLength, parent, nameOffset));
    m_namespaceByPrefix.emplace(prefix, index);
    Namespace &up = m_namespaces[parent];
    up.children.push_back(index | NamespaceBit);
    return index;
}

void RedisKeyIndex::growKeySet()
{
    std::vector<quint32> bigger(m_keySet.size() * 2, 0);
    const size_t mask = bigger.size() - 1;
    for (const quint32 slot : m_keySet) {
        if (slot == 0)
            continue;
        const KeyEntry &entry = m_keys[slot - 1];
        size_t at = hashKey(QByteArrayView(entry.data, entry.length)) & mask;
        while (bigger[at] != 0)
            at = (at + 1) & mask;
        bigger[at] = slot;
    }
    m_keySet.swap(bigger);
}

std::optional<quint32> RedisKeyIndex::findKey(QByteArrayView key) const
{
    const size_t mask = m_keySet.size() - 1;
    for (size_t at = hashKey(key) & mask; m_keySet[at] != 0; at = (at + 1) & mask) {
        const KeyEntry &entry = m_keys[m_keySet[at] - 1];
        if (QByteArrayView(entry.data, entry.length) == key)
            return m_keySet[at] - 1;
    }
    return std::nullopt;
}

bool RedisKeyIndex::add(QByteArrayView key, RedisKeyType type, qint64 expiresAtMs, qint64 bytes)
{
    if (findKey(key))
        return false;
    if ((m_keys.size() + 1) * 2 > m_keySet.size())
        growKeySet();
    const char *data = store(key);
    // Walk the delimiters: "a:b:c" lives in namespace "a:b", inside namespace "a".
    quint32 ns = Root;
    quint32 segmentStart = 0;
    const auto length = quint32(key.size());
    if (!m_delimiter.isEmpty()) {
        const QByteArrayView whole(data, length);
        qsizetype found = whole.indexOf(m_delimiter, 0);
        while (found >= 0) {
            ns = namespaceFor(data, quint32(found), ns, segmentStart);
            segmentStart = quint32(found + m_delimiter.size());
            found = whole.indexOf(m_delimiter, segmentStart);
        }
    }
    const auto keyIndex = quint32(m_keys.size());
    m_keys.push_back(KeyEntry{data, length, ns, expiresAtMs, bytes, type});
    const size_t mask = m_keySet.size() - 1;
    size_t at = hashKey(key) & mask;
    while (m_keySet[at] != 0)
        at = (at + 1) & mask;
    m_keySet[at] = keyIndex + 1;

    Namespace &home = m_namespaces[ns];
    home.children.push_back(keyIndex);
    for (quint32 up = ns;; up = m_namespaces[up].parent) {
        Namespace &n = m_namespaces[up];
        n.keyCount += 1;
        n.bytes += qMax<qint64>(0, bytes);
        if (up == Root)
            break;
    }
    return true;
}

qint64 RedisKeyIndex::totalBytes() const
{
    return m_namespaces.front().bytes;
}

std::optional<quint32> RedisKeyIndex::findNamespace(QByteArrayView prefix) const
{
    const auto it = m_namespaceByPrefix.find(std::string_view(prefix.data(), size_t(prefix.size())));
    if (it == m_namespaceByPrefix.end())
        return std::nullopt;
    return it->second;
}

RedisKeyIndex::NamespaceInfo RedisKeyIndex::namespaceInfo(quint32 ns) const
{
    const Namespace &n = m_namespaces.at(ns);
    NamespaceInfo info;
    info.prefix = QByteArray(n.data, n.length);
    info.name = info.prefix.mid(n.nameOffset);
    info.keyCount = n.keyCount;
    info.bytes = n.bytes;
    info.childCount = qsizetype(n.children.size());
    return info;
}

RedisKeyIndex::KeyInfo RedisKeyIndex::keyInfo(quint32 key) const
{
    const KeyEntry &entry = m_keys.at(key);
    KeyInfo info;
    info.key = QByteArray(entry.data, entry.length);
    const Namespace &home = m_namespaces.at(entry.ns);
    info.name = entry.ns == Root ? info.key : info.key.mid(home.length + m_delimiter.size());
    info.type = entry.type;
    info.expiresAtMs = entry.expiresAtMs;
    info.bytes = entry.bytes;
    return info;
}

QByteArrayView RedisKeyIndex::childName(quint32 child) const
{
    if (child & NamespaceBit) {
        const Namespace &n = m_namespaces[child & ~NamespaceBit];
        return QByteArrayView(n.data + n.nameOffset, n.length - n.nameOffset);
    }
    const KeyEntry &entry = m_keys[child];
    return QByteArrayView(entry.data, entry.length);
}

qsizetype RedisKeyIndex::childCount(quint32 ns) const
{
    return ns < m_namespaces.size() ? qsizetype(m_namespaces[ns].children.size()) : 0;
}

RedisKeyIndex::Namespace *RedisKeyIndex::sortedNamespace(quint32 ns)
{
    if (ns >= m_namespaces.size())
        return nullptr;
    Namespace &n = m_namespaces[ns];
    if (n.sortedCount < n.children.size()) {
        // While a scan runs, a namespace is listed again and again with a few new keys each time:
        // sort only what arrived since, and merge it in (linear), instead of sorting it all.
        const auto less = [this](quint32 a, quint32 b) {
            const bool aNs = a & NamespaceBit;
            const bool bNs = b & NamespaceBit;
            if (aNs != bNs)
                return aNs;
            return childName(a) < childName(b);
        };
        const auto middle = n.children.begin() + qsizetype(n.sortedCount);
        std::sort(middle, n.children.end(), less);
        std::inplace_merge(n.children.begin(), middle, n.children.end(), less);
        n.sortedCount = n.children.size();
    }
    return &n;
}

QList<RedisKeyIndex::Child> RedisKeyIndex::children(quint32 ns, qsizetype offset, qsizetype limit)
{
    QList<Child> out;
    const Namespace *n = sortedNamespace(ns);
    if (!n)
        return out;
    const auto size = qsizetype(n->children.size());
    for (qsizetype i = qMax<qsizetype>(0, offset); i < size && out.size() < limit; ++i) {
        const quint32 child = n->children[size_t(i)];
        out.append(Child{bool(child & NamespaceBit), child & ~NamespaceBit});
    }
    return out;
}

RedisKeyIndex::Position RedisKeyIndex::positionOf(Child child) const
{
    const quint32 packed = child.isNamespace ? child.index | NamespaceBit : child.index;
    return Position{child.isNamespace, childName(packed).toByteArray()};
}

QList<RedisKeyIndex::Child> RedisKeyIndex::childrenAfter(quint32 ns, const Position *after, qsizetype limit,
                                                         bool *more)
{
    QList<Child> out;
    if (more)
        *more = false;
    const Namespace *n = sortedNamespace(ns);
    if (!n)
        return out;
    auto it = n->children.begin();
    if (after) {
        // The first child that sorts after the position: namespaces before keys, then by name.
        it = std::upper_bound(n->children.begin(), n->children.end(), *after,
                              [this](const Position &position, quint32 child) {
                                  const bool childNs = child & NamespaceBit;
                                  if (position.isNamespace != childNs)
                                      return position.isNamespace;
                                  return QByteArrayView(position.name) < childName(child);
                              });
    }
    for (; it != n->children.end() && out.size() < limit; ++it)
        out.append(Child{bool(*it & NamespaceBit), *it & ~NamespaceBit});
    if (more)
        *more = it != n->children.end();
    return out;
}

} // namespace Sightline
