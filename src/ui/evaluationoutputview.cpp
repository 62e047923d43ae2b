#include "evaluationoutputview.h"

#include "core/format.h"
#include "futurecontinuation.h"
#include "sources/evaluationstore.h"
#include "uiresources.h"
#include "ui_evaluationoutputview.h"

#include <QFontDatabase>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sightline {

EvaluationOutputView::EvaluationOutputView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvaluationOutputView>())
{
    ensureUiResources();
    m_ui->setupUi(this);
    m_ui->textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->noteBar->hide();
    connect(m_ui->loadAllButton, &QPushButton::clicked, this, [this] {
        m_ui->loadAllButton->setEnabled(false);
        if (m_loadAll == LoadAll::File) {
            m_ui->noteLabel->setText(tr("Loading the whole file…"));
            readFile(FullReadBytes);
        } else if (m_loadAll == LoadAll::Inline) {
            m_ui->noteLabel->setText(tr("Loading all of the output…"));
            Q_EMIT loadAllInlineRequested();
        }
    });
}

EvaluationOutputView::~EvaluationOutputView() = default;

void EvaluationOutputView::showNoOutput()
{
    ++m_generation;
    setNote({}, false);
    showMessage(tr("This evaluation has no output."));
    settle();
}

void EvaluationOutputView::showInline(const QString &text, qint64 totalChars)
{
    ++m_generation;
    showText(text);
    if (totalChars > text.size()) {
        m_loadAll = LoadAll::Inline;
        setNote(tr("Showing the first %1 of %2 characters.").arg(formatCount(text.size()), formatCount(totalChars)),
                true);
    } else {
        setNote({}, false);
    }
    settle();
}

void EvaluationOutputView::showLocation(EvaluationStore *store, const QString &location)
{
    ++m_generation;
    m_store = store;
    m_location = location;
    setNote({}, false);
    const QUrl url(location);
    if (url.scheme() == u"s3"_s) {
        showMessage(tr("This output is archived in S3 — opening S3 objects comes with the Storage Explorer.\n\n%1")
                        .arg(location));
        settle();
        return;
    }
    if (!url.isLocalFile() && !url.scheme().isEmpty()) {
        showMessage(tr("The output is stored at %1, which Sightline cannot open.").arg(location));
        settle();
        return;
    }
    m_settled = false;
    showMessage(tr("Reading %1…").arg(location));
    readFile(FirstReadBytes);
}

void EvaluationOutputView::readFile(qint64 maxBytes)
{
    if (!m_store) {
        showMessage(tr("The workspace this evaluation belongs to is closed."));
        settle();
        return;
    }
    const quint64 generation = m_generation;
    whenFinished(m_store->readOutputFile(m_location, maxBytes), this,
                 [this, generation, maxBytes](const OutputFileResult &result) {
                     if (generation == m_generation)
                         onFileRead(result, maxBytes);
                 });
}

void EvaluationOutputView::onFileRead(const OutputFileResult &result, qint64 maxBytes)
{
    if (!result.error.isEmpty()) {
        const QString where = result.path.isEmpty() ? m_location : result.path;
        showMessage(tr("The output file %1 could not be read:\n%2").arg(where, result.error));
        setNote({}, false);
        settle();
        return;
    }
    // Decoding a cut-off multi-byte character gives one replacement character at the end, which
    // is honest about the cut.
    showText(QString::fromUtf8(result.data));
    if (result.truncated) {
        const bool canReadMore = maxBytes < FullReadBytes;
        m_loadAll = canReadMore ? LoadAll::File : LoadAll::None;
        QString note = tr("Showing the first %1 of %2.").arg(formatBytes(result.data.size()),
                                                             formatBytes(result.totalSize));
        if (!canReadMore)
            note += u' ' + tr("Open %1 in another program for the rest.").arg(result.path);
        setNote(note, canReadMore);
    } else {
        setNote(tr("Output file %1 · %2").arg(result.path, formatBytes(result.totalSize)), false);
    }
    settle();
}

void EvaluationOutputView::showText(const QString &text)
{
    m_ui->textEdit->setPlainText(text);
    m_ui->stack->setCurrentWidget(m_ui->textEdit);
}

void EvaluationOutputView::showMessage(const QString &message)
{
    m_ui->messageLabel->setText(message);
    m_ui->stack->setCurrentWidget(m_ui->messagePage);
}

void EvaluationOutputView::setNote(const QString &note, bool offerLoadAll)
{
    if (!offerLoadAll)
        m_loadAll = LoadAll::None;
    m_ui->noteLabel->setText(note);
    m_ui->loadAllButton->setVisible(offerLoadAll);
    m_ui->loadAllButton->setEnabled(offerLoadAll);
    m_ui->noteBar->setVisible(!note.isEmpty());
}

void EvaluationOutputView::settle()
{
    m_settled = true;
    Q_EMIT settled();
}

QString EvaluationOutputView::text() const
{
    return m_ui->stack->currentWidget() == m_ui->textEdit ? m_ui->textEdit->toPlainText() : QString();
}

QString EvaluationOutputView::message() const
{
    return m_ui->stack->currentWidget() == m_ui->messagePage ? m_ui->messageLabel->text() : QString();
}

QString EvaluationOutputView::note() const
{
    return m_ui->noteLabel->text();
}

} // namespace Sightline
