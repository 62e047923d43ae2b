// The event publisher behind `sightline seed --publish`, against the real Redis and PostgreSQL:
// every event reaches a subscriber (and a LISTEN connection), as valid platform JSON, with the
// same ids as the rows it inserted.

#include "app/seedcommand.h"
#include "core/datagenerator.h"
#include "core/timestamp.h"
#include "serverskip.h"
#include "sources/livepublish/liveeventpublisher.h"
#include "sources/redis/redisurl.h"
#include "sources/redis/respreader.h"
#include "sources/sqlconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {

// A raw subscriber: the test's own view of what reached Redis' subscribers.
class Subscriber
{
public:
    bool open(const QString &urlText, const QByteArray &channel)
    {
        const RedisUrl url = RedisUrl::parse(urlText);
        m_socket.connectToHost(url.host, url.port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write(encodeCommand({"SUBSCRIBE", channel}));
        // The subscription is confirmed before anything is published.
        const QList<RespValue> confirmation = take(1, 5000);
        return confirmation.size() == 1 && confirmation.constFirst().elements.value(0).data == "subscribe";
    }
    // Up to `count` pushes, waiting at most timeoutMs.
    QList<RespValue> take(qsizetype count, int timeoutMs)
    {
        QList<RespValue> values;
        const QDeadlineTimer deadline(timeoutMs);
        while (values.size() < count && !deadline.hasExpired()) {
            while (values.size() < count) {
                std::optional<RespValue> value = m_reader.take();
                if (!value)
                    break;
                values.append(std::move(*value));
            }
            if (values.size() < count && m_socket.waitForReadyRead(50))
                m_reader.feed(m_socket.readAll());
        }
        return values;
    }
    // The payloads of `count` messages.
    QList<QByteArray> messages(qsizetype count, int timeoutMs = 20000)
    {
        QList<QByteArray> payloads;
        for (const RespValue &value : take(count, timeoutMs)) {
            if (value.elements.size() == 3 && value.elements.at(0).data == "message")
                payloads.append(value.elements.at(2).data);
        }
        return payloads;
    }

private:
    QTcpSocket m_socket;
    RespReader m_reader;
};

const QSet<QString> KnownCategories{u"research"_s, u"storage"_s, u"infrastructure"_s, u"security"_s};
const QSet<QString> KnownSeverities{u"info"_s, u"warning"_s, u"error"_s, u"critical"_s};

// Whether a message is a platform event with every field (DESIGN.md §4) and a plausible time;
// fills `object` when it is JSON at all.
bool isGoodEvent(const QByteArray &payload, QJsonObject *object = nullptr)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject o = document.object();
    if (object)
        *object = o;
    if (!o.value(u"id"_s).isDouble() || !o.value(u"type"_s).isString() || !o.contains(u"evaluation_id"_s) ||
        !o.contains(u"data"_s))
        return false;
    if (!KnownCategories.contains(o.value(u"category"_s).toString()) ||
        !KnownSeverities.contains(o.value(u"severity"_s).toString()))
        return false;
    const Timestamp ts = parseTimestamp(o.value(u"ts"_s).toString());
    return ts && qAbs(*ts - QDateTime::currentMSecsSinceEpoch()) < 300000;
}

QString uniqueName(const char *what)
{
    return u"%1_%2_%3"_s.arg(QString::fromLatin1(what))
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch() % 1000000);
}

// Runs the seed command with stderr captured: the exit code, and what it printed.
int runSeedCapturing(const QStringList &arguments, QString *printed)
{
    QTemporaryFile capture;
    if (!capture.open())
        return -1;
    std::fflush(stderr);
    const int saved = ::dup(2);
    ::dup2(capture.handle(), 2);
    const int status = runSeedCommand(arguments);
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    capture.seek(0);
    *printed = QString::fromLocal8Bit(capture.readAll());
    return status;
}

} // namespace

class TestLivePublisher : public QObject
{
    Q_OBJECT

private:
    QString m_redisUrl;
    QString m_postgresUrl;
    QString m_schema;

