// The Live Events sources' hot-path pieces without a server: the RESP push scanner (split reads,
// huge payloads, every reply a subscribed connection sees), the id window that de-duplicates with
// bounded memory, and the merge point.

#include "sources/live/livemerger.h"
#include "sources/live/livepushscanner.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cstring>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
QByteArray bulk(const QByteArray &text)
{
    return '$' + QByteArray::number(text.size()) + "\r\n" + text + "\r\n";
}
QByteArray message(const QByteArray &channel, const QByteArray &payload)
{
    return "*3\r\n" + bulk("message") + bulk(channel) + bulk(payload);
}
QByteArray pmessage(const QByteArray &pattern, const QByteArray &channel, const QByteArray &payload)
{
    return "*4\r\n" + bulk("pmessage") + bulk(pattern) + bulk(channel) + bulk(payload);
}

struct Seen
{
    QList<LivePushScanner::Kind> kinds;
    QList<QByteArray> payloads;
    QList<QByteArray> channels;
    QList<QByteArray> texts;
};

// Feeds `stream` in pieces of `piece` bytes, collecting every item.
Seen scanInPieces(LivePushScanner &scanner, const QByteArray &stream, qsizetype piece)
{
    Seen seen;
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        const qsizetype n = qMin(piece, stream.size() - at);
        qsizetype space = 0;
        char *into = scanner.writeSpace(n, space);
        if (space < n)
            return seen;
        std::memcpy(into, stream.constData() + at, size_t(n));
        scanner.commit(n);
        for (;;) {
            const LivePushScanner::Item item = scanner.next();
            if (item.kind == LivePushScanner::Kind::NeedMore ||
                item.kind == LivePushScanner::Kind::Protocol) {
                if (item.kind == LivePushScanner::Kind::Protocol)
                    seen.kinds.append(item.kind);
                break;
            }
            seen.kinds.append(item.kind);
            seen.payloads.append(item.payload.toByteArray());
            seen.channels.append(item.channel.toByteArray());
            seen.texts.append(item.text.toByteArray());
        }
    }
    return seen;
}
} // namespace

class TestLiveSourceScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyReplyOfASubscription()
    {
        const QByteArray stream = "+OK\r\n"
                                  "*3\r\n$9\r\nsubscribe\r\n$6\r\nevents\r\n:1\r\n"
                                  "*3\r\n$10\r\npsubscribe\r\n$8\r\nevents.*\r\n:2\r\n" +
                                  message("events", "{\"id\":1}") + pmessage("events.*", "events.a", "") +
                                  "*2\r\n$4\r\npong\r\n$0\r\n\r\n" + "-ERR something\r\n" +
                                  message("events", QByteArray("bin\0ary\r\n", 9));
        for (const qsizetype piece : {qsizetype(1), qsizetype(2), qsizetype(7), stream.size()}) {
            LivePushScanner scanner;
            const Seen seen = scanInPieces(scanner, stream, piece);
            using K = LivePushScanner::Kind;
            const QList<K> expected{K::Status,  K::Subscribed, K::Subscribed, K::Message,
                                    K::Message, K::Pong,       K::Error,      K::Message};
            QCOMPARE(seen.kinds, expected);
            QCOMPARE(seen.channels.at(1), "events");
            QCOMPARE(seen.payloads.at(3), "{\"id\":1}");
            QCOMPARE(seen.channels.at(4), "events.a");
            QCOMPARE(seen.payloads.at(4), "");
            QCOMPARE(seen.texts.at(6), "ERR something");
            QCOMPARE(seen.payloads.at(7), QByteArray("bin\0ary\r\n", 9));
            QCOMPARE(scanner.buffered(), 0);
        }
    }

    // A 10 MB payload arriving in 64 KB reads is completed in place: the buffer grows to hold it
    // once, and is given back afterwards.
    void hugePayloadSplitOverManyReads()
    {
        QByteArray payload(10 * 1024 * 1024, 'x');
        payload[0] = '{';
        const QByteArray stream = message("events", payload) + message("events", "after");
        LivePushScanner scanner;
        const Seen seen = scanInPieces(scanner, stream, 64 * 1024);
        QCOMPARE(seen.kinds.size(), 2);
        QCOMPARE(seen.payloads.at(0).size(), payload.size());
        QVERIFY(seen.payloads.at(0) == payload);
        QCOMPARE(seen.payloads.at(1), "after");
        QVERIFY2(scanner.capacity() < 3 * payload.size(), "the buffer grew far past the message");
        qsizetype space = 0;
        scanner.writeSpace(1024, space);
        QVERIFY2(scanner.capacity() < payload.size(), "the buffer kept the huge message's memory");
    }

    void malformedInputIsAProtocolError_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("http") << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n");
        QTest::newRow("bad length") << QByteArray("*3\r\n$x\r\n");
        QTest::newRow("no crlf after bulk") << QByteArray("*1\r\n$3\r\nabcXY");
        QTest::newRow("nested") << QByteArray("*1\r\n*1\r\n:1\r\n");
        QTest::newRow("negative length") << QByteArray("*1\r\n$-7\r\n");
    }
    void malformedInputIsAProtocolError()
    {
        QFETCH(QByteArray, stream);
        LivePushScanner scanner;
        const Seen seen = scanInPieces(scanner, stream, stream.size());
        QVERIFY(!seen.kinds.isEmpty());
        QCOMPARE(seen.kinds.constLast(), LivePushScanner::Kind::Protocol);
        QVERIFY(!scanner.errorString().isEmpty());
    }

    void idWindowForgetsTheOldest()
    {
        LiveIdWindow window(1000);
        for (qint64 id = 0; id < 5000; ++id)
            QVERIFY(window.insert(id));
        QCOMPARE(window.size(), 1000);
        for (qint64 id = 4000; id < 5000; ++id)
            QVERIFY2(!window.insert(id), "a recent id was not recognised");
        QVERIFY(!window.contains(3999));
        QVERIFY(window.insert(3999)); // forgotten, so new again (and 4000 is now the oldest out)
        QVERIFY(!window.contains(4000));
    }

    // Random ids against a QSet model of "the last N ids", through many evictions.
    void idWindowMatchesAModel()
    {
        constexpr qsizetype Capacity = 4096;
        LiveIdWindow window(Capacity);
        QList<qint64> order;
        QSet<qint64> model;
        QRandomGenerator random(42);
        for (int i = 0; i < 200000; ++i) {
            const qint64 id = qint64(random.bounded(20000));
            const bool fresh = !model.contains(id);
            QCOMPARE(window.insert(id), fresh);
            if (fresh) {
                order.append(id);
                model.insert(id);
                if (order.size() > Capacity)
                    model.remove(order.takeFirst());
            }
        }
        for (qint64 id = 0; id < 20000; ++id)
            QCOMPARE(window.contains(id), model.contains(id));
    }

    void mergerDropsDuplicatesAcrossBatches()
    {
        auto make = [](QList<qint64> ids) {
            auto batch = std::make_unique<LiveEventBatch>();
            for (const qint64 id : ids) {
                LiveEventRecord r;
                r.id = id;
                if (id < 0)
                    r.flags = LiveEventRecord::Unparseable;
                batch->append(r, "eval", QByteArray("type-" + QByteArray::number(id)), {}, {}, "{}");
            }
            return batch;
        };
        LiveMerger merger(100);
        merger.submit(make({1, 2, 3, -1}));
        merger.submit(make({3, 4, 2, 5, -1})); // -1 again: unparseable ids are never duplicates
        const std::unique_ptr<LiveEventBatch> out = merger.take();
        QVERIFY(out);
        QList<qint64> ids;
        for (const LiveEventRecord &r : out->records())
            ids.append(r.id);
        QCOMPARE(ids, (QList<qint64>{1, 2, 3, -1, 4, 5, -1}));
        QCOMPARE(out->type(out->at(5)), "type-5");
        const LiveHubCounters counters = merger.counters();
        QCOMPARE(counters.received, 9);
        QCOMPARE(counters.duplicates, 2);
        QCOMPARE(counters.delivered, 7);
        QCOMPARE(counters.unparseable, 2);
        QVERIFY(!merger.take());
    }
};

QTEST_GUILESS_MAIN(TestLiveSourceScanner)
#include "tst_livesource_scanner.moc"
