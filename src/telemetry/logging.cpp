#include "logging.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcApp, "sightline.app")
Q_LOGGING_CATEGORY(lcStore, "sightline.store")
Q_LOGGING_CATEGORY(lcDemo, "sightline.demo")
Q_LOGGING_CATEGORY(lcPostgres, "sightline.postgres")
Q_LOGGING_CATEGORY(lcSqlite, "sightline.sqlite")
Q_LOGGING_CATEGORY(lcGrafana, "sightline.grafana")
Q_LOGGING_CATEGORY(lcReport, "sightline.report")
Q_LOGGING_CATEGORY(lcUi, "sightline.ui")
Q_LOGGING_CATEGORY(lcTelemetry, "sightline.telemetry")

namespace {

struct Sinks
{
    QMutex mutex;
    bool installed = false;
    bool toStderr = true;
    int fd = -1;
    QByteArray path; // encoded file name
    qint64 size = 0;
    qint64 rotateBytes = 10 << 20;
};

Sinks &sinks()
{
    static Sinks *instance = new Sinks; // never destroyed: messages may arrive during exit
    return *instance;
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return u"debug"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtCriticalMsg:
        return u"critical"_s;
    case QtFatalMsg:
        return u"fatal"_s;
    }
    return u"unknown"_s;
}

// A JSON string literal, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue redactValue(const QJsonValue &value)
{
    if (value.isString())
        return redactSecrets(value.toString());
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = redactValue(it.value());
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = redactValue(array.at(i));
        return array;
    }
    return value;
}

QByteArray formatLine(QtMsgType type, const char *category, const QString &event, const QJsonObject &fields)
{
    QJsonObject redacted = fields;
    for (auto it = redacted.begin(); it != redacted.end(); ++it)
        it.value() = redactValue(it.value());
    QByteArray line;
    line.reserve(160);
    line += "{\"time\":";
    line += jsonString(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line += ",\"level\":";
    line += jsonString(levelName(type));
    line += ",\"category\":";
    line += jsonString(QString::fromUtf8(category ? category : "default"));
    line += ",\"event\":";
    line += jsonString(redactSecrets(event));
    line += ",\"fields\":";
    line += QJsonDocument(redacted).toJson(QJsonDocument::Compact);
    line += "}\n";
    return line;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

int openLogFile(const QByteArray &path, qint64 *size)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    ::fchmod(fd, 0600); // an older file may have been created with other permissions
    struct stat st;
    *size = ::fstat(fd, &st) == 0 ? qint64(st.st_size) : 0;
    return fd;
}

// Called with the mutex held.
void writeLine(Sinks &s, const QByteArray &line)
{
    if (s.fd >= 0) {
        // Another Sightline (the GUI and `sightline report`) may share the file and rotate it:
        // when the path no longer names our file, write to the new one; its size is the file's.
        struct stat opened
        {
        }, named{};
        if (::fstat(s.fd, &opened) == 0) {
            if (::stat(s.path.constData(), &named) != 0 || named.st_ino != opened.st_ino ||
                named.st_dev != opened.st_dev) {
                ::close(s.fd);
                s.fd = openLogFile(s.path, &s.size);
            } else {
                s.size = opened.st_size;
            }
        }
    }
    if (s.fd >= 0) {
        if (s.size > 0 && s.size + line.size() > s.rotateBytes) {
            ::close(s.fd);
            const QByteArray old = s.path + ".1";
            ::rename(s.path.constData(), old.constData());
            s.fd = openLogFile(s.path, &s.size);
        }
        if (s.fd >= 0 && writeAll(s.fd, line))
            s.size += line.size();
    }
    if (s.toStderr || s.fd < 0) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

void jsonLineHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        formatLine(type, context.category, u"message"_s, QJsonObject{{u"text"_s, message}});
    Sinks &s = sinks();
    QMutexLocker lock(&s.mutex);
    writeLine(s, line);
}

// mkdir -p with 0700 for every folder it creates.
bool makePrivateDir(const QString &dir)
{
    if (QFileInfo(dir).isDir())
        return true;
    const QString parent = QFileInfo(dir).absolutePath();
    if (parent != dir && !makePrivateDir(parent))
        return false;
    return ::mkdir(QFile::encodeName(dir).constData(), 0700) == 0 || errno == EEXIST;
}

} // namespace

