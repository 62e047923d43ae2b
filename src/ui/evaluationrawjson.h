#pragma once

#include "core/evaluation.h"
#include "sources/lineage/evaluationlineage.h"

#include <QJsonObject>

#include <optional>

namespace Sightline {

// Everything the Evaluation window knows about one evaluation, as one JSON object (its Raw tab):
// the row and the detail as read, the events with their data parsed (data_text keeps text that
// is not JSON), and each backend's lineage answer and the cache check so far. Times are ISO 8601
// UTC with milliseconds, and every key is the platform's column name. Code and output are cut at
// `maxTextChars` (read.code_characters_shown says how much is there): the Code and Output tabs show
// them whole, and a quarter-gigabyte "Load all" must not be copied into JSON on the GUI thread.
QJsonObject evaluationRawJson(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                              bool eventsTruncated, const QList<LineageItem> &lineage,
                              const std::optional<CacheCheck> &cache, qsizetype maxTextChars = 200'000);

} // namespace Sightline
