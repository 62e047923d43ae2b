#pragma once

#include "core/evaluationquery.h"
#include "core/workspaceprofile.h"
#include "report/reportjob.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QTimer;

namespace Sightline {

namespace Ui {
class ExportDialog;
}

// What File → Export… can export from where the user is.
struct ExportContext
{
    QString evaluationId;    // the Evaluation window it was asked from; empty from the browser
    QStringList selectedIds; // the browser's selected rows (loaded ones)
    EvaluationFilter filter; // the browser's current filter
    QString filterText;      // the same, as the user reads it
    qint64 filterCount = -1; // evaluations the filter selects, when known
};

// File → Export… (Ctrl+E) and the Evaluation window's Export…: kind, format, page size, what to
// include and where, then runReport on a worker thread with progress and Cancel. Success offers
// Open and Show in folder. The dialog never waits on the report.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const WorkspaceProfile &profile, const ExportContext &context, QWidget *parent = nullptr);
    ~ExportDialog() override;

    enum class State { Ready, Running, Cancelling, Done, Failed, Cancelled };
    State state() const { return m_state; }

    void setKind(ReportKind kind);
    void setFormat(ReportFormat format);
    void setPageSize(ReportPageSize size);
    void setOutputPath(const QString &path);
    QString outputPath() const;
    ReportRequest request() const; // what Export would run now
    QString resultText() const;
    QString stepText() const;
    int progressValue() const;

    void startExport(); // the Export button
    void cancelExport();

    // How a file for this workspace, kind and format is called by default.
    static QString suggestedFileName(const QString &workspace, ReportKind kind, ReportFormat format,
                                     const QString &evaluationId);

Q_SIGNALS:
    void finished(const Sightline::ReportResult &result);

protected:
    void reject() override; // Esc or Close: cancels a running export first

private:
    void updateControls();
    void updateSuggestedPath();
    void pollProgress();
    void onFinished(const ReportResult &result);

    std::unique_ptr<Ui::ExportDialog> m_ui;
    WorkspaceProfile m_profile;
    ExportContext m_context;
    State m_state = State::Ready;
    bool m_pathEdited = false;
    QString m_writtenPath;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    struct Progress;
    std::shared_ptr<Progress> m_progress;
    QTimer *m_progressTimer;
};

} // namespace Sightline
