#include "s3client.h"

#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcS3, "sightline.s3")

namespace {

// A range GET that a server answers with the whole object must not fill memory.
constexpr qint64 kMaxBodyBytes = 16 * 1024 * 1024;

QString secondsText(int ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 3) + u" s"_s;
}

} // namespace

QByteArray S3Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

S3Config S3Config::fromProfile(const WorkspaceProfile &profile)
{
    S3Config s3;
    s3.endpoint = QUrl(profile.s3.endpoint);
    s3.region = profile.s3.region;
    s3.bucket = profile.s3.bucket;
    s3.pathStyle = profile.s3.pathStyle;
    s3.caFile = profile.s3.caFile;
    s3.timeoutMs = qMax(1, profile.timeoutSeconds) * 1000;
    const WorkspaceSecrets &secrets = profile.secrets;
    if (!secrets.s3AccessKeyId.isEmpty() && !secrets.s3SecretAccessKey.isEmpty()) {
        s3.credentials.accessKeyId = secrets.s3AccessKeyId;
        s3.credentials.secretAccessKey = secrets.s3SecretAccessKey;
        s3.credentials.sessionToken = secrets.s3SessionToken;
    } else {
        s3.credentials = SigV4Credentials::fromEnvironment();
    }
    return s3;
}

S3Client::S3Client(S3Config config)
    : m_config(std::move(config))
    , m_signer(m_config.credentials, m_config.region)
{
}

S3Client::~S3Client() = default;

QString S3Client::describe() const
{
    QUrl endpoint = m_config.endpoint;
    endpoint.setUserInfo({});
    return u"s3://%1 at %2"_s.arg(m_config.bucket, endpoint.toString(QUrl::RemovePath | QUrl::RemoveQuery));
}

void S3Client::ensureNetwork()
{
    if (m_network)
        return;
    m_context = std::make_unique<QObject>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QMutexLocker lock(&m_mutex);
    m_contextForInterrupt = m_context.get();
}

void S3Client::releaseNetwork()
{
    {
        QMutexLocker lock(&m_mutex);
        m_contextForInterrupt = nullptr;
    }
    m_network.reset();
    m_context.reset();
}

void S3Client::interrupt()
{
    QMutexLocker lock(&m_mutex);
    if (!m_contextForInterrupt)
        return;
    // QNetworkReply is not thread-safe: the abort runs on the worker thread, inside its wait loop.
    QMetaObject::invokeMethod(
        m_contextForInterrupt.data(),
        [this] {
            QMutexLocker lock(&m_mutex);
            if (m_reply && m_replyStop.stopRequested())
                m_reply->abort();
        },
        Qt::QueuedConnection);
}

S3Response S3Client::headBucket(const StopToken &stop)
{
    return send("HEAD", {}, {}, {}, stop);
}

SigV4Pairs S3Client::listQuery(const QByteArray &prefix, const QByteArray &delimiter, int maxKeys,
                               const QString &continuationToken)
{
    SigV4Pairs query{{"list-type", "2"}, {"max-keys", QByteArray::number(maxKeys)}, {"encoding-type", "url"}};
    if (!prefix.isEmpty())
        query.append({"prefix", prefix});
    if (!delimiter.isEmpty())
        query.append({"delimiter", delimiter});
    if (!continuationToken.isEmpty())
        query.append({"continuation-token", continuationToken.toUtf8()});
    return query;
}

S3ListPage S3Client::listObjects(const QByteArray &prefix, const QByteArray &delimiter, int maxKeys,
                                 const QString &continuationToken, const StopToken &stop)
{
    S3ListPage page;
    const S3Response response =
        send("GET", {}, listQuery(prefix, delimiter, maxKeys, continuationToken), {}, stop);
    page.cancelled = response.cancelled;
    if (!response.ok()) {
        page.error = response.error;
        return page;
    }
    page.listing = parseListObjectsV2(response.body);
    page.error = page.listing.error;
    if (!page.error.isEmpty())
        qCWarning(lcS3) << "listing from" << describe() << "failed:" << page.error;
    return page;
}

S3Response S3Client::getObjectRange(const QByteArray &key, qint64 first, qint64 last, const StopToken &stop)
{
    const QByteArray range = "bytes=" + QByteArray::number(first) + '-' + QByteArray::number(last);
    return send("GET", key, {}, {{"range", range}}, stop);
}

