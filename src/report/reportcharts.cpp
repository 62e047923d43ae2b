#include "reportcharts.h"

#include "core/drilldown.h"
#include "core/format.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ReportTr::tr() under the context it looks up at run time.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::Report)
};

const QColor Ink(0x1f, 0x29, 0x37);
const QColor Grid(0xe5, 0xe7, 0xeb);
const QColor Muted(0x6b, 0x72, 0x80);
const QList<QColor> Palette{QColor(0x25, 0x63, 0xeb), QColor(0xdc, 0x26, 0x26), QColor(0x16, 0xa3, 0x4a),
                            QColor(0xd9, 0x77, 0x06), QColor(0x7c, 0x3a, 0xed), QColor(0x08, 0x91, 0xb2)};

QImage canvas(int width, int height, QPainter &painter)
{
    QImage image(width * ReportImageScale, height * ReportImageScale, QImage::Format_RGB32);
    image.fill(Qt::white);
    painter.begin(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(ReportImageScale, ReportImageScale);
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(11);
    painter.setFont(font);
    return image;
}

QColor statusColor(EvaluationStatus status)
{
    switch (status) {
    case EvaluationStatus::Completed:
        return QColor(0x16, 0xa3, 0x4a);
    case EvaluationStatus::Failed:
        return QColor(0xdc, 0x26, 0x26);
    case EvaluationStatus::Timeout:
        return QColor(0xd9, 0x77, 0x06);
    case EvaluationStatus::Running:
    case EvaluationStatus::Provisioning:
        return QColor(0x25, 0x63, 0xeb);
    default:
        return Muted;
    }
}

QColor severityColor(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Critical:
    case EventSeverity::Error:
        return QColor(0xdc, 0x26, 0x26);
    case EventSeverity::Warning:
        return QColor(0xd9, 0x77, 0x06);
    default:
        return QColor(0x25, 0x63, 0xeb);
    }
}

// An axis label with as many decimals as the gridline step needs, so that 0.394 and 0.398 differ.
QString shortValue(double value, const QString &unit, double step)
{
    if (unit == u"bytes"_s)
        return formatBytes(qint64(value));
    const double magnitude = std::abs(value);
    if (magnitude >= 1e7)
        return QString::number(value, 'g', 4);
    const int decimals = step > 0 ? qBound(0, int(std::ceil(-std::log10(step))) + 1, 6) : 2;
    return QString::number(value, 'f', decimals);
}

} // namespace

QImage drawPhaseTimeline(const EvaluationDetail &detail, const QList<EvaluationEvent> &events, qint64 nowMs)
{
    const int width = 680;
    const int height = 110;
    QPainter painter;
    QImage image = canvas(width, height, painter);
    const EvaluationRow &row = detail.row;
    if (!row.createdAt) {
        painter.setPen(Muted);
        painter.drawText(QRect(0, 0, width, height), Qt::AlignCenter,
                         ReportTr::tr("No creation time: no timeline."));
        return image;
    }
    const qint64 start = *row.createdAt;
    qint64 end = row.completedAt.value_or(row.startedAt.value_or(nowMs));
    for (const EvaluationEvent &event : events)
        end = qMax(end, event.timestamp);
    end = qMax(end, start + 1000);
    const double left = 90;
    const double right = width - 20;
    const auto x = [&](qint64 ms) {
        return left + (right - left) * double(ms - start) / double(end - start);
    };
    struct Phase
    {
        QString name;
        qint64 from;
        qint64 to;
        QColor color;
    };
    QList<Phase> phases;
    if (row.startedAt) {
        phases.append({ReportTr::tr("Waiting"), start, *row.startedAt, QColor(0x9c, 0xa3, 0xaf)});
        phases.append({ReportTr::tr("Running"), *row.startedAt, row.completedAt.value_or(end),
                       statusColor(row.status)});
    } else {
        phases.append(
            {ReportTr::tr("Waiting"), start, row.completedAt.value_or(end), QColor(0x9c, 0xa3, 0xaf)});
    }
    painter.setPen(Ink);
    painter.drawText(QRectF(0, 14, left - 8, 20), Qt::AlignRight | Qt::AlignVCenter, ReportTr::tr("Phases"));
    painter.drawText(QRectF(0, 50, left - 8, 20), Qt::AlignRight | Qt::AlignVCenter, ReportTr::tr("Events"));
    for (const Phase &phase : std::as_const(phases)) {
        const QRectF bar(x(phase.from), 14, qMax(2.0, x(phase.to) - x(phase.from)), 20);
        painter.fillRect(bar, phase.color);
        painter.setPen(Qt::white);
        if (bar.width() > 60)
            painter.drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             phase.name + u"  "_s + formatDuration(double(phase.to - phase.from) / 1000.0));
    }
    // Events as ticks; at most one per pixel column, so 100,000 events draw as fast as 100.
    QList<int> drawn(int(right - left) + 2, -1);
    for (const EvaluationEvent &event : events) {
        const int column = qBound(0, int(x(event.timestamp) - left), int(drawn.size()) - 1);
        const int rank = int(event.severity == EventSeverity::Unknown ? 0 : 3 - int(event.severity));
        if (drawn[column] >= 0 && drawn[column] <= rank)
            continue;
        drawn[column] = rank;
        painter.setPen(QPen(severityColor(event.severity), 1.5));
        painter.drawLine(QPointF(left + column, 50), QPointF(left + column, 70));
    }
    painter.setPen(Grid);
    painter.drawLine(QPointF(left, 80), QPointF(right, 80));
    painter.setPen(Muted);
    painter.drawText(QRectF(left, 84, 200, 16), Qt::AlignLeft, ReportTr::tr("created"));
    painter.drawText(QRectF(right - 200, 84, 200, 16), Qt::AlignRight,
                     u"+"_s + formatDuration(double(end - start) / 1000.0));
    painter.end();
    return image;
}

