#include "redistestsupport.h"
#include "sources/redis/redissource.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using RedisTest::await;
using Sightline::RedisSource;
using Sightline::StorageNode;
using Sightline::StoragePage;
using Sightline::StoragePreview;
using Sightline::StorageProgress;
using Sightline::StorageSummary;

Q_DECLARE_METATYPE(QList<StorageNode>)

namespace {
QList<StorageNode> allChildren(RedisSource &source, const QString &id, QString *error = nullptr)
{
    QList<StorageNode> nodes;
    QString continuation;
    do {
        const StoragePage page = await(source.children(id, continuation));
        if (error && !page.error.isEmpty())
            *error = page.error;
        nodes += page.nodes;
        continuation = page.continuation;
    } while (!continuation.isEmpty());
    return nodes;
}

const StorageNode *byName(const QList<StorageNode> &nodes, const QString &name)
{
    for (const StorageNode &node : nodes) {
        if (node.name == name)
            return &node;
    }
    return nullptr;
}

// Starts the scan and waits for its last progress report.
StorageProgress scanToEnd(RedisSource &source, int timeoutMs = 120000)
{
    StorageProgress last;
    QObject context;
    QObject::connect(&source, &RedisSource::progressChanged, &context,
                     [&last](const StorageProgress &p) { last = p; });
    await(source.children(QString(), QString()));
    QElapsedTimer clock;
    clock.start();
    while (!last.finished && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return last;
}
} // namespace

class TestRedisSource : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    quint16 m_port = 0;
    std::unique_ptr<RedisSource> m_source; // scanned once in initTestCase

    QByteArray cli(const QStringList &args) { return RedisTest::cli(m_port, args); }

    StoragePreview previewKey(const QByteArray &key, const QString &continuation = {})
    {
        return await(m_source->preview(RedisSource::keyNodeId(key), continuation));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        if (m_url.isEmpty())
            QFAIL("SIGHTLINE_TEST_REDIS_URL is not set: run the tests through scripts/test, which starts "
                  "Redis and seeds it");
        m_port = quint16(QUrl(m_url).port());
        QVERIFY2(cli({u"EXISTS"_s, u"queue:evaluations"_s}) == "1",
                 "the Redis test server is not seeded: run the tests through scripts/test");
        // Test data beyond the seed, in its own namespace (the test is not Sightline: it may write).
        const QString fill = u"for i=1,tonumber(ARGV[1]) do redis.call('%1', KEYS[1], %2) end return 1"_s;
        cli({u"DEL"_s, u"sightline-test:list"_s, u"sightline-test:hash"_s, u"sightline-test:big"_s});
        cli({u"EVAL"_s, fill.arg(u"rpush"_s, u"i"_s), u"1"_s, u"sightline-test:list"_s, u"2500"_s});
        cli({u"EVAL"_s, fill.arg(u"hset"_s, u"'f'..i, i"_s), u"1"_s, u"sightline-test:hash"_s, u"3000"_s});
        // 100 MB of zero bytes without sending them: SETRANGE pads.
        QCOMPARE(cli({u"SETRANGE"_s, u"sightline-test:big"_s, u"104857599"_s, u"x"_s}),
                 QByteArray("104857600"));

        m_source = std::make_unique<RedisSource>(m_url);
        const StorageProgress last = scanToEnd(*m_source);
        QVERIFY(last.finished);
        QCOMPARE(last.what, u"Scanning keys"_s);
        QVERIFY2(last.done > 200000, QByteArray::number(last.done).constData());
    }

