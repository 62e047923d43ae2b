#include "prometheusclient.h"

#include "core/format.h"
#include "prometheusqueryparser.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureInterface>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcPrometheus, "sightline.prometheus")

namespace {

// Longer parameter strings go in a POST form body: URLs that long are refused by some proxies.
constexpr qsizetype maxQueryStringBytes = 4096;
// Bytes handed to the query parser at a time.
constexpr qint64 parseSliceBytes = 256 * 1024;
// Of an error answer only the start is shown; the rest is drained, not kept.
constexpr qsizetype maxErrorBodyBytes = 64 * 1024;

using Params = QList<std::pair<QString, QString>>;

QString formatSeconds(double seconds)
{
    QString text = QString::number(seconds, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

// Every byte outside the unreserved set is escaped: '+' left alone would reach Prometheus as a
// space, '&' and '=' would split the expression.
QByteArray encodeParams(const Params &params)
{
    QByteArray out;
    for (const auto &[key, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

// Qt drops results reported to a future the caller cancelled, but the API promises every future
// one reply (Kind::Cancelled then): store it directly in that case.
template<typename T>
void finishFuture(QFutureInterface<T> &future, T &&reply)
{
    if (!future.reportAndMoveResult(std::move(reply))) {
        QMutexLocker lock(&future.mutex());
        if (future.resultStoreBase().count() == 0)
            future.resultStoreBase().moveResult(-1, std::move(reply));
    }
    future.reportFinished();
}

} // namespace

// What the network side hands to the typed end of a request.
struct PrometheusOutcome
{
    PrometheusError error;
    QByteArray body;
    PrometheusQueryParser *parser = nullptr; // the body was parsed as it arrived
    QString request;                         // "GET http://host/api/v1/…", for messages
    QElapsedTimer clock;                     // since the request was made
};

// One request on the worker thread: its reply, timeout, cancel watch and body.
class PrometheusRequest : public QObject
{
public:
    enum class Abort { None, Timeout, Cancelled, TooLarge, Malformed };

    QUrl url;
    QByteArray postBody;
    bool post = false;
    bool streams = false; // query bodies go through PrometheusQueryParser as they arrive
    QString request;
    QFuture<void> future;
    std::function<QString(PrometheusOutcome &&)> deliver; // the reply's error message, if any
    QElapsedTimer clock;

    QNetworkReply *reply = nullptr;
    QTimer *timer = nullptr;
    QFutureWatcher<void> *watcher = nullptr;
    Abort abort = Abort::None;
    bool statusKnown = false;
    int status = 0;
    bool success = false;
    qint64 received = 0;
    double firstByteMs = -1; // when the first byte of the body arrived, for the log
    double parseMs = 0;      // time spent parsing as the body arrived, for the log
    QByteArray body;
    std::unique_ptr<PrometheusQueryParser> parser;
    bool done = false;
};

// Lives on the client's worker thread; owns the QNetworkAccessManager and the requests in flight.
class PrometheusEngine : public QObject
{
public:
    explicit PrometheusEngine(const PrometheusConnection &connection)
        : m_connection(connection)
    {
    }

    void start(PrometheusRequest *r);
    void cancelAll();
    void shutdown();

private:
    void abortWith(PrometheusRequest *r, PrometheusRequest::Abort why);
    void learnStatus(PrometheusRequest *r);
    bool take(PrometheusRequest *r); // reads what arrived; false when it aborted the request
    void onFinished(PrometheusRequest *r);
    void complete(PrometheusRequest *r, PrometheusOutcome &&outcome);

    PrometheusConnection m_connection;
    std::optional<QSslConfiguration> m_ssl; // with the caFile's certificates, once read
    QNetworkAccessManager *m_network = nullptr;
    QList<PrometheusRequest *> m_requests;
    bool m_shutdown = false;
};

// The client's thread and the engine on it; submit() is called on the client's side.
class PrometheusWorker
{
public:
    explicit PrometheusWorker(const PrometheusConnection &connection)
        : m_connection(connection)
        , m_engine(new PrometheusEngine(connection))
    {
        m_thread.setObjectName(u"prometheus"_s);
        m_engine->moveToThread(&m_thread);
        m_thread.start();
    }

    ~PrometheusWorker()
    {
        PrometheusEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine] { engine->shutdown(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_engine;
    }

    void cancelAll()
    {
        PrometheusEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine] { engine->cancelAll(); }, Qt::QueuedConnection);
    }

    template<typename T>
    QFuture<PrometheusReply<T>> submit(const QString &path, const Params &params, bool streams,
                                       PrometheusReply<T> (*parse)(PrometheusOutcome &));

private:
    PrometheusConnection m_connection;
    QThread m_thread;
    PrometheusEngine *m_engine;
};

template<typename T>
QFuture<PrometheusReply<T>> PrometheusWorker::submit(const QString &path, const Params &params, bool streams,
                                                     PrometheusReply<T> (*parse)(PrometheusOutcome &))
{
    QFutureInterface<PrometheusReply<T>> promise;
    promise.reportStarted();
    QFuture<PrometheusReply<T>> future = promise.future();

    auto *r = new PrometheusRequest;
    r->clock.start();
    r->streams = streams;
    QUrl url = m_connection.url;
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    const QByteArray query = encodeParams(params);
    r->post = query.size() > maxQueryStringBytes;
    r->request = (r->post ? u"POST "_s : u"GET "_s) + url.toDisplayString();
    if (r->post)
        r->postBody = query;
    else if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    r->url = url;
    r->future = QFuture<void>(future);
    r->deliver = [promise, parse](PrometheusOutcome &&outcome) mutable {
        PrometheusReply<T> reply;
        if (outcome.error.isError())
            reply.error = std::move(outcome.error);
        else
            reply = parse(outcome);
        if (reply.error.kind == PrometheusError::Kind::Malformed)
            reply.error.message = outcome.request + u": "_s + reply.error.message;
        reply.elapsedMs = double(outcome.clock.nsecsElapsed()) / 1e6;
        const QString failure = reply.error.message;
        finishFuture(promise, std::move(reply));
        return failure;
    };
    r->moveToThread(&m_thread);
    PrometheusEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, r] { engine->start(r); }, Qt::QueuedConnection);
    return future;
}

void PrometheusEngine::start(PrometheusRequest *r)
{
    r->setParent(this);
    if (m_shutdown || r->future.isCanceled()) {
        PrometheusOutcome outcome;
        outcome.error.kind = PrometheusError::Kind::Cancelled;
        outcome.error.message =
            QCoreApplication::translate("Sightline::PrometheusClient", "%1: cancelled").arg(r->request);
        complete(r, std::move(outcome));
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);

    QNetworkRequest request(r->url);
    if (r->url.scheme() == u"https"_s && !m_connection.caFile.isEmpty()) {
        // The system's CAs plus the file's, read once: a private CA, public ones still trusted.
        if (!m_ssl) {
            const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_connection.caFile);
            if (!extra.isEmpty()) {
                m_ssl = QSslConfiguration::defaultConfiguration();
                m_ssl->addCaCertificates(extra);
            }
        }
        if (!m_ssl) {
            PrometheusOutcome outcome;
            outcome.error.kind = PrometheusError::Kind::Network;
            outcome.error.message = QCoreApplication::translate("Sightline::PrometheusClient",
                                                                "%1: no CA certificate could be read from %2")
                                        .arg(r->request, m_connection.caFile);
            complete(r, std::move(outcome));
            return;
        }
        request.setSslConfiguration(*m_ssl);
    }
    request.setRawHeader("Accept", "application/json");
    // Qt would ask for gzip. Prometheus then spends seconds compressing a large answer (a 39 MB
    // range answer: 6 s gzipped against 0.6 s plain, on the loopback), more than the smaller
    // transfer saves on any link a researcher reaches Prometheus over.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("User-Agent", "Sightline/" SIGHTLINE_VERSION);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!m_connection.bearerToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_connection.bearerToken.toUtf8());
    } else if (!m_connection.url.userName().isEmpty()) {
        const QByteArray credentials =
            m_connection.url.userName().toUtf8() + ':' + m_connection.password.toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    if (r->post) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        r->reply = m_network->post(request, r->postBody);
    } else {
        r->reply = m_network->get(request);
    }
    m_requests.append(r);

