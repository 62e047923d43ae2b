#pragma once

#include <QString>

namespace Sightline::Bench {

struct PromRangeOptions
{
    QString prometheus; // base URL
    QString query = QStringLiteral("sightline_bench_signal");
    QString start; // RFC 3339 or Unix seconds; empty: 5,759 steps before the newest sample
    QString end;   // empty: the newest sample of sightline_bench_signal
    double step = 15;
    int pixels = 1000;
    int runs = 5;
};

// `sightline-bench prom-range --prometheus URL`: one range query fetched and parsed by
// PrometheusClient and every series reduced to `pixels` min/max columns (fetch_parse_reduce_ms),
// a MetricChart with all of them repainted into a `pixels`-wide image (repaint_ms), beside curl
// fetching the same query_range URL to /dev/null (fetch_ms). Medians of `runs`, after one warm-up
// of each. Returns the exit code.
int runPromRangeBench(const PromRangeOptions &options);

} // namespace Sightline::Bench
