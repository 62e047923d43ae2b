#pragma once

#include <QString>

namespace Sightline::Bench {

// redis-scan: the whole key tree (type, TTL, memory per key) through RedisSource while the GUI
// event loop runs, beside `redis-cli --memkeys` on the same server (DESIGN.md §6).
int runRedisScanBench(const QString &url);

} // namespace Sightline::Bench
