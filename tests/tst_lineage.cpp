// The lineage of one evaluation across every backend, against the servers scripts/test starts
// and seeds (the database row is recomputed from the seed: same generator, seed, count and end
// time), and against a closed port and a silent server standing in for one backend among real ones.
// tst_lineagelocal holds the cases that need no server.

#include "core/datagenerator.h"
#include "core/timestamp.h"
#include "lineagetestsupport.h"
#include "redistestsupport.h"
#include "sources/s3/s3client.h"
#include "testservers.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace LineageTest;

namespace {

constexpr quint64 kSeed = 42;
// The database the test writes its own made-up keys to: the seeded keys live in 0, and other
// tests count those.
constexpr int kScratchDb = 9;

} // namespace

class TestLineage : public QObject
{
    Q_OBJECT

private:
    QString m_redisUrl, m_s3Url, m_bucket, m_memoryUrl, m_memoryData, m_filesRoot, m_postgresUrl;
    quint16 m_redisPort = 0;
    qint64 m_seedCount = 100000;
    qint64 m_seedEndTime = 0;
    bool m_exactSeed = false;
    QStringList m_scratchKeys;

    bool haveServers(QByteArray *why) const
    {
        QStringList missing;
        const std::pair<const char *, QString> vars[] = {
            {"SIGHTLINE_TEST_REDIS_URL", m_redisUrl},
            {"SIGHTLINE_TEST_REDIS_PORT", QString::number(m_redisPort)},
            {"SIGHTLINE_TEST_S3_URL", m_s3Url},
            {"SIGHTLINE_TEST_S3_BUCKET", m_bucket},
            {"SIGHTLINE_TEST_MEMORY_URL", m_memoryUrl},
            {"SIGHTLINE_TEST_MEMORY_DATA", m_memoryData},
            {"SIGHTLINE_TEST_FILES_ROOT", m_filesRoot}};
        for (const auto &[name, value] : vars) {
            if (value.isEmpty() || value == u"0"_s)
                missing << QString::fromLatin1(name);
        }
        *why = missing.join(u", "_s).toUtf8() +
               " not set: run this test through scripts/test (it starts and seeds Redis, S3, the storage "
               "service and the files tree)";
        return missing.isEmpty();
    }

    WorkspaceProfile seededProfile() const
    {
        WorkspaceProfile p;
        p.name = u"lineage-test"_s;
        // Never connected to: the row comes with start(). The URL only names where it lives.
        p.postgresUrl =
            m_postgresUrl.isEmpty() ? u"postgresql://sightline@127.0.0.1/sightline_test"_s : m_postgresUrl;
        p.filesRoot = m_filesRoot;
        p.redis.url = m_redisUrl;
        p.s3.endpoint = m_s3Url;
        p.s3.bucket = m_bucket;
        p.memoryUrl = m_memoryUrl;
        p.timeoutSeconds = 10;
        return p;
    }

    QString scratchRedisUrl() const { return u"redis://127.0.0.1:%1/%2"_s.arg(m_redisPort).arg(kScratchDb); }

    QByteArray scratchCli(const QStringList &args)
    {
        return RedisTest::cli(m_redisPort, QStringList{u"-n"_s, QString::number(kScratchDb)} + args);
    }

    void setScratchKey(const QString &key, const QByteArray &value)
    {
        m_scratchKeys << key;
        QCOMPARE(scratchCli({u"SET"_s, key, QString::fromUtf8(value), u"EX"_s, u"600"_s}), QByteArray("OK"));
    }

    GeneratedEvaluation seeded(qint64 index) const
    {
        GeneratorOptions o;
        o.seed = kSeed;
        o.evaluationCount = m_seedCount;
        o.endTime = m_seedEndTime;
        o.generateFileContent = false;
        return EvaluationDataGenerator(o).evaluation(index);
    }

