#pragma once

// Sightline's own metrics (prometheus-cpp): one process-wide registry, cheap to update from any
// thread, and the optional exposer behind `--metrics-listen HOST:PORT`.
//
// Families (all prefixed sightline_):
//   request_duration_seconds{source,operation}  histogram of every request to a backend
//   request_errors_total{source,operation}      requests that failed
//   live_events_ingested_total{source}          live events accepted by the merge point
//   live_events_dropped_total{reason}           live events dropped (duplicate, …) or kept unparsed
//   scan_items{source}, scans_running{source}   progress of the long listings
//   open_windows{kind}                          main, evaluation, compare
//   build_info{version}                         always 1
//
// Sources: postgres, sqlite, redis, s3, files, memory, prometheus, grafana.

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

class QObject;

namespace prometheus {
class Registry;
}

namespace Sightline::Metrics {

// The registry every family lives in (created on first use, never destroyed).
std::shared_ptr<prometheus::Registry> registry();
// The registry in Prometheus' text exposition format (what /metrics serves).
std::string serialize();

// One request's outcome. Metric objects are cached per label set, so this costs a map lookup
// under a short lock and an atomic add.
void observeRequest(std::string_view source, std::string_view operation, double seconds, bool failed = false);

// Times a request from construction to destruction (RAII): `RequestTimer t("postgres", "query");
// … if (!ok) t.fail();`. cancel() records nothing (a request the user interrupted).
class RequestTimer
{
public:
    RequestTimer(std::string_view source, std::string_view operation);
    ~RequestTimer();
    RequestTimer(const RequestTimer &) = delete;
    RequestTimer &operator=(const RequestTimer &) = delete;

    void fail() { m_failed = true; }
    void setFailed(bool failed) { m_failed = failed; }
    void cancel() { m_cancelled = true; }
    double elapsedSeconds() const;

private:
    std::string m_source;
    std::string m_operation;
    std::chrono::steady_clock::time_point m_start;
    bool m_failed = false;
    bool m_cancelled = false;
};

// Live Events: `source` is "redis", "postgres", "poll"; `reason` "duplicate", "unparseable", …
void addLiveEventsIngested(std::string_view source, double count);
void addLiveEventsDropped(std::string_view reason, double count);

// A long listing in flight (Redis SCAN walk, S3 listing, file tree scan, SQL catalog): raises
// scans_running{source} while alive; setItems() updates scan_items{source}, which keeps the last
// scan's count after it ends.
class ScanProgress
{
public:
    explicit ScanProgress(std::string_view source);
    ~ScanProgress();
    ScanProgress(const ScanProgress &) = delete;
    ScanProgress &operator=(const ScanProgress &) = delete;

    void setItems(qint64 items);

private:
    std::string m_source;
};

// Counts `window` in open_windows{kind} until it is destroyed. Call once, from its constructor.
void trackOpenWindow(QObject *window, std::string_view kind);

// Sets build_info{version} = 1 (main() calls it; idempotent).
void setBuildInfo(std::string_view version);

// HOST:PORT for the exposer: an IPv4 literal, a bracketed IPv6 literal ([::1]:9464) or localhost;
// port 0–65535 (0 = any free port). On failure returns false and a translated message.
struct ListenAddress
{
    QString host; // a literal address, "localhost" resolved to 127.0.0.1
    quint16 port = 0;
};
bool parseListenAddress(const QString &text, ListenAddress *address, QString *error);

// Serves the registry at http://HOST:PORT/metrics on prometheus-cpp's own threads.
class MetricsExposer
{
public:
    // Null with a translated `error` when the address is invalid or cannot be bound.
    static std::unique_ptr<MetricsExposer> start(const QString &hostPort, QString *error);
    ~MetricsExposer();

    quint16 port() const { return m_port; }
    QString url() const; // http://127.0.0.1:PORT/metrics

private:
    MetricsExposer() = default;
    struct Private;
    std::unique_ptr<Private> d;
    QString m_host;
    quint16 m_port = 0;
};

} // namespace Sightline::Metrics
