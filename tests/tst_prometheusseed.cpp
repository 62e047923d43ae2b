// The seeded Prometheus history (`sightline seed --prometheus-openmetrics`): the file is parsed
// back and every series is recomputed here from the spec's formulas and the generator's
// evaluations, without the writer's helpers; promtool must accept the file; and a Prometheus that
// scripts/test backfilled with it must answer the same values.
#include "app/prometheusseed.h"
#include "app/seedcommand.h"
#include "core/datagenerator.h"
#include "serverskip.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

constexpr qint64 kEnd = 1767225607777; // 2026-01-01T00:00:07.777Z: not on any step
constexpr double kPi = std::numbers::pi;

struct Sample
{
    double value = 0;
    qint64 t = 0;
};

struct Series
{
    QString name;
    QHash<QString, QString> labels;
    QList<Sample> samples;
};

struct Family
{
    QString name;
    QString type;
    bool hasHelp = false;
    QStringList seriesKeys; // in file order
};

// The parsed file: families in order, series by their text `name{labels}`.
struct OpenMetrics
{
    QList<Family> families;
    QHash<QString, Series> series;
    QString error; // the first thing that is not as OpenMetrics (or our writer) has it
    bool eof = false;

    const Family *family(const QString &name) const
    {
        for (const Family &f : families) {
            if (f.name == name)
                return &f;
        }
        return nullptr;
    }
    QList<const Series *> seriesOf(const QString &familyName) const
    {
        QList<const Series *> out;
        if (const Family *f = family(familyName)) {
            for (const QString &key : f->seriesKeys)
                out.append(&*series.constFind(key));
        }
        return out;
    }
};

bool parseLabels(QStringView text, QHash<QString, QString> *labels)
{
    while (!text.isEmpty()) {
        const qsizetype eq = text.indexOf(u'=');
        if (eq <= 0 || eq + 1 >= text.size() || text[eq + 1] != u'"')
            return false;
        const QString name = text.left(eq).toString();
        QString value;
        qsizetype i = eq + 2;
        for (; i < text.size() && text[i] != u'"'; ++i) {
            if (text[i] == u'\\' && i + 1 < text.size())
                ++i;
            value += text[i];
        }
        if (i >= text.size())
            return false;
        labels->insert(name, value);
        text = text.mid(i + 1);
        if (text.startsWith(u','))
            text = text.mid(1);
        else if (!text.isEmpty())
            return false;
    }
    return true;
}

