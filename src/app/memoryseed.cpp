#include "memoryseed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr qint64 resultTtlSeconds = 24 * 3600;
constexpr qint64 outputTtlSeconds = 12 * 3600;

QJsonObject entry(const QString &id, const QString &kind, qint64 size, qint64 age, const QJsonValue &ttl)
{
    return QJsonObject{{u"key"_s, u"eval:%1:%2"_s.arg(id, kind)},
                       {u"evaluation_id"_s, id},
                       {u"kind"_s, kind},
                       {u"size_bytes"_s, size},
                       {u"age_seconds"_s, age},
                       {u"ttl_seconds"_s, ttl}};
}

} // namespace

QByteArray memoryServiceJson(const GeneratorOptions &options, qint64 recent)
{
    GeneratorOptions opt = options;
    opt.generateFileContent = false; // sizes are enough; the content stays on disk
    const EvaluationDataGenerator generator(opt);
    const qint64 now = opt.endTime;
    QJsonArray entries;
    qint64 bytes = 0;
    const qint64 first = qMax<qint64>(0, opt.evaluationCount - recent);
    for (qint64 i = opt.evaluationCount - 1; i >= first; --i) {
        const GeneratedEvaluation g = generator.evaluation(i);
        const EvaluationRow &row = g.detail.row;
        const qint64 created = row.createdAt.value_or(now);
        const auto add = [&](const QJsonObject &e) {
            bytes += e.value(u"size_bytes"_s).toInteger();
            entries.append(e);
        };
        add(entry(row.id, u"code"_s, g.detail.code.toUtf8().size(), qMax<qint64>(0, (now - created) / 1000),
                  QJsonValue::Null));
        if (!row.completedAt)
            continue;
        const qint64 age = qMax<qint64>(0, (now - *row.completedAt) / 1000);
        const qint64 outputBytes = row.outputSize.value_or(0);
        if (age < resultTtlSeconds)
            add(entry(row.id, u"result"_s, qMin<qint64>(outputBytes, 100 * 1024) + 256, age,
                      resultTtlSeconds - age));
        if (!g.detail.outputLocation.isEmpty() && age < outputTtlSeconds)
            add(entry(row.id, u"output"_s, outputBytes, age, outputTtlSeconds - age));
    }
    const qint64 count = entries.size();
    // Plausible counters that follow from the data: a mostly warm cache.
    const QJsonObject stats{{u"entries"_s, count},
                            {u"bytes"_s, bytes},
                            {u"hits"_s, count * 9 + qint64(opt.seed % 97)},
                            {u"misses"_s, count * 2 + qint64(opt.seed % 13)},
                            {u"evictions"_s, count / 7}};
    return QJsonDocument(QJsonObject{{u"entries"_s, entries}, {u"stats"_s, stats}})
        .toJson(QJsonDocument::Compact);
}

bool writeMemoryServiceJson(const QString &path, const GeneratorOptions &options, QString *error,
                            qint64 recent)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.write(memoryServiceJson(options, recent));
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Sightline