    void summaryDescribesTheServer()
    {
        const StorageSummary summary = await(m_source->summary());
        QVERIFY2(summary.reachable, qPrintable(summary.error));
        QCOMPARE(summary.itemNoun, u"keys"_s);
        QCOMPARE(summary.itemCount, cli({u"DBSIZE"_s}).toLongLong());
        QVERIFY(summary.latencyMs >= 0 && summary.latencyMs < 1000);
        QVERIFY(summary.totalBytes > 100 * 1024 * 1024); // the 100 MB value is in there
        QStringList labels;
        for (const auto &[label, value] : summary.details)
            labels.append(label);
        for (const QString &expected : {u"Version"_s, u"Used memory"_s, u"Connected clients"_s,
                                        u"Keyspace hits / misses"_s, u"Evicted keys"_s, u"Keyspace db0"_s})
            QVERIFY2(labels.contains(expected), qPrintable(labels.join(u", "_s)));
        QVERIFY(summary.details.constFirst().second.startsWith(u"7."_s));
        QCOMPARE(m_source->describe(), m_url);
    }

    void treeHasNamespacesWithCounts()
    {
        const QList<StorageNode> root = allChildren(*m_source, QString());
        qint64 total = 0;
        for (const StorageNode &node : root)
            total += node.kind == StorageNode::Kind::Group ? node.count : 1;
        QCOMPARE(total, cli({u"DBSIZE"_s}).toLongLong());
        for (const QString &name :
             {u"eval"_s, u"queue"_s, u"events"_s, u"workers"_s, u"leaderboard"_s, u"bin"_s}) {
            const StorageNode *node = byName(root, name);
            QVERIFY2(node, qPrintable(name));
            QCOMPARE(node->kind, StorageNode::Kind::Group);
            QVERIFY(node->hasChildren);
            QVERIFY(node->bytes > 0);
        }
        // Namespaces come first, and the counts match what the server says.
        QCOMPARE(root.constFirst().kind, StorageNode::Kind::Group);
        const QByteArray evalKeys = cli({u"EVAL"_s, u"return #redis.call('keys', 'eval:*')"_s, u"0"_s});
        QCOMPARE(byName(root, u"eval"_s)->count, evalKeys.toLongLong());
    }

    void evaluationNamespacesCarryTheirId()
    {
        const StoragePage page = await(m_source->children(RedisSource::namespaceNodeId("eval"), QString()));
        QCOMPARE(page.nodes.size(), 1000); // one page, more to come
        QVERIFY(!page.continuation.isEmpty());
        const StorageNode &first = page.nodes.constFirst();
        QVERIFY(first.name.startsWith(u"ev-"_s));
        QCOMPARE(first.evaluationId, first.name);
        const StoragePage next =
            await(m_source->children(RedisSource::namespaceNodeId("eval"), page.continuation));
        QCOMPARE(next.nodes.size(), 1000);
        QVERIFY(next.nodes.constFirst().name > page.nodes.constLast().name);

        const QList<StorageNode> keys = allChildren(*m_source, first.id);
        QCOMPARE(keys.size(), 2);
        const StorageNode *result = byName(keys, u"result"_s);
        const StorageNode *status = byName(keys, u"status"_s);
        QVERIFY(result && status);
        QCOMPARE(result->evaluationId, first.name);
        QCOMPARE(result->typeLabel, u"string"_s);
        QCOMPARE(status->typeLabel, u"hash"_s);
        QVERIFY(result->previewable);
        QVERIFY(result->bytes > 0);
        QCOMPARE(result->count, -1);
    }

