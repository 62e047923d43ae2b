#include "core/format.h"

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
        QTest::newRow("int64 max stays in PB") << std::numeric_limits<qint64>::max() << u"9223 PB"_s;
        // Regression: 999,999 B once showed as "1000 kB".
        QTest::newRow("999999 B is 1.0 MB") << qint64(999999) << u"1.0 MB"_s;
    }
    void bytes()
    {
        QFETCH(qint64, value);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::formatBytes(value), expected);
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
