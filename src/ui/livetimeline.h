#pragma once

#include "core/liveevent.h"
#include "sources/live/liveeventhub.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Sightline {

class LiveEventModel;

// The Live Events time axis: one lane per LiveLane, events as marks coloured by severity. When
// there are more events in view than can be told apart, each pixel column of a lane shows how many
// there are and the worst severity among them, so a million buffered events repaint in a few ms
// (whole batches outside the view are skipped by their time range). The axis follows the clock,
// not the events' timestamps, so a far-future clock cannot stretch it. Follow mode keeps now at
// the right edge; dragging, the wheel or the arrow keys pan (and leave follow); Ctrl+wheel and
// +/− zoom. A click selects an event (eventClicked), a double-click or Enter activates it.
// Gaps (a source was not listening) are hatched bands labelled with the source.
class LiveTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit LiveTimeline(QWidget *parent = nullptr);
    ~LiveTimeline() override;

    void setModel(LiveEventModel *model);

    bool isFollowing() const { return m_follow; }
    void setFollowing(bool follow);
    qint64 spanMs() const { return m_spanMs; }
    void setSpanMs(qint64 span);
    void zoomBy(double factor, std::optional<qint64> anchorMs = {});
    void panBy(qint64 ms); // leaves follow
    // Shows [start, end] (leaves follow).
    void showRange(qint64 startMs, qint64 endMs);
    qint64 viewStartMs() const;
    qint64 viewEndMs() const;

    void addGap(const LiveGap &gap); // opened (toMs 0) or closed; matched by source and fromMs
    void clearGaps();
    const QList<LiveGap> &gaps() const { return m_gaps; }

    // The selected event's key (LiveEventModel::SeqRole); 0 with no selection is fine (hasSelection).
    void setSelectedKey(std::optional<quint64> key);
    std::optional<quint64> selectedKey() const { return m_selected; }

    // What was drawn last, for tests and the status line.
    qint64 drawnEventCount() const { return m_drawnEvents; }
    bool drewAggregates() const { return m_drewAggregates; }
    double lastPaintMs() const { return m_lastPaintMs; }
    // Where the event with `key` is drawn; nullopt when it is not in view.
    std::optional<QPointF> markPosition(quint64 key) const;
    // The clock the axis follows (ms since the epoch); tests may replace it.
    void setClock(std::function<qint64()> clock);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QString formatTickLabel(qint64 ms, qint64 stepMs);

Q_SIGNALS:
    void eventClicked(quint64 key);
    void eventActivated(quint64 key);
    void followingChanged(bool following);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Layout
    {
        QRectF plot;
        qreal laneHeight = 0;
        qreal axisY = 0;
    };
    Layout layout() const;
    qint64 now() const;
    qint64 endTime() const;
    qreal xFor(qint64 ms, const Layout &l) const;
    qint64 timeAt(qreal x, const Layout &l) const;
    // Visits every held event whose axis time is within [from, to] and passes the model's filter.
    template<typename F>
    void forEachEventIn(qint64 from, qint64 to, F &&visit) const;
    std::optional<quint64> eventAt(const QPointF &pos) const;
    void paintGaps(QPainter &painter, const Layout &l);
    void paintEvents(QPainter &painter, const Layout &l);
    void paintGapLabels(QPainter &painter, const Layout &l);
    // Per lane and pixel column: how many events and the worst severity among them.
    struct Cells
    {
        int columns = 0;
        std::vector<quint32> counts;
        std::vector<quint8> ranks;
        qint64 total = 0;
    };
    void aggregate(Cells &cells, const Layout &l) const;
    void digestPending();

    // A batch summarised in BucketMs slots (per lane: count, worst severity), so that zoomed out
    // a repaint adds up slots instead of visiting every event again. Keyed by the batch's address
    // and checked through the weak pointer, since the ring may free a batch at any time.
    static constexpr qint64 BucketMs = 20;
    struct Bucket
    {
        std::array<quint32, 6> counts{};
        std::array<quint8, 6> ranks{};
    };
    struct Digest
    {
        std::weak_ptr<const LiveEventBatch> batch;
        qint64 firstBucket = 0;
        std::vector<Bucket> buckets;
    };
    std::unordered_map<const LiveEventBatch *, Digest> m_digests;
    std::vector<std::weak_ptr<const LiveEventBatch>> m_toDigest;

    QPointer<LiveEventModel> m_model;
    std::function<qint64()> m_clock;
    bool m_follow = true;
    qint64 m_spanMs = 2 * 60 * 1000;
    qint64 m_endMs = 0; // the right edge when not following
    QList<LiveGap> m_gaps;
    std::optional<quint64> m_selected;
    QTimer m_tick; // moves the axis on while following, and repaints new events a few times a second
    bool m_dirty = true;
    QPointF m_pressPos;
    qint64 m_pressEnd = 0;
    bool m_dragging = false;
    qint64 m_drawnEvents = 0;
    bool m_drewAggregates = false;
    double m_lastPaintMs = 0;
};

} // namespace Sightline
