#pragma once

#include "core/workspaceprofile.h"
#include "s3xml.h"
#include "sigv4signer.h"
#include "sources/storagesource.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcS3)

struct S3Config
{
    QUrl endpoint; // http(s)://host[:port]
    QString region = QStringLiteral("us-east-1");
    QString bucket;
    bool pathStyle = true; // false: virtual-host addressing (bucket.host)
    QString caFile;        // extra CA certificates (PEM) for https endpoints
    int timeoutMs = 10000; // per request
    SigV4Credentials credentials;

    // The profile's sources.s3, its timeout, ca_file and credentials (WorkspaceProfile::secrets,
    // else the environment's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN).
    static S3Config fromProfile(const WorkspaceProfile &profile);
};

struct S3Response
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString error; // set when the request failed; in the server's words where it had some
    bool cancelled = false;
    bool timedOut = false;
    double elapsedMs = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
    QByteArray header(QByteArrayView name) const; // case-insensitive
};

struct S3ListPage
{
    S3ListResult listing;
    QString error;
    bool cancelled = false;
};

// A read-only S3 client: GET, HEAD and the ListObjectsV2 GET, nothing else. Requests block the
// calling thread in a local event loop, so it is meant for a source's worker thread only (the
// network objects are created on the first thread that sends). interrupt() may be called from any
// thread: it aborts the request of a stopped token now.
class S3Client
{
public:
    explicit S3Client(S3Config config);
    ~S3Client();
    S3Client(const S3Client &) = delete;
    S3Client &operator=(const S3Client &) = delete;

    const S3Config &config() const { return m_config; }

    S3Response headBucket(const StopToken &stop);
    // Prefix and delimiter are raw key bytes: a key need not be UTF-8, and the request (and its
    // signature) carries exactly these bytes, percent-encoded.
    S3ListPage listObjects(const QByteArray &prefix, const QByteArray &delimiter, int maxKeys,
                           const QString &continuationToken, const StopToken &stop);
    // The ListObjectsV2 query that listObjects sends (and signs), before encoding.
    static SigV4Pairs listQuery(const QByteArray &prefix, const QByteArray &delimiter, int maxKeys,
                                const QString &continuationToken);
    // Bytes [first, last] of an object (Range: bytes=first-last).
    S3Response getObjectRange(const QByteArray &key, qint64 first, qint64 last, const StopToken &stop);

    void interrupt();
    // Deletes the network objects; call on the thread that created them before it ends.
    void releaseNetwork();

    // The endpoint and bucket without user info, for messages.
    QString describe() const;

private:
    S3Response send(const QByteArray &method, const QByteArray &key, const SigV4Pairs &query,
                    const SigV4Pairs &extraHeaders, const StopToken &stop);
    void ensureNetwork();

    S3Config m_config;
    SigV4Signer m_signer;
    std::unique_ptr<QObject> m_context; // lives on the worker thread; queued aborts run there
    std::unique_ptr<QNetworkAccessManager> m_network;
    QMutex m_mutex; // guards m_contextForInterrupt, m_replyStop
    QPointer<QObject> m_contextForInterrupt;
    QPointer<QNetworkReply> m_reply;
    StopToken m_replyStop;
};

} // namespace Sightline
