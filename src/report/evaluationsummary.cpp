#include "evaluationsummary.h"

#include "core/format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Not a QObject: lupdate files SummaryTr::tr() under the context it looks up at run time.
struct SummaryTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::EvaluationSummary)
};

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
    md += u"## "_s + SummaryTr::tr("Evaluation") + u" `"_s + row.id + u"` — "_s + status + u"\n\n"_s;

    md += u"| | |\n|---|---|\n"_s;
    auto fact = [&md](const QString &name, const QString &value) {
        md += u"| "_s + name + u" | "_s + cell(value) + u" |\n"_s;
    };
    fact(SummaryTr::tr("Engine"), row.engine);
    fact(SummaryTr::tr("Created"), formatTime(row.createdAt, options.utcOffsetSeconds));
    fact(SummaryTr::tr("Started"), formatTime(row.startedAt, options.utcOffsetSeconds));
    fact(SummaryTr::tr("Completed"), formatTime(row.completedAt, options.utcOffsetSeconds));
    fact(SummaryTr::tr("Duration"), row.durationSeconds ? formatDuration(*row.durationSeconds) : QString());
    fact(SummaryTr::tr("Exit code"), row.exitCode ? QString::number(*row.exitCode) : QString());
    fact(SummaryTr::tr("Worker"), row.workerId);
    fact(SummaryTr::tr("Container"), detail.containerId);
    fact(SummaryTr::tr("Batch"), row.batchId);
    fact(SummaryTr::tr("Submitted by"), row.submittedBy);
    fact(SummaryTr::tr("CPU"), detail.cpuSeconds ? formatDuration(*detail.cpuSeconds) : QString());
    fact(SummaryTr::tr("Estimated cost"), row.costCents ? formatCost(*row.costCents) : QString());
    QString output;
    if (!detail.outputLocation.isEmpty())
        output = detail.outputLocation +
                 (row.outputSize ? u" ("_s + formatBytes(*row.outputSize) + u')' : QString());
    else if (detail.outputLength > 0)
        output = SummaryTr::tr("inline, %1 characters").arg(detail.outputLength);
    fact(SummaryTr::tr("Output"), output);
    if (!options.sourceDescription.isEmpty())
        fact(SummaryTr::tr("Metadata from"), options.sourceDescription);
    md += u'\n';

    if (!detail.error.isEmpty()) {
        const QString fence = fenceFor(detail.error);
        md += u"**"_s + SummaryTr::tr("Error") + u"**\n\n"_s + fence + u'\n' + detail.error + u'\n' + fence +
              u"\n\n"_s;
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
        md += u"**"_s + SummaryTr::tr("Code") + u"**\n\n"_s + fence + languageFor(row.engine) + u'\n' + code +
              u'\n' + fence + u'\n';
        if (cut || total < 0)
            md += u"\n_"_s +
                  SummaryTr::tr("First %1 lines of %2 characters of code.")
                      .arg(lines.size())
                      .arg(detail.codeLength) +
                  u"_\n"_s;
        md += u'\n';
    }

    md += u"**"_s + SummaryTr::tr("Events") + u"** (%1)\n\n"_s.arg(events.size());
    if (!events.isEmpty()) {
        md += u"| "_s + SummaryTr::tr("Time") + u" | "_s + SummaryTr::tr("Event") + u" | "_s +
              SummaryTr::tr("Category") + u" | "_s + SummaryTr::tr("Severity") + u" |\n|---|---|---|---|\n"_s;
        const qsizetype shown = qMin<qsizetype>(events.size(), options.maxEvents);
        for (qsizetype i = 0; i < shown; ++i) {
            const EvaluationEvent &e = events[i];
            md += u"| "_s + formatTime(e.timestamp, options.utcOffsetSeconds) + u" | "_s + cell(e.type) +
                  u" | "_s + cell(e.categoryText) + u" | "_s + cell(e.severityText) + u" |\n"_s;
        }
        if (shown < events.size())
            md += u"\n_"_s + SummaryTr::tr("%n more events not shown.", nullptr, int(events.size() - shown)) +
                  u"_\n"_s;
    }
    return md;
}

} // namespace Sightline
