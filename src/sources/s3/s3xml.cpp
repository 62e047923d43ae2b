#include "s3xml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Servers without EncodingType=url (s3rver among them) put a key's control characters into the
// XML as they are, which XML 1.0 forbids and QXmlStreamReader rejects. They are carried through
// the parser as U+F700 + byte (private use; keys with such characters are not expected) and
// turned back into bytes in the keys.
bool isXmlForbiddenControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && u != '\t' && u != '\n' && u != '\r';
}

QByteArray mapControls(const QByteArray &xml, bool *mapped)
{
    *mapped = std::any_of(xml.begin(), xml.end(), isXmlForbiddenControl);
    if (!*mapped)
        return xml;
    QByteArray out;
    out.reserve(xml.size() + 64);
    for (const char c : xml) {
        if (isXmlForbiddenControl(c))
            out.append("\xef\x9c").append(char(0x80 + c));
        else
            out.append(c);
    }
    return out;
}

QByteArray unmapControls(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto next = [&](qsizetype k) { return static_cast<unsigned char>(bytes.at(i + k)); };
        if (i + 2 < bytes.size() && next(0) == 0xEF && next(1) == 0x9C && next(2) >= 0x80 && next(2) < 0xA0) {
            out.append(char(next(2) - 0x80));
            i += 2;
        } else {
            out.append(bytes.at(i));
        }
    }
    return out;
}

// EncodingType=url: S3 form-encodes keys so that bytes XML 1.0 cannot carry (control characters)
// survive; a space arrives as '+', a real '+' as %2B.
QByteArray decodeKey(const QString &text, bool urlEncoded, bool controlsMapped)
{
    QByteArray bytes = text.toUtf8();
    if (controlsMapped)
        bytes = unmapControls(bytes);
    if (!urlEncoded)
        return bytes;
    bytes.replace('+', ' ');
    return QByteArray::fromPercentEncoding(bytes);
}

QString positionText(const QXmlStreamReader &reader)
{
    return u"line %1, column %2"_s.arg(reader.lineNumber()).arg(reader.columnNumber());
}

struct RawEntry
{
    QString key;
    QString size;
    QString lastModified;
    QString storageClass;
    QString etag;
};

} // namespace

QString S3ErrorInfo::text() const
{
    if (message.isEmpty())
        return code;
    return code + u": "_s + message;
}

S3ListResult parseListObjectsV2(const QByteArray &xml)
{
    S3ListResult result;
    if (xml.trimmed().isEmpty()) {
        result.error = QCoreApplication::translate("Sightline::S3Source",
                                                   "malformed S3 listing: the response body is empty");
        return result;
    }
    bool controlsMapped = false;
    const QByteArray readable = mapControls(xml, &controlsMapped);
    QXmlStreamReader reader(readable);
    bool sawRoot = false;
    bool urlEncoded = false;
    QList<RawEntry> entries;
    QStringList prefixes;

    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QStringView name = reader.name();
        if (!sawRoot) {
            if (name != u"ListBucketResult") {
                result.error = u"malformed S3 listing: expected <ListBucketResult>, got <%1>"_s.arg(name);
                return result;
            }
            sawRoot = true;
            continue;
        }
        if (name == u"Contents") {
            RawEntry entry;
            while (reader.readNextStartElement()) {
                const QStringView field = reader.name();
                if (field == u"Key")
                    entry.key = reader.readElementText();
                else if (field == u"Size")
                    entry.size = reader.readElementText();
                else if (field == u"LastModified")
                    entry.lastModified = reader.readElementText();
                else if (field == u"StorageClass")
                    entry.storageClass = reader.readElementText();
                else if (field == u"ETag")
                    entry.etag = reader.readElementText();
                else
                    reader.skipCurrentElement();
            }
            entries.append(entry);
        } else if (name == u"CommonPrefixes") {
            while (reader.readNextStartElement()) {
                if (reader.name() == u"Prefix")
                    prefixes.append(reader.readElementText());
                else
                    reader.skipCurrentElement();
            }
        } else if (name == u"IsTruncated") {
            result.isTruncated = reader.readElementText().trimmed() == u"true";
        } else if (name == u"NextContinuationToken") {
            result.nextContinuationToken = reader.readElementText();
        } else if (name == u"KeyCount") {
            bool ok = false;
            result.keyCount = reader.readElementText().toLongLong(&ok);
            if (!ok)
                result.keyCount = -1;
        } else if (name == u"EncodingType") {
            urlEncoded = reader.readElementText().trimmed() == u"url";
        } else {
            reader.skipCurrentElement();
        }
    }
    if (reader.hasError()) {
        result.error = u"malformed S3 listing (%1): %2"_s.arg(positionText(reader), reader.errorString());
        result.objects.clear();
        result.commonPrefixes.clear();
        return result;
    }
    if (!sawRoot) {
        result.error = u"malformed S3 listing: no <ListBucketResult> element"_s;
        return result;
    }

    // EncodingType may come after the keys, so decoding waits for the whole document.
    for (const QString &prefix : std::as_const(prefixes))
        result.commonPrefixes.append(decodeKey(prefix, urlEncoded, controlsMapped));
    for (const RawEntry &entry : std::as_const(entries)) {
        S3Object object;
        object.key = decodeKey(entry.key, urlEncoded, controlsMapped);
        if (object.key.isEmpty()) {
            result.error = QCoreApplication::translate("Sightline::S3Source",
                                                       "malformed S3 listing: an object without a <Key>");
            return result;
        }
        bool ok = false;
        object.size = entry.size.toLongLong(&ok);
        if (!ok || object.size < 0) {
            result.error = QCoreApplication::translate("Sightline::S3Source",
                                                       "malformed S3 listing: object \"%1\" has size \"%2\"")
                               .arg(entry.key, entry.size);
            return result;
        }
        object.lastModified = QDateTime::fromString(entry.lastModified, Qt::ISODateWithMs);
        object.storageClass = entry.storageClass.isEmpty() ? u"STANDARD"_s : entry.storageClass;
        object.etag = entry.etag;
        result.objects.append(object);
    }
    return result;
}

bool parseS3Error(const QByteArray &xml, S3ErrorInfo *error)
{
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement() || reader.name() != u"Error")
        return false;
    S3ErrorInfo info;
    while (reader.readNextStartElement()) {
        const QStringView field = reader.name();
        if (field == u"Code")
            info.code = reader.readElementText().trimmed();
        else if (field == u"Message")
            info.message = reader.readElementText().trimmed();
        else if (field == u"RequestId")
            info.requestId = reader.readElementText().trimmed();
        else
            reader.skipCurrentElement();
    }
    if (reader.hasError() || info.code.isEmpty())
        return false;
    *error = info;
    return true;
}

} // namespace Sightline
