#pragma once

#include "core/evaluation.h"
#include "core/workspaceprofile.h"

#include <QFuture>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcLineage)

// What one backend holds for one evaluation (DESIGN.md §4 layout).
struct LineageItem
{
    enum class Backend { Relational, OutputFile, LogFile, Redis, S3, Memory, Events };
    enum class State {
        Present,       // it holds something: summary says what, bytes how much
        Absent,        // asked, holds nothing for this evaluation
        NotConfigured, // the profile has no such backend
        Failed,        // asking failed: error says why
    };
    Backend backend = Backend::Relational;
    State state = State::Absent;
    QString summary;             // "output file 2.3 MB", "cached result in Redis, expires in 4:12"
    QString location;            // path, key, s3://bucket/prefix, URL: where to look
    qint64 bytes = 0;            // counted in the footprint when Present
    qint64 count = 0;            // objects / entries / events / keys
    std::optional<qint64> ttlMs; // Redis / memory: time to live when the answer came; none: no expiry
    qint64 answeredAtMs = 0;     // when the answer came (a TTL counts down from here)
    QString error;               // Failed: the backend's own message
    QStringList details;         // extra lines for a tooltip: keys, object names, entry kinds
};

// The cached result (Redis eval:<id>:result, JSON {id,status,exit_code,output,output_location})
// against the database row.
struct CacheCheck
{
    enum class Verdict { Same, Differs, Expired, NotCached, NotConfigured, Unknown };
    Verdict verdict = Verdict::Unknown;
    QString message;         // "same as the database", "differs: status running ≠ completed"
    QStringList differences; // one per differing field
};

struct EvaluationLineage
{
    QList<LineageItem> items; // in Backend order, one per backend (Relational first)
    CacheCheck cache;
    qint64 totalBytes() const; // sum of Present items' bytes
};

class LineageWorker;

// Asks every backend of a workspace what it holds for an evaluation. Each backend is asked on a
// worker thread (read-only commands only), concurrently, with the profile's timeout; a slow or
// failing backend never holds up the others. itemReady comes once per backend as it answers;
// finished once all have answered.
class LineageProbe : public QObject
{
    Q_OBJECT
public:
    explicit LineageProbe(const WorkspaceProfile &profile, QObject *parent = nullptr);
    ~LineageProbe() override;

    // Starts asking; a new start() supersedes (and cancels) the previous one. `detail` is the
    // database row as the Evaluation window read it; `eventCount` the events it read.
    quint64 start(const EvaluationDetail &detail, qint64 eventCount, bool eventsTruncated);
    // Stops asking and interrupts requests in flight; nothing more of this generation arrives
    // (no finished() either). lineage() keeps what had arrived.
    void cancel();
    bool isRunning() const;
    const EvaluationLineage &lineage() const { return m_lineage; }

Q_SIGNALS:
    void itemReady(quint64 generation, const Sightline::LineageItem &item);
    void cacheChecked(quint64 generation, const Sightline::CacheCheck &check);
    void finished(quint64 generation);

private:
    bool accepts(quint64 generation) const;
    void deliverItem(quint64 generation, const LineageItem &item);
    void deliverCache(quint64 generation, const CacheCheck &check);
    void finishOne(quint64 generation);

    std::unique_ptr<LineageWorker> m_worker;
    EvaluationLineage m_lineage;
    quint64 m_generation = 0;
    WorkspaceProfile m_profile;
    bool m_active = false; // the latest generation still delivers
    int m_pending = 0;     // its answers still to come (items and the cache check)
    qint64 m_startedAtMs = 0;
};

// The verdict of a cached result against the row; pure, for tests. `cachedJson` is the value of
// eval:<id>:result, nullopt when the key does not exist.
CacheCheck compareCachedResult(const EvaluationDetail &detail, const std::optional<QByteArray> &cachedJson);

} // namespace Sightline

Q_DECLARE_METATYPE(Sightline::LineageItem)
Q_DECLARE_METATYPE(Sightline::CacheCheck)
