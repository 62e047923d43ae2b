// MetricChart alone, headless, with no server: what reaches the QLineSeries (min/max per pixel,
// NaN gaps, ±Inf clipped), the empty state, unit scaling, the legend cap and the hover readout.

#include "screenshots.h"
#include "ui/metricchart.h"

#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double T0 = 1'790'000'000; // Unix seconds

ChartSeries sine(const QString &label, int points, double step, double amplitude, double offset = 0)
{
    ChartSeries series;
    series.label = label;
    series.x.reserve(points);
    series.y.reserve(points);
    for (int i = 0; i < points; ++i) {
        series.x.append(T0 + i * step);
        series.y.append(offset + amplitude * std::sin(2 * M_PI * i / 977.0));
    }
    return series;
}

// The chart has been laid out and its series reduced to the plot's current width.
bool settled(MetricChart *chart)
{
    return QTest::qWaitFor(
        [chart] {
            const QList<QLineSeries *> lines = chart->lineSeries();
            if (lines.isEmpty())
                return false;
            const int width = int(std::lround(lines.constFirst()->chart()->plotArea().width()));
            return width > 10 && chart->reducedPixels() == width;
        },
        5000);
}

QList<QPointF> allPoints(MetricChart *chart)
{
    QList<QPointF> points;
    for (QLineSeries *line : chart->lineSeries())
        points += line->points();
    return points;
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT

private:
    TestSupport::Screenshots m_shots;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_shots.prepare()); }

    void reductionFeedsAtMostFourPointsPerPixel()
    {
        MetricChart chart;
        chart.resize(600, 320);
        chart.show();
        const ChartSeries data = sine(u"signal"_s, 100'000, 1, 10, 50);
        chart.setSeries({data});
        QVERIFY(settled(&chart));
        const int pixels = chart.reducedPixels();
        QVERIFY2(pixels > 300 && pixels < 600, qPrintable(QString::number(pixels)));
        QVERIFY2(chart.drawnPoints() <= 4 * qsizetype(pixels),
                 qPrintable(QString::number(chart.drawnPoints())));
        QVERIFY(chart.drawnPoints() >= 2 * qsizetype(pixels)); // min and max of every column at least
        // The extremes survive the reduction.
        const QList<QPointF> points = allPoints(&chart);
        double lo = Inf;
        double hi = -Inf;
        for (const QPointF &p : points) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
        double dataLo = Inf;
        double dataHi = -Inf;
        for (double y : data.y) {
            dataLo = std::min(dataLo, y);
            dataHi = std::max(dataHi, y);
        }
        QCOMPARE(lo, dataLo);
        QCOMPARE(hi, dataHi);
        // x is in ms since the epoch on a time axis.
        QCOMPARE(points.constFirst().x(), T0 * 1000);

        // Wider: reduced again to the new width.
        chart.resize(1200, 320);
        QVERIFY(QTest::qWaitFor([&] { return chart.reducedPixels() > pixels + 400; }, 5000));
        QVERIFY(settled(&chart));
        QVERIFY(chart.drawnPoints() <= 4 * qsizetype(chart.reducedPixels()));
        QCOMPARE(chart.legendLabels(), QStringList{u"signal"_s});
    }

    void nanGapsSplitOneSeries()
    {
        MetricChart chart;
        chart.resize(600, 300);
        chart.show();
        ChartSeries data = sine(u"gappy"_s, 300, 15, 1, 5);
        for (int i = 100; i < 120; ++i)
            data.y[i] = Nan;
        data.y[200] = Nan;
        chart.setSeries({data, sine(u"other"_s, 300, 15, 2, 5)});
        QVERIFY(settled(&chart));
        QCOMPARE(chart.lineSeriesCount(0), 3);
        QCOMPARE(chart.lineSeriesCount(1), 1);
        const QList<QLineSeries *> lines = chart.lineSeries();
        QCOMPARE(lines.size(), 4);
        // One colour per series, one legend entry per series.
        QCOMPARE(lines.at(0)->pen().color(), lines.at(1)->pen().color());
        QCOMPARE(lines.at(1)->pen().color(), lines.at(2)->pen().color());
        QVERIFY(lines.at(0)->pen().color() != lines.at(3)->pen().color());
        QCOMPARE(chart.legendLabels(), (QStringList{u"gappy"_s, u"other"_s}));
        for (const QPointF &p : allPoints(&chart))
            QVERIFY(!std::isnan(p.y()));
        QVERIFY2(chart.note().contains(u"NaN"_s), qPrintable(chart.note()));
    }

    void infinityIsClippedToTheAxis()
    {
        MetricChart chart;
        chart.resize(600, 300);
        chart.show();
        ChartSeries data;
        data.label = u"spiky"_s;
        const QList<double> values{1, 2, Inf, 3, -Inf, 2, 4, 1};
        for (int i = 0; i < values.size(); ++i) {
            data.x.append(T0 + 60 * i);
            data.y.append(values.at(i));
        }
        chart.setSeries({data});
        QVERIFY(settled(&chart));
        // The scale comes from the finite samples: 1…4, not ±Inf.
        QVERIFY(std::isfinite(chart.valueAxisMin()) && std::isfinite(chart.valueAxisMax()));
        QVERIFY2(chart.valueAxisMax() >= 4 && chart.valueAxisMax() <= 10,
                 qPrintable(QString::number(chart.valueAxisMax())));
        QVERIFY2(chart.valueAxisMin() <= 1 && chart.valueAxisMin() >= 0,
                 qPrintable(QString::number(chart.valueAxisMin())));
        const QList<QPointF> points = allPoints(&chart);
        QCOMPARE(points.size(), values.size());
        QCOMPARE(points.at(2).y(), chart.valueAxisMax());
        QCOMPARE(points.at(4).y(), chart.valueAxisMin());
        QVERIFY2(chart.note().contains(u"Inf"_s), qPrintable(chart.note()));

        // Nothing finite at all: still a chart, on a default scale, and it says so.
        ChartSeries infinite;
        infinite.label = u"vector(1)/0"_s;
        infinite.x = {T0, T0 + 15, T0 + 30};
        infinite.y = {Inf, Inf, Inf};
        chart.setSeries({infinite});
        QVERIFY(settled(&chart));
        QVERIFY(std::isfinite(chart.valueAxisMax()));
        QVERIFY2(chart.note().contains(u"No finite samples"_s), qPrintable(chart.note()));
        QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
        QVERIFY(chart.renderInto(image) >= 0);
    }

    void emptyStateShowsItsMessage()
    {
        MetricChart chart;
        chart.resize(500, 260);
        chart.show();
        chart.setSeries({sine(u"a"_s, 100, 15, 1)});
        QVERIFY(settled(&chart));
        const QString message = u"No data: Prometheus has no samples for up{job=\"x\"} in this window."_s;
        chart.setMessage(message);
        QCOMPARE(chart.message(), message);
        QCOMPARE(chart.seriesCount(), 0);
        QVERIFY(chart.lineSeries().isEmpty());
        QVERIFY(chart.legendLabels().isEmpty());
        bool shown = false;
        for (const QLabel *label : chart.findChildren<QLabel *>())
            shown = shown || (label->isVisible() && label->text() == message);
        QVERIFY2(shown, "the message is on screen in the chart area");
        m_shots.save(&chart, u"metricchart-empty.png"_s);
        // Data again: the message goes.
        chart.setSeries({sine(u"a"_s, 100, 15, 1)});
        QVERIFY(chart.message().isEmpty());
        for (const QLabel *label : chart.findChildren<QLabel *>())
            QVERIFY(!(label->isVisible() && label->text() == message));
    }

    void unitScaling_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("title");
        QTest::addColumn<double>("scale");
        QTest::newRow("bytes as MiB") << u"bytes"_s << 512.0 * 1048576 << u"MiB"_s << 1048576.0;
        QTest::newRow("bytes as GiB") << u"bytes"_s << 3.5 * 1073741824 << u"GiB"_s << 1073741824.0;
        QTest::newRow("bytes as KiB") << u"bytes"_s << 2000.0 << u"KiB"_s << 1024.0;
        QTest::newRow("a few bytes") << u"bytes"_s << 100.0 << u"bytes"_s << 1.0;
        QTest::newRow("cores") << u"cores"_s << 0.75 << u"cores"_s << 1.0;
        QTest::newRow("plain") << QString() << 1234.0 << QString() << 1.0;
    }

    void unitScaling()
    {
        QFETCH(QString, unit);
        QFETCH(double, value);
        QFETCH(QString, title);
        QFETCH(double, scale);
        MetricChart chart;
        chart.resize(500, 260);
        chart.show();
        chart.setUnit(unit);
        chart.setSeries({sine(u"s"_s, 200, 15, value * 0.2, value)});
        QVERIFY(settled(&chart));
        QCOMPARE(chart.valueAxisTitle(), title);
        QCOMPARE(chart.valueScale(), scale);
        // What is drawn is the sample divided by the scale.
        const QList<QPointF> points = allPoints(&chart);
        QCOMPARE(points.constFirst().y(), value / scale);
    }

    void formatsValues_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("MiB") << 536870912.0 << u"bytes"_s << u"512 MiB"_s;
        QTest::newRow("GiB") << 1.5 * 1073741824 << u"bytes"_s << u"1.5 GiB"_s;
        QTest::newRow("cores") << 0.25 << u"cores"_s << u"0.25 cores"_s;
        QTest::newRow("plain") << 42.0 << QString() << u"42"_s;
        QTest::newRow("NaN") << Nan << u"bytes"_s << u"NaN"_s;
        QTest::newRow("+Inf") << Inf << u"cores"_s << u"+Inf"_s;
        QTest::newRow("-Inf") << -Inf << QString() << u"-Inf"_s;
    }

    void formatsValues()
    {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, text);
        QCOMPARE(formatMetricValue(value, unit), text);
    }

    void legendIsCapped()
    {
        MetricChart chart;
        chart.resize(900, 400);
        chart.show();
        QList<ChartSeries> many;
        for (int i = 0; i < 25; ++i)
            many.append(sine(u"series-%1"_s.arg(i, 2, 10, QChar(u'0')), 400, 15, 1 + i, 0));
        chart.setSeries(many);
        QVERIFY(settled(&chart));
        const QStringList legend = chart.legendLabels();
        QCOMPARE(legend.size(), 11);
        QCOMPARE(legend.constFirst(), u"series-00"_s);
        QCOMPARE(legend.at(9), u"series-09"_s);
        QCOMPARE(legend.constLast(), u"+15 more"_s);
        QCOMPARE(chart.seriesCount(), 25);
    }

    void secondsAxisForComparisons()
    {
        MetricChart chart;
        chart.resize(600, 300);
        chart.show();
        chart.setXAxis(MetricChart::XAxis::SecondsSinceStart);
        ChartSeries a;
        a.label = u"ev-a"_s;
        ChartSeries b;
        b.label = u"ev-b"_s;
        for (int i = 0; i <= 100; ++i) {
            a.x.append(i * 5);
            a.y.append(i);
            b.x.append(i * 3);
            b.y.append(2 * i);
        }
        chart.setSeries({a, b});
        chart.setMarkers({{0, u"started"_s, false}, {250, u"network_attempt"_s, true}});
        QVERIFY(settled(&chart));
        QCOMPARE(chart.xAxisTitle(), u"seconds since start"_s);
        QCOMPARE(chart.markerCount(), 2);
        // x stays in seconds since start (not ms since the epoch).
        QCOMPARE(allPoints(&chart).constFirst().x(), 0.0);
        m_shots.save(&chart, u"metricchart-seconds.png"_s);

        ChartSeries longer = a;
        for (double &x : longer.x)
            x *= 100; // 50,000 s
        chart.setSeries({longer});
        QVERIFY(settled(&chart));
        QCOMPARE(chart.xAxisTitle(), u"hours since start"_s);
    }

    void hoverReadsTheNearestSample()
    {
        MetricChart chart;
        chart.resize(700, 320);
        chart.show();
        chart.setUnit(u"bytes"_s);
        ChartSeries flat;
        flat.label = u"container_memory_usage_bytes{name=\"c-1\"}"_s;
        for (int i = 0; i <= 60; ++i) {
            flat.x.append(T0 + 60 * i);
            flat.y.append(256.0 * 1048576);
        }
        chart.setSeries({flat});
        QVERIFY(settled(&chart));
        const QRectF plot = chart.lineSeries().constFirst()->chart()->plotArea();
        // The middle of the plot, at the line's height.
        const QPointF onLine = chart.lineSeries().constFirst()->chart()->mapToPosition(
            QPointF((T0 + 1800) * 1000, 256.0), chart.lineSeries().constFirst());
        const QString readout = chart.readoutAt(onLine.toPoint());
        QVERIFY2(readout.contains(u"256 MiB"_s), qPrintable(readout));
        QVERIFY2(readout.contains(flat.label), qPrintable(readout));
        const QString expectedTime =
            QDateTime::fromMSecsSinceEpoch(qint64(T0 + 1800) * 1000).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        QVERIFY2(readout.contains(expectedTime), qPrintable(readout));
        // Outside the plot: nothing.
        QVERIFY(chart.readoutAt(QPoint(1, 1)).isEmpty());
        QVERIFY(plot.width() > 0);
    }

    void rendersManySeriesQuickly()
    {
        // Not a timing assertion (that is sightline-bench prom-range's job): 200 series of 5,760
        // points draw, reduced, without error.
        MetricChart chart;
        chart.resize(1000, 400);
        chart.show();
        QList<ChartSeries> many;
        for (int s = 0; s < 200; ++s)
            many.append(sine(u"s%1"_s.arg(s), 5760, 15, 1 + s / 10.0));
        chart.setSeries(many);
        QVERIFY(settled(&chart));
        QVERIFY(chart.drawnPoints() <= 200 * 4 * qsizetype(chart.reducedPixels()));
        QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QVERIFY(chart.renderInto(image) > 0);
        m_shots.save(&chart, u"metricchart-200-series.png"_s);
    }
};

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
