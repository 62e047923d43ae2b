#include "redispreview.h"

#include "core/displayname.h"
#include "redisconnection.h"

#include <QCoreApplication>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr int MaxElements = 1000;
constexpr qint64 MaxBytes = 64 * 1024;
constexpr qsizetype MaxCellBytes = 1024;

// Not a QObject: lupdate files RedisPreviewTr::tr() under the context it looks up at run time.
struct RedisPreviewTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::RedisPreview)
};

QString cell(const QByteArray &value)
{
    if (value.size() <= MaxCellBytes)
        return redisValueText(value);
    return redisValueText(value.left(MaxCellBytes)) + u"…"_s;
}

bool failed(const RedisError &error, const RespValue &reply, StoragePreview &preview)
{
    if (error.isError()) {
        preview.cancelled = error.kind == RedisError::Kind::Cancelled;
        preview.error = preview.cancelled ? QString() : error.message;
        return true;
    }
    if (reply.isError()) {
        preview.error = QString::fromUtf8(reply.data);
        return true;
    }
    return false;
}

std::optional<qint64> offsetFrom(const QString &continuation, StoragePreview &preview)
{
    if (continuation.isEmpty())
        return 0;
    bool ok = false;
    const qint64 offset = continuation.toLongLong(&ok);
    if (!ok || offset < 0) {
        preview.error = RedisPreviewTr::tr("Invalid continuation \"%1\"").arg(continuation);
        return std::nullopt;
    }
    return offset;
}

void previewString(RedisConnection &connection, const QByteArray &key, qint64 offset, StoragePreview &preview)
{
    QList<RespValue> replies;
    const RedisError error = connection.pipeline(
        {{"STRLEN", key},
         {"GETRANGE", key, QByteArray::number(offset), QByteArray::number(offset + MaxBytes - 1)}},
        replies);
    if (failed(error, error.isError() ? RespValue{} : replies.at(1), preview))
        return;
    preview.totalSize = replies.at(0).toInteger().value_or(-1);
    const QByteArray &data = replies.at(1).data;
    preview.text = redisValueText(data);
    if (offset + data.size() < preview.totalSize) {
        preview.truncated = true;
        preview.continuation = QString::number(offset + data.size());
    }
}

// HSCAN and SSCAN: a cursor, batches until the caps.
void previewScan(RedisConnection &connection, const QByteArray &key, bool hash, const QString &continuation,
                 StoragePreview &preview)
{
    QByteArray cursor = continuation.isEmpty() ? QByteArray("0") : continuation.toLatin1();
    const QByteArray lengthCommand = hash ? "HLEN" : "SCARD";
    const QByteArray scanCommand = hash ? "HSCAN" : "SSCAN";
    preview.columns = hash ? QStringList{RedisPreviewTr::tr("field"), RedisPreviewTr::tr("value")}
                           : QStringList{RedisPreviewTr::tr("member")};
    qint64 bytes = 0;
    bool first = true;
    do {
        QList<QList<QByteArray>> commands{{scanCommand, key, cursor, "COUNT", "500"}};
        if (first)
            commands.prepend({lengthCommand, key});
        QList<RespValue> replies;
        const RedisError error = connection.pipeline(commands, replies);
        if (failed(error, error.isError() ? RespValue{} : replies.constLast(), preview))
            return;
        if (first)
            preview.totalSize = replies.constFirst().toInteger().value_or(-1);
        first = false;
        const RespValue &reply = replies.constLast();
        if (reply.elements.size() != 2) {
            preview.error =
                RedisPreviewTr::tr("%1 sent an unexpected reply").arg(QString::fromLatin1(scanCommand));
            return;
        }
        cursor = reply.elements.at(0).data;
        const QList<RespValue> &items = reply.elements.at(1).elements;
        const qsizetype step = hash ? 2 : 1;
        for (qsizetype i = 0; i + step - 1 < items.size(); i += step) {
            QStringList row{cell(items.at(i).data)};
            bytes += items.at(i).data.size();
            if (hash) {
                row.append(cell(items.at(i + 1).data));
                bytes += items.at(i + 1).data.size();
            }
            preview.rows.append(row);
        }
    } while (cursor != "0" && preview.rows.size() < MaxElements && bytes < MaxBytes);
    if (cursor != "0") {
        preview.truncated = true;
        preview.continuation = QString::fromLatin1(cursor);
    }
}

