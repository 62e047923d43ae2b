#include "livemerger.h"

#include "telemetry/metrics.h"

#include <QScopeGuard>

#include <limits>

namespace Sightline {

namespace {
constexpr qint64 EmptySlot = std::numeric_limits<qint64>::min();
constexpr size_t InitialSlots = 1024;

size_t slotsFor(qsizetype capacity)
{
    // At most half full at capacity: linear probing stays short.
    size_t n = InitialSlots;
    while (n < size_t(capacity) * 2)
        n *= 2;
    return n;
}
} // namespace

LiveIdWindow::LiveIdWindow(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity))
{
    m_table.assign(qMin(InitialSlots, slotsFor(m_capacity)), EmptySlot);
    m_mask = m_table.size() - 1;
}

size_t LiveIdWindow::slotOf(qint64 id) const
{
    // Ids arrive mostly in sequence: a multiplicative hash spreads neighbours over the table.
    const quint64 h = quint64(id) * 0x9E3779B97F4A7C15ull;
    return size_t(h ^ (h >> 29)) & m_mask;
}

bool LiveIdWindow::contains(qint64 id) const
{
    for (size_t i = slotOf(id);; i = (i + 1) & m_mask) {
        if (m_table[i] == id)
            return true;
        if (m_table[i] == EmptySlot)
            return false;
    }
}

void LiveIdWindow::growTable()
{
    std::vector<qint64> old(m_table.size() * 2, EmptySlot);
    old.swap(m_table);
    m_mask = m_table.size() - 1;
    for (const qint64 id : old) {
        if (id == EmptySlot)
            continue;
        size_t i = slotOf(id);
        while (m_table[i] != EmptySlot)
            i = (i + 1) & m_mask;
        m_table[i] = id;
    }
}

void LiveIdWindow::erase(qint64 id)
{
    size_t i = slotOf(id);
    while (m_table[i] != id) {
        if (m_table[i] == EmptySlot)
            return;
        i = (i + 1) & m_mask;
    }
    // Backward-shift deletion: pull later entries of the same probe run into the hole, so lookups
    // never need tombstones.
    size_t j = i;
    for (;;) {
        m_table[i] = EmptySlot;
        for (;;) {
            j = (j + 1) & m_mask;
            if (m_table[j] == EmptySlot)
                return;
            const size_t home = slotOf(m_table[j]);
            const bool staysPut = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!staysPut)
                break;
        }
        m_table[i] = m_table[j];
        i = j;
    }
}

bool LiveIdWindow::insert(qint64 id)
{
    if (id == EmptySlot)
        return true;
    size_t i = slotOf(id);
    while (m_table[i] != EmptySlot) {
        if (m_table[i] == id)
            return false;
        i = (i + 1) & m_mask;
    }
    if (m_count == m_capacity) {
        // Forget the oldest id; its ring slot takes the new one.
        const qint64 oldest = m_ring[size_t(m_ringHead)];
        m_ring[size_t(m_ringHead)] = id;
        m_ringHead = (m_ringHead + 1) % m_capacity;
        erase(oldest);
        // The erase may have shifted entries: find the free slot again.
        i = slotOf(id);
        while (m_table[i] != EmptySlot)
            i = (i + 1) & m_mask;
        m_table[i] = id;
        return true;
    }
    m_ring.push_back(id);
    ++m_count;
    m_table[i] = id;
    if (size_t(m_count) * 2 > m_table.size())
        growTable();
    return true;
}

LiveMerger::LiveMerger(qsizetype idWindow)
    : m_ids(idWindow)
{
}

void LiveMerger::submit(std::unique_ptr<LiveEventBatch> batch)
{
    if (!batch || batch->isEmpty())
        return;
    qint64 duplicates = 0;
    qint64 unparseable = 0;
    qint64 ingested[4] = {}; // by LiveSource
    // Sightline's own metrics are updated after the lock is released, once per batch.
    const auto reportMetrics = qScopeGuard([&] {
        static constexpr const char *names[4] = {"redis", "postgres", "poll", "history"};
        for (int s = 0; s < 4; ++s)
            if (ingested[s] > 0)
                Metrics::addLiveEventsIngested(names[s], double(ingested[s]));
        if (duplicates > 0)
            Metrics::addLiveEventsDropped("duplicate", double(duplicates));
        if (unparseable > 0)
            Metrics::addLiveEventsDropped("unparseable", double(unparseable));
    });
    std::lock_guard lock(m_mutex);
    const qint64 duplicatesBefore = m_counters.duplicates;
    const qsizetype n = batch->size();
    m_counters.received += n;
    // Most batches have no duplicate: find the first one, if any, before copying anything.
    qsizetype firstDuplicate = n;
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 id = batch->at(i).id;
        if (id >= 0 && !m_ids.insert(id)) {
            firstDuplicate = i;
            break;
        }
    }
    if (firstDuplicate < n) {
        auto kept = std::make_unique<LiveEventBatch>();
        for (qsizetype i = 0; i < firstDuplicate; ++i)
            kept->appendFrom(*batch, batch->at(i));
        ++m_counters.duplicates;
        for (qsizetype i = firstDuplicate + 1; i < n; ++i) {
            const LiveEventRecord &r = batch->at(i);
            if (r.id >= 0 && !m_ids.insert(r.id)) {
                ++m_counters.duplicates;
                continue;
            }
            kept->appendFrom(*batch, r);
        }
        batch = std::move(kept);
        duplicates = m_counters.duplicates - duplicatesBefore;
        if (batch->isEmpty())
            return;
    }
    for (const LiveEventRecord &r : batch->records()) {
        unparseable += r.has(LiveEventRecord::Unparseable) ? 1 : 0;
        ++ingested[qMin(int(r.source), 3)];
    }
    m_counters.unparseable += unparseable;
    m_counters.delivered += batch->size();
    m_pending.push_back(std::move(batch));
}

std::unique_ptr<LiveEventBatch> LiveMerger::take()
{
    std::vector<std::unique_ptr<LiveEventBatch>> pending;
    {
        std::lock_guard lock(m_mutex);
        pending.swap(m_pending);
    }
    if (pending.empty())
        return nullptr;
    if (pending.size() == 1)
        return std::move(pending.front());
    qsizetype records = 0;
    qint64 bytes = 0;
    for (const auto &batch : pending) {
        records += batch->size();
        bytes += batch->memoryBytes();
    }
    auto joined = std::make_unique<LiveEventBatch>();
    // memoryBytes() counts the records too: an upper bound for the text, close enough to reserve.
    joined->reserve(records, qsizetype(bytes - records * qint64(sizeof(LiveEventRecord))) + 64);
    for (const auto &batch : pending)
        for (const LiveEventRecord &r : batch->records())
            joined->appendFrom(*batch, r);
    return joined;
}

LiveHubCounters LiveMerger::counters() const
{
    std::lock_guard lock(m_mutex);
    return m_counters;
}

} // namespace Sightline
