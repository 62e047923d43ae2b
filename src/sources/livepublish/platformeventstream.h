#pragma once

// An endless stream of realistic platform events for the publisher: the lifecycle events that
// EvaluationDataGenerator makes for evaluations (queued, provisioning, container.created, started,
// cache hits, storage, completed/failed/timeout/cancelled, the odd security event), interleaved in
// time order as a running platform would emit them, plus a small share of platform-wide events
// (service.down, node pressure, storage.degraded). Each message is liveEventJson() with the id and
// ts filled in at send time; the rest of the text is rendered once, so a message costs a few
// appends (the publisher must reach hundreds of thousands per second on a shared core).

#include "core/datagenerator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace Sightline {

class PlatformEventStream
{
public:
    // What kind of message next() wrote.
    enum class Kind : quint8 {
        Event,           // a valid platform event
        UnknownCategory, // valid JSON, every field, but a category Sightline does not know
        SkewedClock,     // valid, but ts days away from now
        NotJson,         // not JSON at all
        MissingFields,   // JSON without category, severity or ts
    };
    static bool isRow(Kind kind)
    {
        return kind == Kind::Event || kind == Kind::UnknownCategory || kind == Kind::SkewedClock;
    }

    // `generator` names the seeded evaluations (seed and count: their ids); `evaluationIds`, when
    // given, overrides the ids (e.g. read from the evaluations table). `badShare` in [0, 1] is the
    // share of messages that are bad input (the last four kinds), for demos of the bad-input path.
    PlatformEventStream(const GeneratorOptions &generator, const QStringList &evaluationIds = {},
                        double badShare = 0.0);

    // Appends one message for event `id` at `timestampMs` to `out` and returns its kind.
    Kind next(qint64 id, qint64 timestampMs, QByteArray &out);

    qsizetype templateCount() const { return qsizetype(m_templates.size()); }

private:
    struct Template
    {
        // The message is head + id + middle + ts text + tail; when split is false (liveEventJson
        // wrote something we could not split), `full` is rebuilt by liveEventJson each time.
        QByteArray head, middle, tail;
        bool split = true;
        QString evaluationId, type, category, severity, data;
    };
    void addTemplate(const QString &evaluationId, const QString &type, const QString &category,
                     const QString &severity, const QString &data);
    const QByteArray &timestampText(qint64 ms);
    quint64 random();
    void appendBad(Kind kind, qint64 id, qint64 timestampMs, QByteArray &out);

    std::vector<Template> m_templates;
    size_t m_next = 0;
    double m_badShare = 0.0;
    quint64 m_state = 0x853c49e6748fea9bULL;
    qint64 m_cachedMs = -1;
    QByteArray m_cachedTs;
};

} // namespace Sightline
