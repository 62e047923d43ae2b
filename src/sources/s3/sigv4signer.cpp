#include "sigv4signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QByteArray hmac(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(),
                                            QCryptographicHash::Sha256);
}

// Header values are trimmed and runs of spaces folded into one (SigV4 "canonical headers").
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    return value.simplified();
}

} // namespace

SigV4Credentials SigV4Credentials::fromEnvironment()
{
    SigV4Credentials credentials;
    credentials.accessKeyId = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
    credentials.secretAccessKey = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
    credentials.sessionToken = qEnvironmentVariable("AWS_SESSION_TOKEN");
    return credentials;
}

QByteArray SigV4Signature::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

SigV4Signer::SigV4Signer(SigV4Credentials credentials, QString region, QString service)
    : m_credentials(std::move(credentials))
    , m_region(region.toUtf8())
    , m_service(service.toUtf8())
{
}

QByteArray SigV4Signer::uriEncode(QByteArrayView raw, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                u == '-' || u == '_' || u == '.' || u == '~';
        if (unreserved || (keepSlash && u == '/')) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xF]);
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalQuery(const SigV4Pairs &query)
{
    SigV4Pairs encoded;
    encoded.reserve(query.size());
    for (const auto &[name, value] : query)
        encoded.append({uriEncode(name, false), uriEncode(value, false)});
    // Sorted by encoded name, then value, byte-wise (so "Value1" sorts before "value2").
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[name, value] : std::as_const(encoded)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(name).append('=').append(value);
    }
    return out;
}

QByteArray SigV4Signer::signingKey(QByteArrayView secret, QByteArrayView date, QByteArrayView region,
                                   QByteArrayView service)
{
    const QByteArray secretKey = "AWS4" + secret.toByteArray();
    const QByteArray kDate = hmac(secretKey, date);
    const QByteArray kRegion = hmac(kDate, region);
    const QByteArray kService = hmac(kRegion, service);
    return hmac(kService, "aws4_request");
}

QByteArray SigV4Signer::sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::emptyPayloadHash()
{
    return "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}

QByteArray SigV4Signer::amzDate(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

SigV4Signature SigV4Signer::sign(const SigV4Request &request, const QDateTime &when) const
{
    SigV4Signature result;
    const QByteArray date = amzDate(when);
    const QByteArray day = date.left(8);
    const QByteArray payloadHash = request.payloadHash.isEmpty() ? emptyPayloadHash() : request.payloadHash;

    SigV4Pairs headers;
    headers.append({"host", request.host});
    headers.append({"x-amz-date", date});
    result.headers.append({"x-amz-date", date});
    if (request.sendContentSha256) {
        headers.append({"x-amz-content-sha256", payloadHash});
        result.headers.append({"x-amz-content-sha256", payloadHash});
    }
    if (!m_credentials.sessionToken.isEmpty()) {
        const QByteArray token = m_credentials.sessionToken.toUtf8();
        headers.append({"x-amz-security-token", token});
        result.headers.append({"x-amz-security-token", token});
    }
    for (const auto &[name, value] : request.headers)
        headers.append({name.toLower(), canonicalHeaderValue(value)});
    std::sort(headers.begin(), headers.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
    for (const auto &[name, value] : std::as_const(headers)) {
        canonicalHeaders.append(name).append(':').append(value).append('\n');
        if (!signedHeaders.isEmpty())
            signedHeaders.append(';');
        signedHeaders.append(name);
    }

    const QByteArray path = request.path.isEmpty() ? QByteArray("/") : request.path;
    result.canonicalRequest = request.method + '\n' + uriEncode(path, true) + '\n' +
                              canonicalQuery(request.query) + '\n' + canonicalHeaders + '\n' + signedHeaders +
                              '\n' + payloadHash;

    const QByteArray scope = day + '/' + m_region + '/' + m_service + "/aws4_request";
    result.stringToSign =
        "AWS4-HMAC-SHA256\n" + date + '\n' + scope + '\n' + sha256Hex(result.canonicalRequest);
    const QByteArray key = signingKey(m_credentials.secretAccessKey.toUtf8(), day, m_region, m_service);
    result.signature = hmac(key, result.stringToSign).toHex();
    result.headers.append(
        {"authorization", "AWS4-HMAC-SHA256 Credential=" + m_credentials.accessKeyId.toUtf8() + '/' + scope +
                              ", SignedHeaders=" + signedHeaders + ", Signature=" + result.signature});
    return result;
}

} // namespace Sightline
