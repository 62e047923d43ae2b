#include "metricchart_p.h"

#include "core/drilldown.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

using namespace MetricChartDetail;

void MetricChart::Private::build()
{
    chart = new QChart;
    chart->setMargins(QMargins(2, 2, 18, 2)); // room for the last time label
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Our own legend (legendLabel): Qt Charts' lays out a marker per segment and per hidden
    // series, and in 6.4 keeps its markers hidden after a chart was re-filled.
    chart->legend()->hide();
    QFont small = q->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    timeAxis = new QCategoryAxis;
    timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    secondsAxis = new QValueAxis;
    valueAxis = new QValueAxis;
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(timeAxis), static_cast<QAbstractAxis *>(secondsAxis),
          static_cast<QAbstractAxis *>(valueAxis)}) {
        axis->setLabelsFont(small);
        QFont titleFont = small;
        axis->setTitleFont(titleFont);
    }
    // Only the x axis in use is in the chart (setXAxis swaps them); the other waits, owned by us.
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    secondsAxis->setParent(q);

    view = new View(chart, this, q);
    // The empty state replaces the plot: a chart with no series would still draw its axes.
    messageLabel = new QLabel(q);
    messageLabel->setAlignment(Qt::AlignCenter);
    messageLabel->setWordWrap(true);
    messageLabel->setTextFormat(Qt::PlainText);
    messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLabel->setForegroundRole(QPalette::PlaceholderText);
    messageLabel->setBackgroundRole(QPalette::Base);
    messageLabel->setAutoFillBackground(true);
    messageLabel->setMargin(24);
    pages = new QStackedLayout;
    pages->addWidget(view);
    pages->addWidget(messageLabel);

    legendLabel = new QLabel(q);
    legendLabel->setTextFormat(Qt::RichText);
    legendLabel->setWordWrap(true);
    legendLabel->setFont(small);
    legendLabel->setContentsMargins(6, 0, 6, 0);
    legendLabel->hide();
    noteLabel = new QLabel(q);
    noteLabel->setWordWrap(true);
    noteLabel->setTextFormat(Qt::PlainText);
    noteLabel->setFont(small);
    noteLabel->hide();
    readoutLabel = new QLabel(q);
    readoutLabel->setFont(small);
    readoutLabel->setTextFormat(Qt::PlainText);
    readoutLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    readoutLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(4, 0, 4, 0);
    footer->addWidget(noteLabel, 1);
    footer->addWidget(readoutLabel);
    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(pages, 1);
    layout->addWidget(legendLabel);
    layout->addLayout(footer);

    reduceAgain = new QTimer(q);
    reduceAgain->setSingleShot(true);
    reduceAgain->setInterval(40);
    QObject::connect(reduceAgain, &QTimer::timeout, q, [this] {
        if (hasData && plotPixels() != reducedPixels)
            rebuild();
    });
    QObject::connect(chart, &QChart::plotAreaChanged, q, [this](const QRectF &) {
        if (hasData && plotPixels() != reducedPixels)
            reduceAgain->start();
    });
    applyPalette();
    showMessage();
}

void MetricChart::Private::applyPalette()
{
    const QPalette palette = q->palette();
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(90);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
    view->setBackgroundBrush(palette.brush(QPalette::Base));
    QPalette notePalette = noteLabel->palette();
    notePalette.setColor(QPalette::WindowText, QColor(0xa6, 0x5c, 0x00));
    noteLabel->setPalette(notePalette);
}

int MetricChart::Private::plotPixels() const
{
    const double width = chart->plotArea().width();
    if (width >= 10)
        return int(std::lround(width));
    // Not laid out yet: a guess that the first layout corrects.
    return std::max(100, q->width() - 90);
}

void MetricChart::Private::clearLines()
{
    chart->removeAllSeries(); // deletes them
    view->invalidateCache();
    lines.clear();
    lineOwner.clear();
    legend.clear();
    hoverPixel.reset();
    readout.clear();
    readoutLabel->clear();
}

