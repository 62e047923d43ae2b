#pragma once

#include "core/evaluationquery.h"
#include "models/evaluationtablemodel.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAbstractItemView;
class QAction;
class QListView;
class QTableView;

namespace Sightline {

class EvaluationFilterBar;

namespace Ui {
class EvaluationBrowser;
}

// The Evaluations browser: filter bar, counts line, an error banner, and the same lazy model
// shown as a table or as cards. It never owns the model: the main window replaces the model when
// the workspace changes, and the browser keeps the user's filter, sort and view across that.
class EvaluationBrowser : public QWidget
{
    Q_OBJECT
public:
    enum class ViewMode { Table, Cards };
    Q_ENUM(ViewMode)

    explicit EvaluationBrowser(QWidget *parent = nullptr);
    ~EvaluationBrowser() override;

    void setModel(EvaluationTableModel *model); // nullptr detaches
    EvaluationTableModel *model() const { return m_model; }

    ViewMode viewMode() const { return m_viewMode; }
    void setViewMode(ViewMode mode);
    EvaluationSort sort() const { return m_sort; }
    void setSort(const EvaluationSort &sort);

    void focusSearch();
    void clearFilters();

    // For tests and the screenshot mode.
    EvaluationFilterBar *filterBar() const;
    QTableView *tableView() const;
    QListView *cardView() const;
    QString countsText() const;
    bool isErrorBannerShown() const;
    bool isEmptyStateShown() const;
    // Compare (Ctrl+Shift+D, and in the context menu): enabled while exactly two evaluations are
    // selected.
    QAction *compareAction() const { return m_compare; }
    QStringList selectedEvaluationIds() const; // in row order; rows not loaded yet have no id

Q_SIGNALS:
    void evaluationActivated(const QString &evaluationId);
    void compareRequested(const QString &leftId, const QString &rightId);
    void viewModeChanged(Sightline::EvaluationBrowser::ViewMode mode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpTable();
    void setUpCards();
    void applyColumnWidths();
    void updateCardGrid();
    void updateCounts();
    void updateState();
    void updateSortControls();
    void activate(const QModelIndex &index);
    void applyStyle();
    QAbstractItemView *currentView() const;
    qsizetype selectedRowCount() const;
    void updateCompareAction();
    void showContextMenu(QAbstractItemView *view, const QPoint &pos);

    std::unique_ptr<Ui::EvaluationBrowser> m_ui;
    QPointer<EvaluationTableModel> m_model;
    ViewMode m_viewMode = ViewMode::Table;
    EvaluationSort m_sort;
    QList<QMetaObject::Connection> m_modelConnections;
    QAction *m_compare = nullptr;
};

} // namespace Sightline
