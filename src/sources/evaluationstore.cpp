#include "evaluationstore.h"

#include "evaluationqueryworker.h"
#include "evaluationreader.h"
#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
void ensureQuery(EvaluationReader *reader, const EvaluationFilter &filter, const EvaluationSort &sort)
{
    if (!(reader->filter() == filter) || !(reader->sort() == sort))
        reader->setQuery(filter, sort);
}

// A statement interrupted by a cancel aimed at an older generation, or a connection that dropped
// between two statements, gets one more try before the user hears about it.
template<typename Result, typename Fn>
Result withRetry(Fn &&fn)
{
    Result result = fn();
    if (result.error.kind == SqlError::Kind::Cancelled || result.error.kind == SqlError::Kind::Connection)
        result = fn();
    return result;
}
} // namespace

EvaluationStore::EvaluationStore(const WorkspaceProfile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_pageWorker(std::make_unique<EvaluationQueryWorker>(profile, EvaluationQueryWorker::Order::Lifo,
                                                           u"store-pages"_s))
    , m_countWorker(std::make_unique<EvaluationQueryWorker>(profile, EvaluationQueryWorker::Order::Fifo,
                                                            u"store-counts"_s))
    , m_detailWorker(std::make_unique<EvaluationQueryWorker>(profile, EvaluationQueryWorker::Order::Fifo,
                                                             u"store-details"_s))
{
    qRegisterMetaType<EvaluationCounts>();
    qRegisterMetaType<SqlError>();
    qRegisterMetaType<EvaluationRow>();
}

EvaluationStore::~EvaluationStore()
{
    m_pageWorker->shutdown();
    m_countWorker->shutdown();
    m_detailWorker->shutdown();
}

QString EvaluationStore::describe() const
{
    if (!m_profile.postgresUrl.isEmpty())
        return u"PostgreSQL "_s + redactUrl(m_profile.postgresUrl);
    return u"SQLite "_s + QDir::toNativeSeparators(m_profile.sqlitePath);
}

quint64 EvaluationStore::setQuery(const EvaluationFilter &filter, const EvaluationSort &sort)
{
    const quint64 generation = ++m_generation;
    m_filter = filter;
    m_sort = sort;
    m_counts.reset();
    m_pageWorker->supersede(generation);
    m_countWorker->supersede(generation);
    m_countWorker->post(
        generation, [this, generation, filter, sort](EvaluationReader *reader, const SqlError &openError) {
            CountsResult result;
            if (!reader) {
                result.error = openError;
            } else {
                ensureQuery(reader, filter, sort);
                result = withRetry<CountsResult>([&] { return reader->counts(); });
            }
            QMetaObject::invokeMethod(
                this,
                [this, generation, result] {
                    if (generation != m_generation)
                        return;
                    if (result.error.isError()) {
                        Q_EMIT queryFailed(generation, result.error);
                        return;
                    }
                    m_counts = result.counts;
                    Q_EMIT countsReady(generation, result.counts);
                },
                Qt::QueuedConnection);
        });
    return generation;
}

void EvaluationStore::requestRows(quint64 generation, qint64 first, int count)
{
    if (generation != m_generation)
        return;
    const EvaluationFilter filter = m_filter;
    const EvaluationSort sort = m_sort;
    const std::optional<EvaluationCounts> counts = m_counts;
    m_pageWorker->post(generation, [this, generation, first, count, filter, sort,
                                    counts](EvaluationReader *reader, const SqlError &openError) {
        RowsResult result;
        if (!reader) {
            result.error = openError;
        } else {
            ensureQuery(reader, filter, sort);
            result = withRetry<RowsResult>([&] { return reader->rows(first, count, counts); });
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, first, result] {
                if (generation != m_generation)
                    return;
                if (result.error.isError())
                    Q_EMIT queryFailed(generation, result.error);
                else
                    Q_EMIT rowsReady(generation, first, result.rows);
            },
            Qt::QueuedConnection);
    });
}

QFuture<EvaluationDetailResult> EvaluationStore::loadDetail(const QString &evaluationId, qint64 maxTextChars)
{
    auto promise = std::make_shared<QPromise<EvaluationDetailResult>>();
    QFuture<EvaluationDetailResult> future = promise->future();
    promise->start();
    // Detail look-ups are not tied to the browser's query: the highest generation means a
    // new search neither drops nor interrupts them.
    m_detailWorker->post(std::numeric_limits<quint64>::max(), [promise, evaluationId,
                                                               maxTextChars](EvaluationReader *reader,
                                                                             const SqlError &openError) {
        EvaluationDetailResult result;
        if (!reader)
            result.error = openError;
        else
            result =
                withRetry<EvaluationDetailResult>([&] { return reader->detail(evaluationId, maxTextChars); });
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

QFuture<OutputFileResult> EvaluationStore::readOutputFile(const QString &location, qint64 maxBytes) const
{
    const QString filesRoot = m_profile.filesRoot;
    return QtConcurrent::run([location, maxBytes, filesRoot]() {
        OutputFileResult result;
        QString path;
        const QUrl url(location);
        if (url.scheme() == u"file"_s) {
            path = url.toLocalFile();
        } else if (url.scheme().isEmpty() || location.startsWith(u'/')) {
            path = QDir::isAbsolutePath(location) ? location : QDir(filesRoot).filePath(location);
        } else {
            result.error = QCoreApplication::translate("Sightline::EvaluationStore", "%1 is not a local file")
                               .arg(location);
            return result;
        }
        result.path = path;
        QFile file(path);
        if (!file.exists()) {
            result.error =
                QCoreApplication::translate("Sightline::EvaluationStore", "The output file %1 does not exist")
                    .arg(QDir::toNativeSeparators(path));
            return result;
        }
        if (QFileInfo(path).isDir()) {
            result.error = QCoreApplication::translate("Sightline::EvaluationStore",
                                                       "%1 is a folder, not an output file")
                               .arg(QDir::toNativeSeparators(path));
            return result;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QCoreApplication::translate("Sightline::EvaluationStore", "Cannot read %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString());
            return result;
        }
        result.totalSize = file.size();
        result.data = file.read(qMax<qint64>(0, maxBytes));
        result.truncated = result.data.size() < result.totalSize;
        return result;
    });
}

} // namespace Sightline
