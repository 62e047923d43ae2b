#include "demosimulator.h"

#include "core/datagenerator.h"
#include "core/timestamp.h"
#include "demoworkspace.h"
#include "seedwriter.h"
#include "sqlconnection.h"
#include "telemetry/logging.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace Sightline {

// Lives on the simulator's thread from started() to finished(); the controller only touches it
// before start() and after the thread has been joined.
struct DemoSimulatorState
{
    DemoSimulator *owner = nullptr;
    QString path;
    std::chrono::milliseconds interval{1000};
    QTimer *timer = nullptr;
    std::unique_ptr<SqlConnection> db;
    std::optional<EvaluationDataGenerator> generator;
    qint64 sequence = 0;
    qint64 lastNow = 0;
    QRandomGenerator random{quint32(QDateTime::currentMSecsSinceEpoch())};
    QString lastFailure;

    void tick();
    SqlError prepare();
    SqlError step(qint64 now, int &evaluations, int &events);
};

namespace {

const SchemaNames kNames; // the demo always uses the platform's own names

struct Event
{
    QString type;
    EventCategory category;
    EventSeverity severity;
    QString data;
};

SqlError insertEvents(SqlConnection &db, const QString &evaluationId, qint64 now, const QList<Event> &events)
{
    QList<QVariantList> rows;
    for (const Event &e : events) {
        EvaluationEvent row;
        row.evaluationId = evaluationId;
        row.type = e.type;
        row.categoryText = categoryName(e.category);
        row.severityText = severityName(e.severity);
        row.timestamp = now;
        row.data = e.data;
        rows.append(platformEventValues(row));
    }
    return db.execMany(platformEventInsertSql(kNames), rows);
}

} // namespace

SqlError DemoSimulatorState::prepare()
{
    db = createSqliteConnection(path, SqliteMode::ReadWrite);
    if (SqlError error = db->open(); error.isError()) {
        db.reset();
        return error;
    }
    GeneratorOptions options;
    const SqlResult marker = db->exec(u"SELECT key, value FROM "_s +
                                      quoteIdentifier(QString::fromLatin1(DemoWorkspace::MarkerTable)));
    for (const QVariantList &row : marker.rows) {
        const QString key = row.value(0).toString();
        if (key == u"seed"_s)
            options.seed = row.value(1).toString().toULongLong();
        else if (key == u"evaluations"_s)
            options.evaluationCount = row.value(1).toString().toLongLong();
    }
    const SqlResult count = db->exec(u"SELECT count(*) FROM evaluations"_s);
    if (!count.ok()) {
        db.reset();
        return count.error;
    }
    // Live ids continue after the seeded ones; every earlier tick added exactly one row.
    const qint64 rows = count.rows.value(0).value(0).toLongLong();
    sequence = qMax<qint64>(0, rows - options.evaluationCount);
    generator.emplace(options);
    return {};
}

void DemoSimulatorState::tick()
{
    if (!db) {
        if (const SqlError error = prepare(); error.isError()) {
            if (error.message != lastFailure) {
                lastFailure = error.message;
                qCWarning(lcDemo) << "demo simulator cannot open" << path << ":" << error.message;
                Q_EMIT owner->failed(error.message);
            }
            return;
        }
    }
    const qint64 now = qMax(QDateTime::currentMSecsSinceEpoch(), lastNow + 1);
    lastNow = now;
    int evaluations = 0, events = 0;
    if (db->exec(u"BEGIN IMMEDIATE"_s).ok()) {
        SqlError error = step(now, evaluations, events);
        if (!error.isError())
            error = db->exec(u"COMMIT"_s).error;
        if (error.isError()) {
            db->exec(u"ROLLBACK"_s);
            evaluations = events = 0;
            if (error.message != lastFailure) {
                lastFailure = error.message;
                qCWarning(lcDemo) << "demo simulator tick failed:" << error.message;
                Q_EMIT owner->failed(error.message);
            }
            if (error.kind == SqlError::Kind::Corrupt || error.kind == SqlError::Kind::Connection)
                db.reset(); // reopen next tick
            return;
        }
        lastFailure.clear();
    }
    Q_EMIT owner->changed(evaluations, events);
}