S3Response S3Client::send(const QByteArray &method, const QByteArray &key, const SigV4Pairs &query,
                          const SigV4Pairs &extraHeaders, const StopToken &stop)
{
    S3Response response;
    if (stop.stopRequested()) {
        response.cancelled = true;
        response.error = u"stopped"_s;
        return response;
    }
    const QUrl &endpoint = m_config.endpoint;
    if (!endpoint.isValid() || (endpoint.scheme() != u"http"_s && endpoint.scheme() != u"https"_s) ||
        endpoint.host().isEmpty()) {
        response.error =
            QCoreApplication::translate("Sightline::S3Source",
                                        "the S3 endpoint \"%1\" is not an http:// or https:// URL")
                .arg(endpoint.toString(QUrl::RemoveUserInfo));
        return response;
    }
    if (m_config.bucket.isEmpty()) {
        response.error = QCoreApplication::translate("Sightline::S3Source", "no S3 bucket given");
        return response;
    }
    ensureNetwork();

    const bool https = endpoint.scheme() == u"https"_s;
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toUtf8();
    const QByteArray bucket = m_config.bucket.toUtf8();
    if (!m_config.pathStyle)
        host = bucket + '.' + host;
    const int port = endpoint.port();
    if (port != -1 && port != (https ? 443 : 80))
        host += ':' + QByteArray::number(port);
    QByteArray path;
    if (m_config.pathStyle)
        path = '/' + bucket + (key.isEmpty() ? QByteArray() : '/' + key);
    else
        path = '/' + key;

    QByteArray encoded = endpoint.scheme().toLatin1() + "://" + host + SigV4Signer::uriEncode(path, true);
    const QByteArray queryText = SigV4Signer::canonicalQuery(query);
    if (!queryText.isEmpty())
        encoded += '?' + queryText;
    QNetworkRequest request(QUrl::fromEncoded(encoded, QUrl::StrictMode));
    request.setRawHeader("User-Agent",
                         "Sightline-S3Client/" + QCoreApplication::applicationVersion().toUtf8());
    for (const auto &[name, value] : extraHeaders)
        request.setRawHeader(name, value);
    if (!m_config.credentials.isAnonymous()) {
        SigV4Request toSign;
        toSign.method = method;
        toSign.host = host;
        toSign.path = path;
        toSign.query = query;
        toSign.headers = extraHeaders;
        const SigV4Signature signature = m_signer.sign(toSign, QDateTime::currentDateTimeUtc());
        for (const auto &[name, value] : signature.headers)
            request.setRawHeader(name, value);
    }
    if (https && !m_config.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_config.caFile);
        if (extra.isEmpty()) {
            response.error =
                QCoreApplication::translate("Sightline::S3Source", "no CA certificate could be read from %1")
                    .arg(m_config.caFile);
            return response;
        }
        ssl.addCaCertificates(extra);
        request.setSslConfiguration(ssl);
    }

    QElapsedTimer elapsed;
    elapsed.start();
    QNetworkReply *reply = method == "HEAD" ? m_network->head(request) : m_network->get(request);
    {
        QMutexLocker lock(&m_mutex);
        m_reply = reply;
        m_replyStop = stop;
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    bool tooLarge = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > kMaxBodyBytes && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_config.timeoutMs);
    // A stop() that came before m_reply was set found nothing to abort: look once more.
    if (stop.stopRequested())
        reply->abort();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();
    {
        QMutexLocker lock(&m_mutex);
        m_reply = nullptr;
        m_replyStop = StopToken();
    }

    response.elapsedMs = double(elapsed.nsecsElapsed()) / 1e6;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString errorString = reply->errorString();
    reply->deleteLater();

    if (timedOut) {
        response.timedOut = true;
        response.error = QCoreApplication::translate("Sightline::S3Source", "%1 did not answer within %2")
                             .arg(describe(), secondsText(m_config.timeoutMs));
    } else if (tooLarge) {
        response.error =
            QCoreApplication::translate("Sightline::S3Source", "%1 sent more than %2 MB for one request")
                .arg(describe())
                .arg(kMaxBodyBytes >> 20);
    } else if (networkError == QNetworkReply::OperationCanceledError) {
        response.cancelled = true;
        response.error = u"stopped"_s;
    } else if (response.status >= 300 || (response.status == 0 && networkError != QNetworkReply::NoError)) {
        S3ErrorInfo info;
        if (parseS3Error(response.body, &info))
            response.error = info.text();
        else if (response.status != 0)
            response.error = u"HTTP %1 %2"_s.arg(response.status).arg(reason).trimmed();
        else
            response.error = u"%1: %2"_s.arg(describe(), errorString);
    } else if (response.status == 0) {
        response.error =
            QCoreApplication::translate("Sightline::S3Source", "%1 did not send an HTTP response")
                .arg(describe());
    }
    const char *operation = method == "HEAD" ? (key.isEmpty() ? "HeadBucket" : "HeadObject")
                            : key.isEmpty()  ? "ListObjectsV2"
                                             : "GetObject";
    if (!response.cancelled) {
        Metrics::observeRequest("s3", operation, response.elapsedMs / 1000.0, !response.error.isEmpty());
        if (!response.error.isEmpty())
            logEvent(lcS3(), QtWarningMsg, "request.failed",
                     {{"operation", QString::fromLatin1(operation)},
                      {"target", describe()},
                      {"status", response.status},
                      {"ms", response.elapsedMs},
                      {"error", response.error}});
    }
    return response;
}

} // namespace Sightline
