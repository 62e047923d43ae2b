#pragma once

// Helpers for the Live Events source tests: a raw Redis client of the test's own (PUBLISH,
// pipelined at full speed, and CLIENT KILL), PostgreSQL writes through the seed URL (NOTIFY,
// a scratch events table), and a collector for the hub's batches. Sightline's own code never
// writes to a server; these helpers do, to the test servers only.

#include "serverskip.h"
#include "sources/live/liveeventhub.h"
#include "sources/redis/respreader.h"
#include "sources/sqlconnection.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <memory>

namespace LiveTest {

using namespace Sightline;

// A name no other test run uses: channels, tables.
inline QString uniqueName(const QString &prefix)
{
    return prefix + u'_' + QString::number(QDateTime::currentMSecsSinceEpoch()) + u'_' +
           QString::number(QRandomGenerator::global()->bounded(1000000));
}

// A blocking Redis client for the test thread.
class RawRedis
{
public:
    bool connect(const QString &url)
    {
        const QUrl parsed(url);
        m_socket.connectToHost(parsed.host(), quint16(parsed.port(6379)));
        return m_socket.waitForConnected(5000);
    }
    // Sends all commands in one write and reads as many replies.
    QList<RespValue> pipeline(const QList<QList<QByteArray>> &commands)
    {
        QByteArray out;
        for (const QList<QByteArray> &command : commands)
            out += encodeCommand(command);
        return send(out, commands.size());
    }
    RespValue command(const QList<QByteArray> &args)
    {
        const QList<RespValue> replies = pipeline({args});
        return replies.isEmpty() ? RespValue{} : replies.constFirst();
    }
    // Sends pre-encoded bytes holding `count` commands and reads `count` replies.
    QList<RespValue> send(const QByteArray &bytes, qsizetype count)
    {
        QList<RespValue> replies;
        m_socket.write(bytes);
        while (replies.size() < count) {
            while (replies.size() < count) {
                std::optional<RespValue> value = m_reader.take();
                if (!value)
                    break;
                replies.append(std::move(*value));
            }
            if (replies.size() == count || m_reader.hasError())
                break;
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(10000))
                break;
            m_reader.feed(m_socket.readAll());
        }
        return replies;
    }
    // PUBLISH each payload to channel; the number of receivers the server reports, summed.
    qint64 publish(const QByteArray &channel, const QList<QByteArray> &payloads)
    {
        QByteArray out;
        for (const QByteArray &payload : payloads)
            out += encodeCommand({"PUBLISH", channel, payload});
        qint64 receivers = 0;
        for (const RespValue &reply : send(out, payloads.size()))
            receivers += reply.integer;
        return receivers;
    }

private:
    QTcpSocket m_socket;
    RespReader m_reader;
};

// PostgreSQL through the seed URL (superuser): DDL, INSERT, NOTIFY, pg_terminate_backend.
class SeedPostgres
{
public:
    bool open()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_SEED_URL");
        if (url.isEmpty())
            return false;
        m_conn = createPostgresConnection(url, /*readOnly*/ false);
        return !m_conn->open().isError();
    }
    SqlResult exec(const QString &sql, const QVariantList &params = {}) { return m_conn->exec(sql, params); }
    bool ok(const QString &sql, const QVariantList &params = {})
    {
        const SqlResult result = exec(sql, params);
        if (!result.ok())
            qWarning("%s: %s", qPrintable(sql), qPrintable(result.error.message));
        return result.ok();
    }
    bool notify(const QString &channel, const QByteArray &payload)
    {
        return ok(QStringLiteral("SELECT pg_notify($1, $2)"), {channel, QString::fromUtf8(payload)});
    }
    // An events table of the platform's layout (DESIGN.md §4) under a name of the test's own.
    bool createEventsTable(const QString &table)
    {
        return ok(QStringLiteral(
                      "CREATE TABLE %1 (id BIGSERIAL PRIMARY KEY, evaluation_id TEXT, type TEXT NOT NULL, "
                      "category TEXT NOT NULL, severity TEXT NOT NULL, ts TIMESTAMPTZ NOT NULL, "
                      "data JSONB)")
                      .arg(quoteIdentifier(table))) &&
               ok(QStringLiteral("GRANT SELECT ON %1 TO sightline").arg(quoteIdentifier(table)));
    }
    bool insertEvent(const QString &table, qint64 id, const QString &evaluationId, const QString &type,
                     const QString &category, qint64 tsMs)
    {
        return ok(
            QStringLiteral("INSERT INTO %1 (id, evaluation_id, type, category, severity, ts, data) VALUES "
                           "($1, $2, $3, $4, 'info', to_timestamp($5::double precision / 1000), "
                           "'{\"n\": 1}')")
                .arg(quoteIdentifier(table)),
            {id, evaluationId, type, category, tsMs});
    }

