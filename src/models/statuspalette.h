#pragma once

#include "core/evaluation.h"

#include <QColor>

namespace Sightline {

// One colour per status and severity, readable on light and dark backgrounds, used by every view.
QColor statusColor(EvaluationStatus status);
QColor severityColor(EventSeverity severity);

} // namespace Sightline