    QNetworkReply *reply = r->reply;
    connect(reply, &QNetworkReply::metaDataChanged, r, [this, r] {
        const QVariant length = r->reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_connection.maxResponseBytes)
            abortWith(r, PrometheusRequest::Abort::TooLarge);
    });
    connect(reply, &QNetworkReply::readyRead, r, [this, r] { take(r); });
    connect(reply, &QNetworkReply::finished, r, [this, r] { onFinished(r); });
    if (m_connection.timeoutMs > 0) {
        r->timer = new QTimer(r);
        r->timer->setSingleShot(true);
        connect(r->timer, &QTimer::timeout, r,
                [this, r] { abortWith(r, PrometheusRequest::Abort::Timeout); });
        r->timer->start(int(qMax<qint64>(0, m_connection.timeoutMs - r->clock.elapsed())));
    }
    r->watcher = new QFutureWatcher<void>(r);
    connect(r->watcher, &QFutureWatcherBase::canceled, r,
            [this, r] { abortWith(r, PrometheusRequest::Abort::Cancelled); });
    r->watcher->setFuture(r->future);
}

void PrometheusEngine::abortWith(PrometheusRequest *r, PrometheusRequest::Abort why)
{
    if (r->done || r->abort != PrometheusRequest::Abort::None || !r->reply)
        return;
    r->abort = why;
    r->reply->abort(); // emits finished() before it returns: `r` may be gone after this
}

