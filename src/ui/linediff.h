#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Sightline {

// One line of a line-based diff: in both texts, only in the left (removed) or only in the right
// (added). Line numbers are 1-based; 0 where the line is not in that side.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    int leftLine = 0;
    int rightLine = 0;
    QString text;

    bool operator==(const DiffLine &other) const = default;
};

struct LineDiff
{
    QList<DiffLine> lines; // the whole of both (capped) texts, in order
    int added = 0;
    int removed = 0;
    bool capped = false;       // a side had more than maxLines lines: only the first maxLines compared
    bool tooDifferent = false; // more than maxEdits edits: shown as all removed, then all added
    bool identical() const { return added == 0 && removed == 0; }
};

// Myers' O(ND) diff of two texts split into lines ("\n", a trailing "\r" dropped). Common lines at
// both ends are matched first; at most `maxLines` lines of each side and `maxEdits` edits (the
// work grows with their square) are considered, and the result says when either cap was hit.
LineDiff diffLines(const QString &left, const QString &right, int maxLines = 20000, int maxEdits = 3000);
LineDiff diffLines(const QStringList &left, const QStringList &right, int maxLines = 20000,
                   int maxEdits = 3000);

// Unified-diff text ("@@ -a,b +c,d @@", " ", "-", "+" lines) with `context` unchanged lines
// around each change; empty when the texts are identical.
QString unifiedDiff(const LineDiff &diff, int context = 3);

} // namespace Sightline