OpenMetrics parseOpenMetrics(const QString &path)
{
    OpenMetrics om;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        om.error = u"cannot open "_s + path;
        return om;
    }
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        ++lineNumber;
        const auto fail = [&](const QString &why) {
            if (om.error.isEmpty())
                om.error = u"line %1: %2: %3"_s.arg(lineNumber).arg(why, line.trimmed());
        };
        if (!line.endsWith(u'\n'))
            fail(u"no newline at the end"_s);
        if (om.eof) {
            fail(u"text after # EOF"_s);
            break;
        }
        const QString text = line.trimmed();
        if (text == "# EOF"_L1) {
            om.eof = true;
            continue;
        }
        if (text.startsWith("# HELP "_L1) || text.startsWith("# TYPE "_L1)) {
            const QStringList parts = text.split(u' ');
            if (parts.size() < 4) {
                fail(u"short metadata line"_s);
                continue;
            }
            if (om.families.isEmpty() || om.families.constLast().name != parts[2]) {
                if (om.family(parts[2]))
                    fail(u"family declared twice"_s);
                om.families.append(Family{parts[2], {}, false, {}});
            }
            Family &f = om.families.last();
            if (parts[1] == "HELP"_L1)
                f.hasHelp = true;
            else
                f.type = parts[3];
            continue;
        }
        if (text.startsWith(u'#')) {
            fail(u"unexpected comment"_s);
            continue;
        }
        // name{labels} value timestamp
        const qsizetype tsSpace = text.lastIndexOf(u' ');
        const qsizetype valueSpace = text.lastIndexOf(u' ', tsSpace - 1);
        if (tsSpace <= 0 || valueSpace <= 0) {
            fail(u"not a sample"_s);
            continue;
        }
        const QString key = text.left(valueSpace);
        bool valueOk = false;
        bool tsOk = false;
        const Sample sample{text.mid(valueSpace + 1, tsSpace - valueSpace - 1).toDouble(&valueOk),
                            text.mid(tsSpace + 1).toLongLong(&tsOk)};
        if (!valueOk || !tsOk || !std::isfinite(sample.value)) {
            fail(u"bad value or timestamp"_s);
            continue;
        }
        if (om.families.isEmpty()) {
            fail(u"sample before any # TYPE"_s);
            continue;
        }
        Family &f = om.families.last();
        auto it = om.series.find(key);
        if (it == om.series.end()) {
            Series s;
            const qsizetype brace = key.indexOf(u'{');
            s.name = brace < 0 ? key : key.left(brace);
            if (brace >= 0 &&
                (!key.endsWith(u'}') ||
                 !parseLabels(QStringView(key).mid(brace + 1, key.size() - brace - 2), &s.labels)))
                fail(u"bad labels"_s);
            const QString expectedName = f.type == "counter"_L1 ? f.name + u"_total"_s : f.name;
            if (s.name != expectedName)
                fail(u"sample name %1 in family %2 (%3)"_s.arg(s.name, f.name, f.type));
            f.seriesKeys.append(key);
            it = om.series.insert(key, s);
        } else if (f.seriesKeys.isEmpty() || f.seriesKeys.constLast() != key) {
            fail(u"the samples of a series are not together"_s);
        }
        if (!it->samples.isEmpty() && it->samples.constLast().t >= sample.t)
            fail(u"samples out of time order"_s);
        it->samples.append(sample);
    }
    return om;
}

// The spec's formulas, written out as it states them (no shared code with the writer).
struct Expected
{
    qint64 first = 0;
    qint64 last = 0;
    double avgMb = 0;
    double avgCores = 0;

    qint64 memory(qint64 t) const
    {
        return std::llround(avgMb * 1048576 * (1 + 0.25 * std::sin(2 * kPi * double(t) / 120)));
    }
    double cpu(qint64 t) const
    {
        const double t0 = double(first);
        return avgCores *
               ((double(t) - t0) - (0.25 * 120 / (2 * kPi)) *
                                       (std::cos(2 * kPi * double(t) / 120) - std::cos(2 * kPi * t0 / 120)));
    }
};

std::optional<Expected> expectedContainer(const EvaluationDetail &d, qint64 endMs)
{
    if (!d.row.startedAt || d.containerId.isEmpty() || d.row.workerId.isEmpty())
        return std::nullopt;
    const qint64 endOfRun = d.row.completedAt.value_or(endMs);
    Expected e;
    e.first = qint64(std::ceil(double(*d.row.startedAt) / 5000.0)) * 5;
    e.last = qint64(std::floor(double(endOfRun) / 5000.0)) * 5;
    if (e.last < e.first)
        return std::nullopt;
    const double runSeconds = double(endOfRun - *d.row.startedAt) / 1000.0;
    e.avgMb = d.memoryMbSeconds ? *d.memoryMbSeconds / runSeconds : 512.0;
    e.avgCores = d.cpuSeconds ? *d.cpuSeconds / runSeconds : 0.5;
    return e;
}

// A Unix time is ~1.8e9 s: 2πt/120 in doubles keeps about eight digits of the angle, so values
// from the literal formula may differ from the writer's (which reduces the angle first) by that.
bool near(double actual, double expected, double scale)
{
    return std::abs(actual - expected) <= 1e-7 * std::max(1.0, std::abs(scale));
}

PrometheusSeedOptions smallOptions()
{
    PrometheusSeedOptions o;
    o.generator.seed = 42;
    o.generator.evaluationCount = 300;
    o.generator.endTime = kEnd;
    o.generator.spanDays = 1;
    o.every = 7; // reaches index 294, one of the newest, which are always running
    o.benchSeries = 3;
    return o;
}

} // namespace

