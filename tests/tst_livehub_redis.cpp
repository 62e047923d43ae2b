// The Live Events hub on the real Redis that scripts/test starts: everything published arrives
// once, in batches; bad messages are kept as they came; a killed subscription comes back; a server
// that is not there is retried with growing backoff, and stop() never hangs.

#include "livetestsupport.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace LiveTest;

namespace {
QString redisUrl()
{
    return qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
}

QByteArray platformEvent(qint64 id, qint64 tsMs, const QString &category = u"research"_s)
{
    return liveEventJson(id, u"eval-%1"_s.arg(id), u"evaluation.started"_s, category, u"info"_s, tsMs,
                         u"{\"n\":%1}"_s.arg(id));
}

// The id Redis gives the connection named `name`, from CLIENT LIST.
QByteArray clientIdNamed(RawRedis &redis, const QByteArray &name)
{
    const RespValue list = redis.command({"CLIENT", "LIST", "TYPE", "pubsub"});
    for (const QByteArray &line : list.data.split('\n')) {
        if (!line.contains(QByteArray(" name=" + name + ' ')))
            continue;
        for (const QByteArray &field : line.split(' '))
            if (field.startsWith("id="))
                return field.mid(3);
    }
    return {};
}
} // namespace

class TestLiveHubRedis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (redisUrl().isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set: run the tests through scripts/test");
    }

    void channelsAndPatternsArriveOnceInBatches()
    {
        const QByteArray channel = uniqueName(u"live_ch"_s).toUtf8();
        const QByteArray patternBase = uniqueName(u"live_pat"_s).toUtf8();
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = redisUrl();
        profile.live.redisChannels = {QString::fromUtf8(channel)};
        profile.live.redisPatterns = {QString::fromUtf8(patternBase) + u".*"_s};
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Live), 10000);

        RawRedis redis;
        QVERIFY(redis.connect(redisUrl()));
        constexpr qint64 N = 20000;
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        QList<QByteArray> direct, matched;
        for (qint64 id = 1; id <= N; ++id)
            direct.append(platformEvent(id, ts + id));
        for (qint64 id = N + 1; id <= 2 * N; ++id)
            matched.append(platformEvent(id, ts + id, u"security"_s));
        QCOMPARE(redis.publish(channel, direct), N);
        QCOMPARE(redis.publish(patternBase + ".sub", matched), N);

        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 2 * N, 30000);
        QTest::qWait(300); // nothing more may come
        QCOMPARE(collector.records, 2 * N);
        for (qint64 id = 1; id <= 2 * N; ++id)
            QCOMPARE(collector.byId.value(id), 1);
        QVERIFY2(collector.batches < 2 * N / 100, qPrintable(u"%1 batches"_s.arg(collector.batches)));

        const Collector::Ref *seven = collector.findId(7);
        QVERIFY(seven);
        const LiveEventRecord &r = *seven->record;
        QCOMPARE(r.source, LiveSource::Redis);
        QCOMPARE(r.flags, quint8(0));
        QCOMPARE(seven->batch->evaluationId(r), "eval-7");
        QCOMPARE(seven->batch->type(r), "evaluation.started");
        QCOMPARE(r.category, EventCategory::Research);
        QCOMPARE(r.severity, EventSeverity::Info);
        QCOMPARE(r.timestamp, ts + 7);
        QCOMPARE(seven->batch->data(r), "{\"n\":7}");
        const Collector::Ref *last = collector.findId(2 * N);
        QVERIFY(last);
        QCOMPARE(last->record->category, EventCategory::Security);

        const LiveHubCounters counters = hub.counters();
        QCOMPARE(counters.received, 2 * N);
        QCOMPARE(counters.delivered, 2 * N);
        QCOMPARE(counters.duplicates, 0);
        const QList<LiveSourceStatus> statuses = hub.statuses();
        QCOMPARE(statuses.size(), 1);
        QCOMPARE(statuses.constFirst().received, 2 * N);
        QVERIFY(statuses.constFirst().description.contains(QString::fromUtf8(channel)));
    }

    // Each bad message is one record, flagged, with its raw payload; good events after still arrive.
    void badInputIsKeptNotDropped()
    {
        const QByteArray channel = uniqueName(u"live_bad"_s).toUtf8();
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = redisUrl();
        profile.live.redisChannels = {QString::fromUtf8(channel)};
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Live), 10000);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 tenYears = qint64(10) * 365 * 24 * 3600 * 1000;
        QByteArray huge(10 * 1024 * 1024, 'a');
        huge.replace(0, 8, "{\"id\":9,");
        const QList<QByteArray> payloads{
            "this is not json {",
            "{\"id\":101,\"type\":\"x.y\",\"category\":\"research\",\"severity\":\"info\"}",
            "{\"type\":\"x.y\",\"category\":\"research\",\"severity\":\"info\",\"ts\":\"2026-01-01T00:00:"
            "00Z\"}",
            huge,
            platformEvent(102, now, u"mystery"_s),
            platformEvent(103, now + tenYears),
            platformEvent(104, now - 3 * tenYears),
            platformEvent(105, now),
        };
        RawRedis redis;
        QVERIFY(redis.connect(redisUrl()));
        QCOMPARE(redis.publish(channel, payloads), qint64(payloads.size()));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, qint64(payloads.size()), 20000);

        const auto &refs = collector.refs;
        auto flags = [&](int i) { return refs.at(i).record->flags; };
        auto reason = [&](int i) { return refs.at(i).batch->type(*refs.at(i).record); };
        auto data = [&](int i) { return refs.at(i).batch->data(*refs.at(i).record); };
        // Not JSON.
        QVERIFY(flags(0) & LiveEventRecord::Unparseable);
        QVERIFY(refs.at(0).record->id < 0);
        QCOMPARE(refs.at(0).record->lane(), LiveLane::Unparseable);
        QCOMPARE(data(0), "this is not json {");
        // Missing ts, missing id.
        QVERIFY(flags(1) & LiveEventRecord::Unparseable);
        QVERIFY2(reason(1).contains("ts"), reason(1).toByteArray().constData());
        QCOMPARE(data(1), payloads.at(1));
        QVERIFY(flags(2) & LiveEventRecord::Unparseable);
        QVERIFY2(reason(2).contains("id"), reason(2).toByteArray().constData());
        // 10 MB: kept as unparseable with a capped preview and its true size.
        QVERIFY(flags(3) & LiveEventRecord::Unparseable);
        QVERIFY(flags(3) & LiveEventRecord::PayloadCapped);
        QVERIFY2(reason(3).contains("too large"), reason(3).toByteArray().constData());
        QCOMPARE(qint64(refs.at(3).record->payloadSize), qint64(huge.size()));
        QVERIFY(data(3).size() <= LiveEventLimits::RawPreviewBytes);
        QVERIFY(data(3).startsWith("{\"id\":9,"));
        // Unknown category: the "other" lane, with the text it had.
        QCOMPARE(refs.at(4).record->id, 102);
        QVERIFY(flags(4) & LiveEventRecord::UnknownCategory);
        QCOMPARE(refs.at(4).record->lane(), LiveLane::Other);
        QCOMPARE(refs.at(4).batch->categoryText(*refs.at(4).record), "mystery");
        // Clocks far off: shown, flagged, placed at arrival on the axis.
        for (const int i : {5, 6}) {
            QVERIFY(flags(i) & LiveEventRecord::ClockSkewed);
            QVERIFY(!(flags(i) & LiveEventRecord::Unparseable));
            QCOMPARE(refs.at(i).record->axisTime(), refs.at(i).record->receivedAt);
        }
        QCOMPARE(refs.at(5).record->timestamp, now + tenYears);
        // And the good event after all of it.
        QCOMPARE(refs.at(7).record->id, 105);
        QCOMPARE(flags(7), quint8(0));
        QCOMPARE(hub.counters().unparseable, 4);
    }

    // The server drops the subscriber: Retrying with the message, a gap, then Live again and
    // events published afterwards arrive.
    void killedSubscriptionReconnects()
    {
        const QByteArray channel = uniqueName(u"live_kill"_s).toUtf8();
        const QByteArray clientName = uniqueName(u"sightline-live-kill"_s).toUtf8();
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = redisUrl() + u"?name="_s + QString::fromUtf8(clientName);
        profile.live.redisChannels = {QString::fromUtf8(channel)};
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Live), 10000);

        RawRedis redis;
        QVERIFY(redis.connect(redisUrl()));
        QCOMPARE(redis.publish(channel, {platformEvent(1, QDateTime::currentMSecsSinceEpoch())}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 1, 10000);

        const QByteArray id = clientIdNamed(redis, clientName);
        QVERIFY2(!id.isEmpty(), "the subscriber is not in CLIENT LIST");
        QCOMPARE(redis.command({"CLIENT", "KILL", "ID", id}).integer, 1);

        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Retrying),
                                 10000);
        const auto retrying =
            std::find_if(collector.statuses.cbegin(), collector.statuses.cend(),
                         [](const auto &s) { return s.state == LiveSourceStatus::State::Retrying; });
        QVERIFY2(retrying->message.startsWith(u"Redis disconnected — retrying"_s),
                 qPrintable(retrying->message));
        QVERIFY2(retrying->message.contains(u"closed the connection"_s), qPrintable(retrying->message));
        QVERIFY(retrying->retryInMs > 0);
        QTRY_COMPARE_WITH_TIMEOUT(collector.opened.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.countState(LiveSource::Redis, LiveSourceStatus::State::Live), 2,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.closed.size(), 1, 5000);
        QCOMPARE(collector.opened.constFirst().source, LiveSource::Redis);
        QCOMPARE(collector.closed.constFirst().fromMs, collector.opened.constFirst().fromMs);
        QVERIFY(collector.closed.constFirst().toMs >= collector.closed.constFirst().fromMs);

        QCOMPARE(redis.publish(channel, {platformEvent(2, QDateTime::currentMSecsSinceEpoch())}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 2, 10000);
        QVERIFY(collector.findId(2));
    }

    // Nothing listens on the port: Retrying again and again, the wait doubling each time; stop()
    // returns at once.
    void closedPortRetriesWithGrowingBackoff()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = u"redis://127.0.0.1:%1/0"_s.arg(port);
        profile.live.redisChannels = {u"events"_s};
        LiveEventHub::Options options = fastOptions();
        options.initialBackoffMs = 50;
        options.maxBackoffMs = 400;
        LiveEventHub hub(profile, options);
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            collector.countState(LiveSource::Redis, LiveSourceStatus::State::Retrying) >= 5, 10000);
        QList<qint64> waits;
        for (const LiveSourceStatus &status : std::as_const(collector.statuses)) {
            if (status.state != LiveSourceStatus::State::Retrying)
                continue;
            waits.append(status.retryInMs);
            QVERIFY2(status.message.startsWith(u"Redis disconnected — retrying"_s),
                     qPrintable(status.message));
            QVERIFY2(status.message.contains(u"refused"_s), qPrintable(status.message));
        }
        QCOMPARE(waits.mid(0, 5), (QList<qint64>{50, 100, 200, 400, 400}));
        QVERIFY(collector.opened.isEmpty()); // never live: no gap to mark

        QElapsedTimer timer;
        timer.start();
        hub.stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(u"stop() took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY(!hub.isRunning());
    }

    // A refused login keeps being retried, and the message carries the server's own words.
    void refusedLoginShowsTheServersError()
    {
        QUrl url(redisUrl());
        url.setUserName(u"no-such-user"_s); // the default user takes any password here
        url.setPassword(u"not-the-password"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = url.toString();
        profile.live.redisChannels = {u"events"_s};
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            collector.countState(LiveSource::Redis, LiveSourceStatus::State::Retrying) >= 2, 10000);
        const LiveSourceStatus status = hub.statuses().constFirst();
        QVERIFY2(status.message.startsWith(u"Redis disconnected — retrying"_s), qPrintable(status.message));
        QVERIFY2(status.message.contains(u"refused the login"_s) && status.message.contains(u"WRONGPASS"_s),
                 qPrintable(status.message));
        QVERIFY2(!status.message.contains(u"not-the-password"_s), "the message shows the password");
        QVERIFY2(!status.description.contains(u"not-the-password"_s), "the description shows the password");
    }

    // A server that accepts and never answers: Retrying once the URL's timeout has passed, and
    // stop() is still prompt.
    void silentServerStopsPromptly()
    {
        Sightline::TestSupport::SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        WorkspaceProfile profile = emptyProfile();
        profile.redis.url = u"redis://127.0.0.1:%1/0?timeout=300ms"_s.arg(server.serverPort());
        profile.live.redisChannels = {u"events"_s};
        auto hub = std::make_unique<LiveEventHub>(profile, fastOptions());
        Collector collector(*hub);
        hub->start();
        QTRY_VERIFY_WITH_TIMEOUT(!server.held.isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Retrying),
                                 5000);
        const LiveSourceStatus status = hub->statuses().constFirst();
        QVERIFY2(status.message.contains(u"did not answer within 300 ms"_s), qPrintable(status.message));
        QVERIFY(!collector.sawState(LiveSource::Redis, LiveSourceStatus::State::Live));
        QElapsedTimer timer;
        timer.start();
        hub.reset(); // the destructor stops and joins
        QVERIFY2(timer.elapsed() < 1000, qPrintable(u"destruction took %1 ms"_s.arg(timer.elapsed())));
    }

    // PostgreSQL that never answers, for LISTEN and polling at once: the destructor is still prompt.
    void silentPostgresStopsPromptly()
    {
        Sightline::TestSupport::SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = u"postgresql://nobody@127.0.0.1:%1/nothing"_s.arg(server.serverPort());
        profile.live.postgresChannel = u"events"_s;
        profile.live.poll = LiveSettings::Poll::Always;
        auto hub = std::make_unique<LiveEventHub>(profile, fastOptions());
        Collector collector(*hub);
        hub->start();
        QCOMPARE(hub->statuses().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(server.held.size() >= 2, 5000);
        QTest::qWait(100);
        QVERIFY(!collector.sawState(LiveSource::Postgres, LiveSourceStatus::State::Live));
        QVERIFY(!collector.sawState(LiveSource::Poll, LiveSourceStatus::State::Live));
        QElapsedTimer timer;
        timer.start();
        hub.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(u"destruction took %1 ms"_s.arg(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestLiveHubRedis)
#include "tst_livehub_redis.moc"
