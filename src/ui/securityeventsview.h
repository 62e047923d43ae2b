#pragma once

#include "core/evaluation.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace Sightline {

// The Evaluation window's Security tab: the evaluation's security events (blocked network
// attempts and the like) with the details their JSON data carries: destination, port, container.
class SecurityEventsView : public QWidget
{
    Q_OBJECT
public:
    enum Column { Time, Type, Severity, Destination, Port, Container, Details, ColumnCount };

    explicit SecurityEventsView(QWidget *parent = nullptr);

    // All of the evaluation's events in time order; the security ones are picked out. Returns
    // how many there are.
    int setEvents(const QList<EvaluationEvent> &events);
    int count() const { return m_count; }
    QTableWidget *table() const { return m_table; }
    QString emptyText() const; // what the empty state says; "" when the table is shown
    // The row's event index in the list given to setEvents.
    int eventIndex(int row) const;

Q_SIGNALS:
    void eventActivated(int eventIndex);

private:
    QStackedWidget *m_stack;
    QTableWidget *m_table;
    QLabel *m_empty;
    QList<int> m_eventIndexes;
    int m_count = 0;
};

} // namespace Sightline
