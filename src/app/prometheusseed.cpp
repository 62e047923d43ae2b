#include "prometheusseed.h"

#include <QElapsedTimer>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace PrometheusSeedSeries {

namespace {

constexpr double twoPi = 2.0 * std::numbers::pi;
constexpr qint64 cpuWavePeriod = 120; // seconds: the container series' wave
constexpr qint64 day = 86400;

// sin/cos of 2πt/period with the phase reduced first: exact for integer t, where 2πt/period
// of a Unix time (~1.7e9) would lose about eight digits of the angle.
double phase(qint64 t, qint64 period)
{
    const qint64 r = ((t % period) + period) % period;
    return twoPi * double(r) / double(period);
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

std::optional<ContainerWindow> containerWindow(const EvaluationDetail &detail, qint64 endTimeMs)
{
    const EvaluationRow &row = detail.row;
    if (!row.startedAt || detail.containerId.isEmpty() || row.workerId.isEmpty())
        return std::nullopt;
    const qint64 startMs = *row.startedAt;
    const qint64 endMs = row.completedAt.value_or(endTimeMs);
    ContainerWindow w;
    w.container = detail.containerId;
    w.instance = row.workerId;
    w.firstSample = ceilDiv(startMs, containerStepSeconds * 1000) * containerStepSeconds;
    w.lastSample = floorDiv(endMs, containerStepSeconds * 1000) * containerStepSeconds;
    if (w.lastSample < w.firstSample)
        return std::nullopt;
    const double runSeconds = double(endMs - startMs) / 1000.0;
    if (runSeconds > 0) {
        if (detail.memoryMbSeconds)
            w.avgMb = *detail.memoryMbSeconds / runSeconds;
        if (detail.cpuSeconds)
            w.avgCores = *detail.cpuSeconds / runSeconds;
    }
    return w;
}

qint64 containerMemoryBytes(const ContainerWindow &window, qint64 t)
{
    return std::llround(window.avgMb * 1048576.0 * (1.0 + 0.25 * std::sin(phase(t, cpuWavePeriod))));
}

double containerCpuSeconds(const ContainerWindow &window, qint64 t)
{
    const qint64 t0 = window.firstSample;
    const double amplitude = 0.25 * double(cpuWavePeriod) / twoPi;
    return window.avgCores * (double(t - t0) - amplitude * (std::cos(phase(t, cpuWavePeriod)) -
                                                            std::cos(phase(t0, cpuWavePeriod))));
}

qint64 firstSpanSample(const GeneratorOptions &options, qint64 step)
{
    const qint64 startMs = options.endTime - qint64(options.spanDays) * day * 1000;
    return ceilDiv(startMs, step * 1000) * step;
}

qint64 lastSpanSample(const GeneratorOptions &options, qint64 step)
{
    return floorDiv(options.endTime, step * 1000) * step;
}

qint64 queueDepth(qint64 t)
{
    return std::llround(20.0 + 15.0 * std::sin(phase(t, day)) + 5.0 * std::sin(phase(t, 3600)));
}

double nodeCpuUserSeconds(int worker, qint64 t0, qint64 t)
{
    const qint64 shift = qint64(worker) * 3600;
    const double amplitude = 0.2 * double(day) / twoPi;
    return 0.3 * double(t - t0) -
           amplitude * (std::cos(phase(t + shift, day)) - std::cos(phase(t0 + shift, day)));
}

double benchSignal(int series, qint64 t)
{
    return std::sin(phase(t, 600 + 7 * qint64(series))) * (1.0 + double(series) / 10.0);
}

} // namespace PrometheusSeedSeries

namespace {

namespace S = PrometheusSeedSeries;

// Buffers the text and writes it in large blocks: the default history is ~1.2 million samples.
class OpenMetricsWriter
{
public:
    explicit OpenMetricsWriter(const QString &path)
        : m_file(path)
    {
        m_buffer.reserve(flushAt + 4096);
    }

    QString open()
    {
        if (!m_file.open(QIODevice::WriteOnly))
            return u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        return {};
    }

    void family(const char *name, const char *type, const char *help)
    {
        m_buffer += "# HELP ";
        m_buffer += name;
        m_buffer += ' ';
        m_buffer += help;
        m_buffer += "\n# TYPE ";
        m_buffer += name;
        m_buffer += ' ';
        m_buffer += type;
        m_buffer += '\n';
    }

