// Reports (issue 6): evaluation, batch and storage reports in PDF, HTML, CSV and JSON, read back
// (pdftotext, an XML reader, a CSV split, QJsonDocument) and checked for real content; the bad
// input cases (no events, no metrics, 100,000 events, unknown id, unwritable path) each a test.

#include "app/reportcommand.h"
#include "core/format.h"
#include "report/reportjob.h"
#include "serverskip.h"
#include "sources/sqlconnection.h"
#include "storetestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {

const QString WorkspaceName = u"report-test-workspace"_s;

// Waits for the job while the test thread's event loop runs (the Prometheus stub lives on it).
ReportResult finish(QFuture<ReportResult> future)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 240000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.isFinished() ? future.result() : ReportResult{};
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
    if (!process.waitForFinished(60000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString screenshotDir()
{
    QString out = qEnvironmentVariable("SIGHTLINE_TEST_OUTPUT_DIR");
    if (out.isEmpty())
        out = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(out);
    return out;
}

// Renders the first pages to PNG for a person to look at.
void renderPages(const QString &pdf, const QString &name, int pages = 2)
{
    const QString prefix = QDir(screenshotDir()).filePath(u"report-"_s + name);
    QFile::remove(prefix + u".pdf"_s);
    QVERIFY(QFile::copy(pdf, prefix + u".pdf"_s)); // kept for a person to open
    QProcess process;
    process.start(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s,
                                  QString::number(pages), pdf, prefix});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    qInfo("screenshots: %s-*.png", qPrintable(prefix));
}

QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

// Splits CSV text into records (quoted fields may hold line breaks).
QList<QStringList> csvRecords(const QString &text)
{
    QList<QStringList> records;
    QString record;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'"')
            quoted = !quoted;
        if (!quoted && c == u'\r')
            continue;
        if (!quoted && c == u'\n') {
            records.append(csvFields(record));
            record.clear();
            continue;
        }
        record += c;
    }
    if (!record.isEmpty())
        records.append(csvFields(record));
    return records;
}

// A Prometheus that knows no series: every query_range answers an empty matrix.
class EmptyPrometheus : public QTcpServer
{
public:
    EmptyPrometheus()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->peek(1 << 16).contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    const QByteArray body =
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

// A Prometheus that takes the connection and never answers: a request waits for its timeout.
class SilentPrometheus : public QTcpServer
{
public:
    SilentPrometheus()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                m_sockets.append(socket); // kept open, never read: the client waits
        });
    }

private:
    QList<QTcpSocket *> m_sockets; // children of the server
};

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filterExpression_data();
    void filterExpression();
    void evaluationPdf();
    void evaluationHtmlIsSelfContained();
    void evaluationCsvAndJson();
    void batchReportFromFilter();
    void batchCsvRowsMatchTheFilter();
    void storageReport();
    void noEvents();
    void noPrometheusConfigured();
    void prometheusWithNoSeries();
    void hundredThousandEvents();
    void unknownEvaluation();
    void unwritablePathLeavesNothing();
    void cancelLeavesNoFile();
    void cancelWhileDrawingThePdf();
    void cancelWhileWaitingForPrometheus();
    void batchFromIdsReadsRowsInOrder();
    void batchFromIdsIsCapped();
    void commandLine();
    void postgresEndToEnd();

private:
    WorkspaceProfile profile() const;
    ReportRequest request(ReportKind kind, ReportFormat format, const QString &file) const;

    QTemporaryDir m_dir;
    QString m_sqlite;
    QString m_completedId;  // a completed evaluation with events
    QString m_noEventsId;   // an evaluation whose events were deleted
    QString m_manyEventsId; // an evaluation with 100,000 events
    qint64 m_completedEvents = 0;
    qint64 m_manyEvents = 0;
    qint64 m_evaluationCount = 0;
};

WorkspaceProfile TestReport::profile() const
{
    WorkspaceProfile profile;
    profile.name = WorkspaceName;
    profile.sqlitePath = m_sqlite;
    profile.filesRoot = m_dir.filePath(u"files"_s);
    return profile;
}

