#pragma once

#include "sources/lineage/evaluationlineage.h"

#include <QWidget>

#include <array>
#include <optional>

class QGridLayout;
class QLabel;
class QTimer;

namespace Sightline {

// The Overview's "Where it lives": one line per backend of the workspace with what it holds for
// the evaluation, each with a state mark (present, absent, not configured, failed with the error
// in plain sight, checking… while waiting), the total storage footprint and the cache check.
// Answers appear as each backend gives them; TTLs count down live while the view is visible.
class LineageView : public QWidget
{
    Q_OBJECT
public:
    explicit LineageView(const WorkspaceProfile &profile, QWidget *parent = nullptr);
    ~LineageView() override;

    // Asks every backend again (a reload); the previous answers are replaced as the new ones come.
    void start(const EvaluationDetail &detail, qint64 eventCount, bool eventsTruncated);
    void cancel();

    bool isFinished() const { return m_finished; }
    const EvaluationLineage &lineage() const;
    std::optional<LineageItem> item(LineageItem::Backend backend) const;
    std::optional<CacheCheck> cacheCheck() const { return m_cache; }

    // The one-line summary for the window's header ("metadata in PostgreSQL · output file 2.3 MB ·
    // cached result in Redis, expires in 4:12 · … · 9 events"), with the TTLs as of now.
    QString headerText() const;
    // What a backend's line shows now (its text, with the error when it failed), for tests.
    QString itemText(LineageItem::Backend backend) const;
    QString stateText(LineageItem::Backend backend) const; // "present", "failed", "checking…", …
    QString footprintText() const;
    QString cacheText() const;

    static QString backendName(LineageItem::Backend backend, const WorkspaceProfile &profile);
    static QString stateName(LineageItem::State state);
    // "4:12", "1:02:03", like a clock counting down.
    static QString countdown(qint64 ms);
    // The summary with its "expires in …" brought up to `nowMs`.
    static QString liveSummary(const LineageItem &item, qint64 nowMs);

Q_SIGNALS:
    void changed();       // an answer arrived: lineage() and headerText() changed
    void countdownTick(); // a second passed with a TTL on screen: headerText() changed
    void finished();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static constexpr int BackendCount = int(LineageItem::Backend::Events) + 1;
    class ElidedText;
    struct Row
    {
        QLabel *icon = nullptr;
        QLabel *name = nullptr;
        QLabel *text = nullptr;
        ElidedText *location = nullptr;
    };

    void onItem(quint64 generation, const LineageItem &item);
    void onCache(quint64 generation, const CacheCheck &check);
    void showRow(LineageItem::Backend backend);
    void showAll();
    void showFootprint();
    void showCache();
    void tick();
    void updateTimer();
    void applyStyle();
    QPixmap stateIcon(std::optional<LineageItem::State> state) const;

    WorkspaceProfile m_profile;
    LineageProbe *m_probe;
    quint64 m_generation = 0;
    bool m_finished = false;
    std::array<std::optional<LineageItem>, BackendCount> m_items;
    std::optional<CacheCheck> m_cache;
    std::array<Row, BackendCount> m_rows;
    QLabel *m_footprint;
    QLabel *m_cacheIcon;
    QLabel *m_cacheLabel;
    QLabel *m_cacheText;
    QTimer *m_clock;
};

} // namespace Sightline
