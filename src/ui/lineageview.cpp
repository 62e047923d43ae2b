#include "lineageview.h"

#include "core/format.h"
#include "sources/lineage/lineageworker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

using Backend = LineageItem::Backend;
using State = LineageItem::State;

const QColor presentColor(0x16, 0x80, 0x3d);
const QColor failedColor(0xdc, 0x26, 0x26);
const QColor warningColor(0xb4, 0x53, 0x09);
const QColor checkingColor(0x25, 0x63, 0xeb);

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// What to add to the profile for a backend that is not configured.
QString configureHint(Backend backend)
{
    switch (backend) {
    case Backend::OutputFile:
    case Backend::LogFile:
        return LineageView::tr("add sources.files.root to the workspace profile");
    case Backend::Redis:
        return LineageView::tr("add sources.redis.url to the workspace profile");
    case Backend::S3:
        return LineageView::tr("add sources.s3.endpoint and sources.s3.bucket to the workspace profile");
    case Backend::Memory:
        return LineageView::tr("add sources.memory.url to the workspace profile");
    case Backend::Relational:
    case Backend::Events:
        break;
    }
    return {};
}

enum class Mark { Present, Absent, NotConfigured, Failed, Checking, Warning };

Mark markFor(std::optional<State> state)
{
    if (!state)
        return Mark::Checking;
    switch (*state) {
    case State::Present:
        return Mark::Present;
    case State::Absent:
        return Mark::Absent;
    case State::NotConfigured:
        return Mark::NotConfigured;
    case State::Failed:
        return Mark::Failed;
    }
    return Mark::Absent;
}