ReportRequest TestReport::request(ReportKind kind, ReportFormat format, const QString &file) const
{
    ReportRequest request;
    request.kind = kind;
    request.format = format;
    request.outputPath = m_dir.filePath(file);
    return request;
}

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_sqlite = TestSupport::seedSqlite(m_dir, 300, 7, &error);
    QVERIFY2(!m_sqlite.isEmpty(), qPrintable(error));
    auto connection = createSqliteConnection(m_sqlite, SqliteMode::ReadWrite);
    QVERIFY(!connection->open().isError());
    const SqlResult completed = connection->exec(
        u"SELECT e.id, COUNT(v.id) FROM evaluations e JOIN events v ON v.evaluation_id = e.id "
        "WHERE e.status = 'completed' GROUP BY e.id HAVING COUNT(v.id) >= 3 ORDER BY e.id LIMIT 3"_s);
    QVERIFY2(completed.ok(), qPrintable(completed.error.message));
    QCOMPARE(completed.rows.size(), 3);
    m_completedId = completed.rows[0][0].toString();
    m_completedEvents = completed.rows[0][1].toLongLong();
    m_noEventsId = completed.rows[1][0].toString();
    m_manyEventsId = completed.rows[2][0].toString();
    m_manyEvents = completed.rows[2][1].toLongLong() + 100000;
    QVERIFY(connection->exec(u"DELETE FROM events WHERE evaluation_id = ?1"_s, {m_noEventsId}).ok());
    const SqlResult started =
        connection->exec(u"SELECT started_at FROM evaluations WHERE id = ?1"_s, {m_manyEventsId});
    QVERIFY(started.ok());
    QList<QVariantList> rows;
    rows.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        rows.append({m_manyEventsId, u"storage.written"_s, u"storage"_s,
                     i % 1000 == 0 ? u"warning"_s : u"info"_s, started.rows[0][0], u"{\"n\":%1}"_s.arg(i)});
    QVERIFY(connection->exec(u"BEGIN"_s).ok()); // one transaction: 100,000 fsyncs would take minutes
    const SqlError inserted = connection->execMany(
        u"INSERT INTO events (evaluation_id, type, category, severity, ts, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"_s,
        rows);
    QVERIFY2(!inserted.isError(), qPrintable(inserted.message));
    QVERIFY(connection->exec(u"COMMIT"_s).ok());
    const SqlResult count = connection->exec(u"SELECT COUNT(*) FROM evaluations"_s);
    m_evaluationCount = count.rows[0][0].toLongLong();
    QCOMPARE(m_evaluationCount, 300);
}

void TestReport::filterExpression_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("statuses");
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("hasFrom");
    QTest::addColumn<bool>("hasTo");
    QTest::newRow("empty") << QString() << true << 0 << QString() << false << false;
    QTest::newRow("statuses") << u"status:failed,running"_s << true << 2 << QString() << false << false;
    QTest::newRow("everything")
        << u"status:failed batch:b-12 created>=2026-11-01 created<2026-11-08T00:00:00Z"_s << true << 1
        << u"b-12"_s << true << true;
    QTest::newRow("text") << u"ada lovelace"_s << true << 0 << u"ada lovelace"_s << false << false;
    QTest::newRow("unknown status") << u"status:sleeping"_s << false << 0 << QString() << false << false;
    QTest::newRow("bad date") << u"created>=yesterday"_s << false << 0 << QString() << false << false;
    QTest::newRow("bad operator") << u"created=2026-11-01"_s << false << 0 << QString() << false << false;
    QTest::newRow("unknown key") << u"owner:ada"_s << false << 0 << QString() << false << false;
}

void TestReport::filterExpression()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QString error;
    const auto filter = parseEvaluationFilterExpression(text, &error);
    QCOMPARE(filter.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(int, statuses);
    QFETCH(QString, search);
    QFETCH(bool, hasFrom);
    QFETCH(bool, hasTo);
    QCOMPARE(filter->statuses.size(), statuses);
    QCOMPARE(filter->search, search);
    QCOMPARE(filter->createdFrom.has_value(), hasFrom);
    QCOMPARE(filter->createdTo.has_value(), hasTo);
    if (hasFrom && hasTo)
        QVERIFY(*filter->createdFrom < *filter->createdTo);
}

