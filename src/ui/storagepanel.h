#pragma once

#include "sources/storagesource.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QToolButton;
class QTreeView;

namespace Sightline {

class StorageFilterProxy;
class StoragePreviewView;
class StorageTreeModel;

// One backend in the Storage Explorer: a summary card (reachable or not, latency, items, size,
// scan progress with Stop) that expands into the backend's lazily loaded tree, a filter, and a
// preview. Collapsing the panel stops the backend's background work.
class StoragePanel : public QFrame
{
    Q_OBJECT
public:
    explicit StoragePanel(StorageSource *source, QWidget *parent = nullptr);
    ~StoragePanel() override;

    StorageSource *source() const { return m_source; }
    StorageTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    StoragePreviewView *previewView() const { return m_preview; }

    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);
    // Expands the tree down to `depth` levels (1 = the root's children), loading what it must.
    void expandToDepth(int depth);
    void collapseTree();
    void refresh(); // summary and tree, again
    void requestSummary();
    void setFilterText(const QString &text);
    void focusFilter();
    void stop();

    const StorageSummary &summary() const { return m_summary; }
    bool hasSummary() const { return m_hasSummary; }
    // Something is loading: tree pages, a scan, or the preview.
    bool isBusy() const;
    QString summaryLine() const; // the card's text, for tests and reports

Q_SIGNALS:
    void expandedChanged(bool expanded);
    void summaryShown();
    void openEvaluationRequested(const QString &evaluationId);

private:
    void buildHeader();
    void showSummary(const StorageSummary &summary);
    void showProgress(const StorageProgress &progress);
    void onActivated(const QModelIndex &proxyIndex);
    void onCurrentChanged(const QModelIndex &proxyIndex);
    void expandNewRows(const QModelIndex &parent, int first, int last);
    void expandLoaded(const QModelIndex &parent);
    int depthOf(const QModelIndex &index) const;

    QPointer<StorageSource> m_source;
    StorageTreeModel *m_model;
    StorageFilterProxy *m_proxy;
    StorageSummary m_summary;
    bool m_hasSummary = false;
    bool m_expanded = false;
    int m_expandDepth = 0; // > 0 while "expand to depth" is loading its way down
    int m_autoExpanded = 0;
    quint64 m_summaryGeneration = 0;
    bool m_summaryPending = false;
    bool m_progressFromSummary = false;

    QToolButton *m_toggle;
    QLabel *m_title;
    QLabel *m_address;
    QLabel *m_status;
    QLabel *m_facts;
    QProgressBar *m_progress;
    QToolButton *m_stopButton;
    QToolButton *m_refreshButton;
    QToolButton *m_depthButton;
    QWidget *m_body;
    QLabel *m_details;
    QLineEdit *m_filter;
    QSplitter *m_splitter;
    QTreeView *m_tree;
    StoragePreviewView *m_preview;
};

} // namespace Sightline