void MetricChart::Private::showMessage()
{
    messageLabel->setText(message);
    pages->setCurrentWidget(hasData ? static_cast<QWidget *>(view) : messageLabel);
    noteLabel->setText(note);
    noteLabel->setVisible(!note.isEmpty());
    legendLabel->setVisible(hasData && !legend.isEmpty());
    view->viewport()->update();
}

void MetricChart::Private::updateLegend()
{
    legend.clear();
    QStringList html;
    QStringList all;
    for (int index = 0; index < series.size(); ++index) {
        const ChartSeries &s = series.at(index);
        all.append(s.label);
        if (index >= LegendMax)
            continue;
        legend.append(s.label);
        const QColor color = seriesColor(s.colorIndex >= 0 ? s.colorIndex : index);
        const QString label = legendLabel->fontMetrics().elidedText(
            s.label, Qt::ElideMiddle, series.size() == 1 ? std::max(200, q->width() - 60) : 420);
        const QString swatch = s.penStyle == Qt::SolidLine ? u"━━"_s : u"╍╍"_s;
        html.append(
            u"<span style=\"color:%1\">%2</span>&nbsp;%3"_s.arg(color.name(), swatch, label.toHtmlEscaped()));
    }
    if (series.size() > LegendMax) {
        const QString more = tr("+%1 more").arg(series.size() - LegendMax);
        legend.append(more);
        html.append(more);
    }
    legendLabel->setText(html.join(u"&nbsp;&nbsp;&nbsp; "_s));
    // Hovering the legend lists every series (up to a screenful).
    legendLabel->setToolTip(all.size() > 1 ? QStringList(all.mid(0, 40)).join(u'\n') +
                                                 (all.size() > 40 ? u"\n…"_s : QString())
                                           : QString());
}

void MetricChart::Private::useXAxis(XAxis wanted)
{
    QAbstractAxis *old = kind == XAxis::Time ? static_cast<QAbstractAxis *>(timeAxis) : secondsAxis;
    QAbstractAxis *next = wanted == XAxis::Time ? static_cast<QAbstractAxis *>(timeAxis) : secondsAxis;
    kind = wanted;
    if (old == next)
        return;
    clearLines();
    chart->removeAxis(old);
    old->setParent(q);
    chart->addAxis(next, Qt::AlignBottom);
    applyPalette();
}