QImage drawMetricChart(const ReportChart &chart, qint64 startMs, qint64 endMs)
{
    const int width = 680;
    const int height = 215;
    QPainter painter;
    QImage image = canvas(width, height, painter);
    const QRectF plot(70, 24, width - 90, height - 70);
    painter.setPen(Ink);
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(0, 2, width, 18), Qt::AlignLeft | Qt::AlignVCenter,
                     chart.unit.isEmpty() ? chart.title : u"%1 (%2)"_s.arg(chart.title, chart.unit));
    bold.setBold(false);
    painter.setFont(bold);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const ReportChart::Series &series : chart.series)
        for (double value : series.values)
            if (std::isfinite(value)) {
                low = qMin(low, value);
                high = qMax(high, value);
            }
    painter.setPen(Grid);
    painter.drawRect(plot);
    if (!std::isfinite(low)) {
        painter.setPen(Muted);
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap,
                         chart.note.isEmpty() ? ReportTr::tr("No data") : chart.note);
        painter.end();
        return image;
    }
    if (high - low < 1e-12) {
        high += 1;
        low = qMin(low, high - 2);
    }
    const double x0 = double(startMs) / 1000.0;
    const double x1 = qMax(x0 + 1, double(endMs) / 1000.0);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4.0;
        painter.setPen(Grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Muted);
        painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                         shortValue(low + (high - low) * i / 4.0, chart.unit, (high - low) / 4.0));
    }
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, 200, 16), Qt::AlignLeft,
                     formatDuration(0).isEmpty() ? QString() : ReportTr::tr("window start"));
    painter.drawText(QRectF(plot.right() - 200, plot.bottom() + 4, 200, 16), Qt::AlignRight,
                     u"+"_s + formatDuration(x1 - x0));
    painter.setClipRect(plot);
    int colorIndex = 0;
    for (const ReportChart::Series &series : chart.series) {
        const QColor color = Palette.at(colorIndex++ % Palette.size());
        painter.setPen(QPen(color, 1.4));
        const QList<QList<QPointF>> runs =
            reduceMinMaxPerPixel(series.timesSeconds.constData(), series.values.constData(),
                                 series.values.size(), x0, x1, int(plot.width()));
        for (const QList<QPointF> &run : runs) {
            QPainterPath path;
            for (int i = 0; i < run.size(); ++i) {
                const QPointF point(plot.left() + plot.width() * (run[i].x() - x0) / (x1 - x0),
                                    plot.bottom() - plot.height() * (run[i].y() - low) / (high - low));
                if (i == 0)
                    path.moveTo(point);
                else
                    path.lineTo(point);
            }
            painter.drawPath(path);
        }
    }
    painter.setClipping(false);
    // Legend: the first few series.
    double lx = plot.left();
    for (int i = 0; i < qMin<qsizetype>(chart.series.size(), 4); ++i) {
        const QString name = painter.fontMetrics().elidedText(chart.series[i].name, Qt::ElideMiddle, 150);
        painter.fillRect(QRectF(lx + 0, height - 10, 10, 4), Palette.at(i % Palette.size()));
        painter.setPen(Muted);
        painter.drawText(QRectF(lx + 14, height - 16, 150, 14), Qt::AlignLeft | Qt::AlignVCenter, name);
        lx += 165;
    }
    painter.end();
    return image;
}

