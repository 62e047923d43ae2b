#include "connectiontest.h"

#include "connectionprobes.h"
#include "sources/storagesource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcConnectionTest, "sightline.connectiontest")

namespace {

// Not a QObject: lupdate files ConnectionTestTr::tr() under the context it looks up at run time.
struct ConnectionTestTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::ConnectionTest)
};

// The tests' supervising threads: each waits for its probe, which runs on a StorageTaskRunner of
// its own. Not the global pool, which a dialog testing eight sources at once would fill.
QThreadPool *supervisorPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        p->setObjectName(u"connection tests"_s);
        return p;
    }();
    return pool;
}

QString sourceTitle(const QString &source)
{
    if (source == u"postgres")
        return ConnectionTestTr::tr("PostgreSQL");
    if (source == u"sqlite")
        return ConnectionTestTr::tr("SQLite");
    if (source == u"files")
        return ConnectionTestTr::tr("Files");
    if (source == u"redis")
        return ConnectionTestTr::tr("Redis");
    if (source == u"s3")
        return ConnectionTestTr::tr("S3");
    if (source == u"memory")
        return ConnectionTestTr::tr("The storage service");
    if (source == u"prometheus")
        return ConnectionTestTr::tr("Prometheus");
    if (source == u"grafana")
        return ConnectionTestTr::tr("Grafana");
    return source;
}

// Every secret the profile carries, and any password written into a URL of it: none of them may
// reach a message, whatever a server or library chose to echo.
QStringList secretsOf(const WorkspaceProfile &profile)
{
    QStringList secrets = profile.secrets.values();
    for (const QString &url : {profile.postgresUrl, profile.redis.url, profile.s3.endpoint, profile.memoryUrl,
                               profile.prometheus.url, profile.grafana.url}) {
        const QString password = QUrl(url).password();
        if (!password.isEmpty())
            secrets.append(password);
    }
    return secrets;
}

QString scrub(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        // Very short values would blank out ordinary words; a secret that short is no secret.
        if (secret.size() >= 3)
            text.replace(secret, u"****"_s);
    }
    return text;
}

ConnectionTestResult runProbe(const WorkspaceProfile &profile, const QString &source, const StopToken &stop,
                              ProbeInterrupt &interrupt)
{
    if (source == u"postgres")
        return probePostgres(profile, stop, interrupt);
    if (source == u"sqlite")
        return probeSqlite(profile, stop, interrupt);
    if (source == u"files")
        return probeFiles(profile, stop);
    if (source == u"redis")
        return probeRedis(profile, stop, interrupt);
    if (source == u"s3")
        return probeS3(profile, stop, interrupt);
    if (source == u"memory")
        return probeMemory(profile, stop, interrupt);
    if (source == u"prometheus")
        return probePrometheus(profile, stop);
    if (source == u"grafana")
        return probeGrafana(profile, stop, interrupt);
    ConnectionTestResult result;
    result.error = ConnectionTestTr::tr("Unknown source \"%1\"").arg(source);
    return result;
}

ConnectionTestResult supervise(const WorkspaceProfile &profile, const QString &source,
                               const std::shared_ptr<std::atomic<bool>> &cancel)
{
    const QString title = sourceTitle(source);
    const QString target = connectionTarget(profile, source);
    ConnectionTestResult result;
    if (target.isEmpty() && source != u"files" && source != u"sqlite") {
        result.error = ConnectionTestTr::tr("%1 is not configured in this workspace").arg(title);
        return result;
    }
    if ((source == u"files" && profile.filesRoot.isEmpty()) ||
        (source == u"sqlite" && profile.sqlitePath.isEmpty())) {
        result.error = ConnectionTestTr::tr("%1 is not configured in this workspace").arg(title);
        return result;
    }
    if (cancel && cancel->load()) {
        result.error = ConnectionTestTr::tr("Cancelled");
        return result;
    }

    const int timeoutMs = qMax(1, profile.timeoutSeconds) * 1000;
    const QDeadlineTimer deadline(timeoutMs);
    auto interrupt = std::make_shared<ProbeInterrupt>();
    {
        StorageTaskRunner runner; // the probe's own thread; joined when this block ends
        runner.setInterrupt([interrupt] { interrupt->fire(); });
        QFuture<ConnectionTestResult> probe =
            runner.run<ConnectionTestResult>([profile, source, interrupt](const StopToken &stop) {
                return runProbe(profile, source, stop, *interrupt);
            });
        bool timedOut = false;
        bool cancelled = false;
        while (!probe.isFinished()) {
            if (!timedOut && !cancelled) {
                cancelled = cancel && cancel->load();
                timedOut = !cancelled && deadline.hasExpired();
                if (cancelled || timedOut)
                    runner.stop(); // the probe returns within a few tens of milliseconds
            }
            QThread::msleep(10);
        }
        result = probe.result();
        if (cancelled) {
            result = {};
            result.error = ConnectionTestTr::tr("Cancelled");
        } else if (timedOut && !result.ok) {
            result = {};
            result.error = ConnectionTestTr::tr("%1 at %2 did not answer within %3 s")
                               .arg(title, target, QString::number(double(timeoutMs) / 1000.0, 'g', 3));
        }
    }
    const QStringList secrets = secretsOf(profile);
    result.error = scrub(result.error, secrets);
    result.detail = scrub(result.detail, secrets);
    result.serverVersion = scrub(result.serverVersion, secrets);
    if (result.ok)
        qCInfo(lcConnectionTest).noquote()
            << source << "ok in" << result.latencyMs << "ms:" << result.serverVersion << result.detail;
    else
        qCInfo(lcConnectionTest).noquote() << source << "failed:" << result.error;
    return result;
}

} // namespace

QFuture<ConnectionTestResult> testSourceConnection(const WorkspaceProfile &profile, const QString &source,
                                                   std::shared_ptr<std::atomic<bool>> cancel)
{
    return QtConcurrent::run(supervisorPool(),
                             [profile, source, cancel] { return supervise(profile, source, cancel); });
}

} // namespace Sightline