    // `name{labels} ` for the samples that follow.
    static QByteArray series(const char *name, std::initializer_list<std::pair<const char *, QString>> labels)
    {
        QByteArray s(name);
        if (labels.size() > 0) {
            s += '{';
            bool first = true;
            for (const auto &[label, value] : labels) {
                if (!first)
                    s += ',';
                first = false;
                s += label;
                s += "=\"";
                for (const char c : value.toUtf8()) {
                    if (c == '\\' || c == '"')
                        s += '\\';
                    if (c == '\n')
                        s += "\\n";
                    else
                        s += c;
                }
                s += '"';
            }
            s += '}';
        }
        s += ' ';
        return s;
    }

    template<typename Value>
    void sample(const QByteArray &series, Value value, qint64 t)
    {
        char text[64];
        // Shortest text that reads back as the same double: exact, and no longer than needed.
        char *end = std::to_chars(text, text + sizeof text, value).ptr;
        *end++ = ' ';
        end = std::to_chars(end, text + sizeof text, t).ptr;
        *end++ = '\n';
        m_buffer += series;
        m_buffer.append(text, end - text);
        ++m_samples;
        if (m_buffer.size() >= flushAt)
            flush();
    }

    void flush()
    {
        if (m_error.isEmpty() && m_file.write(m_buffer) != m_buffer.size())
            m_error = u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        m_bytes += m_buffer.size();
        m_buffer.clear();
    }

    QString commit()
    {
        m_buffer += "# EOF\n";
        flush();
        if (m_error.isEmpty() && !m_file.commit())
            m_error = u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        return m_error;
    }

    void cancel() { m_file.cancelWriting(); }

