#pragma once

#include "core/evaluation.h"
#include "evaluationphases.h"

#include <QList>
#include <QWidget>

#include <optional>

class QTimer;

namespace Sightline {

// A time axis with the lifecycle phases as bars and the events as marks, one lane per category
// (security events as red diamonds with a label). Hover shows an event, a click or Left/Right
// selects one (eventSelected), Ctrl+wheel or +/− zoom, 0 resets, a wheel pans when zoomed. A
// running evaluation's axis ends now and moves with the clock while the widget is visible.
class EvaluationTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit EvaluationTimeline(QWidget *parent = nullptr);
    ~EvaluationTimeline() override;

    // `events` in time order (the Events tab's order: index i here is row i there).
    void setEvaluation(const EvaluationRow &row, const QList<EvaluationEvent> &events);
    void clear();

    const EvaluationPhases &phases() const { return m_phases; }
    int currentEvent() const { return m_current; }
    void setCurrentEvent(int index); // -1: none; does not emit eventSelected

    void zoomBy(double factor, std::optional<qint64> anchorMs = {});
    void resetZoom();
    double zoom() const;

    // What is drawn, for tests.
    QString message() const; // "Queued: it has not started yet…", "" when the axis is drawn
    QStringList tickLabels() const;
    QRectF eventMarkRect(int index) const; // empty when the event is not in view
    qint64 viewStartMs() const { return m_viewStart; }
    qint64 viewEndMs() const { return m_viewEnd; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int MarkRadius = 5;
    static QColor securityColor();
    static QString formatTickLabel(qint64 ms, qint64 stepMs, bool withDate);
    // A step of 1, 2 or 5 × 10ⁿ ms (or 15 s, 30 s, 15 min, 3 h, 6 h, 12 h, days) giving at most
    // `maxTicks` ticks over `spanMs`.
    static qint64 niceTickStep(qint64 spanMs, int maxTicks);

Q_SIGNALS:
    void eventSelected(int index);  // by a click or the keyboard
    void eventActivated(int index); // double-click or Enter
    void phasesChanged();           // a new evaluation, or the clock moved a running one on

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Lane
    {
        EventCategory category;
        QString title;
    };
    struct Layout
    {
        QRectF plot;     // where the time axis runs (x), below the tick labels
        qreal axisY = 0; // baseline of the tick labels
        QRectF phaseRow; // the phase bars
        QList<QRectF> lanes;
    };

    void recompute();
    void updateTimer();
    void tick();
    void ensureVisible(int index);
    void selectEvent(int index, bool emitSignal);
    Layout layout() const;
    QRectF markRect(int index, const Layout &layout) const;
    QList<qint64> ticks(qint64 *step) const;
    qreal xFor(qint64 ms, const QRectF &plot) const;
    qint64 msAt(qreal x, const QRectF &plot) const;
    int laneOf(const EvaluationEvent &event) const;
    int eventAt(const QPointF &pos) const;
    void clampView();
    QString tooltipFor(int index) const;
    qint64 nowMs() const;

    EvaluationRow m_row;
    QList<EvaluationEvent> m_events;
    EvaluationPhases m_phases;
    QList<Lane> m_lanes;
    bool m_hasData = false;
    qint64 m_fullStart = 0; // the whole evaluation, with a margin
    qint64 m_fullEnd = 0;
    qint64 m_viewStart = 0; // what is on screen
    qint64 m_viewEnd = 0;
    int m_current = -1;
    int m_hover = -1;
    std::optional<QPointF> m_dragFrom;
    qint64 m_dragViewStart = 0;
    QTimer *m_clock;
};

} // namespace Sightline
