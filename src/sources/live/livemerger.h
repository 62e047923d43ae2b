#pragma once

// The one merge point of the Live Events sources: every source hands its batches here (from its
// own thread, under one short lock); events whose id another source already delivered are dropped,
// and the batches wait, uncopied, until the hub's merge thread takes them and joins them into one.

#include "core/liveevent.h"
#include "sources/live/liveeventhub.h"

#include <QtGlobal>

#include <memory>
#include <mutex>
#include <vector>

namespace Sightline {

// The most recent `capacity` event ids, for "seen before?" in O(1) with bounded memory: a ring of
// ids in arrival order plus an open-addressing hash set (linear probing, backward-shift deletion)
// over the same ids. Both grow with use up to the capacity, so a quiet session stays small.
class LiveIdWindow
{
public:
    explicit LiveIdWindow(qsizetype capacity = 2000000);

    // True when `id` is new (and remembers it, forgetting the oldest id when full).
    bool insert(qint64 id);
    bool contains(qint64 id) const;
    qsizetype size() const { return m_count; }
    qsizetype capacity() const { return m_capacity; }

private:
    size_t slotOf(qint64 id) const;
    void erase(qint64 id);
    void growTable();

    qsizetype m_capacity;
    std::vector<qint64> m_ring; // grows to m_capacity, then wraps
    qsizetype m_ringHead = 0;   // the oldest id, once the ring is full
    qsizetype m_count = 0;
    std::vector<qint64> m_table; // EmptySlot marks a free slot; size is a power of two
    size_t m_mask = 0;
};

class LiveMerger
{
public:
    explicit LiveMerger(qsizetype idWindow = 2000000);

    // Drops ids seen before (negative ids, unparseable messages, are never duplicates) and queues
    // the rest. A batch without duplicates is queued as it is (no copy), so a source's thread
    // spends nothing here but the id lookups.
    void submit(std::unique_ptr<LiveEventBatch> batch);
    // Everything queued since the last take as one batch (joined outside the lock, on the caller's
    // thread), or null when nothing arrived.
    std::unique_ptr<LiveEventBatch> take();
    LiveHubCounters counters() const;

private:
    mutable std::mutex m_mutex;
    LiveIdWindow m_ids;
    std::vector<std::unique_ptr<LiveEventBatch>> m_pending;
    LiveHubCounters m_counters;
};

} // namespace Sightline