    qint64 samples() const { return m_samples; }
    qint64 bytes() const { return m_bytes; }

private:
    static constexpr qsizetype flushAt = 4 * 1024 * 1024;
    QSaveFile m_file;
    QByteArray m_buffer;
    QString m_error;
    qint64 m_samples = 0;
    qint64 m_bytes = 0;
};

QString workerName(int worker)
{
    return u"worker-"_s + QString::number(worker).rightJustified(2, u'0');
}

} // namespace

PrometheusSeedResult
writePrometheusOpenMetrics(const QString &path, const PrometheusSeedOptions &options,
                           const std::atomic<bool> *cancel,
                           const std::function<void(const PrometheusSeedProgress &)> &progress)
{
    PrometheusSeedResult result;
    OpenMetricsWriter out(path);
    if (result.error = out.open(); !result.error.isEmpty())
        return result;
    const auto cancelled = [&] {
        if (!cancel || !cancel->load())
            return false;
        out.cancel();
        result.cancelled = true;
        return true;
    };
    const auto report = [&](const QString &stage, qint64 done, qint64 total) {
        if (progress)
            progress(PrometheusSeedProgress{stage, done, total});
    };

    GeneratorOptions generatorOptions = options.generator;
    generatorOptions.generateFileContent = false;
    const EvaluationDataGenerator generator(generatorOptions);
    const qint64 endTime = generatorOptions.endTime;

    // The container families each need all their series together, so the windows come first
    // (a thousand small records for the default hundred thousand evaluations).
    QList<S::ContainerWindow> windows;
    const qint64 count = generatorOptions.evaluationCount;
    if (options.every > 0) {
        for (qint64 i = 0; i < count; i += options.every) {
            if (cancelled())
                return result;
            report(u"evaluations"_s, i, count);
            if (auto w = S::containerWindow(generator.evaluation(i).detail, endTime))
                windows.append(std::move(*w));
        }
    }
    report(u"evaluations"_s, count, count);

    out.family("container_memory_usage_bytes", "gauge", "Memory the container uses, in bytes.");
    for (const S::ContainerWindow &w : std::as_const(windows)) {
        const QByteArray series = OpenMetricsWriter::series(
            "container_memory_usage_bytes", {{"name", w.container}, {"instance", w.instance}});
        for (qint64 t = w.firstSample; t <= w.lastSample; t += S::containerStepSeconds)
            out.sample(series, S::containerMemoryBytes(w, t), t);
    }
    // OpenMetrics names a counter family without its _total suffix; the samples (and so the
    // metric in Prometheus) carry it.
    out.family("container_cpu_usage_seconds", "counter", "CPU time the container used, in seconds.");
    for (const S::ContainerWindow &w : std::as_const(windows)) {
        if (cancelled())
            return result;
        const QByteArray series = OpenMetricsWriter::series(
            "container_cpu_usage_seconds_total", {{"name", w.container}, {"instance", w.instance}});
        for (qint64 t = w.firstSample; t <= w.lastSample; t += S::containerStepSeconds)
            out.sample(series, S::containerCpuSeconds(w, t), t);
    }
    result.series += 2 * windows.size();

    out.family("queue_depth", "gauge", "Evaluations waiting in the platform's queue.");
    {
        const QByteArray series = OpenMetricsWriter::series("queue_depth", {});
        const qint64 last = S::lastSpanSample(generatorOptions, S::queueStepSeconds);
        for (qint64 t = S::firstSpanSample(generatorOptions, S::queueStepSeconds); t <= last;
             t += S::queueStepSeconds)
            out.sample(series, S::queueDepth(t), t);
        ++result.series;
    }

    out.family("node_cpu_seconds", "counter", "Seconds the CPUs spent in each mode.");
    {
        const qint64 t0 = S::firstSpanSample(generatorOptions, S::nodeStepSeconds);
        const qint64 last = S::lastSpanSample(generatorOptions, S::nodeStepSeconds);
        for (int worker = 1; worker <= S::workers; ++worker) {
            if (cancelled())
                return result;
            report(u"node CPU"_s, worker - 1, S::workers);
            const QString instance = workerName(worker);
            const QByteArray user = OpenMetricsWriter::series(
                "node_cpu_seconds_total", {{"instance", instance}, {"cpu", u"0"_s}, {"mode", u"user"_s}});
            const QByteArray idle = OpenMetricsWriter::series(
                "node_cpu_seconds_total", {{"instance", instance}, {"cpu", u"0"_s}, {"mode", u"idle"_s}});
            for (qint64 t = t0; t <= last; t += S::nodeStepSeconds)
                out.sample(user, S::nodeCpuUserSeconds(worker, t0, t), t);
            for (qint64 t = t0; t <= last; t += S::nodeStepSeconds)
                out.sample(idle, double(t - t0) - S::nodeCpuUserSeconds(worker, t0, t), t);
            result.series += 2;
        }
        report(u"node CPU"_s, S::workers, S::workers);
    }

    if (options.benchSeries > 0) {
        out.family("sightline_bench_signal", "gauge", "A synthetic signal for sightline-bench prom-range.");
        const qint64 end = S::lastSpanSample(generatorOptions, S::benchStepSeconds);
        for (int s = 0; s < options.benchSeries; ++s) {
            if (cancelled())
                return result;
            report(u"bench series"_s, s, options.benchSeries);
            const QByteArray series = OpenMetricsWriter::series(
                "sightline_bench_signal", {{"series", QString::number(s).rightJustified(3, u'0')}});
            for (qint64 k = S::benchSamples - 1; k >= 0; --k) {
                const qint64 t = end - S::benchStepSeconds * k;
                out.sample(series, S::benchSignal(s, t), t);
            }
            ++result.series;
        }
        report(u"bench series"_s, options.benchSeries, options.benchSeries);
    }

    result.error = out.commit();
    result.samples = out.samples();
    result.bytes = out.bytes();
    return result;
}

int runPrometheusSeed(const QString &path, const PrometheusSeedOptions &options,
                      const std::atomic<bool> *cancel)
{
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer sinceReport;
    sinceReport.start();
    const PrometheusSeedResult result =
        writePrometheusOpenMetrics(path, options, cancel, [&](const PrometheusSeedProgress &p) {
            if (p.done < p.total && sinceReport.elapsed() < 1000)
                return;
            sinceReport.restart();
            std::fprintf(stderr, "  Prometheus: %s %lld / %lld\n", qPrintable(p.stage),
                         static_cast<long long>(p.done), static_cast<long long>(p.total));
        });
    if (result.cancelled) {
        std::fputs("sightline seed: Prometheus: interrupted; nothing was written\n", stderr);
        return 130;
    }
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "sightline seed: Prometheus: %s\n", qPrintable(result.error));
        return 1;
    }
    std::fprintf(
        stderr,
        "Prometheus: %lld series, %lld samples (%.1f MB) written to %s in %.1f s; load with promtool "
        "tsdb create-blocks-from openmetrics FILE DIR\n",
        static_cast<long long>(result.series), static_cast<long long>(result.samples),
        double(result.bytes) / 1e6, qPrintable(path), double(clock.elapsed()) / 1000.0);
    return 0;
}

} // namespace Sightline
