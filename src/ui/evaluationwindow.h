#pragma once

#include "sources/evaluationstore.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;

namespace Sightline {

class EvaluationEventModel;

namespace Ui {
class EvaluationWindow;
}

// Everything the relational store knows about one evaluation: header, overview, code, output and
// events. It holds the evaluation's id, never a row: every load asks the store again, so F5 shows
// what the database says now.
class EvaluationWindow : public QWidget
{
    Q_OBJECT
public:
    enum class State { Loading, Shown, NotFound, Failed };
    Q_ENUM(State)

    EvaluationWindow(EvaluationStore *store, const QString &evaluationId, QWidget *parent = nullptr);
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

    static constexpr qint64 FirstTextChars = 1'000'000;
    static constexpr qint64 FullTextChars = 256LL * 1024 * 1024;

Q_SIGNALS:
    void dataShown(); // once: the detail, and the output if there is one, are on screen
    // After every load: Shown (output settled too), NotFound or Failed. Lets a screenshot or a
    // script stop waiting when dataShown will not come.
    void loadFinished(Sightline::EvaluationWindow::State state);

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
    void maybeEmitDataShown();
    void applyStyle();

    std::unique_ptr<Ui::EvaluationWindow> m_ui;
    QPointer<EvaluationStore> m_store;
    QString m_id;
    EvaluationEventModel *m_events;
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