void TestReport::evaluationPdf()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"evaluation.pdf"_s);
    req.evaluationIds = {m_completedId};
    std::atomic<int> progressCalls = 0;
    const ReportResult result =
        finish(runReport(profile(), req, [&progressCalls](const ReportProgress &) { ++progressCalls; }));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(progressCalls > 0);
    QVERIFY(result.pages >= 1);
    QVERIFY(result.bytes > 1000);
    const QString text = pdfText(req.outputPath);
    QVERIFY2(text.contains(WorkspaceName), qPrintable(text.left(2000)));
    QVERIFY(text.contains(m_completedId));
    QVERIFY(text.contains(u"completed"_s));
    QVERIFY(text.contains(u"evaluation.queued"_s) || text.contains(u"evaluation.started"_s));
    QVERIFY(text.contains(u"Lineage"_s));
    QVERIFY(text.contains(u"Relational store"_s));
    QVERIFY(text.contains(u"Page 1 of %1"_s.arg(result.pages)));
    renderPages(req.outputPath, u"evaluation"_s);
}

void TestReport::evaluationHtmlIsSelfContained()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Html, u"evaluation.html"_s);
    req.evaluationIds = {m_completedId};
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(req.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    QVERIFY(html.contains(m_completedId.toUtf8()));
    QXmlStreamReader xml(html);
    int images = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QString src = xml.attributes().value(u"src"_s).toString();
        if (xml.name() == u"img"_s) {
            ++images;
            QVERIFY2(src.startsWith(u"data:image/png;base64,"_s), qPrintable(src.left(80)));
        }
        if (xml.name() == u"link"_s || xml.name() == u"script"_s)
            QFAIL("the report must not load a stylesheet or script");
        QVERIFY2(!src.startsWith(u"http"_s), qPrintable(src));
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(images >= 1); // the phase timeline at least
    QVERIFY(!html.contains("url(http"));
}

void TestReport::evaluationCsvAndJson()
{
    ReportRequest csvRequest = request(ReportKind::Evaluation, ReportFormat::Csv, u"evaluation.csv"_s);
    csvRequest.evaluationIds = {m_completedId};
    const ReportResult csvResult = finish(runReport(profile(), csvRequest));
    QVERIFY2(csvResult.ok, qPrintable(csvResult.error));
    QFile csvFile(csvRequest.outputPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QStringList> records = csvRecords(QString::fromUtf8(csvFile.readAll()));
    QCOMPARE(records.constFirst(), (QStringList{u"section"_s, u"evaluation_id"_s, u"time"_s, u"name"_s,
                                                u"category"_s, u"severity"_s, u"value"_s, u"data"_s}));
    QCOMPARE(records.size() - 1, m_completedEvents); // no Prometheus: only events
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records[i].size(), 8);
        QCOMPARE(records[i][0], u"event"_s);
        QCOMPARE(records[i][1], m_completedId);
    }

    ReportRequest jsonRequest = request(ReportKind::Evaluation, ReportFormat::Json, u"evaluation.json"_s);
    jsonRequest.evaluationIds = {m_completedId};
    const ReportResult jsonResult = finish(runReport(profile(), jsonRequest));
    QVERIFY2(jsonResult.ok, qPrintable(jsonResult.error));
    QFile jsonFile(jsonRequest.outputPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(jsonFile.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"workspace"_s).toString(), WorkspaceName);
    QCOMPARE(root.value(u"kind"_s).toString(), u"evaluation"_s);
    const QJsonObject evaluation = root.value(u"evaluations"_s).toArray().at(0).toObject();
    QCOMPARE(evaluation.value(u"id"_s).toString(), m_completedId);
    QCOMPARE(evaluation.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(evaluation.value(u"events"_s).toArray().size(), m_completedEvents);
    QCOMPARE(qint64(evaluation.value(u"events_total"_s).toDouble()), m_completedEvents);
    QVERIFY(!evaluation.value(u"lineage"_s).toArray().isEmpty());
}

void TestReport::batchReportFromFilter()
{
    ReportRequest req = request(ReportKind::Batch, ReportFormat::Pdf, u"batch.pdf"_s);
    req.pageSize = ReportPageSize::Letter;
    req.filterText = u"status:completed,failed"_s;
    req.filter = *parseEvaluationFilterExpression(req.filterText, nullptr);
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = pdfText(req.outputPath);
    QVERIFY(text.contains(u"Batch report"_s));
    QVERIFY(text.contains(u"Status counts"_s));
    QVERIFY(text.contains(u"Duration histogram"_s));
    QVERIFY(text.contains(u"status:completed,failed"_s));
    QVERIFY(!text.contains(u" running "_s));
    QVERIFY(text.contains(u"Page 1 of %1"_s.arg(result.pages)));
    renderPages(req.outputPath, u"batch"_s);
}

