#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sightline::Bench {

struct LiveIngestOptions
{
    QString redisUrl;
    QList<double> rates{50000, 100000, 200000, 300000, 400000}; // events/s, in rising order
    double seconds = 5.0;                                       // per rate
    QByteArray channel = QByteArrayLiteral("events");
    qint64 fillEvents = 1000000; // buffered events at which rss_mb_at_1m is read
    bool peer = true;            // also measure redis-cli SUBSCRIBE
};

// live-ingest (DESIGN.md §6): a publisher on the real Redis at rising rates into an in-process
// LiveEventHub feeding the Live Events view (model and widgets, offscreen) on the GUI thread;
// reports the highest rate with nothing lost, the GUI thread's stalls, RSS at a million buffered
// events, and beside it the highest rate at which `redis-cli SUBSCRIBE` keeps up.
int runLiveIngestBench(const LiveIngestOptions &options);

} // namespace Sightline::Bench
