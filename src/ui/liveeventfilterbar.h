#pragma once

#include "core/liveeventfilter.h"

#include <QWidget>

#include <array>

class QHBoxLayout;
class QLineEdit;
class QTimer;
class QToolButton;

namespace Sightline {

// What the Live Events view shows: category (lane) and severity toggles, type, evaluation id and
// free-text fields (debounced, so a filter is rebuilt once the user pauses, not once per key), and
// Clear. Emits filterChanged only when the filter really changed.
class LiveEventFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LiveEventFilterBar(QWidget *parent = nullptr);

    LiveEventFilter filter() const;
    void setFilter(const LiveEventFilter &filter); // emits filterChanged at once when it differs
    void clear();
    void focusSearch();
    // Puts `widget` at the right end of the text fields' row (the view's Pause and Follow).
    void addTrailingWidget(QWidget *widget);

    QToolButton *laneButton(LiveLane lane) const { return m_laneButtons[size_t(lane)]; }
    QToolButton *severityButton(EventSeverity severity) const { return m_severityButtons[size_t(severity)]; }
    QLineEdit *textEdit() const { return m_text; }
    QLineEdit *typeEdit() const { return m_type; }
    QLineEdit *evaluationEdit() const { return m_evaluation; }

    static constexpr int TypingDebounceMs = 250;

Q_SIGNALS:
    void filterChanged(const Sightline::LiveEventFilter &filter);

private:
    void emitIfChanged();

    std::array<QToolButton *, LiveLaneCount> m_laneButtons{};
    std::array<QToolButton *, int(EventSeverity::Unknown) + 1> m_severityButtons{};
    QLineEdit *m_text;
    QLineEdit *m_type;
    QLineEdit *m_evaluation;
    QToolButton *m_clear;
    QHBoxLayout *m_toggleRow;
    QHBoxLayout *m_fieldRow;
    QTimer *m_debounce;
    LiveEventFilter m_lastEmitted;
    bool m_blockEmits = false;
};

} // namespace Sightline
