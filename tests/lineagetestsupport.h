#pragma once

// Helpers for the lineage tests: made-up rows, the cached-result JSON the platform writes, and
// one LineageProbe run to its end.

#include "sources/lineage/evaluationlineage.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace LineageTest {

using namespace Qt::StringLiterals;
using namespace Sightline;
using Backend = LineageItem::Backend;
using State = LineageItem::State;
using Verdict = CacheCheck::Verdict;

inline const char *backendName(Backend backend)
{
    switch (backend) {
    case Backend::Relational:
        return "Relational";
    case Backend::OutputFile:
        return "OutputFile";
    case Backend::LogFile:
        return "LogFile";
    case Backend::Redis:
        return "Redis";
    case Backend::S3:
        return "S3";
    case Backend::Memory:
        return "Memory";
    case Backend::Events:
        return "Events";
    }
    return "?";
}

inline QByteArray describe(const LineageItem &item)
{
    return QByteArray(backendName(item.backend)) + " state " + QByteArray::number(int(item.state)) + " \"" +
           item.summary.toUtf8() + "\" error \"" + item.error.toUtf8() + "\" at " + item.location.toUtf8();
}

inline const LineageItem *itemOf(const EvaluationLineage &lineage, Backend backend)
{
    for (const LineageItem &item : lineage.items) {
        if (item.backend == backend)
            return &item;
    }
    return nullptr;
}

inline EvaluationDetail madeUpDetail(const QString &id, EvaluationStatus status)
{
    EvaluationDetail d;
    d.row.id = id;
    d.row.status = status;
    d.row.statusText = statusName(status);
    if (isTerminal(status))
        d.row.exitCode = 0;
    d.code = u"print('hello')\n"_s;
    d.codeLength = d.code.size();
    d.output = u"hello"_s;
    d.outputLength = d.output.size();
    return d;
}

inline QByteArray resultJson(const EvaluationDetail &d)
{
    QJsonObject o{{u"id"_s, d.row.id}, {u"status"_s, statusName(d.row.status)}};
    if (d.row.exitCode)
        o.insert(u"exit_code"_s, *d.row.exitCode);
    if (!d.output.isEmpty())
        o.insert(u"output"_s, d.output.left(2000));
    if (!d.outputLocation.isEmpty())
        o.insert(u"output_location"_s, d.outputLocation);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Runs one probe to its end; the lineage, the signals' generations, and how long it took.
struct ProbeRun
{
    EvaluationLineage lineage;
    QList<quint64> itemGenerations;
    QList<Backend> itemBackends;
    int cacheSignals = 0;
    int finishedSignals = 0;
    qint64 elapsedMs = 0;
    bool finished = false;
};

inline ProbeRun runProbe(const WorkspaceProfile &profile, const EvaluationDetail &detail, qint64 events = 0,
                         bool truncated = false, int timeoutMs = 30000)
{
    ProbeRun run;
    LineageProbe probe(profile);
    QSignalSpy items(&probe, &LineageProbe::itemReady);
    QSignalSpy cache(&probe, &LineageProbe::cacheChecked);
    QSignalSpy finished(&probe, &LineageProbe::finished);
    QElapsedTimer clock;
    clock.start();
    const quint64 generation = probe.start(detail, events, truncated);
    // Nothing arrives inside start(): every answer is queued.
    if (!items.isEmpty() || !cache.isEmpty() || !finished.isEmpty())
        return run;
    run.finished = finished.wait(timeoutMs);
    run.elapsedMs = clock.elapsed();
    QTest::qWait(50); // anything after finished() would be a bug: let it show
    run.lineage = probe.lineage();
    for (const QList<QVariant> &args : std::as_const(items)) {
        run.itemGenerations << args.at(0).toULongLong();
        run.itemBackends << args.at(1).value<LineageItem>().backend;
    }
    run.cacheSignals = int(cache.size());
    run.finishedSignals = int(finished.size());
    if (!finished.isEmpty() && finished.constFirst().constFirst().toULongLong() != generation)
        run.finished = false;
    if (probe.isRunning())
        run.finished = false;
    return run;
}

inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace LineageTest
