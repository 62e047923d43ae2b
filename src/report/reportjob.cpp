#include "reportjob.h"

#include "core/timestamp.h"
#include "reportdata.h"
#include "reportrender.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Not a QObject: lupdate files ReportTr::tr() under the context it looks up at run time.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::Report)
};

ReportResult writeReport(const WorkspaceProfile &profile, const ReportRequest &request,
                         const ReportProgressFn &progress, const std::atomic<bool> *cancel)
{
    ReportResult result;
    result.outputPath = request.outputPath;
    const auto say = [&progress](int percent, const QString &step) {
        if (progress)
            progress(ReportProgress{percent, step});
    };
    if (request.outputPath.isEmpty()) {
        result.error = ReportTr::tr("No output file was given.");
        return result;
    }
    // Open the output first: an unwritable path fails before any backend is asked.
    QSaveFile file(request.outputPath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = ReportTr::tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(request.outputPath), file.errorString());
        return result;
    }
    ReportRequest effective = request;
    // CSV and JSON carry every event read; only PDF and HTML tables are capped.
    if (request.format == ReportFormat::Csv || request.format == ReportFormat::Json)
        effective.maxEventsListed = std::numeric_limits<int>::max();
    say(0, ReportTr::tr("Reading from the workspace…"));
    GatherResult gathered = gatherReport(profile, effective, progress, cancel);
    if (gathered.cancelled || (cancel && cancel->load())) {
        file.cancelWriting();
        result.cancelled = true;
        result.error = ReportTr::tr("Cancelled.");
        return result;
    }
    if (!gathered.error.isEmpty()) {
        file.cancelWriting();
        result.error = gathered.error;
        return result;
    }
    const ReportBundle &bundle = gathered.bundle;
    say(85, ReportTr::tr("Writing the %1 file…").arg(reportFormatName(request.format).toUpper()));
    QByteArray bytes;
    switch (request.format) {
    case ReportFormat::Pdf: {
        QString error;
        result.pages = writeReportPdf(
            bundle, request.pageSize == ReportPageSize::Letter ? QPageSize::Letter : QPageSize::A4, &file,
            &error, progress, cancel);
        if (!result.pages && cancel && cancel->load()) {
            file.cancelWriting();
            result.cancelled = true;
            result.error = ReportTr::tr("Cancelled.");
            return result;
        }
        if (!result.pages) {
            file.cancelWriting();
            result.error =
                ReportTr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(request.outputPath), error);
            return result;
        }
        break;
    }
    case ReportFormat::Html:
        bytes = reportHtmlDocument(bundle);
        break;
    case ReportFormat::Csv:
        bytes = reportCsv(bundle);
        break;
    case ReportFormat::Json:
        bytes = reportJson(bundle);
        break;
    }
    if (!bytes.isEmpty() && file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        result.error = ReportTr::tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(request.outputPath), file.errorString());
        return result;
    }
    if (cancel && cancel->load()) {
        file.cancelWriting();
        result.cancelled = true;
        result.error = ReportTr::tr("Cancelled.");
        return result;
    }
    if (!file.commit()) {
        result.error = ReportTr::tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(request.outputPath), file.errorString());
        return result;
    }
    result.ok = true;
    result.bytes = QFileInfo(request.outputPath).size();
    result.leftOut = bundle.leftOut;
    say(100, ReportTr::tr("Written %1.").arg(QDir::toNativeSeparators(request.outputPath)));
    return result;
}

} // namespace

QFuture<ReportResult> runReport(const WorkspaceProfile &profile, const ReportRequest &request,
                                ReportProgressFn progress, std::shared_ptr<std::atomic<bool>> cancel)
{
    // The job blocks on the backends' futures, which run on the backends' own threads (StorageTaskRunner,
    // PrometheusClient), never on the global pool: one pool thread per running report is all it takes.
    return QtConcurrent::run([profile, request, progress, cancel] {
        return writeReport(profile, request, progress, cancel.get());
    });
}

QString reportKindName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Evaluation:
        return QStringLiteral("evaluation");
    case ReportKind::Batch:
        return QStringLiteral("batch");
    case ReportKind::Storage:
        return QStringLiteral("storage");
    }
    return {};
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

std::optional<ReportKind> parseReportKind(const QString &text)
{
    for (ReportKind kind : {ReportKind::Evaluation, ReportKind::Batch, ReportKind::Storage})
        if (text.compare(reportKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    return std::nullopt;
}

std::optional<ReportFormat> parseReportFormat(const QString &text)
{
    for (ReportFormat format : {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json})
        if (text.compare(reportFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    return std::nullopt;
}

std::optional<EvaluationFilter> parseEvaluationFilterExpression(const QString &text, QString *error)
{
    EvaluationFilter filter;
    QStringList words;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto timeOf = [](const QString &value) -> Timestamp {
        if (const Timestamp parsed = parseTimestamp(value))
            return parsed;
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            return QDateTime(date, QTime(0, 0), QTimeZone(0)).toMSecsSinceEpoch();
        return std::nullopt;
    };
    for (const QString &term : text.split(u' ', Qt::SkipEmptyParts)) {
        if (term.startsWith(u"status:"_s)) {
            for (const QString &name : term.mid(7).split(u',', Qt::SkipEmptyParts)) {
                const EvaluationStatus status = statusFromName(name.toLower());
                if (status == EvaluationStatus::Unknown)
                    return fail(
                        ReportTr::tr("Unknown status \"%1\" in \"%2\" (known: %3).").arg(name, term, [] {
                            QStringList names;
                            for (EvaluationStatus known : knownStatuses())
                                names.append(statusName(known));
                            return names.join(u", "_s);
                        }()));
                if (!filter.statuses.contains(status))
                    filter.statuses.append(status);
            }
            if (filter.statuses.isEmpty())
                return fail(ReportTr::tr("\"%1\" names no status.").arg(term));
        } else if (term.startsWith(u"created"_s)) {
            const QString rest = term.mid(7);
            const bool from = rest.startsWith(u">="_s);
            const bool to = rest.startsWith(u"<"_s) && !rest.startsWith(u"<="_s);
            if (!from && !to)
                return fail(ReportTr::tr("\"%1\": use created>=TIME or created<TIME.").arg(term));
            const QString value = rest.mid(from ? 2 : 1);
            const Timestamp time = timeOf(value);
            if (!time)
                return fail(ReportTr::tr("\"%1\": \"%2\" is not a date (2026-11-01) or an RFC 3339 time.")
                                .arg(term, value));
            (from ? filter.createdFrom : filter.createdTo) = time;
        } else if (term.startsWith(u"batch:"_s) || term.startsWith(u"text:"_s)) {
            const QString value = term.mid(term.indexOf(u':') + 1);
            if (value.isEmpty())
                return fail(ReportTr::tr("\"%1\" names nothing to search for.").arg(term));
            words.append(value);
        } else if (term.contains(u':') || term.contains(u'<') || term.contains(u'>')) {
            return fail(ReportTr::tr("Cannot read \"%1\": use status:A,B, created>=TIME, created<TIME, "
                                     "batch:ID or plain text.")
                            .arg(term));
        } else {
            words.append(term);
        }
    }
    filter.search = words.join(u' ');
    if (error)
        error->clear();
    return filter;
}

} // namespace Sightline
