#include "statuspalette.h"

namespace Sightline {

QColor statusColor(EvaluationStatus status)
{
    // Mid-tone colours: legible as text on white and as a pill behind white text.
    switch (status) {
    case EvaluationStatus::Queued:
        return QColor(0x6b, 0x72, 0x80);
    case EvaluationStatus::Provisioning:
        return QColor(0x7c, 0x3a, 0xed);
    case EvaluationStatus::Running:
        return QColor(0x25, 0x63, 0xeb);
    case EvaluationStatus::Completed:
        return QColor(0x16, 0x80, 0x3d);
    case EvaluationStatus::Failed:
        return QColor(0xdc, 0x26, 0x26);
    case EvaluationStatus::Timeout:
        return QColor(0xc2, 0x41, 0x0c);
    case EvaluationStatus::Cancelled:
        return QColor(0x78, 0x71, 0x6c);
    case EvaluationStatus::Unknown:
        break;
    }
    return QColor(0x9c, 0xa3, 0xaf);
}

QColor severityColor(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return QColor(0x4b, 0x55, 0x63);
    case EventSeverity::Warning:
        return QColor(0xb4, 0x53, 0x09);
    case EventSeverity::Error:
        return QColor(0xdc, 0x26, 0x26);
    case EventSeverity::Critical:
        return QColor(0x99, 0x1b, 0x1b);
    case EventSeverity::Unknown:
        break;
    }
    return QColor(0x9c, 0xa3, 0xaf);
}

} // namespace Sightline
