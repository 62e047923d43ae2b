#include "evaluationphases.h"

#include "core/format.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files PhaseTr::tr() under the context it looks up at run time.
struct PhaseTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::EvaluationPhases)
};

std::optional<qint64> firstEventOfType(const QList<EvaluationEvent> &events, const QString &type)
{
    for (const EvaluationEvent &event : events) {
        if (event.type == type)
            return event.timestamp;
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> EvaluationPhases::duration(EvaluationPhase::Kind kind) const
{
    for (const EvaluationPhase &phase : phases) {
        if (phase.kind == kind)
            return phase.durationMs();
    }
    return std::nullopt;
}

std::optional<qint64> EvaluationPhases::totalMs() const
{
    if (!createdMs || !endMs)
        return std::nullopt;
    return *endMs - *createdMs;
}

EvaluationPhases evaluationPhases(const EvaluationRow &row, const QList<EvaluationEvent> &events,
                                  qint64 nowMs)
{
    EvaluationPhases p;
    std::optional<qint64> created = row.createdAt;
    if (!created && !events.isEmpty())
        created = events.constFirst().timestamp;
    if (!created)
        return p;
    p.createdMs = created;
    const Timestamp started = row.startedAt;
    const Timestamp completed = row.completedAt;
    p.finished = completed.has_value();
    const qint64 end = qMax(*created, completed.value_or(nowMs));
    p.endMs = end;

    std::optional<qint64> provisioning = firstEventOfType(events, u"evaluation.provisioning"_s);
    if (!provisioning)
        provisioning = firstEventOfType(events, u"container.created"_s);
    // An event outside [created, start] cannot be the start of provisioning (clock skew, bad data).
    if (provisioning && (*provisioning < *created || *provisioning > (started ? *started : end)))
        provisioning.reset();

    using Kind = EvaluationPhase::Kind;
    const qint64 queueEnd = provisioning ? *provisioning : started ? qMax(*created, *started) : end;
    p.phases.append({Kind::Queued, *created, queueEnd, !provisioning && !started && !p.finished});
    if (provisioning) {
        const qint64 provisioningEnd = started ? qMax(*provisioning, *started) : end;
        p.phases.append({Kind::Provisioning, *provisioning, provisioningEnd, !started && !p.finished});
    }
    if (started) {
        const qint64 runStart = qMax(*created, *started);
        p.phases.append({Kind::Running, runStart, qMax(runStart, end), !p.finished});
    }
    p.started = p.phases.size() > 1 || (row.status != EvaluationStatus::Queued &&
                                        row.status != EvaluationStatus::Unknown && !p.finished);
    return p;
}

QString phaseName(EvaluationPhase::Kind kind)
{
    switch (kind) {
    case EvaluationPhase::Kind::Queued:
        return PhaseTr::tr("Queued");
    case EvaluationPhase::Kind::Provisioning:
        return PhaseTr::tr("Provisioning");
    case EvaluationPhase::Kind::Running:
        return PhaseTr::tr("Running");
    }
    return {};
}

QString phaseSummary(const EvaluationPhases &phases)
{
    if (phases.phases.isEmpty())
        return PhaseTr::tr("No lifecycle times recorded.");
    QStringList parts;
    for (const EvaluationPhase &phase : phases.phases) {
        QString part = u"%1 %2"_s.arg(phaseName(phase.kind), formatDuration(phase.durationMs() / 1000.0));
        if (phase.open)
            part += PhaseTr::tr(" (so far)");
        parts << part;
    }
    QString text = parts.join(u"  →  "_s);
    if (const std::optional<qint64> total = phases.totalMs())
        text += u"   ·   "_s + PhaseTr::tr("total %1").arg(formatDuration(*total / 1000.0));
    return text;
}

} // namespace Sightline
