#include "datagenerator.h"

#include "timestamp.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

constexpr quint64 splitmix(quint64 z)
{
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Streams keep unrelated decisions independent: adding a draw to the code snippet must not
// shift every evaluation's status.
enum Stream : quint64 { Main = 1, Batch = 2, Platform = 3, Code = 4, Content = 5 };

class Rng
{
public:
    Rng(quint64 seed, qint64 index, Stream stream)
        : m_state(splitmix(seed ^ splitmix(quint64(index) ^ (quint64(stream) << 56))))
    {
    }
    quint64 next() { return splitmix(m_state += 0x9E3779B97F4A7C15ULL); }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); } // inclusive
    bool chance(double p) { return uniform() < p; }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[next() % N];
    }

private:
    quint64 m_state;
};

constexpr quint64 kMask48 = (quint64(1) << 48) - 1;

const char16_t *const kSubmitters[] = {u"ada",    u"grace",   u"alan", u"barbara", u"edsger", u"margaret",
                                       u"donald", u"frances", u"ken",  u"radia",   u"john",   u"katherine"};
const char16_t *const kServices[] = {u"storage-service", u"redis", u"scheduler", u"postgres", u"prometheus"};
const char16_t *const kErrors[] = {
    u"ValueError: could not convert string to float: 'n/a'",
    u"KeyError: 'label'",
    u"MemoryError: unable to allocate 2.1 GiB for an array",
    u"ModuleNotFoundError: No module named 'transformers'",
    u"TypeError: Cannot read properties of undefined (reading \"score\")",
    u"RuntimeError: CUDA error: no kernel image is available",
    u"AssertionError: expected 500 samples, got 498",
    u"Error in read.csv(\"items.csv\"): cannot open file",
};

struct Engine
{
    const char16_t *name;
    const char16_t *image;
    int language; // 0 python, 1 javascript, 2 R
};
const Engine kEngines[] = {{u"python-3.11", u"sightline/python:3.11", 0},
                           {u"python-3.12", u"sightline/python:3.12", 0},
                           {u"node-20", u"sightline/node:20", 1},
                           {u"r-4.3", u"sightline/r:4.3", 2}};

const char16_t *const kPythonBody[] = {
    u"    prompt = template.format(question=item[\"question\"])\n",
    u"    answer = model.generate(prompt, max_tokens=256, temperature=0.0)\n",
    u"    score = grade(answer, item[\"expected\"])\n",
    u"    results.append({\"id\": item[\"id\"], \"score\": score})\n",
    u"    if score < threshold:\n        failures.append(item[\"id\"])\n",
    u"    tokens += len(tokenizer.encode(answer))\n",
    u"    # normalise whitespace before exact-match grading\n    answer = \" \".join(answer.split())\n",
    u"    latencies.append(time.perf_counter() - started)\n",
};
const char16_t *const kJsBody[] = {
    u"  const prompt = template.replace('{question}', item.question);\n",
    u"  const answer = await model.generate(prompt, { maxTokens: 256 });\n",
    u"  const score = grade(answer, item.expected);\n",
    u"  results.push({ id: item.id, score });\n",
    u"  if (score < threshold) failures.push(item.id);\n",
    u"  tokens += tokenizer.encode(answer).length;\n",
};
const char16_t *const kRBody[] = {
    u"  fit <- glm(label ~ ., data = train, family = binomial())\n",
    u"  pred <- predict(fit, newdata = test, type = \"response\")\n",
    u"  scores[i] <- mean((pred > 0.5) == test$label)\n",
    u"  cat(sprintf(\"fold %d: %.4f\\n\", i, scores[i]))\n",
};

QString hex(quint64 value, int digits)
{
    return QString::number(value, 16).rightJustified(digits, u'0').right(digits);
}

