#pragma once

#include <QString>
#include <QStringList>

namespace Sightline {

// The Metrics view's PromQL history for one workspace, newest first, kept in the user's settings
// (QSettings, "sightline"): at most MaxEntries, no duplicates, blank queries never.
class PromQueryHistory
{
public:
    // `workspaceKey` names the workspace: its profile file, or its name for one without a file.
    explicit PromQueryHistory(const QString &workspaceKey = {});

    void setWorkspaceKey(const QString &workspaceKey); // loads that workspace's history
    QStringList entries() const { return m_entries; }
    void add(const QString &query); // to the front (moved there when already present); saved

    static constexpr int MaxEntries = 50;

private:
    QString settingsKey() const;
    void load();
    void save() const;

    QString m_workspaceKey;
    QStringList m_entries;
};

} // namespace Sightline
