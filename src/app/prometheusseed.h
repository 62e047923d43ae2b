#pragma once

#include "core/datagenerator.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace Sightline {

struct PrometheusSeedOptions
{
    GeneratorOptions generator;
    // Container series for every Nth evaluation (those with started_at, container_id and worker_id).
    qint64 every = 100;
    // Benchmark series sightline_bench_signal{series="000".."S-1"}: 5760 samples each (24 h at 15 s).
    int benchSeries = 0;
};

struct PrometheusSeedProgress
{
    QString stage; // "evaluations", "node CPU", "bench series"
    qint64 done = 0;
    qint64 total = 0;
};

struct PrometheusSeedResult
{
    QString error;
    qint64 series = 0;
    qint64 samples = 0;
    qint64 bytes = 0;
    bool cancelled = false;
};

// Writes the platform's Prometheus history for the generator's evaluations as OpenMetrics text
// for `promtool tsdb create-blocks-from openmetrics FILE DIR` (timestamps in Unix seconds, every
// series in time order, one block per metric family, `# EOF` last). Streams to the file; on an
// error or when `cancel` is set, the file is left as it was. The series and their formulas are
// the functions in PrometheusSeedSeries below.
PrometheusSeedResult
writePrometheusOpenMetrics(const QString &path, const PrometheusSeedOptions &options,
                           const std::atomic<bool> *cancel = nullptr,
                           const std::function<void(const PrometheusSeedProgress &)> &progress = {});

// `sightline seed --prometheus-openmetrics FILE`: writes the file, reports on stderr (progress at
// most once a second), returns the exit status (0, 1 on failure, 130 when interrupted).
int runPrometheusSeed(const QString &path, const PrometheusSeedOptions &options,
                      const std::atomic<bool> *cancel = nullptr);

// The seeded series, so that tests and benchmarks can tell what Prometheus must answer.
// Times are Unix seconds.
namespace PrometheusSeedSeries {

constexpr qint64 containerStepSeconds = 5;
constexpr qint64 queueStepSeconds = 15;
constexpr qint64 nodeStepSeconds = 60;
constexpr qint64 benchStepSeconds = 15;
constexpr qint64 benchSamples = 5760;
constexpr int workers = 24;

// One evaluation's container series: samples at the multiples of 5 s in [started_at,
// completed_at or the end time]. nullopt when the evaluation has no such series (not started,
// no container or worker, or no multiple of 5 s in its window).
struct ContainerWindow
{
    QString container; // label name
    QString instance;  // label instance (the worker)
    qint64 firstSample = 0;
    qint64 lastSample = 0;
    double avgMb = 512;    // memory_mb_seconds / run seconds
    double avgCores = 0.5; // cpu_seconds / run seconds
};
std::optional<ContainerWindow> containerWindow(const EvaluationDetail &detail, qint64 endTimeMs);

// container_memory_usage_bytes at t.
qint64 containerMemoryBytes(const ContainerWindow &window, qint64 t);
// container_cpu_usage_seconds_total at t (0 at the first sample).
double containerCpuSeconds(const ContainerWindow &window, qint64 t);

// The samples of queue_depth and node_cpu_seconds_total lie at the multiples of their step in
// [end − spanDays, end]; these give the first and last.
qint64 firstSpanSample(const GeneratorOptions &options, qint64 step);
qint64 lastSpanSample(const GeneratorOptions &options, qint64 step);

qint64 queueDepth(qint64 t);
// node_cpu_seconds_total{instance="worker-NN",mode="user"} at t; 0 at t0, the first sample.
// Idle is (t − t0) − user.
double nodeCpuUserSeconds(int worker, qint64 t0, qint64 t);
// sightline_bench_signal{series} at t.
double benchSignal(int series, qint64 t);

} // namespace PrometheusSeedSeries

} // namespace Sightline
