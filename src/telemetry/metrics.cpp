#include "metrics.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <exception>
#include <map>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Sightline::Metrics {

namespace {

// Families and the metric objects cached per label set. Family::Add is thread-safe but takes a
// lock and hashes the labels; the cache keeps the hot path to one map lookup.
struct Families
{
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Histogram> &requestDuration =
        prometheus::BuildHistogram()
            .Name("sightline_request_duration_seconds")
            .Help("Duration of the requests Sightline makes to its backends (queries, commands, HTTP "
                  "requests, file-system scans), by source and operation.")
            .Register(*registry);
    prometheus::Family<prometheus::Counter> &requestErrors =
        prometheus::BuildCounter()
            .Name("sightline_request_errors_total")
            .Help("Requests to a backend that failed, by source and operation.")
            .Register(*registry);
    prometheus::Family<prometheus::Counter> &liveIngested =
        prometheus::BuildCounter()
            .Name("sightline_live_events_ingested_total")
            .Help("Live events accepted by the Live Events merge point, by source.")
            .Register(*registry);
    prometheus::Family<prometheus::Counter> &liveDropped =
        prometheus::BuildCounter()
            .Name("sightline_live_events_dropped_total")
            .Help("Live events dropped (duplicate) or kept unparsed (unparseable), by reason.")
            .Register(*registry);
    prometheus::Family<prometheus::Gauge> &scanItems =
        prometheus::BuildGauge()
            .Name("sightline_scan_items")
            .Help("Items seen by the listing in flight, or by the last one, by source.")
            .Register(*registry);
    prometheus::Family<prometheus::Gauge> &scansRunning =
        prometheus::BuildGauge()
            .Name("sightline_scans_running")
            .Help("Long listings (Redis SCAN, S3 listing, file tree, SQL catalog) running now.")
            .Register(*registry);
    prometheus::Family<prometheus::Gauge> &openWindows = prometheus::BuildGauge()
                                                             .Name("sightline_open_windows")
                                                             .Help("Sightline windows open now, by kind.")
                                                             .Register(*registry);
    prometheus::Family<prometheus::Gauge> &buildInfo =
        prometheus::BuildGauge()
            .Name("sightline_build_info")
            .Help("Always 1; the version label says which Sightline is running.")
            .Register(*registry);

    struct Request
    {
        prometheus::Histogram *duration;
        prometheus::Counter *errors;
    };
    std::mutex mutex;
    std::map<std::string, Request, std::less<>> requests;
    std::map<std::string, prometheus::Counter *, std::less<>> ingested;
    std::map<std::string, prometheus::Counter *, std::less<>> dropped;
    std::map<std::string, prometheus::Gauge *, std::less<>> items;
    std::map<std::string, prometheus::Gauge *, std::less<>> running;
    std::map<std::string, prometheus::Gauge *, std::less<>> windows;
};

template<typename Metric>
Metric &cached(std::map<std::string, Metric *, std::less<>> &cache, prometheus::Family<Metric> &family,
               const char *label, std::string_view value)
{
    // Called with families().mutex held.
    auto it = cache.find(value);
    if (it == cache.end())
        it = cache.emplace(std::string(value), &family.Add({{label, std::string(value)}})).first;
    return *it->second;
}

Families &families()
{
    // Never destroyed: metrics may change during exit. The known label values start at 0, so a
    // scrape shows every family (and rate() has a start) before anything happened.
    static Families *instance = [] {
        auto *f = new Families;
        for (const char *source : {"redis", "postgres", "poll"})
            cached(f->ingested, f->liveIngested, "source", source);
        for (const char *reason : {"duplicate", "unparseable"})
            cached(f->dropped, f->liveDropped, "reason", reason);
        for (const char *source : {"redis", "s3", "files", "postgres", "sqlite"}) {
            cached(f->running, f->scansRunning, "source", source);
            cached(f->items, f->scanItems, "source", source);
        }
        for (const char *kind : {"main", "evaluation", "compare"})
            cached(f->windows, f->openWindows, "kind", kind);
        return f;
    }();
    return *instance;
}

const prometheus::Histogram::BucketBoundaries &durationBuckets()
{
    static const prometheus::Histogram::BucketBoundaries buckets{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    return buckets;
}

Families::Request &request(Families &f, std::string_view source, std::string_view operation)
{
    std::string key;
    key.reserve(source.size() + operation.size() + 1);
    key.append(source).append(1, '\x1f').append(operation);
    auto it = f.requests.find(key);
    if (it == f.requests.end()) {
        const prometheus::Labels labels{{"source", std::string(source)},
                                        {"operation", std::string(operation)}};
        it = f.requests
                 .emplace(std::move(key), Families::Request{&f.requestDuration.Add(labels, durationBuckets()),
                                                            &f.requestErrors.Add(labels)})
                 .first;
    }
    return it->second;
}

// Not a QObject: lupdate files MetricsTr::tr() under the context it looks up at run time.
struct MetricsTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::MetricsExposer)
};

} // namespace

