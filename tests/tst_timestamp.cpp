#include "core/timestamp.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using Sightline::Timestamp;

namespace {
// An independent reference: Qt's own calendar arithmetic.
qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");

        // PostgreSQL, DateStyle ISO, TimeZone UTC
        QTest::newRow("pg microseconds")
            << u"2026-11-20 10:00:00.123456+00"_s << utc(2026, 11, 20, 10, 0, 0, 123);
        QTest::newRow("pg no fraction") << u"2026-11-20 10:00:00+00"_s << utc(2026, 11, 20, 10);
        QTest::newRow("pg one fraction digit")
            << u"2026-11-20 10:00:00.5+00"_s << utc(2026, 11, 20, 10, 0, 0, 500);
        QTest::newRow("pg +05:30") << u"2026-11-20 10:00:00+05:30"_s << utc(2026, 11, 20, 4, 30);
        QTest::newRow("pg -08") << u"2026-11-20 10:00:00-08"_s << utc(2026, 11, 20, 18);
        QTest::newRow("pg +0530 without colon") << u"2026-11-20 10:00:00+0530"_s << utc(2026, 11, 20, 4, 30);
        QTest::newRow("offset crosses midnight") << u"2026-01-01 01:00:00+02"_s << utc(2025, 12, 31, 23);
        QTest::newRow("pg +14:00 (Kiribati)") << u"2026-11-20 14:00:00+14:00"_s << utc(2026, 11, 20, 0);
        // SQLite, as Sightline writes it
        QTest::newRow("sqlite Z") << u"2026-11-24T09:56:15.123Z"_s << utc(2026, 11, 24, 9, 56, 15, 123);
        QTest::newRow("sqlite no zone is UTC") << u"2026-11-24T09:56:15"_s << utc(2026, 11, 24, 9, 56, 15);
        QTest::newRow("minutes only") << u"2026-11-24 09:56"_s << utc(2026, 11, 24, 9, 56);
        QTest::newRow("date only") << u"2026-11-24"_s << utc(2026, 11, 24);
        QTest::newRow("leap day") << u"2024-02-29 12:00:00Z"_s << utc(2024, 2, 29, 12);
        QTest::newRow("epoch") << u"1970-01-01 00:00:00+00"_s << qint64(0);
        QTest::newRow("just before epoch") << u"1969-12-31 23:59:59.999+00"_s << qint64(-1);
        QTest::newRow("1900") << u"1900-01-01T00:00:00Z"_s << qint64(-2208988800000);
        QTest::newRow("surrounding spaces") << u"  2026-11-20 10:00:00+00\n"_s << utc(2026, 11, 20, 10);
        // Sub-millisecond digits are dropped, not rounded: 10:00:00.9999 stays in second :00.
        QTest::newRow("truncates below ms")
            << u"2026-11-20 10:00:00.9999+00"_s << utc(2026, 11, 20, 10, 0, 0, 999);
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const Timestamp parsed = Sightline::parseTimestamp(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, expected);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << u"   "_s;
        QTest::newRow("garbage") << u"yesterday at noon"_s;
        QTest::newRow("infinity (PostgreSQL)") << u"infinity"_s;
        QTest::newRow("BC date (PostgreSQL)") << u"0044-03-15 12:00:00+00 BC"_s;
        QTest::newRow("February 30") << u"2026-02-30 00:00:00+00"_s;
        QTest::newRow("Feb 29 not leap") << u"2025-02-29"_s;
        QTest::newRow("month 13") << u"2026-13-01"_s;
        QTest::newRow("month 00") << u"2026-00-10"_s;
        QTest::newRow("year 0") << u"0000-01-01"_s;
        QTest::newRow("hour 24") << u"2026-11-20 24:00:00+00"_s;
        QTest::newRow("minute 61") << u"2026-11-20 10:61:00+00"_s;
        QTest::newRow("second 61") << u"2026-11-20 10:00:61+00"_s;
        QTest::newRow("offset +16") << u"2026-11-20 10:00:00+16"_s;
        QTest::newRow("offset minutes 75") << u"2026-11-20 10:00:00+05:75"_s;
        QTest::newRow("truncated date") << u"2026-11-2"_s;
        QTest::newRow("truncated time") << u"2026-11-20 10:0"_s;
        QTest::newRow("truncated seconds") << u"2026-11-20 10:00:"_s;
        QTest::newRow("dot without fraction") << u"2026-11-20 10:00:00.+00"_s;
        QTest::newRow("sign without offset") << u"2026-11-20 10:00:00+"_s;
        QTest::newRow("one-digit offset") << u"2026-11-20 10:00:00+5"_s;
        QTest::newRow("offset colon then nothing") << u"2026-11-20 10:00:00+05:"_s;
        QTest::newRow("trailing text") << u"2026-11-20 10:00:00+00 UTC"_s;
        QTest::newRow("two Z") << u"2026-11-20T10:00:00ZZ"_s;
        QTest::newRow("slashes") << u"2026/11/20 10:00:00"_s;
        QTest::newRow("fullwidth digits") << u"２０２６-11-20"_s;
        QTest::newRow("embedded NUL") << QString(u"2026-11-20\0 10:00:00"_s);
        QTest::newRow("negative year") << u"-2026-11-20"_s;
        QTest::newRow("huge garbage") << QString(1 << 20, u'x');
        QTest::newRow("huge digits") << QString(1 << 20, u'9');
        QTest::newRow("valid then huge tail") << (u"2026-11-20 10:00:00+00"_s + QString(1 << 20, u'0'));
    }
    void rejectsInvalid()
    {
        QFETCH(QString, text);
        const Timestamp parsed = Sightline::parseTimestamp(text);
        QVERIFY2(!parsed.has_value(), qPrintable(u"accepted as %1"_s.arg(parsed.value_or(0))));
    }

    void formatsUtc_data()
    {
        QTest::addColumn<qint64>("msecs");
        QTest::addColumn<QString>("expected");

        QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00.000Z"_s;
        QTest::newRow("-1 ms") << qint64(-1) << u"1969-12-31T23:59:59.999Z"_s;
        QTest::newRow("-1 day") << qint64(-86400000) << u"1969-12-31T00:00:00.000Z"_s;
        QTest::newRow("-1 day -1 ms") << qint64(-86400001) << u"1969-12-30T23:59:59.999Z"_s;
        QTest::newRow("1900") << qint64(-2208988800000) << u"1900-01-01T00:00:00.000Z"_s;
        QTest::newRow("2026") << utc(2026, 11, 24, 9, 56, 15, 123) << u"2026-11-24T09:56:15.123Z"_s;
        QTest::newRow("leap day") << utc(2024, 2, 29, 23, 59, 59, 999) << u"2024-02-29T23:59:59.999Z"_s;
        QTest::newRow("9999") << utc(9999, 12, 31, 23, 59, 59, 999) << u"9999-12-31T23:59:59.999Z"_s;
    }
    void formatsUtc()
    {
        QFETCH(qint64, msecs);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatTimestampUtc(msecs), expected);
        // What Sightline writes, it reads back unchanged.
        const Timestamp back = Sightline::parseTimestamp(expected);
        QVERIFY(back.has_value());
        QCOMPARE(*back, msecs);
    }

    // The text form must sort like time does, or SQLite range queries on it are wrong.
    void formattedTextSortsLikeTime()
    {
        const QList<qint64> times{-2208988800000,  -86400001,        -1, 0, 1, 999, 1000,
                                  utc(2026, 1, 1), utc(2026, 11, 24)};
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY2(Sightline::formatTimestampUtc(times[i - 1]) < Sightline::formatTimestampUtc(times[i]),
                     qPrintable(Sightline::formatTimestampUtc(times[i])));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
