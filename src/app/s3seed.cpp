#include "s3seed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include "sources/s3/s3xml.h"

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

struct Upload
{
    QByteArray key;
    QByteArray body;
};

QByteArray eventsJson(const GeneratedEvaluation &evaluation)
{
    QJsonArray events;
    for (const EvaluationEvent &event : evaluation.events)
        events.append(QJsonObject{{u"type"_s, event.type},
                                  {u"category"_s, categoryName(event.category)},
                                  {u"ts"_s, event.timestamp}});
    return QJsonDocument(QJsonObject{{u"evaluation_id"_s, evaluation.detail.row.id}, {u"events"_s, events}})
        .toJson(QJsonDocument::Indented);
}

QByteArray summaryJson(const GeneratedEvaluation &evaluation)
{
    const EvaluationRow &row = evaluation.detail.row;
    return QJsonDocument(
               QJsonObject{{u"id"_s, row.id},
                           {u"status"_s, statusName(row.status)},
                           {u"engine"_s, row.engine},
                           {u"created_at"_s, row.createdAt ? QJsonValue(*row.createdAt) : QJsonValue()},
                           {u"worker_id"_s, row.workerId}})
        .toJson(QJsonDocument::Indented);
}

// Hands out the uploads one at a time, so that 100,000 bench objects never sit in memory at once.
class UploadQueue
{
public:
    explicit UploadQueue(const S3SeedOptions &options)
        : m_options(options)
        , m_generator(options.generator)
    {
    }

    std::optional<Upload> next()
    {
        while (m_pending.isEmpty() && refill()) {
        }
        if (m_pending.isEmpty())
            return std::nullopt;
        return m_pending.takeFirst();
    }

private:
    bool refill()
    {
        switch (m_stage) {
        case 0:
            if (m_options.every > 0 && m_index < m_options.generator.evaluationCount) {
                const GeneratedEvaluation evaluation = m_generator.evaluation(m_index);
                m_index += m_options.every;
                m_uploaded.append(evaluation.detail.row.id);
                const QByteArray base = "evaluations/" + evaluation.detail.row.id.toUtf8() + '/';
                const QByteArray output = evaluation.largeOutput.isEmpty() ? evaluation.detail.output.toUtf8()
                                                                           : evaluation.largeOutput;
                m_pending.append(Upload{base + "evaluation.json", summaryJson(evaluation)});
                // No output, no object (s3rver also mishandles ranged GETs of empty objects).
                if (!output.isEmpty())
                    m_pending.append(Upload{base + "output.txt", output});
                m_pending.append(Upload{base + "artifacts/events.json", eventsJson(evaluation)});
                if (!evaluation.log.isEmpty())
                    m_pending.append(Upload{base + "artifacts/run.log", evaluation.log});
                return true;
            }
            m_stage = 1;
            return true;
        case 1: {
            m_stage = 2;
            if (m_options.every <= 0)
                return true;
            // What the platform uploaded, at the top of evaluations/. It also makes s3rver (which
            // derives common prefixes only from objects one level down) show evaluations/ at the root.
            m_pending.append(Upload{"evaluations/index.json",
                                    QJsonDocument(QJsonObject{{u"evaluations"_s, m_uploaded}}).toJson()});
            // One large object (previews page through it) and names a display has to escape.
            QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
            QRandomGenerator random(quint32(m_options.generator.seed));
            random.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
            m_pending.append(Upload{"misc/large-5mb.bin", big});
            m_pending.append(Upload{"misc/control-\x01\x1b[31m-name.txt", "a key with control characters\n"});
            m_pending.append(Upload{"misc/r\xc3\xa9sum\xc3\xa9-\xe2\x82\xac.txt", "UTF-8 key\n"});
            m_pending.append(
                Upload{"misc/binary-preview.bin", QByteArray("\x00\x01\x02\xff\xfe text\n", 12)});
            return true;
        }
        case 2:
            if (m_benchIndex < m_options.benchObjects) {
                if (m_benchIndex == 0) // an object one level down, so that s3rver lists bench/ at the root
                    m_pending.append(Upload{"bench/README.txt", "objects for sightline-bench s3-list\n"});
                const qint64 i = m_benchIndex++;
                const int prefixes = qMax(1, m_options.benchPrefixes);
                const QByteArray key = "bench/p" + QByteArray::number(i % prefixes).rightJustified(4, '0') +
                                       "/obj-" + QByteArray::number(i).rightJustified(6, '0') + ".txt";
                m_pending.append(Upload{key, "bench object " + QByteArray::number(i) + '\n'});
                return true;
            }
            m_stage = 3;
            return false;
        default:
            return false;
        }
    }