std::shared_ptr<prometheus::Registry> registry()
{
    return families().registry;
}

std::string serialize()
{
    return prometheus::TextSerializer().Serialize(families().registry->Collect());
}

void observeRequest(std::string_view source, std::string_view operation, double seconds, bool failed)
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    Families::Request &r = request(f, source, operation);
    r.duration->Observe(seconds);
    if (failed)
        r.errors->Increment();
}

RequestTimer::RequestTimer(std::string_view source, std::string_view operation)
    : m_source(source)
    , m_operation(operation)
    , m_start(std::chrono::steady_clock::now())
{
}

RequestTimer::~RequestTimer()
{
    if (!m_cancelled)
        observeRequest(m_source, m_operation, elapsedSeconds(), m_failed);
}

double RequestTimer::elapsedSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

void addLiveEventsIngested(std::string_view source, double count)
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    cached(f.ingested, f.liveIngested, "source", source).Increment(count);
}

void addLiveEventsDropped(std::string_view reason, double count)
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    cached(f.dropped, f.liveDropped, "reason", reason).Increment(count);
}

ScanProgress::ScanProgress(std::string_view source)
    : m_source(source)
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    cached(f.running, f.scansRunning, "source", source).Increment();
    cached(f.items, f.scanItems, "source", source).Set(0);
}

ScanProgress::~ScanProgress()
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    cached(f.running, f.scansRunning, "source", m_source).Decrement();
}

void ScanProgress::setItems(qint64 items)
{
    Families &f = families();
    std::lock_guard lock(f.mutex);
    cached(f.items, f.scanItems, "source", m_source).Set(double(items));
}

void trackOpenWindow(QObject *window, std::string_view kind)
{
    Families &f = families();
    prometheus::Gauge *gauge = nullptr;
    {
        std::lock_guard lock(f.mutex);
        gauge = &cached(f.windows, f.openWindows, "kind", kind);
    }
    gauge->Increment();
    QObject::connect(window, &QObject::destroyed, [gauge] { gauge->Decrement(); });
}

void setBuildInfo(std::string_view version)
{
    families().buildInfo.Add({{"version", std::string(version)}}).Set(1);
}

bool parseListenAddress(const QString &text, ListenAddress *address, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0 || colon == text.size() - 1) {
        *error = MetricsTr::tr("--metrics-listen expects HOST:PORT (for example 127.0.0.1:9464), not \"%1\"")
                     .arg(text);
        return false;
    }
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535) {
        *error = MetricsTr::tr("--metrics-listen: \"%1\" is not a port (0–65535; 0 picks a free one)")
                     .arg(portText);
        return false;
    }
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        host = u"127.0.0.1"_s;
    } else {
        const bool bracketed = host.startsWith(u'[') && host.endsWith(u']');
        const QString literal = bracketed ? host.mid(1, host.size() - 2) : host;
        QHostAddress parsed;
        if (!parsed.setAddress(literal) ||
            (parsed.protocol() == QAbstractSocket::IPv6Protocol && !bracketed) ||
            (parsed.protocol() == QAbstractSocket::IPv4Protocol && bracketed)) {
            *error = MetricsTr::tr("--metrics-listen: \"%1\" is not an IPv4 address, a bracketed IPv6 "
                                   "address ([::1]) or localhost")
                         .arg(host);
            return false;
        }
        host = parsed.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + parsed.toString() + u']'
                                                                  : parsed.toString();
    }
    address->host = host;
    address->port = quint16(port);
    return true;
}

struct MetricsExposer::Private
{
    std::unique_ptr<prometheus::Exposer> exposer;
};

std::unique_ptr<MetricsExposer> MetricsExposer::start(const QString &hostPort, QString *error)
{
    ListenAddress address;
    if (!parseListenAddress(hostPort, &address, error))
        return nullptr;
    std::unique_ptr<MetricsExposer> result(new MetricsExposer);
    result->d = std::make_unique<Private>();
    const std::string bind = QString(address.host + u':' + QString::number(address.port)).toStdString();
    try {
        result->d->exposer = std::make_unique<prometheus::Exposer>(bind, 2);
    } catch (const std::exception &e) {
        *error = MetricsTr::tr("cannot serve metrics at %1: the address is in use or not available here (%2)")
                     .arg(hostPort, QString::fromUtf8(e.what()));
        return nullptr;
    }
    const std::vector<int> ports = result->d->exposer->GetListeningPorts();
    if (ports.empty()) {
        *error = MetricsTr::tr("cannot serve metrics at %1: no port is listening").arg(hostPort);
        return nullptr;
    }
    result->d->exposer->RegisterCollectable(families().registry);
    result->m_host = address.host;
    result->m_port = quint16(ports.front());
    return result;
}

MetricsExposer::~MetricsExposer() = default;

QString MetricsExposer::url() const
{
    return u"http://"_s + m_host + u':' + QString::number(m_port) + u"/metrics"_s;
}

} // namespace Sightline::Metrics