    void ttlsBecomeExpiryTimes()
    {
        int withTtl = 0;
        int without = 0;
        const StoragePage page = await(m_source->children(RedisSource::namespaceNodeId("eval"), QString()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const StorageNode &ns : page.nodes.mid(0, 100)) {
            for (const StorageNode &key : allChildren(*m_source, ns.id)) {
                if (key.name != u"result"_s)
                    continue;
                if (key.expiresAtMs > 0) {
                    ++withTtl;
                    QVERIFY(key.expiresAtMs > now && key.expiresAtMs < now + 25 * 3600 * 1000LL);
                } else {
                    ++without;
                }
            }
        }
        QVERIFY2(withTtl > 50 && without > 0, qPrintable(u"%1 with, %2 without"_s.arg(withTtl).arg(without)));
    }

    void previewsEveryType()
    {
        const QByteArray evalNs = await(m_source->children(RedisSource::namespaceNodeId("eval"), QString()))
                                      .nodes.constFirst()
                                      .name.toUtf8();
        const StoragePreview result = previewKey("eval:" + evalNs + ":result");
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY2(result.text.startsWith(u'{') &&
                     result.text.contains(u"\"id\":\""_s + QString::fromUtf8(evalNs)),
                 qPrintable(result.text.left(200)));
        QVERIFY(result.columns.isEmpty());
        QCOMPARE(result.totalSize, qint64(result.text.toUtf8().size()));

        const StoragePreview status = previewKey("eval:" + evalNs + ":status");
        QCOMPARE(status.columns, (QStringList{u"field"_s, u"value"_s}));
        QVERIFY(std::any_of(status.rows.cbegin(), status.rows.cend(),
                            [](const QStringList &row) { return row.constFirst() == u"status"_s; }));

        const StoragePreview queue = previewKey("queue:evaluations");
        QCOMPARE(queue.columns, (QStringList{u"index"_s, u"value"_s}));
        QCOMPARE(queue.totalSize, cli({u"LLEN"_s, u"queue:evaluations"_s}).toLongLong());
        QVERIFY(queue.rows.constFirst().at(1).startsWith(u"ev-"_s));

        const StoragePreview workers = previewKey("workers:active");
        QCOMPARE(workers.columns, QStringList{u"member"_s});
        QCOMPARE(workers.totalSize, cli({u"SCARD"_s, u"workers:active"_s}).toLongLong());
        QVERIFY(!workers.rows.isEmpty());

        const StoragePreview board = previewKey("leaderboard:duration");
        QCOMPARE(board.columns, (QStringList{u"member"_s, u"score"_s}));
        QVERIFY(board.rows.size() <= 1000);
        bool ok = false;
        board.rows.constFirst().at(1).toDouble(&ok);
        QVERIFY(ok);

        const StoragePreview events = previewKey("events:recent");
        QCOMPARE(events.columns, (QStringList{u"id"_s, u"fields"_s}));
        QVERIFY(events.rows.constFirst().at(1).contains(u"type=evaluation."_s));
        QCOMPARE(events.totalSize, cli({u"XLEN"_s, u"events:recent"_s}).toLongLong());
        QVERIFY(events.totalSize > 1000);
        QVERIFY(events.truncated);
        const StoragePreview moreEvents = previewKey("events:recent", events.continuation);
        QVERIFY2(moreEvents.error.isEmpty(), qPrintable(moreEvents.error));
        QVERIFY(!moreEvents.rows.isEmpty());
        QVERIFY(moreEvents.rows.constFirst().constFirst() != events.rows.constLast().constFirst());
    }

    void previewsAreCappedAndContinue()
    {
        StoragePreview list = previewKey("sightline-test:list");
        QCOMPARE(list.rows.size(), 1000);
        QVERIFY(list.truncated);
        QCOMPARE(list.totalSize, 2500);
        QCOMPARE(list.continuation, u"1000"_s);
        list = previewKey("sightline-test:list", list.continuation);
        QCOMPARE(list.rows.constFirst(), (QStringList{u"1000"_s, u"1001"_s}));
        list = previewKey("sightline-test:list", list.continuation);
        QCOMPARE(list.rows.size(), 500);
        QVERIFY(!list.truncated);
        QVERIFY(list.continuation.isEmpty());

        // HSCAN pages: all fields exactly once over the continuations.
        QSet<QString> fields;
        QString continuation;
        int pages = 0;
        do {
            const StoragePreview hash = previewKey("sightline-test:hash", continuation);
            QVERIFY2(hash.error.isEmpty(), qPrintable(hash.error));
            QCOMPARE(hash.totalSize, 3000);
            QVERIFY(hash.rows.size() <= 1500);
            for (const QStringList &row : hash.rows)
                fields.insert(row.constFirst());
            continuation = hash.continuation;
            QCOMPARE(hash.truncated, !continuation.isEmpty());
        } while (!continuation.isEmpty() && ++pages < 20);
        QCOMPARE(fields.size(), 3000);
        QVERIFY(pages >= 1);

        const StoragePreview bad = previewKey("sightline-test:list", u"not-a-number"_s);
        QVERIFY(bad.error.contains(u"continuation"_s));
    }

    void hundredMegabyteValuePreviewsItsStartQuickly()
    {
        QElapsedTimer clock;
        clock.start();
        const StoragePreview big = previewKey("sightline-test:big");
        const qint64 ms = clock.elapsed();
        QVERIFY2(big.error.isEmpty(), qPrintable(big.error));
        QCOMPARE(big.totalSize, 104857600);
        QVERIFY(big.truncated);
        QCOMPARE(big.continuation, u"65536"_s);
        QVERIFY(big.text.startsWith(u"\\x00\\x00"_s)); // binary: escaped
        QCOMPARE(big.text.size(), 65536 * 4);
        QVERIFY2(ms < 3000, QByteArray::number(ms).constData());
        const StoragePreview tail = previewKey("sightline-test:big", u"104857596"_s);
        QCOMPARE(tail.text, u"\\x00\\x00\\x00x"_s);
        QVERIFY(!tail.truncated);
    }

    void binaryKeysAreEscapedAndStillPreview()
    {
        const QList<StorageNode> bin = allChildren(*m_source, RedisSource::namespaceNodeId("bin"));
        const StorageNode *invalid = byName(bin, u"\\xff\\xfe-not-utf8"_s);
        QVERIFY2(invalid, qPrintable(bin.constFirst().name));
        StoragePreview preview = await(m_source->preview(invalid->id, QString()));
        QCOMPARE(preview.text, u"invalid UTF-8 in the name"_s);
        const StorageNode *nul = byName(bin, u"nul\\x00inside"_s);
        QVERIFY(nul);
        preview = await(m_source->preview(nul->id, QString()));
        QCOMPARE(preview.text, u"a NUL byte in the name"_s);
        QVERIFY(byName(bin, u"caf\\xe9-latin1"_s));
        preview = previewKey("bin:all-bytes-value");
        QVERIFY(preview.text.startsWith(u"\\x00\\x01"_s));
        preview = previewKey("no-such-key:at-all");
        QVERIFY(preview.error.contains(u"no longer exists"_s));
        preview = await(m_source->preview(u"k:%%%"_s, QString()));
        QVERIFY(!preview.error.isEmpty());
    }

    void stopMidScanAndScanAgain()
    {
        RedisTest::PrivateServer server;
        QVERIFY(server.start());
        QCOMPARE(RedisTest::cli(server.port, {u"DEBUG"_s, u"POPULATE"_s, u"600000"_s, u"pop"_s, u"8"_s}),
                 QByteArray("OK"));
        RedisSource source(server.url());
        QList<StorageProgress> reports;
        connect(&source, &RedisSource::progressChanged, this,
                [&reports](const StorageProgress &p) { reports.append(p); });
        await(source.children(QString(), QString()));
        QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty() && reports.constLast().done > 0, 20000);
        QElapsedTimer clock;
        clock.start();
        source.stop();
        QTRY_VERIFY_WITH_TIMEOUT(reports.constLast().finished, 3000);
        QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()).constData());
        QVERIFY2(reports.constLast().done < 600000, QByteArray::number(reports.constLast().done).constData());
        QCOMPARE(reports.constLast().total, 600000);
        // Later calls work again: the summary, and a new scan to the end.
        const StorageSummary summary = await(source.summary());
        QVERIFY2(summary.reachable, qPrintable(summary.error));
        reports.clear();
        const StorageProgress last = scanToEnd(source);
        QVERIFY(last.finished);
        QCOMPARE(last.done, 600000);
        const QList<StorageNode> root = allChildren(source, QString());
        QCOMPARE(root.size(), 1);
        QCOMPARE(root.constFirst().count, 600000);
    }

    void serverKilledMidScanKeepsThePartialTree()
    {
        RedisTest::PrivateServer server;
        QVERIFY(server.start());
        QCOMPARE(RedisTest::cli(server.port, {u"DEBUG"_s, u"POPULATE"_s, u"600000"_s, u"pop"_s, u"8"_s}),
                 QByteArray("OK"));
        RedisSource source(server.url() + u"?timeout=2"_s);
        StorageProgress last;
        connect(&source, &RedisSource::progressChanged, this,
                [&last](const StorageProgress &p) { last = p; });
        await(source.children(QString(), QString()));
        QTRY_VERIFY_WITH_TIMEOUT(last.done > 0, 20000);
        server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(last.finished, 5000);
        QVERIFY(last.done > 0 && last.done < 600000);
        QString error;
        const QList<StorageNode> root = allChildren(source, QString(), &error);
        QVERIFY2(error.startsWith(u"Connection lost after "_s), qPrintable(error));
        QVERIFY2(error.contains(u"Retry"_s), qPrintable(error));
        QCOMPARE(root.size(), 1);
        QCOMPARE(root.constFirst().count, last.done); // the partial tree stays
        // A refetch does not restart the scan on its own (that would loop); rescan() does.
        QCOMPARE(await(source.children(QString(), QString())).nodes.size(), 1);
        const StorageSummary summary = await(source.summary());
        QVERIFY(!summary.reachable);
        QVERIFY2(summary.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(summary.error));

        // The server comes back (empty: nothing persisted); Retry is rescan() and a plain children().
        QVERIFY(server.restart());
        QCOMPARE(RedisTest::cli(server.port, {u"DEBUG"_s, u"POPULATE"_s, u"1000"_s, u"back"_s, u"8"_s}),
                 QByteArray("OK"));
        source.rescan();
        const StorageProgress done = scanToEnd(source);
        QVERIFY(done.finished);
        QCOMPARE(done.done, 1000);
        error.clear();
        const QList<StorageNode> back = allChildren(source, QString(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.constFirst().name, u"back"_s);
        QCOMPARE(back.constFirst().count, 1000);
    }

    void rescanFindsKeysAddedAfterTheScan()
    {
        RedisTest::PrivateServer server;
        QVERIFY(server.start());
        QCOMPARE(RedisTest::cli(server.port, {u"DEBUG"_s, u"POPULATE"_s, u"100"_s, u"pop"_s, u"8"_s}),
                 QByteArray("OK"));
        RedisSource source(server.url());
        QCOMPARE(scanToEnd(source).done, 100);
        QCOMPARE(RedisTest::cli(server.port, {u"SET"_s, u"fresh:one"_s, u"1"_s}), QByteArray("OK"));
        // Without rescan() the finished scan is what the tree shows.
        QVERIFY(!byName(allChildren(source, QString()), u"fresh"_s));
        source.rescan();
        QCOMPARE(scanToEnd(source).done, 101);
        const QList<StorageNode> root = allChildren(source, QString());
        QVERIFY(byName(root, u"fresh"_s));
        QCOMPARE(byName(root, u"pop"_s)->count, 100);
    }

    void rescanDuringAScanStartsOver()
    {
        RedisTest::PrivateServer server;
        QVERIFY(server.start());
        QCOMPARE(RedisTest::cli(server.port, {u"DEBUG"_s, u"POPULATE"_s, u"400000"_s, u"pop"_s, u"8"_s}),
                 QByteArray("OK"));
        RedisSource source(server.url());
        StorageProgress last;
        connect(&source, &RedisSource::progressChanged, this,
                [&last](const StorageProgress &p) { last = p; });
        await(source.children(QString(), QString()));
        QTRY_VERIFY_WITH_TIMEOUT(last.done > 0, 20000);
        QVERIFY(!last.finished);
        QCOMPARE(RedisTest::cli(server.port, {u"SET"_s, u"fresh:one"_s, u"1"_s}), QByteArray("OK"));
        source.rescan();
        await(source.children(QString(), QString()));
        QTRY_VERIFY_WITH_TIMEOUT(last.finished && last.done == 400001, 60000);
        const QList<StorageNode> root = allChildren(source, QString());
        QCOMPARE(root.size(), 2);
        QCOMPARE(byName(root, u"pop"_s)->count, 400000);
        QCOMPARE(byName(root, u"fresh"_s)->count, 1);
    }

    void pagesContinueAfterTheLastKeyShown()
    {
        RedisTest::PrivateServer server;
        QVERIFY(server.start());
        const QString fill =
            u"for i=0,tonumber(ARGV[2])-1 do redis.call('set', string.format(ARGV[1], i), i) end return 1"_s;
        RedisTest::cli(server.port, {u"EVAL"_s, fill, u"0"_s, u"pg:k%03d"_s, u"100"_s});
        RedisTest::cli(server.port, {u"EVAL"_s, fill, u"0"_s, u"pg:sub%d:x"_s, u"3"_s});
        Sightline::RedisSourceOptions options;
        options.pageSize = 7;
        RedisSource source(server.url(), options);
        QCOMPARE(scanToEnd(source).done, 103);
        const QString ns = RedisSource::namespaceNodeId("pg");

        // Nothing changes: every child exactly once, namespaces first, in order.
        QStringList names;
        QString continuation;
        int pages = 0;
        do {
            const StoragePage page = await(source.children(ns, continuation));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            QVERIFY(page.nodes.size() <= 7);
            for (const StorageNode &node : page.nodes)
                names.append(node.name);
            continuation = page.continuation;
            ++pages;
        } while (!continuation.isEmpty() && pages < 100);
        QCOMPARE(names.size(), 103);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 103);
        QCOMPARE(names.mid(0, 3), (QStringList{u"sub0"_s, u"sub1"_s, u"sub2"_s}));
        QCOMPARE(names.at(3), u"k000"_s);
        QCOMPARE(names.constLast(), u"k099"_s);

        // Keys that sort before the page's end are indexed in between: the next page still starts
        // right after the last key shown (an offset would show some of it again).
        const StoragePage first = await(source.children(ns, QString()));
        QCOMPARE(first.nodes.constLast().name, u"k003"_s);
        RedisTest::cli(server.port, {u"EVAL"_s, fill, u"0"_s, u"pg:a%03d"_s, u"20"_s});
        source.rescan();
        QCOMPARE(scanToEnd(source).done, 123);
        QStringList rest;
        continuation = first.continuation;
        pages = 0;
        while (!continuation.isEmpty() && pages++ < 100) {
            const StoragePage page = await(source.children(ns, continuation));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            for (const StorageNode &node : page.nodes)
                rest.append(node.name);
            continuation = page.continuation;
        }
        QCOMPARE(rest.size(), 96);
        QCOMPARE(rest.constFirst(), u"k004"_s);
        QCOMPARE(rest.constLast(), u"k099"_s);

        const StoragePage bad = await(source.children(ns, u"12"_s));
        QVERIFY(bad.error.contains(u"Invalid continuation"_s));
    }

    void cleanupTestCase()
    {
        m_source.reset();
        if (m_port)
            cli({u"DEL"_s, u"sightline-test:list"_s, u"sightline-test:hash"_s, u"sightline-test:big"_s});
    }
};

QTEST_GUILESS_MAIN(TestRedisSource)
#include "tst_redissource.moc"
