#pragma once

#include "core/evaluation.h"
#include "core/workspaceprofile.h"

#include <QToolButton>
#include <QUrl>

namespace Sightline {

// "Open in Grafana": one entry per dashboard of the profile's drill-down, each link carrying the
// evaluation's query window (from/to) and its fields as dashboard variables, plus "Copy link".
// When Grafana is not configured, or a dashboard's variable names a field the evaluation lacks,
// the button (or that entry) is disabled and says exactly what is missing. Links are computed
// when used, so a running evaluation's window ends at the moment of the click.
class GrafanaLinkButton : public QToolButton
{
    Q_OBJECT
public:
    explicit GrafanaLinkButton(QWidget *parent = nullptr);

    void setEvaluation(const WorkspaceProfile &profile, const EvaluationDetail &detail);

    struct Link
    {
        QString title;
        QUrl url;
        QString error; // non-empty: this dashboard cannot be opened, and why
    };
    QList<Link> links(qint64 nowMs) const;
    QString disabledReason() const { return m_reason; } // empty when the button works

    void openLink(int dashboard); // opens (through openExternalLink) and emits linkOpened
    void copyLink(int dashboard);

Q_SIGNALS:
    void linkOpened(const QUrl &url);
    void linkCopied(const QUrl &url);

private:
    void rebuild();

    WorkspaceProfile m_profile;
    std::optional<EvaluationDetail> m_detail;
    QString m_reason;
};

} // namespace Sightline
