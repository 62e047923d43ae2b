#include "evaluationcarddelegate.h"

#include "core/format.h"
#include "models/evaluationtablemodel.h"
#include "statuspill.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr int Padding = 12;
constexpr int LineGap = 4;
constexpr qreal Radius = 6.0;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QString joinNonEmpty(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(u"  ·  "_s);
}
} // namespace

EvaluationCardDelegate::EvaluationCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize EvaluationCardDelegate::cardSize(const QFontMetrics &metrics)
{
    // Four lines of text plus padding; wide enough for a typical id and a pill side by side.
    const int lines = 4;
    const int height = Padding * 2 + lines * metrics.height() + (lines - 1) * LineGap + 4;
    const int width = qMax(280, metrics.averageCharWidth() * 40);
    return {width + 2 * Margin, height + 2 * Margin};
}

QSize EvaluationCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QSize size = cardSize(option.fontMetrics);
    if (m_cardWidth > 0)
        size.setWidth(m_cardWidth);
    return size;
}

void EvaluationCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const QRect card = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool active = option.state & QStyle::State_Active;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QColor base = palette.color(QPalette::Base);
    const QColor highlight =
        palette.color(active ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
    QColor background = base;
    QColor border = mix(base, palette.color(QPalette::Text), 0.18);
    qreal borderWidth = 1.0;
    if (selected) {
        background = mix(base, highlight, 0.12);
        border = highlight;
        borderWidth = 2.0;
    } else if (hovered) {
        border = mix(base, palette.color(QPalette::Text), 0.35);
    }
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    painter->fillPath(path, background);
    painter->setPen(QPen(border, borderWidth));
    painter->drawPath(path);
    if (focused && !selected) {
        // Keyboard focus without selection (Ctrl+arrows) must still be visible.
        painter->setPen(QPen(highlight, 1.0, Qt::DashLine));
        painter->drawRoundedRect(QRectF(card).adjusted(2.5, 2.5, -2.5, -2.5), Radius - 2, Radius - 2);
    }

    if (!index.data(EvaluationTableModel::LoadedRole).toBool()) {
        paintPlaceholder(painter, card, option);
        painter->restore();
        return;
    }

    const QRect inner = card.adjusted(Padding, Padding, -Padding, -Padding);
    const QFontMetrics metrics = option.fontMetrics;
    const int lineHeight = metrics.height();
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = mix(base, text, 0.62);

    // Line 1: id (bold, monospace) and the status pill on the right.
    const QString statusText = index.siblingAtColumn(int(EvaluationColumn::Status)).data().toString();
    const QColor statusColor = index.data(EvaluationTableModel::StatusColorRole).value<QColor>();
    painter->setFont(option.font);
    const QSize pill = Pill::sizeHint(metrics, statusText);
    const QRect pillRect(inner.right() - pill.width() + 1, inner.top(), pill.width(), lineHeight + 2);
    Pill::paint(painter, pillRect, statusText, statusColor, palette);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(option.font.pointSizeF());
    mono.setBold(true);
    painter->setFont(mono);
    painter->setPen(text);
    const QRect idRect(inner.left(), inner.top(), pillRect.left() - inner.left() - 8, lineHeight + 2);
    const QString id = index.data(EvaluationTableModel::EvaluationIdRole).toString();
    painter->drawText(idRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(mono).elidedText(id, Qt::ElideMiddle, idRect.width()));

    painter->setFont(option.font);
    int y = inner.top() + lineHeight + 2 + LineGap + 2;
    auto drawLine = [&](const QString &left, const QString &right, const QColor &color) {
        const QRect line(inner.left(), y, inner.width(), lineHeight);
        int rightWidth = 0;
        if (!right.isEmpty()) {
            rightWidth = metrics.horizontalAdvance(right);
            painter->setPen(muted);
            painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, right);
        }
        painter->setPen(color);
        const int leftWidth = line.width() - (rightWidth ? rightWidth + 12 : 0);
        painter->drawText(QRect(line.left(), line.top(), leftWidth, line.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(left, Qt::ElideRight, leftWidth));
        y += lineHeight + LineGap;
    };

    const QVariant duration = index.data(EvaluationTableModel::DurationSecondsRole);
    const QString durationText = duration.isValid() ? formatDuration(duration.toDouble()) : QString();
    drawLine(index.data(EvaluationTableModel::EngineRole).toString(), durationText, text);

    const QString worker = index.data(EvaluationTableModel::WorkerRole).toString();
    drawLine(worker.isEmpty() ? tr("no worker yet") : tr("on %1").arg(worker), QString(), muted);

    const qint64 created = index.data(EvaluationTableModel::CreatedAtRole).toLongLong();
    const QString age = created > 0 ? formatAge(QDateTime::currentMSecsSinceEpoch() - created) : QString();
    const QString submitter = index.data(EvaluationTableModel::SubmittedByRole).toString();
    drawLine(joinNonEmpty({submitter, index.data(EvaluationTableModel::BatchRole).toString()}), age, muted);

    painter->restore();
}

void EvaluationCardDelegate::paintPlaceholder(QPainter *painter, const QRect &card,
                                              const QStyleOptionViewItem &option) const
{
    // Grey bars where the text will be, so a card that is still loading is never mistaken for data.
    const QPalette &palette = option.palette;
    const QColor bar = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.09);
    const QRect inner = card.adjusted(Padding, Padding, -Padding, -Padding);
    const int lineHeight = option.fontMetrics.height();
    const int widths[] = {inner.width() * 3 / 5, inner.width() * 2 / 5, inner.width() / 3, inner.width() / 2};
    int y = inner.top();
    painter->setPen(Qt::NoPen);
    painter->setBrush(bar);
    for (int i = 0; i < 4; ++i) {
        painter->drawRoundedRect(QRect(inner.left(), y + 3, widths[i], lineHeight - 6), 3, 3);
        y += lineHeight + LineGap + (i == 0 ? 2 : 0);
    }
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(inner, Qt::AlignRight | Qt::AlignBottom, tr("loading…"));
}

} // namespace Sightline
