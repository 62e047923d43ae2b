#pragma once

#include "core/evaluationquery.h"

#include <QWidget>

#include <memory>

class QTimer;
class QMenu;

namespace Sightline {

namespace Ui {
class EvaluationFilterBar;
}

// Search, status and created-date filters for the evaluations browser. Emits filterChanged when
// the filter the user sees differs from the last one emitted: typing is debounced so that a query
// runs once the user pauses, not once per key.
class EvaluationFilterBar : public QWidget
{
    Q_OBJECT
public:
    enum class DateRange { AnyTime, Last24Hours, Last7Days, Last14Days, Last30Days, Custom };
    Q_ENUM(DateRange)

    explicit EvaluationFilterBar(QWidget *parent = nullptr);
    ~EvaluationFilterBar() override;

    EvaluationFilter filter() const; // computed now: "last 24 hours" is relative to the call
    bool isFiltering() const;
    void clear(); // back to every evaluation; emits filterChanged at once
    void focusSearch();
    void setDateRange(DateRange range);
    void setStatuses(const QList<EvaluationStatus> &statuses);

    static constexpr int SearchDebounceMs = 250;

Q_SIGNALS:
    void filterChanged(const Sightline::EvaluationFilter &filter);

private:
    void scheduleEmit(int delayMs);
    void emitIfChanged();
    void updateStatusButton();
    void updateDateEditsVisibility();

    std::unique_ptr<Ui::EvaluationFilterBar> m_ui;
    QMenu *m_statusMenu;
    QTimer *m_debounce;
    EvaluationFilter m_lastEmitted;
    int m_lastEmittedRange = 0; // index of the date choice last emitted
    bool m_blockEmits = false;
};

} // namespace Sightline
