#include "apptheme.h"

#include "core/appsettings.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
Q_LOGGING_CATEGORY(lcTheme, "sightline.theme")

const QString kPortalService = u"org.freedesktop.portal.Desktop"_s;
const QString kPortalPath = u"/org/freedesktop/portal/desktop"_s;
const QString kPortalInterface = u"org.freedesktop.portal.Settings"_s;
const QString kAppearance = u"org.freedesktop.appearance"_s;
const QString kColorScheme = u"color-scheme"_s;

// The portal wraps the value in a variant, sometimes twice.
int schemeFrom(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    return ok && scheme <= 2 ? int(scheme) : -1;
}
} // namespace

ThemeChoice themeChoiceFromSetting(const QString &value)
{
    if (value == u"light"_s)
        return ThemeChoice::Light;
    if (value == u"dark"_s)
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

QString themeSetting(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return u"light"_s;
    case ThemeChoice::Dark:
        return u"dark"_s;
    case ThemeChoice::System:
        break;
    }
    return u"system"_s;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

AppTheme::AppTheme(QObject *parent)
    : QObject(parent)
{
}

AppTheme *AppTheme::instance()
{
    static AppTheme *theme = new AppTheme(qApp);
    return theme;
}

void AppTheme::applyFromSettings()
{
    apply(themeChoiceFromSetting(openAppSettings().value(kThemeKey).toString()));
}

void AppTheme::apply(ThemeChoice choice)
{
    if (!m_captured) {
        m_captured = true;
        m_platformStyle = QApplication::style() ? QApplication::style()->name() : QString();
        m_platformPalette = QApplication::palette();
    }
    m_choice = choice;
    if (choice == ThemeChoice::System)
        askPortal();
    applyPalette();
}

bool AppTheme::isDark() const
{
    return isDarkPalette(QApplication::palette());
}

void AppTheme::askPortal()
{
    if (m_portalAsked)
        return;
    m_portalAsked = true;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcTheme) << "no session bus: the platform's palette stays";
        return;
    }
    bus.connect(kPortalService, kPortalPath, kPortalInterface, u"SettingChanged"_s, this,
                SLOT(onPortalSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage call =
        QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalInterface, u"Read"_s);
    call << kAppearance << kColorScheme;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 3000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<QVariant> reply = *finished;
        if (reply.isError()) {
            qCDebug(lcTheme) << "no desktop portal answer:" << reply.error().message();
            return;
        }
        m_portalScheme = schemeFrom(reply.value());
        qCDebug(lcTheme) << "the portal's color-scheme is" << m_portalScheme;
        if (m_choice == ThemeChoice::System)
            applyPalette();
    });
}

void AppTheme::onPortalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
    if (group != kAppearance || key != kColorScheme)
        return;
    m_portalScheme = schemeFrom(value.variant());
    if (m_choice == ThemeChoice::System)
        applyPalette();
}

void AppTheme::applyPalette()
{
    bool dark = m_choice == ThemeChoice::Dark;
    bool forced = m_choice != ThemeChoice::System;
    if (m_choice == ThemeChoice::System && m_portalScheme == 1) {
        dark = true;
        forced = true;
    }
    if (forced) {
        if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(dark ? darkPalette() : lightPalette());
    } else {
        if (!m_platformStyle.isEmpty() &&
            QApplication::style()->name().compare(m_platformStyle, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(m_platformStyle));
        QApplication::setPalette(m_platformPalette);
    }
    Q_EMIT applied(isDark());
}

QPalette AppTheme::lightPalette()
{
    QPalette p;
    const QColor window(0xef, 0xf0, 0xf1);
    const QColor text(0x23, 0x26, 0x29);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x77, 0x7d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe3, 0xe5, 0xe7));
    p.setColor(QPalette::Mid, QColor(0xbc, 0xc0, 0xc4));
    p.setColor(QPalette::Dark, QColor(0x9a, 0x9f, 0xa4));
    p.setColor(QPalette::Shadow, QColor(0x47, 0x4a, 0x4c));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x7f, 0xd4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x66, 0xb8));
    p.setColor(QPalette::LinkVisited, QColor(0x7b, 0x4c, 0xb0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa4, 0xa8));
    return p;
}

QPalette AppTheme::darkPalette()
{
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor text(0xe6, 0xe8, 0xea);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x2a, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8f, 0x96, 0x9c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x56));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x44, 0x4a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0f, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x12, 0x14));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9b, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x76, 0x7c, 0x82));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

void applyTheme()
{
    AppTheme::instance()->applyFromSettings();
}

} // namespace Sightline
