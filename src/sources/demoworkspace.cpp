#include "demoworkspace.h"

#include "core/timestamp.h"
#include "seedwriter.h"
#include "sqlconnection.h"
#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString markerTable()
{
    return QString::fromLatin1(DemoWorkspace::MarkerTable);
}

bool removeDemo(const QString &dataDir, QString *error)
{
    const QString db = DemoWorkspace::databasePath(dataDir);
    for (const QString &path : QStringList{db, db + u"-wal"_s, db + u"-shm"_s, db + u"-journal"_s}) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error =
                QCoreApplication::translate("Sightline::DemoWorkspace", "cannot remove the old demo file %1")
                    .arg(path);
            return false;
        }
    }
    QDir files(DemoWorkspace::filesRoot(dataDir));
    if (files.exists() && !files.removeRecursively()) {
        *error =
            QCoreApplication::translate("Sightline::DemoWorkspace", "cannot remove the old demo files in %1")
                .arg(files.path());
        return false;
    }
    return true;
}

SqlError writeMarker(SqlConnection &db, const DemoOptions &options, const QString &filesRoot)
{
    const QString table = quoteIdentifier(markerTable());
    SqlResult r = db.exec(u"CREATE TABLE "_s + table + u" (key TEXT PRIMARY KEY, value TEXT)"_s);
    if (!r.ok())
        return r.error;
    const QList<QVariantList> rows{
        {u"version"_s, QString::number(DemoWorkspace::FormatVersion)},
        {u"seed"_s, QString::number(options.seed)},
        {u"evaluations"_s, QString::number(options.evaluations)},
        {u"end_time"_s, formatTimestampUtc(options.endTime)},
        {u"files_root"_s, filesRoot},
        {u"generated_at"_s, formatTimestampUtc(QDateTime::currentMSecsSinceEpoch())},
    };
    return db.execMany(u"INSERT INTO "_s + table + u" (key, value) VALUES (?1, ?2)"_s, rows);
}

} // namespace

QString DemoWorkspace::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"demo.sqlite"_s);
}

QString DemoWorkspace::filesRoot(const QString &dataDir)
{
    return QDir::cleanPath(QDir(dataDir).absoluteFilePath(u"files"_s));
}

WorkspaceProfile DemoWorkspace::profile(const QString &dataDir)
{
    WorkspaceProfile profile;
    profile.name = u"Demo workspace"_s;
    profile.demo = true;
    profile.sqlitePath = QDir(dataDir).absoluteFilePath(u"demo.sqlite"_s);
    profile.filesRoot = filesRoot(dataDir);
    return profile;
}

bool DemoWorkspace::isCurrent(const QString &dataDir, QString *reason)
{
    auto fail = [&](const QString &text) {
        if (reason)
            *reason = text;
        return false;
    };
    const QString path = databasePath(dataDir);
    if (!QFile::exists(path))
        return fail(u"no demo database yet"_s);
    const auto db = createSqliteConnection(path, SqliteMode::ReadOnly);
    if (const SqlError error = db->open(); error.isError())
        return fail(error.message);
    const SqlResult check = db->exec(u"PRAGMA quick_check"_s);
    if (!check.ok() || check.rows.isEmpty() || check.rows.constFirst().value(0).toString() != u"ok"_s)
        return fail(u"the demo database is damaged"_s);
    const SqlResult marker = db->exec(u"SELECT key, value FROM "_s + quoteIdentifier(markerTable()));
    if (!marker.ok())
        return fail(u"the demo database has no marker: %1"_s.arg(marker.error.message));
    QHash<QString, QString> values;
    for (const QVariantList &row : marker.rows)
        values.insert(row.value(0).toString(), row.value(1).toString());
    if (values.value(u"version"_s) != QString::number(FormatVersion))
        return fail(u"the demo was made by another version (%1)"_s.arg(values.value(u"version"_s)));
    if (values.value(u"files_root"_s) != filesRoot(dataDir))
        return fail(u"the demo was moved from %1"_s.arg(values.value(u"files_root"_s)));
    if (!QDir(filesRoot(dataDir)).exists(u"outputs"_s))
        return fail(u"the demo files are missing"_s);
    const SqlResult count = db->exec(u"SELECT count(*) FROM evaluations"_s);
    if (!count.ok())
        return fail(count.error.message);
    return true;
}

DemoWorkspaceResult DemoWorkspace::ensure(const QString &dataDir, const DemoOptions &requested,
                                          const ProgressCallback &progress, const std::atomic<bool> *cancel)
{
    DemoWorkspaceResult result;
    QString reason;
    if (isCurrent(dataDir, &reason)) {
        result.profile = profile(dataDir);
        return result;
    }
    qCInfo(lcDemo) << "generating the demo workspace in" << dataDir << "because" << reason;
    if (!QDir().mkpath(dataDir)) {
        result.error =
            QCoreApplication::translate("Sightline::DemoWorkspace", "cannot create the demo folder %1")
                .arg(dataDir);
        return result;
    }
    QTemporaryDir staging(QDir(dataDir).filePath(u".staging-XXXXXX"_s));
    if (!staging.isValid()) {
        result.error = QCoreApplication::translate("Sightline::DemoWorkspace",
                                                   "cannot create a staging folder in %1: %2")
                           .arg(dataDir, staging.errorString());
        return result;
    }

    DemoOptions options = requested;
    if (options.endTime == 0)
        options.endTime = QDateTime::currentMSecsSinceEpoch();
    SeedOptions seed;
    seed.generator.seed = options.seed;
    seed.generator.evaluationCount = options.evaluations;
    seed.generator.endTime = options.endTime;
    seed.generator.spanDays = options.spanDays;
    seed.generator.filesRoot = filesRoot(dataDir); // where the files will be after the move
    seed.sqlitePath = staging.filePath(u"demo.sqlite"_s);
    seed.filesRoot = staging.filePath(u"files"_s);
    seed.chunkSize = 500; // small chunks: responsive cancel and progress
    SeedWriter writer(seed);
    writer.setCancelFlag(cancel);
    if (progress) {
        writer.setProgressCallback([&progress](const SeedProgress &p) {
            if (p.phase == SeedProgress::Phase::Rows)
                progress(p.done, p.total);
        });
    }
    const SeedResult seeded = writer.run();
    if (!seeded.ok()) {
        result.cancelled = seeded.cancelled();
        result.error = result.cancelled ? u"creating the demo workspace was cancelled"_s
                                        : u"cannot create the demo workspace: %1"_s.arg(seeded.error.message);
        return result;
    }
    {
        const auto db = createSqliteConnection(seed.sqlitePath, SqliteMode::ReadWrite);
        SqlError error = db->open();
        if (!error.isError())
            error = writeMarker(*db, options, filesRoot(dataDir));
        if (error.isError()) {
            result.error = QCoreApplication::translate("Sightline::DemoWorkspace",
                                                       "cannot finish the demo workspace: %1")
                               .arg(error.message);
            return result;
        }
    } // closing the last connection folds the WAL back, so the database is one file to move

    QString error;
    if (!removeDemo(dataDir, &error) || !QFile::rename(seed.sqlitePath, databasePath(dataDir)) ||
        !QDir().rename(seed.filesRoot, filesRoot(dataDir))) {
        result.error = error.isEmpty() ? u"cannot move the new demo workspace into %1"_s.arg(dataDir) : error;
        return result;
    }
    qCInfo(lcDemo) << "demo workspace ready:" << seeded.evaluations << "evaluations in" << seeded.totalMs
                   << "ms";
    result.generated = true;
    result.profile = profile(dataDir);
    return result;
}

} // namespace Sightline
