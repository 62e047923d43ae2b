#pragma once

#include <QLatin1StringView>
#include <QSettings>

namespace Sightline {

// The one settings file of the GUI: ~/.config/sightline/sightline.ini (INI). Keys:
//   recent/...                   Recent Workspaces
//   ui/language                  "" (follow the system), "en" or "de"
//   ui/theme                     "system", "light" or "dark"
//   windows/<name>/geometry      QWidget::saveGeometry()
//   windows/<name>/state         QMainWindow::saveState() (docks and toolbars)
inline QSettings openAppSettings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("sightline"),
                     QStringLiteral("sightline"));
}

inline constexpr QLatin1StringView kLanguageKey{"ui/language"};
inline constexpr QLatin1StringView kThemeKey{"ui/theme"};

// A QCoreApplication property: the program and arguments main() starts once the event loop has
// ended and the session is gone (Preferences → Restart Now).
inline constexpr char kRestartProperty[] = "sightlineRestartCommand";

} // namespace Sightline
