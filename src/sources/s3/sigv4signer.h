#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace Sightline {

// Static credentials. An empty access key means anonymous: requests go out unsigned.
struct SigV4Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // temporary credentials (STS); sent as x-amz-security-token

    bool isAnonymous() const { return accessKeyId.isEmpty() || secretAccessKey.isEmpty(); }
    // AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, the SDKs' own names.
    static SigV4Credentials fromEnvironment();
};

using SigV4Pairs = QList<std::pair<QByteArray, QByteArray>>;

// One request as SigV4 sees it. Path and query hold raw bytes, not yet percent-encoded: the signer
// encodes them the way S3 does, and the client sends exactly that encoding.
struct SigV4Request
{
    QByteArray method = "GET";
    QByteArray host; // as sent in Host: with ":port" unless it is the scheme's default
    QByteArray path = "/";
    SigV4Pairs query;
    SigV4Pairs headers;            // further headers to sign (range, …); host and x-amz-* are added
    QByteArray payloadHash;        // hex SHA-256 of the body; empty: the hash of an empty body
    bool sendContentSha256 = true; // S3 requires x-amz-content-sha256; the generic test suite has none
};

struct SigV4Signature
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature; // hex
    // The headers to put on the request: x-amz-date, [x-amz-content-sha256],
    // [x-amz-security-token], authorization.
    SigV4Pairs headers;

    QByteArray header(QByteArrayView lowerName) const;
};

// AWS Signature Version 4 with S3's encoding rules: the path is encoded once (each segment, '/'
// kept), never normalised; query names and values are encoded and sorted.
class SigV4Signer
{
public:
    SigV4Signer(SigV4Credentials credentials, QString region, QString service = QStringLiteral("s3"));

    SigV4Signature sign(const SigV4Request &request, const QDateTime &when) const;

    const SigV4Credentials &credentials() const { return m_credentials; }

    static QByteArray uriEncode(QByteArrayView raw, bool keepSlash);
    static QByteArray canonicalQuery(const SigV4Pairs &query); // also the query string to send
    static QByteArray signingKey(QByteArrayView secret, QByteArrayView date, QByteArrayView region,
                                 QByteArrayView service);
    static QByteArray sha256Hex(QByteArrayView data);
    static QByteArray emptyPayloadHash();
    static QByteArray amzDate(const QDateTime &when); // 20130524T000000Z

private:
    SigV4Credentials m_credentials;
    QByteArray m_region;
    QByteArray m_service;
};

} // namespace Sightline
