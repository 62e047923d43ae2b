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

    bool isSettled() const { return m_settled; }
    QString text() const;        // what the text page shows now
    QString message() const;     // what the message page shows now, when it is shown
    QString note() const;

    static constexpr qint64 FirstReadBytes = 1024 * 1024;
    static constexpr qint64 FullReadBytes = 256 * 1024 * 1024;

Q_SIGNALS:
    void loadAllInlineRequested();
    void settled(); // the output, or the reason it is not shown, is on screen

private:
    void readFile(qint64 maxBytes);
    void onFileRead(const OutputFileResult &result, qint64 maxBytes);
    void showText(const QString &text);
    void showMessage(const QString &message);
    void setNote(const QString &note, bool offerLoadAll);
    void settle();

    enum class LoadAll { None, Inline, File };

    std::unique_ptr<Ui::EvaluationOutputView> m_ui;
    QPointer<EvaluationStore> m_store;
    QString m_location;
    quint64 m_generation = 0; // answers for an output shown before are dropped
    LoadAll m_loadAll = LoadAll::None;
    bool m_settled = false;
};

} // namespace Sightline