    QJsonArray memoryEntries() const
    {
        QFile file(m_memoryData);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object().value(u"entries"_s).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_redisUrl = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        m_redisPort = quint16(qEnvironmentVariableIntValue("SIGHTLINE_TEST_REDIS_PORT"));
        m_s3Url = qEnvironmentVariable("SIGHTLINE_TEST_S3_URL");
        m_bucket = qEnvironmentVariable("SIGHTLINE_TEST_S3_BUCKET");
        m_memoryUrl = qEnvironmentVariable("SIGHTLINE_TEST_MEMORY_URL");
        m_memoryData = qEnvironmentVariable("SIGHTLINE_TEST_MEMORY_DATA");
        m_filesRoot = qEnvironmentVariable("SIGHTLINE_TEST_FILES_ROOT");
        m_postgresUrl = qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
        bool ok = false;
        const qint64 count = qEnvironmentVariable("SIGHTLINE_TEST_SEED_EVALUATIONS").toLongLong(&ok);
        if (ok && count > 0)
            m_seedCount = count;
        const QString end = qEnvironmentVariable("SIGHTLINE_TEST_SEED_END_TIME");
        const double seconds = end.toDouble(&ok);
        if (ok) {
            m_seedEndTime = qint64(seconds * 1000.0);
            m_exactSeed = true;
        } else if (const Timestamp parsed = parseTimestamp(end)) {
            m_seedEndTime = *parsed;
            m_exactSeed = true;
        } else {
            // Seeded "now" a moment ago: the old evaluations this test picks are the same whatever
            // the exact end time (they finished long before it); only their timestamps differ.
            m_seedEndTime = QDateTime::currentMSecsSinceEpoch();
        }
    }

    void cleanupTestCase()
    {
        if (m_redisPort != 0 && !m_scratchKeys.isEmpty())
            scratchCli(QStringList{u"DEL"_s} + m_scratchKeys);
    }

    void seededEvaluationAcrossBackends()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        // Every 1000th evaluation is archived in S3; the files tree holds the first 5,000; a log
        // exists for every 20th that started. Of those, take the one whose cached result lives
        // longest (most never expire), so that the run does not race a TTL.
        qint64 index = -1;
        qint64 bestTtl = -3;
        for (qint64 i = 0; i < qMin<qint64>(m_seedCount, 5000); i += 1000) {
            const QString id = EvaluationDataGenerator::evaluationId(kSeed, i);
            const qint64 pttl =
                RedisTest::cli(m_redisPort, {u"PTTL"_s, u"eval:%1:result"_s.arg(id)}).toLongLong();
            const bool better = pttl == -1 ? bestTtl != -1 : bestTtl != -1 && pttl > bestTtl;
            if (pttl != -2 && better) {
                index = i;
                bestTtl = pttl;
            }
        }
        QVERIFY2(index >= 0, "no seeded evaluation of index % 1000 == 0 has its result in Redis");
        const GeneratedEvaluation g = seeded(index);
        const EvaluationDetail &d = g.detail;
        const QString id = d.row.id;
        qInfo("evaluation %lld (%s), end time %s", index, qPrintable(id),
              m_exactSeed ? "from SIGHTLINE_TEST_SEED_END_TIME" : "now (not exported)");

        const ProbeRun run = runProbe(seededProfile(), d, g.events.size());
        QVERIFY(run.finished);
        qInfo("full probe of %s: %lld ms", qPrintable(id), run.elapsedMs);
        for (const LineageItem &item : std::as_const(run.lineage.items))
            qInfo("  %-10s %s", backendName(item.backend), qPrintable(item.summary));
        qInfo("  cache      %s", qPrintable(run.lineage.cache.message));
        QCOMPARE(run.finishedSignals, 1);
        QCOMPARE(run.cacheSignals, 1);
        QCOMPARE(run.itemBackends.size(), 7);
        QCOMPARE(run.itemGenerations, QList<quint64>(7, 1));
        QSet<int> distinct;
        for (const Backend b : std::as_const(run.itemBackends))
            distinct.insert(int(b));
        QCOMPARE(distinct.size(), 7);
        QCOMPARE(run.lineage.items.size(), 7);
        for (int b = 0; b < 7; ++b)
            QCOMPARE(int(run.lineage.items.at(b).backend), b);

        const LineageItem *rel = itemOf(run.lineage, Backend::Relational);
        QCOMPARE(rel->state, State::Present);
        QCOMPARE(rel->bytes, d.code.size() + d.output.size() + d.error.size());
        const LineageItem *events = itemOf(run.lineage, Backend::Events);
        QCOMPARE(events->state, State::Present);
        QCOMPARE(events->count, g.events.size());
        QCOMPARE(events->summary, u"%1 events"_s.arg(g.events.size()));

