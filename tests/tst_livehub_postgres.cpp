// The Live Events hub on the real PostgreSQL (and Redis) that scripts/test starts: LISTEN/NOTIFY,
// polling an events table (PostgreSQL and SQLite), the same ids through several sources arriving
// once, a terminated LISTEN session coming back, and history read by id.

#include "awaitfuture.h"
#include "core/timestamp.h"
#include "livetestsupport.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace LiveTest;
using Sightline::TestSupport::await;

namespace {
QString postgresUrl()
{
    return qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
}

QByteArray platformEvent(qint64 id, qint64 tsMs)
{
    return liveEventJson(id, u"eval-%1"_s.arg(id), u"evaluation.completed"_s, u"storage"_s, u"warning"_s,
                         tsMs, u"{\"n\":%1}"_s.arg(id));
}
} // namespace

class TestLiveHubPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (postgresUrl().isEmpty() || !m_seed.open())
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_POSTGRES_URL / _SEED_URL are not set: run the tests through "
                "scripts/test");
    }
    void cleanup()
    {
        for (const QString &table : std::as_const(m_tables))
            m_seed.ok(u"DROP TABLE IF EXISTS %1"_s.arg(quoteIdentifier(table)));
        m_tables.clear();
    }

    void notificationsArriveAndBadOnesAreKept()
    {
        // Mixed case, a space and a quote: only a properly quoted LISTEN hears this channel.
        const QString channel = uniqueName(u"Live \"Notify\" Ch"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.live.postgresChannel = channel;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Postgres, LiveSourceStatus::State::Live),
                                 10000);
        QCOMPARE(hub.statuses().size(), 1); // no polling: Never

        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        for (qint64 id = 1; id <= 100; ++id)
            QVERIFY(m_seed.notify(channel, platformEvent(id, ts)));
        QVERIFY(m_seed.notify(channel, "<html>not json</html>"));
        QVERIFY(m_seed.notify(channel, platformEvent(101, ts)));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 102, 10000);

        for (qint64 id = 1; id <= 101; ++id)
            QCOMPARE(collector.byId.value(id), 1);
        const Collector::Ref *five = collector.findId(5);
        QVERIFY(five);
        QCOMPARE(five->record->source, LiveSource::Postgres);
        QCOMPARE(five->batch->evaluationId(*five->record), "eval-5");
        QCOMPARE(five->record->category, EventCategory::Storage);
        QCOMPARE(five->record->severity, EventSeverity::Warning);
        QCOMPARE(five->record->timestamp, ts);
        const LiveEventRecord &bad = *collector.refs.at(100).record;
        QVERIFY(bad.has(LiveEventRecord::Unparseable));
        QCOMPARE(collector.refs.at(100).batch->data(bad), "<html>not json</html>");
        QCOMPARE(collector.refs.at(101).record->id, 101);
        QCOMPARE(hub.counters().unparseable, 1);
    }

    // The same ids through Redis, NOTIFY and the polled table: each arrives once, the rest counted.
    void sameIdsThroughEverySourceArriveOnce()
    {
        const QString redisUrl = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        if (redisUrl.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set: run the tests through scripts/test");
        const QString table = uniqueName(u"live_events"_s);
        QVERIFY(m_seed.createEventsTable(table));
        m_tables.append(table);
        const QString channel = uniqueName(u"live_dup"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.redis.url = redisUrl;
        profile.live.redisChannels = {channel};
        profile.live.postgresChannel = channel;
        profile.live.poll = LiveSettings::Poll::Always;
        profile.live.pollIntervalMs = 100;
        profile.schema.eventsTable = table;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QCOMPARE(hub.statuses().size(), 3);
        for (const LiveSource source : {LiveSource::Redis, LiveSource::Postgres, LiveSource::Poll})
            QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(source, LiveSourceStatus::State::Live), 10000);

        constexpr qint64 N = 50;
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        RawRedis redis;
        QVERIFY(redis.connect(redisUrl));
        QList<QByteArray> payloads;
        for (qint64 id = 1; id <= N; ++id) {
            payloads.append(platformEvent(id, ts));
            QVERIFY(m_seed.insertEvent(table, id, u"eval-%1"_s.arg(id), u"evaluation.completed"_s,
                                       u"storage"_s, ts));
            QVERIFY(m_seed.notify(channel, payloads.constLast()));
        }
        QCOMPARE(redis.publish(channel.toUtf8(), payloads), N);
        QTRY_COMPARE_WITH_TIMEOUT(hub.counters().duplicates, 2 * N, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, N, 5000);
        for (qint64 id = 1; id <= N; ++id)
            QCOMPARE(collector.byId.value(id), 1);
        const LiveHubCounters counters = hub.counters();
        QCOMPARE(counters.received, 3 * N);
        QCOMPARE(counters.delivered, N);
        qint64 perSource = 0;
        for (const LiveSourceStatus &status : hub.statuses())
            perSource += status.received;
        QCOMPARE(perSource, 3 * N);
    }

    void pollingPicksUpNewRowsInPostgres()
    {
        const QString table = uniqueName(u"live_poll"_s);
        QVERIFY(m_seed.createEventsTable(table));
        m_tables.append(table);
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_seed.insertEvent(table, 1, u"old"_s, u"evaluation.queued"_s, u"research"_s,
                                   ts)); // before start
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.live.poll = LiveSettings::Poll::Auto;
        profile.live.pollIntervalMs = 100;
        profile.schema.eventsTable = table;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Poll, LiveSourceStatus::State::Live), 10000);
        QVERIFY(m_seed.insertEvent(table, 2, u"eval-2"_s, u"cache.hit"_s, u"storage"_s, ts + 1));
        QVERIFY(m_seed.insertEvent(table, 3, QString(), u"service.down"_s, u"plumbing"_s, ts + 2));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 2, 10000);
        QVERIFY(!collector.findId(1)); // no history on start

        // More than a page at once: the next pages are read at once, all of them, in order.
        const int bulk = 2 * 10000 + 500;
        QVERIFY(m_seed.ok(
            u"INSERT INTO %1 (id, evaluation_id, type, category, severity, ts) SELECT g, 'e', 'bulk', "
            "'research', 'info', now() FROM generate_series(100, %2) g"_s.arg(quoteIdentifier(table))
                .arg(100 + bulk - 1)));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 2 + bulk, 20000);
        for (qint64 id = 100; id < 100 + bulk; ++id)
            QCOMPARE(collector.byId.value(id), 1);
        QCOMPARE(collector.refs.constLast().record->id, 100 + bulk - 1);
        const Collector::Ref *two = collector.findId(2);
        QVERIFY(two);
        QCOMPARE(two->record->source, LiveSource::Poll);
        QCOMPARE(two->batch->type(*two->record), "cache.hit");
        QCOMPARE(two->batch->evaluationId(*two->record), "eval-2");
        QCOMPARE(two->record->timestamp, ts + 1);
        QCOMPARE(two->record->category, EventCategory::Storage);
        QVERIFY(two->batch->data(*two->record).contains("\"n\""));
        const Collector::Ref *three = collector.findId(3);
        QVERIFY(three);
        QCOMPARE(three->record->lane(), LiveLane::Other);
        QCOMPARE(three->batch->categoryText(*three->record), "plumbing");
        QCOMPARE(three->batch->evaluationId(*three->record), "");
    }

    void pollingPicksUpNewRowsInSqlite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"events.db"_s);
        std::unique_ptr<SqlConnection> writer = createSqliteConnection(path, SqliteMode::Create);
        QVERIFY(!writer->open().isError());
        QVERIFY(
            writer
                ->exec(
                    u"CREATE TABLE events (id INTEGER PRIMARY KEY, evaluation_id TEXT, type TEXT NOT NULL, "
                    "category TEXT NOT NULL, severity TEXT NOT NULL, ts TEXT NOT NULL, data TEXT)"_s)
                .ok());
        const QString insert = u"INSERT INTO events VALUES (?1, ?2, ?3, ?4, 'error', ?5, '{}')"_s;
        QVERIFY(
            writer->exec(insert, {1, u"e1"_s, u"a.b"_s, u"security"_s, u"2026-01-01T00:00:00.000Z"_s}).ok());
        WorkspaceProfile profile = emptyProfile();
        profile.sqlitePath = path;
        profile.live.poll = LiveSettings::Poll::Auto;
        profile.live.pollIntervalMs = 100;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Poll, LiveSourceStatus::State::Live), 10000);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // ts as the demo writes it (text) and as another writer might (Unix seconds, a number).
        QVERIFY(
            writer->exec(insert, {2, u"e2"_s, u"c.d"_s, u"security"_s, Sightline::formatTimestampUtc(now)})
                .ok());
        QVERIFY(writer
                    ->exec(u"INSERT INTO events VALUES (3, 'e3', 'e.f', 'research', 'info', ?1, NULL)"_s,
                           {now / 1000})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 2, 10000);
        const Collector::Ref *two = collector.findId(2);
        const Collector::Ref *three = collector.findId(3);
        QVERIFY(two && three);
        QCOMPARE(two->record->timestamp, now);
        QCOMPARE(two->record->severity, EventSeverity::Error);
        QCOMPARE(two->record->flags, quint8(0));
        QCOMPARE(three->record->timestamp, now / 1000 * 1000);
        QCOMPARE(three->batch->type(*three->record), "e.f");
        QVERIFY(!collector.findId(1));

        // Regression: a row committed after a larger id (two writers) was never read, because
        // polling resumed after the largest id seen. Rows are read again, but handed on once.
        const QString ts = Sightline::formatTimestampUtc(now);
        QVERIFY(writer->exec(insert, {10, u"e10"_s, u"g.h"_s, u"storage"_s, ts}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 3, 10000);
        QVERIFY(writer->exec(insert, {7, u"e7"_s, u"late.commit"_s, u"storage"_s, ts}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 4, 10000);
        QVERIFY(collector.findId(7));
        QTest::qWait(500); // several more polls over the same rows
        QCOMPARE(collector.records, 4);
        QCOMPARE(hub.counters().duplicates, 0);
        QVERIFY(!collector.findId(1)); // before the start: history, not live
    }

    // A table that is not there (yet): the poll source keeps retrying with the database's words.
    void missingEventsTableIsRetried()
    {
        const QString table = uniqueName(u"live_missing"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.live.poll = LiveSettings::Poll::Always;
        profile.live.pollIntervalMs = 50;
        profile.schema.eventsTable = table;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Poll, LiveSourceStatus::State::Retrying),
                                 10000);
        const LiveSourceStatus status = hub.statuses().constFirst();
        QVERIFY2(status.message.startsWith(u"Events table unreachable — retrying"_s),
                 qPrintable(status.message));
        QVERIFY2(status.message.contains(u"does not exist"_s), qPrintable(status.message));

        // Once it exists, polling goes live and picks up what is inserted after that.
        QVERIFY(m_seed.createEventsTable(table));
        m_tables.append(table);
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Poll, LiveSourceStatus::State::Live), 10000);
        QVERIFY(
            m_seed.insertEvent(table, 1, u"e"_s, u"t"_s, u"security"_s, QDateTime::currentMSecsSinceEpoch()));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 1, 10000);
        QVERIFY(collector.opened.isEmpty()); // never live before: nothing was missed
    }

    void terminatedListenReconnects()
    {
        const QString channel = uniqueName(u"live_term"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.live.postgresChannel = channel;
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Postgres, LiveSourceStatus::State::Live),
                                 10000);
        const SqlResult killed = m_seed.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                             "WHERE application_name = 'sightline-live' AND query LIKE $1"_s,
                                             {QString(u"%"_s + channel + u"%"_s)});
        QVERIFY(killed.ok());
        QCOMPARE(killed.rows.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(collector.sawState(LiveSource::Postgres, LiveSourceStatus::State::Retrying),
                                 10000);
        for (const LiveSourceStatus &status : std::as_const(collector.statuses))
            if (status.state == LiveSourceStatus::State::Retrying)
                QVERIFY2(status.message.startsWith(u"PostgreSQL disconnected — retrying"_s) &&
                             status.message.contains(u"terminating connection"_s) &&
                             !status.message.contains(u'\n'),
                         qPrintable(status.message));
        QTRY_COMPARE_WITH_TIMEOUT(collector.countState(LiveSource::Postgres, LiveSourceStatus::State::Live),
                                  2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(collector.closed.size(), 1, 5000);
        QCOMPARE(collector.opened.size(), 1);
        QCOMPARE(collector.closed.constFirst().source, LiveSource::Postgres);
        QVERIFY(m_seed.notify(channel, platformEvent(7, QDateTime::currentMSecsSinceEpoch())));
        QTRY_COMPARE_WITH_TIMEOUT(collector.records, 1, 10000);
        QVERIFY(collector.findId(7));
    }

    void badCredentialsKeepRetryingWithTheServersError()
    {
        QUrl url(postgresUrl());
        url.setUserName(u"sightline_pw"_s);
        url.setPassword(u"wrong-password"_s);
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = url.toString();
        profile.live.postgresChannel = uniqueName(u"live_auth"_s);
        LiveEventHub hub(profile, fastOptions());
        Collector collector(hub);
        hub.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            collector.countState(LiveSource::Postgres, LiveSourceStatus::State::Retrying) >= 2, 10000);
        const LiveSourceStatus status = hub.statuses().constFirst();
        QVERIFY2(status.message.contains(u"password authentication failed"_s), qPrintable(status.message));
        QVERIFY2(!status.message.contains(u"wrong-password"_s), "the message shows the password");
        QVERIFY2(!status.description.contains(u"wrong-password"_s), "the description shows the password");
    }

    void loadOlderReadsBackToTheStart()
    {
        const QString table = uniqueName(u"live_history"_s);
        QVERIFY(m_seed.createEventsTable(table));
        m_tables.append(table);
        const qint64 ts = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000; // an hour ago: not "skewed"
        for (qint64 id = 1; id <= 25; ++id)
            QVERIFY(m_seed.insertEvent(table, id, u"eval-%1"_s.arg(id), u"t"_s, u"research"_s, ts + id));
        WorkspaceProfile profile = emptyProfile();
        profile.postgresUrl = postgresUrl();
        profile.schema.eventsTable = table;
        LiveEventHub hub(profile, fastOptions());
        QVERIFY(hub.hasHistory());
        auto ids = [](const LiveHistoryResult &result) {
            QList<qint64> list;
            if (result.batch)
                for (const LiveEventRecord &r : result.batch->records())
                    list.append(r.id);
            return list;
        };
        auto range = [](qint64 from, qint64 to) {
            QList<qint64> list;
            for (qint64 id = from; id <= to; ++id)
                list.append(id);
            return list;
        };
        const LiveHistoryResult newest = await(hub.loadOlder(0, 10));
        QVERIFY2(newest.error.isEmpty(), qPrintable(newest.error));
        QCOMPARE(ids(newest), range(16, 25));
        QVERIFY(!newest.reachedStart);
        const LiveEventRecord &first = newest.batch->at(0);
        QCOMPARE(first.source, LiveSource::History);
        QCOMPARE(first.timestamp, ts + 16);
        QCOMPARE(first.flags, quint8(0));
        QCOMPARE(newest.batch->evaluationId(first), "eval-16");
        const LiveHistoryResult middle = await(hub.loadOlder(16, 10));
        QCOMPARE(ids(middle), range(6, 15));
        QVERIFY(!middle.reachedStart);
        const LiveHistoryResult oldest = await(hub.loadOlder(6, 10));
        QCOMPARE(ids(oldest), range(1, 5));
        QVERIFY(oldest.reachedStart);

        WorkspaceProfile missing = profile;
        missing.schema.eventsTable = uniqueName(u"no_such_table"_s);
        LiveEventHub broken(missing, fastOptions());
        const LiveHistoryResult failed = await(broken.loadOlder(0, 10));
        QVERIFY(!failed.error.isEmpty());
        QVERIFY(!failed.batch);
    }

private:
    SeedPostgres m_seed;
    QStringList m_tables;
};

QTEST_GUILESS_MAIN(TestLiveHubPostgres)
#include "tst_livehub_postgres.moc"
