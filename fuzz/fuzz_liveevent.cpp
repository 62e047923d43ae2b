// LiveEventParser: every message gives exactly one record; a bad one keeps a prefix of its bytes
// and a reason; a good one's data is valid JSON, and QJsonDocument accepts the whole message.

#include "core/liveevent.h"
#include "fuzzsplit.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Sightline;

namespace {
QString withoutLoneSurrogates(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView message(reinterpret_cast<const char *>(data), qsizetype(size));
    LiveEventBatch batch;
    LiveEventParser parser(LiveSource::Redis);
    const qint64 now = 1764504000000;
    parser.parse(message, now, batch);
    FUZZ_CHECK(batch.size() == 1);
    const LiveEventRecord &r = batch.at(0);
    FUZZ_CHECK(r.payloadSize == quint32(size));
    if (r.has(LiveEventRecord::Unparseable)) {
        FUZZ_CHECK(r.id < 0);
        FUZZ_CHECK(!batch.type(r).isEmpty());
        FUZZ_CHECK(message.startsWith(batch.data(r)));
        FUZZ_CHECK(r.axisTime() == now);
        return 0;
    }
    FUZZ_CHECK(r.id > 0);
    // Our parser is strict: whatever it accepts, Qt's JSON parser accepts too (ASCII only: Qt
    // rejects some invalid UTF-8 that we keep and decode with replacement characters).
    bool ascii = true;
    for (const char c : message)
        ascii = ascii && quint8(c) < 0x80;
    if (ascii) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(message.toByteArray(), &error);
        FUZZ_CHECK(error.error == QJsonParseError::NoError);
        FUZZ_CHECK(doc.isObject());
        if (!batch.data(r).isEmpty()) {
            const QByteArray wrapped = '[' + batch.data(r).toByteArray() + ']';
            FUZZ_CHECK(!QJsonDocument::fromJson(wrapped).isNull() || r.has(LiveEventRecord::PayloadCapped));
        }
        // Lone surrogates (\udaae) cannot be UTF-8: we keep U+FFFD where Qt keeps the unit. A
        // type longer than the cap is cut on a character boundary.
        if (batch.type(r).size() < LiveEventLimits::MaxTextField - 3)
            FUZZ_CHECK(withoutLoneSurrogates(doc.object().value(QStringLiteral("type")).toString()) ==
                       QString::fromUtf8(batch.type(r)));
    }
    // The record survives a round trip through the JSON the publisher writes.
    const QByteArray again =
        liveEventJson(r.id, QString::fromUtf8(batch.evaluationId(r)), QString::fromUtf8(batch.type(r)),
                      QStringLiteral("research"), QStringLiteral("info"), r.timestamp, {});
    LiveEventBatch second;
    LiveEventParser(LiveSource::Redis).parse(again, now, second);
    FUZZ_CHECK(second.size() == 1);
    FUZZ_CHECK(!second.at(0).has(LiveEventRecord::Unparseable) || r.timestamp < -62135596800000LL ||
               r.timestamp > 253402300799999LL);
    if (!second.at(0).has(LiveEventRecord::Unparseable)) {
        FUZZ_CHECK(second.at(0).id == r.id);
        FUZZ_CHECK(second.at(0).timestamp == r.timestamp);
    }
    return 0;
}
