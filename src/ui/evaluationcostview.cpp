#include "evaluationcostview.h"

#include "core/drilldown.h"
#include "core/format.h"
#include "core/futurecontinuation.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

// "+3.2 % vs recorded"; nothing when there is no recorded value to compare with.
QString difference(double measured, const std::optional<double> &recorded)
{
    if (!recorded || *recorded == 0 || !std::isfinite(measured))
        return {};
    const double percent = (measured - *recorded) / *recorded * 100.0;
    return EvaluationCostView::tr("%1%2 % vs recorded")
        .arg(percent >= 0 ? u"+"_s : u"−"_s, number(std::abs(percent), 1));
}

// Sum of a vector's samples, skipping NaN; nullopt when there is none.
std::optional<double> vectorSum(const PrometheusQueryResult &result)
{
    std::optional<double> sum;
    for (const PrometheusSeries &series : result.series) {
        for (double value : series.values) {
            if (std::isfinite(value))
                sum = sum.value_or(0) + value;
        }
    }
    return sum;
}

} // namespace

EvaluationCostView::EvaluationCostView(const WorkspaceProfile &profile, PrometheusClient *client,
                                       QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_client(client)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);

    auto *recorded = new QGroupBox(tr("Recorded by the platform"), this);
    auto *recordedForm = new QFormLayout(recorded);
    recordedForm->setLabelAlignment(Qt::AlignRight);
    recordedForm->setHorizontalSpacing(16);
    m_recordedCpu = addRow(recordedForm, tr("CPU"), u"recordedCpu"_s);
    m_recordedMemory = addRow(recordedForm, tr("Memory"), u"recordedMemory"_s);
    m_recordedCost = addRow(recordedForm, tr("Estimated cost"), u"recordedCost"_s);
    m_runTime = addRow(recordedForm, tr("Run time"), u"runTime"_s);
    layout->addWidget(recorded);

    auto *measured = new QGroupBox(tr("Measured by Prometheus"), this);
    auto *measuredLayout = new QVBoxLayout(measured);
    m_message = new QLabel(measured);
    m_message->setObjectName(u"costMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    measuredLayout->addWidget(m_message);
    m_measuredBox = new QWidget(measured);
    auto *measuredForm = new QFormLayout(m_measuredBox);
    measuredForm->setContentsMargins(0, 0, 0, 0);
    measuredForm->setLabelAlignment(Qt::AlignRight);
    measuredForm->setHorizontalSpacing(16);
    m_measuredCpu = addRow(measuredForm, tr("CPU"), u"measuredCpu"_s);
    m_measuredMemory = addRow(measuredForm, tr("Memory"), u"measuredMemory"_s);
    m_measuredAverage = addRow(measuredForm, tr("Average memory"), u"measuredAverage"_s);
    measuredLayout->addWidget(m_measuredBox);
    m_source = new QLabel(measured);
    m_source->setWordWrap(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 0.9);
    m_source->setFont(mono);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_source->palette();
    muted.setColor(QPalette::WindowText,
                   mix(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.6));
    m_source->setPalette(muted);
    measuredLayout->addWidget(m_source);
    layout->addWidget(measured);
    layout->addStretch(1);
}

EvaluationCostView::~EvaluationCostView() = default;

