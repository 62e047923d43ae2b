#include "exportdialog.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "ui_exportdialog.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sightline {

// The worker writes, the GUI reads on a timer: no signal per step from the worker thread, and
// nothing for it to call into once the dialog has gone.
struct ExportDialog::Progress
{
    QMutex mutex;
    ReportProgress latest;
    bool changed = false;
};

namespace {
QString fileSuffix(ReportFormat format)
{
    return reportFormatName(format);
}
} // namespace

ExportDialog::ExportDialog(const WorkspaceProfile &profile, const ExportContext &context, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
    , m_profile(profile)
    , m_context(context)
    , m_progressTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->kindCombo->addItem(tr("Evaluation report"), int(ReportKind::Evaluation));
    m_ui->kindCombo->addItem(tr("Batch report"), int(ReportKind::Batch));
    m_ui->kindCombo->addItem(tr("Storage report"), int(ReportKind::Storage));
    m_ui->formatCombo->addItem(tr("PDF"), int(ReportFormat::Pdf));
    m_ui->formatCombo->addItem(tr("HTML (self-contained)"), int(ReportFormat::Html));
    m_ui->formatCombo->addItem(tr("CSV"), int(ReportFormat::Csv));
    m_ui->formatCombo->addItem(tr("JSON (the full bundle)"), int(ReportFormat::Json));
    m_ui->pageSizeCombo->addItem(tr("A4"), int(ReportPageSize::A4));
    m_ui->pageSizeCombo->addItem(tr("Letter"), int(ReportPageSize::Letter));
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem)
        m_ui->pageSizeCombo->setCurrentIndex(1);

    // What each scope means, with the numbers the user knows it by.
    const QString evaluation =
        !context.evaluationId.isEmpty() ? context.evaluationId : context.selectedIds.value(0);
    m_ui->scopeEvaluation->setText(evaluation.isEmpty()
                                       ? tr("An evaluation (select one in the browser first)")
                                       : tr("The evaluation %1").arg(evaluation));
    m_ui->scopeSelection->setText(
        context.selectedIds.size() == 1
            ? tr("The &selected evaluation")
            : tr("The &selected evaluations (%1)").arg(formatCount(context.selectedIds.size())));
    const QString filterText =
        context.filterText.isEmpty() ? tr("no filter: every evaluation") : context.filterText;
    m_ui->scopeFilter->setText(
        context.filterCount >= 0
            ? tr("The current &filter (%1; %2 evaluations)").arg(filterText, formatCount(context.filterCount))
            : tr("The current &filter (%1)").arg(filterText));
    m_ui->scopeStorage->setText(tr("Every storage backend of workspace %1, summarised").arg(profile.name));

    if (context.evaluationId.isEmpty() && context.selectedIds.size() != 1)
        m_ui->kindCombo->setCurrentIndex(1); // several or none selected: a batch is what fits
    if (!context.selectedIds.isEmpty())
        m_ui->scopeSelection->setChecked(true);
    else
        m_ui->scopeFilter->setChecked(true);

    m_ui->progressBar->setRange(0, 100);
    m_ui->progressBar->setValue(0);
    m_ui->openButton->hide();
    m_ui->showFolderButton->hide();
    m_ui->resultLabel->hide();

    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateSuggestedPath();
    });
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateSuggestedPath();
    });
    connect(m_ui->pathEdit, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const ReportFormat format = ReportFormat(m_ui->formatCombo->currentData().toInt());
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export report to"), outputPath(),
            tr("%1 files (*.%2);;All files (*)").arg(fileSuffix(format).toUpper(), fileSuffix(format)));
        if (!path.isEmpty()) {
            m_ui->pathEdit->setText(path);
            m_pathEdited = true;
        }
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_ui->openButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_writtenPath)); });
    connect(m_ui->showFolderButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_writtenPath).absolutePath()));
    });
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &ExportDialog::pollProgress);

    updateControls();
    updateSuggestedPath();
    m_ui->kindCombo->setFocus();
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true); // the report stops between steps and leaves no file
}

