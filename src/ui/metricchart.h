#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

class QLineSeries;

namespace Sightline {

// One line on a MetricChart: the samples as fetched, before any reduction.
struct ChartSeries
{
    QString label;
    QVector<double> x;   // seconds: Unix seconds on a time axis, seconds since start on a seconds axis
    QVector<double> y;   // NaN is a gap; ±Inf is drawn at the edge of the value axis
    int colorIndex = -1; // -1: the series' place in the list
    Qt::PenStyle penStyle = Qt::SolidLine;
};

// A vertical line across the plot: a lifecycle event ("started", "completed") or, in red, a
// security event.
struct ChartMarker
{
    double x = 0; // same base as the series' x
    QString label;
    bool alert = false;  // red, whatever colorIndex says
    int colorIndex = -1; // a series colour (a comparison's side); -1: grey
};

// A Qt Charts line chart for Prometheus series. Series are reduced to min/max per pixel column of
// the plot (reduceMinMaxPerPixel) before they reach their QLineSeries, and reduced again when the
// plot's width changes, so 200 series of 5,760 points draw as fast as a few thousand points.
// NaN samples split a series into segments of one colour under one legend entry; ±Inf samples are
// clipped to the value axis instead of stretching it. With no data the plot area says why
// (setMessage). Moving the mouse over the plot reads out the nearest sample.
class MetricChart : public QWidget
{
    Q_OBJECT
public:
    enum class XAxis { Time, SecondsSinceStart };

    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    void setXAxis(XAxis kind);
    // "bytes" (scaled to KiB/MiB/GiB), "cores", "seconds", "percent", or any text for the axis; ""
    // for plain numbers.
    void setUnit(const QString &unit);
    // The x range drawn, in the series' seconds; unset: the extent of the data.
    void setXRange(double x0, double x1);
    void clearXRange();
    void setSeries(const QList<ChartSeries> &series);
    // The same with the x range (one reduction instead of two).
    void setSeries(const QList<ChartSeries> &series, double x0, double x1);
    void setMarkers(const QList<ChartMarker> &markers);
    // Shown in the chart area in place of the plot: why there is nothing to draw. Clears the series.
    void setMessage(const QString &message);
    void clear();

    QString message() const;
    QString note() const; // a remark under the plot, e.g. about NaN/±Inf samples; "" when none
    int seriesCount() const;
    const QList<ChartSeries> &series() const;
    int markerCount() const;

    // How the series were drawn, for tests and the benchmark.
    bool isDrawn() const;      // the series are reduced to the plot's width (or there are none)
    int reducedPixels() const; // the pixel columns the series were last reduced to
    QList<QLineSeries *> lineSeries() const;
    int lineSeriesCount(int series) const; // segments of one series (NaN gaps split it)
    qsizetype drawnPoints() const;         // points held by all QLineSeries
    QStringList legendLabels() const;      // the visible legend entries
    QString valueAxisTitle() const;
    double valueScale() const; // a sample is divided by this before it is drawn (1024² for MiB)
    double valueAxisMin() const;
    double valueAxisMax() const;
    QString xAxisTitle() const;

    // The hover readout at a point of the chart view ("14:03:25 · 1.2 MiB · name{…}"); "" when
    // nothing is near. readout() is what the chart shows now.
    QString readoutAt(const QPoint &viewPos);
    QString readout() const;

    // Renders the whole chart as it stands into `image` (its size should be the widget's) and
    // returns the milliseconds it took: the repaint the benchmark measures. A repaint draws the
    // plot from the picture of its last change (hover, expose, scroll); `redraw` draws every line
    // again, as after new data.
    double renderInto(QImage &image, bool redraw = false);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Private;
    class View;
    std::unique_ptr<Private> d;
};

// Formats a value for people with the unit's scale: "1.5 GiB", "0.25 cores", "42".
QString formatMetricValue(double value, const QString &unit);

} // namespace Sightline
