#include "linediff.h"

#include <QHash>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast(); // a final newline ends the last line, it does not start another
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

enum class Step { Same, Remove, Add };

// Myers' greedy forward search over a[0..n) and b[0..m) (ids, not text), keeping each round's
// frontier for the walk back. Returns false when more than maxEdits edits are needed.
bool myers(const std::vector<int> &a, const std::vector<int> &b, int maxEdits, std::vector<Step> *script)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int limit = std::min(n + m, maxEdits);
    const int offset = limit + 1;
    std::vector<int> v(size_t(2 * limit + 3), 0);
    // trace[d] holds v[k] for k in [-d-1, d+1] as it was when round d began.
    std::vector<std::vector<int>> trace;
    int finalD = -1;
    for (int d = 0; d <= limit && finalD < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                        ? v[size_t(offset + k + 1)]
                        : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                finalD = d;
                break;
            }
        }
    }
    if (finalD < 0)
        return false;

    std::vector<Step> reversed;
    int x = n;
    int y = m;
    for (int d = finalD; d >= 0; --d) {
        const std::vector<int> &round = trace[size_t(d)];
        auto at = [&](int k) { return round[size_t(k + d + 1)]; };
        const int k = x - y;
        const int previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        const int previousX = d == 0 ? 0 : at(previousK);
        const int previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            reversed.push_back(Step::Same);
            --x;
            --y;
        }
        if (d > 0) {
            reversed.push_back(x == previousX ? Step::Add : Step::Remove);
            x = previousX;
            y = previousY;
        }
    }
    script->assign(reversed.rbegin(), reversed.rend());
    return true;
}

} // namespace

LineDiff diffLines(const QString &left, const QString &right, int maxLines, int maxEdits)
{
    return diffLines(splitLines(left), splitLines(right), maxLines, maxEdits);
}

LineDiff diffLines(const QStringList &leftAll, const QStringList &rightAll, int maxLines, int maxEdits)
{
    LineDiff diff;
    maxLines = qMax(0, maxLines);
    const QStringList left = leftAll.mid(0, maxLines);
    const QStringList right = rightAll.mid(0, maxLines);
    diff.capped = leftAll.size() > maxLines || rightAll.size() > maxLines;

    auto same = [&](int i, int j) { diff.lines.append({DiffLine::Kind::Same, i + 1, j + 1, left.at(i)}); };
    // Common ends first: most outputs differ in a few places, and this keeps the search small.
    const int n = int(left.size());
    const int m = int(right.size());
    int prefix = 0;
    while (prefix < n && prefix < m && left.at(prefix) == right.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && left.at(n - 1 - suffix) == right.at(m - 1 - suffix))
        ++suffix;
    for (int i = 0; i < prefix; ++i)
        same(i, i);

    // The middle, as ids: equal lines get equal ids.
    QHash<QString, int> ids;
    auto idOf = [&](const QString &line) { return *ids.insert(line, ids.value(line, int(ids.size()))); };
    std::vector<int> a;
    std::vector<int> b;
    for (int i = prefix; i < n - suffix; ++i)
        a.push_back(idOf(left.at(i)));
    for (int j = prefix; j < m - suffix; ++j)
        b.push_back(idOf(right.at(j)));

    std::vector<Step> script;
    if (!myers(a, b, qMax(0, maxEdits), &script)) {
        diff.tooDifferent = true;
        script.assign(a.size(), Step::Remove);
        script.insert(script.end(), b.size(), Step::Add);
    }
    int i = prefix;
    int j = prefix;
    for (Step step : script) {
        switch (step) {
        case Step::Same:
            same(i++, j++);
            break;
        case Step::Remove:
            diff.lines.append({DiffLine::Kind::Removed, i + 1, 0, left.at(i)});
            ++i;
            ++diff.removed;
            break;
        case Step::Add:
            diff.lines.append({DiffLine::Kind::Added, 0, j + 1, right.at(j)});
            ++j;
            ++diff.added;
            break;
        }
    }
    for (; i < n; ++i, ++j)
        same(i, j);
    return diff;
}

QString unifiedDiff(const LineDiff &diff, int context)
{
    if (diff.identical())
        return {};
    const QList<DiffLine> &lines = diff.lines;
    const qsizetype count = lines.size();
    // Which lines to show: every change and `context` lines either side.
    std::vector<bool> shown(size_t(count), false);
    for (qsizetype i = 0; i < count; ++i) {
        if (lines.at(i).kind == DiffLine::Kind::Same)
            continue;
        for (qsizetype j = qMax<qsizetype>(0, i - context); j <= qMin(count - 1, i + context); ++j)
            shown[size_t(j)] = true;
    }
    QString out;
    qsizetype i = 0;
    while (i < count) {
        if (!shown[size_t(i)]) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < count && shown[size_t(end)])
            ++end;
        // Hunk header: where it starts on each side and how many lines it covers there.
        int leftStart = 0, rightStart = 0, leftCount = 0, rightCount = 0;
        for (qsizetype k = i; k < end; ++k) {
            const DiffLine &line = lines.at(k);
            if (line.leftLine) {
                leftStart = leftStart ? leftStart : line.leftLine;
                ++leftCount;
            }
            if (line.rightLine) {
                rightStart = rightStart ? rightStart : line.rightLine;
                ++rightCount;
            }
        }
        out += u"@@ -%1,%2 +%3,%4 @@\n"_s.arg(leftStart).arg(leftCount).arg(rightStart).arg(rightCount);
        for (qsizetype k = i; k < end; ++k) {
            const DiffLine &line = lines.at(k);
            const QChar mark = line.kind == DiffLine::Kind::Same      ? u' '
                               : line.kind == DiffLine::Kind::Removed ? u'-'
                                                                      : u'+';
            out += mark + line.text + u'\n';
        }
        i = end;
    }
    return out;
}

} // namespace Sightline
