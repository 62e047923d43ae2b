#include "grafanalinkbutton.h"

#include "core/drilldown.h"
#include "linkopener.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace Sightline {

GrafanaLinkButton::GrafanaLinkButton(QWidget *parent)
    : QToolButton(parent)
{
    setText(tr("Open in Grafana"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setFocusPolicy(Qt::StrongFocus);
    setPopupMode(QToolButton::MenuButtonPopup);
    setMenu(new QMenu(this));
    connect(this, &QToolButton::clicked, this, [this] {
        const QList<Link> all = links(QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < all.size(); ++i) {
            if (all.at(i).error.isEmpty()) {
                openLink(i);
                return;
            }
        }
    });
    rebuild();
}

void GrafanaLinkButton::setEvaluation(const WorkspaceProfile &profile, const EvaluationDetail &detail)
{
    m_profile = profile;
    m_detail = detail;
    rebuild();
}

QList<GrafanaLinkButton::Link> GrafanaLinkButton::links(qint64 nowMs) const
{
    QList<Link> result;
    if (!m_detail)
        return result;
    const DrilldownSettings &drilldown = m_profile.drilldownSettings;
    const QueryWindowResult window = evaluationQueryWindow(m_detail->row, nowMs, drilldown.paddingSeconds);
    const QHash<QString, QString> fields = evaluationTemplateFields(*m_detail);
    for (const GrafanaDashboard &dashboard : drilldown.dashboards) {
        Link link;
        link.title = dashboard.title.isEmpty() ? dashboard.uid : dashboard.title;
        if (m_profile.grafana.url.isEmpty()) {
            link.error = tr("Add sources.grafana.url to the workspace profile");
        } else if (!window.window) {
            link.error = window.emptyReason;
        } else {
            const LinkResult url =
                grafanaDashboardUrl(m_profile.grafana.url, m_profile.grafana.orgId, dashboard,
                                    window.window->startMs, window.window->endMs, fields);
            link.url = url.url;
            link.error = url.error;
        }
        result.append(link);
    }
    return result;
}

void GrafanaLinkButton::rebuild()
{
    QMenu *entries = menu();
    entries->clear();
    m_reason.clear();
    const QList<Link> all = links(QDateTime::currentMSecsSinceEpoch());
    if (m_profile.grafana.url.isEmpty()) {
        m_reason = tr("Add sources.grafana.url to the workspace profile");
    } else if (m_profile.drilldownSettings.dashboards.isEmpty()) {
        m_reason = tr("Add dashboards to drilldown.grafana in the workspace profile");
    }
    int usable = 0;
    for (int i = 0; i < all.size(); ++i) {
        const Link &link = all.at(i);
        if (!link.error.isEmpty()) {
            QAction *broken = entries->addAction(tr("%1: %2").arg(link.title, link.error));
            broken->setEnabled(false);
            continue;
        }
        ++usable;
        if (i > 0)
            entries->addSeparator();
        entries->addAction(tr("Open “%1”").arg(link.title), this, [this, i] { openLink(i); });
        entries->addAction(tr("Copy link to “%1”").arg(link.title), this, [this, i] { copyLink(i); });
    }
    if (m_reason.isEmpty() && usable == 0 && !all.isEmpty())
        m_reason = all.constFirst().error; // e.g. queued: no window yet, or a missing field
    if (!m_detail && m_reason.isEmpty())
        m_reason = tr("No evaluation loaded");
    setEnabled(m_reason.isEmpty());
    if (!m_reason.isEmpty()) {
        setToolTip(tr("Grafana: %1").arg(m_reason));
    } else {
        const Link first = [&] {
            for (const Link &link : all) {
                if (link.error.isEmpty())
                    return link;
            }
            return Link{};
        }();
        setToolTip(all.size() > 1
                       ? tr("Open “%1” in Grafana for this evaluation's time window; the menu has "
                            "the other dashboards and Copy link")
                             .arg(first.title)
                       : tr("Open “%1” in Grafana for this evaluation's time window; the menu copies "
                            "the link")
                             .arg(first.title));
    }
    setStatusTip(toolTip());
}

void GrafanaLinkButton::openLink(int dashboard)
{
    const QList<Link> all = links(QDateTime::currentMSecsSinceEpoch());
    if (dashboard < 0 || dashboard >= all.size() || !all.at(dashboard).error.isEmpty())
        return;
    const QUrl url = all.at(dashboard).url;
    openExternalLink(url);
    Q_EMIT linkOpened(url);
}

void GrafanaLinkButton::copyLink(int dashboard)
{
    const QList<Link> all = links(QDateTime::currentMSecsSinceEpoch());
    if (dashboard < 0 || dashboard >= all.size() || !all.at(dashboard).error.isEmpty())
        return;
    const QUrl url = all.at(dashboard).url;
    QGuiApplication::clipboard()->setText(url.toString(QUrl::FullyEncoded));
    Q_EMIT linkCopied(url);
}

} // namespace Sightline
