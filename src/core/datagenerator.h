#pragma once

#include "evaluation.h"

#include <QByteArray>
#include <QList>

namespace Sightline {

struct GeneratorOptions
{
    quint64 seed = 1;
    qint64 evaluationCount = 2000;
    qint64 endTime = 0;   // ms since epoch: the newest evaluation is created shortly before this
    int spanDays = 14;    // evaluations spread over [endTime - spanDays, endTime]
};

// One generated evaluation and everything the platform would have written about it.
struct GeneratedEvaluation
{
    EvaluationDetail detail;          // detail.output is empty when the output is "large"
    QByteArray largeOutput;           // non-empty: belongs at <root>/outputs/<id>.txt
    QByteArray log;                   // belongs at <root>/logs/<id>.log
    QList<EvaluationEvent> events;    // lifecycle (4–12), plus occasional security events
};

// Deterministic platform data: the same options give the same data, and evaluation(i) depends
// only on the options and i, so writers can produce any slice, in any order, on any thread.
class EvaluationDataGenerator
{
public:
    explicit EvaluationDataGenerator(const GeneratorOptions &options);

    const GeneratorOptions &options() const { return m_options; }
    GeneratedEvaluation evaluation(qint64 index) const;

    // Platform-wide events (evaluation_id NULL): service.down, node pressure, …; deterministic too.
    QList<EvaluationEvent> platformEvents() const;

    // A new evaluation "now" for the demo simulator; sequence makes ids unique.
    GeneratedEvaluation liveEvaluation(qint64 sequence, qint64 now) const;

private:
    GeneratorOptions m_options;
};

} // namespace Sightline