QString ExportDialog::suggestedFileName(const QString &workspace, ReportKind kind, ReportFormat format,
                                        const QString &evaluationId)
{
    QString base = workspace.isEmpty() ? u"sightline"_s : workspace;
    base += u'-' + reportKindName(kind);
    if (kind == ReportKind::Evaluation && !evaluationId.isEmpty())
        base += u'-' + evaluationId;
    else
        base += u'-' + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s);
    // Keep the name a plain file name whatever the workspace or id hold.
    for (QChar &c : base) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.'))
            c = u'_';
    }
    return base + u'.' + fileSuffix(format);
}

void ExportDialog::updateSuggestedPath()
{
    if (m_pathEdited)
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const ReportRequest r = request();
    m_ui->pathEdit->setText(
        QDir(folder).filePath(suggestedFileName(m_profile.name, r.kind, r.format, r.evaluationIds.value(0))));
}

void ExportDialog::updateControls()
{
    const bool running = m_state == State::Running || m_state == State::Cancelling;
    const ReportKind kind = ReportKind(m_ui->kindCombo->currentData().toInt());
    const ReportFormat format = ReportFormat(m_ui->formatCombo->currentData().toInt());
    const bool hasEvaluation = !m_context.evaluationId.isEmpty() || !m_context.selectedIds.isEmpty();
    m_ui->scopeEvaluation->setVisible(kind == ReportKind::Evaluation);
    m_ui->scopeSelection->setVisible(kind == ReportKind::Batch);
    m_ui->scopeSelection->setEnabled(!m_context.selectedIds.isEmpty());
    m_ui->scopeFilter->setVisible(kind == ReportKind::Batch);
    m_ui->scopeStorage->setVisible(kind == ReportKind::Storage);
    if (kind == ReportKind::Evaluation)
        m_ui->scopeEvaluation->setChecked(true);
    else if (kind == ReportKind::Batch && m_ui->scopeEvaluation->isChecked())
        (m_context.selectedIds.isEmpty() ? m_ui->scopeFilter : m_ui->scopeSelection)->setChecked(true);
    m_ui->pageSizeCombo->setEnabled(format == ReportFormat::Pdf && !running);
    m_ui->pageSizeLabel->setEnabled(format == ReportFormat::Pdf);
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->kindCombo), static_cast<QWidget *>(m_ui->formatCombo),
          static_cast<QWidget *>(m_ui->pathEdit), static_cast<QWidget *>(m_ui->browseButton),
          static_cast<QWidget *>(m_ui->scopeSelection), static_cast<QWidget *>(m_ui->scopeFilter)}) {
        if (running)
            w->setEnabled(false);
        else if (w != m_ui->scopeSelection)
            w->setEnabled(true);
    }
    m_ui->exportButton->setEnabled(!running && !(kind == ReportKind::Evaluation && !hasEvaluation));
    m_ui->closeButton->setText(running ? tr("&Cancel") : tr("&Close"));
    m_ui->progressBar->setVisible(m_state != State::Ready);
    m_ui->stepLabel->setVisible(m_state != State::Ready);
}

void ExportDialog::setKind(ReportKind kind)
{
    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(int(kind)));
}

void ExportDialog::setFormat(ReportFormat format)
{
    m_ui->formatCombo->setCurrentIndex(m_ui->formatCombo->findData(int(format)));
}

void ExportDialog::setPageSize(ReportPageSize size)
{
    m_ui->pageSizeCombo->setCurrentIndex(m_ui->pageSizeCombo->findData(int(size)));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_ui->pathEdit->setText(path);
    m_pathEdited = true;
}

QString ExportDialog::outputPath() const
{
    return m_ui->pathEdit->text().trimmed();
}

ReportRequest ExportDialog::request() const
{
    ReportRequest r;
    r.kind = ReportKind(m_ui->kindCombo->currentData().toInt());
    r.format = ReportFormat(m_ui->formatCombo->currentData().toInt());
    r.pageSize = ReportPageSize(m_ui->pageSizeCombo->currentData().toInt());
    r.outputPath = outputPath();
    r.utcOffsetSeconds = QDateTime::currentDateTime().offsetFromUtc();
    if (r.kind == ReportKind::Evaluation) {
        r.evaluationIds = {!m_context.evaluationId.isEmpty() ? m_context.evaluationId
                                                             : m_context.selectedIds.value(0)};
        r.evaluationIds.removeAll(QString());
    } else if (r.kind == ReportKind::Batch) {
        if (m_ui->scopeSelection->isChecked() && !m_context.selectedIds.isEmpty()) {
            r.evaluationIds = m_context.selectedIds;
        } else {
            r.filter = m_context.filter;
            r.filterText = m_context.filterText;
        }
    }
    return r;
}

