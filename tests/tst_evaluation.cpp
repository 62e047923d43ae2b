// Names of statuses, categories and severities as the platform stores them, both ways.

#include "core/evaluation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNamesRoundTrip()
    {
        const QList<EvaluationStatus> statuses = knownStatuses();
        QCOMPARE(statuses.size(), EvaluationStatusCount - 1);
        QStringList names;
        for (EvaluationStatus status : statuses) {
            names << statusName(status);
            QCOMPARE(statusFromName(statusName(status)), status);
            QVERIFY(!statusDisplayName(status).isEmpty());
        }
        QCOMPARE(names, QStringList({u"queued"_s, u"provisioning"_s, u"running"_s, u"completed"_s,
                                     u"failed"_s, u"timeout"_s, u"cancelled"_s}));
        QCOMPARE(statusName(EvaluationStatus::Unknown), u"unknown"_s);
    }

    void unknownNamesStayUnknown_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case") << u"RUNNING"_s;
        QTest::newRow("padded") << u" running"_s;
        QTest::newRow("other") << u"paused"_s;
    }
    void unknownNamesStayUnknown()
    {
        QFETCH(QString, name);
        QCOMPARE(statusFromName(name), EvaluationStatus::Unknown);
        QCOMPARE(categoryFromName(name), EventCategory::Unknown);
        QCOMPARE(severityFromName(name), EventSeverity::Unknown);
    }

    void categoryAndSeverityNamesRoundTrip()
    {
        for (const QString &name : {u"research"_s, u"storage"_s, u"infrastructure"_s, u"security"_s})
            QCOMPARE(categoryName(categoryFromName(name)), name);
        for (const QString &name : {u"info"_s, u"warning"_s, u"error"_s, u"critical"_s})
            QCOMPARE(severityName(severityFromName(name)), name);
        QCOMPARE(categoryName(EventCategory::Unknown), u"unknown"_s);
        QCOMPARE(severityName(EventSeverity::Unknown), u"unknown"_s);
    }

    void terminalStatuses()
    {
        QVERIFY(isTerminal(EvaluationStatus::Completed));
        QVERIFY(isTerminal(EvaluationStatus::Cancelled));
        QVERIFY(!isTerminal(EvaluationStatus::Running));
        QVERIFY(!isTerminal(EvaluationStatus::Unknown));
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
