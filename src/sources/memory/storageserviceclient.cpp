#include "storageserviceclient.h"
#include "core/jsonvalues.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcMemory, "sightline.memory")

namespace {

// Reads member `name` of `object` (at `where`) as a whole non-negative number.
bool readCount(const QJsonObject &object, const QString &where, const QString &name, qint64 *out,
               QString *error)
{
    const QJsonValue value = object.value(name);
    if (!value.isDouble()) {
        *error = QCoreApplication::translate("Sightline::MemorySource", "\"%1.%2\" is %3, expected a number")
                     .arg(where, name, jsonTypeName(value));
        return false;
    }
    const double d = value.toDouble();
    if (d < 0 || d > 9.0e15 || d != double(qint64(d))) {
        *error = QCoreApplication::translate("Sightline::MemorySource",
                                             "\"%1.%2\" is %3, expected a whole number >= 0")
                     .arg(where, name, QString::number(d));
        return false;
    }
    *out = qint64(d);
    return true;
}

bool readSeconds(const QJsonObject &object, const QString &where, const QString &name, bool nullable,
                 std::optional<double> *out, QString *error)
{
    const QJsonValue value = object.value(name);
    if (nullable && (value.isNull() || value.isUndefined())) {
        out->reset();
        return true;
    }
    if (!value.isDouble() || value.toDouble() < 0) {
        *error =
            QCoreApplication::translate("Sightline::MemorySource",
                                        "\"%1.%2\" is %3, expected a number of seconds >= 0")
                .arg(where, name, value.isDouble() ? QString::number(value.toDouble()) : jsonTypeName(value));
        return false;
    }
    *out = value.toDouble();
    return true;
}

bool readString(const QJsonObject &object, const QString &where, const QString &name, bool nullable,
                QString *out, QString *error)
{
    const QJsonValue value = object.value(name);
    if (nullable && (value.isNull() || value.isUndefined())) {
        out->clear();
        return true;
    }
    if (!value.isString()) {
        *error = QCoreApplication::translate("Sightline::MemorySource", "\"%1.%2\" is %3, expected a string")
                     .arg(where, name, jsonTypeName(value));
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

std::optional<MemorySnapshot> parseMemoryResponse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Sightline::MemorySource",
                                             "the answer is not JSON: %1 at byte %2 (it starts with \"%3\")")
                     .arg(parseError.errorString(), QString::number(parseError.offset),
                          QString::fromUtf8(body.left(60)).simplified());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate(
                     "Sightline::MemorySource",
                     "the answer is a JSON %1, expected an object with \"entries\" and \"stats\"")
                     .arg(doc.isArray() ? u"array"_s : u"value"_s);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!root.contains(u"entries"_s) || !root.contains(u"stats"_s)) {
        *error = QCoreApplication::translate("Sightline::MemorySource", "the answer has no \"%1\" member")
                     .arg(root.contains(u"entries"_s) ? u"stats"_s : u"entries"_s);
        return std::nullopt;
    }
    if (!root.value(u"entries"_s).isArray()) {
        *error =
            QCoreApplication::translate("Sightline::MemorySource", "\"entries\" is %1, expected an array")
                .arg(jsonTypeName(root.value(u"entries"_s)));
        return std::nullopt;
    }
    if (!root.value(u"stats"_s).isObject()) {
        *error = QCoreApplication::translate("Sightline::MemorySource", "\"stats\" is %1, expected an object")
                     .arg(jsonTypeName(root.value(u"stats"_s)));
        return std::nullopt;
    }
    MemorySnapshot snapshot;
    const QJsonObject stats = root.value(u"stats"_s).toObject();
    const QString s = u"stats"_s;
    if (!readCount(stats, s, u"entries"_s, &snapshot.stats.entries, error) ||
        !readCount(stats, s, u"bytes"_s, &snapshot.stats.bytes, error) ||
        !readCount(stats, s, u"hits"_s, &snapshot.stats.hits, error) ||
        !readCount(stats, s, u"misses"_s, &snapshot.stats.misses, error) ||
        !readCount(stats, s, u"evictions"_s, &snapshot.stats.evictions, error))
        return std::nullopt;

