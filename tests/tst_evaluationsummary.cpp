// The Markdown summary of an evaluation, against golden files in tests/data/summary.

#include "report/evaluationsummary.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestEvaluationSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedEvaluationMatchesGolden();
    void hostileTextCannotBreakTheMarkdown();
    void longCodeAndManyEventsAreCut();
};

static EvaluationDetail failedDetail()
{
    EvaluationDetail d;
    d.row.id = u"ev-00c1e047a231"_s;
    d.row.status = EvaluationStatus::Failed;
    d.row.statusText = u"failed"_s;
    d.row.engine = u"python-3.12"_s;
    d.row.createdAt = 1'790'000'000'000;
    d.row.startedAt = 1'790'000'034'000;
    d.row.completedAt = 1'790'000'125'500;
    d.row.durationSeconds = 91.5;
    d.row.exitCode = 1;
    d.row.workerId = u"worker-22"_s;
    d.row.submittedBy = u"ada"_s;
    d.row.outputSize = 2'300'000;
    d.row.costCents = 4.2;
    d.containerId = u"ctr-79bc9583032a"_s;
    d.code = u"import math\nprint(math.sqrt(-1))"_s;
    d.codeLength = d.code.size();
    d.outputLocation = u"file:///data/outputs/ev-00c1e047a231.txt"_s;
    d.error = u"ValueError: math domain error"_s;
    d.cpuSeconds = 88.0;
    return d;
}

static EvaluationEvent makeEvent(qint64 ms, const QString &type, const QString &severity)
{
    EvaluationEvent e;
    e.timestamp = ms;
    e.type = type;
    e.categoryText = u"research"_s;
    e.severityText = severity;
    return e;
}

void TestEvaluationSummary::failedEvaluationMatchesGolden()
{
    const QList<EvaluationEvent> events{makeEvent(1'790'000'000'000, u"evaluation.queued"_s, u"info"_s),
                                        makeEvent(1'790'000'034'000, u"evaluation.started"_s, u"info"_s),
                                        makeEvent(1'790'000'125'500, u"evaluation.failed"_s, u"error"_s)};
    EvaluationSummaryOptions options;
    options.sourceDescription = u"PostgreSQL postgresql://reader@db/crucible"_s;
    const QString summary = evaluationSummaryMarkdown(failedDetail(), events, options);
    QFile golden(QStringLiteral(SIGHTLINE_TEST_DATA_DIR) + u"/summary/failed-evaluation.md"_s);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
    QCOMPARE(summary, QString::fromUtf8(golden.readAll()));
}

void TestEvaluationSummary::hostileTextCannotBreakTheMarkdown()
{
    EvaluationDetail d = failedDetail();
    d.row.submittedBy = u"eve | x\n## injected"_s;
    d.code = u"s = '```'\nprint(s)"_s;
    d.codeLength = d.code.size();
    const QString summary = evaluationSummaryMarkdown(d, {});
    QVERIFY(summary.contains(u"| Submitted by | eve \\| x ## injected |"_s));
    QVERIFY2(summary.contains(u"````python\n"_s), "a fence longer than the backticks in the code");
    QVERIFY(!summary.contains(u"\n## injected"_s));
}

void TestEvaluationSummary::longCodeAndManyEventsAreCut()
{
    EvaluationDetail d = failedDetail();
    QStringList lines;
    for (int i = 0; i < 500; ++i)
        lines << u"x = %1"_s.arg(i);
    d.code = lines.join(u'\n');
    d.codeLength = d.code.size();
    QList<EvaluationEvent> events;
    for (int i = 0; i < 120; ++i)
        events << makeEvent(1'790'000'000'000 + i, u"cache.hit"_s, u"info"_s);
    const QString summary = evaluationSummaryMarkdown(d, events);
    QVERIFY(summary.contains(u"x = 59\n"_s));
    QVERIFY(!summary.contains(u"x = 60\n"_s));
    QVERIFY(summary.contains(u"_First 60 lines of %1 characters of code._"_s.arg(d.codeLength)));
    QVERIFY(summary.contains(u"_70 more events not shown._"_s));
    QCOMPARE(summary.count(u"| cache.hit |"_s), 50);
}

QTEST_GUILESS_MAIN(TestEvaluationSummary)
#include "tst_evaluationsummary.moc"
