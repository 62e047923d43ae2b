// Structured logs (issue 7): one JSON object per line in the XDG state folder (0700/0600),
// rotated at the size limit with one old file kept, secrets redacted; the real binary writes the
// log file and, with --log-stderr only, JSON lines on stderr.

#include "sources/redis/redisconnection.h"
#include "telemetry/logging.h"

#include "binarytestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

QList<QJsonObject> readLines(const QString &path, QString *problem)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = u"cannot read "_s + path;
        return lines;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            *problem = u"not a JSON object: "_s + QString::fromUtf8(line);
            return {};
        }
        lines.append(doc.object());
    }
    return lines;
}

int modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestLogging : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_logPath;

    QList<QJsonObject> lines()
    {
        QString problem;
        const QList<QJsonObject> result = readLines(m_logPath, &problem);
        if (!problem.isEmpty())
            qFatal("%s", qPrintable(problem)); // the handler is ours: a QFAIL message would land in the file
        return result;
    }

    QJsonObject lastWithEvent(const QString &event)
    {
        const QList<QJsonObject> all = lines();
        for (qsizetype i = all.size() - 1; i >= 0; --i)
            if (all.at(i).value(u"event"_s).toString() == event)
                return all.at(i);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_dir.filePath(u"state"_s)));
        m_logPath = defaultLogFilePath();
        QCOMPARE(m_logPath, m_dir.filePath(u"state/sightline/sightline.log"_s));
        QLoggingCategory::setFilterRules(u"sightline.*.debug=false"_s);
        QVERIFY(installJsonLineLogger(LogOptions{m_logPath, false, 1 << 20}));
    }

    void cleanupTestCase() { qInstallMessageHandler(nullptr); }

    void fileIsPrivate()
    {
        qCInfo(lcApp) << "hello";
        QVERIFY(QFileInfo::exists(m_logPath));
        QCOMPARE(modeOf(m_logPath), 0600);
        QCOMPARE(modeOf(QFileInfo(m_logPath).absolutePath()), 0700);
    }

    void everyLineIsAnObject()
    {
        logEvent(lcPostgres(), QtInfoMsg, "query.finished",
                 {{"ms", 12.5}, {"rows", 100}, {"table", u"evaluations"_s}});
        qCWarning(lcRedis) << "plain warning" << 42;
        qWarning("uncategorised %d", 7);
        static const QRegularExpression time(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
        const QList<QJsonObject> all = lines();
        QVERIFY(all.size() >= 4);
        for (const QJsonObject &line : all) {
            QCOMPARE(line.keys(),
                     QStringList({u"category"_s, u"event"_s, u"fields"_s, u"level"_s, u"time"_s}));
            QVERIFY2(time.match(line.value(u"time"_s).toString()).hasMatch(),
                     qPrintable(line.value(u"time"_s).toString()));
            QVERIFY(line.value(u"fields"_s).isObject());
        }
        const QJsonObject structured = lastWithEvent(u"query.finished"_s);
        QCOMPARE(structured.value(u"category"_s).toString(), u"sightline.postgres"_s);
        QCOMPARE(structured.value(u"level"_s).toString(), u"info"_s);
        const QJsonObject fields = structured.value(u"fields"_s).toObject();
        QCOMPARE(fields.value(u"ms"_s).toDouble(), 12.5);
        QCOMPARE(fields.value(u"rows"_s).toInt(), 100);
        QCOMPARE(fields.value(u"table"_s).toString(), u"evaluations"_s);

        const QList<QJsonObject> after = lines();
        const QJsonObject plain = after.at(after.size() - 2);
        QCOMPARE(plain.value(u"event"_s).toString(), u"message"_s);
        QCOMPARE(plain.value(u"category"_s).toString(), u"sightline.redis"_s);
        QCOMPARE(plain.value(u"level"_s).toString(), u"warning"_s);
        QCOMPARE(plain.value(u"fields"_s).toObject().value(u"text"_s).toString(), u"plain warning 42"_s);
        const QJsonObject uncategorised = after.constLast();
        QCOMPARE(uncategorised.value(u"category"_s).toString(), u"default"_s);
        QCOMPARE(uncategorised.value(u"fields"_s).toObject().value(u"text"_s).toString(),
                 u"uncategorised 7"_s);
    }

    void debugOnlyWhenAsked()
    {
        const qsizetype before = lines().size();
        logEvent(lcPostgres(), QtDebugMsg, "query.detail", {{"rows", 1}});
        qCDebug(lcApp) << "not shown";
        QCOMPARE(lines().size(), before);
        QLoggingCategory::setFilterRules(u"sightline.postgres.debug=true"_s);
        logEvent(lcPostgres(), QtDebugMsg, "query.detail", {{"rows", 1}});
        QLoggingCategory::setFilterRules(u"sightline.*.debug=false"_s);
        QCOMPARE(lines().size(), before + 1);
        QCOMPARE(lines().constLast().value(u"level"_s).toString(), u"debug"_s);
    }

    void secretsAreRedacted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("kept");
        QTest::newRow("URL password")
            << u"connecting to postgresql://alice:pgS3cretPW@db.example:5432/crucible"_s << u"pgS3cretPW"_s
            << u"postgresql://alice:****@db.example:5432/crucible"_s;
        QTest::newRow("rediss password") << u"rediss://:redisSecretPW@cache:6380/0 failed"_s
                                         << u"redisSecretPW"_s << u"rediss://:****@cache:6380/0"_s;
        QTest::newRow("token parameter") << u"GET https://grafana.example/api/search?token=tokSECRET123&q=x"_s
                                         << u"tokSECRET123"_s << u"?token=****&q=x"_s;
        QTest::newRow("password parameter") << u"postgresql://db/x?sslmode=require&password=qpSECRET"_s
                                            << u"qpSECRET"_s << u"&password=****"_s;
        QTest::newRow("presigned S3 URL")
            << u"https://s3.example/b/k?X-Amz-Credential=AKIAEXAMPLE%2F20261130&X-Amz-Signature=abcdef0123456789"_s
            << u"abcdef0123456789"_s << u"X-Amz-Signature=****"_s;
        QTest::newRow("S3 credential") << u"https://s3.example/b/k?X-Amz-Credential=AKIAEXAMPLE%2F20261130"_s
                                       << u"AKIAEXAMPLE"_s << u"X-Amz-Credential=****"_s;
        QTest::newRow("Authorization header")
            << u"request headers: Authorization: AWS4-HMAC-SHA256 Credential=AKIAHEADER/x, Signature=sigSECRET"_s
            << u"sigSECRET"_s << u"Authorization: ****"_s;
        QTest::newRow("Bearer") << u"sent (\"authorization\", \"Bearer eyJhbGciSECRET.payload.sig\")"_s
                                << u"eyJhbGciSECRET"_s << u"Bearer ****"_s;
        QTest::newRow("JSON password") << u"profile {\"user\":\"a\",\"password\":\"jsonSECRET\"}"_s
                                       << u"jsonSECRET"_s << u"\"password\":\"****\""_s;
    }

    void secretsAreRedacted()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const QString redacted = redactSecrets(text);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains(kept), qPrintable(redacted));

        // Through both doors of the handler: a plain message and a structured field.
        qCWarning(lcApp).noquote() << text;
        logEvent(lcRedis(), QtWarningMsg, "request.failed",
                 {{"url", text}, {"nested", QJsonObject{{u"u"_s, text}}}});
        QFile file(m_logPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(secret.toUtf8()), content.right(600).constData());
        QVERIFY(lastWithEvent(u"request.failed"_s).value(u"fields"_s).toObject().value(u"url"_s).toString() ==
                redacted);
    }

    void nothingChangesWithoutSecrets()
    {
        const QString plain =
            u"redis://cache:6379/0 SCAN 0 COUNT 1000 took 12 ms; http://host:9090/api?query=up"_s;
        QCOMPARE(redactSecrets(plain), plain);
    }

    void rotatesAtTheLimit()
    {
        QVERIFY(installJsonLineLogger(LogOptions{m_logPath, false, 4096}));
        const QString old = m_logPath + u".1"_s;
        for (int i = 0; i < 200; ++i)
            logEvent(lcApp(), QtInfoMsg, "filler", {{"i", i}, {"padding", QString(40, u'x')}});
        QVERIFY(QFileInfo::exists(old));
        QVERIFY(QFileInfo(m_logPath).size() <= 4096);
        QVERIFY(QFileInfo(old).size() <= 4096 + 200);
        QCOMPARE(modeOf(m_logPath), 0600);
        QCOMPARE(modeOf(old), 0600);
        // One old file only.
        const QStringList files = QDir(QFileInfo(m_logPath).absolutePath()).entryList(QDir::Files);
        QCOMPARE(files, QStringList({u"sightline.log"_s, u"sightline.log.1"_s}));
        // The newest line is in the current file, the one before the rotation in the old one.
        QCOMPARE(lines().constLast().value(u"fields"_s).toObject().value(u"i"_s).toInt(), 199);
        QString problem;
        const QList<QJsonObject> older = readLines(old, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!older.isEmpty());
        QCOMPARE(older.constLast().value(u"fields"_s).toObject().value(u"i"_s).toInt() + 1,
                 lines().constFirst().value(u"fields"_s).toObject().value(u"i"_s).toInt());
    }

    // The real binary: the log file always, JSON lines on stderr only with --log-stderr.
    void binaryLogs_data()
    {
        QTest::addColumn<bool>("logStderr");
        QTest::newRow("--log-stderr") << true;
        QTest::newRow("log file only") << false;
    }

    void binaryLogs()
    {
        QFETCH(bool, logStderr);
        QVERIFY2(QFileInfo(TestSupport::sightlineBinary()).isExecutable(),
                 qPrintable(TestSupport::sightlineBinary()));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString logFile = home.filePath(u".local/state/sightline/sightline.log"_s);
        QProcess sightline;
        sightline.setProcessEnvironment(TestSupport::privateEnvironment(home.path()));
        QStringList arguments{u"--demo"_s};
        if (logStderr)
            arguments.append(u"--log-stderr"_s);
        sightline.start(TestSupport::sightlineBinary(), arguments);
        QVERIFY(sightline.waitForStarted(10000));
        auto stop = qScopeGuard([&sightline] {
            sightline.terminate();
            if (!sightline.waitForFinished(10000))
                sightline.kill();
        });
        // The demo workspace logs while it is prepared and opened.
        QElapsedTimer clock;
        clock.start();
        QByteArray errors;
        while (clock.elapsed() < 60000 && sightline.state() == QProcess::Running &&
               !(QFileInfo(logFile).size() > 0 && lines(logFile).size() >= 2)) {
            sightline.waitForReadyRead(300);
            errors += sightline.readAllStandardError();
        }
        QTest::qWait(500);
        errors += sightline.readAllStandardError();
        QVERIFY2(QFileInfo::exists(logFile), errors.constData());
        QCOMPARE(modeOf(logFile), 0600);
        const QList<QJsonObject> fileLines = lines(logFile);
        QVERIFY(fileLines.size() >= 2);

        QList<QByteArray> jsonOnStderr;
        for (const QByteArray &line : errors.split('\n')) {
            if (line.startsWith('{')) {
                QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
                jsonOnStderr.append(line);
            }
        }
        if (logStderr) {
            QVERIFY2(jsonOnStderr.size() >= 2, errors.constData());
            const QJsonObject first = QJsonDocument::fromJson(jsonOnStderr.constFirst()).object();
            QCOMPARE(first.keys(),
                     QStringList({u"category"_s, u"event"_s, u"fields"_s, u"level"_s, u"time"_s}));
        } else {
            QVERIFY2(jsonOnStderr.isEmpty(), errors.constData());
        }
    }

private:
    static QList<QJsonObject> lines(const QString &path)
    {
        QString problem;
        return readLines(path, &problem);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
