#include "core/format.h"
#include "reportcharts.h"
#include "reportrender.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ReportTr::tr() under the context it looks up at run time.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::Report)
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString optionalText(const std::optional<double> &value, const std::function<QString(double)> &format)
{
    return value ? format(*value) : u"—"_s;
}

class HtmlWriter
{
public:
    HtmlWriter(const ReportBundle &bundle, bool forPdf)
        : m_bundle(bundle)
        , m_forPdf(forPdf)
    {
    }

    void h1(const QString &text) { m_out += u"<h1>"_s + esc(text) + u"</h1>\n"_s; }
    void h2(const QString &text) { m_out += u"<h2>"_s + esc(text) + u"</h2>\n"_s; }
    void h3(const QString &text) { m_out += u"<h3>"_s + esc(text) + u"</h3>\n"_s; }
    void p(const QString &text, const QString &cls = {})
    {
        m_out += (cls.isEmpty() ? u"<p>"_s : u"<p class=\"%1\">"_s.arg(cls)) + esc(text) + u"</p>\n"_s;
    }
    void keyValues(const QList<std::pair<QString, QString>> &rows)
    {
        m_out += u"<table class=\"kv\" cellspacing=\"0\" cellpadding=\"3\">\n"_s;
        for (const auto &[key, value] : rows)
            m_out += u"<tr><th>"_s + esc(key) + u"</th><td>"_s + esc(value) + u"</td></tr>\n"_s;
        m_out += u"</table>\n"_s;
    }
    void table(const QStringList &header, const QList<QStringList> &rows)
    {
        m_out +=
            u"<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">\n<thead><tr>"_s;
        for (const QString &title : header)
            m_out += u"<th>"_s + esc(title) + u"</th>"_s;
        m_out += u"</tr></thead>\n<tbody>\n"_s;
        for (const QStringList &row : rows) {
            m_out += u"<tr>"_s;
            for (const QString &cell : row)
                m_out += u"<td>"_s + esc(cell) + u"</td>"_s;
            m_out += u"</tr>\n"_s;
        }
        m_out += u"</tbody></table>\n"_s;
    }
    void image(const QImage &image, const QString &alt)
    {
        const int index = int(m_images.size());
        m_images.append(image);
        m_out += u"<p><img src=\"report-image:%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/></p>\n"_s.arg(index)
                     .arg(image.width() / ReportImageScale)
                     .arg(image.height() / ReportImageScale)
                     .arg(esc(alt));
    }
    void raw(const QString &html) { m_out += html; }

    QString time(const Timestamp &ms) const
    {
        return ms ? reportTime(*ms, m_bundle.utcOffsetSeconds) : u"—"_s;
    }

    ReportHtml finish()
    {
        const QString css =
            m_forPdf ? u"body{font-size:9pt;color:#1f2937}"
                       "h1{font-size:16pt} h2{font-size:12pt;color:#1e3a8a} h3{font-size:10pt}"
                       "th{background-color:#f3f4f6;text-align:left} .note{color:#92400e} "
                       ".query{color:#6b7280;font-size:7pt}"
                       ".kv th{background-color:#ffffff;color:#4b5563;font-weight:normal}"_s
                     : u"body{font-family:'DejaVu Sans',sans-serif;font-size:14px;color:#1f2937;"
                       "max-width:60em;margin:2em auto;padding:0 1em}"
                       "h1{font-size:1.6em} h2{font-size:1.25em;color:#1e3a8a;border-bottom:1px solid "
                       "#e5e7eb;padding-bottom:.2em;margin-top:1.6em}"
                       "table{border-collapse:collapse;margin:.5em 0} .grid td,.grid th{border:1px solid "
                       "#d1d5db;padding:3px 6px;font-size:.9em;vertical-align:top}"
                       ".grid th{background:#f3f4f6;text-align:left} .kv th{text-align:left;color:#4b5563;"
                       "font-weight:normal;padding-right:1.5em} .note{color:#92400e} img{max-width:100%}"
                       ".header{color:#4b5563} .query{color:#6b7280;font-family:monospace;font-size:.8em}"_s;
        ReportHtml result;
        result.html = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/>\n<title>"_s +
                      esc(reportTitle(m_bundle) + u" — "_s + m_bundle.workspace) + u"</title>\n<style>"_s +
                      css + u"</style></head>\n<body>\n"_s + m_out + u"</body></html>\n"_s;
        result.images = m_images;
        return result;
    }

private:
    const ReportBundle &m_bundle;
    bool m_forPdf;
    QString m_out;
    QList<QImage> m_images;
};

