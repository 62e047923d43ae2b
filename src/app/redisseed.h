#pragma once

#include "core/datagenerator.h"

#include <QString>

#include <atomic>

namespace Sightline {

struct RedisSeedResult
{
    QString error;
    qint64 keys = 0;     // keys the stream creates
    qint64 commands = 0; // commands in the stream (what redis-cli --pipe reports as replies)
    bool cancelled = false;
};

// Writes the RESP mass-insert stream that `redis-cli --pipe < FILE` loads: the platform's keys
// (DESIGN.md §4) for the generator's evaluations — eval:<id>:result (string, most with a TTL),
// eval:<id>:status (hash), queue:evaluations (list), events:recent (stream), workers:active (set),
// leaderboard:duration (zset) — plus a few keys whose names and values are not UTF-8.
RedisSeedResult writeRedisEvaluationProtocol(const QString &path, const GeneratorOptions &options,
                                             const std::atomic<bool> *cancel = nullptr);

// Benchmark data: `keys` keys over ten namespaces, every type, half with a TTL; deterministic
// for a seed.
RedisSeedResult writeRedisBenchProtocol(const QString &path, qint64 keys, quint64 seed,
                                        const std::atomic<bool> *cancel = nullptr);

// `sightline seed --redis-protocol FILE [--redis-keys N]`: writes the stream, reports on stderr,
// returns the exit status.
int runRedisSeed(const QString &path, const QString &benchKeys, const GeneratorOptions &options);

} // namespace Sightline
