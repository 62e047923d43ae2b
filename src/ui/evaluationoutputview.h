#pragma once

#include "sources/evaluationstore.h"

#include <QPointer>
#include <QWidget>

#include <memory>

namespace Sightline {

namespace Ui {
class EvaluationOutputView;
}

// The Evaluation window's Output tab: inline output from the database, an output file read off
// the GUI thread (first MiB, then "Load all"), or a clear sentence about why the output is not
// shown here (missing file, S3 archive, unknown location).
//
// Large text: decoding and cutting happen on a pool thread, and the editor never gets more than
// EditorCapBytes. QPlainTextEdit lays out every block it is given on the GUI thread, so hundreds
// of MiB would freeze the window for seconds and take gigabytes; past the cap the note says so
// and "Save to file…" writes the complete output (the file copy, too, runs off the GUI thread).
class EvaluationOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit EvaluationOutputView(QWidget *parent = nullptr);
    ~EvaluationOutputView() override;

    void showNoOutput();
    // `totalChars` is the length in the database; more than text.size() offers "Load all", which
    // asks the window (owner of the detail) to read the evaluation again without a cap.
    void showInline(const QString &text, qint64 totalChars);
    void showLocation(EvaluationStore *store, const QString &location);

    // Writes the complete output (the source file, or all inline text read) to `path` off the
    // GUI thread; savedTo reports the outcome. The "Save to file…" button asks for the path.
    void saveTo(const QString &path);

    bool isSettled() const { return m_settled; }
    bool isBusy() const; // reading, decoding or saving in the background
    bool canSave() const;
    QString text() const;    // what the text page shows now
    QString message() const; // what the message page shows now, when it is shown
    QString note() const;

    static constexpr qint64 FirstReadBytes = 1024 * 1024;
    // What "Load all" reads of a file and the most the editor is given (bytes of UTF-8, or
    // characters of inline text). QPlainTextEdit::setPlainText costs about 70 ms per MiB on the
    // GUI thread (32 MiB froze the window for 2.2 s in tst_ui_browser); 4 MiB, some 70,000 log
    // lines, stays under a third of a second. Past that, "Save to file…" is the honest tool.
    static constexpr qint64 EditorCapBytes = 4 * 1024 * 1024;
    static constexpr qint64 FullReadBytes = EditorCapBytes;

Q_SIGNALS:
    void loadAllInlineRequested();
    void settled(); // the output, or the reason it is not shown, is on screen
    void savedTo(const QString &path, const QString &error); // error empty on success

private:
    struct PreparedText
    {
        QString text;
        qint64 shownBytes = 0; // bytes of the source the text covers
    };
    static PreparedText prepareFileText(const QByteArray &data, qint64 capBytes);

    void readFile(qint64 maxBytes);
    void onFileRead(const OutputFileResult &result, qint64 maxBytes);
    void showFileText(const OutputFileResult &result, qint64 maxBytes, const PreparedText &prepared);
    void showText(const QString &text);
    void showMessage(const QString &message);
    // The line above the text, with "Load all" and/or "Save to file…" next to it.
    void setNote(const QString &note, bool offerLoadAll, bool offerSave = false);
    void setBusy(bool busy, const QString &note = {});
    void updateNoteBar();
    void chooseSaveFile();
    void settle();

    enum class LoadAll { None, Inline, File };
    enum class SaveSource { None, File, Inline };

    std::unique_ptr<Ui::EvaluationOutputView> m_ui;
    QPointer<EvaluationStore> m_store;
    QString m_location;
    QString m_sourcePath;     // the output file on disk, for "Save to file…"
    QString m_inlineText;     // all inline text read (may exceed what the editor shows)
    quint64 m_generation = 0; // answers for an output shown before are dropped
    LoadAll m_loadAll = LoadAll::None;
    SaveSource m_saveSource = SaveSource::None;
    QString m_note;
    bool m_offerLoadAll = false;
    bool m_offerSave = false;
    int m_busy = 0;
    bool m_settled = false;
};

} // namespace Sightline