void MetricChart::Private::rebuild()
{
    reduceAgain->stop();
    hoverPixel.reset();
    readout.clear();
    readoutLabel->clear();
    view->invalidateCache();
    hasData = !series.isEmpty() && message.isEmpty();
    if (!hasData) {
        clearLines();
        reducedPixels = 0;
        showMessage();
        return;
    }
    // The x extent: the range asked for, or the data's.
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -std::numeric_limits<double>::infinity();
    if (xRange) {
        x0 = xRange->first;
        x1 = xRange->second;
    } else {
        for (const ChartSeries &s : std::as_const(series)) {
            for (double x : s.x) {
                if (std::isfinite(x)) {
                    x0 = std::min(x0, x);
                    x1 = std::max(x1, x);
                }
            }
        }
    }
    if (!std::isfinite(x0) || !std::isfinite(x1)) {
        x0 = 0;
        x1 = 1;
    }
    if (x1 <= x0) {
        x0 -= 30;
        x1 += 30;
    }

    // The value range from the finite samples inside the x range; ±Inf must not stretch it.
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool nan = false;
    bool inf = false;
    for (const ChartSeries &s : std::as_const(series)) {
        const qsizetype n = std::min(s.x.size(), s.y.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (s.x[i] < x0 || s.x[i] > x1)
                continue;
            const double y = s.y[i];
            if (std::isnan(y)) {
                nan = true;
            } else if (std::isinf(y)) {
                inf = true;
            } else {
                lo = std::min(lo, y);
                hi = std::max(hi, y);
            }
        }
    }
    const bool anyFinite = std::isfinite(lo);
    if (!anyFinite) {
        lo = 0;
        hi = 1;
    }
    scale = 1;
    valueTitle = unitTitle(unit);
    if (isBytes(unit)) {
        const ByteScale bytes = byteScale(std::max(std::abs(lo), std::abs(hi)));
        scale = bytes.factor;
        valueTitle = bytes.name;
    }
    lo /= scale;
    hi /= scale;
    if (hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) {
        const double pad = std::abs(hi) > 0 ? std::abs(hi) * 0.1 : 1;
        lo -= pad;
        hi += pad;
    } else {
        const double pad = (hi - lo) * 0.05;
        const bool nonNegative = lo >= 0;
        lo -= pad;
        hi += pad;
        if (nonNegative && lo < 0)
            lo = 0;
    }
    QStringList notes;
    if (!anyFinite && (nan || inf))
        notes.append(tr("No finite samples: every value is NaN or ±Inf."));
    if (nan)
        notes.append(tr("NaN samples are drawn as gaps."));
    if (inf)
        notes.append(tr("±Inf samples are drawn at the edge of the value axis."));
    note = notes.join(u' ');
    if (kind == XAxis::Time)
        setupTimeAxis(x0, x1);
    else
        setupSecondsAxis(x0, x1);
    setupValueAxis(lo, hi);

    QAbstractAxis *xAxis = kind == XAxis::Time ? static_cast<QAbstractAxis *>(timeAxis) : secondsAxis;
    updateLegend();
    if (chart->plotArea().width() < 10) {
        // The plot's width is not known yet. Shown, the view can lay the chart out now; hidden (a
        // tab not on screen), the series are reduced once it is shown (plotAreaChanged), rather
        // than now to a guess and again a moment later.
        pages->setCurrentWidget(view);
        if (view->isVisible())
            chart->layout()->activate();
        if (chart->plotArea().width() < 10) {
            reducedPixels = 0;
            showMessage();
            return;
        }
    }
    const int pixels = plotPixels();
    reducedPixels = pixels;
    qsizetype drawn = 0;
    QVector<double> xs;
    QVector<double> ys;
    QList<QList<QList<QPointF>>> reduced;
    reduced.reserve(series.size());
    for (const ChartSeries &s : std::as_const(series)) {
        const qsizetype n = std::min(s.x.size(), s.y.size());
        xs.resize(n);
        ys.resize(n);
        for (qsizetype i = 0; i < n; ++i) {
            xs[i] = s.x[i] * xToAxis;
            const double y = s.y[i];
            ys[i] = std::isnan(y) ? y : std::isinf(y) ? (y > 0 ? vmax : vmin) : y / scale;
        }
        reduced.append(reduceMinMaxPerPixel(xs.constData(), ys.constData(), n, ax0, ax1, pixels));
        for (const QList<QPointF> &segment : std::as_const(reduced.constLast()))
            drawn += segment.size();
    }
    // Antialiased lines look better, but cost too much once there are hundreds of thousands of points.
    view->setRenderHint(QPainter::Antialiasing, drawn <= AntialiasMaxPoints);
    const qreal penWidth = series.size() > 20 ? 1.0 : 1.6;
    // The QLineSeries of the last draw are reused: adding a series to a live chart costs Qt Charts
    // milliseconds (items, a legend marker, axis domains), replacing its points a fraction of that.
    qsizetype next = 0;
    lineOwner.clear();
    for (int index = 0; index < series.size(); ++index) {
        const ChartSeries &s = series.at(index);
        QPen pen(seriesColor(s.colorIndex >= 0 ? s.colorIndex : index), penWidth, s.penStyle);
        pen.setCosmetic(true);
        for (qsizetype segment = 0; segment < reduced.at(index).size(); ++segment) {
            QLineSeries *line = nullptr;
            if (next < lines.size()) {
                line = lines.at(next);
                if (line->name() != s.label)
                    line->setName(s.label);
                if (line->pen() != pen)
                    line->setPen(pen);
            } else {
                // Attached while empty: attaching a series to an axis rescales it, and every series
                // already on it maps its points again — quadratic in the series with points in them.
                line = new QLineSeries;
                line->setName(s.label);
                line->setPen(pen);
                chart->addSeries(line);
                line->attachAxis(xAxis);
                line->attachAxis(valueAxis);
                lines.append(line);
            }
            lineOwner.append(index);
            ++next;
        }
    }
    while (lines.size() > next) {
        QLineSeries *surplus = lines.takeLast();
        chart->removeSeries(surplus);
        delete surplus;
    }
    // The ranges again (attaching may have changed them), then the points: each line maps its own
    // points once.
    static_cast<QValueAxis *>(xAxis)->setRange(ax0, ax1);
    valueAxis->setRange(vmin, vmax);
    next = 0;
    for (const QList<QList<QPointF>> &segments : std::as_const(reduced)) {
        for (const QList<QPointF> &segment : segments)
            lines.at(next++)->replace(segment);
    }

    showMessage();
}

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    d->build();
    setMinimumHeight(160);
}

