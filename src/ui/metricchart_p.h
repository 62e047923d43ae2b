#pragma once

// MetricChart's insides, shared by metricchart.cpp (data and layout), metricchartaxes.cpp (axes and
// number formats) and metricchartview.cpp (painting, markers, the hover readout).

#include "metricchart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPixmap>
#include <QValueAxis>

#include <optional>

class QLabel;
class QStackedLayout;
class QTimer;

namespace Sightline {

namespace MetricChartDetail {

constexpr int LegendMax = 10;              // legend entries before "+N more"
constexpr int AntialiasMaxPoints = 60'000; // above this, lines are drawn without antialiasing
constexpr double NearPixels = 40;          // the readout ignores samples farther than this (x)

const QColor &seriesColor(int index);
QColor alertColor();

struct ByteScale
{
    double factor;
    QString name;
};
ByteScale byteScale(double magnitude);
bool isBytes(const QString &unit);
QString unitTitle(const QString &unit);
// 1, 2, 2.5 or 5 times a power of ten: about `ticks` steps over `range`.
double niceStep(double range, int ticks);
// Enough decimals to tell ticks `step` apart: 0.25 → 2, 5 → 0.
int decimalsFor(double step);
QString plainNumber(double value);

} // namespace MetricChartDetail

class MetricChart::View : public QChartView
{
public:
    View(QChart *chart, MetricChart::Private *d, QWidget *parent)
        : QChartView(chart, parent)
        , m_d(d)
    {
        setMouseTracking(true);
        setFrameShape(QFrame::NoFrame);
        connect(scene(), &QGraphicsScene::changed, this, [this] { invalidateCache(); });
    }

    void invalidateCache()
    {
        m_cacheValid = false;
        viewport()->update();
    }

protected:
    void paintEvent(QPaintEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    MetricChart::Private *m_d;
    // The scene as last drawn: hover, exposes and scrolling repaint from it, and only a change in
    // the scene (scene()->changed) draws the hundreds of thousands of line segments again.
    QPixmap m_cache;
    bool m_cacheValid = false;
};

class MetricChart::Private
{
public:
    explicit Private(MetricChart *chart)
        : q(chart)
    {
    }

    void build();
    void applyPalette();
    void rebuild();
    void clearLines();
    void setupTimeAxis(double x0, double x1);
    void setupSecondsAxis(double x0, double x1);
    void setupValueAxis(double lo, double hi);
    void showMessage();
    int plotPixels() const;
    void useXAxis(XAxis wanted);
    void updateLegend();
    void drawMarkers(QPainter *painter);
    QString timeText(double xSeconds) const;
    double axisToPixelX(double axisX) const;
    double valueToPixelY(double scaledY) const;

    MetricChart *q;
    QChart *chart = nullptr;
    View *view = nullptr;
    // Time as ms since the epoch, labelled at round local times (QDateTimeAxis spaces its ticks
    // evenly from the range's start: 09:01, 09:08, …).
    QCategoryAxis *timeAxis = nullptr;
    QValueAxis *secondsAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    QLabel *messageLabel = nullptr;
    QStackedLayout *pages = nullptr;
    QLabel *noteLabel = nullptr;
    QLabel *legendLabel = nullptr;
    QLabel *readoutLabel = nullptr;
    QTimer *reduceAgain = nullptr;

    XAxis kind = XAxis::Time;
    QString unit;
    std::optional<std::pair<double, double>> xRange;
    QList<ChartSeries> series;
    QList<ChartMarker> markers;
    QString message;
    QString note;

    QList<QLineSeries *> lines;
    QVector<int> lineOwner; // series index of each line
    QStringList legend;     // the entries of legendLabel, in order
    int reducedPixels = 0;
    double scale = 1; // sample / scale = drawn value
    QString valueTitle;
    double xToAxis = 1000;   // seconds → axis units (ms since epoch, or s/min/h since start)
    double secondsUnit = 1;  // 1, 60 or 3600 on a seconds axis
    double ax0 = 0, ax1 = 1; // axis x range, axis units
    double vmin = 0, vmax = 1;
    bool hasData = false;

    std::optional<QPointF> hoverPixel;
    QString readout;
};

} // namespace Sightline