    bool requireRedis()
    {
        m_redisUrl = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        return !m_redisUrl.isEmpty();
    }

private Q_SLOTS:
    void redisSubscriberReceivesEveryEvent()
    {
        if (!requireRedis())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set (run under scripts/lib/redis.sh)");
        const QByteArray channel = uniqueName("events").toUtf8();
        Subscriber subscriber;
        QVERIFY(subscriber.open(m_redisUrl, channel));

        LivePublishOptions options;
        options.redisUrl = m_redisUrl;
        options.redisChannel = channel;
        options.rate = 20000;
        options.count = 3000;
        options.firstId = 5'000'000'000LL;
        options.generator.seed = 7;
        options.generator.evaluationCount = 400;
        LiveEventPublisher publisher(options);
        const LivePublishResult result = publisher.run();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.published, 3000);
        QCOMPARE(result.redisAcknowledged, 3000);
        QCOMPARE(result.redisUnheard, 0); // our subscriber heard every one
        QCOMPARE(result.firstId, 5'000'000'000LL);
        QCOMPARE(result.lastId, 5'000'002'999LL);

        QSet<QString> seededIds;
        for (qint64 i = 0; i < options.generator.evaluationCount; ++i)
            seededIds.insert(EvaluationDataGenerator::evaluationId(7, i));
        const QList<QByteArray> payloads = subscriber.messages(3000);
        QCOMPARE(payloads.size(), 3000);
        QSet<qint64> ids;
        QSet<QString> types;
        int platformWide = 0;
        for (const QByteArray &payload : payloads) {
            QJsonObject event;
            QVERIFY2(isGoodEvent(payload, &event), payload.constData());
            ids.insert(event.value(u"id"_s).toInteger());
            types.insert(event.value(u"type"_s).toString());
            if (event.value(u"evaluation_id"_s).isNull())
                ++platformWide;
            else
                QVERIFY2(seededIds.contains(event.value(u"evaluation_id"_s).toString()), payload.constData());
        }
        QCOMPARE(ids.size(), 3000);
        QCOMPARE(*std::min_element(ids.cbegin(), ids.cend()), 5'000'000'000LL);
        QCOMPARE(*std::max_element(ids.cbegin(), ids.cend()), 5'000'002'999LL);
        // Realistic: the lifecycle's types, and a small share of platform-wide events.
        QVERIFY(types.contains(u"evaluation.queued"_s));
        QVERIFY(types.contains(u"container.created"_s));
        QVERIFY(types.contains(u"evaluation.completed"_s));
        QVERIFY(platformWide > 0);
        QVERIFY(platformWide < 300);
    }

    void badShareSendsCountedBadMessages()
    {
        if (!requireRedis())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set (run under scripts/lib/redis.sh)");
        const QByteArray channel = uniqueName("bad").toUtf8();
        Subscriber subscriber;
        QVERIFY(subscriber.open(m_redisUrl, channel));
        LivePublishOptions options;
        options.redisUrl = m_redisUrl;
        options.redisChannel = channel;
        options.rate = 50000;
        options.count = 2000;
        options.badShare = 0.2;
        LiveEventPublisher publisher(options);
        const LivePublishResult result = publisher.run();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const QList<QByteArray> payloads = subscriber.messages(2000);
        QCOMPARE(payloads.size(), 2000);
        qint64 bad = 0;
        bool notJson = false;
        bool unknownCategory = false;
        for (const QByteArray &payload : payloads) {
            QJsonObject event;
            if (isGoodEvent(payload, &event))
                continue;
            ++bad;
            if (event.isEmpty())
                notJson = true;
            else if (event.contains(u"category"_s) &&
                     !KnownCategories.contains(event.value(u"category"_s).toString()))
                unknownCategory = true;
        }
        QCOMPARE(bad, result.bad);
        QVERIFY(bad > 200);
        QVERIFY(bad < 600);
        QVERIFY(notJson);
        QVERIFY(unknownCategory);
    }

    void postgresRowsMatchNotificationsAndRedis()
    {
        if (!requireRedis())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set (run under scripts/lib/redis.sh)");
        m_postgresUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_SEED_URL");
        if (m_postgresUrl.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_POSTGRES_SEED_URL is not set (run under scripts/lib/postgres.sh)");
        // A schema of our own, so the tests that read sightline_test's events are not disturbed.
        m_schema = uniqueName("livepub");
        auto admin = createPostgresConnection(m_postgresUrl, /*readOnly=*/false);
        QVERIFY2(!admin->open().isError(), "cannot connect to PostgreSQL");
        for (const QString &sql :
             {u"CREATE SCHEMA %1"_s.arg(m_schema),
              u"CREATE TABLE %1.events (id BIGSERIAL PRIMARY KEY, evaluation_id TEXT, type TEXT NOT NULL, "
              u"category TEXT NOT NULL, severity TEXT NOT NULL, ts TIMESTAMPTZ NOT NULL, data JSONB)"_s.arg(
                  m_schema),
              u"CREATE TABLE %1.evaluations (id TEXT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL)"_s.arg(
                  m_schema),
              u"INSERT INTO %1.evaluations VALUES ('ev-aaaaaaaaaaaa', now()), ('ev-bbbbbbbbbbbb', now())"_s
                  .arg(m_schema),
              // Rows already there: published ids must continue past them.
              u"INSERT INTO %1.events (type, category, severity, ts) SELECT 'x', 'research', 'info', now() "
              u"FROM generate_series(1, 10)"_s.arg(m_schema)}) {
            const SqlResult r = admin->exec(sql);
            QVERIFY2(r.ok(), qPrintable(r.error.message));
        }

        const QString pgChannel = uniqueName("notify");
        PGconn *listener = PQconnectdb(m_postgresUrl.toUtf8().constData());
        QVERIFY(PQstatus(listener) == CONNECTION_OK);
        const QByteArray listen = "LISTEN " + pgChannel.toUtf8();
        PQclear(PQexec(listener, listen.constData()));

        const QByteArray channel = uniqueName("both").toUtf8();
        Subscriber subscriber;
        QVERIFY(subscriber.open(m_redisUrl, channel));
        LivePublishOptions options;
        options.redisUrl = m_redisUrl;
        options.redisChannel = channel;
        options.postgresUrl = m_postgresUrl;
        options.postgresChannel = pgChannel;
        options.eventsTable = m_schema + u".events"_s;
        options.evaluationsTable = m_schema + u".evaluations"_s;
        options.rate = 5000;
        options.count = 800;
        LiveEventPublisher publisher(options);
        const LivePublishResult result = publisher.run();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.postgresRows, 800);

        QSet<qint64> notified;
        const QDeadlineTimer deadline(20000);
        while (notified.size() < 800 && !deadline.hasExpired()) {
            pollfd p{PQsocket(listener), POLLIN, 0};
            ::poll(&p, 1, 100);
            PQconsumeInput(listener);
            while (PGnotify *n = PQnotifies(listener)) {
                QJsonObject event;
                QVERIFY2(isGoodEvent(QByteArray(n->extra), &event), n->extra);
                notified.insert(event.value(u"id"_s).toInteger());
                PQfreemem(n);
            }
        }
        PQfinish(listener);
        QCOMPARE(notified.size(), 800);

        const SqlResult rows =
            admin->exec(u"SELECT id, evaluation_id FROM %1.events WHERE id > 10"_s.arg(m_schema));
        QVERIFY(rows.ok());
        QSet<qint64> inserted;
        for (const QVariantList &row : rows.rows) {
            inserted.insert(row.at(0).toLongLong());
            const QString evaluation = row.at(1).toString();
            QVERIFY2(row.at(1).isNull() || evaluation == u"ev-aaaaaaaaaaaa"_s ||
                         evaluation == u"ev-bbbbbbbbbbbb"_s,
                     qPrintable(evaluation));
        }
        QCOMPARE(inserted, notified);

        QSet<qint64> heard;
        for (const QByteArray &payload : subscriber.messages(800)) {
            QJsonObject event;
            QVERIFY(isGoodEvent(payload, &event));
            heard.insert(event.value(u"id"_s).toInteger());
        }
        QCOMPARE(heard, notified); // the same event carries the same id to both
    }

    void seedCommandPublishes()
    {
        if (!requireRedis())
            SIGHTLINE_SKIP_OR_FAIL("SIGHTLINE_TEST_REDIS_URL is not set (run under scripts/lib/redis.sh)");
        const QByteArray channel = uniqueName("seed").toUtf8();
        Subscriber subscriber;
        QVERIFY(subscriber.open(m_redisUrl, channel));
        QString printed;
        const int status =
            runSeedCapturing({u"--publish"_s, u"10000"_s, u"--redis"_s, m_redisUrl, u"--channel"_s,
                              QString::fromUtf8(channel), u"--publish-count"_s, u"500"_s},
                             &printed);
        QVERIFY2(status == 0, qPrintable(printed));
        QVERIFY2(printed.contains(u"published 500 events"_s), qPrintable(printed));
        const QList<QByteArray> payloads = subscriber.messages(500);
        QCOMPARE(payloads.size(), 500);
        for (const QByteArray &payload : payloads)
            QVERIFY2(isGoodEvent(payload), payload.constData());
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString url = u"redis://127.0.0.1:1/0"_s;
        QTest::newRow("no target") << QStringList{u"--publish"_s, u"100"_s}
                                   << u"--redis URL and/or --postgres"_s;
        QTest::newRow("zero rate") << QStringList{u"--publish"_s, u"0"_s, u"--redis"_s, url}
                                   << u"--publish needs"_s;
        QTest::newRow("rate not a number")
            << QStringList{u"--publish"_s, u"fast"_s, u"--redis"_s, url} << u"--publish needs"_s;
        QTest::newRow("negative count")
            << QStringList{u"--publish"_s, u"10"_s, u"--redis"_s, url, u"--publish-count"_s, u"-5"_s}
            << u"--publish-count"_s;
        QTest::newRow("bad share") << QStringList{u"--publish"_s,           u"10"_s, u"--redis"_s, url,
                                                  u"--publish-bad-share"_s, u"2"_s}
                                   << u"--publish-bad-share"_s;
        QTest::newRow("not a redis url")
            << QStringList{u"--publish"_s, u"10"_s, u"--redis"_s, u"http://x"_s} << u"redis"_s;
        QTest::newRow("password in url")
            << QStringList{u"--publish"_s, u"10"_s, u"--redis"_s, u"redis://u:secret@127.0.0.1:1/0"_s}
            << u"REDISCLI_AUTH"_s;
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QString printed;
        QCOMPARE(runSeedCapturing(arguments, &printed), 2);
        QVERIFY2(printed.contains(message), qPrintable(printed));
        QVERIFY2(!printed.contains(u"secret"_s), qPrintable(printed));
    }

    void unreachableRedisFails()
    {
        // A port nothing listens on: a message and exit code 1, not a hang.
        QString printed;
        QCOMPARE(runSeedCapturing({u"--publish"_s, u"10"_s, u"--redis"_s, u"redis://127.0.0.1:1/0"_s,
                                   u"--publish-count"_s, u"5"_s},
                                  &printed),
                 1);
        QVERIFY2(printed.contains(u"127.0.0.1:1"_s), qPrintable(printed));
    }

    void cleanupTestCase()
    {
        if (m_schema.isEmpty())
            return;
        auto admin = createPostgresConnection(m_postgresUrl, /*readOnly=*/false);
        if (!admin->open().isError())
            admin->exec(u"DROP SCHEMA %1 CASCADE"_s.arg(m_schema));
    }
};

QTEST_GUILESS_MAIN(TestLivePublisher)
#include "tst_livepublisher.moc"
