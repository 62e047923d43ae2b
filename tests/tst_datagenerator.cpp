#include "core/datagenerator.h"
#include "core/timestamp.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {
constexpr qint64 kEnd = 1767225600000; // 2026-01-01T00:00:00Z

GeneratorOptions options(quint64 seed, qint64 count = 2000)
{
    GeneratorOptions o;
    o.seed = seed;
    o.evaluationCount = count;
    o.endTime = kEnd;
    o.spanDays = 14;
    o.filesRoot = u"/srv/files"_s;
    return o;
}

bool sameEvaluation(const GeneratedEvaluation &a, const GeneratedEvaluation &b)
{
    const EvaluationRow &x = a.detail.row;
    const EvaluationRow &y = b.detail.row;
    if (x.id != y.id || x.status != y.status || x.createdAt != y.createdAt || x.startedAt != y.startedAt ||
        x.completedAt != y.completedAt || x.workerId != y.workerId || x.batchId != y.batchId ||
        x.exitCode != y.exitCode || x.outputSize != y.outputSize || x.costCents != y.costCents)
        return false;
    if (a.detail.code != b.detail.code || a.detail.output != b.detail.output ||
        a.largeOutput != b.largeOutput || a.log != b.log || a.events.size() != b.events.size())
        return false;
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        if (a.events[i].type != b.events[i].type || a.events[i].timestamp != b.events[i].timestamp ||
            a.events[i].data != b.events[i].data)
            return false;
    }
    return true;
}
} // namespace

class TestDataGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministic()
    {
        const EvaluationDataGenerator a(options(7));
        const EvaluationDataGenerator b(options(7));
        const EvaluationDataGenerator c(options(8));
        int differing = 0;
        for (qint64 i = 0; i < 300; ++i) {
            QVERIFY2(sameEvaluation(a.evaluation(i), b.evaluation(i)), qPrintable(QString::number(i)));
            if (!sameEvaluation(a.evaluation(i), c.evaluation(i)))
                ++differing;
        }
        QCOMPARE(differing, 300);
        // Random access: the order of calls does not matter.
        QVERIFY(sameEvaluation(a.evaluation(1234), b.evaluation(1234)));
        QCOMPARE(a.platformEvents().size(), b.platformEvents().size());
        QCOMPARE(a.platformEvents().constFirst().data, b.platformEvents().constFirst().data);
    }

    void idsUnique()
    {
        QSet<QString> ids;
        const EvaluationDataGenerator gen(options(3, 100000));
        static const QRegularExpression shape(u"^ev-[0-9a-f]{12}$"_s);
        for (qint64 i = 0; i < 100000; ++i) {
            const QString id = EvaluationDataGenerator::evaluationId(3, i);
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 100000);
        QCOMPARE(gen.evaluation(5).detail.row.id, EvaluationDataGenerator::evaluationId(3, 5));
        // Live evaluations continue the index range, so they never collide with seeded ones.
        for (qint64 s = 0; s < 100; ++s)
            QVERIFY(!ids.contains(gen.liveEvaluation(s, kEnd + 1000).detail.row.id));
    }

    void realisticData()
    {
        const EvaluationDataGenerator gen(options(1));
        QHash<EvaluationStatus, int> statuses;
        int large = 0, nullSubmitter = 0, nullBatch = 0, security = 0, withLog = 0;
        qint64 previousCreated = 0;
        for (qint64 i = 0; i < 2000; ++i) {
            const GeneratedEvaluation e = gen.evaluation(i);
            const EvaluationRow &r = e.detail.row;
            const qint64 created = Timestamp(r.createdAt).value(); // createdAt may become optional
            ++statuses[r.status];
            QVERIFY(created > kEnd - 14 * 86400000LL && created < kEnd);
            QVERIFY(created > previousCreated);
            previousCreated = created;
            if (r.startedAt)
                QVERIFY(*r.startedAt >= created && *r.startedAt <= kEnd);
            if (r.completedAt) {
                QVERIFY(r.startedAt || r.status == EvaluationStatus::Cancelled);
                QVERIFY(*r.completedAt <= kEnd);
            }
            QCOMPARE(bool(r.completedAt), isTerminal(r.status));
            if (r.status == EvaluationStatus::Queued)
                QVERIFY(!r.startedAt && r.workerId.isEmpty() && e.detail.containerId.isEmpty());
            if (!e.detail.code.isNull()) {
                QVERIFY(e.detail.code.size() >= 100 && e.detail.code.size() <= 3000);
                if (e.detail.codeLengthColumn)
                    QCOMPARE(*e.detail.codeLengthColumn, e.detail.code.size());
            }
            if (!e.largeOutput.isEmpty()) {
                ++large;
                QVERIFY(e.detail.output.isNull());
                QCOMPARE(e.detail.outputLocation, u"file:///srv/files/outputs/"_s + r.id + u".txt"_s);
                QCOMPARE(r.outputSize.value_or(-1), e.largeOutput.size());
                QVERIFY(e.largeOutput.size() >= 120 * 1024 && e.largeOutput.size() <= 400 * 1024);
            }
            nullSubmitter += r.submittedBy.isNull();
            nullBatch += r.batchId.isNull();
            withLog += e.hasLog;
            QCOMPARE(e.hasLog, !e.log.isEmpty());

            int lifecycle = 0;
            qint64 previous = 0;
            for (const EvaluationEvent &ev : e.events) {
                QCOMPARE(ev.evaluationId, r.id);
                QVERIFY2(ev.timestamp >= previous, qPrintable(r.id + u' ' + ev.type));
                QVERIFY(ev.timestamp >= created && ev.timestamp <= kEnd);
                previous = ev.timestamp;
                QJsonParseError error;
                QJsonDocument::fromJson(ev.data.toUtf8(), &error);
                QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(ev.data));
                QVERIFY(ev.category != EventCategory::Unknown && ev.severity != EventSeverity::Unknown);
                if (ev.category == EventCategory::Security)
                    ++security;
                else
                    ++lifecycle;
            }
            QCOMPARE(e.events.constFirst().type, u"evaluation.queued"_s);
            if (isTerminal(r.status))
                QVERIFY2(lifecycle >= 4 && lifecycle <= 12, qPrintable(QString::number(lifecycle)));
        }
        for (EvaluationStatus s : knownStatuses())
            QVERIFY2(statuses.value(s) > 0, qPrintable(statusName(s)));
        QVERIFY(statuses.value(EvaluationStatus::Completed) > 1500);
        QVERIFY(large >= 2 && large <= 30);
        QVERIFY(nullSubmitter > 0 && nullBatch > 0);
        QVERIFY(security > 20 && security < 120);
        QVERIFY(withLog > 100);
    }

    void withoutFileContent()
    {
        GeneratorOptions o = options(1);
        o.generateFileContent = false;
        const EvaluationDataGenerator lean(o);
        const EvaluationDataGenerator full(options(1));
        for (qint64 i = 0; i < 2000; ++i) {
            const GeneratedEvaluation a = lean.evaluation(i);
            const GeneratedEvaluation b = full.evaluation(i);
            QVERIFY(a.largeOutput.isEmpty() && a.log.isEmpty());
            QCOMPARE(a.detail.row.outputSize, b.detail.row.outputSize);
            QCOMPARE(a.hasLog, b.hasLog);
            QCOMPARE(a.events.size(), b.events.size());
        }
    }

    void platformEvents()
    {
        const QList<EvaluationEvent> events = EvaluationDataGenerator(options(1)).platformEvents();
        QVERIFY(events.size() >= 14);
        bool down = false;
        for (const EvaluationEvent &e : events) {
            QVERIFY(e.evaluationId.isEmpty());
            QVERIFY(e.timestamp <= kEnd && e.timestamp >= kEnd - 14 * 86400000LL);
            down = down || e.type == u"service.down"_s;
        }
        QVERIFY(down);
    }

    void liveEvaluation()
    {
        const EvaluationDataGenerator gen(options(1));
        const GeneratedEvaluation live = gen.liveEvaluation(3, kEnd + 5000);
        QCOMPARE(live.detail.row.status, EvaluationStatus::Queued);
        QCOMPARE(Timestamp(live.detail.row.createdAt), Timestamp(kEnd + 5000));
        QCOMPARE(live.events.size(), 1);
        QCOMPARE(live.events.constFirst().timestamp, kEnd + 5000);
    }
};

QTEST_GUILESS_MAIN(TestDataGenerator)
#include "tst_datagenerator.moc"