SqlError DemoSimulatorState::step(qint64 now, int &evaluations, int &events)
{
    // A new submission. Skip ids already taken (someone may have imported rows by hand).
    GeneratedEvaluation fresh = generator->liveEvaluation(sequence++, now);
    while (!db->exec(u"SELECT 1 FROM evaluations WHERE id = ?1"_s, {fresh.detail.row.id}).rows.isEmpty())
        fresh = generator->liveEvaluation(sequence++, now);
    SqlResult r = db->exec(platformEvaluationInsertSql(kNames), platformEvaluationValues(fresh));
    if (!r.ok())
        return r.error;
    QList<QVariantList> freshEvents;
    for (const EvaluationEvent &e : std::as_const(fresh.events))
        freshEvents.append(platformEventValues(e));
    if (SqlError error = db->execMany(platformEventInsertSql(kNames), freshEvents); error.isError())
        return error;
    evaluations = 1;
    events = int(freshEvents.size());

    // Then move the live ones along, oldest first; a bounded batch keeps a tick short.
    const SqlResult live =
        db->exec(u"SELECT id, status, started_at, submitted_by FROM evaluations "
                 u"WHERE status IN ('queued', 'provisioning', 'running') ORDER BY created_at LIMIT 200"_s);
    if (!live.ok())
        return live.error;
    const QString nowText = formatTimestampUtc(now);
    using C = EventCategory;
    using S = EventSeverity;
    for (const QVariantList &row : live.rows) {
        const QString id = row.value(0).toString();
        const EvaluationStatus status = statusFromName(row.value(1).toString());
        QList<Event> add;
        if (status == EvaluationStatus::Queued && id != fresh.detail.row.id && random.bounded(100) < 50) {
            const QString worker =
                u"worker-"_s + QString::number(random.bounded(1, 25)).rightJustified(2, u'0');
            const QString container =
                u"ctr-"_s +
                QString::number(random.generate64() & 0xffffffffffffULL, 16).rightJustified(12, u'0');
            r = db->exec(
                u"UPDATE evaluations SET status = 'provisioning', worker_id = ?1, container_id = ?2 WHERE id = ?3"_s,
                {worker, container, id});
            add = {{u"evaluation.provisioning"_s, C::Infrastructure, S::Info,
                    u"{\"worker_id\":\"%1\"}"_s.arg(worker)},
                   {u"container.created"_s, C::Infrastructure, S::Info,
                    u"{\"container_id\":\"%1\",\"worker_id\":\"%2\"}"_s.arg(container, worker)}};
        } else if (status == EvaluationStatus::Provisioning && random.bounded(100) < 50) {
            r = db->exec(u"UPDATE evaluations SET status = 'running', started_at = ?1 WHERE id = ?2"_s,
                         {nowText, id});
            add = {{u"evaluation.started"_s, C::Research, S::Info, u"{}"_s}};
        } else if (status == EvaluationStatus::Running && random.bounded(100) < 25) {
            const bool ok = random.bounded(100) < 85;
            const qint64 started = parseTimestamp(row.value(2).toString()).value_or(now);
            const double seconds = double(qMax<qint64>(0, now - started)) / 1000.0;
            const double cpu = seconds * (0.2 + random.generateDouble() * 3.0);
            const double mem = seconds * double(random.bounded(256, 8192));
            const QString output = ok ? u"{\"n\": %1, \"accuracy\": %2}\n"_s.arg(random.bounded(50, 2000))
                                            .arg(random.generateDouble(), 0, 'f', 4)
                                      : u"Traceback (most recent call last):\nKeyError: 'label'\n"_s;
            r = db->exec(
                u"UPDATE evaluations SET status = ?1, completed_at = ?2, exit_code = ?3, output = ?4, "
                u"output_size = ?5, error = ?6, cpu_seconds = ?7, memory_mb_seconds = ?8, "
                u"estimated_cost_cents = ?9 WHERE id = ?10"_s,
                {ok ? u"completed"_s : u"failed"_s, nowText, qint64(ok ? 0 : 1), output,
                 qint64(output.toUtf8().size()), ok ? QVariant() : QVariant(u"KeyError: 'label'"_s), cpu, mem,
                 0.01 + cpu * 0.0011 + mem * 1.4e-7, id});
            if (ok) {
                add = {{u"storage.written"_s, C::Storage, S::Info,
                        u"{\"bytes\":%1,\"location\":\"inline\"}"_s.arg(output.size())},
                       {u"evaluation.completed"_s, C::Research, S::Info,
                        u"{\"exit_code\":0,\"duration_s\":%1}"_s.arg(seconds, 0, 'f', 3)}};
            } else {
                add = {{u"evaluation.failed"_s, C::Research, S::Error,
                        u"{\"exit_code\":1,\"error\":\"KeyError: 'label'\"}"_s}};
            }
            add.append({u"container.removed"_s, C::Infrastructure, S::Info, u"{}"_s});
        }
        if (!r.ok())
            return r.error;
        if (add.isEmpty())
            continue;
        if (SqlError error = insertEvents(*db, id, now, add); error.isError())
            return error;
        events += int(add.size());
    }
    return {};
}

DemoSimulator::DemoSimulator(QString sqlitePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(sqlitePath))
{
}

DemoSimulator::~DemoSimulator()
{
    stop();
}

bool DemoSimulator::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void DemoSimulator::start()
{
    if (m_thread)
        return;
    auto state = std::make_shared<DemoSimulatorState>();
    state->owner = this;
    state->path = m_path;
    state->interval = m_interval;
    m_state = state;
    m_thread = new QThread;
    m_thread->setObjectName(u"DemoSimulator"_s);
    // No context object: both run directly on the simulator's thread, which owns timer and db.
    connect(m_thread, &QThread::started, [state] {
        state->timer = new QTimer;
        state->timer->setInterval(state->interval);
        QObject::connect(state->timer, &QTimer::timeout, state->timer, [state] { state->tick(); });
        state->timer->start();
    });
    connect(m_thread, &QThread::finished, [state] {
        delete state->timer;
        state->timer = nullptr;
        state->db.reset();
    });
    m_thread->start();
}

void DemoSimulator::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_state.reset();
}

} // namespace Sightline