QString defaultLogFilePath()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return state + u"/sightline/sightline.log"_s;
}

bool installJsonLineLogger(const LogOptions &options)
{
    Sinks &s = sinks();
    bool ok = true;
    int openErrno = 0;
    {
        QMutexLocker lock(&s.mutex);
        if (s.fd >= 0) {
            ::close(s.fd);
            s.fd = -1;
        }
        s.toStderr = options.toStderr;
        s.rotateBytes = qMax<qint64>(options.rotateBytes, 1024);
        if (!options.filePath.isEmpty()) {
            const QString dir = QFileInfo(options.filePath).absolutePath();
            if (makePrivateDir(dir))
                ::chmod(QFile::encodeName(dir).constData(), 0700);
            s.path = QFile::encodeName(options.filePath);
            s.fd = openLogFile(s.path, &s.size);
            ok = s.fd >= 0;
            if (!ok)
                openErrno = errno;
        }
        s.installed = true;
    }
    qInstallMessageHandler(jsonLineHandler);
    if (!ok)
        logEvent(lcApp(), QtWarningMsg, "log.file_failed",
                 {{"path", options.filePath}, {"error", QString::fromLocal8Bit(std::strerror(openErrno))}});
    return ok;
}

void installJsonLineLogger()
{
    installJsonLineLogger(LogOptions{{}, true});
}

void logEvent(const QLoggingCategory &category, QtMsgType level, const char *event,
              std::initializer_list<LogField> fields)
{
    if (!category.isEnabled(level))
        return;
    QJsonObject object;
    for (const LogField &field : fields)
        object.insert(QLatin1StringView(field.key), field.value);
    // Built before taking the lock: a warning raised while formatting re-enters the handler,
    // which takes the same (non-recursive) lock.
    const QByteArray line = formatLine(level, category.categoryName(), QString::fromUtf8(event), object);
    Sinks &s = sinks();
    {
        QMutexLocker lock(&s.mutex);
        if (s.installed) {
            writeLine(s, line);
            return;
        }
    }
    // No JSON logger (a test, a tool): through Qt's handler like any other message.
    const QString text = QString::fromUtf8(event) + u' ' +
                         QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    QMessageLogger logger(nullptr, 0, nullptr, category.categoryName());
    switch (level) {
    case QtDebugMsg:
        logger.debug("%s", qUtf8Printable(redactSecrets(text)));
        break;
    case QtInfoMsg:
        logger.info("%s", qUtf8Printable(redactSecrets(text)));
        break;
    default:
        logger.warning("%s", qUtf8Printable(redactSecrets(text)));
        break;
    }
}

QString redactSecrets(const QString &text)
{
    static const QRegularExpression userinfo(u"([A-Za-z][A-Za-z0-9+.-]*://[^\\s/@:]*:)[^\\s/@]+@"_s);
    static const QRegularExpression parameters(
        u"((?<![A-Za-z0-9_-])(?:password|passwd|pwd|sslpassword|token|access_token|refresh_token|"
        "id_token|auth_token|api_key|apikey|secret|client_secret|secret_key|X-Amz-Signature|"
        "X-Amz-Credential|X-Amz-Security-Token|Signature|Credential)=)[^&\\s\"',;]+"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authorization(u"(Authorization\\\\?\"?\\s*[:=]\\s*)[^\\r\\n\"]+"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(u"(Bearer\\s+)[A-Za-z0-9._~+/=-]+"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jsonSecret(
        u"(\"(?:password|token|secret|access_token|client_secret|api_key|secret_key)\"\\s*:\\s*\")"
        "(?:[^\"\\\\]|\\\\.)*\""_s,
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(userinfo, u"\\1****@"_s);
    out.replace(parameters, u"\\1****"_s);
    out.replace(authorization, u"\\1****"_s);
    out.replace(bearer, u"\\1****"_s);
    out.replace(jsonSecret, u"\\1****\""_s);
    return out;
}

} // namespace Sightline
