#include "evaluation.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
struct StatusName
{
    EvaluationStatus status;
    QStringView name;
};
constexpr StatusName kStatusNames[] = {
    {EvaluationStatus::Queued, u"queued"},       {EvaluationStatus::Provisioning, u"provisioning"},
    {EvaluationStatus::Running, u"running"},     {EvaluationStatus::Completed, u"completed"},
    {EvaluationStatus::Failed, u"failed"},       {EvaluationStatus::Timeout, u"timeout"},
    {EvaluationStatus::Cancelled, u"cancelled"},
};
} // namespace

QString statusName(EvaluationStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return entry.name.toString();
    }
    return u"unknown"_s;
}

QString statusDisplayName(EvaluationStatus status)
{
    switch (status) {
    case EvaluationStatus::Queued:
        return QCoreApplication::translate("Sightline", "Queued");
    case EvaluationStatus::Provisioning:
        return QCoreApplication::translate("Sightline", "Provisioning");
    case EvaluationStatus::Running:
        return QCoreApplication::translate("Sightline", "Running");
    case EvaluationStatus::Completed:
        return QCoreApplication::translate("Sightline", "Completed");
    case EvaluationStatus::Failed:
        return QCoreApplication::translate("Sightline", "Failed");
    case EvaluationStatus::Timeout:
        return QCoreApplication::translate("Sightline", "Timed out");
    case EvaluationStatus::Cancelled:
        return QCoreApplication::translate("Sightline", "Cancelled");
    case EvaluationStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("Sightline", "Unknown");
}

EvaluationStatus statusFromName(QStringView name)
{
    for (const auto &entry : kStatusNames) {
        if (entry.name == name)
            return entry.status;
    }
    return EvaluationStatus::Unknown;
}

QList<EvaluationStatus> knownStatuses()
{
    QList<EvaluationStatus> result;
    for (const auto &entry : kStatusNames)
        result.append(entry.status);
    return result;
}

bool isTerminal(EvaluationStatus status)
{
    switch (status) {
    case EvaluationStatus::Completed:
    case EvaluationStatus::Failed:
    case EvaluationStatus::Timeout:
    case EvaluationStatus::Cancelled:
        return true;
    default:
        return false;
    }
}

QString categoryName(EventCategory category)
{
    switch (category) {
    case EventCategory::Research:
        return u"research"_s;
    case EventCategory::Storage:
        return u"storage"_s;
    case EventCategory::Infrastructure:
        return u"infrastructure"_s;
    case EventCategory::Security:
        return u"security"_s;
    case EventCategory::Unknown:
        break;
    }
    return u"unknown"_s;
}

EventCategory categoryFromName(QStringView name)
{
    if (name == u"research")
        return EventCategory::Research;
    if (name == u"storage")
        return EventCategory::Storage;
    if (name == u"infrastructure")
        return EventCategory::Infrastructure;
    if (name == u"security")
        return EventCategory::Security;
    return EventCategory::Unknown;
}

QString severityName(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return u"info"_s;
    case EventSeverity::Warning:
        return u"warning"_s;
    case EventSeverity::Error:
        return u"error"_s;
    case EventSeverity::Critical:
        return u"critical"_s;
    case EventSeverity::Unknown:
        break;
    }
    return u"unknown"_s;
}

EventSeverity severityFromName(QStringView name)
{
    if (name == u"info")
        return EventSeverity::Info;
    if (name == u"warning")
        return EventSeverity::Warning;
    if (name == u"error")
        return EventSeverity::Error;
    if (name == u"critical")
        return EventSeverity::Critical;
    return EventSeverity::Unknown;
}

} // namespace Sightline
