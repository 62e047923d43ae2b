#pragma once

#include "core/evaluation.h"
#include "core/workspaceprofile.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;

namespace Sightline {

class PrometheusClient;

// The Evaluation window's Cost tab: the resource use the platform recorded (cpu_seconds,
// memory_mb_seconds, estimated cost) beside what Prometheus measured for the evaluation's
// container over its window: the increase of container_cpu_usage_seconds_total and the average
// of container_memory_usage_bytes (× run time), with the difference in percent.
class EvaluationCostView : public QWidget
{
    Q_OBJECT
public:
    EvaluationCostView(const WorkspaceProfile &profile, PrometheusClient *client, QWidget *parent = nullptr);
    ~EvaluationCostView() override;

    void setEvaluation(const EvaluationDetail &detail);

    bool isSettled() const { return m_pending == 0; }
    // What is on screen, for tests.
    QString message() const; // why there is no measurement, or Prometheus's error; "" with data
    std::optional<double> measuredCpuSeconds() const { return m_cpu; }
    std::optional<double> measuredMemoryMbSeconds() const { return m_memoryMbSeconds; }
    QString cpuQuery() const { return m_cpuQuery; }
    QString memoryQuery() const { return m_memoryQuery; }
    // A value as shown: recordedCpu, recordedMemory, recordedCost, runTime, measuredCpu,
    // measuredMemory, measuredAverage.
    QString valueText(const QString &name) const;

Q_SIGNALS:
    void settled();

private:
    void showRecorded(const EvaluationDetail &detail);
    void showMeasured();
    void setMessage(const QString &text);
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &name);

    WorkspaceProfile m_profile;
    QPointer<PrometheusClient> m_client;
    std::optional<EvaluationDetail> m_detail;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_cpuQuery;
    QString m_memoryQuery;
    QString m_error;
    bool m_cpuAnswered = false;
    bool m_memoryAnswered = false;
    std::optional<double> m_cpu;
    std::optional<double> m_avgMemoryBytes;
    std::optional<double> m_memoryMbSeconds;
    double m_runSeconds = 0;

    QLabel *m_recordedCpu;
    QLabel *m_recordedMemory;
    QLabel *m_recordedCost;
    QLabel *m_runTime;
    QLabel *m_measuredCpu;
    QLabel *m_measuredMemory;
    QLabel *m_measuredAverage;
    QLabel *m_source;
    QLabel *m_message;
    QWidget *m_measuredBox;
};

} // namespace Sightline
