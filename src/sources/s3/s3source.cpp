#include "s3source.h"

#include "core/displayname.h"
#include "core/format.h"
#include "telemetry/logging.h"
#include "telemetry/metrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Length of the valid UTF-8 sequence starting at data[i], or 0 when it is not one.
int utf8SequenceLength(const QByteArray &data, qsizetype i)
{
    const auto byte = [&](qsizetype at) { return static_cast<unsigned char>(data.at(at)); };
    const unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        else if (lead == 0xED)
            high = 0x9F; // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > data.size())
        return 0;
    if (byte(i + 1) < low || byte(i + 1) > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

// "evaluations/<id>/…" → <id>.
QString evaluationIdOf(const QByteArray &key)
{
    static const QByteArray root = "evaluations/";
    if (!key.startsWith(root))
        return {};
    const qsizetype slash = key.indexOf('/', root.size());
    if (slash <= root.size())
        return {};
    return QString::fromUtf8(key.mid(root.size(), slash - root.size()));
}

// Preview text: UTF-8 as it is; anything else with its bytes escaped, line by line so that it
// stays readable.
QString previewText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    QStringList lines;
    for (const QByteArray &line : bytes.split('\n'))
        lines.append(escapeForDisplay(line));
    return lines.join(u'\n');
}

// A cut at the end of a range may split a UTF-8 character: leave its first bytes for the next range.
qsizetype completeUtf8Prefix(const QByteArray &bytes)
{
    qsizetype end = bytes.size();
    for (int back = 1; back <= 3 && back <= bytes.size(); ++back) {
        const auto c = static_cast<unsigned char>(bytes.at(bytes.size() - back));
        if ((c & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for its lead
        if (c >= 0xC0 && utf8SequenceLength(bytes, bytes.size() - back) == 0)
            end = bytes.size() - back;
        break;
    }
    return end;
}

} // namespace

S3Source::S3Source(S3Config config, QObject *parent)
    : StorageSource(parent)
    , m_client(config)
    , m_summaryClient(std::move(config))
{
    m_runner.setInterrupt([this] { m_client.interrupt(); });
    m_summaryRunner.setInterrupt([this] { m_summaryClient.interrupt(); });
}

S3Source::~S3Source()
{
    // Stop first, so that the release below does not wait behind a listing.
    m_summaryRunner.stop();
    m_runner.stop();
    // The network objects belong to the worker threads: let them delete them before they are joined.
    m_summaryRunner.run<bool>([this](const StopToken &) {
        m_summaryClient.releaseNetwork();
        return true;
    });
    m_runner.run<bool>([this](const StopToken &) {
        m_client.releaseNetwork();
        return true;
    });
    m_summaryRunner.waitForDone();
    m_runner.waitForDone();
}

QString S3Source::describe() const
{
    return m_client.describe();
}

void S3Source::stop()
{
    m_summaryRunner.stop();
    m_runner.stop();
}

QString S3Source::keyToNodeId(const QByteArray &key)
{
    QString id;
    id.reserve(key.size());
    qsizetype i = 0;
    while (i < key.size()) {
        const int length = utf8SequenceLength(key, i);
        if (length == 0) {
            id.append(QChar(char16_t(0xDC00 + static_cast<unsigned char>(key.at(i)))));
            ++i;
        } else {
            id.append(QString::fromUtf8(key.constData() + i, length));
            i += length;
        }
    }
    return id;
}

QByteArray S3Source::nodeIdToKey(const QString &id)
{
    QByteArray key;
    key.reserve(id.size());
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (c.isHighSurrogate() && i + 1 < id.size() && id.at(i + 1).isLowSurrogate()) {
            key.append(QStringView(id).mid(i, 2).toUtf8());
            ++i;
        } else if (c.unicode() >= 0xDC80 && c.unicode() <= 0xDCFF) {
            key.append(char(c.unicode() - 0xDC00));
        } else {
            key.append(QString(c).toUtf8());
        }
    }
    return key;
}

void S3Source::reportProgress(const StorageProgress &progress)
{
    QMetaObject::invokeMethod(
        this, [this, progress] { Q_EMIT progressChanged(progress); }, Qt::QueuedConnection);
}

QFuture<StorageSummary> S3Source::summary()
{
    return m_summaryRunner.run<StorageSummary>([this](const StopToken &stop) { return runSummary(stop); });
}

QFuture<StoragePage> S3Source::children(const QString &nodeId, const QString &continuation)
{
    return m_runner.run<StoragePage>([this, nodeId, continuation](const StopToken &stop) {
        return runChildren(nodeId, continuation, stop);
    });
}

QFuture<StoragePreview> S3Source::preview(const QString &nodeId, const QString &continuation)
{
    return m_runner.run<StoragePreview>([this, nodeId, continuation](const StopToken &stop) {
        return runPreview(nodeId, continuation, stop);
    });
}

StorageSummary S3Source::runSummary(const StopToken &stop)
{
    StorageSummary summary;
    summary.itemNoun = u"objects"_s;
    const S3Config &config = m_summaryClient.config();
    summary.details = {{QCoreApplication::translate("Sightline::S3Source", "Bucket"), config.bucket},
                       {QCoreApplication::translate("Sightline::S3Source", "Endpoint"),
                        config.endpoint.toString(QUrl::RemoveUserInfo)},
                       {QCoreApplication::translate("Sightline::S3Source", "Region"), config.region},
                       {QCoreApplication::translate("Sightline::S3Source", "Addressing"),
                        config.pathStyle
                            ? QCoreApplication::translate("Sightline::S3Source", "path-style")
                            : QCoreApplication::translate("Sightline::S3Source", "virtual-host")},
                       {QCoreApplication::translate("Sightline::S3Source", "Credentials"),
                        config.credentials.isAnonymous()
                            ? QCoreApplication::translate("Sightline::S3Source", "anonymous")
                            : QCoreApplication::translate("Sightline::S3Source", "access key")}};

    const S3Response head = m_summaryClient.headBucket(stop);
    if (head.cancelled) {
        summary.error = u"stopped"_s;
        return summary;
    }
    if (!head.ok()) {
        // HEAD has no body, so its error is a bare status: a listing says why in S3's words.
        const S3ListPage probe =
            head.status >= 300 ? m_summaryClient.listObjects({}, {}, 1, {}, stop) : S3ListPage{};
        summary.error = !probe.error.isEmpty() ? probe.error : head.error;
        return summary;
    }
    summary.reachable = true;
    summary.latencyMs = head.elapsedMs;

    qint64 objects = 0;
    qint64 bytes = 0;
    const qint64 limit = qMax<qint64>(1, m_summaryLimit);
    bool capped = false;
    QString token;
    StorageProgress progress{QCoreApplication::translate("Sightline::S3Source", "Listing objects"), 0, -1,
                             false};
    reportProgress(progress);
    Metrics::ScanProgress scanProgress("s3");
    QElapsedTimer listing;
    listing.start();
    do {
        if (stop.stopRequested()) {
            summary.error = u"stopped"_s;
            return summary;
        }
        const int keys = int(qMin<qint64>(qMax(1, m_pageSize.load()), limit - objects));
        const S3ListPage page = m_summaryClient.listObjects({}, {}, keys, token, stop);
        if (page.cancelled) {
            summary.error = u"stopped"_s;
            return summary;
        }
        if (!page.error.isEmpty()) {
            summary.error = page.error;
            break;
        }
        for (const S3Object &object : page.listing.objects) {
            ++objects;
            bytes += object.size;
        }
        token = page.listing.isTruncated ? page.listing.nextContinuationToken : QString();
        progress.done = objects;
        reportProgress(progress);
        scanProgress.setItems(objects);
        if (!token.isEmpty() && objects >= limit) {
            capped = true; // a bucket of millions would keep a thread and the server busy for hours
            break;
        }
    } while (!token.isEmpty());

    if (summary.error.isEmpty()) {
        // Capped: both are lower bounds, and a detail line says so.
        summary.itemCount = objects;
        summary.totalBytes = bytes;
        logEvent(lcS3(), QtInfoMsg, "scan.finished",
                 {{"target", m_summaryClient.describe()},
                  {"items", objects},
                  {"capped", capped},
                  {"ms", qint64(listing.elapsed())}});
        if (capped)
            summary.details.append(
                {QCoreApplication::translate("Sightline::S3Source", "Objects"),
                 QCoreApplication::translate("Sightline::S3Source", "counted the first %1 objects")
                     .arg(formatCount(objects))});
    }
    progress.finished = true;
    reportProgress(progress);
    return summary;
}

StoragePage S3Source::runChildren(const QString &nodeId, const QString &continuation, const StopToken &stop)
{
    StoragePage result;
    const QByteArray prefix = nodeIdToKey(nodeId);
    const S3ListPage page = m_client.listObjects(prefix, "/", m_pageSize, continuation, stop);
    if (page.cancelled || stop.stopRequested()) {
        result.cancelled = true;
        return result;
    }
    if (!page.error.isEmpty()) {
        result.error = page.error;
        return result;
    }
    for (const QByteArray &childPrefix : page.listing.commonPrefixes) {
        StorageNode node;
        node.id = keyToNodeId(childPrefix);
        node.name = escapeForDisplay(childPrefix.mid(prefix.size()));
        node.kind = StorageNode::Kind::Group;
        node.hasChildren = true;
        node.typeLabel = u"prefix"_s;
        node.evaluationId = evaluationIdOf(childPrefix);
        result.nodes.append(node);
    }
    for (const S3Object &object : page.listing.objects) {
        StorageNode node;
        node.id = keyToNodeId(object.key);
        node.name = escapeForDisplay(object.key.mid(prefix.size()));
        node.kind = StorageNode::Kind::Item;
        node.previewable = true;
        node.typeLabel = u"object"_s;
        node.bytes = object.size;
        node.modified = object.lastModified;
        node.detail = object.storageClass;
        node.evaluationId = evaluationIdOf(object.key);
        result.nodes.append(node);
    }
    if (page.listing.isTruncated)
        result.continuation = page.listing.nextContinuationToken;
    return result;
}

StoragePreview S3Source::runPreview(const QString &nodeId, const QString &continuation, const StopToken &stop)
{
    StoragePreview preview;
    qint64 offset = 0;
    if (!continuation.isEmpty()) {
        bool ok = false;
        offset = continuation.toLongLong(&ok);
        if (!ok || offset < 0) {
            preview.error = QCoreApplication::translate("Sightline::S3Source", "not a byte offset: \"%1\"")
                                .arg(continuation);
            return preview;
        }
    }
    const S3Response response =
        m_client.getObjectRange(nodeIdToKey(nodeId), offset, offset + kPreviewBytes - 1, stop);
    if (response.cancelled || stop.stopRequested()) {
        preview.cancelled = true;
        return preview;
    }
    QByteArray bytes;
    if (response.status == 416) {
        // A range past the end: an empty object, or the end of one.
        const QByteArray contentRange = response.header("Content-Range"); // "bytes */<size>"
        preview.totalSize = contentRange.mid(contentRange.lastIndexOf('/') + 1).toLongLong();
        return preview;
    }
    if (!response.ok()) {
        preview.error = response.error;
        return preview;
    }
    if (response.status == 206) {
        const QByteArray contentRange = response.header("Content-Range"); // "bytes 0-65535/5242880"
        const QByteArray total = contentRange.mid(contentRange.lastIndexOf('/') + 1);
        bool ok = false;
        preview.totalSize = total.toLongLong(&ok);
        if (!ok)
            preview.totalSize = -1;
        bytes = response.body.left(kPreviewBytes);
    } else {
        // The server ignored Range and sent the whole object.
        preview.totalSize = response.body.size();
        bytes = response.body.mid(offset, kPreviewBytes);
    }
    const qint64 end = offset + bytes.size();
    const bool more = preview.totalSize < 0 ? bytes.size() == kPreviewBytes : end < preview.totalSize;
    if (more) {
        // Only text is cut back to a whole character; binary data keeps every byte of its range.
        const qsizetype whole = completeUtf8Prefix(bytes);
        if (whole < bytes.size() && QString::fromUtf8(bytes.left(whole)).toUtf8() == bytes.left(whole))
            bytes.truncate(whole);
    }
    preview.text = previewText(bytes);
    if (more) {
        preview.truncated = true;
        preview.continuation = QString::number(offset + bytes.size());
    }
    return preview;
}

} // namespace Sightline