QString jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + hex(c.unicode(), 4);
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString makeCode(Rng &rng, int language)
{
    // Skewed towards short snippets, like real evaluation code: median ~500 characters.
    const qsizetype target = 100 + qsizetype(2900 * std::pow(rng.uniform(), 3.0));
    QString code;
    code.reserve(target + 200);
    if (language == 0) {
        code += u"import json\nimport time\nfrom evalkit import load_dataset, grade, model\n\n"_s;
        code += u"items = load_dataset(\"suite-"_s + QString::number(rng.range(1, 40)) + u"\")\n"_s;
        code += u"results, failures, latencies, tokens = [], [], [], 0\nthreshold = 0."_s +
                QString::number(rng.range(5, 9)) +
                u"\nfor item in items:\n    started = time.perf_counter()\n"_s;
        while (code.size() < target - 60)
            code += QString::fromUtf16(rng.pick(kPythonBody));
        code += u"print(json.dumps({\"n\": len(results), \"failures\": len(failures)}))\n"_s;
    } else if (language == 1) {
        code += u"import { loadDataset, grade, model, tokenizer } from 'evalkit';\n\n"_s;
        code += u"const items = await loadDataset('suite-"_s + QString::number(rng.range(1, 40)) + u"');\n"_s;
        code += u"const results = []; const failures = []; let tokens = 0;\nfor (const item of items) {\n"_s;
        while (code.size() < target - 60)
            code += QString::fromUtf16(rng.pick(kJsBody));
        code += u"}\nconsole.log(JSON.stringify({ n: results.length, tokens }));\n"_s;
    } else {
        code += u"library(evalkit)\ndata <- load_dataset(\"tabular-"_s + QString::number(rng.range(1, 12)) +
                u"\")\nscores <- numeric(5)\nfor (i in 1:5) {\n  split <- fold(data, i)\n"_s;
        while (code.size() < target - 40)
            code += QString::fromUtf16(rng.pick(kRBody));
        code += u"}\ncat(sprintf(\"mean %.4f\\n\", mean(scores)))\n"_s;
    }
    if (code.size() > 3000)
        code.truncate(code.lastIndexOf(u'\n', 2999) + 1);
    return code;
}

QString makeOutput(Rng &rng)
{
    QString out;
    const int samples = int(rng.range(50, 2000));
    const int lines = int(rng.range(1, 12));
    for (int i = 0; i < lines; ++i)
        out += u"batch "_s + QString::number(i) + u": accuracy="_s + QString::number(rng.uniform(), 'f', 4) +
               u" latency_ms="_s + QString::number(rng.range(20, 900)) + u'\n';
    out += u"{\"n\": "_s + QString::number(samples) + u", \"accuracy\": "_s +
           QString::number(rng.uniform(), 'f', 4) + u"}\n"_s;
    return out;
}

QByteArray makeLargeOutput(Rng &rng, qint64 size)
{
    QByteArray out;
    out.reserve(size + 64);
    qint64 step = 0;
    while (out.size() < size) {
        out += "step ";
        out += QByteArray::number(step++).rightJustified(7, '0');
        out += " loss=";
        out += QByteArray::number(2.0 / double(step) + rng.uniform() * 0.01, 'f', 6);
        out += " acc=";
        out += QByteArray::number(rng.uniform(), 'f', 4);
        out += '\n';
    }
    out.truncate(size);
    if (size > 0)
        out[size - 1] = '\n';
    return out;
}

struct Window
{
    qint64 created = 0;
    qint64 provisioned = 0; // provisioning began
    qint64 started = 0;
    qint64 completed = 0;
};

} // namespace

EvaluationDataGenerator::EvaluationDataGenerator(const GeneratorOptions &options)
    : m_options(options)
{
    if (m_options.evaluationCount < 0)
        m_options.evaluationCount = 0;
    if (m_options.spanDays < 1)
        m_options.spanDays = 1;
    if (m_options.filesRoot.isEmpty())
        m_options.filesRoot = u"/data"_s;
}

QString EvaluationDataGenerator::evaluationId(quint64 seed, qint64 index)
{
    // Each step (add, odd multiply, right xorshift) is a bijection on 48 bits, so distinct
    // indices give distinct ids.
    quint64 x = (quint64(index) + splitmix(seed)) & kMask48;
    x = (x * 0x9E3779B97F4BULL) & kMask48;
    x ^= x >> 23;
    x = (x * 0xD6E8FEB86659ULL + 0x1) & kMask48;
    x ^= x >> 19;
    return u"ev-"_s + hex(x, 12);
}

