#pragma once

#include "linediff.h"
#include "sources/evaluationstore.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace Sightline {

class CompareMetricsPanel;
class PrometheusClient;
class StatusPill;

// Two evaluations side by side: their fields (differences highlighted, or only the differences),
// phase durations with the delta, a line diff of their outputs and their metrics on one time base
// aligned at each start. Like the Evaluation window it holds ids, not rows: F5 reads both again.
class CompareWindow : public QWidget
{
    Q_OBJECT
public:
    enum class State { Loading, Shown, Failed };
    Q_ENUM(State)

    CompareWindow(EvaluationStore *store, PrometheusClient *prometheus, const QString &leftId,
                  const QString &rightId, QWidget *parent = nullptr);
    ~CompareWindow() override;

    QString leftId() const { return m_ids[0]; }
    QString rightId() const { return m_ids[1]; }
    State state() const { return m_state; }
    void reload();

    // What is on screen, for tests.
    QString problemText() const;
    QStringList differingFields() const;
    void setShowOnlyDifferences(bool on);
    QTableWidget *fieldsTable() const { return m_fields; }
    QTableWidget *phasesTable() const { return m_phases; }
    QString diffText() const;
    QString diffNote() const;
    bool isDiffSettled() const { return m_diffSettled; }
    CompareMetricsPanel *metricsPanel() const { return m_metrics; }
    void showTab(int index);

    static constexpr qint64 OutputReadBytes = 1024 * 1024; // the first MiB of an output file
    static constexpr int MaxDiffLines = 20000;

Q_SIGNALS:
    void dataShown();                                         // both evaluations' fields are on screen
    void loadFinished(Sightline::CompareWindow::State state); // after every load
    void diffSettled();                                       // the output diff (or why there is none)

private:
    struct Side
    {
        std::optional<EvaluationDetail> detail;
        QList<EvaluationEvent> events;
        QString error;
        bool answered = false;
        std::optional<QString> output; // text to diff, once known
        QString outputProblem;         // why there is no text to diff
    };

    void onLoaded(int side, const EvaluationDetailResult &result);
    void showBoth();
    void fillFields();
    void fillPhases();
    void loadOutputs();
    void onOutput(int side, const QString &text, const QString &problem);
    void runDiff();
    void showDiff(const LineDiff &diff);
    void applyStyle();

    QPointer<EvaluationStore> m_store;
    QPointer<PrometheusClient> m_prometheus;
    std::array<QString, 2> m_ids;
    std::array<Side, 2> m_sides;
    State m_state = State::Loading;
    quint64 m_generation = 0;
    bool m_dataShownEmitted = false;
    bool m_diffSettled = false;

    QStackedWidget *m_pages;
    QLabel *m_message;
    std::array<QLabel *, 2> m_titles{};
    std::array<StatusPill *, 2> m_pills{};
    QTabWidget *m_tabs;
    QCheckBox *m_onlyDifferences;
    QLabel *m_fieldsNote;
    QTableWidget *m_fields;
    QTableWidget *m_phases;
    QLabel *m_diffNote;
    QPlainTextEdit *m_diff;
    CompareMetricsPanel *m_metrics;
    QToolButton *m_reload;
};

} // namespace Sightline
