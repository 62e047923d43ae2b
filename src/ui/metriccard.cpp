#include "metriccard.h"

#include "sources/prometheus/prometheusclient.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

MetricCard::MetricCard(const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"metricCard"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(title);
    m_title = new QLabel(title, this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_query = new QLabel(this);
    m_query->setForegroundRole(QPalette::PlaceholderText);
    m_query->setTextFormat(Qt::PlainText);
    m_query->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_query->setMinimumWidth(40);
    m_query->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_query->font().pointSizeF() * 0.85);
    m_query->setFont(mono);
    m_remark = new QLabel(this);
    m_remark->setWordWrap(true);
    m_remark->setTextFormat(Qt::PlainText);
    QPalette warning = m_remark->palette();
    warning.setColor(QPalette::WindowText, QColor(0xa6, 0x5c, 0x00));
    m_remark->setPalette(warning);
    m_remark->hide();
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(70);
    m_busyBar->setMaximumHeight(10);
    m_busyBar->setTextVisible(false);
    m_busyBar->setAccessibleName(tr("Loading"));
    m_busyBar->hide();
    m_retry = new QToolButton(this);
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Run this panel's query again"));
    m_retry->hide();
    m_open = new QToolButton(this);
    m_open->setText(tr("Open in Prometheus"));
    m_open->setAutoRaise(true);
    m_copy = new QToolButton(this);
    m_copy->setIcon(QIcon(u":/icons/copy.svg"_s));
    m_copy->setText(tr("Copy link"));
    m_copy->setToolTip(tr("Copy the Prometheus link of this chart"));
    m_copy->setAutoRaise(true);
    m_chart = new MetricChart(this);
    m_chart->setMinimumHeight(220);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_busyBar);
    header->addStretch(1);
    header->addWidget(m_retry);
    header->addWidget(m_open);
    header->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_query);
    layout->addWidget(m_remark);
    layout->addWidget(m_chart, 1);

    connect(m_open, &QToolButton::clicked, this, [this] {
        if (m_link.isValid())
            Q_EMIT openLinkRequested(m_link);
    });
    connect(m_copy, &QToolButton::clicked, this, &MetricCard::copyLink);
    connect(m_retry, &QToolButton::clicked, this, &MetricCard::retryRequested);
    setLink({});
}

QString MetricCard::title() const
{
    return m_title->text();
}

void MetricCard::setQuery(const QString &query)
{
    m_query->setText(query);
    m_query->setToolTip(query);
}

void MetricCard::setRemark(const QString &remark)
{
    m_remark->setText(remark);
    m_remark->setVisible(!remark.isEmpty());
}

QString MetricCard::remark() const
{
    return m_remark->text();
}

void MetricCard::setLink(const QUrl &url, const QString &why)
{
    m_link = url;
    const bool usable = url.isValid() && !url.isEmpty();
    m_open->setEnabled(usable);
    m_copy->setEnabled(usable);
    m_open->setToolTip(usable ? url.toString() : why);
}

void MetricCard::setRetryVisible(bool visible)
{
    m_retry->setVisible(visible);
}

bool MetricCard::isRetryVisible() const
{
    return !m_retry->isHidden();
}

void MetricCard::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
}

void MetricCard::setLinkActionsVisible(bool visible)
{
    m_open->setVisible(visible);
    m_copy->setVisible(visible);
}

void MetricCard::copyLink()
{
    if (m_link.isValid() && !m_link.isEmpty())
        QGuiApplication::clipboard()->setText(m_link.toString(QUrl::FullyEncoded));
}

QList<DrilldownPanel> drilldownPanelsOf(const WorkspaceProfile &profile)
{
    return profile.drilldownSettings.panels.isEmpty() ? defaultDrilldownPanels()
                                                      : profile.drilldownSettings.panels;
}

QString prometheusErrorText(const PrometheusError &error, const QString &server)
{
    using Kind = PrometheusError::Kind;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Api:
        return MetricCard::tr("Prometheus answered with an error:\n%1").arg(error.message);
    case Kind::Network:
        return MetricCard::tr("Cannot reach Prometheus at %1:\n%2").arg(server, error.message);
    case Kind::Timeout:
        return MetricCard::tr("Prometheus at %1 did not answer in time:\n%2").arg(server, error.message);
    case Kind::Http:
        return MetricCard::tr("Prometheus at %1 answered HTTP %2:\n%3")
            .arg(server, QString::number(error.httpStatus), error.message);
    case Kind::Malformed:
        return MetricCard::tr("Prometheus at %1 sent an answer Sightline cannot read:\n%2")
            .arg(server, error.message);
    case Kind::TooLarge:
        return MetricCard::tr("The answer from Prometheus is too large:\n%1").arg(error.message);
    case Kind::Cancelled:
        return MetricCard::tr("The query was cancelled.");
    }
    return error.message;
}

QString templateProblemText(const TemplateExpansion &expansion, const QString &evaluationId)
{
    if (!expansion.missingField.isEmpty()) {
        return MetricCard::tr("This panel needs ${%1}, which evaluation %2 does not have.")
            .arg(expansion.missingField, evaluationId);
    }
    return expansion.error;
}

QList<ChartMarker> evaluationMarkers(const EvaluationDetail &detail, const QList<EvaluationEvent> &events,
                                     double originSeconds, int colorIndex)
{
    QList<ChartMarker> markers;
    const auto add = [&](qint64 ms, const QString &label, bool alert) {
        markers.append({double(ms) / 1000.0 - originSeconds, label, alert, colorIndex});
    };
    bool lifecycle = false;
    for (const EvaluationEvent &event : events) {
        if (event.category == EventCategory::Security) {
            QString label = event.type;
            if (label.startsWith(u"security."_s))
                label = label.mid(9);
            add(event.timestamp, label, true);
        } else if (event.type.startsWith(u"evaluation."_s)) {
            const QString label = event.type.mid(11);
            if (label == u"queued"_s)
                continue; // before the window; "started" is where the chart begins
            add(event.timestamp, label, false);
            lifecycle = true;
        }
    }
    if (!lifecycle) {
        if (detail.row.startedAt)
            add(*detail.row.startedAt, MetricCard::tr("started"), false);
        if (detail.row.completedAt)
            add(*detail.row.completedAt, statusName(detail.row.status), false);
    }
    return markers;
}

ChartSeries toChartSeries(const PrometheusSeries &series, const QString &expression, double originSeconds)
{
    ChartSeries chart;
    chart.label = series.labels.isEmpty() ? expression : series.displayName();
    chart.x = series.timesSeconds;
    if (originSeconds != 0) {
        for (double &x : chart.x)
            x -= originSeconds;
    }
    chart.y = series.values;
    return chart;
}

} // namespace Sightline