void ExportDialog::startExport()
{
    if (m_state == State::Running || m_state == State::Cancelling)
        return;
    const ReportRequest r = request();
    if (r.outputPath.isEmpty()) {
        m_ui->resultLabel->setText(tr("Choose where to save the report."));
        m_ui->resultLabel->show();
        m_ui->pathEdit->setFocus();
        return;
    }
    m_state = State::Running;
    m_ui->openButton->hide();
    m_ui->showFolderButton->hide();
    m_ui->resultLabel->hide();
    m_ui->progressBar->setRange(0, 0);
    m_ui->stepLabel->setText(tr("Starting…"));
    updateControls();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress = std::make_shared<Progress>();
    std::shared_ptr<Progress> progress = m_progress;
    m_progressTimer->start();
    whenFinished(runReport(
                     m_profile, r,
                     [progress](const ReportProgress &p) {
                         QMutexLocker lock(&progress->mutex);
                         progress->latest = p;
                         progress->changed = true;
                     },
                     m_cancel),
                 this, [this](const ReportResult &result) { onFinished(result); });
}

void ExportDialog::pollProgress()
{
    if (!m_progress)
        return;
    ReportProgress p;
    {
        QMutexLocker lock(&m_progress->mutex);
        if (!m_progress->changed)
            return;
        p = m_progress->latest;
        m_progress->changed = false;
    }
    if (p.percent < 0) {
        m_ui->progressBar->setRange(0, 0);
    } else {
        m_ui->progressBar->setRange(0, 100);
        m_ui->progressBar->setValue(qBound(0, p.percent, 100));
    }
    if (m_state == State::Running && !p.step.isEmpty())
        m_ui->stepLabel->setText(p.step);
}

void ExportDialog::cancelExport()
{
    if (m_state != State::Running)
        return;
    m_cancel->store(true);
    m_state = State::Cancelling;
    m_ui->stepLabel->setText(tr("Cancelling…"));
    updateControls();
}

void ExportDialog::onFinished(const ReportResult &result)
{
    m_progressTimer->stop();
    m_cancel.reset();
    m_progress.reset();
    m_ui->progressBar->setRange(0, 100);
    if (result.cancelled) {
        m_state = State::Cancelled;
        m_ui->progressBar->setValue(0);
        m_ui->stepLabel->setText(tr("Cancelled: no file was written."));
    } else if (!result.ok) {
        m_state = State::Failed;
        m_ui->progressBar->setValue(0);
        m_ui->stepLabel->setText(tr("The report could not be written."));
        m_ui->resultLabel->setText(result.error);
        m_ui->resultLabel->show();
    } else {
        m_state = State::Done;
        m_writtenPath = result.outputPath;
        m_ui->progressBar->setValue(100);
        m_ui->stepLabel->setText(tr("Done."));
        const QString where = QDir::toNativeSeparators(result.outputPath);
        QString text = result.pages > 0 ? tr("Written: %1 (%2, %Ln page(s))", nullptr, int(result.pages))
                                              .arg(where, formatBytes(result.bytes))
                                        : tr("Written: %1 (%2)").arg(where, formatBytes(result.bytes));
        if (!result.leftOut.isEmpty())
            text += u'\n' + tr("Left out: %1").arg(result.leftOut.join(u"; "_s));
        m_ui->resultLabel->setText(text);
        m_ui->resultLabel->show();
        m_ui->openButton->show();
        m_ui->showFolderButton->show();
        m_ui->openButton->setFocus();
    }
    updateControls();
    Q_EMIT finished(result);
}

void ExportDialog::reject()
{
    if (m_state == State::Running) {
        cancelExport();
        return; // the dialog stays until the report has stopped and said so
    }
    if (m_state == State::Cancelling)
        return;
    QDialog::reject();
}

QString ExportDialog::resultText() const
{
    return m_ui->resultLabel->isHidden() ? QString() : m_ui->resultLabel->text();
}

QString ExportDialog::stepText() const
{
    return m_ui->stepLabel->text();
}

int ExportDialog::progressValue() const
{
    return m_ui->progressBar->value();
}

} // namespace Sightline
