#include "seedwriter.h"

#include "core/timestamp.h"
#include "platformschema.h"
#include "telemetry/logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QThread>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

const QStringList &evaluationColumns()
{
    static const QStringList columns{u"id"_s,
                                     u"status"_s,
                                     u"engine"_s,
                                     u"code"_s,
                                     u"code_length"_s,
                                     u"created_at"_s,
                                     u"started_at"_s,
                                     u"completed_at"_s,
                                     u"exit_code"_s,
                                     u"error"_s,
                                     u"output"_s,
                                     u"output_location"_s,
                                     u"output_size"_s,
                                     u"worker_id"_s,
                                     u"container_id"_s,
                                     u"batch_id"_s,
                                     u"submitted_by"_s,
                                     u"cpu_seconds"_s,
                                     u"memory_mb_seconds"_s,
                                     u"estimated_cost_cents"_s};
    return columns;
}

// The id is left to BIGSERIAL / INTEGER PRIMARY KEY, so both databases number events alike.
const QStringList &eventColumns()
{
    static const QStringList columns{u"evaluation_id"_s, u"type"_s, u"category"_s,
                                     u"severity"_s,      u"ts"_s,   u"data"_s};
    return columns;
}

QString columnList(const QStringList &columns, const SchemaNames &names)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(quoteIdentifier(names.column(c)));
    return quoted.join(u", "_s);
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant() : QVariant(s);
}
QVariant time(const Timestamp &t)
{
    return t ? QVariant(formatTimestampUtc(*t)) : QVariant();
}
template<typename T>
QVariant opt(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

} // namespace

QVariantList platformEvaluationValues(const GeneratedEvaluation &g)
{
    const EvaluationDetail &d = g.detail;
    const EvaluationRow &r = d.row;
    return {r.id,
            r.statusText,
            text(r.engine),
            text(d.code),
            opt(d.codeLengthColumn),
            time(Timestamp(r.createdAt)),
            time(r.startedAt),
            time(r.completedAt),
            opt(r.exitCode),
            text(d.error),
            text(d.output),
            text(d.outputLocation),
            opt(r.outputSize),
            text(r.workerId),
            text(d.containerId),
            text(r.batchId),
            text(r.submittedBy),
            opt(d.cpuSeconds),
            opt(d.memoryMbSeconds),
            opt(r.costCents)};
}

QVariantList platformEventValues(const EvaluationEvent &e)
{
    return {text(e.evaluationId), e.type, e.categoryText, e.severityText, formatTimestampUtc(e.timestamp),
            text(e.data)};
}

QString platformEvaluationInsertSql(const SchemaNames &names)
{
    return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(quoteIdentifier(names.evaluationsTable),
                                                    columnList(evaluationColumns(), names),
                                                    u"?, "_s.repeated(evaluationColumns().size() - 1) + u'?');
}

QString platformEventInsertSql(const SchemaNames &names)
{
    return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(quoteIdentifier(names.eventsTable),
                                                    columnList(eventColumns(), names),
                                                    u"?, "_s.repeated(eventColumns().size() - 1) + u'?');
}

namespace {

void appendCopyLine(QByteArray &out, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += '\t';
        const QVariant &v = values[i];
        if (v.isNull())
            out += "\\N";
        else if (v.typeId() == QMetaType::Double)
            out += QByteArray::number(v.toDouble(), 'g', 17);
        else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            out += QByteArray::number(v.toLongLong());
        else
            SeedWriter::appendCopyField(out, v.toString());
    }
    out += '\n';
}

// One chunk, generated and encoded off the writing thread.
struct Chunk
{
    qint64 evaluations = 0;
    QList<QVariantList> evaluationRows;
    QList<QVariantList> eventRows;
    QByteArray evaluationCopy;
    QByteArray eventCopy;
    qint64 files = 0;
    QString fileError;
};

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

