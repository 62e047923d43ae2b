#include "promqueryhistory.h"

#include "core/appsettings.h"

#include <QCryptographicHash>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Sightline {

PromQueryHistory::PromQueryHistory(const QString &workspaceKey)
{
    setWorkspaceKey(workspaceKey);
}

void PromQueryHistory::setWorkspaceKey(const QString &workspaceKey)
{
    m_workspaceKey = workspaceKey;
    load();
}

QString PromQueryHistory::settingsKey() const
{
    // Paths hold '/' (a group separator for QSettings): a digest names the workspace instead.
    const QByteArray digest =
        QCryptographicHash::hash(m_workspaceKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(20);
    return u"metrics/history-"_s + QString::fromLatin1(digest);
}

void PromQueryHistory::load()
{
    m_entries.clear();
    if (m_workspaceKey.isEmpty())
        return;
    QSettings settings = openAppSettings();
    const QStringList stored = settings.value(settingsKey()).toStringList();
    for (const QString &query : stored) {
        if (!query.trimmed().isEmpty() && !m_entries.contains(query) && m_entries.size() < MaxEntries)
            m_entries.append(query);
    }
}

void PromQueryHistory::save() const
{
    if (m_workspaceKey.isEmpty())
        return;
    QSettings settings = openAppSettings();
    settings.setValue(settingsKey(), m_entries);
    settings.sync();
}

void PromQueryHistory::add(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return;
    m_entries.removeAll(trimmed);
    m_entries.prepend(trimmed);
    while (m_entries.size() > MaxEntries)
        m_entries.removeLast();
    save();
}

} // namespace Sightline