void TestReport::batchCsvRowsMatchTheFilter()
{
    auto connection = createSqliteConnection(m_sqlite);
    QVERIFY(!connection->open().isError());
    const qint64 failed = connection->exec(u"SELECT COUNT(*) FROM evaluations WHERE status = 'failed'"_s)
                              .rows[0][0]
                              .toLongLong();
    QVERIFY(failed > 0);
    ReportRequest req = request(ReportKind::Batch, ReportFormat::Csv, u"batch.csv"_s);
    req.filter = *parseEvaluationFilterExpression(u"status:failed"_s, nullptr);
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(req.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = csvRecords(QString::fromUtf8(file.readAll()));
    QCOMPARE(records.constFirst().constFirst(), u"id"_s);
    QCOMPARE(records.constFirst().size(), 13);
    QCOMPARE(records.size() - 1, failed);
    for (qsizetype i = 1; i < records.size(); ++i)
        QCOMPARE(records[i][1], u"failed"_s);
}

void TestReport::storageReport()
{
    ReportRequest req = request(ReportKind::Storage, ReportFormat::Json, u"storage.json"_s);
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(req.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray storage = root.value(u"storage"_s).toArray();
    QVERIFY(!storage.isEmpty());
    bool sawSqlite = false;
    for (const QJsonValue &value : storage)
        if (value.toObject().value(u"backend"_s).toString().contains(u"SQLite"_s)) {
            sawSqlite = true;
            QVERIFY(value.toObject().value(u"reachable"_s).toBool());
        }
    QVERIFY(sawSqlite);

    ReportRequest pdf = request(ReportKind::Storage, ReportFormat::Pdf, u"storage.pdf"_s);
    const ReportResult pdfResult = finish(runReport(profile(), pdf));
    QVERIFY2(pdfResult.ok, qPrintable(pdfResult.error));
    const QString text = pdfText(pdf.outputPath);
    QVERIFY(text.contains(u"Storage report"_s));
    QVERIFY(text.contains(u"SQLite"_s));
    renderPages(pdf.outputPath, u"storage"_s, 1);
}

void TestReport::noEvents()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"no-events.pdf"_s);
    req.evaluationIds = {m_noEventsId};
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = pdfText(req.outputPath);
    QVERIFY(text.contains(m_noEventsId));
    QVERIFY2(text.contains(u"This evaluation has no events."_s), qPrintable(text));
    QVERIFY(text.contains(u"No security events."_s));
}

void TestReport::noPrometheusConfigured()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"no-prometheus.pdf"_s);
    req.evaluationIds = {m_completedId};
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = pdfText(req.outputPath).simplified();
    QVERIFY2(text.contains(u"No Prometheus is configured"_s), qPrintable(text));
}

void TestReport::prometheusWithNoSeries()
{
    EmptyPrometheus server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    WorkspaceProfile withPrometheus = profile();
    withPrometheus.prometheus.url = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"no-series.pdf"_s);
    req.evaluationIds = {m_completedId};
    const ReportResult result = finish(runReport(withPrometheus, req));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = pdfText(req.outputPath).simplified();
    QVERIFY2(text.contains(u"No series"_s), qPrintable(text));
    renderPages(req.outputPath, u"no-series"_s, 1);
}

void TestReport::hundredThousandEvents()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"many-events.pdf"_s);
    req.evaluationIds = {m_manyEventsId};
    req.maxEventsListed = 500;
    QElapsedTimer timer;
    timer.start();
    const ReportResult result = finish(runReport(profile(), req));
    const qint64 ms = timer.elapsed();
    QVERIFY2(result.ok, qPrintable(result.error));
    qInfo("100,000 events: %lld ms, %d pages", ms, result.pages);
    QVERIFY2(ms < 60000, "a report of an evaluation with 100,000 events must not take minutes");
    QCOMPARE(result.leftOut.size(), 1);
    QVERIFY(result.leftOut.constFirst().contains(m_manyEventsId));
    const QString text = pdfText(req.outputPath).simplified();
    renderPages(req.outputPath, u"many-events"_s, 1);
    const QString sentence = u"%1 of %2 events are not listed: this report lists the first 500."_s.arg(
        formatCount(m_manyEvents - 500), formatCount(m_manyEvents));
    QVERIFY2(text.contains(sentence), qPrintable(text.right(300)));
    QVERIFY(text.contains(u"Left out:"_s));
    QVERIFY(result.pages < 40);
}

