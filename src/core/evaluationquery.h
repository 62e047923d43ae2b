#pragma once

#include "evaluation.h"

#include <QList>
#include <QString>
#include <Qt>

namespace Sightline {

// The browser's columns, in display order. Every one is sortable.
enum class EvaluationColumn : quint8 {
    Id,
    Status,
    Engine,
    Created,
    Started,
    Completed,
    Duration,
    Worker,
    Batch,
    SubmittedBy,
    ExitCode,
    OutputSize,
    Cost,
};
inline constexpr int EvaluationColumnCount = int(EvaluationColumn::Cost) + 1;

QString columnTitle(EvaluationColumn column); // translated header text

struct EvaluationFilter
{
    QString search;                   // substring of id, submitter or batch; literal, never a pattern
    QList<EvaluationStatus> statuses; // empty: every status
    Timestamp createdFrom;            // inclusive
    Timestamp createdTo;              // exclusive

    bool isEmpty() const { return search.isEmpty() && statuses.isEmpty() && !createdFrom && !createdTo; }
    friend bool operator==(const EvaluationFilter &, const EvaluationFilter &) = default;
};

struct EvaluationSort
{
    EvaluationColumn column = EvaluationColumn::Created;
    Qt::SortOrder order = Qt::DescendingOrder;
    friend bool operator==(const EvaluationSort &, const EvaluationSort &) = default;
};

// Escapes %, _ and the escape character itself so that text matches literally in
// `LIKE ... ESCAPE '\'`; wraps it in % for a substring match.
QString likeSubstringPattern(const QString &text);

} // namespace Sightline
