#pragma once

#include "sources/evaluationstore.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;

namespace Sightline {

class EvaluationCostView;
class EvaluationEventModel;
class EvaluationMetricsPanel;
class EvaluationTimeline;
class GrafanaLinkButton;
class LineageView;
class PrometheusClient;
class SecurityEventsView;

namespace Ui {
class EvaluationWindow;
}

// Everything about one evaluation: header, overview with its lineage across every backend,
// timeline, code, output, events, infrastructure metrics, security events, cost and the raw JSON,
// with links out to Grafana. It holds the evaluation's id, never a row: every load asks the store
// (and every backend) again, so F5 shows what they say now.
class EvaluationWindow : public QWidget
{
    Q_OBJECT
public:
    enum class State { Loading, Shown, NotFound, Failed };
    Q_ENUM(State)

    // `prometheus` may be null (not configured): the Metrics and Cost tabs then say what to add.
    EvaluationWindow(EvaluationStore *store, const QString &evaluationId,
                     PrometheusClient *prometheus = nullptr, QWidget *parent = nullptr);
    ~EvaluationWindow() override;

    QString evaluationId() const { return m_id; }
    State state() const { return m_state; }
    void reload();

    // What is on screen, for tests and reports of the screenshot mode.
    QString headerText() const; // the id as shown in the header
    QString statusText() const;
    QString codeText() const;
    QString outputText() const;
    QString outputMessage() const;
    QString problemText() const;
    int eventCount() const;
    QString summaryMarkdown() const; // the evaluation as Markdown (report/evaluationsummary.h)
    QString lineageText() const;     // the header's lineage line
    QString rawJson() const;         // the Raw tab's text
    QString phaseText() const;       // the phase durations under the timeline
    QString grafanaMessage() const;  // why "Open in Grafana" is disabled; "" when it works
    int selectedEventRow() const;    // the Events tab's current row, -1 for none

    LineageView *lineageView() const { return m_lineage; }
    EvaluationTimeline *timeline() const;
    SecurityEventsView *securityView() const;
    EvaluationCostView *costView() const { return m_cost; }
    EvaluationMetricsPanel *metricsPanel() const { return m_metrics; }
    GrafanaLinkButton *grafanaButton() const { return m_grafana; }
    void showTab(const QString &objectName); // overviewTab, timelineTab, …, rawTab

    // sightline://evaluation/<id>?workspace=<name>: what "Copy Sightline Link" copies.
    QString sightlineLink() const;
    // The window's keyboard actions (objectNames actionExport, actionReload, actionCopyLink,
    // actionCopySummary, actionClose), not yet connected. Help → Keyboard Shortcuts lists them too.
    static QList<QAction *> createWindowActions(QObject *parent);

    static constexpr qint64 FirstTextChars = 1'000'000;
    static constexpr qint64 FullTextChars = 256LL * 1024 * 1024;

Q_SIGNALS:
    void dataShown(); // once: the detail, and the output if there is one, are on screen
    // After every load: Shown (output settled too), NotFound or Failed. Lets a screenshot or a
    // script stop waiting when dataShown will not come.
    void loadFinished(Sightline::EvaluationWindow::State state);
    // Every backend has answered the lineage probe of the last load. The Metrics and Cost tabs
    // say when they are settled themselves (EvaluationMetricsPanel/EvaluationCostView::settled).
    void lineageFinished();
    // Export… (the button, Ctrl+E): the main window opens the export dialog for this evaluation.
    void exportRequested(const QString &evaluationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLoaded(const EvaluationDetailResult &result);
    void showProblem(const QString &title, const QString &message, bool canRetry);
    void showDetail(const EvaluationDetail &detail, bool eventsTruncated);
    void buildFacts();
    void fillFacts(const EvaluationDetail &detail);
    void fillOverview(const EvaluationDetail &detail);
    void fillCode(const EvaluationDetail &detail);
    void fillOutput(const EvaluationDetail &detail);
    void fillTabs(const EvaluationDetail &detail, bool eventsTruncated);
    void selectEventRow(int row);
    void updateRawJson();
    void maybeEmitDataShown();
    void applyStyle();

    std::unique_ptr<Ui::EvaluationWindow> m_ui;
    QPointer<EvaluationStore> m_store;
    QString m_id;
    WorkspaceProfile m_profile;
    EvaluationEventModel *m_events;
    LineageView *m_lineage = nullptr;
    EvaluationMetricsPanel *m_metrics = nullptr;
    EvaluationCostView *m_cost = nullptr;
    GrafanaLinkButton *m_grafana = nullptr;
    bool m_eventsTruncated = false;
    bool m_rawDirty = true;
    State m_state = State::Loading;
    quint64 m_generation = 0;
    qint64 m_textCap = FirstTextChars;
    std::optional<EvaluationDetail> m_detail; // the last one shown, for "Copy summary"
    QAction *m_copySummary = nullptr;
    bool m_dataShownEmitted = false;
    static constexpr int FactColumns = 5;
    static constexpr int FactCount = 2 * FactColumns;
    QLabel *m_factCaptions[FactCount] = {};
    QLabel *m_factValues[FactCount] = {};
};

} // namespace Sightline