Chunk makeChunk(const EvaluationDataGenerator &generator, qint64 first, qint64 last, bool sqlite,
                bool postgres, const QString &filesRoot)
{
    Chunk chunk;
    chunk.evaluations = last - first;
    for (qint64 i = first; i < last; ++i) {
        const GeneratedEvaluation g = generator.evaluation(i);
        const QVariantList values = platformEvaluationValues(g);
        if (postgres)
            appendCopyLine(chunk.evaluationCopy, values);
        if (sqlite)
            chunk.evaluationRows.append(values);
        for (const EvaluationEvent &e : g.events) {
            QVariantList ev = platformEventValues(e);
            if (postgres)
                appendCopyLine(chunk.eventCopy, ev);
            if (sqlite)
                chunk.eventRows.append(std::move(ev));
        }
        if (!filesRoot.isEmpty() && chunk.fileError.isEmpty()) {
            const QString id = g.detail.row.id;
            if (!g.largeOutput.isEmpty() &&
                writeFile(filesRoot + u"/outputs/"_s + id + u".txt"_s, g.largeOutput, &chunk.fileError))
                ++chunk.files;
            if (!g.log.isEmpty() &&
                writeFile(filesRoot + u"/logs/"_s + id + u".log"_s, g.log, &chunk.fileError))
                ++chunk.files;
        }
    }
    return chunk;
}

SqlError execAll(SqlConnection &connection, const QStringList &statements)
{
    for (const QString &sql : statements) {
        const SqlResult r = connection.exec(sql);
        if (!r.ok())
            return r.error;
    }
    return {};
}

} // namespace

SeedWriter::SeedWriter(SeedOptions options)
    : m_options(std::move(options))
{
    if (m_options.generator.filesRoot.isEmpty())
        m_options.generator.filesRoot = m_options.filesRoot;
    // Large outputs and logs cost time and memory; only build them when they land somewhere.
    m_options.generator.generateFileContent = !m_options.filesRoot.isEmpty();
    m_options.chunkSize = qMax(1, m_options.chunkSize);
}

