#include "evaluationsummary.h"

#include "core/format.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString formatTime(const Timestamp &ts, qint64 offsetSeconds)
{
    if (!ts)
        return u"—"_s;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(*ts, QTimeZone(int(offsetSeconds)));
    const QString zone = offsetSeconds == 0 ? u"UTC"_s : time.toString(u"t"_s);
    return time.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u' ' + zone;
}

// Table cells and inline text must not break the Markdown around them.
QString cell(const QString &text)
{
    if (text.isEmpty())
        return u"—"_s;
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'|', u"\\|"_s).replace(u'\n', u' ').replace(u'\r', u' ');
    return escaped;
}

// A fence longer than any run of backticks inside, so code holding ``` stays inside its block.
QString fenceFor(const QString &text)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    return QString(qMax(3, longest + 1), u'`');
}

QString languageFor(const QString &engine)
{
    if (engine.startsWith(u"python"_s))
        return u"python"_s;
    if (engine.startsWith(u"node"_s))
        return u"javascript"_s;
    if (engine.startsWith(u"r-"_s))
        return u"r"_s;
    return {};
}
} // namespace

QString evaluationSummaryMarkdown(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                                  const EvaluationSummaryOptions &options)
{
    const EvaluationRow &row = detail.row;
    const QString status = row.status == EvaluationStatus::Unknown ? row.statusText : statusName(row.status);
    QString md;
    md += u"## Evaluation `"_s + row.id + u"` — "_s + status + u"\n\n"_s;

    md += u"| | |\n|---|---|\n"_s;
    auto fact = [&md](const QString &name, const QString &value) {
        md += u"| "_s + name + u" | "_s + cell(value) + u" |\n"_s;
    };
    fact(u"Engine"_s, row.engine);
    fact(u"Created"_s, formatTime(row.createdAt, options.utcOffsetSeconds));
    fact(u"Started"_s, formatTime(row.startedAt, options.utcOffsetSeconds));
    fact(u"Completed"_s, formatTime(row.completedAt, options.utcOffsetSeconds));
    fact(u"Duration"_s, row.durationSeconds ? formatDuration(*row.durationSeconds) : QString());
    fact(u"Exit code"_s, row.exitCode ? QString::number(*row.exitCode) : QString());
    fact(u"Worker"_s, row.workerId);
    fact(u"Container"_s, detail.containerId);
    fact(u"Batch"_s, row.batchId);
    fact(u"Submitted by"_s, row.submittedBy);
    fact(u"CPU"_s, detail.cpuSeconds ? formatDuration(*detail.cpuSeconds) : QString());
    fact(u"Estimated cost"_s, row.costCents ? formatCost(*row.costCents) : QString());
    QString output;
    if (!detail.outputLocation.isEmpty())
        output = detail.outputLocation +
                 (row.outputSize ? u" ("_s + formatBytes(*row.outputSize) + u')' : QString());
    else if (detail.outputLength > 0)
        output = u"inline, %1 characters"_s.arg(detail.outputLength);
    fact(u"Output"_s, output);
    if (!options.sourceDescription.isEmpty())
        fact(u"Metadata from"_s, options.sourceDescription);
    md += u'\n';

    if (!detail.error.isEmpty()) {
        const QString fence = fenceFor(detail.error);
        md += u"**Error**\n\n"_s + fence + u'\n' + detail.error + u'\n' + fence + u"\n\n"_s;
    }

    if (!detail.code.isEmpty()) {
        QStringList lines = detail.code.split(u'\n');
        const qsizetype total = detail.codeLength > detail.code.size() ? -1 : lines.size();
        bool cut = false;
        if (lines.size() > options.maxCodeLines) {
            lines = lines.mid(0, options.maxCodeLines);
            cut = true;
        }
        const QString code = lines.join(u'\n');
        const QString fence = fenceFor(code);
        md += u"**Code**\n\n"_s + fence + languageFor(row.engine) + u'\n' + code + u'\n' + fence + u'\n';
        if (cut || total < 0)
            md +=
                u"\n_First %1 lines of %2 characters of code._\n"_s.arg(lines.size()).arg(detail.codeLength);
        md += u'\n';
    }

    md += u"**Events** (%1)\n\n"_s.arg(events.size());
    if (!events.isEmpty()) {
        md += u"| Time | Event | Category | Severity |\n|---|---|---|---|\n"_s;
        const qsizetype shown = qMin<qsizetype>(events.size(), options.maxEvents);
        for (qsizetype i = 0; i < shown; ++i) {
            const EvaluationEvent &e = events[i];
            md += u"| "_s + formatTime(e.timestamp, options.utcOffsetSeconds) + u" | "_s + cell(e.type) +
                  u" | "_s + cell(e.categoryText) + u" | "_s + cell(e.severityText) + u" |\n"_s;
        }
        if (shown < events.size())
            md += u"\n_%1 more events not shown._\n"_s.arg(events.size() - shown);
    }
    return md;
}

} // namespace Sightline
