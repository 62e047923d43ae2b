#pragma once

#include "sources/storagesource.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QScrollArea;
class QTimer;
class QVBoxLayout;

namespace Sightline {

class StoragePanel;

// The Storage Explorer (DESIGN.md §1): one collapsible panel per backend of the workspace, in a
// scrolling column, with zoom controls for all of them at once.
class StorageExplorer : public QWidget
{
    Q_OBJECT
public:
    explicit StorageExplorer(QWidget *parent = nullptr);
    ~StorageExplorer() override;

    // Takes the workspace's backends (replacing any before); `missing` names the backends the
    // workspace does not configure, for the hint at the bottom.
    void setSources(std::vector<std::unique_ptr<StorageSource>> sources, const QStringList &missing);
    void clear();

    QList<StoragePanel *> panels() const { return m_panels; }
    StoragePanel *panel(StorageBackend backend) const;

    void expandAll(int depth); // every panel, its tree to `depth`
    void collapseAll();
    void refreshAll();
    // Puts the keyboard in the filter of the panel in use (the focused one, else the first open one).
    void focusFilter();
    // Every panel has its summary and nothing is loading (tree, scan or preview).
    bool isSettled() const;

Q_SIGNALS:
    void openEvaluationRequested(const QString &evaluationId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::vector<std::unique_ptr<StorageSource>> m_sources;
    QList<StoragePanel *> m_panels;
    bool m_summariesRequested = false;

    QScrollArea *m_scroll;
    QWidget *m_column;
    QVBoxLayout *m_columnLayout;
    QLabel *m_emptyLabel;
    QLabel *m_missingLabel;
    QTimer *m_ttlTimer;
};

} // namespace Sightline
