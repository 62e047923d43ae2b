#include "logging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

Q_LOGGING_CATEGORY(lcApp, "sightline.app")
Q_LOGGING_CATEGORY(lcStore, "sightline.store")
Q_LOGGING_CATEGORY(lcDemo, "sightline.demo")

namespace {
QMutex g_logMutex;
FILE *g_logFile = nullptr;

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

void jsonLineHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject line{
        {u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {u"level"_s, levelName(type)},
        {u"category"_s, QString::fromUtf8(context.category ? context.category : "default")},
        {u"msg"_s, message},
    };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&g_logMutex);
    FILE *out = g_logFile ? g_logFile : stderr;
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), out);
    std::fflush(out);
}
} // namespace

void installJsonLineLogger(const QString &path)
{
    if (!path.isEmpty()) {
        QMutexLocker lock(&g_logMutex);
        g_logFile = std::fopen(QFile::encodeName(path).constData(), "a");
    }
    qInstallMessageHandler(jsonLineHandler);
}

} // namespace Sightline