    const QJsonArray entries = root.value(u"entries"_s).toArray();
    snapshot.entries.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = u"entries[%1]"_s.arg(i);
        if (!entries.at(i).isObject()) {
            *error =
                QCoreApplication::translate("Sightline::MemorySource", "\"%1\" is %2, expected an object")
                    .arg(where, jsonTypeName(entries.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = entries.at(i).toObject();
        MemoryEntry e;
        std::optional<double> age;
        if (!readString(o, where, u"key"_s, false, &e.key, error) ||
            !readString(o, where, u"evaluation_id"_s, true, &e.evaluationId, error) ||
            !readString(o, where, u"kind"_s, false, &e.kind, error) ||
            !readCount(o, where, u"size_bytes"_s, &e.sizeBytes, error) ||
            !readSeconds(o, where, u"age_seconds"_s, false, &age, error) ||
            !readSeconds(o, where, u"ttl_seconds"_s, true, &e.ttlSeconds, error))
            return std::nullopt;
        e.ageSeconds = age.value_or(0);
        e.fields = o;
        snapshot.entries.append(std::move(e));
    }
    return snapshot;
}

StorageServiceClient::Options StorageServiceClient::Options::fromProfile(const WorkspaceProfile &profile)
{
    Options options;
    options.timeoutMs = qMax(1, profile.timeoutSeconds) * 1000;
    options.caFile = profile.memoryCaFile;
    options.bearerToken = profile.secrets.memoryToken;
    if (options.bearerToken.isEmpty())
        options.bearerToken = qEnvironmentVariable("SIGHTLINE_MEMORY_TOKEN");
    return options;
}

StorageServiceClient::StorageServiceClient(const QUrl &baseUrl, const Options &options)
    : m_baseUrl(baseUrl)
    , m_options(options)
{
}

QString StorageServiceClient::describe() const
{
    return m_baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

void StorageServiceClient::interrupt()
{
    QMutexLocker lock(&m_mutex);
    if (m_current)
        QMetaObject::invokeMethod(m_current.data(), &QNetworkReply::abort, Qt::QueuedConnection);
}

HttpResult StorageServiceClient::get(const QString &path, const StopToken &stop)
{
    HttpResult result;
    QElapsedTimer timer;
    timer.start();
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);

    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!m_options.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.bearerToken.toUtf8());
    if (url.scheme() == u"https"_s && !m_options.caFile.isEmpty()) {
        // The system's CAs plus the file's: a private CA for the service, public ones still valid.
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_options.caFile);
        if (extra.isEmpty()) {
            result.error = QCoreApplication::translate("Sightline::MemorySource",
                                                       "GET %1: no CA certificate could be read from %2")
                               .arg(shown, m_options.caFile);
            qCWarning(lcMemory).noquote() << result.error;
            return result;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(extra);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = nullptr;
    {
        // Under the lock, so that a stop() either sees this reply or we see its flag.
        QMutexLocker lock(&m_mutex);
        if (stop.stopRequested()) {
            result.cancelled = true;
            result.error = u"GET %1: stopped"_s.arg(shown);
            return result;
        }
        reply = network.get(request);
        m_current = reply;
    }

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool timedOut = false;
    bool tooLarge = false;
    const qint64 cap = m_options.maxResponseBytes;
    QObject::connect(&timeout, &QTimer::timeout, reply, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > cap) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        if (tooLarge)
            return;
        result.body += reply->read(cap + 1 - result.body.size());
        if (result.body.size() > cap) {
            tooLarge = true;
            result.body.clear();
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(m_options.timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    {
        QMutexLocker lock(&m_mutex);
        m_current = nullptr;
    }
    if (!tooLarge && reply->bytesAvailable() > 0) {
        result.body += reply->read(cap + 1 - result.body.size());
        if (result.body.size() > cap) {
            tooLarge = true;
            result.body.clear();
        }
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorString = reply->errorString();
    delete reply;
    result.elapsedMs = double(timer.nsecsElapsed()) / 1e6;

    if (stop.stopRequested()) {
        result.cancelled = true;
        result.error = u"GET %1: stopped"_s.arg(shown);
    } else if (tooLarge) {
        result.error = QCoreApplication::translate("Sightline::MemorySource",
                                                   "GET %1: the answer is larger than %2 MB; not read")
                           .arg(shown, QString::number(double(cap) / (1024 * 1024), 'f', 0));
    } else if (timedOut) {
        result.error = QCoreApplication::translate("Sightline::MemorySource", "GET %1: no answer within %2 s")
                           .arg(shown, QString::number(double(m_options.timeoutMs) / 1000.0, 'g', 3));
    } else if (result.status >= 400) {
        const QString excerpt = QString::fromUtf8(result.body.left(300)).simplified();
        result.error = u"GET %1: HTTP %2 %3%4"_s.arg(shown, QString::number(result.status), reason,
                                                     excerpt.isEmpty() ? QString() : u": "_s + excerpt);
    } else if (networkError == QNetworkReply::RemoteHostClosedError && result.status != 0) {
        result.error = QCoreApplication::translate(
                           "Sightline::MemorySource",
                           "GET %1: the connection closed before the whole answer arrived (%2 bytes read)")
                           .arg(shown, QString::number(result.body.size()));
    } else if (networkError != QNetworkReply::NoError) {
        result.error = u"GET %1: %2"_s.arg(shown, errorString);
    } else if (result.status == 0) {
        result.error = u"GET %1: no HTTP answer"_s.arg(shown);
    }
    if (!result.cancelled) {
        Metrics::observeRequest(m_options.metricsSource, "GET", result.elapsedMs / 1000.0,
                                !result.error.isEmpty());
        if (!result.error.isEmpty())
            logEvent(qstrcmp(m_options.metricsSource, "grafana") == 0 ? lcGrafana() : lcMemory(),
                     QtWarningMsg, "request.failed",
                     {{"operation", u"GET"_s},
                      {"status", result.status},
                      {"ms", result.elapsedMs},
                      {"error", result.error}});
    }
    return result;
}

std::optional<MemorySnapshot> StorageServiceClient::fetchMemory(const StopToken &stop, QString *error,
                                                                bool *cancelled)
{
    const HttpResult http = get(u"/storage/memory"_s, stop);
    *cancelled = http.cancelled;
    if (!http.ok()) {
        *error = http.error;
        return std::nullopt;
    }
    QString parseError;
    std::optional<MemorySnapshot> snapshot = parseMemoryResponse(http.body, &parseError);
    if (!snapshot) {
        *error = u"GET %1/storage/memory: %2"_s.arg(describe(), parseError);
        return std::nullopt;
    }
    snapshot->fetchedAtMs = QDateTime::currentMSecsSinceEpoch();
    return snapshot;
}

} // namespace Sightline
