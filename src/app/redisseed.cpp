#include "redisseed.h"

#include "sources/redis/respreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

quint64 mix(quint64 x)
{
    // splitmix64: cheap, and the same on every platform.
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Buffers the stream and writes it in large blocks: a million commands are ~100 MB.
class ProtocolWriter
{
public:
    explicit ProtocolWriter(const QString &path)
        : m_file(path)
    {
    }
    QString open()
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return u"Cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        return {};
    }
    void add(const QList<QByteArray> &command)
    {
        m_buffer += encodeCommand(command);
        ++m_commands;
        if (m_buffer.size() > 4 * 1024 * 1024)
            flush();
    }
    void flush()
    {
        if (m_file.write(m_buffer) != m_buffer.size() && m_error.isEmpty())
            m_error = u"Cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        m_buffer.clear();
    }
    QString finish()
    {
        flush();
        m_file.close();
        return m_error;
    }
    qint64 commands() const { return m_commands; }

private:
    QFile m_file;
    QByteArray m_buffer;
    QString m_error;
    qint64 m_commands = 0;
};

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

// Keys whose names and values a person cannot simply print: invalid UTF-8, control bytes, NUL.
void addBinaryKeys(ProtocolWriter &out, qint64 &keys)
{
    QByteArray allBytes;
    for (int b = 0; b < 256; ++b)
        allBytes.append(char(b));
    out.add({"SET", QByteArray("bin:\xff\xfe-not-utf8"), "invalid UTF-8 in the name"});
    out.add({"SET", QByteArray("bin:caf\xe9-latin1"), "Latin-1 e-acute in the name"});
    out.add({"SET", QByteArray("bin:ctrl\x01\x02\t\n"), "control characters in the name"});
    out.add({"SET", QByteArray("bin:nul\0inside", 14), "a NUL byte in the name"});
    out.add({"SET", "bin:all-bytes-value", allBytes});
    out.add({"HSET", QByteArray("bin:hash\xff"), QByteArray("field\xfe"), allBytes});
    keys += 6;
}

} // namespace

RedisSeedResult writeRedisEvaluationProtocol(const QString &path, const GeneratorOptions &options,
                                             const std::atomic<bool> *cancel)
{
    RedisSeedResult result;
    ProtocolWriter out(path);
    if (result.error = out.open(); !result.error.isEmpty())
        return result;
    GeneratorOptions generatorOptions = options;
    generatorOptions.generateFileContent = false;
    const EvaluationDataGenerator generator(generatorOptions);

    QList<QByteArray> queue{"RPUSH", "queue:evaluations"};
    QList<QByteArray> workers{"SADD", "workers:active"};
    QList<QByteArray> leaderboard{"ZADD", "leaderboard:duration"};
    QList<EvaluationEvent> recentEvents;
    const qint64 count = options.evaluationCount;
    // The stream holds the events of the newest evaluations, as the platform's capped stream would.
    const qint64 streamFrom = qMax<qint64>(0, count - 300);
    for (qint64 i = 0; i < count; ++i) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            out.finish();
            return result;
        }
        const GeneratedEvaluation evaluation = generator.evaluation(i);
        const EvaluationRow &row = evaluation.detail.row;
        const QByteArray id = utf8(row.id);
        const quint64 r = mix(options.seed * 1000003u + quint64(i));
        QJsonObject result_;
        result_.insert(u"id"_s, row.id);
        result_.insert(u"status"_s, statusName(row.status));
        if (row.exitCode)
            result_.insert(u"exit_code"_s, *row.exitCode);
        if (!evaluation.detail.output.isEmpty())
            result_.insert(u"output"_s, evaluation.detail.output.left(2000));
        if (!evaluation.detail.outputLocation.isEmpty())
            result_.insert(u"output_location"_s, evaluation.detail.outputLocation);
        QList<QByteArray> set{"SET", "eval:" + id + ":result",
                              QJsonDocument(result_).toJson(QJsonDocument::Compact)};
        // Most cached results expire: between 10 minutes and a day.
        if (r % 10 != 0)
            set += {"EX", QByteArray::number(600 + qint64((r >> 8) % 85800))};
        out.add(set);
        QList<QByteArray> status{"HSET",   "eval:" + id + ":status", "status", utf8(statusName(row.status)),
                                 "engine", utf8(row.engine)};
        if (!row.workerId.isEmpty())
            status += {"worker_id", utf8(row.workerId)};
        if (row.createdAt)
            status += {"created_at", QByteArray::number(*row.createdAt)};
        if (row.startedAt)
            status += {"started_at", QByteArray::number(*row.startedAt)};
        if (row.completedAt)
            status += {"completed_at", QByteArray::number(*row.completedAt)};
        out.add(status);
        result.keys += 2;

        if (row.status == EvaluationStatus::Queued || row.status == EvaluationStatus::Provisioning)
            queue.append(id);
        if (row.status == EvaluationStatus::Running && !row.workerId.isEmpty())
            workers.append(utf8(row.workerId));
        if (row.status == EvaluationStatus::Completed && row.durationSeconds)
            leaderboard += {QByteArray::number(*row.durationSeconds, 'f', 3), id};
        if (i >= streamFrom)
            recentEvents += evaluation.events;
        for (QList<QByteArray> *batch : {&queue, &workers, &leaderboard}) {
            if (batch->size() >= 1002) {
                out.add(*batch);
                batch->resize(2);
            }
        }
    }
    qint64 containerKeys = 0;
    for (QList<QByteArray> *batch : {&queue, &workers, &leaderboard}) {
        if (batch->size() > 2)
            out.add(*batch);
    }
    containerKeys = 3;
    std::sort(recentEvents.begin(), recentEvents.end(),
              [](const EvaluationEvent &a, const EvaluationEvent &b) { return a.timestamp < b.timestamp; });
    for (const EvaluationEvent &event : std::as_const(recentEvents)) {
        out.add({"XADD", "events:recent", "*", "type", utf8(event.type), "evaluation_id",
                 utf8(event.evaluationId), "category", utf8(categoryName(event.category)), "severity",
                 utf8(severityName(event.severity)), "ts", QByteArray::number(event.timestamp), "data",
                 utf8(event.data)});
    }
    if (!recentEvents.isEmpty())
        ++containerKeys;
    result.keys += containerKeys;
    addBinaryKeys(out, result.keys);
    result.commands = out.commands();
    result.error = out.finish();
    return result;
}