QPixmap paintMark(Mark mark, const QPalette &palette, qreal dpr)
{
    constexpr int Size = 14;
    QPixmap pixmap(QSize(Size, Size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1.5, 1.5, Size - 3, Size - 3);
    const QColor grey = mix(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.45);
    switch (mark) {
    case Mark::Present: {
        p.setPen(Qt::NoPen);
        p.setBrush(presentColor);
        p.drawEllipse(r);
        QPainterPath tick;
        tick.moveTo(4.2, 7.2);
        tick.lineTo(6.2, 9.3);
        tick.lineTo(10, 4.9);
        p.setPen(QPen(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
        break;
    }
    case Mark::Failed:
    case Mark::Warning: {
        p.setPen(Qt::NoPen);
        p.setBrush(mark == Mark::Failed ? failedColor : warningColor);
        p.drawEllipse(r);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(7, 3.8), QPointF(7, 7.8));
        p.drawPoint(QPointF(7, 10.2));
        break;
    }
    case Mark::Absent:
        p.setPen(QPen(grey, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r);
        break;
    case Mark::NotConfigured:
        p.setPen(QPen(grey, 1.2, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r);
        break;
    case Mark::Checking:
        p.setPen(QPen(mix(palette.color(QPalette::Window), checkingColor, 0.35), 1.6));
        p.drawEllipse(r);
        p.setPen(QPen(checkingColor, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(r, 90 * 16, -120 * 16);
        break;
    }
    return pixmap;
}

} // namespace

// A line of muted text cut in the middle to the width it gets (paths are long): the layout never
// grows wider than the window for it. The whole text is in the tooltip.
class LineageView::ElidedText : public QWidget
{
public:
    using QWidget::QWidget;

    void setText(const QString &text)
    {
        m_text = text;
        setToolTip(text);
        updateGeometry();
        update();
    }
    QString text() const { return m_text; }
    QSize sizeHint() const override
    {
        return {qMin(fontMetrics().horizontalAdvance(m_text) + 2, 440), fontMetrics().height()};
    }
    QSize minimumSizeHint() const override { return {0, fontMetrics().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(QPalette::WindowText));
        const QString shown = fontMetrics().horizontalAdvance(m_text) <= width()
                                  ? m_text
                                  : fontMetrics().elidedText(m_text, Qt::ElideMiddle, width());
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, shown);
    }

private:
    QString m_text;
};

LineageView::LineageView(const WorkspaceProfile &profile, QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_probe(new LineageProbe(profile, this))
    , m_footprint(new QLabel(this))
    , m_cacheIcon(new QLabel(this))
    , m_cacheLabel(new QLabel(tr("Cache check"), this))
    , m_cacheText(new QLabel(this))
    , m_clock(new QTimer(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(5);
    grid->setColumnStretch(2, 1);
    for (int i = 0; i < BackendCount; ++i) {
        Row &row = m_rows[size_t(i)];
        row.icon = new QLabel(this);
        row.name = new QLabel(backendName(Backend(i), profile), this);
        row.text = new QLabel(this);
        row.text->setObjectName(u"lineageText%1"_s.arg(i));
        row.text->setTextFormat(Qt::PlainText);
        row.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.location = new ElidedText(this);
        row.location->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        grid->addWidget(row.icon, i, 0, Qt::AlignVCenter);
        grid->addWidget(row.name, i, 1);
        grid->addWidget(row.text, i, 2);
        grid->addWidget(row.location, i, 3);
    }
    m_cacheText->setObjectName(u"lineageCache"_s);
    m_cacheText->setTextFormat(Qt::PlainText);
    m_cacheText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_footprint->setObjectName(u"lineageFootprint"_s);
    m_footprint->setTextFormat(Qt::PlainText);
    grid->addWidget(m_cacheIcon, BackendCount, 0, Qt::AlignTop);
    grid->addWidget(m_cacheLabel, BackendCount, 1, Qt::AlignTop);
    grid->addWidget(m_cacheText, BackendCount, 2, 1, 2);
    grid->addWidget(m_footprint, BackendCount + 1, 1, 1, 3);
    grid->setRowMinimumHeight(BackendCount, 0);

    connect(m_probe, &LineageProbe::itemReady, this, &LineageView::onItem);
    connect(m_probe, &LineageProbe::cacheChecked, this, &LineageView::onCache);
    connect(m_probe, &LineageProbe::finished, this, [this](quint64 generation) {
        if (generation != m_generation)
            return;
        m_finished = true;
        showFootprint();
        updateTimer();
        Q_EMIT changed();
        Q_EMIT finished();
    });
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &LineageView::tick);
    applyStyle();
    showAll();
}

LineageView::~LineageView() = default;

void LineageView::start(const EvaluationDetail &detail, qint64 eventCount, bool eventsTruncated)
{
    m_finished = false;
    // Keep the previous answers on screen until their backend answers again (a reload should
    // not blank the page), but mark the whole as being checked.
    m_generation = m_probe->start(detail, eventCount, eventsTruncated);
    showFootprint();
    Q_EMIT changed();
}

void LineageView::cancel()
{
    m_probe->cancel();
}

const EvaluationLineage &LineageView::lineage() const
{
    return m_probe->lineage();
}

std::optional<LineageItem> LineageView::item(Backend backend) const
{
    return m_items[size_t(backend)];
}

void LineageView::onItem(quint64 generation, const LineageItem &item)
{
    if (generation != m_generation || int(item.backend) < 0 || int(item.backend) >= BackendCount)
        return;
    m_items[size_t(item.backend)] = item;
    showRow(item.backend);
    showFootprint();
    updateTimer();
    Q_EMIT changed();
}

void LineageView::onCache(quint64 generation, const CacheCheck &check)
{
    if (generation != m_generation)
        return;
    m_cache = check;
    showCache();
    Q_EMIT changed();
}

QString LineageView::backendName(Backend backend, const WorkspaceProfile &profile)
{
    return LineageText::backendName(backend, profile.postgresUrl.isEmpty() && !profile.sqlitePath.isEmpty());
}

QString LineageView::stateName(State state)
{
    return LineageText::stateName(state);
}

QString LineageView::countdown(qint64 ms)
{
    const qint64 s = (qMax<qint64>(0, ms) + 999) / 1000;
    const QChar zero(u'0');
    if (s < 3600)
        return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, zero);
    return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, zero).arg(s % 60, 2, 10, zero);
}

QString LineageView::liveSummary(const LineageItem &item, qint64 nowMs)
{
    if (!item.ttlMs || item.answeredAtMs <= 0)
        return item.summary;
    const qint64 left = *item.ttlMs - (nowMs - item.answeredAtMs);
    // The worker wrote "expires in 4:12" in the catalogue's language: match that translation, with
    // its countdown, so that the text keeps ticking whatever the language.
    const QString pattern = QCoreApplication::translate("Sightline::EvaluationLineage", "expires in %1");
    const qsizetype at = pattern.indexOf(u"%1"_s);
    const QRegularExpression expires(at < 0 ? QRegularExpression::escape(pattern)
                                            : QRegularExpression::escape(pattern.left(at)) +
                                                  u"\\d+(:\\d\\d)+"_s +
                                                  QRegularExpression::escape(pattern.mid(at + 2)));
    const QString live = left > 0 ? pattern.arg(countdown(left)) : tr("expired");
    QString text = item.summary;
    if (text.contains(expires))
        text.replace(expires, live);
    else if (left <= 0)
        text += u", "_s + live;
    return text;
}

QString LineageView::itemText(Backend backend) const
{
    return m_rows[size_t(backend)].text->text();
}

QString LineageView::stateText(Backend backend) const
{
    const std::optional<LineageItem> &answer = m_items[size_t(backend)];
    return answer ? stateName(answer->state) : tr("checking…");
}

QString LineageView::footprintText() const
{
    return m_footprint->text();
}

QString LineageView::cacheText() const
{
    return m_cacheText->text();
}

QString LineageView::headerText() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList parts;
    QStringList failed;
    int checking = 0;
    for (int i = 0; i < BackendCount; ++i) {
        const std::optional<LineageItem> &answer = m_items[size_t(i)];
        if (!answer) {
            ++checking;
            continue;
        }
        if (answer->state == State::Present) {
            // The header keeps to the gist; the Overview has the rest ("; status hash …",
            // the cache's entry list).
            QString gist = liveSummary(*answer, now);
            gist = gist.section(u"; "_s, 0, 0);
            if (Backend(i) == Backend::Memory)
                gist = gist.section(u" ("_s, 0, 0);
            parts << gist;
        } else if (answer->state == State::Failed)
            failed << backendName(Backend(i), m_profile);
    }
    if (!failed.isEmpty())
        parts << tr("%1 could not be checked").arg(failed.join(u", "_s));
    if (!m_finished && checking > 0)
        parts << tr("checking %n more backend(s)…", nullptr, int(checking));
    else if (!m_finished)
        parts << tr("checking…");
    return parts.join(u"  ·  "_s);
}

void LineageView::showAll()
{
    for (int i = 0; i < BackendCount; ++i)
        showRow(Backend(i));
    showCache();
    showFootprint();
}

void LineageView::showRow(Backend backend)
{
    const Row &row = m_rows[size_t(backend)];
    const std::optional<LineageItem> &answer = m_items[size_t(backend)];
    const qreal dpr = devicePixelRatioF();
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = mix(pal.color(QPalette::Window), text, 0.6);
    auto colour = [](QLabel *label, const QColor &color) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, color);
        label->setPalette(p);
    };
    row.icon->setPixmap(
        paintMark(markFor(answer ? std::optional<State>(answer->state) : std::nullopt), pal, dpr));
    QString line;
    QColor color = text;
    QString tooltip;
    if (!answer) {
        line = tr("checking…");
        color = muted;
    } else {
        switch (answer->state) {
        case State::Present:
            line = liveSummary(*answer, QDateTime::currentMSecsSinceEpoch());
            break;
        case State::Absent:
            line = answer->summary.isEmpty() ? tr("nothing here") : answer->summary;
            color = muted;
            break;
        case State::NotConfigured: {
            const QString hint = configureHint(backend);
            line = hint.isEmpty() ? tr("not configured") : tr("not configured — %1").arg(hint);
            color = muted;
            break;
        }
        case State::Failed:
            line =
                tr("could not check: %1").arg(answer->error.isEmpty() ? tr("unknown error") : answer->error);
            color = failedColor;
            tooltip = answer->error;
            break;
        }
        if (!answer->details.isEmpty())
            tooltip += (tooltip.isEmpty() ? QString() : u"\n\n"_s) + answer->details.join(u'\n');
    }
    row.text->setText(line);
    row.text->setToolTip(tooltip);
    colour(row.text, color);
    colour(row.name, answer && answer->state == State::NotConfigured ? muted : text);
    row.location->setText(answer ? answer->location : QString());
}

