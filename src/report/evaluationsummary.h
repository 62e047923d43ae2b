#pragma once

#include "core/evaluation.h"

#include <QList>
#include <QString>

namespace Sightline {

// An evaluation as Markdown: what a researcher pastes into a notebook, an issue or a chat when
// they say "look at this run". Metadata as a table, the error, the code (capped), and the
// events in time order. The PDF and HTML reports build on the same facts.
struct EvaluationSummaryOptions
{
    QString sourceDescription; // "SQLite /data/demo.sqlite": where the metadata was read
    int maxCodeLines = 60;     // longer code is cut, with a line saying how much is left out
    int maxEvents = 50;
    qint64 utcOffsetSeconds = 0; // times are printed in this offset (0: UTC); tests pin it
};

QString evaluationSummaryMarkdown(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                                  const EvaluationSummaryOptions &options = {});

} // namespace Sightline
