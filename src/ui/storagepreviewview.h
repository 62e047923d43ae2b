#pragma once

#include "sources/storagesource.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace Sightline {

// The preview beside a Storage Explorer tree: the selected key, row, file or object, as text or as
// a table, capped by the source (1,000 elements, 64 KB) with "Load more" for the rest, and a
// button that opens the evaluation it belongs to.
class StoragePreviewView : public QWidget
{
    Q_OBJECT
public:
    explicit StoragePreviewView(QWidget *parent = nullptr);

    void setSource(StorageSource *source);
    // Shows `node`'s preview (asked of the source now), or a hint when it has none.
    void showNode(const StorageNode &node);
    void clear();

    QString text() const; // for tests: the text shown, or the table as tab-separated lines
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void openEvaluationRequested(const QString &evaluationId);
    void previewShown(); // a preview (or its error) is on screen

private:
    void request(const QString &continuation);
    void apply(const StoragePreview &preview, bool append);
    void setMessage(const QString &message);

    QPointer<StorageSource> m_source;
    StorageNode m_node;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_continuation;
    qint64 m_shownElements = 0;
    qint64 m_shownBytes = 0;

    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QPushButton *m_openEvaluation;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QPlainTextEdit *m_textView;
    QTableView *m_tableView;
    QStandardItemModel *m_table;
    QPlainTextEdit *m_cellView;
    QWidget *m_tablePage = nullptr;
    static constexpr int FullValueRole = Qt::UserRole + 1;
};

} // namespace Sightline