QString rowStatus(const EvaluationRow &row)
{
    return row.status == EvaluationStatus::Unknown && !row.statusText.isEmpty() ? row.statusText
                                                                                : statusName(row.status);
}

void writeHeader(HtmlWriter &w, const ReportBundle &bundle, bool forPdf)
{
    w.h1(reportTitle(bundle) + u" — "_s + bundle.workspace);
    QList<std::pair<QString, QString>> header{{ReportTr::tr("Workspace"), bundle.workspace}};
    if (!forPdf || bundle.rangeStartMs)
        header.append({ReportTr::tr("Time range"), reportRangeText(bundle)});
    header.append({ReportTr::tr("Generated"), reportTime(bundle.generatedAtMs, bundle.utcOffsetSeconds)});
    if (!bundle.source.isEmpty())
        header.append({ReportTr::tr("Read from"), bundle.source});
    if (!bundle.filterText.isEmpty())
        header.append({ReportTr::tr("Filter"), bundle.filterText});
    w.keyValues(header);
    for (const QString &warning : bundle.warnings)
        w.p(warning, u"note"_s);
    for (const QString &line : bundle.leftOut)
        w.p(ReportTr::tr("Left out: %1.").arg(line), u"note"_s);
}

void writeEvaluation(HtmlWriter &w, const ReportBundle &bundle, const ReportEvaluation &evaluation)
{
    const EvaluationDetail &d = evaluation.detail;
    const EvaluationRow &row = d.row;
    w.h2(ReportTr::tr("Evaluation %1").arg(row.id));
    w.keyValues({
        {ReportTr::tr("Status"), rowStatus(row)},
        {ReportTr::tr("Engine"), row.engine},
        {ReportTr::tr("Created"), w.time(row.createdAt)},
        {ReportTr::tr("Started"), w.time(row.startedAt)},
        {ReportTr::tr("Completed"), w.time(row.completedAt)},
        {ReportTr::tr("Duration"),
         optionalText(row.durationSeconds, [](double s) { return formatDuration(s); })},
        {ReportTr::tr("Worker"), row.workerId},
        {ReportTr::tr("Container"), d.containerId},
        {ReportTr::tr("Batch"), row.batchId},
        {ReportTr::tr("Submitted by"), row.submittedBy},
        {ReportTr::tr("Exit code"), row.exitCode ? QString::number(*row.exitCode) : u"—"_s},
        {ReportTr::tr("Output"),
         d.outputLocation.isEmpty()
             ? ReportTr::tr("inline, %1 characters").arg(formatCount(d.outputLength))
             : d.outputLocation +
                   (row.outputSize ? u" ("_s + formatBytes(*row.outputSize) + u")"_s : QString())},
    });
    if (!d.error.isEmpty()) {
        w.h3(ReportTr::tr("Error"));
        w.p(d.error.left(2000));
    }

    w.h3(ReportTr::tr("Lineage"));
    QList<QStringList> lineage;
    for (const ReportLineageLine &line : evaluation.lineage)
        lineage.append({line.backend, line.state, line.summary, line.location});
    w.table({ReportTr::tr("Backend"), ReportTr::tr("State"), ReportTr::tr("What"), ReportTr::tr("Where")},
            lineage);

    w.h3(ReportTr::tr("Timeline"));
    w.image(drawPhaseTimeline(d, evaluation.events, bundle.generatedAtMs), ReportTr::tr("Phase timeline"));

    w.h3(ReportTr::tr("Metrics"));
    if (!evaluation.metricsNote.isEmpty())
        w.p(evaluation.metricsNote, u"note"_s);
    for (const ReportChart &chart : evaluation.charts) {
        // The chart's title is in the picture; the query under it, as a caption, says what it shows
        // (above it, a page break could leave the query alone at the foot of a page).
        w.image(drawMetricChart(chart, evaluation.windowStartMs, evaluation.windowEndMs), chart.title);
        w.p(chart.query, u"query"_s);
        if (!chart.note.isEmpty())
            w.p(chart.title + u": "_s + chart.note, u"note"_s);
    }

    w.h3(ReportTr::tr("Security events"));
    QList<QStringList> security;
    for (const EvaluationEvent &event : evaluation.events)
        if (event.category == EventCategory::Security)
            security.append({w.time(event.timestamp), event.type, event.severityText, event.data.left(300)});
    if (security.isEmpty())
        w.p(ReportTr::tr("No security events."));
    else
        w.table({ReportTr::tr("Time"), ReportTr::tr("Type"), ReportTr::tr("Severity"), ReportTr::tr("Data")},
                security.mid(0, bundle.maxEventsListed));

    w.h3(ReportTr::tr("Resource use and cost"));
    w.keyValues({
        {ReportTr::tr("CPU"),
         optionalText(d.cpuSeconds,
                      [](double s) { return ReportTr::tr("%1 CPU seconds").arg(s, 0, 'f', 1); })},
        {ReportTr::tr("Memory"),
         optionalText(d.memoryMbSeconds, [](double v) { return ReportTr::tr("%1 MB·s").arg(v, 0, 'f', 0); })},
        {ReportTr::tr("Estimated cost"), optionalText(row.costCents, [](double c) { return formatCost(c); })},
    });

    w.h3(ReportTr::tr("Events"));
    const qsizetype listed = qMin<qsizetype>(evaluation.events.size(), bundle.maxEventsListed);
    if (evaluation.totalEvents == 0) {
        w.p(ReportTr::tr("This evaluation has no events."));
    } else {
        QList<QStringList> rows;
        rows.reserve(listed);
        for (qsizetype i = 0; i < listed; ++i) {
            const EvaluationEvent &event = evaluation.events.at(i);
            rows.append({w.time(event.timestamp), event.type, event.categoryText, event.severityText,
                         event.data.left(160)});
        }
        w.table({ReportTr::tr("Time"), ReportTr::tr("Type"), ReportTr::tr("Category"),
                 ReportTr::tr("Severity"), ReportTr::tr("Data")},
                rows);
        if (evaluation.totalEvents > listed)
            w.p(ReportTr::tr("%1 of %2 events are not listed: this report lists the first %3.")
                    .arg(formatCount(evaluation.totalEvents - listed), formatCount(evaluation.totalEvents),
                         formatCount(listed)),
                u"note"_s);
    }
}