namespace {

QList<EvaluationEvent> lifecycleEvents(const GeneratedEvaluation &gen, const Window &w, qint64 now, Rng &rng);

GeneratedEvaluation build(const GeneratorOptions &opt, qint64 index, qint64 created, qint64 now, qint64 rank)
{
    const quint64 seed = opt.seed;
    Rng rng(seed, index, Main);
    GeneratedEvaluation gen;
    EvaluationDetail &d = gen.detail;
    EvaluationRow &r = d.row;
    r.id = EvaluationDataGenerator::evaluationId(seed, index);

    const Engine &engine = rng.pick(kEngines);
    if (!rng.chance(0.005))
        r.engine = QString::fromUtf16(engine.name);

    // Batches are runs of 50 consecutive submissions by one person; 30% of runs are ad hoc.
    const qint64 group = index / 50;
    Rng batchRng(seed, group, Batch);
    const bool batched = batchRng.chance(0.7);
    const QString batchOwner = QString::fromUtf16(batchRng.pick(kSubmitters));
    if (batched) {
        r.batchId = u"batch-"_s + hex(splitmix(seed ^ quint64(group)), 8);
        r.submittedBy = batchOwner;
    } else if (!rng.chance(0.06)) {
        r.submittedBy = QString::fromUtf16(rng.pick(kSubmitters));
    }

    Rng codeRng(seed, index, Code);
    if (!rng.chance(0.003)) {
        d.code = makeCode(codeRng, engine.language);
        d.codeLength = d.code.size();
        if (!rng.chance(0.01))
            d.codeLengthColumn = d.code.size();
    }

    // The natural outcome, then cut back to whatever phase it has reached by `now`.
    const double u = rng.uniform();
    EvaluationStatus status = u < 0.86   ? EvaluationStatus::Completed
                              : u < 0.94 ? EvaluationStatus::Failed
                              : u < 0.97 ? EvaluationStatus::Timeout
                                         : EvaluationStatus::Cancelled;
    Window w;
    w.created = created;
    w.provisioned = created + 200 + qint64(30000 * std::pow(rng.uniform(), 3.0));
    w.started = w.provisioned + rng.range(800, 15000);
    const qint64 timeoutLimitS = engine.language == 2 ? 3600 : 1800;
    switch (status) {
    case EvaluationStatus::Completed:
        w.completed = w.started + qint64(2000 * std::pow(900.0, rng.uniform()));
        break;
    case EvaluationStatus::Failed:
        w.completed = w.started + qint64(1000 * std::pow(600.0, rng.uniform()));
        break;
    case EvaluationStatus::Timeout:
        w.completed = w.started + timeoutLimitS * 1000 + rng.range(0, 900);
        break;
    default:
        w.completed = w.started + rng.range(500, 600000);
        break;
    }
    const bool cancelledBeforeStart = status == EvaluationStatus::Cancelled && rng.chance(0.4);
    if (cancelledBeforeStart)
        w.completed = w.started = w.provisioned + rng.range(300, 5000);

    // The newest few always cover every active phase, so even small data sets show them.
    const qint64 forced = opt.evaluationCount >= 50 ? 9 : 0;
    if (rank < forced) {
        status = rank < 3   ? EvaluationStatus::Queued
                 : rank < 5 ? EvaluationStatus::Provisioning
                            : EvaluationStatus::Running;
        const qint64 mid = created + (now - created) / 2;
        w.provisioned = qMin(w.provisioned, mid);
        w.started = qMin(w.started, qMax(w.provisioned, mid + (now - mid) / 2));
    } else if (w.completed > now || index >= opt.evaluationCount) {
        status = w.started <= now && index < opt.evaluationCount       ? EvaluationStatus::Running
                 : w.provisioned <= now && index < opt.evaluationCount ? EvaluationStatus::Provisioning
                                                                       : EvaluationStatus::Queued;
    }
    const bool provisioned = status != EvaluationStatus::Queued;
    const bool started = provisioned && status != EvaluationStatus::Provisioning &&
                         !(status == EvaluationStatus::Cancelled && cancelledBeforeStart);
    const bool terminal = isTerminal(status);

    r.status = status;
    r.statusText = statusName(status);
    r.createdAt = w.created;
    if (started)
        r.startedAt = w.started;
    if (terminal)
        r.completedAt = w.completed;
    if (r.startedAt && r.completedAt)
        r.durationSeconds = double(*r.completedAt - *r.startedAt) / 1000.0;
    if (provisioned) {
        if (!rng.chance(0.003))
            r.workerId = u"worker-"_s + QString::number(rng.range(1, 24)).rightJustified(2, u'0');
        d.containerId = u"ctr-"_s + hex(splitmix(seed * 31 + quint64(index)), 12);
    }

    // Output, exit code, error.
    const bool large = status == EvaluationStatus::Completed && rng.chance(0.005);
    Rng contentRng(seed, index, Content);
    contentRng.next(); // the first draw placed created_at
    if (status == EvaluationStatus::Completed) {
        r.exitCode = 0;
        if (large) {
            const qint64 size = rng.range(120 * 1024, 400 * 1024);
            r.outputSize = size;
            d.outputLocation =
                QUrl::fromLocalFile(opt.filesRoot + u"/outputs/"_s + r.id + u".txt"_s).toString();
            if (opt.generateFileContent)
                gen.largeOutput = makeLargeOutput(contentRng, size);
        } else if (!rng.chance(0.02)) {
            d.output = makeOutput(contentRng);
        }
    } else if (status == EvaluationStatus::Failed) {
        r.exitCode = rng.chance(0.15) ? 137 : rng.chance(0.1) ? 2 : 1;
        const QString error = QString::fromUtf16(rng.pick(kErrors));
        if (!rng.chance(0.05))
            d.error = error;
        d.output = u"Traceback (most recent call last):\n  File \"main\", line "_s +
                   QString::number(rng.range(3, 60)) + u", in <module>\n"_s + error + u'\n';
    } else if (status == EvaluationStatus::Timeout) {
        r.exitCode = 124;
        d.error = u"time limit of %1 s exceeded"_s.arg(timeoutLimitS);
        if (rng.chance(0.5))
            d.output = makeOutput(contentRng);
    } else if (status == EvaluationStatus::Cancelled) {
        if (started)
            r.exitCode = 130;
        d.error = u"cancelled by "_s + (r.submittedBy.isEmpty() ? u"operator"_s : r.submittedBy);
    }
    if (terminal && rng.chance(0.01))
        r.exitCode.reset();
    if (!d.output.isNull()) {
        d.outputLength = d.output.size();
        if (!rng.chance(0.01))
            r.outputSize = d.output.toUtf8().size();
    }

    // Resource use and cost, once the evaluation has finished.
    if (terminal) {
        const double runSeconds = started ? double(w.completed - w.started) / 1000.0 : 0.0;
        const double cpu = runSeconds * (0.2 + rng.uniform() * 3.6);
        const double mem = runSeconds * double(rng.range(256, 8192));
        if (!rng.chance(0.01))
            d.cpuSeconds = cpu;
        if (!rng.chance(0.01))
            d.memoryMbSeconds = mem;
        if (!rng.chance(0.01))
            r.costCents = 0.01 + cpu * 0.0011 + mem * 1.4e-7;
    }

    gen.events = lifecycleEvents(gen, w, now, rng);
    gen.hasLog = started && (status == EvaluationStatus::Failed || status == EvaluationStatus::Timeout ||
                             large || index % 20 == 0);
    if (gen.hasLog && opt.generateFileContent) {
        const qint64 end = r.completedAt.value_or(now);
        const int lines = int(rng.range(8, 40));
        const QByteArray worker = r.workerId.toUtf8();
        for (int i = 0; i < lines; ++i) {
            const qint64 ts = w.started + (end - w.started) * i / lines;
            gen.log += formatTimestampUtc(ts).toUtf8() + " INFO " + worker + " " + r.id.toUtf8() + " step " +
                       QByteArray::number(i) + " rss_mb=" + QByteArray::number(rng.range(100, 8000)) + '\n';
        }
        if (!d.error.isEmpty())
            gen.log += formatTimestampUtc(end).toUtf8() + " ERROR " + d.error.toUtf8() + '\n';
    }
    return gen;
}

QList<EvaluationEvent> lifecycleEvents(const GeneratedEvaluation &gen, const Window &w, qint64 now, Rng &rng)
{
    const EvaluationDetail &d = gen.detail;
    const EvaluationRow &r = d.row;
    QList<EvaluationEvent> events;
    auto add = [&](const QString &type, EventCategory category, EventSeverity severity, qint64 ts,
                   const QString &data) {
        EvaluationEvent e;
        e.evaluationId = r.id;
        e.type = type;
        e.category = category;
        e.severity = severity;
        e.categoryText = categoryName(category);
        e.severityText = severityName(severity);
        e.timestamp = qMin(ts, now);
        e.data = data;
        events.append(std::move(e));
    };
    using C = EventCategory;
    using S = EventSeverity;
    const QString nullOr = u"null"_s;
    auto str = [&](const QString &s) { return s.isNull() ? nullOr : jsonString(s); };

    add(u"evaluation.queued"_s, C::Research, S::Info, w.created,
        u"{\"engine\":"_s + str(r.engine) + u",\"submitted_by\":"_s + str(r.submittedBy) +
            u",\"batch_id\":"_s + str(r.batchId) + u'}');
    if (r.status == EvaluationStatus::Queued)
        return events;
    add(u"evaluation.provisioning"_s, C::Infrastructure, S::Info, w.provisioned,
        u"{\"worker_id\":"_s + str(r.workerId) + u'}');
    add(u"container.created"_s, C::Infrastructure, S::Info, w.provisioned + (w.started - w.provisioned) / 2,
        u"{\"container_id\":"_s + str(d.containerId) + u",\"worker_id\":"_s + str(r.workerId) + u'}');
    const qint64 end = r.completedAt.value_or(now);
    if (r.startedAt) {
        add(u"evaluation.started"_s, C::Research, S::Info, w.started,
            u"{\"container_id\":"_s + str(d.containerId) + u'}');
        const qint64 length = qMax<qint64>(1, end - w.started);
        const int caches = int(rng.range(0, 2));
        for (int i = 0; i < caches; ++i) {
            const bool hit = rng.chance(0.7);
            add(hit ? u"cache.hit"_s : u"cache.miss"_s, C::Storage, S::Info,
                w.started + rng.range(0, length / 3),
                u"{\"key\":\"dataset:suite-"_s + QString::number(rng.range(1, 40)) + u"\"}"_s);
        }
        if (rng.chance(0.5))
            add(u"storage.read"_s, C::Storage, S::Info, w.started + rng.range(0, length / 2),
                u"{\"bytes\":"_s + QString::number(rng.range(10000, 50000000)) + u'}');
        if (rng.chance(0.08))
            add(u"resource.memory_high"_s, C::Infrastructure, S::Warning,
                w.started + rng.range(length / 2, length),
                u"{\"container_id\":"_s + str(d.containerId) + u",\"usage_ratio\":0."_s +
                    QString::number(rng.range(85, 99)) + u'}');
        // Security events are extra, not lifecycle: the sandbox reports blocked egress.
        if (rng.chance(0.03)) {
            const bool critical = rng.chance(0.25);
            add(u"security.network_attempt"_s, C::Security, critical ? S::Critical : S::Warning,
                w.started + rng.range(0, length),
                u"{\"container_id\":"_s + str(d.containerId) + u",\"destination\":\"203.0.113."_s +
                    QString::number(rng.range(1, 254)) + u":"_s + (critical ? u"22"_s : u"443"_s) +
                    u"\",\"blocked\":true}"_s);
        }
    }
    const QString exitJson = r.exitCode ? QString::number(*r.exitCode) : nullOr;
    switch (r.status) {
    case EvaluationStatus::Completed:
        add(u"storage.written"_s, C::Storage, S::Info, end - qMin<qint64>(200, end - w.started),
            u"{\"bytes\":"_s + (r.outputSize ? QString::number(*r.outputSize) : nullOr) +
                u",\"location\":"_s +
                (d.outputLocation.isEmpty() ? u"\"inline\""_s : jsonString(d.outputLocation)) + u'}');
        add(u"evaluation.completed"_s, C::Research, S::Info, end,
            u"{\"exit_code\":"_s + exitJson + u",\"duration_s\":"_s +
                QString::number(r.durationSeconds.value_or(0), 'f', 3) + u'}');
        break;
    case EvaluationStatus::Failed:
        add(u"evaluation.failed"_s, C::Research, S::Error, end,
            u"{\"exit_code\":"_s + exitJson + u",\"error\":"_s + str(d.error) + u'}');
        break;
    case EvaluationStatus::Timeout:
        add(u"evaluation.timeout"_s, C::Research, S::Error, end, u"{\"error\":"_s + str(d.error) + u'}');
        add(u"container.killed"_s, C::Infrastructure, S::Warning, end + 50,
            u"{\"container_id\":"_s + str(d.containerId) + u",\"signal\":\"SIGKILL\"}"_s);
        break;
    case EvaluationStatus::Cancelled:
        add(u"evaluation.cancel_requested"_s, C::Research, S::Info,
            end - qMin<qint64>(300, end - w.provisioned), u"{\"by\":"_s + str(r.submittedBy) + u'}');
        add(u"evaluation.cancelled"_s, C::Research, S::Warning, end, u"{\"exit_code\":"_s + exitJson + u'}');
        break;
    default:
        break;
    }
    if (isTerminal(r.status) && r.status != EvaluationStatus::Timeout)
        add(u"container.removed"_s, C::Infrastructure, S::Info, end + rng.range(100, 3000),
            u"{\"container_id\":"_s + str(d.containerId) + u'}');
    std::stable_sort(events.begin(), events.end(), [](const EvaluationEvent &a, const EvaluationEvent &b) {
        return a.timestamp < b.timestamp;
    });
    return events;
}

} // namespace

