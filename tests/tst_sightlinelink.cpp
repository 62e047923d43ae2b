#include "core/sightlinelink.h"

#include <QTest>

using namespace Sightline;
using namespace Qt::StringLiterals;

class TestSightlineLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("workspace");
        QTest::newRow("plain") << u"sightline://evaluation/ev-0123456789ab"_s << u"ev-0123456789ab"_s
                               << QString();
        QTest::newRow("workspace") << u"sightline://evaluation/ev-1?workspace=crucible-staging"_s << u"ev-1"_s
                                   << u"crucible-staging"_s;
        QTest::newRow("upper-case scheme and host")
            << u"SIGHTLINE://Evaluation/ev-2?workspace=demo"_s << u"ev-2"_s << u"demo"_s;
        QTest::newRow("percent-encoded name") << u"sightline://evaluation/ev-3?workspace=Demo%20workspace"_s
                                              << u"ev-3"_s << u"Demo workspace"_s;
        QTest::newRow("utf-8 name") << u"sightline://evaluation/ev-4?workspace=M%C3%BCnchen%20%2B%20Co"_s
                                    << u"ev-4"_s << u"München + Co"_s;
        QTest::newRow("plus stays a plus")
            << u"sightline://evaluation/ev-5?workspace=a+b"_s << u"ev-5"_s << u"a+b"_s;
        QTest::newRow("encoded id") << u"sightline://evaluation/ev%2D6"_s << u"ev-6"_s << QString();
        QTest::newRow("trailing slash, other keys, fragment")
            << u"sightline://evaluation/ev-7/?x=1&workspace=w&y#top"_s << u"ev-7"_s << u"w"_s;
        QTest::newRow("surrounding spaces") << u"  sightline://evaluation/ev-8  "_s << u"ev-8"_s << QString();
    }
    void valid()
    {
        QFETCH(QString, link);
        QFETCH(QString, id);
        QFETCH(QString, workspace);
        const SightlineLinkParse parsed = parseSightlineLink(link);
        QVERIFY2(parsed.link, qPrintable(parsed.error));
        QCOMPARE(parsed.link->evaluationId, id);
        QCOMPARE(parsed.link->workspace, workspace);
        QVERIFY(parsed.error.isEmpty());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("messagePart");
        const QString knowsOnly = u"it knows only sightline://evaluation/<id> links"_s;
        QTest::newRow("empty") << QString() << knowsOnly;
        QTest::newRow("other scheme") << u"https://evaluation/ev-1"_s << knowsOnly;
        QTest::newRow("no slashes") << u"sightline:evaluation/ev-1"_s << knowsOnly;
        QTest::newRow("bad host") << u"sightline://batch/b-1"_s << knowsOnly;
        QTest::newRow("deeper path") << u"sightline://evaluation/ev-1/output"_s << knowsOnly;
        QTest::newRow("missing id") << u"sightline://evaluation/"_s << u"names no evaluation"_s;
        QTest::newRow("missing id, no slash")
            << u"sightline://evaluation?workspace=demo"_s << u"names no evaluation"_s;
        QTest::newRow("id with spaces")
            << u"sightline://evaluation/ev%201"_s << u"does not name an evaluation id"_s;
        QTest::newRow("id with a slash")
            << u"sightline://evaluation/..%2F..%2Fetc"_s << u"does not name an evaluation id"_s;
        QTest::newRow("dot dot") << u"sightline://evaluation/.."_s << u"does not name an evaluation id"_s;
        QTest::newRow("too long id") << u"sightline://evaluation/"_s + QString(200, u'a')
                                     << u"does not name an evaluation id"_s;
        QTest::newRow("junk") << u"\x01\x02 ☃ junk"_s << knowsOnly;
        QTest::newRow("huge") << u"sightline://evaluation/"_s + QString(100000, u'x') << knowsOnly;
    }
    void invalid()
    {
        QFETCH(QString, link);
        QFETCH(QString, messagePart);
        const SightlineLinkParse parsed = parseSightlineLink(link);
        QVERIFY(!parsed.link);
        QVERIFY2(parsed.error.contains(messagePart), qPrintable(parsed.error));
        QVERIFY2(parsed.error.size() < 600, "the message quotes only the start of a long link");
    }

    void build_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("expected");
        QTest::newRow("id only") << u"ev-0123456789ab"_s << QString()
                                 << u"sightline://evaluation/ev-0123456789ab"_s;
        QTest::newRow("demo") << u"ev-1"_s << u"Demo workspace"_s
                              << u"sightline://evaluation/ev-1?workspace=Demo%20workspace"_s;
        QTest::newRow("reserved characters")
            << u"ev:1.x_y"_s << u"a&b=c?d#e+f/ü"_s
            << u"sightline://evaluation/ev%3A1.x_y?workspace=a%26b%3Dc%3Fd%23e%2Bf%2F%C3%BC"_s;
    }
    void build()
    {
        QFETCH(QString, id);
        QFETCH(QString, workspace);
        QFETCH(QString, expected);
        const QString link = buildSightlineLink(id, workspace);
        QCOMPARE(link, expected);
        // Round trip: what is built parses back to the same id and name.
        const SightlineLinkParse parsed = parseSightlineLink(link);
        QVERIFY2(parsed.link, qPrintable(parsed.error));
        QCOMPARE(parsed.link->evaluationId, id);
        QCOMPARE(parsed.link->workspace, workspace);
    }

    void saneIds()
    {
        QVERIFY(isSaneEvaluationId(u"ev-0123456789ab"_s));
        QVERIFY(isSaneEvaluationId(u"run_42.b:3"_s));
        QVERIFY(!isSaneEvaluationId(QString()));
        QVERIFY(!isSaneEvaluationId(u"a b"_s));
        QVERIFY(!isSaneEvaluationId(u"a/b"_s));
        QVERIFY(!isSaneEvaluationId(u"ü"_s));
        QVERIFY(!isSaneEvaluationId(QString(129, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestSightlineLink)
#include "tst_sightlinelink.moc"
