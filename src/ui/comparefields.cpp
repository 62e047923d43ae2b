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

// Not a QObject: lupdate files CompareTr::tr() under the context it looks up at run time.
struct CompareTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::CompareWindow)
};

QString formatTime(const Timestamp &ms)
{
    return ms ? formatDateTimeMs(*ms) : QString();
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
            return CompareTr::tr("%1 characters inline").arg(formatCount(d.outputLength));
        return QString();
    };
    const EvaluationRow &l = left.row;
    const EvaluationRow &r = right.row;
    add(CompareTr::tr("Status"), statusText(l), statusText(r));
    add(CompareTr::tr("Engine"), l.engine, r.engine);
    addPerRun(CompareTr::tr("Created"), formatTime(l.createdAt), formatTime(r.createdAt));
    addPerRun(CompareTr::tr("Started"), formatTime(l.startedAt), formatTime(r.startedAt));
    addPerRun(CompareTr::tr("Completed"), formatTime(l.completedAt), formatTime(r.completedAt));
    add(CompareTr::tr("Duration"), l.durationSeconds ? formatDuration(*l.durationSeconds) : QString(),
        r.durationSeconds ? formatDuration(*r.durationSeconds) : QString());
    add(CompareTr::tr("Exit code"), l.exitCode ? QString::number(*l.exitCode) : QString(),
        r.exitCode ? QString::number(*r.exitCode) : QString());
    add(CompareTr::tr("Error"), left.error, right.error);
    add(CompareTr::tr("Worker"), l.workerId, r.workerId);
    addPerRun(CompareTr::tr("Container"), left.containerId, right.containerId);
    add(CompareTr::tr("Batch"), l.batchId, r.batchId);
    add(CompareTr::tr("Submitted by"), l.submittedBy, r.submittedBy);
    // The code by content: two evaluations of the same code read "same code".
    const bool codeDiffers = left.code != right.code || left.codeLength != right.codeLength;
    add(CompareTr::tr("Code"), CompareTr::tr("%1 characters").arg(formatCount(left.codeLength)),
        CompareTr::tr("%1 characters").arg(formatCount(right.codeLength)), codeDiffers);
    if (!codeDiffers)
        fields.last().right += CompareTr::tr(" (same code)");
    add(CompareTr::tr("Output"), outputText(left), outputText(right));
    add(CompareTr::tr("Output size"), l.outputSize ? formatBytes(*l.outputSize) : QString(),
        r.outputSize ? formatBytes(*r.outputSize) : QString());
    add(CompareTr::tr("CPU"), number(left.cpuSeconds, 1, CompareTr::tr("CPU·s")),
        number(right.cpuSeconds, 1, CompareTr::tr("CPU·s")));
    add(CompareTr::tr("Memory"), number(left.memoryMbSeconds, 0, CompareTr::tr("MB·s")),
        number(right.memoryMbSeconds, 0, CompareTr::tr("MB·s")));
    add(CompareTr::tr("Estimated cost"), l.costCents ? formatCost(*l.costCents) : QString(),
        r.costCents ? formatCost(*r.costCents) : QString());
    add(CompareTr::tr("Events"), formatCount(leftEvents.size()), formatCount(rightEvents.size()));
    add(CompareTr::tr("Security events"), formatCount(security(leftEvents)),
        formatCount(security(rightEvents)));
    add(CompareTr::tr("Event types"), types(leftEvents), types(rightEvents));
    return fields;
}

} // namespace Sightline