    const S3SeedOptions &m_options;
    EvaluationDataGenerator m_generator;
    QList<Upload> m_pending;
    QJsonArray m_uploaded;
    int m_stage = 0;
    qint64 m_index = 0;
    qint64 m_benchIndex = 0;
};

} // namespace

S3SeedResult seedS3(const S3SeedOptions &options, const std::atomic<bool> *cancel)
{
    S3SeedResult result;
    QElapsedTimer elapsed;
    elapsed.start();
    const QUrl &endpoint = options.endpoint;
    if (!endpoint.isValid() || endpoint.host().isEmpty() ||
        (endpoint.scheme() != u"http"_s && endpoint.scheme() != u"https"_s)) {
        result.error = u"--s3 needs an http:// or https:// URL"_s;
        return result;
    }
    const bool https = endpoint.scheme() == u"https"_s;
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toUtf8();
    if (endpoint.port() != -1 && endpoint.port() != (https ? 443 : 80))
        host += ':' + QByteArray::number(endpoint.port());
    const SigV4Signer signer(options.credentials, options.region);

    QNetworkAccessManager network;
    QEventLoop loop;
    UploadQueue queue(options);
    int running = 0;
    bool exhausted = false;

    std::function<void()> startMore = [&] {
        while (running < options.inFlight && result.error.isEmpty() && !exhausted) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                break;
            }
            std::optional<Upload> upload = queue.next();
            if (!upload) {
                exhausted = true;
                break;
            }
            const QByteArray path = '/' + options.bucket.toUtf8() + '/' + upload->key;
            QNetworkRequest request(QUrl::fromEncoded(endpoint.scheme().toLatin1() + "://" + host +
                                                          SigV4Signer::uriEncode(path, true),
                                                      QUrl::StrictMode));
            request.setTransferTimeout(options.timeoutMs);
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
            request.setRawHeader("User-Agent",
                                 "Sightline-seed/" + QCoreApplication::applicationVersion().toUtf8());
            if (!options.credentials.isAnonymous()) {
                SigV4Request toSign;
                toSign.method = "PUT";
                toSign.host = host;
                toSign.path = path;
                toSign.payloadHash = SigV4Signer::sha256Hex(upload->body);
                const SigV4Signature signature = signer.sign(toSign, QDateTime::currentDateTimeUtc());
                for (const auto &[name, value] : signature.headers)
                    request.setRawHeader(name, value);
            }
            QNetworkReply *reply = network.put(request, upload->body);
            ++running;
            const qint64 size = upload->body.size();
            const QByteArray key = upload->key;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, size, key] {
                --running;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status / 100 == 2) {
                    ++result.objects;
                    result.bytes += size;
                } else if (result.error.isEmpty()) {
                    S3ErrorInfo info;
                    const QByteArray body = reply->readAll();
                    const QString why = parseS3Error(body, &info) ? info.text()
                                        : status != 0             ? u"HTTP %1"_s.arg(status)
                                                                  : reply->errorString();
                    result.error = u"PUT %1 failed: %2"_s.arg(QString::fromUtf8(key), why);
                }
                reply->deleteLater();
                startMore();
                if (running == 0)
                    loop.quit();
            });
        }
    };
    startMore();
    if (running > 0)
        loop.exec();
    result.ms = elapsed.elapsed();
    return result;
}

} // namespace Sightline
