#pragma once

#include "core/workspaceprofile.h"
#include "promqueryhistory.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QStringListModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace Sightline {

class MetricChart;
class PromSeriesTableModel;
class PrometheusHealthPane;

// The main window's Metrics view: a PromQL box with history (Up/Down, kept per workspace) and
// metric-name completion, a time range, Run (Enter) and Cancel (Esc), the result as a chart and
// as a table, and below them Prometheus's targets and alerts. Without a Prometheus in the
// profile it says what to add.
class MetricsView : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Last15Minutes, LastHour, Last6Hours, Last24Hours, Last7Days, Custom };
    Q_ENUM(Range)

    explicit MetricsView(QWidget *parent = nullptr);
    ~MetricsView() override;

    // `client` null: Prometheus is not configured. The view does not own the client.
    void setWorkspace(const WorkspaceProfile &profile, PrometheusClient *client);
    void clear(); // no workspace: cancels everything, forgets the client
    bool isConfigured() const;
    QString notConfiguredText() const;

    void setQuery(const QString &query);
    QString query() const;
    void setRange(Range range);
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    Range range() const;
    // The window the next Run queries (Unix ms): the last N minutes end now.
    std::pair<qint64, qint64> rangeWindow() const;

    void run();
    void cancel();
    void refresh(); // F5: targets and alerts, and the query again if one ran
    bool isRunning() const;
    // Nothing in flight and the targets and alerts have answered once (or there is no Prometheus).
    bool isSettled() const;

    QString statusText() const; // under the query: what the last run gave, or its error
    QString errorText() const;  // "" after a successful run
    QStringList history() const;
    QStringList completions() const; // metric names for the completer

    QLineEdit *queryEdit() const { return m_query; }
    MetricChart *chart() const { return m_chart; }
    PromSeriesTableModel *tableModel() const { return m_table; }
    QTableView *tableView() const { return m_tableView; }
    QTabWidget *resultTabs() const { return m_resultTabs; }
    PrometheusHealthPane *healthPane() const { return m_health; }

Q_SIGNALS:
    void queryFinished(); // a run ended: data, an error or cancelled

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void onReply(quint64 generation, const PrometheusQueryReply &reply);
    void finishRun();
    void setStatus(const QString &text, bool error);
    void stepHistory(int direction);
    void loadCompletions();
    void updateRangeWidgets();

    QPointer<PrometheusClient> m_client;
    QString m_prometheusUrl;
    PromQueryHistory m_history;
    int m_historyPosition = -1; // -1: the draft being typed
    QString m_draft;

    QStackedWidget *m_pages;
    QLabel *m_notConfigured;
    QLineEdit *m_query;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    QComboBox *m_rangeBox;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_busy;
    QLabel *m_elapsed;
    QLabel *m_status;
    QTabWidget *m_resultTabs;
    MetricChart *m_chart;
    PromSeriesTableModel *m_table;
    QTableView *m_tableView;
    PrometheusHealthPane *m_health;
    QTimer *m_elapsedTimer;

    QFuture<PrometheusQueryReply> m_reply;
    QElapsedTimer m_runClock;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_hasRun = false;
    bool m_completionsLoaded = false;
    QString m_error;
    QString m_lastQuery;
    qint64 m_runFromMs = 0;
    qint64 m_runToMs = 0;
};

} // namespace Sightline
