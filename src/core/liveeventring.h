#pragma once

// The Live Events view's bounded buffer: batches kept whole in arrival order, addressed by a
// sequence number that only grows. Appending moves a batch in (no copy); when the ring holds more
// than its event capacity or memory cap, the oldest events are dropped (their batch is freed once
// none of it is left). Used on one thread (the GUI thread), no locking.

#include "liveevent.h"

#include <QtGlobal>

#include <deque>

namespace Sightline {

struct LiveEventRingLimits
{
    qint64 maxEvents = 1000000;
    qint64 maxBytes = qint64(320) * 1024 * 1024; // records + text
};

class LiveEventRing
{
public:
    explicit LiveEventRing(LiveEventRingLimits limits = {});

    const LiveEventRingLimits &limits() const { return m_limits; }
    // Applies at once: drops the oldest events until the ring fits.
    void setLimits(LiveEventRingLimits limits);

    // Takes the batch; returns how many of the oldest events were dropped to make room. The
    // newest batch is always kept, even when it alone is over the memory cap.
    qint64 append(LiveEventBatchPtr batch);
    void clear(); // drops everything; sequence numbers keep growing

    // Sequence numbers of the events held: [firstSeq(), endSeq()). Empty when equal.
    quint64 firstSeq() const { return m_firstSeq; }
    quint64 endSeq() const { return m_endSeq; }
    qint64 size() const { return qint64(m_endSeq - m_firstSeq); }
    bool isEmpty() const { return m_endSeq == m_firstSeq; }
    qint64 memoryBytes() const { return m_bytes; }
    qint64 droppedTotal() const { return m_dropped; } // events dropped for room (not by clear())

    // One held event: its record and the batch that holds its text. seq must be in range.
    struct Ref
    {
        const LiveEventRecord *record = nullptr;
        const LiveEventBatch *batch = nullptr;
    };
    Ref at(quint64 seq) const;

    // The held batches in order, for scans that skip whole batches by their axis-time range
    // (the timeline). `firstIndex` is the first record of `batch` still held.
    struct Span
    {
        const LiveEventBatch *batch = nullptr;
        quint64 firstSeq = 0;     // sequence number of batch->at(firstIndex)
        qsizetype firstIndex = 0; // records before it were dropped
    };
    template<typename F>
    void forEachSpan(F &&f) const
    {
        for (const Chunk &c : m_chunks)
            f(Span{c.batch.get(), c.seq + quint64(c.skip), c.skip});
    }
    qsizetype batchCount() const { return qsizetype(m_chunks.size()); }

private:
    struct Chunk
    {
        LiveEventBatchPtr batch;
        quint64 seq = 0;    // sequence number of batch->at(0)
        qsizetype skip = 0; // records already dropped from the front
        qint64 bytes = 0;
    };
    void trim();

    LiveEventRingLimits m_limits;
    std::deque<Chunk> m_chunks;
    quint64 m_firstSeq = 0;
    quint64 m_endSeq = 0;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
    mutable qsizetype m_lastChunk = 0; // at() remembers where it looked last
};

} // namespace Sightline