MetricChart::~MetricChart() = default;

void MetricChart::setXAxis(XAxis kind)
{
    if (d->kind == kind)
        return;
    d->useXAxis(kind);
    d->rebuild();
}

void MetricChart::setUnit(const QString &unit)
{
    if (d->unit == unit)
        return;
    d->unit = unit;
    d->rebuild();
}

void MetricChart::setXRange(double x0, double x1)
{
    d->xRange = std::make_pair(x0, x1);
    d->rebuild();
}

void MetricChart::clearXRange()
{
    d->xRange.reset();
    d->rebuild();
}

void MetricChart::setSeries(const QList<ChartSeries> &series)
{
    d->series = series;
    d->message.clear();
    d->note.clear();
    d->rebuild();
}

void MetricChart::setSeries(const QList<ChartSeries> &series, double x0, double x1)
{
    d->xRange = std::make_pair(x0, x1);
    setSeries(series);
}

void MetricChart::setMarkers(const QList<ChartMarker> &markers)
{
    d->markers = markers;
    d->view->viewport()->update();
}

void MetricChart::setMessage(const QString &message)
{
    d->series.clear();
    d->note.clear();
    d->message = message;
    d->rebuild();
}

void MetricChart::clear()
{
    d->series.clear();
    d->markers.clear();
    d->message.clear();
    d->note.clear();
    d->rebuild();
}

QString MetricChart::message() const
{
    return d->message;
}

QString MetricChart::note() const
{
    return d->note;
}

int MetricChart::seriesCount() const
{
    return int(d->series.size());
}

const QList<ChartSeries> &MetricChart::series() const
{
    return d->series;
}

int MetricChart::markerCount() const
{
    return int(d->markers.size());
}

bool MetricChart::isDrawn() const
{
    return !d->hasData || (d->reducedPixels > 0 && d->reducedPixels == d->plotPixels());
}

int MetricChart::reducedPixels() const
{
    return d->reducedPixels;
}

QList<QLineSeries *> MetricChart::lineSeries() const
{
    return d->lines;
}

int MetricChart::lineSeriesCount(int series) const
{
    return int(std::count(d->lineOwner.cbegin(), d->lineOwner.cend(), series));
}

qsizetype MetricChart::drawnPoints() const
{
    qsizetype points = 0;
    for (const QLineSeries *line : std::as_const(d->lines))
        points += line->count();
    return points;
}

QStringList MetricChart::legendLabels() const
{
    return d->hasData ? d->legend : QStringList();
}

QString MetricChart::valueAxisTitle() const
{
    return d->valueTitle;
}

double MetricChart::valueScale() const
{
    return d->scale;
}

double MetricChart::valueAxisMin() const
{
    return d->vmin;
}

double MetricChart::valueAxisMax() const
{
    return d->vmax;
}

QString MetricChart::xAxisTitle() const
{
    return d->kind == XAxis::Time ? d->timeAxis->titleText() : d->secondsAxis->titleText();
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (d->hasData)
        d->reduceAgain->start();
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        d->applyPalette();
    QWidget::changeEvent(event);
}

} // namespace Sightline
