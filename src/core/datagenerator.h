#pragma once

#include "evaluation.h"

#include <QByteArray>
#include <QList>

namespace Sightline {

struct GeneratorOptions
{
    quint64 seed = 1;
    qint64 evaluationCount = 2000;
    qint64 endTime = 0; // ms since epoch: the newest evaluation is created shortly before this
    int spanDays = 14;  // evaluations spread over [endTime - spanDays, endTime]
    // Root folder written into output_location ("file://<root>/outputs/<id>.txt"); the writer
    // sets it to the folder it writes files to. Empty: "/data", the platform's default.
    QString filesRoot;
    // False skips building large outputs and logs (output_size still tells their size), for
    // writers that only fill a database: 1 in 200 evaluations carries ~250 KB of output.
    bool generateFileContent = true;
};

// One generated evaluation and everything the platform would have written about it.
struct GeneratedEvaluation
{
    EvaluationDetail detail;       // detail.output is empty when the output is "large"
    QByteArray largeOutput;        // non-empty: belongs at <root>/outputs/<id>.txt
    QByteArray log;                // belongs at <root>/logs/<id>.log; empty: no log file
    bool hasLog = false;           // a log exists for this evaluation (even when not generated)
    QList<EvaluationEvent> events; // lifecycle (4–12), plus occasional security events
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
    // Its index is evaluationCount + sequence, so its id never collides with a seeded one.
    GeneratedEvaluation liveEvaluation(qint64 sequence, qint64 now) const;

    // "ev-" + 12 hex digits: a bijection of index (per seed), so ids are unique but look random.
    static QString evaluationId(quint64 seed, qint64 index);

private:
    GeneratorOptions m_options;
};

} // namespace Sightline
