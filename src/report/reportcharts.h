#pragma once

#include "reportdata.h"

#include <QImage>

namespace Sightline {

// The report's pictures, drawn with QPainter into images (no widgets): they go into the PDF and,
// as data: URIs, into the HTML. Sizes are in pixels at twice the size they are shown at.
QImage drawPhaseTimeline(const EvaluationDetail &detail, const QList<EvaluationEvent> &events, qint64 nowMs);
QImage drawMetricChart(const ReportChart &chart, qint64 startMs, qint64 endMs);
QImage drawDurationHistogram(const QList<ReportEvaluation> &evaluations);
QImage drawStatusBars(const QList<ReportEvaluation> &evaluations);

inline constexpr int ReportImageScale = 2;

} // namespace Sightline
