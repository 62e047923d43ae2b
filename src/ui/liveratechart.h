#pragma once

#include "core/liveevent.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace Sightline {

class LiveEventModel;

// Events per second per lane over the last few minutes (the model's LiveEventRate), stacked,
// custom painted, redrawn a few times a second at most. The legend gives each lane's mean rate
// over the last 10 s.
class LiveRateChart : public QWidget
{
    Q_OBJECT
public:
    explicit LiveRateChart(QWidget *parent = nullptr);

    void setModel(LiveEventModel *model);
    void setWindowSeconds(int seconds); // how much history is drawn (at most the rate's window)
    int windowSeconds() const { return m_seconds; }
    void setClock(std::function<qint64()> clock); // ms since the epoch

    // Events per second of all lanes together over the last complete second, for the status line.
    double currentRate() const;
    // The stacked peak drawn last (the y range), for tests.
    quint32 drawnPeak() const { return m_drawnPeak; }

    static QColor laneColor(LiveLane lane);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QPointer<LiveEventModel> m_model;
    std::function<qint64()> m_clock;
    int m_seconds = 120; // the timeline's default span, so the two read alike
    QTimer m_tick;
    quint32 m_drawnPeak = 0;
};

} // namespace Sightline