void PrometheusEngine::learnStatus(PrometheusRequest *r)
{
    if (r->statusKnown)
        return;
    r->status = r->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r->status == 0)
        return;
    r->statusKnown = true;
    r->success = r->status >= 200 && r->status < 300;
    if (r->success && r->streams) {
        r->parser = std::make_unique<PrometheusQueryParser>();
    } else if (r->success) {
        const qint64 length = r->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > 0 && length <= m_connection.maxResponseBytes)
            r->body.reserve(qsizetype(length));
    }
}

bool PrometheusEngine::take(PrometheusRequest *r)
{
    if (r->done || r->abort != PrometheusRequest::Abort::None)
        return false;
    learnStatus(r);
    const qint64 available = r->reply->bytesAvailable();
    if (available <= 0)
        return true;
    if (r->firstByteMs < 0)
        r->firstByteMs = double(r->clock.nsecsElapsed()) / 1e6;
    if (r->received + available > m_connection.maxResponseBytes) {
        abortWith(r, PrometheusRequest::Abort::TooLarge);
        return false;
    }
    if (r->parser) {
        // In slices that stay in the CPU cache between the copy and the parse: a burst of tens of
        // megabytes copied whole would be read back from memory.
        QElapsedTimer parsing;
        parsing.start();
        for (qint64 left = available; left > 0;) {
            const qint64 slice = qMin<qint64>(left, parseSliceBytes);
            const qint64 n = qMax<qint64>(0, r->reply->read(r->parser->reserve(qsizetype(slice)), slice));
            r->received += n;
            left = n > 0 ? left - n : 0;
            if (!r->parser->commit(qsizetype(n))) {
                abortWith(r, PrometheusRequest::Abort::Malformed);
                return false;
            }
        }
        r->parseMs += double(parsing.nsecsElapsed()) / 1e6;
    } else if (!r->success && r->body.size() >= maxErrorBodyBytes) {
        r->received += r->reply->skip(available);
    } else {
        const QByteArray chunk = r->reply->read(available);
        r->received += chunk.size();
        r->body += chunk;
    }
    return true;
}

void PrometheusEngine::onFinished(PrometheusRequest *r)
{
    if (r->done)
        return;
    using Kind = PrometheusError::Kind;
    using Abort = PrometheusRequest::Abort;
    if (r->abort == Abort::None)
        take(r); // the bytes that came with finished(); may find the body too large or wrong
    if (r->done)
        return;
    learnStatus(r);
    const QString reason = r->reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QNetworkReply::NetworkError networkError = r->reply->error();

    PrometheusOutcome outcome;
    PrometheusError &error = outcome.error;
    error.httpStatus = r->status;
    const QString &request = r->request;
    if (r->abort == Abort::Cancelled) {
        error.kind = Kind::Cancelled;
        error.message =
            QCoreApplication::translate("Sightline::PrometheusClient", "%1: cancelled").arg(request);
    } else if (r->abort == Abort::Timeout) {
        error.kind = Kind::Timeout;
        error.message = QCoreApplication::translate("Sightline::PrometheusClient",
                                                    "%1: no complete answer within %2 s (%3 bytes arrived)")
                            .arg(request, QString::number(double(m_connection.timeoutMs) / 1000.0, 'g', 3),
                                 QString::number(r->received));
    } else if (r->abort == Abort::TooLarge) {
        error.kind = Kind::TooLarge;
        error.message = QCoreApplication::translate("Sightline::PrometheusClient",
                                                    "%1: the answer is larger than %2; not read")
                            .arg(request, formatBytes(m_connection.maxResponseBytes));
    } else if (r->abort == Abort::Malformed) {
        error = r->parser->finish().error; // the message naming what is wrong; the request is prefixed later
    } else if (r->statusKnown && !r->success) {
        error = prometheusHttpError(request, r->status, reason, r->body);
    } else if (networkError == QNetworkReply::RemoteHostClosedError && r->statusKnown) {
        error.kind = Kind::Network;
        error.message = QCoreApplication::translate(
                            "Sightline::PrometheusClient",
                            "%1: the connection closed before the whole answer arrived (%2 bytes read)")
                            .arg(request, QString::number(r->received));
    } else if (networkError != QNetworkReply::NoError) {
        error.kind = Kind::Network;
        error.message = request + u": "_s + r->reply->errorString();
    } else if (!r->statusKnown) {
        error.kind = Kind::Network;
        error.message =
            QCoreApplication::translate("Sightline::PrometheusClient", "%1: no HTTP answer").arg(request);
    }
    if (!error.isError())
        outcome.body = std::move(r->body);
    outcome.parser = r->parser.get();
    complete(r, std::move(outcome));
}

