#include "evaluationoutputview.h"

#include "core/format.h"
#include "core/futurecontinuation.h"
#include "sources/evaluationstore.h"
#include "ui_evaluationoutputview.h"
#include "uiresources.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QSaveFile>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Copies `source` to `target` in chunks; returns an error sentence, empty on success. QSaveFile
// leaves an existing target untouched when anything fails.
QString copyFile(const QString &source, const QString &target)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return in.errorString();
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    for (;;) {
        const QByteArray chunk = in.read(4 * 1024 * 1024);
        if (chunk.isEmpty())
            break;
        if (out.write(chunk) != chunk.size())
            return out.errorString();
    }
    if (in.error() != QFileDevice::NoError)
        return in.errorString();
    if (!out.commit())
        return out.errorString();
    return {};
}

QString writeText(const QString &text, const QString &target)
{
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    constexpr qsizetype Chunk = 4 * 1024 * 1024;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype length = qMin(Chunk, text.size() - from);
        // Never split a surrogate pair between two chunks.
        if (from + length < text.size() && text.at(from + length - 1).isHighSurrogate())
            --length;
        const QByteArray bytes = QStringView(text).mid(from, length).toUtf8();
        if (out.write(bytes) != bytes.size())
            return out.errorString();
        from += length;
    }
    if (!out.commit())
        return out.errorString();
    return {};
}
} // namespace

EvaluationOutputView::EvaluationOutputView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvaluationOutputView>())
{
    ensureUiResources();
    m_ui->setupUi(this);
    m_ui->textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->noteBar->hide();
    m_ui->busyBar->hide();
    m_ui->saveButton->hide();
    connect(m_ui->loadAllButton, &QPushButton::clicked, this, [this] {
        if (m_loadAll == LoadAll::File) {
            setBusy(true, tr("Loading the whole file…"));
            readFile(FullReadBytes);
        } else if (m_loadAll == LoadAll::Inline) {
            setBusy(true, tr("Loading all of the output…"));
            Q_EMIT loadAllInlineRequested();
        }
    });
    connect(m_ui->saveButton, &QPushButton::clicked, this, &EvaluationOutputView::chooseSaveFile);
}

EvaluationOutputView::~EvaluationOutputView() = default;

void EvaluationOutputView::showNoOutput()
{
    ++m_generation;
    m_busy = 0;
    m_saveSource = SaveSource::None;
    m_inlineText.clear();
    setNote({}, false);
    showMessage(tr("This evaluation has no output."));
    settle();
}

void EvaluationOutputView::showInline(const QString &text, qint64 totalChars)
{
    const quint64 generation = ++m_generation;
    m_busy = 0;
    m_inlineText = text;
    m_saveSource = text.isEmpty() ? SaveSource::None : SaveSource::Inline;
    // "Load all" is offered until the text has been read in full (or as far as the window reads).
    const bool canReadMore = totalChars > text.size() && text.size() < EditorCapBytes;
    const bool readInFull = totalChars <= text.size();
    auto noteFor = [this, totalChars, canReadMore, readInFull](qint64 shown) {
        if (shown >= totalChars)
            return QString();
        QString note =
            tr("Showing the first %1 of %2 characters.").arg(formatCount(shown), formatCount(totalChars));
        if (!canReadMore) {
            note += u' ' + (readInFull ? tr("The viewer holds no more; “Save to file…” writes all of it.")
                                       : tr("“Save to file…” writes the %1 characters read.")
                                             .arg(formatCount(m_inlineText.size())));
        }
        return note;
    };
    if (canReadMore)
        m_loadAll = LoadAll::Inline;
    if (text.size() <= EditorCapBytes) {
        showText(text);
        setNote(noteFor(text.size()), canReadMore, !readInFull);
        settle();
        return;
    }
    // Cutting a few hundred MiB copies as much; do it on a pool thread.
    m_settled = false;
    setBusy(true, tr("Preparing %1 characters…").arg(formatCount(text.size())));
    whenFinished(QtConcurrent::run([text] { return text.left(EditorCapBytes); }), this,
                 [this, generation, noteFor](const QString &shown) {
                     if (generation != m_generation)
                         return;
                     setBusy(false);
                     showText(shown);
                     setNote(noteFor(shown.size()), false, true);
                     settle();
                 });
}