GeneratedEvaluation EvaluationDataGenerator::evaluation(qint64 index) const
{
    const qint64 count = qMax<qint64>(1, m_options.evaluationCount);
    const qint64 span = qint64(m_options.spanDays) * 86400000LL;
    const qint64 start = m_options.endTime - span;
    Rng slotRng(m_options.seed, index, Content);
    const double slot = double(span) / double(count);
    const qint64 created = start + qint64((double(index) + 0.05 + slotRng.uniform() * 0.9) * slot);
    return build(m_options, index, created, m_options.endTime, count - 1 - index);
}

GeneratedEvaluation EvaluationDataGenerator::liveEvaluation(qint64 sequence, qint64 now) const
{
    return build(m_options, m_options.evaluationCount + sequence, now, now, 0);
}

QList<EvaluationEvent> EvaluationDataGenerator::platformEvents() const
{
    Rng rng(m_options.seed, 0, Platform);
    const qint64 span = qint64(m_options.spanDays) * 86400000LL;
    const qint64 start = m_options.endTime - span;
    QList<EvaluationEvent> events;
    auto add = [&](const QString &type, EventCategory category, EventSeverity severity, qint64 ts,
                   const QString &data) {
        EvaluationEvent e;
        e.type = type;
        e.category = category;
        e.severity = severity;
        e.categoryText = categoryName(category);
        e.severityText = severityName(severity);
        e.timestamp = qMin(ts, m_options.endTime);
        e.data = data;
        events.append(std::move(e));
    };
    const int incidents = m_options.spanDays * 4;
    for (int i = 0; i < incidents; ++i) {
        const qint64 ts = start + rng.range(0, span - 1);
        const QString worker = u"worker-"_s + QString::number(rng.range(1, 24)).rightJustified(2, u'0');
        switch (rng.range(0, 3)) {
        case 0: {
            const QString service = QString::fromUtf16(rng.pick(kServices));
            add(u"service.down"_s, EventCategory::Infrastructure, EventSeverity::Error, ts,
                u"{\"service\":\""_s + service + u"\",\"reason\":\"health check failed\"}"_s);
            add(u"service.up"_s, EventCategory::Infrastructure, EventSeverity::Info,
                ts + rng.range(30000, 1200000), u"{\"service\":\""_s + service + u"\"}"_s);
            break;
        }
        case 1:
            add(u"node.memory_pressure"_s, EventCategory::Infrastructure, EventSeverity::Warning, ts,
                u"{\"instance\":\""_s + worker + u"\",\"available_mb\":"_s +
                    QString::number(rng.range(50, 900)) + u'}');
            break;
        case 2:
            add(u"node.disk_pressure"_s, EventCategory::Infrastructure,
                rng.chance(0.2) ? EventSeverity::Critical : EventSeverity::Warning, ts,
                u"{\"instance\":\""_s + worker + u"\",\"free_ratio\":0.0"_s +
                    QString::number(rng.range(1, 9)) + u'}');
            break;
        default:
            add(u"storage.degraded"_s, EventCategory::Storage, EventSeverity::Warning, ts,
                u"{\"backend\":\"s3\",\"p99_ms\":"_s + QString::number(rng.range(800, 9000)) + u'}');
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const EvaluationEvent &a, const EvaluationEvent &b) {
        return a.timestamp < b.timestamp;
    });
    return events;
}

} // namespace Sightline
