#include "comparefields.h"

#include "core/format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sightline::CompareWindow", text);
}

QString formatTime(const Timestamp &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString statusText(const EvaluationRow &row)
{
    return row.status == EvaluationStatus::Unknown ? row.statusText : statusDisplayName(row.status);
}

} // namespace

QList<ComparedField> compareEvaluationFields(const EvaluationDetail &left,
                                             const QList<EvaluationEvent> &leftEvents,
                                             const EvaluationDetail &right,
                                             const QList<EvaluationEvent> &rightEvents)
{
    QList<ComparedField> fields;
    auto add = [&](const QString &name, const QString &l, const QString &r,
                   std::optional<bool> differs = {}) {
        fields.append({name, l, r, differs.value_or(l != r), false});
    };
    auto addPerRun = [&](const QString &name, const QString &l, const QString &r) {
        fields.append({name, l, r, l != r, true});
    };
    auto number = [](const std::optional<double> &value, int decimals, const QString &unit) {
        return value ? u"%1 %2"_s.arg(QLocale().toString(*value, 'f', decimals), unit) : QString();
    };
    auto security = [](const QList<EvaluationEvent> &events) {
        return std::count_if(events.begin(), events.end(),
                             [](const EvaluationEvent &e) { return e.category == EventCategory::Security; });
    };
    auto types = [](const QList<EvaluationEvent> &events) {
        QStringList list;
        for (const EvaluationEvent &event : events) {
            if (!list.contains(event.type))
                list << event.type;
        }
        return list.join(u", "_s);
    };
    auto outputText = [](const EvaluationDetail &d) {
        if (!d.outputLocation.isEmpty())
            return d.outputLocation;
        if (d.outputLength > 0)
            return tr("%1 characters inline").arg(formatCount(d.outputLength));
        return QString();
    };
    const EvaluationRow &l = left.row;
    const EvaluationRow &r = right.row;
    add(tr("Status"), statusText(l), statusText(r));
    add(tr("Engine"), l.engine, r.engine);
    addPerRun(tr("Created"), formatTime(l.createdAt), formatTime(r.createdAt));
    addPerRun(tr("Started"), formatTime(l.startedAt), formatTime(r.startedAt));
    addPerRun(tr("Completed"), formatTime(l.completedAt), formatTime(r.completedAt));
    add(tr("Duration"), l.durationSeconds ? formatDuration(*l.durationSeconds) : QString(),
        r.durationSeconds ? formatDuration(*r.durationSeconds) : QString());
    add(tr("Exit code"), l.exitCode ? QString::number(*l.exitCode) : QString(),
        r.exitCode ? QString::number(*r.exitCode) : QString());
    add(tr("Error"), left.error, right.error);
    add(tr("Worker"), l.workerId, r.workerId);
    addPerRun(tr("Container"), left.containerId, right.containerId);
    add(tr("Batch"), l.batchId, r.batchId);
    add(tr("Submitted by"), l.submittedBy, r.submittedBy);
    // The code by content: two evaluations of the same code read "same code".
    const bool codeDiffers = left.code != right.code || left.codeLength != right.codeLength;
    add(tr("Code"), tr("%1 characters").arg(formatCount(left.codeLength)),
        tr("%1 characters").arg(formatCount(right.codeLength)), codeDiffers);
    if (!codeDiffers)
        fields.last().right += tr(" (same code)");
    add(tr("Output"), outputText(left), outputText(right));
    add(tr("Output size"), l.outputSize ? formatBytes(*l.outputSize) : QString(),
        r.outputSize ? formatBytes(*r.outputSize) : QString());
    add(tr("CPU"), number(left.cpuSeconds, 1, tr("CPU·s")), number(right.cpuSeconds, 1, tr("CPU·s")));
    add(tr("Memory"), number(left.memoryMbSeconds, 0, tr("MB·s")),
        number(right.memoryMbSeconds, 0, tr("MB·s")));
    add(tr("Estimated cost"), l.costCents ? formatCost(*l.costCents) : QString(),
        r.costCents ? formatCost(*r.costCents) : QString());
    add(tr("Events"), formatCount(leftEvents.size()), formatCount(rightEvents.size()));
    add(tr("Security events"), formatCount(security(leftEvents)), formatCount(security(rightEvents)));
    add(tr("Event types"), types(leftEvents), types(rightEvents));
    return fields;
}

} // namespace Sightline