void PrometheusEngine::complete(PrometheusRequest *r, PrometheusOutcome &&outcome)
{
    r->done = true;
    if (r->timer)
        r->timer->stop();
    if (r->watcher)
        r->watcher->disconnect(r);
    if (r->reply) {
        r->reply->disconnect(r);
        r->reply->deleteLater();
    }
    m_requests.removeOne(r);
    outcome.request = r->request;
    outcome.clock = r->clock;
    const bool cancelled = outcome.error.kind == PrometheusError::Kind::Cancelled;
    // Parsing of the small bodies happens in deliver (here, on this thread).
    const QString failure = r->deliver(std::move(outcome));
    const QString ms = QString::number(double(r->clock.nsecsElapsed()) / 1e6, 'f', 1);
    if (!cancelled) {
        // The API endpoint names the operation: query, query_range, series, labels, targets, …
        const QString path = r->url.path();
        const QString operation = path.mid(path.lastIndexOf(u'/') + 1);
        Metrics::observeRequest("prometheus", operation.toStdString(), double(r->clock.nsecsElapsed()) / 1e9,
                                !failure.isEmpty());
    }
    if (failure.isEmpty())
        qCDebug(lcPrometheus).noquote()
            << r->url.path() << "HTTP" << r->status << r->received << "bytes in" << ms
            << "ms; first byte after" << QString::number(r->firstByteMs, 'f', 1) << "ms; parsing"
            << QString::number(r->parseMs, 'f', 1) << "ms";
    else
        qCInfo(lcPrometheus).noquote() << failure << "after" << ms << "ms";
    r->deliver = nullptr;
    r->deleteLater();
}

void PrometheusEngine::cancelAll()
{
    const QList<PrometheusRequest *> requests = m_requests;
    for (PrometheusRequest *r : requests)
        abortWith(r, PrometheusRequest::Abort::Cancelled);
}

void PrometheusEngine::shutdown()
{
    m_shutdown = true;
    cancelAll();
    delete m_network;
    m_network = nullptr;
}

PrometheusConnection PrometheusConnection::fromProfileUrl(const QString &url, int timeoutSeconds)
{
    PrometheusConnection connection;
    connection.url = QUrl(url.trimmed(), QUrl::StrictMode);
    connection.bearerToken = qEnvironmentVariable("SIGHTLINE_PROMETHEUS_TOKEN");
    connection.password = qEnvironmentVariable("SIGHTLINE_PROMETHEUS_PASSWORD");
    if (connection.password.isEmpty())
        connection.password = connection.url.password();
    connection.url.setPassword(QString());
    if (timeoutSeconds > 0)
        connection.timeoutMs = timeoutSeconds * 1000;
    return connection;
}

PrometheusConnection PrometheusConnection::fromProfile(const WorkspaceProfile &profile)
{
    PrometheusConnection connection = fromProfileUrl(profile.prometheus.url, profile.timeoutSeconds);
    connection.caFile = profile.prometheus.caFile;
    if (!profile.secrets.prometheusToken.isEmpty())
        connection.bearerToken = profile.secrets.prometheusToken;
    if (!profile.secrets.prometheusPassword.isEmpty())
        connection.password = profile.secrets.prometheusPassword;
    return connection;
}

