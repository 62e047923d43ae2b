#pragma once

#include "reportdata.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPageSize>

class QIODevice;

namespace Sightline {

// The report as HTML whose pictures are named "report-image:N" (N indexes `images`): the HTML file
// replaces the names with data: URIs, the PDF hands the images to QTextDocument as resources.
struct ReportHtml
{
    QString html;
    QList<QImage> images;
};
ReportHtml reportHtml(const ReportBundle &bundle, bool forPdf);

// A self-contained HTML document: inline CSS, pictures as data: URIs, no external resource.
QByteArray reportHtmlDocument(const ReportBundle &bundle);
// Writes the PDF into `device`, with a header (workspace, time range) and "Page N of M" on every page.
// Returns the page count; 0 on failure (with *error) or when *cancel was set (checked between the
// steps and before every page; *error is then empty). progress says "Drawing page N of M…".
int writeReportPdf(const ReportBundle &bundle, QPageSize::PageSizeId pageSize, QIODevice *device,
                   QString *error, const ReportProgressFn &progress = {},
                   const std::atomic<bool> *cancel = nullptr);

// CSV: the kind's main table (see reportjob.h). JSON: the whole bundle.
QByteArray reportCsv(const ReportBundle &bundle);
QByteArray reportJson(const ReportBundle &bundle);

// "Evaluation report", "Batch report", "Storage report"; and the header's time range line.
QString reportTitle(const ReportBundle &bundle);
QString reportRangeText(const ReportBundle &bundle);
QString reportTime(qint64 ms, qint64 utcOffsetSeconds);

} // namespace Sightline
