#include "evaluationquery.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

QString columnTitle(EvaluationColumn column)
{
    switch (column) {
    case EvaluationColumn::Id:
        return QCoreApplication::translate("Sightline", "Evaluation");
    case EvaluationColumn::Status:
        return QCoreApplication::translate("Sightline", "Status");
    case EvaluationColumn::Engine:
        return QCoreApplication::translate("Sightline", "Engine");
    case EvaluationColumn::Created:
        return QCoreApplication::translate("Sightline", "Created");
    case EvaluationColumn::Started:
        return QCoreApplication::translate("Sightline", "Started");
    case EvaluationColumn::Completed:
        return QCoreApplication::translate("Sightline", "Completed");
    case EvaluationColumn::Duration:
        return QCoreApplication::translate("Sightline", "Duration");
    case EvaluationColumn::Worker:
        return QCoreApplication::translate("Sightline", "Worker");
    case EvaluationColumn::Batch:
        return QCoreApplication::translate("Sightline", "Batch");
    case EvaluationColumn::SubmittedBy:
        return QCoreApplication::translate("Sightline", "Submitted by");
    case EvaluationColumn::ExitCode:
        return QCoreApplication::translate("Sightline", "Exit");
    case EvaluationColumn::OutputSize:
        return QCoreApplication::translate("Sightline", "Output");
    case EvaluationColumn::Cost:
        return QCoreApplication::translate("Sightline", "Cost");
    }
    return {};
}

QString likeSubstringPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    escaped += u'%';
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    escaped += u'%';
    return escaped;
}

} // namespace Sightline