void EvaluationOutputView::showLocation(EvaluationStore *store, const QString &location)
{
    ++m_generation;
    m_busy = 0;
    m_store = store;
    m_location = location;
    m_sourcePath.clear();
    m_inlineText.clear();
    m_saveSource = SaveSource::None;
    setNote({}, false);
    const QUrl url(location);
    if (url.scheme() == u"s3"_s) {
        showMessage(
            tr("This output is archived in S3 — opening S3 objects comes with the Storage Explorer.\n\n%1")
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
        setBusy(false);
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

EvaluationOutputView::PreparedText EvaluationOutputView::prepareFileText(const QByteArray &data,
                                                                         qint64 capBytes)
{
    qsizetype size = data.size();
    if (size > capBytes) {
        size = capBytes;
        // Back up to the start of a UTF-8 sequence so the cut never splits a character.
        while (size > 0 && (uchar(data.at(size)) & 0xC0) == 0x80)
            --size;
    }
    return {QString::fromUtf8(QByteArrayView(data).first(size)), size};
}

void EvaluationOutputView::onFileRead(const OutputFileResult &result, qint64 maxBytes)
{
    if (!result.error.isEmpty()) {
        setBusy(false);
        const QString where = result.path.isEmpty() ? m_location : result.path;
        showMessage(tr("The output file %1 could not be read:\n%2").arg(where, result.error));
        setNote({}, false);
        settle();
        return;
    }
    m_sourcePath = result.path;
    m_saveSource = SaveSource::File;
    // Decoding up to EditorCapBytes of UTF-8 takes tens of milliseconds and doubles the memory:
    // a pool thread does it; the window keeps answering meanwhile. A read cut inside a
    // multi-byte character decodes to one replacement character at the end, honest about the cut.
    const quint64 generation = m_generation;
    if (isBusy()) // "Load all": say what the wait is for now
        m_ui->noteLabel->setText(tr("Preparing %1 of text…").arg(formatBytes(result.data.size())));
    whenFinished(QtConcurrent::run(&EvaluationOutputView::prepareFileText, result.data, EditorCapBytes), this,
                 [this, generation, result, maxBytes](const PreparedText &prepared) {
                     if (generation == m_generation)
                         showFileText(result, maxBytes, prepared);
                 });
}

void EvaluationOutputView::showFileText(const OutputFileResult &result, qint64 maxBytes,
                                        const PreparedText &prepared)
{
    setBusy(false);
    showText(prepared.text);
    if (result.truncated || prepared.shownBytes < result.data.size()) {
        const bool canReadMore = maxBytes < FullReadBytes;
        m_loadAll = canReadMore ? LoadAll::File : LoadAll::None;
        QString note = tr("Showing the first %1 of %2.")
                           .arg(formatBytes(prepared.shownBytes), formatBytes(result.totalSize));
        if (!canReadMore)
            note += u' ' + tr("The viewer holds no more; “Save to file…” writes all of it.");
        setNote(note, canReadMore, true);
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

void EvaluationOutputView::setNote(const QString &note, bool offerLoadAll, bool offerSave)
{
    if (!offerLoadAll)
        m_loadAll = LoadAll::None;
    m_note = note;
    m_offerLoadAll = offerLoadAll;
    m_offerSave = offerSave && m_saveSource != SaveSource::None;
    updateNoteBar();
}

void EvaluationOutputView::setBusy(bool busy, const QString &note)
{
    if (busy) {
        ++m_busy;
        m_ui->noteLabel->setText(note);
    } else if (m_busy > 0) {
        --m_busy;
    }
    updateNoteBar();
}

void EvaluationOutputView::updateNoteBar()
{
    const bool busy = m_busy > 0;
    if (!busy)
        m_ui->noteLabel->setText(m_note);
    m_ui->busyBar->setVisible(busy);
    m_ui->loadAllButton->setVisible(m_offerLoadAll);
    m_ui->loadAllButton->setEnabled(m_offerLoadAll && !busy);
    m_ui->saveButton->setVisible(m_offerSave);
    m_ui->saveButton->setEnabled(m_offerSave && !busy);
    m_ui->noteBar->setVisible(busy || !m_note.isEmpty());
}

void EvaluationOutputView::chooseSaveFile()
{
    const QString suggested = m_sourcePath.isEmpty() ? u"output.txt"_s : QFileInfo(m_sourcePath).fileName();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the output"), QDir::home().filePath(suggested),
                                     tr("Text files (*.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

void EvaluationOutputView::saveTo(const QString &path)
{
    if (m_saveSource == SaveSource::None) {
        Q_EMIT savedTo(path, tr("There is no output to save."));
        return;
    }
    const quint64 generation = m_generation;
    setBusy(true, tr("Saving to %1…").arg(QDir::toNativeSeparators(path)));
    QFuture<QString> future = m_saveSource == SaveSource::File
                                  ? QtConcurrent::run(copyFile, m_sourcePath, path)
                                  : QtConcurrent::run(writeText, m_inlineText, path);
    whenFinished(future, this, [this, generation, path](const QString &error) {
        if (generation == m_generation) {
            setBusy(false);
            const QString outcome =
                error.isEmpty() ? tr("Saved to %1.").arg(QDir::toNativeSeparators(path))
                                : tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), error);
            m_ui->noteLabel->setText(m_note.isEmpty() ? outcome : m_note + u"  "_s + outcome);
        }
        Q_EMIT savedTo(path, error);
    });
}

bool EvaluationOutputView::isBusy() const
{
    return m_busy > 0;
}

bool EvaluationOutputView::canSave() const
{
    return m_offerSave;
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

void EvaluationOutputView::settle()
{
    m_settled = true;
    Q_EMIT settled();
}

} // namespace Sightline