void writeBatch(HtmlWriter &w, const ReportBundle &bundle)
{
    w.h2(ReportTr::tr("Summary"));
    double cost = 0;
    double cpu = 0;
    int withCost = 0;
    double durationSum = 0;
    int withDuration = 0;
    QList<int> counts(EvaluationStatusCount, 0);
    for (const ReportEvaluation &evaluation : bundle.evaluations) {
        const EvaluationRow &row = evaluation.detail.row;
        ++counts[int(row.status)];
        if (row.costCents) {
            cost += *row.costCents;
            ++withCost;
        }
        cpu += evaluation.detail.cpuSeconds.value_or(0);
        if (row.durationSeconds) {
            durationSum += *row.durationSeconds;
            ++withDuration;
        }
    }
    w.keyValues({
        {ReportTr::tr("Evaluations"),
         ReportTr::tr("%1 matched, %2 in this report")
             .arg(formatCount(bundle.batchMatched), formatCount(bundle.evaluations.size()))},
        {ReportTr::tr("Total estimated cost"), formatCost(cost)},
        {ReportTr::tr("Average cost"), withCost ? formatCost(cost / withCost) : u"—"_s},
        {ReportTr::tr("Average duration"),
         withDuration ? formatDuration(durationSum / withDuration) : u"—"_s},
    });
    w.h3(ReportTr::tr("Status counts"));
    QList<QStringList> statusRows;
    for (int status = 0; status < EvaluationStatusCount; ++status)
        if (counts[status])
            statusRows.append({statusName(EvaluationStatus(status)), formatCount(counts[status])});
    w.table({ReportTr::tr("Status"), ReportTr::tr("Evaluations")}, statusRows);
    w.image(drawStatusBars(bundle.evaluations), ReportTr::tr("Status counts"));
    w.h3(ReportTr::tr("Duration histogram"));
    w.image(drawDurationHistogram(bundle.evaluations), ReportTr::tr("Duration histogram"));
    w.h3(ReportTr::tr("Evaluations"));
    QList<QStringList> rows;
    const qsizetype listed = qMin<qsizetype>(bundle.evaluations.size(), bundle.maxEventsListed);
    for (qsizetype i = 0; i < listed; ++i) {
        const EvaluationRow &row = bundle.evaluations.at(i).detail.row;
        rows.append({row.id, rowStatus(row), w.time(row.createdAt),
                     optionalText(row.durationSeconds, [](double s) { return formatDuration(s); }),
                     row.batchId, row.workerId,
                     optionalText(row.costCents, [](double c) { return formatCost(c); })});
    }
    w.table({ReportTr::tr("Id"), ReportTr::tr("Status"), ReportTr::tr("Created"), ReportTr::tr("Duration"),
             ReportTr::tr("Batch"), ReportTr::tr("Worker"), ReportTr::tr("Cost")},
            rows);
    if (bundle.evaluations.size() > listed)
        w.p(ReportTr::tr("%1 of %2 evaluations are not listed: this report lists the first %3.")
                .arg(formatCount(bundle.evaluations.size() - listed), formatCount(bundle.evaluations.size()),
                     formatCount(listed)),
            u"note"_s);
}