// LRANGE and ZRANGE: an index.
void previewRange(RedisConnection &connection, const QByteArray &key, bool zset, qint64 start,
                  StoragePreview &preview)
{
    const QByteArray stop = QByteArray::number(start + MaxElements - 1);
    QList<QByteArray> range{zset ? "ZRANGE" : "LRANGE", key, QByteArray::number(start), stop};
    if (zset)
        range.append("WITHSCORES");
    QList<RespValue> replies;
    const RedisError error = connection.pipeline({{zset ? "ZCARD" : "LLEN", key}, range}, replies);
    if (failed(error, error.isError() ? RespValue{} : replies.at(1), preview))
        return;
    preview.totalSize = replies.at(0).toInteger().value_or(-1);
    preview.columns = zset ? QStringList{RedisPreviewTr::tr("member"), RedisPreviewTr::tr("score")}
                           : QStringList{RedisPreviewTr::tr("index"), RedisPreviewTr::tr("value")};
    const QList<RespValue> &items = replies.at(1).elements;
    const qsizetype step = zset ? 2 : 1;
    qint64 bytes = 0;
    qint64 taken = 0;
    for (qsizetype i = 0; i + step - 1 < items.size() && bytes < MaxBytes; i += step, ++taken) {
        if (zset)
            preview.rows.append({cell(items.at(i).data), QString::fromUtf8(items.at(i + 1).data)});
        else
            preview.rows.append({QString::number(start + taken), cell(items.at(i).data)});
        bytes += items.at(i).data.size();
    }
    if (start + taken < preview.totalSize) {
        preview.truncated = true;
        preview.continuation = QString::number(start + taken);
    }
}

void previewStream(RedisConnection &connection, const QByteArray &key, const QString &continuation,
                   StoragePreview &preview)
{
    const QByteArray start = continuation.isEmpty() ? QByteArray("-") : continuation.toLatin1();
    QList<RespValue> replies;
    const RedisError error = connection.pipeline(
        {{"XLEN", key}, {"XRANGE", key, start, "+", "COUNT", QByteArray::number(MaxElements)}}, replies);
    if (failed(error, error.isError() ? RespValue{} : replies.at(1), preview))
        return;
    preview.totalSize = replies.at(0).toInteger().value_or(-1);
    preview.columns = QStringList{RedisPreviewTr::tr("id"), RedisPreviewTr::tr("fields")};
    const QList<RespValue> &entries = replies.at(1).elements;
    qint64 bytes = 0;
    QByteArray lastId;
    for (const RespValue &entry : entries) {
        if (bytes >= MaxBytes || entry.elements.size() != 2)
            break;
        QStringList fields;
        const QList<RespValue> &pairs = entry.elements.at(1).elements;
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
            fields.append(cell(pairs.at(i).data) + u'=' + cell(pairs.at(i + 1).data));
            bytes += pairs.at(i).data.size() + pairs.at(i + 1).data.size();
        }
        lastId = entry.elements.at(0).data;
        preview.rows.append({QString::fromLatin1(lastId), fields.join(u"  "_s)});
    }
    // A full page, or one cut by the byte cap, may have more after it.
    if (!lastId.isEmpty() && (entries.size() == MaxElements || preview.rows.size() < entries.size())) {
        preview.truncated = true;
        preview.continuation = u'(' + QString::fromLatin1(lastId);
    }
}
} // namespace

QString redisValueText(const QByteArray &value)
{
    if (!value.contains('\0')) {
        // A value cut at the cap may end inside a UTF-8 sequence: that alone does not make it binary.
        for (qsizetype cut = 0; cut <= 3 && cut <= value.size(); ++cut) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString text = decoder(QByteArrayView(value).chopped(cut));
            if (!decoder.hasError())
                return cut == 0 ? text : text + u"…"_s;
            if (cut == 0 && value.size() < 4)
                break;
        }
    }
    return escapeForDisplay(value);
}

StoragePreview loadRedisPreview(RedisConnection &connection, const QByteArray &key,
                                const QString &continuation)
{
    StoragePreview preview;
    RespValue type;
    const RedisError error = connection.command({"TYPE", key}, type);
    if (failed(error, type, preview))
        return preview;
    const QByteArray name = type.data;
    if (name == "none") {
        preview.error = RedisPreviewTr::tr("The key %1 no longer exists").arg(escapeForDisplay(key));
    } else if (name == "string") {
        if (const std::optional<qint64> offset = offsetFrom(continuation, preview))
            previewString(connection, key, *offset, preview);
    } else if (name == "hash" || name == "set") {
        previewScan(connection, key, name == "hash", continuation, preview);
    } else if (name == "list" || name == "zset") {
        if (const std::optional<qint64> offset = offsetFrom(continuation, preview))
            previewRange(connection, key, name == "zset", *offset, preview);
    } else if (name == "stream") {
        previewStream(connection, key, continuation, preview);
    } else {
        preview.error = RedisPreviewTr::tr("Sightline cannot preview Redis values of type %1")
                            .arg(QString::fromUtf8(name));
    }
    return preview;
}

} // namespace Sightline
