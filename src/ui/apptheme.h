#pragma once

// Light and dark palettes, following the system unless Preferences says otherwise.

#include <QObject>
#include <QPalette>
#include <QString>

class QDBusVariant;

namespace Sightline {

enum class ThemeChoice { System, Light, Dark };

ThemeChoice themeChoiceFromSetting(const QString &value); // anything unknown: System
QString themeSetting(ThemeChoice choice);                 // "system", "light", "dark"
// Whether a palette is a dark one (its window colour is dark): for colours a widget picks itself.
bool isDarkPalette(const QPalette &palette);

// Applies ui/theme to the application. Light and Dark use the Fusion style (so the palette is
// honoured everywhere) with Sightline's palettes; System asks the XDG desktop portal's
// org.freedesktop.appearance color-scheme asynchronously over D-Bus and follows its changes, and
// without a portal keeps the platform's own palette (GTK/KDE themes give a dark one themselves).
class AppTheme final : public QObject
{
    Q_OBJECT
public:
    static AppTheme *instance();

    // Reads ui/theme from the settings and applies it.
    void applyFromSettings();
    void apply(ThemeChoice choice);
    ThemeChoice choice() const { return m_choice; }
    bool isDark() const; // what is on screen now

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void applied(bool dark);

private Q_SLOTS:
    void onPortalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    explicit AppTheme(QObject *parent = nullptr);
    void askPortal();
    void applyPalette();

    ThemeChoice m_choice = ThemeChoice::System;
    int m_portalScheme = -1; // -1: no answer (yet); 0 no preference, 1 dark, 2 light
    bool m_portalAsked = false;
    bool m_captured = false;
    QString m_platformStyle;
    QPalette m_platformPalette;
};

// Applies the saved theme: once at start, before the first window shows.
void applyTheme();

} // namespace Sightline
