#include "platformeventstream.h"

#include "core/liveevent.h"
#include "core/timestamp.h"

#include <algorithm>
#include <charconv>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// Enough evaluations that the stream does not visibly repeat, few enough to build in tens of ms.
constexpr qint64 MaxTemplateEvaluations = 1500;
// One platform-wide event per this many lifecycle events (~2%).
constexpr size_t PlatformEvery = 50;
// Values no real event has, to find where liveEventJson put the id and the ts.
constexpr qint64 SentinelId = 918273645546372819LL;
constexpr qint64 SentinelTs = 4102444799123LL; // 2099-12-31T23:59:59.123Z

// Without the temporary QByteArray that QByteArray::number makes: this runs once per message.
void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof(digits), value).ptr;
    out.append(digits, end - digits);
}

struct SourceEvent
{
    qint64 timestamp = 0;
    QString evaluationId, type, category, severity, data;
};

} // namespace

PlatformEventStream::PlatformEventStream(const GeneratorOptions &generatorOptions,
                                         const QStringList &evaluationIds, double badShare)
    : m_badShare(std::clamp(badShare, 0.0, 1.0))
{
    GeneratorOptions options = generatorOptions;
    options.generateFileContent = false;
    if (options.evaluationCount <= 0)
        options.evaluationCount = 200;
    const EvaluationDataGenerator generator(options);
    const qint64 count = std::min(options.evaluationCount, MaxTemplateEvaluations);

    std::vector<SourceEvent> lifecycle;
    lifecycle.reserve(size_t(count) * 8);
    for (qint64 i = options.evaluationCount - count; i < options.evaluationCount; ++i) {
        const GeneratedEvaluation evaluation = generator.evaluation(i);
        const QString id = evaluationIds.isEmpty() ? evaluation.detail.row.id
                                                   : evaluationIds.at(qsizetype(i % evaluationIds.size()));
        for (const EvaluationEvent &e : evaluation.events)
            lifecycle.push_back({e.timestamp, id, e.type, e.categoryText, e.severityText, e.data});
    }
    // Time order interleaves evaluations the way a running platform does.
    std::stable_sort(lifecycle.begin(), lifecycle.end(),
                     [](const SourceEvent &a, const SourceEvent &b) { return a.timestamp < b.timestamp; });

    const QList<EvaluationEvent> platform = generator.platformEvents();
    m_templates.reserve(lifecycle.size() + lifecycle.size() / PlatformEvery + 1);
    qsizetype nextPlatform = 0;
    for (size_t i = 0; i < lifecycle.size(); ++i) {
        const SourceEvent &e = lifecycle[i];
        addTemplate(e.evaluationId, e.type, e.category, e.severity, e.data);
        if (i % PlatformEvery == PlatformEvery - 1 && !platform.isEmpty()) {
            const EvaluationEvent &p = platform.at(nextPlatform++ % platform.size());
            addTemplate(QString(), p.type, p.categoryText, p.severityText, p.data);
        }
    }
    if (m_templates.empty())
        addTemplate(QString(), u"service.up"_s, u"infrastructure"_s, u"info"_s, u"{\"service\":\"redis\"}"_s);
}

void PlatformEventStream::addTemplate(const QString &evaluationId, const QString &type,
                                      const QString &category, const QString &severity, const QString &data)
{
    Template t;
    t.evaluationId = evaluationId;
    t.type = type;
    t.category = category;
    t.severity = severity;
    t.data = data;
    const QByteArray full =
        liveEventJson(SentinelId, evaluationId, type, category, severity, SentinelTs, data);
    const QByteArray idText = QByteArray::number(SentinelId);
    const QByteArray tsText = formatTimestampUtc(SentinelTs).toUtf8();
    const qsizetype idAt = full.indexOf(idText);
    const qsizetype tsAt = full.indexOf(tsText);
    // Split only when both occur once, id first (the platform's field order); otherwise every
    // message is rendered by liveEventJson itself, slower but never wrong.
    if (idAt >= 0 && tsAt > idAt && full.indexOf(idText, idAt + 1) < 0 &&
        full.indexOf(tsText, tsAt + 1) < 0) {
        t.head = full.left(idAt);
        t.middle = full.mid(idAt + idText.size(), tsAt - idAt - idText.size());
        t.tail = full.mid(tsAt + tsText.size());
    } else {
        t.split = false;
    }
    m_templates.push_back(std::move(t));
}

const QByteArray &PlatformEventStream::timestampText(qint64 ms)
{
    if (ms != m_cachedMs) {
        m_cachedMs = ms;
        m_cachedTs = formatTimestampUtc(ms).toUtf8();
    }
    return m_cachedTs;
}

quint64 PlatformEventStream::random()
{
    // splitmix64: cheap and good enough to pick bad messages.
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

PlatformEventStream::Kind PlatformEventStream::next(qint64 id, qint64 timestampMs, QByteArray &out)
{
    if (m_badShare > 0.0 && double(random() >> 11) * 0x1.0p-53 < m_badShare) {
        const Kind kind = Kind(1 + random() % 4);
        appendBad(kind, id, timestampMs, out);
        return kind;
    }
    const Template &t = m_templates[m_next];
    m_next = (m_next + 1) % m_templates.size();
    if (!t.split) {
        out += liveEventJson(id, t.evaluationId, t.type, t.category, t.severity, timestampMs, t.data);
        return Kind::Event;
    }
    out += t.head;
    appendNumber(out, id);
    out += t.middle;
    out += timestampText(timestampMs);
    out += t.tail;
    return Kind::Event;
}

void PlatformEventStream::appendBad(Kind kind, qint64 id, qint64 timestampMs, QByteArray &out)
{
    const Template &t = m_templates[m_next];
    m_next = (m_next + 1) % m_templates.size();
    switch (kind) {
    case Kind::UnknownCategory:
        out += liveEventJson(id, t.evaluationId, t.type, u"quantum"_s, t.severity, timestampMs, t.data);
        break;
    case Kind::SkewedClock: {
        // Days ahead or years behind: a worker with a broken clock.
        const qint64 skew = (random() & 1) ? 3LL * 86400000 : -5LL * 365 * 86400000;
        out += liveEventJson(id, t.evaluationId, t.type, t.category, t.severity, timestampMs + skew, t.data);
        break;
    }
    case Kind::NotJson:
        if (random() & 1)
            out +=
                "{\"id\": " + QByteArray::number(id) + ", \"type\": \"" + t.type.toUtf8() + "\", truncated";
        else
            out += "evaluation " + t.evaluationId.toUtf8() + " \xff\xfe not json at all";
        break;
    case Kind::MissingFields:
        out += "{\"id\":" + QByteArray::number(id) + ",\"type\":\"" + t.type.toUtf8() + "\"}";
        break;
    case Kind::Event:
        break;
    }
}

} // namespace Sightline
