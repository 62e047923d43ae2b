#pragma once

#include "core/evaluation.h"

#include <QList>
#include <QString>

#include <optional>

namespace Sightline {

// The lifecycle of an evaluation as phases: queued (created_at → provisioning began), provisioning
// (→ started_at) and running (→ completed_at). Provisioning begins at the evaluation.provisioning
// event, else at container.created; without either the queue lasts until the start.
struct EvaluationPhase
{
    enum class Kind { Queued, Provisioning, Running };
    Kind kind = Kind::Queued;
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool open = false; // still going on: endMs is "now"

    qint64 durationMs() const { return endMs - startMs; }
};

struct EvaluationPhases
{
    QList<EvaluationPhase> phases; // in time order; only those the evaluation reached
    std::optional<qint64> createdMs;
    std::optional<qint64> endMs; // completed_at, or now while it is not finished
    bool finished = false;       // completed_at is set
    bool started = false;        // it left the queue (provisioning or later)

    std::optional<qint64> duration(EvaluationPhase::Kind kind) const;
    std::optional<qint64> totalMs() const; // created → completed (or now)
};

EvaluationPhases evaluationPhases(const EvaluationRow &row, const QList<EvaluationEvent> &events,
                                  qint64 nowMs);
QString phaseName(EvaluationPhase::Kind kind);
// "Queued 12.4 s → Provisioning 3.1 s → Running 2 min 05 s · total 2 min 21 s"
QString phaseSummary(const EvaluationPhases &phases);

} // namespace Sightline