private:
    std::unique_ptr<SqlConnection> m_conn;
};

// Everything the hub hands over, kept in order.
class Collector : public QObject
{
public:
    explicit Collector(LiveEventHub &hub)
    {
        QObject::connect(&hub, &LiveEventHub::batchReady, this, [this](const LiveEventBatchPtr &batch) {
            ++batches;
            held.append(batch);
            for (const LiveEventRecord &r : batch->records()) {
                ++records;
                byId[r.id] += 1;
                refs.append({batch.get(), &r});
            }
        });
        QObject::connect(&hub, &LiveEventHub::statusChanged, this,
                         [this](const LiveSourceStatus &status) { statuses.append(status); });
        QObject::connect(&hub, &LiveEventHub::gapOpened, this,
                         [this](const LiveGap &gap) { opened.append(gap); });
        QObject::connect(&hub, &LiveEventHub::gapClosed, this,
                         [this](const LiveGap &gap) { closed.append(gap); });
    }
    struct Ref
    {
        const LiveEventBatch *batch;
        const LiveEventRecord *record;
    };
    bool sawState(LiveSource source, LiveSourceStatus::State state) const
    {
        for (const LiveSourceStatus &status : statuses)
            if (status.source == source && status.state == state)
                return true;
        return false;
    }
    qsizetype countState(LiveSource source, LiveSourceStatus::State state) const
    {
        qsizetype n = 0;
        for (const LiveSourceStatus &status : statuses)
            n += status.source == source && status.state == state;
        return n;
    }
    // The first record whose type (or, for unparseable ones, reason) contains `text`.
    const Ref *findType(QByteArrayView text) const
    {
        for (const Ref &ref : refs)
            if (ref.batch->type(*ref.record).contains(text))
                return &ref;
        return nullptr;
    }
    const Ref *findId(qint64 id) const
    {
        for (const Ref &ref : refs)
            if (ref.record->id == id)
                return &ref;
        return nullptr;
    }

    QList<LiveEventBatchPtr> held;
    QList<Ref> refs;
    QHash<qint64, int> byId;
    qint64 batches = 0;
    qint64 records = 0;
    QList<LiveSourceStatus> statuses;
    QList<LiveGap> opened;
    QList<LiveGap> closed;
};

// A profile with no source at all; tests switch on what they need.
inline WorkspaceProfile emptyProfile()
{
    WorkspaceProfile profile;
    profile.name = QStringLiteral("live-test");
    profile.live.redisChannels.clear();
    profile.live.redisPatterns.clear();
    profile.live.postgresChannel.clear();
    profile.live.poll = LiveSettings::Poll::Never;
    profile.timeoutSeconds = 5;
    return profile;
}

inline LiveEventHub::Options fastOptions()
{
    LiveEventHub::Options options;
    options.batchIntervalMs = 100;
    options.initialBackoffMs = 200;
    options.maxBackoffMs = 1600;
    return options;
}

} // namespace LiveTest
