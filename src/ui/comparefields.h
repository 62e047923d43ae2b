#pragma once

#include "core/evaluation.h"

#include <QList>
#include <QString>

namespace Sightline {

// One row of the Compare window's fields: the value on each side and whether they differ.
struct ComparedField
{
    QString name;
    QString left;
    QString right;
    bool differs = false;
    bool perRun = false; // differs between any two runs (times, container): never highlighted
};

// The fields of two evaluations side by side, for people: status, engine, times, duration, exit
// code, error, worker, container, batch, submitter, code (by content), output, resource use, cost
// and their events.
QList<ComparedField> compareEvaluationFields(const EvaluationDetail &left,
                                             const QList<EvaluationEvent> &leftEvents,
                                             const EvaluationDetail &right,
                                             const QList<EvaluationEvent> &rightEvents);

} // namespace Sightline