void writeStorage(HtmlWriter &w, const ReportBundle &bundle)
{
    for (const ReportStorageSummary &line : bundle.storage) {
        w.h2(line.backend);
        QList<std::pair<QString, QString>> rows{
            {ReportTr::tr("Address"), line.address},
            {ReportTr::tr("Reachable"), line.reachable ? ReportTr::tr("yes") : ReportTr::tr("no")},
        };
        if (line.latencyMs >= 0)
            rows.append({ReportTr::tr("Latency"), ReportTr::tr("%1 ms").arg(line.latencyMs, 0, 'f', 1)});
        if (line.itemCount >= 0)
            rows.append({line.itemNoun.isEmpty() ? ReportTr::tr("Items") : line.itemNoun,
                         formatCount(line.itemCount)});
        if (line.totalBytes >= 0)
            rows.append({ReportTr::tr("Size"), formatBytes(line.totalBytes)});
        if (!line.error.isEmpty())
            rows.append({ReportTr::tr("Error"), line.error});
        rows.append(line.details);
        w.keyValues(rows);
    }
    if (!bundle.storageMissing.isEmpty())
        w.p(ReportTr::tr("Not configured in this workspace: %1.").arg(bundle.storageMissing.join(u", "_s)));
}

} // namespace

QString reportTime(qint64 ms, qint64 utcOffsetSeconds)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(int(utcOffsetSeconds)));
    QString offset = u"UTC"_s;
    if (utcOffsetSeconds)
        offset = u"UTC%1%2:%3"_s.arg(utcOffsetSeconds < 0 ? u'-' : u'+')
                     .arg(qAbs(utcOffsetSeconds) / 3600, 2, 10, QLatin1Char('0'))
                     .arg(qAbs(utcOffsetSeconds) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return time.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u' ' + offset;
}

QString reportTitle(const ReportBundle &bundle)
{
    switch (bundle.kind) {
    case ReportKind::Evaluation:
        return ReportTr::tr("Evaluation report");
    case ReportKind::Batch:
        return ReportTr::tr("Batch report");
    case ReportKind::Storage:
        return ReportTr::tr("Storage report");
    }
    return {};
}

QString reportRangeText(const ReportBundle &bundle)
{
    if (!bundle.rangeStartMs)
        return ReportTr::tr("now (%1)").arg(reportTime(bundle.generatedAtMs, bundle.utcOffsetSeconds));
    return ReportTr::tr("%1 – %2").arg(reportTime(bundle.rangeStartMs, bundle.utcOffsetSeconds),
                                       reportTime(bundle.rangeEndMs, bundle.utcOffsetSeconds));
}

