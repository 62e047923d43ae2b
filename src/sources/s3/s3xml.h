#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Sightline {

struct S3Object
{
    QByteArray key; // raw bytes (percent-decoded when the listing used EncodingType=url)
    qint64 size = -1;
    QDateTime lastModified;
    QString storageClass;
    QString etag;
};

// One page of ListObjectsV2. `error` set: the XML was not a listing (malformed, truncated).
struct S3ListResult
{
    QList<QByteArray> commonPrefixes;
    QList<S3Object> objects;
    bool isTruncated = false;
    QString nextContinuationToken;
    qint64 keyCount = -1;
    QString error;
};

// S3's <Error> document.
struct S3ErrorInfo
{
    QString code;
    QString message;
    QString requestId;

    QString text() const; // "NoSuchBucket: The specified bucket does not exist"
};

S3ListResult parseListObjectsV2(const QByteArray &xml);

// False when the body is not an S3 <Error> document (an HTML error page, nothing, garbage).
bool parseS3Error(const QByteArray &xml, S3ErrorInfo *error);

} // namespace Sightline