QLabel *EvaluationCostView::addRow(QFormLayout *form, const QString &label, const QString &name)
{
    auto *value = new QLabel(u"—"_s, form->parentWidget());
    value->setObjectName(name);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

QString EvaluationCostView::valueText(const QString &name) const
{
    const QLabel *label = findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

QString EvaluationCostView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void EvaluationCostView::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void EvaluationCostView::setEvaluation(const EvaluationDetail &detail)
{
    const quint64 generation = ++m_generation;
    m_detail = detail;
    m_cpu.reset();
    m_avgMemoryBytes.reset();
    m_memoryMbSeconds.reset();
    m_cpuAnswered = m_memoryAnswered = false;
    m_error.clear();
    m_cpuQuery.clear();
    m_memoryQuery.clear();
    m_source->clear();
    showRecorded(detail);

    const EvaluationRow &row = detail.row;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_runSeconds = row.startedAt ? double(row.completedAt.value_or(now) - *row.startedAt) / 1000.0 : 0.0;
    const QueryWindowResult window =
        evaluationQueryWindow(row, now, m_profile.drilldownSettings.paddingSeconds);
    m_pending = 0;
    m_measuredBox->hide();
    if (!window.window) {
        setMessage(window.emptyReason);
    } else if (!m_client) {
        setMessage(tr("Prometheus is not configured: add sources.prometheus.url to the workspace profile to "
                      "compare with the usage it measured."));
    } else if (detail.containerId.isEmpty()) {
        setMessage(tr("This evaluation has no container id, so Prometheus's container series cannot be "
                      "matched to it."));
    } else {
        const QueryWindow &w = *window.window;
        const qint64 rangeSeconds = qMax<qint64>(1, (w.endMs - w.startMs + 999) / 1000);
        const QString name = escapePromQLString(detail.containerId);
        const QString cpuSeries =
            u"container_cpu_usage_seconds_total{name=\"%1\"}[%2s]"_s.arg(name).arg(rangeSeconds);
        m_cpuQuery = u"max_over_time(%1) - min_over_time(%1)"_s.arg(cpuSeries);
        m_memoryQuery =
            u"avg_over_time(container_memory_usage_bytes{name=\"%1\"}[%2s])"_s.arg(name).arg(rangeSeconds);
        const double at = double(w.endMs) / 1000.0;
        setMessage(tr("Asking Prometheus…"));
        m_source->setText(
            tr("Instant queries at %1 over the evaluation's window (%2 s):\nCPU     %3\nmemory  %4")
                .arg(formatDateTimeMs(w.endMs))
                .arg(rangeSeconds)
                .arg(m_cpuQuery, m_memoryQuery));
        m_pending = 2;
        auto answer = [this, generation](bool cpu, const PrometheusQueryReply &reply) {
            if (generation != m_generation)
                return;
            if (reply.error.isError()) {
                if (m_error.isEmpty())
                    m_error = reply.error.message;
            } else if (reply.value) {
                const std::optional<double> sum = vectorSum(*reply.value);
                if (cpu)
                    m_cpu = sum;
                else
                    m_avgMemoryBytes = sum;
            }
            (cpu ? m_cpuAnswered : m_memoryAnswered) = true;
            --m_pending;
            showMeasured();
            if (m_pending == 0)
                Q_EMIT settled();
        };
        whenFinished(m_client->query(m_cpuQuery, at), this,
                     [answer](const PrometheusQueryReply &reply) { answer(true, reply); });
        whenFinished(m_client->query(m_memoryQuery, at), this,
                     [answer](const PrometheusQueryReply &reply) { answer(false, reply); });
        return;
    }
    Q_EMIT settled();
}

void EvaluationCostView::showRecorded(const EvaluationDetail &detail)
{
    const EvaluationRow &row = detail.row;
    // The platform writes resource use when an evaluation ends: before that, say so.
    const QString missing =
        isTerminal(row.status) ? tr("not recorded") : tr("not yet: recorded when it finishes");
    m_recordedCpu->setText(detail.cpuSeconds ? tr("%1 CPU·s").arg(number(*detail.cpuSeconds, 1)) : missing);
    m_recordedMemory->setText(detail.memoryMbSeconds ? tr("%1 MB·s").arg(number(*detail.memoryMbSeconds, 0))
                                                     : missing);
    m_recordedCost->setText(row.costCents ? formatCost(*row.costCents) : missing);
    if (row.startedAt && row.completedAt)
        m_runTime->setText(formatDuration(double(*row.completedAt - *row.startedAt) / 1000.0));
    else if (row.startedAt)
        m_runTime->setText(tr("still running"));
    else
        m_runTime->setText(isTerminal(row.status) ? tr("did not run") : tr("not started yet"));
}

void EvaluationCostView::showMeasured()
{
    if (!m_detail)
        return;
    // The platform counts memory_mb_seconds in MiB (2²⁰ bytes) times seconds.
    if (m_avgMemoryBytes && m_runSeconds > 0)
        m_memoryMbSeconds = *m_avgMemoryBytes / 1048576.0 * m_runSeconds;
    const bool haveData = m_cpu || m_avgMemoryBytes;
    if (m_pending > 0 && !haveData)
        return;
    if (!m_error.isEmpty() && !haveData) {
        setMessage(tr("Prometheus could not answer: %1").arg(m_error));
        return;
    }
    if (!haveData) {
        setMessage(
            tr("Prometheus has no samples of container %1 in the evaluation's window: its exporter may not "
               "have scraped it, or the data has aged out of Prometheus's retention.")
                .arg(m_detail->containerId));
        return;
    }
    setMessage(m_error.isEmpty() ? QString() : tr("Part of the answer failed: %1").arg(m_error));
    m_measuredBox->show();
    auto withDifference = [](const QString &value, const QString &diff) {
        return diff.isEmpty() ? value : u"%1   (%2)"_s.arg(value, diff);
    };
    m_measuredCpu->setText(m_cpu ? withDifference(tr("%1 CPU·s").arg(number(*m_cpu, 1)),
                                                  difference(*m_cpu, m_detail->cpuSeconds))
                                 : (m_cpuAnswered ? tr("no samples") : tr("asking…")));
    m_measuredMemory->setText(m_memoryMbSeconds
                                  ? withDifference(tr("%1 MB·s").arg(number(*m_memoryMbSeconds, 0)),
                                                   difference(*m_memoryMbSeconds, m_detail->memoryMbSeconds))
                                  : (m_memoryAnswered ? tr("no samples") : tr("asking…")));
    m_measuredAverage->setText(
        m_avgMemoryBytes ? tr("%1 over %2 of running")
                               .arg(formatBytes(qint64(*m_avgMemoryBytes)), formatDuration(m_runSeconds))
                         : tr("—"));
}

} // namespace Sightline