ReportHtml reportHtml(const ReportBundle &bundle, bool forPdf)
{
    HtmlWriter w(bundle, forPdf);
    writeHeader(w, bundle, forPdf);
    switch (bundle.kind) {
    case ReportKind::Evaluation:
        for (const ReportEvaluation &evaluation : bundle.evaluations)
            writeEvaluation(w, bundle, evaluation);
        break;
    case ReportKind::Batch:
        writeBatch(w, bundle);
        break;
    case ReportKind::Storage:
        writeStorage(w, bundle);
        break;
    }
    return w.finish();
}

QByteArray reportHtmlDocument(const ReportBundle &bundle)
{
    ReportHtml html = reportHtml(bundle, false);
    for (int i = 0; i < html.images.size(); ++i) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        html.images[i].save(&buffer, "PNG");
        html.html.replace(u"\"report-image:%1\""_s.arg(i),
                          u"\"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64()) + u'"');
    }
    return html.html.toUtf8();
}

int writeReportPdf(const ReportBundle &bundle, QPageSize::PageSizeId pageSize, QIODevice *device,
                   QString *error, const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    const auto say = [&progress](int percent, const QString &step) {
        if (progress)
            progress(ReportProgress{percent, step});
    };
    if (stopped())
        return 0;
    const ReportHtml html = reportHtml(bundle, true);
    if (stopped())
        return 0;
    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(pageSize));
    writer.setResolution(96);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(reportTitle(bundle) + u" — "_s + bundle.workspace);
    writer.setCreator(u"Sightline"_s);
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    const double margin = 48;
    const double headerHeight = 28;
    const QRectF body(margin, margin + headerHeight, page.width() - 2 * margin,
                      page.height() - 2 * margin - 2 * headerHeight);

    QTextDocument document;
    document.setDocumentMargin(0);
    // No shaping: ligatures ("ﬁ") would reach pdftotext and copy-paste as one character, and a
    // search for "file" in the PDF would miss them.
    QFont font(u"DejaVu Sans"_s);
    font.setPointSizeF(9);
    font.setStyleStrategy(QFont::PreferNoShaping);
    document.setDefaultFont(font);
    for (int i = 0; i < html.images.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(u"report-image:%1"_s.arg(i)), html.images[i]);
    document.setHtml(html.html);
    if (stopped())
        return 0;
    say(87, ReportTr::tr("Laying out the pages…"));
    document.setPageSize(body.size());
    const int pages = document.pageCount();
    if (stopped())
        return 0;

    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = ReportTr::tr("Cannot start drawing the PDF.");
        return 0;
    }
    QFont small(u"DejaVu Sans"_s);
    small.setPointSizeF(7.5);
    small.setStyleStrategy(QFont::PreferNoShaping);
    const QString headerLeft = bundle.workspace + u" — "_s + reportTitle(bundle);
    const QString headerRight = reportRangeText(bundle);
    for (int index = 0; index < pages; ++index) {
        say(88 + 11 * index / pages, ReportTr::tr("Drawing page %1 of %2…").arg(index + 1).arg(pages));
        if (stopped()) {
            painter.end(); // the caller discards what was written
            return 0;
        }
        if (index > 0)
            writer.newPage();
        painter.setFont(small);
        painter.setPen(QColor(0x4b, 0x55, 0x63));
        const QRectF header(margin, margin, body.width(), headerHeight - 8);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, headerLeft);
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, headerRight);
        painter.setPen(QColor(0xd1, 0xd5, 0xdb));
        painter.drawLine(QPointF(margin, margin + headerHeight - 4),
                         QPointF(margin + body.width(), margin + headerHeight - 4));
        painter.setPen(QColor(0x4b, 0x55, 0x63));
        const QRectF footer(margin, body.bottom() + 8, body.width(), headerHeight - 8);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         ReportTr::tr("Generated %1 by Sightline")
                             .arg(reportTime(bundle.generatedAtMs, bundle.utcOffsetSeconds)));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         ReportTr::tr("Page %1 of %2").arg(index + 1).arg(pages));

        painter.save();
        painter.translate(body.left(), body.top() - index * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, index * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    return pages;
}

} // namespace Sightline
