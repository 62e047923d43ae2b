// The live events core: the JSON event parser (good events, and every kind of bad input kept as
// an unparseable record), the batch arena, the bounded ring, the filter and the rate bins.

#include "core/liveevent.h"
#include "core/liveeventfilter.h"
#include "core/liveeventring.h"
#include "core/workspaceprofile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
const qint64 Now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();

QByteArray goodEvent(qint64 id, qint64 ts = Now, const QString &category = u"research"_s)
{
    return liveEventJson(id, u"ev-0123456789ab", u"evaluation.started", category, u"info", ts,
                         u"{\"container_id\":\"c-1\",\"nested\":[1,2.5e3,true,null,{\"a\":\"\\u00e9\"}]}");
}

LiveEventBatch parseOne(const QByteArray &message, qint64 receivedAt = Now,
                        LiveSource source = LiveSource::Redis)
{
    LiveEventBatch batch;
    LiveEventParser parser(source);
    parser.parse(message, receivedAt, batch);
    return batch;
}

QString text(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

LiveEventBatchPtr makeBatch(qint64 firstId, int count, qint64 ts = Now)
{
    auto batch = std::make_shared<LiveEventBatch>();
    LiveEventParser parser(LiveSource::Redis);
    for (int i = 0; i < count; ++i)
        parser.parse(goodEvent(firstId + i, ts + i), ts + i, *batch);
    return batch;
}
} // namespace

class TestLiveEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAPlatformEvent()
    {
        const QByteArray json = goodEvent(42);
        const LiveEventBatch batch = parseOne(json);
        QCOMPARE(batch.size(), 1);
        const LiveEventRecord &r = batch.at(0);
        QCOMPARE(r.id, 42);
        QCOMPARE(r.timestamp, Now);
        QCOMPARE(r.receivedAt, Now);
        QCOMPARE(r.category, EventCategory::Research);
        QCOMPARE(r.severity, EventSeverity::Info);
        QCOMPARE(r.flags, quint8(0));
        QCOMPARE(r.lane(), LiveLane::Research);
        QCOMPARE(r.payloadSize, quint32(json.size()));
        QCOMPARE(text(batch.evaluationId(r)), u"ev-0123456789ab"_s);
        QCOMPARE(text(batch.type(r)), u"evaluation.started"_s);
        // data is kept as sent, and is the same JSON value.
        const QJsonDocument data = QJsonDocument::fromJson(batch.data(r).toByteArray());
        QCOMPARE(data.object().value(u"container_id"_s).toString(), u"c-1"_s);
        const QJsonDocument whole = QJsonDocument::fromJson(json);
        QCOMPARE(whole.object().value(u"data"_s).toObject(), data.object());
    }

    void roundTripsThroughQJsonDocument_data()
    {
        QTest::addColumn<QString>("evaluationId");
        QTest::addColumn<QString>("type");
        QTest::newRow("plain") << u"ev-1"_s << u"cache.hit"_s;
        QTest::newRow("quotes and backslashes") << u"ev-\"x\\y"_s << u"type\twith\ncontrols"_s;
        QTest::newRow("unicode") << u"ev-é漢字😀"_s << u"störung"_s;
        QTest::newRow("platform-wide") << QString() << u"service.down"_s;
    }
    void roundTripsThroughQJsonDocument()
    {
        QFETCH(QString, evaluationId);
        QFETCH(QString, type);
        const QByteArray json = liveEventJson(7, evaluationId, type, u"storage", u"warning", Now + 123, {});
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(u"ts"_s).toString(), u"2026-11-30T12:00:00.123Z"_s);
        const LiveEventBatch batch = parseOne(json);
        const LiveEventRecord &r = batch.at(0);
        QCOMPARE(r.flags, quint8(0));
        QCOMPARE(text(batch.evaluationId(r)), evaluationId);
        QCOMPARE(text(batch.type(r)), type);
        QCOMPARE(r.timestamp, Now + 123);
        QCOMPARE(r.severity, EventSeverity::Warning);
        QVERIFY(batch.data(r).isEmpty());
    }

    void readsTimestamps_data()
    {
        QTest::addColumn<QByteArray>("ts");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("Z with ms") << QByteArray("\"2026-11-30T12:00:00.250Z\"") << Now + 250;
        QTest::newRow("postgres text") << QByteArray("\"2026-11-30 13:00:00.25+01\"") << Now + 250;
        QTest::newRow("offset minutes") << QByteArray("\"2026-11-30T06:30:00-05:30\"") << Now;
        QTest::newRow("microseconds") << QByteArray("\"2026-11-30T12:00:00.123456Z\"") << Now + 123;
        QTest::newRow("unix seconds") << QByteArray::number(Now / 1000) << Now;
        QTest::newRow("unix seconds fraction")
            << QByteArray::number(double(Now) / 1000.0 + 0.5, 'f', 3) << Now + 500;
        QTest::newRow("unix ms") << QByteArray::number(Now) << Now;
    }
    void readsTimestamps()
    {
        QFETCH(QByteArray, ts);
        QFETCH(qint64, expected);
        const QByteArray json =
            "{\"id\":1,\"type\":\"t\",\"category\":\"research\",\"severity\":\"info\",\"ts\":" + ts + "}";
        const LiveEventBatch batch = parseOne(json);
        QVERIFY2(!batch.at(0).has(LiveEventRecord::Unparseable),
                 batch.type(batch.at(0)).toByteArray().constData());
        QCOMPARE(batch.at(0).timestamp, expected);
    }

    // Every bad message is kept, once, as an unparseable record with the reason and the payload.
    void keepsBadMessages_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << QByteArray("hello world") << u"not JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"not JSON: empty"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"not an object"_s;
        QTest::newRow("truncated") << goodEvent(1).chopped(5) << u"not JSON"_s;
        QTest::newRow("trailing") << goodEvent(1) + " x" << u"text after"_s;
        QTest::newRow("bad escape") << QByteArray("{\"id\":1,\"type\":\"a\\q\"}") << u"bad escape"_s;
        QTest::newRow("control char")
            << QByteArray("{\"id\":1,\"type\":\"a\x01\"}") << u"control character"_s;
        QTest::newRow("missing ts")
            << QByteArray("{\"id\":1,\"type\":\"t\",\"category\":\"research\",\"severity\":\"info\"}")
            << u"missing field \"ts\""_s;
        QTest::newRow("missing id")
            << QByteArray("{\"type\":\"t\",\"category\":\"research\",\"severity\":\"info\",\"ts\":1}")
            << u"missing field \"id\""_s;
        QTest::newRow("id not integer")
            << QByteArray(
                   "{\"id\":1.5,\"type\":\"t\",\"category\":\"research\",\"severity\":\"info\",\"ts\":1}")
            << u"\"id\" is not an integer"_s;
        QTest::newRow("id overflows") << QByteArray("{\"id\":9999999999999999999,\"type\":\"t\",\"category\":"
                                                    "\"research\",\"severity\":\"info\",\"ts\":1}")
                                      << u"\"id\" is not an integer"_s;
        QTest::newRow("type not string")
            << QByteArray("{\"id\":1,\"type\":3,\"category\":\"research\",\"severity\":\"info\",\"ts\":1}")
            << u"\"type\" is not a string"_s;
        QTest::newRow("bad ts") << QByteArray("{\"id\":1,\"type\":\"t\",\"category\":\"research\","
                                              "\"severity\":\"info\",\"ts\":\"yesterday\"}")
                                << u"\"ts\" is not an RFC 3339 time"_s;
        QTest::newRow("deep") << QByteArray("{\"id\":1,\"data\":") + QByteArray(100, '[') +
                                     QByteArray(100, ']') + "}"
                              << u"nested deeper"_s;
        QTest::newRow("invalid utf8 outside strings") << QByteArray("\xff\xfe{}") << u"not JSON"_s;
    }
    void keepsBadMessages()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, reason);
        LiveEventBatch batch;
        LiveEventParser parser(LiveSource::Redis, -100);
        parser.parse(message, Now, batch);
        parser.parse(message, Now, batch);
        QCOMPARE(batch.size(), 2);
        QCOMPARE(parser.unparseableCount(), 2);
        const LiveEventRecord &r = batch.at(0);
        QVERIFY(r.has(LiveEventRecord::Unparseable));
        QCOMPARE(r.lane(), LiveLane::Unparseable);
        QCOMPARE(r.id, -100);
        QCOMPARE(batch.at(1).id, -101); // unique, never a duplicate of each other
        QCOMPARE(r.axisTime(), Now);
        QVERIFY2(text(batch.type(r)).contains(reason), qPrintable(text(batch.type(r))));
        QCOMPARE(batch.data(r).toByteArray(), message);
        QCOMPARE(r.payloadSize, quint32(message.size()));
    }

    void keepsATenMegabyteMessageWithACappedPreview()
    {
        QByteArray huge = goodEvent(5);
        huge.insert(huge.size() - 1, ",\"blob\":\"" + QByteArray(10 * 1024 * 1024, 'x') + "\"");
        const LiveEventBatch batch = parseOne(huge);
        QCOMPARE(batch.size(), 1);
        const LiveEventRecord &r = batch.at(0);
        QVERIFY(r.has(LiveEventRecord::Unparseable));
        QVERIFY(r.has(LiveEventRecord::PayloadCapped));
        QVERIFY(text(batch.type(r)).startsWith(u"too large: "_s + QString::number(huge.size())));
        QCOMPARE(batch.data(r).size(), LiveEventLimits::RawPreviewBytes);
        QCOMPARE(batch.data(r).toByteArray(), huge.left(LiveEventLimits::RawPreviewBytes));
        QCOMPARE(r.payloadSize, quint32(huge.size()));
        QVERIFY(batch.memoryBytes() < 64 * 1024);
    }

    void unknownCategoryGoesToOther()
    {
        const LiveEventBatch batch = parseOne(goodEvent(9, Now, u"billing"_s));
        const LiveEventRecord &r = batch.at(0);
        QVERIFY(!r.has(LiveEventRecord::Unparseable));
        QVERIFY(r.has(LiveEventRecord::UnknownCategory));
        QCOMPARE(r.lane(), LiveLane::Other);
        QCOMPARE(text(batch.categoryText(r)), u"billing"_s);
        QCOMPARE(text(batch.type(r)), u"evaluation.started"_s);
    }

    void skewedClocksStayOffTheAxis_data()
    {
        QTest::addColumn<qint64>("ts");
        QTest::newRow("a year ahead") << Now + 365LL * 86400000;
        QTest::newRow("1970") << qint64(0);
        QTest::newRow("year 1") << qint64(-62135596800000);
        QTest::newRow("six minutes behind") << Now - 360000;
    }
    void skewedClocksStayOffTheAxis()
    {
        QFETCH(qint64, ts);
        const LiveEventBatch batch = parseOne(goodEvent(3, ts));
        const LiveEventRecord &r = batch.at(0);
        QVERIFY(!r.has(LiveEventRecord::Unparseable));
        QVERIFY(r.has(LiveEventRecord::ClockSkewed));
        QCOMPARE(r.timestamp, ts); // the event's own clock is kept for display
        QCOMPARE(r.axisTime(), Now);
        QCOMPARE(batch.minAxisTime(), Now);
        // Near clocks are not skewed.
        QVERIFY(!parseOne(goodEvent(3, Now - 1000)).at(0).has(LiveEventRecord::ClockSkewed));
        // History read from the table is old by nature: never skewed.
        QVERIFY(
            !parseOne(goodEvent(3, ts), Now, LiveSource::History).at(0).has(LiveEventRecord::ClockSkewed));
    }

    void longFieldsAreCappedOnACharacterBoundary()
    {
        const QString longId = QString(2000, u'é');
        const LiveEventBatch batch = parseOne(liveEventJson(1, longId, u"t", u"research", u"info", Now, {}));
        const QString id = text(batch.evaluationId(batch.at(0)));
        QVERIFY(id.size() <= LiveEventLimits::MaxTextField / 2);
        QVERIFY(!id.contains(QChar::ReplacementCharacter));
        QVERIFY(id.size() > 400);
    }

    void ringKeepsTheNewestEvents()
    {
        LiveEventRing ring(LiveEventRingLimits{250, qint64(1) << 40});
        qint64 dropped = 0;
        for (int b = 0; b < 10; ++b)
            dropped += ring.append(makeBatch(1 + b * 100, 100));
        QCOMPARE(ring.size(), 250);
        QCOMPARE(dropped, 750);
        QCOMPARE(ring.droppedTotal(), 750);
        QCOMPARE(ring.endSeq(), quint64(1000));
        QCOMPARE(ring.firstSeq(), quint64(750));
        QCOMPARE(ring.batchCount(), 3); // the oldest kept batch is partly dropped
        for (quint64 seq = ring.firstSeq(); seq < ring.endSeq(); ++seq)
            QCOMPARE(ring.at(seq).record->id, qint64(seq) + 1);
        // Random access in any order finds the right record.
        for (int i = 0; i < 500; ++i) {
            const quint64 seq = ring.firstSeq() + QRandomGenerator::global()->bounded(250);
            QCOMPARE(ring.at(seq).record->id, qint64(seq) + 1);
            QCOMPARE(text(ring.at(seq).batch->type(*ring.at(seq).record)), u"evaluation.started"_s);
        }
        int spans = 0;
        qint64 first = -1;
        ring.forEachSpan([&](const LiveEventRing::Span &span) {
            if (spans++ == 0)
                first = span.batch->at(span.firstIndex).id;
        });
        QCOMPARE(spans, 3);
        QCOMPARE(first, 751);
        ring.setLimits(LiveEventRingLimits{10, qint64(1) << 40});
        QCOMPARE(ring.size(), 10);
        QCOMPARE(ring.at(ring.firstSeq()).record->id, 991);
        ring.clear();
        QVERIFY(ring.isEmpty());
        QCOMPARE(ring.firstSeq(), ring.endSeq());
        ring.append(makeBatch(5000, 3));
        QCOMPARE(ring.at(ring.firstSeq()).record->id, 5000); // sequence numbers kept growing
        QCOMPARE(ring.firstSeq(), quint64(1000));
    }

    void ringHonoursItsMemoryCap()
    {
        const LiveEventBatchPtr probe = makeBatch(1, 1000);
        const qint64 perBatch = probe->memoryBytes();
        LiveEventRing ring(LiveEventRingLimits{1000000, perBatch * 3 + perBatch / 2});
        for (int b = 0; b < 8; ++b)
            ring.append(makeBatch(1 + b * 1000, 1000));
        QVERIFY(ring.memoryBytes() <= ring.limits().maxBytes);
        QCOMPARE(ring.size(), 3000);
        QCOMPARE(ring.at(ring.firstSeq()).record->id, 5001);
        QCOMPARE(ring.droppedTotal(), 5000);
    }

    // Regression: one batch larger than the whole memory cap emptied the ring, itself included.
    void ringKeepsAnOversizedNewestBatch()
    {
        const LiveEventBatchPtr small = makeBatch(1, 10);
        LiveEventRing ring(LiveEventRingLimits{1000000, small->memoryBytes() * 2});
        ring.append(small);
        ring.append(makeBatch(100, 5000)); // alone far over the cap
        QCOMPARE(ring.size(), 5000);
        QCOMPARE(ring.at(ring.firstSeq()).record->id, 100);
        QCOMPARE(ring.droppedTotal(), 10);
        // clear() is not "dropped for room": the view offers history only for that.
        ring.clear();
        QCOMPARE(ring.droppedTotal(), 10);
    }

    void filterMatches()
    {
        auto batch = std::make_shared<LiveEventBatch>();
        LiveEventParser parser(LiveSource::Redis);
        parser.parse(
            liveEventJson(1, u"ev-AAA", u"cache.hit", u"storage", u"info", Now, u"{\"key\":\"Dataset:7\"}"),
            Now, *batch);
        parser.parse(
            liveEventJson(2, u"ev-bbb", u"security.network_attempt", u"security", u"critical", Now, {}), Now,
            *batch);
        parser.parse("garbage", Now, *batch);
        parser.parse(liveEventJson(4, {}, u"deploy.done", u"release", u"notice", Now, {}), Now, *batch);
        auto matching = [&](const LiveEventFilter &f) {
            LiveEventMatcher m(f);
            QList<qint64> ids;
            for (const LiveEventRecord &r : batch->records())
                if (m.matches(*batch, r))
                    ids.append(r.id);
            return ids;
        };
        LiveEventFilter all;
        QVERIFY(all.isPassAll());
        QCOMPARE(matching(all).size(), 4);
        LiveEventFilter f;
        f.lanes = 1u << int(LiveLane::Security);
        QCOMPARE(matching(f), QList<qint64>{2});
        f = {};
        f.lanes = 1u << int(LiveLane::Unparseable);
        QCOMPARE(matching(f), QList<qint64>{-1});
        f = {};
        f.severities = 1u << int(EventSeverity::Critical);
        QCOMPARE(matching(f), QList<qint64>{2});
        f = {};
        f.type = u"CACHE"_s;
        QCOMPARE(matching(f), QList<qint64>{1});
        f = {};
        f.evaluationId = u"aaa"_s;
        QCOMPARE(matching(f), QList<qint64>{1});
        f = {};
        f.text = u"dataset:7"_s; // in data, case folded
        QCOMPARE(matching(f), QList<qint64>{1});
        f.text = u"release"_s; // an unknown category's own text
        QCOMPARE(matching(f), QList<qint64>{4});
        f.text = u"critical"_s; // a known severity's name
        QCOMPARE(matching(f), QList<qint64>{2});
        f.text = u"not JSON"_s; // the reason of an unparseable message
        QCOMPARE(matching(f), QList<qint64>{-1});
        f.text = u"nowhere"_s;
        QVERIFY(matching(f).isEmpty());
    }

    void rateCountsPerSecondAndLane()
    {
        LiveEventRate rate(60);
        LiveEventBatch batch;
        LiveEventParser parser(LiveSource::Redis);
        for (int i = 0; i < 30; ++i)
            parser.parse(goodEvent(i + 1, Now + i * 100), Now + i * 100, batch); // 3 s of research
        parser.parse(goodEvent(100, Now + 365LL * 86400000), Now + 2500, batch); // skewed: placed at arrival
        parser.parse("x", Now + 2600, batch);
        rate.add(batch);
        QCOMPARE(rate.newestSecond(), Now / 1000 + 2);
        QCOMPARE(rate.count(LiveLane::Research, Now / 1000), 10u);
        QCOMPARE(rate.count(LiveLane::Research, Now / 1000 + 2), 11u);
        QCOMPARE(rate.count(LiveLane::Unparseable, Now / 1000 + 2), 1u);
        QCOMPARE(rate.peak(), 11u);
        // A minute later the old seconds fall out of the window.
        LiveEventBatch later;
        parser.parse(goodEvent(200, Now + 61000), Now + 61000, later);
        rate.add(later);
        QCOMPARE(rate.count(LiveLane::Research, Now / 1000), 0u);
        QCOMPARE(rate.count(LiveLane::Research, Now / 1000 + 61), 1u);
        QCOMPARE(rate.peak(), 11u); // second +2 is still in the 60 s window
    }

    // A micro-benchmark (QBENCHMARK): parsing must stay far below the 5 µs per event that
    // 200,000 events/s on one core allow. Asserts only that every event was read.
    void parserThroughput()
    {
        QList<QByteArray> messages;
        for (int i = 0; i < 10000; ++i)
            messages.append(goodEvent(i + 1, Now + i));
        LiveEventBatch batch;
        QBENCHMARK
        {
            batch = LiveEventBatch();
            batch.reserve(messages.size(), messages.size() * 160);
            LiveEventParser parser(LiveSource::Redis);
            for (const QByteArray &m : std::as_const(messages))
                parser.parse(m, Now, batch);
        }
        QCOMPARE(batch.size(), messages.size());
        QVERIFY(!batch.at(9999).has(LiveEventRecord::Unparseable));
    }

    void profileReadsLiveSettings()
    {
        const QByteArray json = "{\"name\":\"w\",\"sources\":{},\"live\":{\"redis_channels\":[\"a\",\"b\"], "
                                "            "
                                "\"redis_patterns\":[\"events.*\"],\"postgres_channel\":\"\",\"poll\":"
                                "\"never\",\"poll_interval_ms\":250, "
                                "            \"buffer_events\":5000,\"memory_mb\":64}}";
        const ProfileParseResult result = parseWorkspaceProfile(json, u"w.json"_s);
        QVERIFY2(result.profile, qPrintable(result.error.toString()));
        const LiveSettings &live = result.profile->live;
        QCOMPARE(live.redisChannels, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(live.redisPatterns, QStringList{u"events.*"_s});
        QVERIFY(live.postgresChannel.isEmpty());
        QCOMPARE(live.poll, LiveSettings::Poll::Never);
        QCOMPARE(live.pollIntervalMs, 250);
        QCOMPARE(live.bufferEvents, 5000);
        QCOMPARE(live.memoryMb, 64);
        const ProfileParseResult defaults =
            parseWorkspaceProfile("{\"name\":\"w\",\"sources\":{}}", u"w.json"_s);
        QVERIFY(defaults.profile);
        QCOMPARE(defaults.profile->live.redisChannels, QStringList{u"events"_s});
        QCOMPARE(defaults.profile->live.postgresChannel, u"sightline_events"_s);
        QCOMPARE(defaults.profile->live.bufferEvents, 1000000);
    }

    void profileNamesAWrongLiveKey_data()
    {
        QTest::addColumn<QByteArray>("live");
        QTest::addColumn<QString>("message");
        QTest::newRow("channels") << QByteArray("{\"redis_channels\":\"events\"}") << u"redis_channels"_s;
        QTest::newRow("poll") << QByteArray("{\"poll\":\"sometimes\"}") << u"\"poll\""_s;
        QTest::newRow("buffer") << QByteArray("{\"buffer_events\":12.5}") << u"buffer_events"_s;
        QTest::newRow("memory") << QByteArray("{\"memory_mb\":1}") << u"memory_mb"_s;
        QTest::newRow("not object") << QByteArray("[]") << u"\"live\" must be an object"_s;
    }
    void profileNamesAWrongLiveKey()
    {
        QFETCH(QByteArray, live);
        QFETCH(QString, message);
        const QByteArray json = "{\"name\":\"w\",\"sources\":{},\n\"live\": " + live + "}";
        const ProfileParseResult result = parseWorkspaceProfile(json, u"w.json"_s);
        QVERIFY(!result.profile);
        QVERIFY2(result.error.message.contains(message), qPrintable(result.error.toString()));
        QCOMPARE(result.error.line, 2);
    }
};

QTEST_GUILESS_MAIN(TestLiveEvent)
#include "tst_liveevent.moc"