        // Files: what the tree holds.
        const QFileInfo logFile(m_filesRoot + u"/logs/"_s + id + u".log"_s);
        QVERIFY2(logFile.isFile(), qPrintable(logFile.filePath()));
        const LineageItem *log = itemOf(run.lineage, Backend::LogFile);
        QVERIFY2(log->state == State::Present, describe(*log).constData());
        QCOMPARE(log->bytes, logFile.size());
        QCOMPARE(log->location, QDir::toNativeSeparators(logFile.absoluteFilePath()));
        const QFileInfo outputFile(m_filesRoot + u"/outputs/"_s + id + u".txt"_s);
        const LineageItem *output = itemOf(run.lineage, Backend::OutputFile);
        QCOMPARE(output->state, outputFile.isFile() ? State::Present : State::Absent);
        if (outputFile.isFile())
            QCOMPARE(output->bytes, outputFile.size());

        // Redis: what the server holds, asked after the probe.
        const QString key = u"eval:%1:result"_s.arg(id);
        const LineageItem *redis = itemOf(run.lineage, Backend::Redis);
        QVERIFY2(redis->state == State::Present, describe(*redis).constData());
        QCOMPARE(redis->bytes, RedisTest::cli(m_redisPort, {u"STRLEN"_s, key}).toLongLong());
        QVERIFY(redis->bytes > 0);
        QCOMPARE(redis->location, key);
        QCOMPARE(redis->count, 2); // the result and the status hash
        const qint64 pttl = RedisTest::cli(m_redisPort, {u"PTTL"_s, key}).toLongLong();
        if (pttl == -1) {
            QVERIFY(!redis->ttlMs);
            QVERIFY2(redis->summary.startsWith(u"cached result in Redis, no expiry"_s),
                     qPrintable(redis->summary));
        } else {
            QVERIFY(redis->ttlMs);
            QVERIFY2(*redis->ttlMs >= pttl && *redis->ttlMs - pttl < 60000,
                     QByteArray::number(*redis->ttlMs).constData());
            QVERIFY2(redis->summary.startsWith(u"cached result in Redis, expires in "_s),
                     qPrintable(redis->summary));
        }
        QVERIFY2(redis->summary.contains(u"status hash (%1 fields)"_s.arg(QString::fromUtf8(
                     RedisTest::cli(m_redisPort, {u"HLEN"_s, u"eval:%1:status"_s.arg(id)})))),
                 qPrintable(redis->summary));

        // S3: what a listing of the prefix says.
        S3Config config;
        config.endpoint = QUrl(m_s3Url);
        config.bucket = m_bucket;
        config.credentials = SigV4Credentials::fromEnvironment();
        S3Client client(config);
        qint64 objects = 0, bytes = 0;
        QString continuation;
        do {
            const S3ListPage page =
                client.listObjects("evaluations/" + id.toUtf8() + '/', {}, 1000, continuation, StopToken());
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            for (const S3Object &object : page.listing.objects) {
                ++objects;
                bytes += object.size;
            }
            continuation = page.listing.nextContinuationToken;
        } while (!continuation.isEmpty());
        QVERIFY(objects >= 2); // evaluation.json, events.json, …
        const LineageItem *s3 = itemOf(run.lineage, Backend::S3);
        QVERIFY2(s3->state == State::Present, describe(*s3).constData());
        QCOMPARE(s3->count, objects);
        QCOMPARE(s3->bytes, bytes);
        QCOMPARE(s3->location, u"s3://%1/evaluations/%2/"_s.arg(m_bucket, id));
        QVERIFY2(s3->summary.startsWith(u"archived in S3 (%1 objects, "_s.arg(objects)),
                 qPrintable(s3->summary));
        QCOMPARE(s3->details.size(), objects);

        // Memory: what the service serves.
        qint64 entries = 0, entryBytes = 0;
        for (const QJsonValue &e : memoryEntries()) {
            if (e.toObject().value(u"evaluation_id"_s).toString() == id) {
                ++entries;
                entryBytes += e.toObject().value(u"size_bytes"_s).toInteger();
            }
        }
        const LineageItem *memory = itemOf(run.lineage, Backend::Memory);
        QVERIFY2(memory->state == (entries > 0 ? State::Present : State::Absent),
                 describe(*memory).constData());
        QCOMPARE(memory->count, entries);
        QCOMPARE(memory->bytes, entryBytes);