namespace {

PrometheusQueryReply queryReply(PrometheusOutcome &outcome)
{
    return outcome.parser ? outcome.parser->finish() : parsePrometheusQueryResponse(outcome.body);
}

PrometheusSeriesReply seriesReply(PrometheusOutcome &outcome)
{
    return parsePrometheusSeriesResponse(outcome.body);
}

PrometheusLabelsReply labelsReply(PrometheusOutcome &outcome)
{
    return parsePrometheusLabelsResponse(outcome.body);
}

PrometheusTargetsReply targetsReply(PrometheusOutcome &outcome)
{
    return parsePrometheusTargetsResponse(outcome.body);
}

PrometheusAlertsReply alertsReply(PrometheusOutcome &outcome)
{
    return parsePrometheusAlertsResponse(outcome.body);
}

PrometheusBuildInfoReply buildInfoReply(PrometheusOutcome &outcome)
{
    PrometheusBuildInfoReply reply;
    const QJsonDocument doc = QJsonDocument::fromJson(outcome.body);
    const QJsonObject root = doc.object();
    if (root.value(u"status"_s).toString() == u"error") {
        reply.error.kind = PrometheusError::Kind::Api;
        reply.error.errorType = root.value(u"errorType"_s).toString();
        reply.error.message = root.value(u"error"_s).toString();
        return reply;
    }
    const QJsonValue data = root.value(u"data"_s);
    if (root.value(u"status"_s).toString() != u"success" || !data.isObject()) {
        reply.error.kind = PrometheusError::Kind::Malformed;
        reply.error.message =
            u"the answer is not a Prometheus build-info object (it starts with \"%1\")"_s.arg(
                QString::fromUtf8(outcome.body.left(60)).simplified());
        return reply;
    }
    QMap<QString, QString> info;
    const QJsonObject object = data.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        info.insert(it.key(), it.value().toString());
    reply.value = std::move(info);
    return reply;
}

} // namespace

PrometheusClient::PrometheusClient(const PrometheusConnection &connection, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<PrometheusWorker>(connection))
    , m_connection(connection)
{
}

PrometheusClient::~PrometheusClient() = default;

QString PrometheusClient::describe() const
{
    return m_connection.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QFuture<PrometheusQueryReply> PrometheusClient::query(const QString &expr, std::optional<double> timeSeconds)
{
    Params params{{u"query"_s, expr}};
    if (timeSeconds)
        params.append({u"time"_s, formatSeconds(*timeSeconds)});
    return m_worker->submit(u"/api/v1/query"_s, params, true, &queryReply);
}

QFuture<PrometheusQueryReply> PrometheusClient::queryRange(const QString &expr, double startSeconds,
                                                           double endSeconds, double stepSeconds)
{
    const Params params{{u"query"_s, expr},
                        {u"start"_s, formatSeconds(startSeconds)},
                        {u"end"_s, formatSeconds(endSeconds)},
                        {u"step"_s, formatSeconds(stepSeconds)}};
    return m_worker->submit(u"/api/v1/query_range"_s, params, true, &queryReply);
}

QFuture<PrometheusSeriesReply> PrometheusClient::series(const QStringList &matchers, double startSeconds,
                                                        double endSeconds)
{
    Params params;
    for (const QString &matcher : matchers)
        params.append({u"match[]"_s, matcher});
    params.append({u"start"_s, formatSeconds(startSeconds)});
    params.append({u"end"_s, formatSeconds(endSeconds)});
    return m_worker->submit(u"/api/v1/series"_s, params, false, &seriesReply);
}

QFuture<PrometheusLabelsReply> PrometheusClient::labels()
{
    return m_worker->submit(u"/api/v1/labels"_s, {}, false, &labelsReply);
}

QFuture<PrometheusTargetsReply> PrometheusClient::targets()
{
    return m_worker->submit(u"/api/v1/targets"_s, {{u"state"_s, u"active"_s}}, false, &targetsReply);
}

QFuture<PrometheusAlertsReply> PrometheusClient::alerts()
{
    return m_worker->submit(u"/api/v1/alerts"_s, {}, false, &alertsReply);
}

QFuture<PrometheusBuildInfoReply> PrometheusClient::buildInfo()
{
    return m_worker->submit(u"/api/v1/status/buildinfo"_s, {}, false, &buildInfoReply);
}

void PrometheusClient::cancelAll()
{
    m_worker->cancelAll();
}

} // namespace Sightline
