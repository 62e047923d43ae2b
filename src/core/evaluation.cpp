#include "evaluation.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Each enum's names as the platform stores them: one table per enum, read both ways.
template<typename Enum>
struct EnumName
{
    Enum value;
    QStringView name;
};

constexpr EnumName<EvaluationStatus> kStatusNames[] = {
    {EvaluationStatus::Queued, u"queued"},       {EvaluationStatus::Provisioning, u"provisioning"},
    {EvaluationStatus::Running, u"running"},     {EvaluationStatus::Completed, u"completed"},
    {EvaluationStatus::Failed, u"failed"},       {EvaluationStatus::Timeout, u"timeout"},
    {EvaluationStatus::Cancelled, u"cancelled"},
};
constexpr EnumName<EventCategory> kCategoryNames[] = {
    {EventCategory::Research, u"research"},
    {EventCategory::Storage, u"storage"},
    {EventCategory::Infrastructure, u"infrastructure"},
    {EventCategory::Security, u"security"},
};
constexpr EnumName<EventSeverity> kSeverityNames[] = {
    {EventSeverity::Info, u"info"},
    {EventSeverity::Warning, u"warning"},
    {EventSeverity::Error, u"error"},
    {EventSeverity::Critical, u"critical"},
};

template<typename Enum, size_t N>
QString nameOf(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return entry.name.toString();
    }
    return u"unknown"_s;
}

template<typename Enum, size_t N>
Enum valueOf(const EnumName<Enum> (&table)[N], QStringView name, Enum unknown)
{
    for (const auto &entry : table) {
        if (entry.name == name)
            return entry.value;
    }
    return unknown;
}
} // namespace

QString statusName(EvaluationStatus status)
{
    return nameOf(kStatusNames, status);
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
    return valueOf(kStatusNames, name, EvaluationStatus::Unknown);
}

QList<EvaluationStatus> knownStatuses()
{
    QList<EvaluationStatus> result;
    for (const auto &entry : kStatusNames)
        result.append(entry.value);
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
    return nameOf(kCategoryNames, category);
}

EventCategory categoryFromName(QStringView name)
{
    return valueOf(kCategoryNames, name, EventCategory::Unknown);
}

QString severityName(EventSeverity severity)
{
    return nameOf(kSeverityNames, severity);
}

EventSeverity severityFromName(QStringView name)
{
    return valueOf(kSeverityNames, name, EventSeverity::Unknown);
}

} // namespace Sightline
