#pragma once

#include "core/datagenerator.h"
#include "core/workspaceprofile.h"
#include "sqlconnection.h"

#include <QString>

#include <atomic>
#include <functional>

namespace Sightline {

struct SeedOptions
{
    GeneratorOptions generator;
    QString sqlitePath;  // write a SQLite database (created when missing); empty: none
    QString postgresUrl; // and/or a PostgreSQL database; the password comes from PGPASSWORD
    // Where <root>/outputs/<id>.txt and <root>/logs/<id>.log are written; empty: no files.
    // output_location URLs name generator.filesRoot when it is set, else this folder, else
    // "/data" (the platform's default root), so a database seeded without files still points
    // where a platform would keep them.
    QString filesRoot;
    SchemaNames schema;
    bool replace = false;       // drop existing tables instead of refusing
    bool platformEvents = true; // also write platform-wide events (evaluation_id NULL)
    bool createIndexes = true;  // indexes (and PostgreSQL primary keys) after the bulk load
    // Evaluations per SQLite transaction and per PostgreSQL COPY (events ride along, ~8 each).
    int chunkSize = 10000;
};

struct SeedProgress
{
    enum class Phase { Schema, Rows, Indexes, Analyze, Done };
    Phase phase = Phase::Schema;
    qint64 done = 0; // evaluations written (Rows) or indexes built (Indexes)
    qint64 total = 0;
};

struct SeedResult
{
    SqlError error;         // the first failure; Kind::Cancelled when the cancel flag stopped it
    qint64 evaluations = 0; // rows written to each database
    qint64 events = 0;
    qint64 files = 0;   // output and log files written
    qint64 loadMs = 0;  // generating and writing rows
    qint64 indexMs = 0; // indexes and ANALYZE
    qint64 totalMs = 0;

    bool ok() const { return !error.isError(); }
    bool cancelled() const { return error.kind == SqlError::Kind::Cancelled; }
};

// Rows as SeedWriter writes them to SQLite (timestamps in formatTimestampUtc() form, NULLs as null
// QVariants), for the demo simulator's own inserts.
QString platformEvaluationInsertSql(const SchemaNames &names);
QString platformEventInsertSql(const SchemaNames &names);
QVariantList platformEvaluationValues(const GeneratedEvaluation &evaluation);
QVariantList platformEventValues(const EvaluationEvent &event);

// Writes generated platform data into SQLite and/or PostgreSQL and the files tree, in one pass:
// the next chunk is generated on a pool thread while the current one is written. SQLite gets one
// transaction per chunk through a prepared statement, in WAL mode. PostgreSQL gets COPY (text
// format, FREEZE) per chunk on two connections, one per table, each loading in one transaction.
// Indexes come after the load (PostgreSQL: both tables in parallel), then ANALYZE.
//
// run() blocks; call it from a worker thread in a GUI. The progress callback runs on that thread.
// A cancelled or failed run leaves the PostgreSQL tables empty and the SQLite ones partial (without
// indexes); rerun with replace.
class SeedWriter
{
public:
    using ProgressCallback = std::function<void(const SeedProgress &)>;

    explicit SeedWriter(SeedOptions options);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    // Checked between chunks and between indexes; the flag must outlive run().
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    SeedResult run();

    // One field of COPY's text format: backslash, tab, newline and carriage return escaped.
    static void appendCopyField(QByteArray &line, const QString &value);

private:
    bool cancelRequested() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void report(SeedProgress::Phase phase, qint64 done, qint64 total) const;
    SqlError buildIndexes(SqlConnection *sqlite, SqlConnection *postgres, SqlConnection *postgresEvents);

    SeedOptions m_options;
    ProgressCallback m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace Sightline