QImage drawDurationHistogram(const QList<ReportEvaluation> &evaluations)
{
    const int width = 680;
    const int height = 200;
    QPainter painter;
    QImage image = canvas(width, height, painter);
    QList<double> durations;
    for (const ReportEvaluation &evaluation : evaluations)
        if (evaluation.detail.row.durationSeconds)
            durations.append(*evaluation.detail.row.durationSeconds);
    const QRectF plot(50, 10, width - 70, height - 40);
    painter.setPen(Grid);
    painter.drawRect(plot);
    if (durations.isEmpty()) {
        painter.setPen(Muted);
        painter.drawText(plot, Qt::AlignCenter, ReportTr::tr("No evaluation has a duration yet."));
        painter.end();
        return image;
    }
    const double low = *std::min_element(durations.cbegin(), durations.cend());
    const double high = qMax(low + 1e-3, *std::max_element(durations.cbegin(), durations.cend()));
    const int binCount = 20;
    QList<int> bins(binCount, 0);
    for (double value : std::as_const(durations))
        ++bins[qBound(0, int((value - low) / (high - low) * binCount), binCount - 1)];
    const int most = *std::max_element(bins.cbegin(), bins.cend());
    const double binWidth = plot.width() / binCount;
    for (int i = 0; i < binCount; ++i) {
        const double h = plot.height() * bins[i] / qMax(1, most);
        painter.fillRect(QRectF(plot.left() + i * binWidth + 1, plot.bottom() - h, binWidth - 2, h),
                         Palette.at(0));
    }
    painter.setPen(Muted);
    painter.drawText(QRectF(0, plot.top(), plot.left() - 6, 16), Qt::AlignRight, formatCount(most));
    painter.drawText(QRectF(0, plot.bottom() - 16, plot.left() - 6, 16), Qt::AlignRight, u"0"_s);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, 200, 16), Qt::AlignLeft, formatDuration(low));
    painter.drawText(QRectF(plot.right() - 200, plot.bottom() + 4, 200, 16), Qt::AlignRight,
                     formatDuration(high));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), 16), Qt::AlignHCenter,
                     ReportTr::tr("duration (%1 evaluations)").arg(formatCount(durations.size())));
    painter.end();
    return image;
}

QImage drawStatusBars(const QList<ReportEvaluation> &evaluations)
{
    const int width = 680;
    const int height = 40;
    QPainter painter;
    QImage image = canvas(width, height, painter);
    QList<int> counts(EvaluationStatusCount, 0);
    for (const ReportEvaluation &evaluation : evaluations)
        ++counts[int(evaluation.detail.row.status)];
    const double total = qMax<qsizetype>(1, evaluations.size());
    double x = 0;
    for (int status = 0; status < EvaluationStatusCount; ++status) {
        if (!counts[status])
            continue;
        const double w = width * counts[status] / total;
        const QRectF bar(x, 4, w, 32);
        painter.fillRect(bar, statusColor(EvaluationStatus(status)));
        painter.setPen(Qt::white);
        const QString label = u"%1 %2"_s.arg(statusDisplayName(EvaluationStatus(status))).arg(counts[status]);
        if (painter.fontMetrics().horizontalAdvance(label) < w - 6)
            painter.drawText(bar, Qt::AlignCenter, label);
        x += w;
    }
    painter.end();
    return image;
}

} // namespace Sightline
