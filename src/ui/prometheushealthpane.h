#pragma once

#include "sources/prometheus/prometheusclient.h"

#include <QFuture>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace Sightline {

// The Metrics view's lower half: Prometheus's scrape targets (job, instance, up or down, last
// scrape, its duration and error) and its active alerts (name, state, labels, since). Refreshed
// every RefreshSeconds while visible, and on refresh().
class PrometheusHealthPane : public QWidget
{
    Q_OBJECT
public:
    explicit PrometheusHealthPane(QWidget *parent = nullptr);
    ~PrometheusHealthPane() override;

    void setClient(PrometheusClient *client); // null: empty, nothing asked
    void refresh();
    bool isLoading() const;
    bool hasAnswered() const { return m_answered; } // targets and alerts answered since setClient

    QTreeWidget *targetsView() const { return m_targets; }
    QTreeWidget *alertsView() const { return m_alerts; }
    QString targetsHeadline() const; // "3 targets, 1 down · updated 14:03:05" or the error
    QString alertsHeadline() const;

    enum TargetColumn { Job, Instance, Health, LastScrape, Duration, Error, TargetColumnCount };
    enum AlertColumn { AlertName, State, Labels, Since, Summary, AlertColumnCount };
    static constexpr int RefreshSeconds = 30;

Q_SIGNALS:
    void refreshed(); // targets and alerts both answered (or failed)

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showTargets(const QList<PrometheusTarget> &targets, double nowSeconds);
    void showAlerts(const QList<PrometheusAlert> &alerts, double nowSeconds);
    void finishOne();

    QPointer<PrometheusClient> m_client;
    QLabel *m_targetsHeadline;
    QLabel *m_alertsHeadline;
    QTreeWidget *m_targets;
    QTreeWidget *m_alerts;
    QTimer *m_timer;
    QFuture<PrometheusTargetsReply> m_targetsReply;
    QFuture<PrometheusAlertsReply> m_alertsReply;
    int m_outstanding = 0;
    bool m_answered = false;
    quint64 m_generation = 0;
    qint64 m_lastRefreshMs = 0;
};

// "12 s ago", "4 min ago", "3 h ago"
QString formatAgo(double seconds);

} // namespace Sightline
