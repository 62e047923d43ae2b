// The Evaluation window's events table model.

#include "models/evaluationeventmodel.h"
#include "models/statuspalette.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestEvaluationEventModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEventsInColumns();
    void longAndOddDataStaysOnOneLine();
    void replacingEventsResets();
};

static EvaluationEvent makeEvent(qint64 id, const QString &type, EventSeverity severity, const QString &data)
{
    EvaluationEvent e;
    e.id = id;
    e.evaluationId = u"ev-1"_s;
    e.type = type;
    e.category = EventCategory::Research;
    e.categoryText = u"research"_s;
    e.severity = severity;
    e.severityText = severityName(severity);
    e.timestamp = 1'790'000'000'000 + id * 1000;
    e.data = data;
    return e;
}

void TestEvaluationEventModel::showsEventsInColumns()
{
    EvaluationEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(
        {makeEvent(1, u"evaluation.queued"_s, EventSeverity::Info, u"{}"_s),
         makeEvent(2, u"security.network_attempt"_s, EventSeverity::Critical, u"{\"host\":\"x\"}"_s)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(EvaluationEventModel::ColumnCount));
    QCOMPARE(model.data(model.index(1, EvaluationEventModel::Type)).toString(),
             u"security.network_attempt"_s);
    QCOMPARE(model.data(model.index(1, EvaluationEventModel::Severity)).toString(), u"critical"_s);
    QCOMPARE(model.data(model.index(1, 0), EvaluationEventModel::SeverityColorRole).value<QColor>(),
             severityColor(EventSeverity::Critical));
    QCOMPARE(model.data(model.index(0, 0), EvaluationEventModel::EventIdRole).toLongLong(), 1);
    QVERIFY(model.data(model.index(0, EvaluationEventModel::Time)).toString().startsWith(u"20"_s));
    QCOMPARE(model.headerData(EvaluationEventModel::Data, Qt::Horizontal).toString(),
             EvaluationEventModel::tr("Data"));
}

void TestEvaluationEventModel::longAndOddDataStaysOnOneLine()
{
    EvaluationEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString huge = u"{\"log\":\""_s + QString(1'000'000, u'x') + u"\n\"}"_s;
    model.setEvents({makeEvent(1, u"storage.written"_s, EventSeverity::Warning, huge),
                     makeEvent(2, u"odd"_s, EventSeverity::Unknown, u"line one\nline two"_s)});
    const QString shown = model.data(model.index(0, EvaluationEventModel::Data)).toString();
    QVERIFY(shown.size() <= 300);
    QVERIFY(!shown.contains(u'\n'));
    QVERIFY(model.data(model.index(0, EvaluationEventModel::Data), Qt::ToolTipRole).toString().size() <=
            4000);
    QVERIFY(!model.data(model.index(1, EvaluationEventModel::Data)).toString().contains(u'\n'));
    QVERIFY(model.data(model.index(1, 0), EvaluationEventModel::SeverityColorRole).value<QColor>().isValid());
}

void TestEvaluationEventModel::replacingEventsResets()
{
    EvaluationEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEvents({makeEvent(1, u"a"_s, EventSeverity::Info, {})});
    model.setEvents({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.data(model.index(0, 0)).isValid());
}

QTEST_GUILESS_MAIN(TestEvaluationEventModel)
#include "tst_evaluationeventmodel.moc"
