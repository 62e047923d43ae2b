#include "liveeventring.h"

#include <algorithm>

namespace Sightline {

LiveEventRing::LiveEventRing(LiveEventRingLimits limits)
    : m_limits(limits)
{
}

void LiveEventRing::setLimits(LiveEventRingLimits limits)
{
    m_limits = limits;
    trim();
}

qint64 LiveEventRing::append(LiveEventBatchPtr batch)
{
    if (!batch || batch->isEmpty())
        return 0;
    Chunk chunk;
    chunk.seq = m_endSeq;
    chunk.bytes = batch->memoryBytes();
    m_endSeq += quint64(batch->size());
    m_bytes += chunk.bytes;
    chunk.batch = std::move(batch);
    m_chunks.push_back(std::move(chunk));
    const qint64 before = m_dropped;
    trim();
    return m_dropped - before;
}

void LiveEventRing::clear()
{
    // Not counted as dropped: that counts what the caps pushed out (the view offers history then).
    m_chunks.clear();
    m_firstSeq = m_endSeq;
    m_bytes = 0;
    m_lastChunk = 0;
}

void LiveEventRing::trim()
{
    // Whole batches go while the memory is over the cap: their bytes are only freed as a whole.
    // The newest stays even when it alone is over the cap, so the view never empties.
    while (m_chunks.size() > 1 && m_bytes > m_limits.maxBytes) {
        const Chunk &front = m_chunks.front();
        const qint64 held = front.batch->size() - front.skip;
        m_dropped += held;
        m_firstSeq += quint64(held);
        m_bytes -= front.bytes;
        m_chunks.pop_front();
    }
    // Then single events while there are more than the capacity.
    qint64 excess = size() - std::max<qint64>(0, m_limits.maxEvents);
    while (excess > 0 && !m_chunks.empty()) {
        Chunk &front = m_chunks.front();
        const qint64 held = front.batch->size() - front.skip;
        const qint64 take = std::min(held, excess);
        front.skip += qsizetype(take);
        m_firstSeq += quint64(take);
        m_dropped += take;
        excess -= take;
        if (front.skip == front.batch->size()) {
            m_bytes -= front.bytes;
            m_chunks.pop_front();
        }
    }
    if (m_chunks.empty())
        m_firstSeq = m_endSeq;
    m_lastChunk = std::min<qsizetype>(m_lastChunk, std::max<qsizetype>(0, qsizetype(m_chunks.size()) - 1));
}

LiveEventRing::Ref LiveEventRing::at(quint64 seq) const
{
    Q_ASSERT(seq >= m_firstSeq && seq < m_endSeq);
    if (seq < m_firstSeq || seq >= m_endSeq || m_chunks.empty())
        return {};
    auto contains = [&](qsizetype i) {
        const Chunk &c = m_chunks[size_t(i)];
        return seq >= c.seq && seq < c.seq + quint64(c.batch->size());
    };
    qsizetype index = m_lastChunk;
    if (index >= qsizetype(m_chunks.size()) || !contains(index)) {
        // Neighbours first: views read rows in order.
        if (index + 1 < qsizetype(m_chunks.size()) && contains(index + 1)) {
            ++index;
        } else {
            const auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), seq,
                                             [](quint64 s, const Chunk &c) { return s < c.seq; });
            index = qsizetype(it - m_chunks.begin()) - 1;
        }
    }
    m_lastChunk = index;
    const Chunk &c = m_chunks[size_t(index)];
    return Ref{&c.batch->at(qsizetype(seq - c.seq)), c.batch.get()};
}

} // namespace Sightline