void LineageView::showFootprint()
{
    qint64 bytes = 0;
    int holders = 0;
    for (const std::optional<LineageItem> &answer : m_items) {
        if (answer && answer->state == State::Present && answer->bytes > 0) {
            bytes += answer->bytes;
            ++holders;
        }
    }
    QString text =
        holders == 0 ? tr("Total storage footprint: nothing measured yet")
        : holders == 1
            ? tr("Total storage footprint: %1 in 1 backend").arg(formatBytes(bytes))
            : tr("Total storage footprint: %1 in %2 backends").arg(formatBytes(bytes)).arg(holders);
    if (!m_finished)
        text += tr(" (so far; still checking)");
    m_footprint->setText(text);
}

void LineageView::showCache()
{
    const qreal dpr = devicePixelRatioF();
    const QPalette pal = palette();
    const QColor muted = mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.6);
    Mark mark = Mark::Checking;
    QString text = tr("checking…");
    QColor color = muted;
    if (m_cache) {
        using Verdict = CacheCheck::Verdict;
        text = m_cache->message;
        switch (m_cache->verdict) {
        case Verdict::Same:
            mark = Mark::Present;
            color = pal.color(QPalette::WindowText);
            text = tr("the cached result is the same as the database row");
            break;
        case Verdict::Differs:
            mark = Mark::Warning;
            color = warningColor;
            if (!m_cache->differences.isEmpty()) {
                text = tr("the cached result differs from the database row:");
                for (const QString &difference : m_cache->differences)
                    text += u"\n  • "_s + difference;
            }
            break;
        case Verdict::Expired:
            mark = Mark::Absent;
            break;
        case Verdict::NotCached:
            mark = Mark::Absent;
            break;
        case Verdict::NotConfigured:
            mark = Mark::NotConfigured;
            text = tr("not available — %1").arg(configureHint(Backend::Redis));
            break;
        case Verdict::Unknown:
            mark = Mark::Failed;
            color = failedColor;
            break;
        }
        if (text.isEmpty())
            text = tr("unknown");
    }
    m_cacheIcon->setPixmap(paintMark(mark, pal, dpr));
    m_cacheText->setText(text);
    QPalette p = m_cacheText->palette();
    p.setColor(QPalette::WindowText, color);
    m_cacheText->setPalette(p);
}

void LineageView::tick()
{
    for (int i = 0; i < BackendCount; ++i) {
        const std::optional<LineageItem> &answer = m_items[size_t(i)];
        if (answer && answer->state == State::Present && answer->ttlMs)
            showRow(Backend(i));
    }
    Q_EMIT countdownTick();
}

void LineageView::updateTimer()
{
    bool counting = false;
    for (const std::optional<LineageItem> &answer : m_items)
        counting = counting || (answer && answer->state == State::Present && answer->ttlMs);
    const bool run = counting && isVisible();
    if (run && !m_clock->isActive())
        m_clock->start();
    else if (!run)
        m_clock->stop();
}

void LineageView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    tick(); // the countdown may have been hidden for a while
    updateTimer();
}

void LineageView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void LineageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        showAll();
    }
    QWidget::changeEvent(event);
}

void LineageView::applyStyle()
{
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText,
                   mix(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.6));
    for (const Row &row : m_rows)
        row.location->setPalette(muted);
    m_footprint->setPalette(muted);
    QFont bold = font();
    bold.setBold(true);
    m_footprint->setFont(bold);
}

} // namespace Sightline