        QVERIFY2(run.lineage.cache.verdict == Verdict::Same, qPrintable(run.lineage.cache.message));
        qint64 total = 0;
        for (const LineageItem &item : run.lineage.items)
            total += item.state == State::Present ? item.bytes : 0;
        QCOMPARE(run.lineage.totalBytes(), total);
        QVERIFY(total >= rel->bytes + log->bytes + redis->bytes + s3->bytes);
    }

    void largeOutputInTheFilesTree()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        // The files tree holds the large outputs of the first 5,000 evaluations; the database says
        // file:///data/outputs/<id>.txt (the platform's root), the tree is at the profile's root.
        GeneratorOptions o;
        o.seed = kSeed;
        o.evaluationCount = 5000;
        o.endTime = m_seedEndTime;
        o.generateFileContent = false;
        const EvaluationDataGenerator generator(o);
        std::optional<EvaluationDetail> large;
        for (qint64 i = 0; i < o.evaluationCount && !large; ++i) {
            EvaluationDetail d = generator.evaluation(i).detail;
            if (!d.outputLocation.isEmpty() &&
                QFileInfo::exists(m_filesRoot + u"/outputs/"_s + d.row.id + u".txt"_s))
                large = d;
        }
        QVERIFY2(large, "no evaluation of the files tree has a large output");
        large->outputLocation = u"file:///data/outputs/%1.txt"_s.arg(large->row.id);
        const QFileInfo file(m_filesRoot + u"/outputs/"_s + large->row.id + u".txt"_s);
        WorkspaceProfile p;
        p.filesRoot = m_filesRoot;
        const ProbeRun run = runProbe(p, *large);
        QVERIFY(run.finished);
        const LineageItem *output = itemOf(run.lineage, Backend::OutputFile);
        QVERIFY2(output->state == State::Present, describe(*output).constData());
        QCOMPARE(output->bytes, file.size());
        QVERIFY(output->bytes > 100 * 1024);
        QCOMPARE(output->location, QDir::toNativeSeparators(file.absoluteFilePath()));
        QVERIFY2(output->summary.startsWith(u"output file "_s) && output->summary.endsWith(u" kB"_s),
                 qPrintable(output->summary));
        QCOMPARE(run.lineage.totalBytes(), output->bytes + itemOf(run.lineage, Backend::LogFile)->bytes);
    }

    void memoryEntriesOfAnEvaluation()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        // The evaluation with the most entries in the served cache.
        QHash<QString, QList<QJsonObject>> byId;
        QString best;
        for (const QJsonValue &v : memoryEntries()) {
            const QJsonObject e = v.toObject();
            const QString id = e.value(u"evaluation_id"_s).toString();
            byId[id] << e;
            if (best.isEmpty() || byId[id].size() > byId[best].size())
                best = id;
        }
        QVERIFY2(!best.isEmpty(), "the storage service serves no entries");
        const QList<QJsonObject> &entries = byId[best];
        qint64 bytes = 0;
        std::optional<double> ttl;
        QStringList kinds;
        for (const QJsonObject &e : entries) {
            bytes += e.value(u"size_bytes"_s).toInteger();
            if (!e.value(u"ttl_seconds"_s).isNull() && (!ttl || e.value(u"ttl_seconds"_s).toDouble() < *ttl))
                ttl = e.value(u"ttl_seconds"_s).toDouble();
            kinds << e.value(u"kind"_s).toString();
        }
        WorkspaceProfile p;
        p.memoryUrl = m_memoryUrl;
        const ProbeRun run = runProbe(p, madeUpDetail(best, EvaluationStatus::Completed));
        QVERIFY(run.finished);
        const LineageItem *memory = itemOf(run.lineage, Backend::Memory);
        QVERIFY2(memory->state == State::Present, describe(*memory).constData());
        QCOMPARE(memory->count, entries.size());
        QCOMPARE(memory->bytes, bytes);
        QCOMPARE(memory->ttlMs.has_value(), ttl.has_value());
        if (ttl)
            QCOMPARE(*memory->ttlMs, qint64(*ttl * 1000.0));
        QCOMPARE(memory->location, m_memoryUrl + u"/storage/memory"_s);
        QVERIFY(memory->answeredAtMs > 0);
        const QString n = entries.size() == 1 ? u"1 entry"_s : u"%1 entries"_s.arg(entries.size());
        QVERIFY2(memory->summary.startsWith(
                     u"in the storage service cache (%1: %2, "_s.arg(n, kinds.join(u", "_s))),
                 qPrintable(memory->summary));
        QCOMPARE(memory->details.size(), entries.size());
    }

    void absentEverywhere()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        // Not hex: no seed makes this id.
        const EvaluationDetail d = madeUpDetail(u"ev-lineage-nowhere"_s, EvaluationStatus::Completed);
        const ProbeRun run = runProbe(seededProfile(), d, 3);
        QVERIFY(run.finished);
        for (const Backend b :
             {Backend::OutputFile, Backend::LogFile, Backend::Redis, Backend::S3, Backend::Memory}) {
            const LineageItem *item = itemOf(run.lineage, b);
            QVERIFY2(item->state == State::Absent, describe(*item).constData());
            QVERIFY(item->answeredAtMs > 0);
        }
        QCOMPARE(itemOf(run.lineage, Backend::Relational)->state, State::Present);
        QCOMPARE(run.lineage.cache.verdict, Verdict::Expired);
        QCOMPARE(run.lineage.totalBytes(), itemOf(run.lineage, Backend::Relational)->bytes);
    }

    void s3PrefixOfTheProfile()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        const QString id = EvaluationDataGenerator::evaluationId(kSeed, 0); // archived at evaluations/<id>/
        WorkspaceProfile p;
        p.s3.endpoint = m_s3Url;
        p.s3.bucket = m_bucket;
        p.s3.prefix = u"elsewhere/"_s;
        ProbeRun run = runProbe(p, madeUpDetail(id, EvaluationStatus::Completed));
        const LineageItem *s3 = itemOf(run.lineage, Backend::S3);
        QVERIFY2(s3->state == State::Absent, describe(*s3).constData());
        QCOMPARE(s3->location, u"s3://%1/elsewhere/evaluations/%2/"_s.arg(m_bucket, id));
        p.s3.prefix.clear();
        run = runProbe(p, madeUpDetail(id, EvaluationStatus::Completed));
        QVERIFY2(itemOf(run.lineage, Backend::S3)->state == State::Present,
                 describe(*itemOf(run.lineage, Backend::S3)).constData());
        // A bucket that does not exist: the server's own words.
        p.s3.bucket = u"no-such-bucket-lineage"_s;
        run = runProbe(p, madeUpDetail(id, EvaluationStatus::Completed));
        s3 = itemOf(run.lineage, Backend::S3);
        QVERIFY2(s3->state == State::Failed, describe(*s3).constData());
        QVERIFY2(s3->error.contains(u"NoSuchBucket"_s), qPrintable(s3->error));
    }

    void cacheDiffers()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        EvaluationDetail d = madeUpDetail(u"ev-lineage-differs"_s, EvaluationStatus::Completed);
        d.outputLocation = u"file:///data/outputs/ev-lineage-differs.txt"_s;
        const QByteArray cached = "{\"id\":\"ev-lineage-differs\",\"status\":\"running\",\"exit_code\":1,"
                                  "\"output\":\"hello\",\"output_location\":\"s3://b/x\"}";
        setScratchKey(u"eval:ev-lineage-differs:result"_s, cached);
        WorkspaceProfile p;
        p.redis.url = scratchRedisUrl();
        const ProbeRun run = runProbe(p, d);
        QVERIFY(run.finished);
        const CacheCheck &check = run.lineage.cache;
        QCOMPARE(check.verdict, Verdict::Differs);
        QCOMPARE(
            check.differences,
            (QStringList{
                u"status: cached running, database completed"_s, u"exit_code: cached 1, database 0"_s,
                u"output_location: cached s3://b/x, database file:///data/outputs/ev-lineage-differs.txt"_s}));
        const LineageItem *redis = itemOf(run.lineage, Backend::Redis);
        QVERIFY2(redis->state == State::Present, describe(*redis).constData());
        QCOMPARE(redis->bytes, cached.size());
        QCOMPARE(redis->count, 1);
        QVERIFY(redis->ttlMs && *redis->ttlMs > 500000 && *redis->ttlMs <= 600000);
        QVERIFY2(redis->summary.startsWith(u"cached result in Redis, expires in 9:"_s) ||
                     redis->summary.startsWith(u"cached result in Redis, expires in 10:00"_s),
                 qPrintable(redis->summary));
        // The same value for the row it describes.
        EvaluationDetail matching = d;
        matching.row.status = EvaluationStatus::Running;
        matching.row.statusText = u"running"_s;
        matching.row.exitCode = 1;
        matching.outputLocation = u"s3://b/x"_s;
        QCOMPARE(runProbe(p, matching).lineage.cache.verdict, Verdict::Same);
    }

    void cacheNotTheResultJson()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        WorkspaceProfile p;
        p.redis.url = scratchRedisUrl();
        setScratchKey(u"eval:ev-lineage-text:result"_s, "this is not JSON");
        ProbeRun run = runProbe(p, madeUpDetail(u"ev-lineage-text"_s, EvaluationStatus::Completed));
        QCOMPARE(run.lineage.cache.verdict, Verdict::Differs);
        QVERIFY2(
            run.lineage.cache.message.startsWith(u"the cached value is not the platform's result JSON: "_s),
            qPrintable(run.lineage.cache.message));
        QVERIFY2(run.lineage.cache.message.contains(u"this is not JSON"_s),
                 qPrintable(run.lineage.cache.message));
        QCOMPARE(itemOf(run.lineage, Backend::Redis)->state, State::Present);

        // A key of another type: Redis holds something, but not a cached result.
        m_scratchKeys << u"eval:ev-lineage-hash:result"_s;
        scratchCli({u"DEL"_s, u"eval:ev-lineage-hash:result"_s});
        QCOMPARE(scratchCli({u"HSET"_s, u"eval:ev-lineage-hash:result"_s, u"status"_s, u"completed"_s}),
                 QByteArray("1"));
        run = runProbe(p, madeUpDetail(u"ev-lineage-hash"_s, EvaluationStatus::Completed));
        QCOMPARE(run.lineage.cache.verdict, Verdict::Differs);
        QVERIFY2(run.lineage.cache.message.contains(u"is a hash, not a string"_s),
                 qPrintable(run.lineage.cache.message));
        const LineageItem *redis = itemOf(run.lineage, Backend::Redis);
        QVERIFY2(redis->state == State::Present, describe(*redis).constData());
        QVERIFY(redis->bytes > 0); // MEMORY USAGE
        QVERIFY(!redis->ttlMs);
    }

    void cacheExpiredAndNotYet()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        WorkspaceProfile p;
        p.redis.url = scratchRedisUrl();
        // A finished evaluation whose key is gone.
        setScratchKey(u"eval:ev-lineage-gone:result"_s, "{}");
        QCOMPARE(scratchCli({u"DEL"_s, u"eval:ev-lineage-gone:result"_s}), QByteArray("1"));
        ProbeRun run = runProbe(p, madeUpDetail(u"ev-lineage-gone"_s, EvaluationStatus::Completed));
        QCOMPARE(run.lineage.cache.verdict, Verdict::Expired);
        QCOMPARE(run.lineage.cache.message, u"the cached result expired or was evicted"_s);
        QCOMPARE(itemOf(run.lineage, Backend::Redis)->state, State::Absent);
        // Still running: nothing to cache yet. A status hash alone is Present.
        m_scratchKeys << u"eval:ev-lineage-running:status"_s;
        scratchCli(
            {u"HSET"_s, u"eval:ev-lineage-running:status"_s, u"status"_s, u"running"_s, u"engine"_s, u"x"_s});
        run = runProbe(p, madeUpDetail(u"ev-lineage-running"_s, EvaluationStatus::Running));
        QCOMPARE(run.lineage.cache.verdict, Verdict::NotCached);
        const LineageItem *redis = itemOf(run.lineage, Backend::Redis);
        QVERIFY2(redis->state == State::Present, describe(*redis).constData());
        QCOMPARE(redis->location, u"eval:ev-lineage-running:status"_s);
        QVERIFY2(redis->summary.contains(u"status hash (2 fields)"_s), qPrintable(redis->summary));
    }

    void redisOnAClosedPort()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        WorkspaceProfile p = seededProfile();
        const quint16 port = closedPort();
        p.redis.url = u"redis://127.0.0.1:%1/0"_s.arg(port);
        const QString id = EvaluationDataGenerator::evaluationId(kSeed, 0);
        const ProbeRun run = runProbe(p, seeded(0).detail, 5);
        QVERIFY(run.finished);
        const LineageItem *redis = itemOf(run.lineage, Backend::Redis);
        QVERIFY2(redis->state == State::Failed, describe(*redis).constData());
        QVERIFY2(redis->error.contains(u"127.0.0.1:%1"_s.arg(port)) && redis->error.contains(u"refused"_s),
                 qPrintable(redis->error));
        QCOMPARE(run.lineage.cache.verdict, Verdict::Unknown);
        QVERIFY2(run.lineage.cache.message.contains(redis->error), qPrintable(run.lineage.cache.message));
        for (const Backend b : {Backend::Relational, Backend::LogFile, Backend::S3, Backend::Events})
            QVERIFY2(itemOf(run.lineage, b)->state == State::Present,
                     describe(*itemOf(run.lineage, b)).constData());
        QVERIFY(itemOf(run.lineage, Backend::Memory)->state != State::Failed);
        QCOMPARE(itemOf(run.lineage, Backend::S3)->location, u"s3://%1/evaluations/%2/"_s.arg(m_bucket, id));
    }

    void silentStorageServiceTimesOut()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        TestSupport::SilentServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        WorkspaceProfile p = seededProfile();
        p.memoryUrl = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
        p.timeoutSeconds = 1;
        LineageProbe probe(p);
        QSignalSpy items(&probe, &LineageProbe::itemReady);
        QSignalSpy finished(&probe, &LineageProbe::finished);
        QElapsedTimer clock;
        clock.start();
        probe.start(seeded(0).detail, 5, false);
        QVERIFY(finished.wait(15000));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(items.size(), 7);
        // The memory answer is the last, after the timeout; every other came before it.
        const LineageItem last = items.constLast().at(1).value<LineageItem>();
        QCOMPARE(last.backend, Backend::Memory);
        QCOMPARE(last.state, State::Failed);
        QVERIFY2(last.error.contains(u"no answer within 1 s"_s), qPrintable(last.error));
        QVERIFY2(elapsed >= 900 && elapsed < 5000, QByteArray::number(elapsed).constData());
        for (const Backend b : {Backend::Relational, Backend::LogFile, Backend::Redis, Backend::S3})
            QVERIFY2(itemOf(probe.lineage(), b)->state == State::Present,
                     describe(*itemOf(probe.lineage(), b)).constData());
        QVERIFY(!silent.held.isEmpty());
    }

    void newStartSupersedes()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        LineageProbe probe(seededProfile());
        QSignalSpy items(&probe, &LineageProbe::itemReady);
        QSignalSpy cache(&probe, &LineageProbe::cacheChecked);
        QSignalSpy finished(&probe, &LineageProbe::finished);
        const quint64 first = probe.start(seeded(0).detail, 5, false);
        const quint64 second = probe.start(seeded(1000).detail, 6, false);
        QVERIFY(second > first);
        QVERIFY(probe.isRunning());
        QVERIFY(finished.wait(30000));
        QTest::qWait(300); // late answers of the first would show now
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().constFirst().toULongLong(), second);
        QCOMPARE(items.size(), 7);
        for (const QList<QVariant> &args : std::as_const(items))
            QCOMPARE(args.at(0).toULongLong(), second);
        QCOMPARE(cache.size(), 1);
        QVERIFY(!probe.isRunning());
        const QString id = EvaluationDataGenerator::evaluationId(kSeed, 1000);
        QCOMPARE(itemOf(probe.lineage(), Backend::S3)->location,
                 u"s3://%1/evaluations/%2/"_s.arg(m_bucket, id));
        QCOMPARE(itemOf(probe.lineage(), Backend::Events)->count, 6);
    }

    void destroyRightAfterStart()
    {
        QByteArray why;
        QVERIFY2(haveServers(&why), why.constData());
        for (int i = 0; i < 20; ++i) {
            LineageProbe probe(seededProfile());
            probe.start(seeded(0).detail, 5, false);
            if (i % 2)
                QTest::qWait(i); // sometimes mid-answer
        }
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
