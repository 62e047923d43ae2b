#include "core/format.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Group separators and decimal points follow the locale; pin one so results do not
        // depend on the machine.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void count_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << qint64(0) << u"0"_s;
        QTest::newRow("999") << qint64(999) << u"999"_s;
        QTest::newRow("1000") << qint64(1000) << u"1,000"_s;
        QTest::newRow("million") << qint64(1000000) << u"1,000,000"_s;
        QTest::newRow("negative") << qint64(-1234) << u"-1,234"_s;
        QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << u"9,223,372,036,854,775,807"_s;
    }
    void count()
    {
        QFETCH(qint64, value);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatCount(value), expected);
    }

    void countFollowsLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString german = Sightline::formatCount(1234567);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(german, u"1.234.567"_s);
    }

    void duration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << u"0 ms"_s;
        QTest::newRow("sub-ms") << 0.0004 << u"0 ms"_s;
        QTest::newRow("850 ms") << 0.85 << u"850 ms"_s;
        QTest::newRow("1 s") << 1.0 << u"1.0 s"_s;
        QTest::newRow("42.1 s") << 42.1 << u"42.1 s"_s;
        QTest::newRow("1 min") << 60.0 << u"1 min 00 s"_s;
        QTest::newRow("3 min 05 s") << 185.0 << u"3 min 05 s"_s;
        QTest::newRow("59 min 59 s") << 3599.0 << u"59 min 59 s"_s;
        QTest::newRow("rounds up to 1 h") << 3599.6 << u"1 h 00 min"_s;
        QTest::newRow("2 h 14 min") << 8040.0 << u"2 h 14 min"_s;
        QTest::newRow("1 d 1 h") << 90000.0 << u"1 d 1 h"_s;
        QTest::newRow("30 d (over 2^31 ms)") << 30.0 * 86400 << u"30 d 0 h"_s;
        QTest::newRow("negative") << -5.0 << u"−5.0 s"_s;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QString();
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QString();
        // Regressions: rounding at a unit boundary moves on to the next unit.
        QTest::newRow("999.6 ms is 1.0 s") << 0.9996 << u"1.0 s"_s;
        QTest::newRow("59.96 s is 1 min") << 59.96 << u"1 min 00 s"_s;
    }
    void duration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatDuration(seconds), expected);
    }

    void bytes_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << qint64(0) << u"0 B"_s;
        QTest::newRow("999 B") << qint64(999) << u"999 B"_s;
        QTest::newRow("1 kB") << qint64(1000) << u"1.0 kB"_s;
        QTest::newRow("2.3 MB") << qint64(2300000) << u"2.3 MB"_s;
        QTest::newRow("10 MB has no decimal") << qint64(10000000) << u"10 MB"_s;
        QTest::newRow("512 GB") << qint64(512) * 1000 * 1000 * 1000 << u"512 GB"_s;
        QTest::newRow("1.5 TB") << qint64(1500) * 1000 * 1000 * 1000 << u"1.5 TB"_s;
        QTest::newRow("int64 max stays in PB") << std::numeric_limits<qint64>::max() << u"9,223 PB"_s;
        // Regression: 999,999 B once showed as "1000 kB".
        QTest::newRow("999999 B is 1.0 MB") << qint64(999999) << u"1.0 MB"_s;
    }
    void bytes()
    {
        QFETCH(qint64, value);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatBytes(value), expected);
    }

    // The same values in the two locales the catalogue covers: decimal points, group separators,
    // currency and date orders follow QLocale's default, which installTranslations() sets.
    void locales_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en count") << u"en_US"_s << u"count"_s << u"1,234,567"_s;
        QTest::newRow("de count") << u"de_DE"_s << u"count"_s << u"1.234.567"_s;
        QTest::newRow("en number") << u"en_US"_s << u"number"_s << u"1,234.57"_s;
        QTest::newRow("de number") << u"de_DE"_s << u"number"_s << u"1.234,57"_s;
        QTest::newRow("en bytes") << u"en_US"_s << u"bytes"_s << u"2.3 MB"_s;
        QTest::newRow("de bytes") << u"de_DE"_s << u"bytes"_s << u"2,3 MB"_s;
        QTest::newRow("en duration") << u"en_US"_s << u"duration"_s << u"42.1 s"_s;
        QTest::newRow("de duration") << u"de_DE"_s << u"duration"_s << u"42,1 s"_s;
        QTest::newRow("en cost") << u"en_US"_s << u"cost"_s << u"$0.042"_s;
        QTest::newRow("de cost") << u"de_DE"_s << u"cost"_s << u"0,042\u00a0$"_s;
        QTest::newRow("en date") << u"en_US"_s << u"date"_s << u"11/30/26 5:05:09 PM"_s;
        QTest::newRow("de date") << u"de_DE"_s << u"date"_s << u"30.11.26 17:05:09"_s;
        QTest::newRow("C date stays ISO") << u"C"_s << u"date"_s << u"2026-11-30 17:05:09"_s;
        QTest::newRow("C cost") << u"C"_s << u"cost"_s << u"$0.042"_s;
        QTest::newRow("de NaN number") << u"de_DE"_s << u"nan"_s << QString();
        QTest::newRow("de invalid date") << u"de_DE"_s << u"invalid date"_s << QString();
    }
    void locales()
    {
        QFETCH(QString, locale);
        QFETCH(QString, what);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(locale));
        // Local time: the text does not depend on the machine's time zone.
        const QDateTime time(QDate(2026, 11, 30), QTime(17, 5, 9));
        QString actual;
        if (what == u"count"_s)
            actual = Sightline::formatCount(1234567);
        else if (what == u"number"_s)
            actual = Sightline::formatNumber(1234.567, 2);
        else if (what == u"bytes"_s)
            actual = Sightline::formatBytes(2300000);
        else if (what == u"duration"_s)
            actual = Sightline::formatDuration(42.1);
        else if (what == u"cost"_s)
            actual = Sightline::formatCost(4.2);
        else if (what == u"date"_s)
            actual = Sightline::formatDateTime(time);
        else if (what == u"nan"_s)
            actual = Sightline::formatNumber(std::numeric_limits<double>::quiet_NaN(), 2);
        else if (what == u"invalid date"_s)
            actual = Sightline::formatDateTime(QDateTime());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(actual.replace(QChar(0x202f), QChar(0xa0)), expected);
    }

    void dateTimeMsIsLocalTime()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QDateTime time(QDate(2026, 1, 2), QTime(3, 4, 5));
        const QString text = Sightline::formatDateTimeMs(time.toMSecsSinceEpoch());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(text, u"02.01.26 03:04:05"_s);
    }

    void cost_data()
    {
        QTest::addColumn<double>("cents");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << u"$0.000"_s;
        QTest::newRow("4.2 cents") << 4.2 << u"$0.042"_s;
        QTest::newRow("fraction of a cent") << 0.04 << u"$0.000"_s;
        QTest::newRow("one dollar") << 100.0 << u"$1.00"_s;
        QTest::newRow("123.45") << 12345.0 << u"$123.45"_s;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QString();
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QString();
    }
    void cost()
    {
        QFETCH(double, cents);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatCost(cents), expected);
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