class TestPrometheusSeed : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    PrometheusSeedResult m_result;
    OpenMetrics m_file;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"history.om"_s);
        m_result = writePrometheusOpenMetrics(m_path, smallOptions());
        QVERIFY2(m_result.error.isEmpty(), qPrintable(m_result.error));
        QVERIFY(!m_result.cancelled);
        m_file = parseOpenMetrics(m_path);
    }

    void fileIsWellFormed()
    {
        QVERIFY2(m_file.error.isEmpty(), qPrintable(m_file.error));
        QVERIFY(m_file.eof);
        QCOMPARE(QFileInfo(m_path).size(), m_result.bytes);
        QStringList names;
        for (const Family &f : std::as_const(m_file.families)) {
            names.append(f.name);
            QVERIFY2(f.hasHelp, qPrintable(f.name));
        }
        QCOMPARE(names, (QStringList{u"container_memory_usage_bytes"_s, u"container_cpu_usage_seconds"_s,
                                     u"queue_depth"_s, u"node_cpu_seconds"_s, u"sightline_bench_signal"_s}));
        QCOMPARE(m_file.family(u"container_memory_usage_bytes"_s)->type, u"gauge"_s);
        QCOMPARE(m_file.family(u"container_cpu_usage_seconds"_s)->type, u"counter"_s);
        QCOMPARE(m_file.family(u"queue_depth"_s)->type, u"gauge"_s);
        QCOMPARE(m_file.family(u"node_cpu_seconds"_s)->type, u"counter"_s);
        qint64 samples = 0;
        for (const Series &s : std::as_const(m_file.series))
            samples += s.samples.size();
        QCOMPARE(samples, m_result.samples);
        QCOMPARE(qint64(m_file.series.size()), m_result.series);
    }

    void containerSeriesFollowTheEvaluations()
    {
        const PrometheusSeedOptions o = smallOptions();
        GeneratorOptions g = o.generator;
        g.generateFileContent = false;
        const EvaluationDataGenerator generator(g);
        QHash<QString, const Series *> memory;
        QHash<QString, const Series *> cpu;
        for (const Series *s : m_file.seriesOf(u"container_memory_usage_bytes"_s))
            memory.insert(s->labels.value(u"name"_s), s);
        for (const Series *s : m_file.seriesOf(u"container_cpu_usage_seconds"_s))
            cpu.insert(s->labels.value(u"name"_s), s);

        int expectedSeries = 0;
        bool sawRunning = false;
        bool sawCompleted = false;
        for (qint64 i = 0; i < g.evaluationCount; ++i) {
            const EvaluationDetail d = generator.evaluation(i).detail;
            const std::optional<Expected> e =
                i % o.every == 0 ? expectedContainer(d, g.endTime) : std::nullopt;
            if (!e) {
                // Not sampled (or nothing to sample): no series may name its container.
                QVERIFY2(!memory.contains(d.containerId) || d.containerId.isEmpty(), qPrintable(d.row.id));
                continue;
            }
            ++expectedSeries;
            sawRunning |= !d.row.completedAt;
            sawCompleted |= d.row.completedAt.has_value() && d.cpuSeconds && d.memoryMbSeconds;
            const Series *m = memory.value(d.containerId);
            const Series *c = cpu.value(d.containerId);
            QVERIFY2(m && c, qPrintable(d.row.id));
            QCOMPARE(m->labels.value(u"instance"_s), d.row.workerId);
            QCOMPARE(c->labels.value(u"instance"_s), d.row.workerId);
            QCOMPARE(m->labels.size(), 2);
            const qint64 count = (e->last - e->first) / 5 + 1;
            QCOMPARE(qint64(m->samples.size()), count);
            QCOMPARE(qint64(c->samples.size()), count);
            QCOMPARE(m->samples.constFirst().t, e->first);
            QCOMPARE(m->samples.constLast().t, e->last);
            QCOMPARE(c->samples.constFirst().value, 0.0);
            for (qsizetype k = 0; k < count; ++k) {
                const qint64 t = e->first + 5 * qint64(k);
                QCOMPARE(m->samples[k].t, t);
                QCOMPARE(c->samples[k].t, t);
                QVERIFY2(near(m->samples[k].value, double(e->memory(t)), e->avgMb * 1048576),
                         qPrintable(u"%1 memory at %2: %3, expected %4"_s.arg(d.row.id)
                                        .arg(t)
                                        .arg(m->samples[k].value, 0, 'f', 0)
                                        .arg(e->memory(t))));
                QVERIFY2(near(c->samples[k].value, e->cpu(t), e->avgCores * 120),
                         qPrintable(u"%1 cpu at %2: %3, expected %4"_s.arg(d.row.id)
                                        .arg(t)
                                        .arg(c->samples[k].value, 0, 'f', 6)
                                        .arg(e->cpu(t), 0, 'f', 6)));
                if (k > 0)
                    QVERIFY(c->samples[k].value > c->samples[k - 1].value); // a counter never falls
            }
        }
        QCOMPARE(int(memory.size()), expectedSeries);
        QCOMPARE(int(cpu.size()), expectedSeries);
        QVERIFY2(sawRunning, "the small data set should include a running evaluation (up to the end time)");
        QVERIFY(sawCompleted);
    }

    void queueDepthCoversTheSpan()
    {
        const QList<const Series *> series = m_file.seriesOf(u"queue_depth"_s);
        QCOMPARE(series.size(), 1);
        const Series &q = *series.constFirst();
        QVERIFY(q.labels.isEmpty());
        const qint64 end = kEnd / 1000 / 15 * 15;
        const qint64 start = (kEnd - 86400000 + 14999) / 15000 * 15;
        QCOMPARE(q.samples.constFirst().t, start);
        QCOMPARE(q.samples.constLast().t, end);
        QCOMPARE(qint64(q.samples.size()), (end - start) / 15 + 1);
        for (const Sample &s : q.samples) {
            const double t = double(s.t);
            const double raw = 20 + 15 * std::sin(2 * kPi * t / 86400) + 5 * std::sin(2 * kPi * t / 3600);
            // round(): a whole number at most half away from the formula's value.
            QCOMPARE(s.value, std::round(s.value));
            QVERIFY2(
                std::abs(s.value - raw) <= 0.5 + 1e-6,
                qPrintable(u"queue_depth at %1: %2, expected round(%3)"_s.arg(s.t).arg(s.value).arg(raw)));
            QCOMPARE(s.t % 15, 0);
        }
    }

    void nodeCpuCountersPerWorker()
    {
        const QList<const Series *> series = m_file.seriesOf(u"node_cpu_seconds"_s);
        QCOMPARE(series.size(), 48);
        const qint64 t0 = (kEnd - 86400000 + 59999) / 60000 * 60;
        const qint64 end = kEnd / 1000 / 60 * 60;
        QHash<QString, const Series *> user;
        QHash<QString, const Series *> idle;
        for (const Series *s : series) {
            QCOMPARE(s->labels.value(u"cpu"_s), u"0"_s);
            QCOMPARE(qint64(s->samples.size()), (end - t0) / 60 + 1);
            QCOMPARE(s->samples.constFirst().t, t0);
            QCOMPARE(s->samples.constLast().t, end);
            const QString mode = s->labels.value(u"mode"_s);
            QVERIFY(mode == "user"_L1 || mode == "idle"_L1);
            (mode == "user"_L1 ? user : idle).insert(s->labels.value(u"instance"_s), s);
        }
        QCOMPARE(user.size(), 24);
        QCOMPARE(idle.size(), 24);
        for (int nn = 1; nn <= 24; ++nn) {
            const QString instance = u"worker-%1"_s.arg(nn, 2, 10, QChar(u'0'));
            const Series *u = user.value(instance);
            const Series *i = idle.value(instance);
            QVERIFY2(u && i, qPrintable(instance));
            for (qsizetype k = 0; k < u->samples.size(); ++k) {
                const double t = double(u->samples[k].t);
                const double shift = nn * 3600.0;
                const double expectedUser =
                    0.3 * (t - double(t0)) - 0.2 * 86400 / (2 * kPi) *
                                                 (std::cos(2 * kPi * (t + shift) / 86400) -
                                                  std::cos(2 * kPi * (double(t0) + shift) / 86400));
                QVERIFY2(near(u->samples[k].value, expectedUser, 86400),
                         qPrintable(u"%1 user at %2: %3, expected %4"_s.arg(instance)
                                        .arg(t)
                                        .arg(u->samples[k].value)
                                        .arg(expectedUser)));
                QCOMPARE(i->samples[k].t, u->samples[k].t);
                QVERIFY(near(i->samples[k].value + u->samples[k].value, t - double(t0), 86400));
                if (k > 0) {
                    QVERIFY(u->samples[k].value > u->samples[k - 1].value);
                    QVERIFY(i->samples[k].value > i->samples[k - 1].value);
                }
            }
        }
    }

    void benchSeries()
    {
        const QList<const Series *> series = m_file.seriesOf(u"sightline_bench_signal"_s);
        QCOMPARE(series.size(), 3);
        const qint64 end = kEnd / 1000 / 15 * 15;
        for (int s = 0; s < 3; ++s) {
            const Series *b = series[s];
            QCOMPARE(b->labels.value(u"series"_s), u"00%1"_s.arg(s));
            QCOMPARE(b->samples.size(), 5760);
            QCOMPARE(b->samples.constLast().t, end);
            QCOMPARE(b->samples.constFirst().t, end - 15 * 5759);
            for (const Sample &x : b->samples) {
                const double expected = std::sin(2 * kPi * double(x.t) / (600 + 7 * s)) * (1 + s / 10.0);
                QVERIFY2(near(x.value, expected, 10), qPrintable(u"bench %1 at %2"_s.arg(s).arg(x.t)));
            }
        }
    }

    void noBenchSeriesByDefault()
    {
        PrometheusSeedOptions o = smallOptions();
        o.benchSeries = 0;
        o.every = 0; // no container series either
        const QString path = m_dir.filePath(u"plain.om"_s);
        const PrometheusSeedResult r = writePrometheusOpenMetrics(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const OpenMetrics om = parseOpenMetrics(path);
        QVERIFY2(om.error.isEmpty(), qPrintable(om.error));
        QVERIFY(!om.family(u"sightline_bench_signal"_s));
        QVERIFY(om.seriesOf(u"container_memory_usage_bytes"_s).isEmpty());
        QCOMPARE(om.seriesOf(u"node_cpu_seconds"_s).size(), 48);
        QCOMPARE(r.series, qint64(49));
    }

    void sameOptionsSameBytes()
    {
        const QString again = m_dir.filePath(u"again.om"_s);
        QVERIFY(writePrometheusOpenMetrics(again, smallOptions()).error.isEmpty());
        QFile a(m_path);
        QFile b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
    }

    void seedCommandWritesTheFileAlone()
    {
        // The command with nothing but the file: no database or folder is needed.
        const QString path = m_dir.filePath(u"command.om"_s);
        const int status =
            runSeedCommand({u"--prometheus-openmetrics"_s, path, u"--evaluations"_s, u"300"_s, u"--seed"_s,
                            u"42"_s, u"--end-time"_s, u"1767225607.777"_s, u"--span-days"_s, u"1"_s,
                            u"--prometheus-every"_s, u"7"_s, u"--prometheus-bench-series"_s, u"3"_s});
        QCOMPARE(status, 0);
        QFile a(m_path);
        QFile b(path);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
    }

    void seedCommandRejectsBadOptions_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("negative every") << QStringList{u"--prometheus-every"_s, u"-1"_s};
        QTest::newRow("every not a number") << QStringList{u"--prometheus-every"_s, u"often"_s};
        QTest::newRow("negative bench series") << QStringList{u"--prometheus-bench-series"_s, u"-3"_s};
        QTest::newRow("too many bench series") << QStringList{u"--prometheus-bench-series"_s, u"100000"_s};
    }

    void seedCommandRejectsBadOptions()
    {
        QFETCH(QStringList, extra);
        const QString path = m_dir.filePath(u"rejected.om"_s);
        const int status = runSeedCommand(QStringList{u"--prometheus-openmetrics"_s, path} + extra);
        QCOMPARE(status, 2);
        QVERIFY(!QFile::exists(path));
    }

    void unwritablePathIsAnError()
    {
        const QString path = m_dir.filePath(u"no/such/folder/history.om"_s);
        const PrometheusSeedResult r = writePrometheusOpenMetrics(path, smallOptions());
        QVERIFY(!r.error.isEmpty());
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        QVERIFY(!QFile::exists(path));
    }

    void cancelLeavesNoFile()
    {
        const QString path = m_dir.filePath(u"cancelled.om"_s);
        std::atomic<bool> cancel{true};
        const PrometheusSeedResult r = writePrometheusOpenMetrics(path, smallOptions(), &cancel);
        QVERIFY(r.cancelled);
        QVERIFY(!QFile::exists(path));
        // Existing content survives an interrupted rewrite.
        QVERIFY(QFile::copy(m_path, path));
        QVERIFY(writePrometheusOpenMetrics(path, smallOptions(), &cancel).cancelled);
        QCOMPARE(QFileInfo(path).size(), QFileInfo(m_path).size());
    }

    void promtoolBackfillsTheFile()
    {
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty())
            SIGHTLINE_SKIP_OR_FAIL(
                "promtool not found: install the Debian package prometheus (scripts/install-deps)");
        const QString db = m_dir.filePath(u"tsdb"_s);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(promtool, {u"tsdb"_s, u"create-blocks-from"_s, u"openmetrics"_s,
                           u"--max-block-duration=486h"_s, m_path, db});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray output = p.readAll();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, output.constData());
        // Every sample of the file landed in a block.
        qint64 samples = 0;
        qint64 series = 0;
        const QStringList blocks = QDir(db).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(!blocks.isEmpty(), output.constData());
        for (const QString &block : blocks) {
            QFile meta(db + u'/' + block + u"/meta.json"_s);
            QVERIFY2(meta.open(QIODevice::ReadOnly), qPrintable(block));
            const QJsonObject stats =
                QJsonDocument::fromJson(meta.readAll()).object().value(u"stats"_s).toObject();
            samples += stats.value(u"numSamples"_s).toInteger();
            series = qMax(series, stats.value(u"numSeries"_s).toInteger());
        }
        QCOMPARE(samples, m_result.samples);
        QVERIFY(series <= m_result.series);
        QVERIFY(series > 0);
    }

    // Against the Prometheus that scripts/test started with the seeded history of its run.
    void serverAnswersTheSeededSeries()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_URL");
        const qint64 endSeconds = qEnvironmentVariable("SIGHTLINE_TEST_SEED_END_TIME").toLongLong();
        const qint64 evaluations = qEnvironmentVariable("SIGHTLINE_TEST_SEED_EVALUATIONS").toLongLong();
        const qint64 every = qEnvironmentVariable("SIGHTLINE_TEST_PROMETHEUS_EVERY").toLongLong();
        if (url.isEmpty() || endSeconds <= 0 || evaluations <= 0 || every <= 0)
            SIGHTLINE_SKIP_OR_FAIL(
                "SIGHTLINE_TEST_PROMETHEUS_URL, SIGHTLINE_TEST_SEED_END_TIME, "
                "SIGHTLINE_TEST_SEED_EVALUATIONS and SIGHTLINE_TEST_PROMETHEUS_EVERY are not set: run "
                "this test through scripts/test");
        GeneratorOptions g;
        g.seed = 42;
        g.evaluationCount = evaluations;
        g.endTime = endSeconds * 1000;
        g.generateFileContent = false;
        const EvaluationDataGenerator generator(g);
        // Evaluation 0's container, or the first sampled one that ran.
        EvaluationDetail d;
        std::optional<Expected> e;
        for (qint64 i = 0; i < evaluations && !e; i += every) {
            d = generator.evaluation(i).detail;
            e = expectedContainer(d, g.endTime);
        }
        QVERIFY(e);

        QNetworkAccessManager network;
        const auto queryRange = [&](const QString &promql, qint64 start, qint64 end, qint64 step) {
            QUrl u(url + u"/api/v1/query_range"_s);
            QUrlQuery q;
            q.addQueryItem(u"query"_s, QString::fromUtf8(QUrl::toPercentEncoding(promql)));
            q.addQueryItem(u"start"_s, QString::number(start));
            q.addQueryItem(u"end"_s, QString::number(end));
            q.addQueryItem(u"step"_s, QString::number(step));
            u.setQuery(q);
            QNetworkReply *reply = network.get(QNetworkRequest(u));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished() && !finished.wait(30000))
                qWarning("no answer from %s", qPrintable(u.toString()));
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->error() != QNetworkReply::NoError ||
                body.value(u"status"_s).toString() != "success"_L1)
                qWarning("%s: %s", qPrintable(reply->errorString()),
                         qPrintable(body.value(u"error"_s).toString()));
            reply->deleteLater();
            return body.value(u"data"_s).toObject().value(u"result"_s).toArray();
        };

        const QString selector = u"{name=\"%1\"}"_s.arg(d.containerId);
        const QJsonArray memory =
            queryRange(u"container_memory_usage_bytes"_s + selector, e->first, e->last, 5);
        QCOMPARE(memory.size(), 1);
        const QJsonObject metric = memory[0].toObject().value(u"metric"_s).toObject();
        QCOMPARE(metric.value(u"__name__"_s).toString(), u"container_memory_usage_bytes"_s);
        QCOMPARE(metric.value(u"instance"_s).toString(), d.row.workerId);
        const QJsonArray values = memory[0].toObject().value(u"values"_s).toArray();
        QCOMPARE(qint64(values.size()), (e->last - e->first) / 5 + 1);
        for (const QJsonValue &v : values) {
            const qint64 t = qint64(v[0].toDouble());
            const double value = v[1].toString().toDouble();
            QVERIFY2(near(value, double(e->memory(t)), e->avgMb * 1048576),
                     qPrintable(u"memory of %1 at %2: %3, expected %4"_s.arg(d.containerId)
                                    .arg(t)
                                    .arg(value)
                                    .arg(e->memory(t))));
        }

        // The counter is stored under the name DESIGN.md §4 uses, _total included.
        const QJsonArray cpu =
            queryRange(u"container_cpu_usage_seconds_total"_s + selector, e->first, e->last, 5);
        QCOMPARE(cpu.size(), 1);
        const QJsonArray cpuValues = cpu[0].toObject().value(u"values"_s).toArray();
        QCOMPARE(cpuValues.size(), values.size());
        const QJsonArray last = cpuValues.last().toArray();
        QVERIFY(near(last[1].toString().toDouble(), e->cpu(e->last), e->avgCores * 120));

        // Node CPU and the queue exist over the whole span, up to the end time.
        const qint64 end = endSeconds / 60 * 60;
        const QJsonArray node = queryRange(u"node_cpu_seconds_total{instance=\"worker-01\",mode=\"user\"}"_s,
                                           end - 3600, end, 60);
        QCOMPARE(node.size(), 1);
        QCOMPARE(node[0].toObject().value(u"values"_s).toArray().size(), 61);
        const QJsonArray queue = queryRange(u"queue_depth"_s, end - 14 * 86400 + 3600, end, 3600);
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue[0].toObject().value(u"values"_s).toArray().size(), 14 * 24);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSeed)
#include "tst_prometheusseed.moc"
