#include "recentworkspaces.h"

#include "core/appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
const QString SettingsKey = u"workspaces/recent"_s;

QString normalized(const QString &entry)
{
    if (entry == RecentWorkspaces::demoEntry())
        return entry;
    return QDir::cleanPath(QFileInfo(entry).absoluteFilePath());
}
} // namespace

RecentWorkspaces::RecentWorkspaces()
{
    const QSettings s = openAppSettings();
    const QStringList stored = s.value(SettingsKey).toStringList();
    for (const QString &entry : stored) {
        if (!entry.isEmpty() && !m_entries.contains(entry) && m_entries.size() < MaxEntries)
            m_entries.append(entry);
    }
}

QString RecentWorkspaces::demoEntry()
{
    return u":demo"_s;
}

void RecentWorkspaces::add(const QString &pathOrDemo)
{
    if (pathOrDemo.isEmpty())
        return;
    const QString entry = normalized(pathOrDemo);
    m_entries.removeAll(entry);
    m_entries.prepend(entry);
    while (m_entries.size() > MaxEntries)
        m_entries.removeLast();
    save();
}

void RecentWorkspaces::remove(const QString &pathOrDemo)
{
    if (m_entries.removeAll(normalized(pathOrDemo)) > 0)
        save();
}

void RecentWorkspaces::clear()
{
    m_entries.clear();
    save();
}

bool RecentWorkspaces::exists(const QString &entry)
{
    return entry == demoEntry() || QFileInfo(entry).isFile();
}

void RecentWorkspaces::save() const
{
    QSettings s = openAppSettings();
    s.setValue(SettingsKey, m_entries);
    s.sync();
}

} // namespace Sightline
