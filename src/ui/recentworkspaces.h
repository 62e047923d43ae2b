#pragma once

#include <QString>
#include <QStringList>

namespace Sightline {

// File → Recent Workspaces: the profiles opened last, most recent first, at most MaxEntries, kept
// in the user's settings (QSettings, "sightline"). Only paths are stored, never a secret; the demo
// workspace is the entry DemoEntry.
class RecentWorkspaces
{
public:
    RecentWorkspaces(); // loads

    static constexpr int MaxEntries = 10;
    static QString demoEntry(); // ":demo": not a path, so it can never clash with one

    QStringList entries() const { return m_entries; }
    void add(const QString &pathOrDemo); // to the front (moved there when present); saved
    void remove(const QString &pathOrDemo);
    void clear();
    // Whether an entry can still be opened (the demo always can).
    static bool exists(const QString &entry);

private:
    void save() const;

    QStringList m_entries;
};

} // namespace Sightline