void TestReport::unknownEvaluation()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"unknown.pdf"_s);
    req.evaluationIds = {u"no-such-evaluation"_s};
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"no-such-evaluation"_s), qPrintable(result.error));
    QVERIFY(!QFile::exists(req.outputPath));
    QCOMPARE(QDir(m_dir.path()).entryList({u"unknown*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void TestReport::unwritablePathLeavesNothing()
{
    // Under a regular file: no directory can be made there, not even by root.
    ReportRequest req;
    req.kind = ReportKind::Evaluation;
    req.evaluationIds = {m_completedId};
    const QString blocker = m_dir.filePath(u"a-file"_s);
    QFile block(blocker);
    QVERIFY(block.open(QIODevice::WriteOnly));
    block.close();
    req.outputPath = blocker + u"/report.pdf"_s;
    const ReportResult result = finish(runReport(profile(), req));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(req.outputPath), qPrintable(result.error));
    QVERIFY(!QFile::exists(req.outputPath));
    QCOMPARE(QFileInfo(blocker).size(), 0);
}

void TestReport::cancelLeavesNoFile()
{
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"cancelled.pdf"_s);
    req.evaluationIds = {m_manyEventsId};
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    const ReportResult result = finish(runReport(
        profile(), req, [cancel](const ReportProgress &) { cancel->store(true); }, cancel));
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QVERIFY(!QFile::exists(req.outputPath));
    QCOMPARE(QDir(m_dir.path()).entryList({u"cancelled*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void TestReport::cancelWhileDrawingThePdf()
{
    // Cancel late: after everything was read, the 100,000-event evaluation laid out, and the first
    // page drawn. The job stops before the next page instead of drawing them all.
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"late-cancel.pdf"_s);
    req.evaluationIds = {m_manyEventsId};
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto steps = std::make_shared<QStringList>(); // written on the worker thread only
    QElapsedTimer timer;
    timer.start();
    auto cancelledAtMs = std::make_shared<std::atomic<qint64>>(-1);
    const ReportResult result = finish(runReport(
        profile(), req,
        [cancel, steps, cancelledAtMs, &timer](const ReportProgress &progress) {
            steps->append(progress.step);
            if (progress.step.startsWith(u"Drawing page 2 of"_s)) {
                cancelledAtMs->store(timer.elapsed());
                cancel->store(true);
            }
        },
        cancel));
    const qint64 doneMs = timer.elapsed();
    QVERIFY2(cancelledAtMs->load() >= 0, qPrintable(steps->join(u" | "_s))); // it got to page 2
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    qInfo("cancelled at %lld ms, returned at %lld ms", cancelledAtMs->load(), doneMs);
    QVERIFY2(doneMs - cancelledAtMs->load() < 5000, "Cancel must not wait for the rest of the pages");
    // Page 2 was announced, then the job stopped: no later page was drawn.
    QVERIFY2(!steps->join(u'\n').contains(u"Drawing page 3 of"_s), qPrintable(steps->join(u" | "_s)));
    QVERIFY(!QFile::exists(req.outputPath));
    // QSaveFile's temporary file ("late-cancel.pdf.XXXXXX") is gone too.
    QCOMPARE(QDir(m_dir.path()).entryList({u"late-cancel*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void TestReport::cancelWhileWaitingForPrometheus()
{
    SilentPrometheus server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    WorkspaceProfile silent = profile();
    silent.prometheus.url = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
    silent.timeoutSeconds = 60; // Cancel must not wait for this
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"prometheus-cancel.pdf"_s);
    req.evaluationIds = {m_completedId};
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    QElapsedTimer timer;
    timer.start();
    auto cancelledAtMs = std::make_shared<std::atomic<qint64>>(-1);
    QFuture<ReportResult> future = runReport(
        silent, req,
        [cancelledAtMs, &timer](const ReportProgress &progress) {
            if (progress.step.startsWith(u"Reading metrics"_s))
                cancelledAtMs->store(timer.elapsed());
        },
        cancel);
    // Cancel a moment after the queries went out, while they wait for the silent server.
    while (cancelledAtMs->load() < 0 && !future.isFinished() && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QVERIFY(cancelledAtMs->load() >= 0);
    QTest::qWait(300);
    QVERIFY(!future.isFinished()); // still waiting for Prometheus
    const qint64 cancelAt = timer.elapsed();
    cancel->store(true);
    const ReportResult result = finish(future);
    const qint64 waited = timer.elapsed() - cancelAt;
    qInfo("returned %lld ms after Cancel", waited);
    QVERIFY(result.cancelled);
    QVERIFY2(waited < 5000, "Cancel must not wait for the Prometheus timeout");
    QVERIFY(!QFile::exists(req.outputPath));
    QCOMPARE(QDir(m_dir.path()).entryList({u"prometheus-cancel*"_s}, QDir::Files | QDir::Hidden),
             QStringList());
}

void TestReport::batchFromIdsReadsRowsInOrder()
{
    ReportRequest req = request(ReportKind::Batch, ReportFormat::Csv, u"batch-ids.csv"_s);
    req.evaluationIds = {m_manyEventsId, m_completedId, m_noEventsId, m_manyEventsId};
    std::atomic<int> progressCalls = 0;
    const ReportResult result =
        finish(runReport(profile(), req, [&progressCalls](const ReportProgress &) { ++progressCalls; }));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(progressCalls > 1);
    QVERIFY(result.leftOut.isEmpty());
    QFile file(req.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = csvRecords(QString::fromUtf8(file.readAll()));
    QCOMPARE(records.size(), 4); // the header, then each id once, in the order given
    QCOMPARE(records[1][0], m_manyEventsId);
    QCOMPARE(records[2][0], m_completedId);
    QCOMPARE(records[3][0], m_noEventsId);
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records[i][1], u"completed"_s);
        QVERIFY(!records[i][3].isEmpty()); // created_at
    }

    ReportRequest unknown = request(ReportKind::Batch, ReportFormat::Csv, u"batch-unknown.csv"_s);
    unknown.evaluationIds = {m_completedId, u"no-such-evaluation"_s};
    const ReportResult failed = finish(runReport(profile(), unknown));
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.contains(u"no-such-evaluation"_s), qPrintable(failed.error));
    QVERIFY(!QFile::exists(unknown.outputPath));
}

void TestReport::batchFromIdsIsCapped()
{
    // A copy of the database with 10,050 more evaluations, all of them selected.
    const QString copy = m_dir.filePath(u"capped.sqlite"_s);
    QVERIFY(QFile::copy(m_sqlite, copy));
    auto connection = createSqliteConnection(copy, SqliteMode::ReadWrite);
    QVERIFY(!connection->open().isError());
    QStringList ids;
    QList<QVariantList> rows;
    for (int i = 0; i < 10050; ++i) {
        ids.append(u"cap-%1"_s.arg(i, 5, 10, QLatin1Char('0')));
        rows.append({ids.constLast()});
    }
    QVERIFY(connection->exec(u"BEGIN"_s).ok());
    const SqlError inserted = connection->execMany(
        u"INSERT INTO evaluations (id, status, created_at) VALUES (?1, 'queued', '2026-11-01T00:00:00Z')"_s,
        rows);
    QVERIFY2(!inserted.isError(), qPrintable(inserted.message));
    QVERIFY(connection->exec(u"COMMIT"_s).ok());
    connection->close();

    WorkspaceProfile capped = profile();
    capped.sqlitePath = copy;
    ReportRequest req = request(ReportKind::Batch, ReportFormat::Csv, u"batch-capped.csv"_s);
    req.evaluationIds = ids;
    QStringList steps;
    QMutex mutex;
    const ReportResult result = finish(runReport(capped, req, [&steps, &mutex](const ReportProgress &p) {
        QMutexLocker lock(&mutex);
        steps.append(p.step);
    }));
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(req.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = csvRecords(QString::fromUtf8(file.readAll()));
    QCOMPARE(records.size() - 1, 10000);
    QCOMPARE(records[1][0], u"cap-00000"_s);
    QCOMPARE(records.constLast()[0], u"cap-09999"_s);
    QCOMPARE(result.leftOut.size(), 1);
    QVERIFY2(result.leftOut.constFirst().contains(u"50 of %1"_s.arg(formatCount(10050))),
             qPrintable(result.leftOut.constFirst()));
    QVERIFY2(steps.contains(u"Reading evaluations %1 of %2…"_s.arg(formatCount(5000), formatCount(10000))),
             qPrintable(steps.join(u" | "_s)));
}

void TestReport::commandLine()
{
    QFile profileFile(m_dir.filePath(u"workspace.json"_s));
    QVERIFY(profileFile.open(QIODevice::WriteOnly));
    profileFile.write(
        QJsonDocument(
            QJsonObject{{u"name"_s, WorkspaceName},
                        {u"sources"_s, QJsonObject{{u"sqlite"_s, QJsonObject{{u"path"_s, m_sqlite}}}}}})
            .toJson());
    profileFile.close();
    const QString out = m_dir.filePath(u"cli.html"_s);
    QCOMPARE(runReportCommand(
                 {u"--workspace"_s, profileFile.fileName(), u"--evaluation"_s, m_completedId, u"-o"_s, out}),
             0);
    QVERIFY(QFile(out).size() > 1000);
    // Usage errors: 2; a missing evaluation: 1.
    QCOMPARE(runReportCommand({u"--workspace"_s, profileFile.fileName(), u"-o"_s, out}), 2);
    QCOMPARE(runReportCommand({u"--workspace"_s, profileFile.fileName(), u"--evaluation"_s, m_completedId,
                               u"--format"_s, u"docx"_s, u"-o"_s, out}),
             2);
    QCOMPARE(runReportCommand(
                 {u"--workspace"_s, profileFile.fileName(), u"--filter"_s, u"status:sleepy"_s, u"-o"_s, out}),
             2);
    QCOMPARE(runReportCommand({u"--workspace"_s, profileFile.fileName(), u"--evaluation"_s, u"nope"_s,
                               u"-o"_s, m_dir.filePath(u"nope.pdf"_s)}),
             1);
    QVERIFY(!QFile::exists(m_dir.filePath(u"nope.pdf"_s)));
    const QString csv = m_dir.filePath(u"cli.csv"_s);
    QCOMPARE(runReportCommand({u"--workspace"_s, profileFile.fileName(), u"--kind"_s, u"batch"_s,
                               u"--filter"_s, u"status:failed"_s, u"-o"_s, csv}),
             0);
    QVERIFY(QFile(csv).size() > 100);
}

void TestReport::postgresEndToEnd()
{
    const QString url = TestSupport::postgresUrl();
    if (url.isEmpty())
        SIGHTLINE_SKIP_OR_FAIL(TestSupport::postgresMissingMessage());
    WorkspaceProfile pg;
    pg.name = WorkspaceName;
    pg.postgresUrl = url;
    pg.prometheus.url = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
    if (pg.prometheus.url.isEmpty())
        SIGHTLINE_SKIP_OR_FAIL(
            "SIGHTLINE_TEST_PROMETHEUS_URL is not set: run the tests through scripts/test");
    auto connection = createPostgresConnection(url);
    QVERIFY(!connection->open().isError());
    const SqlResult pick = connection->exec(
        u"SELECT id FROM evaluations WHERE status = 'completed' AND container_id IS NOT NULL "
        "ORDER BY created_at DESC LIMIT 1"_s);
    QVERIFY2(pick.ok() && !pick.rows.isEmpty(), qPrintable(pick.error.message));
    const QString id = pick.rows[0][0].toString();
    ReportRequest req = request(ReportKind::Evaluation, ReportFormat::Pdf, u"postgres.pdf"_s);
    req.evaluationIds = {id};
    const ReportResult result = finish(runReport(pg, req));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = pdfText(req.outputPath);
    QVERIFY(text.contains(id));
    QVERIFY(text.contains(u"PostgreSQL"_s));
    QVERIFY(text.contains(u"container_cpu_usage_seconds_total"_s)); // the CPU panel's query
    QVERIFY(!text.contains(u"No Prometheus is configured"_s));
    renderPages(req.outputPath, u"postgres"_s);
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
