#pragma once

#include "core/workspaceprofile.h"

#include <QFuture>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <memory>
#include <optional>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcPrometheus)

struct PrometheusConnection
{
    QUrl url;            // base URL: http(s)://host:9090[/prefix]; user name may be in it
    QString bearerToken; // from SIGHTLINE_PROMETHEUS_TOKEN; never logged
    QString password;    // basic auth, with url.userName(); from SIGHTLINE_PROMETHEUS_PASSWORD
    QString caFile;      // extra CA certificates (PEM) for https (sources.prometheus.ca_file)
    int timeoutMs = 10'000;
    qint64 maxResponseBytes = 1024LL * 1024 * 1024;

    // url from the profile, secrets from the environment.
    static PrometheusConnection fromProfileUrl(const QString &url, int timeoutSeconds);
    // url, ca_file and timeout from the profile; token and password from its secrets, else the
    // environment (as fromProfileUrl), else the URL's user info.
    static PrometheusConnection fromProfile(const WorkspaceProfile &profile);
};

// What went wrong, as the user should read it. For an API error the message is Prometheus's own
// ("bad_data: 1:5: parse error: unexpected …") and errorType its "errorType".
struct PrometheusError
{
    enum class Kind { None, Network, Timeout, Http, Api, Malformed, TooLarge, Cancelled };
    Kind kind = Kind::None;
    QString message;
    QString errorType; // Prometheus's errorType for Kind::Api (bad_data, execution, timeout, …)
    int httpStatus = 0;

    bool isError() const { return kind != Kind::None; }
};

// One series of a matrix (or a vector / scalar, with one point). Values keep NaN and ±Inf as
// Prometheus sent them ("NaN", "+Inf", "-Inf").
struct PrometheusSeries
{
    QMap<QString, QString> labels; // includes __name__ when present
    QVector<double> timesSeconds;  // Unix seconds
    QVector<double> values;

    QString displayName() const; // name{a="b", …}, or {a="b"} without a name, or the expression's value
};

struct PrometheusQueryResult
{
    QString resultType; // matrix | vector | scalar | string
    QList<PrometheusSeries> series;
    QString stringValue; // resultType string
    QStringList warnings;
    qint64 bytes = 0; // size of the response body
    qint64 points() const;
};

struct PrometheusTarget
{
    QString scrapePool;
    QString scrapeUrl;
    QString health; // up | down | unknown
    QString lastError;
    std::optional<double> lastScrapeSeconds; // Unix seconds; none when never scraped
    double lastScrapeDurationSeconds = 0;
    QMap<QString, QString> labels; // job, instance, …
};

struct PrometheusAlert
{
    QString name;  // labels["alertname"]
    QString state; // firing | pending | inactive
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    std::optional<double> activeAtSeconds;
    QString value;
};

template<typename T>
struct PrometheusReply
{
    std::optional<T> value; // set when error.kind == None
    PrometheusError error;
    double elapsedMs = 0;
};

using PrometheusQueryReply = PrometheusReply<PrometheusQueryResult>;
using PrometheusLabelsReply = PrometheusReply<QStringList>;
using PrometheusSeriesReply = PrometheusReply<QList<QMap<QString, QString>>>;
using PrometheusTargetsReply = PrometheusReply<QList<PrometheusTarget>>;
using PrometheusAlertsReply = PrometheusReply<QList<PrometheusAlert>>;
// GET /api/v1/status/buildinfo: "version", "revision", "goVersion", … as Prometheus names them.
using PrometheusBuildInfoReply = PrometheusReply<QMap<QString, QString>>;

// Parsers of the HTTP API v1 bodies, usable on their own (tests, fuzzers, the bench). They accept
// exactly the documented shapes; anything else is Kind::Malformed with a message naming what is
// wrong. An {"status":"error"} body gives Kind::Api with Prometheus's message.
PrometheusQueryReply parsePrometheusQueryResponse(const QByteArray &body);
PrometheusLabelsReply parsePrometheusLabelsResponse(const QByteArray &body);
PrometheusSeriesReply parsePrometheusSeriesResponse(const QByteArray &body);
PrometheusTargetsReply parsePrometheusTargetsResponse(const QByteArray &body);
PrometheusAlertsReply parsePrometheusAlertsResponse(const QByteArray &body);

class PrometheusWorker;

// The Prometheus HTTP API v1 (query, query_range, series, labels, targets, alerts). Requests run
// concurrently on the client's own thread (network and parsing never touch the caller's thread);
// each returns a QFuture that always finishes with one reply. Cancelling the future
// (QFuture::cancel) aborts its request; the reply is then Kind::Cancelled. Every request has the
// connection's timeout. Safe to destroy with requests in flight (they finish as Cancelled).
class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusClient(const PrometheusConnection &connection, QObject *parent = nullptr);
    ~PrometheusClient() override;

    QString describe() const; // the base URL without user info or secrets

    QFuture<PrometheusQueryReply> query(const QString &expr, std::optional<double> timeSeconds = {});
    QFuture<PrometheusQueryReply> queryRange(const QString &expr, double startSeconds, double endSeconds,
                                             double stepSeconds);
    QFuture<PrometheusSeriesReply> series(const QStringList &matchers, double startSeconds,
                                          double endSeconds);
    QFuture<PrometheusLabelsReply> labels();
    QFuture<PrometheusTargetsReply> targets();
    QFuture<PrometheusAlertsReply> alerts();
    QFuture<PrometheusBuildInfoReply> buildInfo(); // the connection test's round trip

    void cancelAll();

private:
    std::unique_ptr<PrometheusWorker> m_worker;
    PrometheusConnection m_connection;
};

} // namespace Sightline