void SeedWriter::appendCopyField(QByteArray &line, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    // Grow geometrically: reserve() to the exact size on every field copied the whole chunk
    // again each time (quadratic; it made a 20,000-row seed take minutes under ASan).
    const qsizetype needed = line.size() + utf8.size() + 8;
    if (needed > line.capacity())
        line.reserve(qMax(needed, 2 * line.capacity()));
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

void SeedWriter::report(SeedProgress::Phase phase, qint64 done, qint64 total) const
{
    if (m_progress)
        m_progress(SeedProgress{phase, done, total});
}

SeedResult SeedWriter::run()
{
    QElapsedTimer total;
    total.start();
    SeedResult result;
    const SchemaNames &names = m_options.schema;
    if (m_options.sqlitePath.isEmpty() && m_options.postgresUrl.isEmpty() && m_options.filesRoot.isEmpty()) {
        result.error = {SqlError::Kind::Query,
                        u"nothing to seed: give a SQLite file, a PostgreSQL URL or a files folder"_s};
        return result;
    }
    const SqlError cancelled{SqlError::Kind::Cancelled, u"seeding was cancelled"_s};

    report(SeedProgress::Phase::Schema, 0, 0);
    std::unique_ptr<SqlConnection> sqlite;
    std::unique_ptr<SqlConnection> postgres;       // evaluations
    std::unique_ptr<SqlConnection> postgresEvents; // events, side by side: PostgreSQL is the bottleneck
    QList<SqlConnection *> databases;
    if (!m_options.sqlitePath.isEmpty()) {
        sqlite = createSqliteConnection(m_options.sqlitePath, SqliteMode::Create);
        databases.append(sqlite.get());
    }
    if (!m_options.postgresUrl.isEmpty()) {
        postgres = createPostgresConnection(m_options.postgresUrl, /*readOnly*/ false);
        databases.append(postgres.get());
    }
    // Check every target before writing to any, so a refusal leaves nothing half done.
    for (SqlConnection *db : std::as_const(databases)) {
        result.error = db->open();
        if (result.error.isError()) {
            result.error.message = u"cannot open %1: %2"_s.arg(db->describe(), result.error.message);
            return result;
        }
        if (!m_options.replace) {
            for (const QString &table : {names.evaluationsTable, names.eventsTable}) {
                if (platformTableExists(*db, table, &result.error)) {
                    result.error = {
                        SqlError::Kind::Query,
                        u"table \"%1\" already exists in %2; use --replace to drop and recreate it"_s.arg(
                            table, db->describe())};
                }
                if (result.error.isError())
                    return result;
            }
        }
    }
    if (sqlite) {
        // WAL for readers during later simulation; no fsync while loading data we can regenerate.
        result.error = execAll(*sqlite, {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = OFF"_s,
                                         u"PRAGMA cache_size = -65536"_s, u"PRAGMA temp_store = MEMORY"_s});
    }
    for (SqlConnection *db : std::as_const(databases)) {
        if (!result.error.isError())
            result.error = createPlatformSchema(*db, names, m_options.replace);
    }
    if (!result.error.isError() && postgres) {
        postgresEvents = createPostgresConnection(m_options.postgresUrl, false);
        result.error = postgresEvents->open();
        // One transaction per table from TRUNCATE on lets COPY FREEZE skip the hint-bit rewrite
        // that index builds and ANALYZE would otherwise do; a failed load rolls back to empty tables.
        const QStringList session{u"SET maintenance_work_mem = '256MB'"_s,
                                  u"SET client_min_messages = warning"_s, u"BEGIN"_s};
        if (!result.error.isError())
            result.error = execAll(
                *postgres, session + QStringList{u"TRUNCATE "_s + quoteIdentifier(names.evaluationsTable)});
        if (!result.error.isError())
            result.error = execAll(
                *postgresEvents, session + QStringList{u"TRUNCATE "_s + quoteIdentifier(names.eventsTable)});
    }
    if (!result.error.isError() && !m_options.filesRoot.isEmpty()) {
        const QDir root(m_options.filesRoot);
        if (!root.mkpath(u"outputs"_s) || !root.mkpath(u"logs"_s))
            result.error = {SqlError::Kind::Query, u"cannot create folders in %1"_s.arg(m_options.filesRoot)};
    }
    if (result.error.isError())
        return result;

    const QString evaluationInsert = platformEvaluationInsertSql(names);
    const QString eventInsert = platformEventInsertSql(names);
    const QString evaluationCopy = u"COPY %1 (%2) FROM STDIN WITH (FREEZE)"_s.arg(
        quoteIdentifier(names.evaluationsTable), columnList(evaluationColumns(), names));
    const QString eventCopy = u"COPY %1 (%2) FROM STDIN WITH (FREEZE)"_s.arg(
        quoteIdentifier(names.eventsTable), columnList(eventColumns(), names));

    auto writeChunk = [&](const Chunk &chunk) -> SqlError {
        QFuture<SqlError> events;
        if (postgres && !chunk.eventCopy.isEmpty()) {
            events = QtConcurrent::run([&postgresEvents, &eventCopy, &chunk] {
                return postgresEvents->copyIn(eventCopy, chunk.eventCopy);
            });
        }
        SqlError error;
        if (postgres && !chunk.evaluationCopy.isEmpty())
            error = postgres->copyIn(evaluationCopy, chunk.evaluationCopy);
        if (sqlite && !error.isError()) {
            error = sqlite->exec(u"BEGIN"_s).error;
            if (!error.isError())
                error = sqlite->execMany(evaluationInsert, chunk.evaluationRows);
            if (!error.isError())
                error = sqlite->execMany(eventInsert, chunk.eventRows);
            const SqlResult end = sqlite->exec(error.isError() ? u"ROLLBACK"_s : u"COMMIT"_s);
            if (!error.isError())
                error = end.error;
        }
        if (events.isValid() && events.result().isError() && !error.isError())
            error = events.result();
        if (!chunk.fileError.isEmpty() && !error.isError())
            error = {SqlError::Kind::Query, chunk.fileError};
        return error;
    };

    QElapsedTimer load;
    load.start();
    const EvaluationDataGenerator generator(m_options.generator);
    if (m_options.platformEvents) {
        Chunk platform;
        const QList<EvaluationEvent> events = generator.platformEvents();
        for (const EvaluationEvent &e : events) {
            const QVariantList values = platformEventValues(e);
            if (postgres)
                appendCopyLine(platform.eventCopy, values);
            if (sqlite)
                platform.eventRows.append(values);
        }
        result.error = writeChunk(platform);
        if (sqlite || postgres)
            result.events += events.size();
    }

    const qint64 count = m_options.generator.evaluationCount;
    const qint64 step = m_options.chunkSize;
    const bool toSqlite = bool(sqlite), toPostgres = bool(postgres);
    const QString filesRoot = m_options.filesRoot;
    auto startChunk = [&](qint64 first) {
        return QtConcurrent::run(
            [&generator, first, last = qMin(count, first + step), toSqlite, toPostgres, filesRoot] {
                return makeChunk(generator, first, last, toSqlite, toPostgres, filesRoot);
            });
    };
    report(SeedProgress::Phase::Rows, 0, count);
    QFuture<Chunk> next;
    if (!result.error.isError() && count > 0)
        next = startChunk(0);
    for (qint64 first = 0; first < count && !result.error.isError(); first += step) {
        const Chunk chunk = next.result();
        next = first + step < count ? startChunk(first + step) : QFuture<Chunk>();
        if (cancelRequested()) {
            result.error = cancelled;
            break;
        }
        result.error = writeChunk(chunk);
        if (result.error.isError())
            break;
        result.evaluations += chunk.evaluations;
        result.events += toSqlite ? chunk.eventRows.size() : chunk.eventCopy.count('\n');
        result.files += chunk.files;
        report(SeedProgress::Phase::Rows, result.evaluations, count);
    }
    if (next.isValid())
        next.waitForFinished(); // it references locals of this frame
    if (postgres) {
        const QString end = result.error.isError() ? u"ROLLBACK"_s : u"COMMIT"_s;
        for (SqlConnection *db : {postgres.get(), postgresEvents.get()}) {
            const SqlError error = db->exec(end).error;
            if (!result.error.isError())
                result.error = error;
        }
    }
    result.loadMs = load.elapsed();
    if (result.error.isError())
        return result;

    QElapsedTimer indexing;
    indexing.start();
    if (m_options.createIndexes) {
        result.error = buildIndexes(sqlite.get(), postgres.get(), postgresEvents.get());
        if (result.error.isError())
            return result;
    }
    report(SeedProgress::Phase::Analyze, 0, 0);
    if (sqlite)
        result.error = execAll(
            *sqlite, {u"PRAGMA synchronous = NORMAL"_s, u"ANALYZE"_s, u"PRAGMA wal_checkpoint(TRUNCATE)"_s});
    if (!result.error.isError() && postgres) {
        QFuture<SqlError> events = QtConcurrent::run(
            [&] { return execAll(*postgresEvents, {u"ANALYZE "_s + quoteIdentifier(names.eventsTable)}); });
        result.error = execAll(*postgres, {u"ANALYZE "_s + quoteIdentifier(names.evaluationsTable)});
        if (!result.error.isError())
            result.error = events.result();
        events.waitForFinished();
    }
    result.indexMs = indexing.elapsed();
    result.totalMs = total.elapsed();
    report(SeedProgress::Phase::Done, result.evaluations, count);
    return result;
}

SqlError SeedWriter::buildIndexes(SqlConnection *sqlite, SqlConnection *postgres,
                                  SqlConnection *postgresEvents)
{
    const SchemaNames &names = m_options.schema;
    std::atomic<int> done{0};
    int total = 0;
    // PostgreSQL builds each table's indexes on its own connection, in parallel, while this
    // thread builds SQLite's and watches the cancel flag.
    auto buildOn = [&](SqlConnection *db, const QString &table) -> SqlError {
        if (const SqlError error = addPlatformPrimaryKeys(*db, names, table); error.isError())
            return error;
        for (const QString &sql : platformIndexStatements(db->dialect(), names, table)) {
            if (cancelRequested())
                return {SqlError::Kind::Cancelled, u"seeding was cancelled"_s};
            if (const SqlResult r = db->exec(sql); !r.ok())
                return r.error;
            ++done;
        }
        return {};
    };
    QList<QFuture<SqlError>> postgresBuilds;
    if (postgres) {
        total += int(platformIndexStatements(SqlDialect::PostgreSQL, names).size());
        postgresBuilds.append(QtConcurrent::run([&] { return buildOn(postgres, names.evaluationsTable); }));
        postgresBuilds.append(QtConcurrent::run([&] { return buildOn(postgresEvents, names.eventsTable); }));
    }
    if (sqlite)
        total += int(platformIndexStatements(SqlDialect::SQLite, names).size());
    report(SeedProgress::Phase::Indexes, 0, total);
    SqlError error;
    if (sqlite)
        error = buildOn(sqlite, {});
    report(SeedProgress::Phase::Indexes, done, total);
    for (QFuture<SqlError> &build : postgresBuilds) {
        while (!build.isFinished()) {
            QThread::msleep(100);
            if (cancelRequested()) {
                postgres->cancel();
                postgresEvents->cancel();
            }
            report(SeedProgress::Phase::Indexes, done, total);
        }
        if (!error.isError())
            error = build.result();
    }
    if (cancelRequested() && !error.isError())
        error = {SqlError::Kind::Cancelled, u"seeding was cancelled"_s};
    return error;
}

} // namespace Sightline