RedisSeedResult writeRedisBenchProtocol(const QString &path, qint64 keys, quint64 seed,
                                        const std::atomic<bool> *cancel)
{
    RedisSeedResult result;
    ProtocolWriter out(path);
    if (result.error = out.open(); !result.error.isEmpty())
        return result;
    static const char *const namespaces[] = {"user",  "session", "cache:page", "cache:api", "eval",
                                             "queue", "job",     "metric",     "feature",   "lock"};
    const QByteArray filler(48, 'x');
    for (qint64 i = 0; i < keys; ++i) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            out.finish();
            return result;
        }
        const quint64 r = mix(seed * 7919u + quint64(i));
        const QByteArray key = QByteArray(namespaces[r % 10]) + ':' + QByteArray::number(i, 16);
        const quint64 kind = (r >> 8) % 100;
        if (kind < 70) {
            out.add({"SET", key, QByteArray::number(r) + filler});
        } else if (kind < 80) {
            out.add({"HSET", key, "a", QByteArray::number(r), "b", filler});
        } else if (kind < 88) {
            out.add({"RPUSH", key, "1", "2", QByteArray::number(r)});
        } else if (kind < 94) {
            out.add({"SADD", key, "x", "y", QByteArray::number(r)});
        } else if (kind < 99) {
            out.add({"ZADD", key, "1", "a", "2", QByteArray::number(r)});
        } else {
            out.add({"XADD", key, "*", "n", QByteArray::number(r)});
        }
        if ((r >> 20) % 2 == 0)
            out.add({"PEXPIRE", key, QByteArray::number(3600000 + qint64((r >> 24) % 86400000))});
        ++result.keys;
    }
    result.commands = out.commands();
    result.error = out.finish();
    return result;
}

int runRedisSeed(const QString &path, const QString &benchKeys, const GeneratorOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    RedisSeedResult result;
    if (!benchKeys.isEmpty()) {
        bool ok = false;
        const qint64 keys = benchKeys.toLongLong(&ok);
        if (!ok || keys < 0) {
            std::fputs("sightline seed: --redis-keys needs a number >= 0\n", stderr);
            return 2;
        }
        result = writeRedisBenchProtocol(path, keys, options.seed);
    } else {
        result = writeRedisEvaluationProtocol(path, options);
    }
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "sightline seed: %s\n", qPrintable(result.error));
        return 1;
    }
    std::fprintf(
        stderr,
        "Redis: %lld keys in %lld commands written to %s in %.1f s; load with redis-cli --pipe < FILE\n",
        static_cast<long long>(result.keys), static_cast<long long>(result.commands), qPrintable(path),
        double(clock.elapsed()) / 1000.0);
    return 0;
}

} // namespace Sightline
