#include "preferencesdialog.h"

#include "apptheme.h"
#include "core/appsettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString systemLanguageName()
{
    const QLocale system = QLocale::system();
    const QString name = system.nativeLanguageName();
    return name.isEmpty() ? QLocale::languageToString(system.language()) : name;
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(u"preferencesDialog"_s);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageBox"_s);
    m_language->addItem(tr("Follow the system (%1)").arg(systemLanguageName()), QString());
    m_language->addItem(u"English"_s, u"en"_s); // each language in its own words
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    form->addRow(tr("&Language:"), m_language);

    m_restartNote = new QLabel(tr("Takes effect when Sightline restarts."), this);
    m_restart = new QPushButton(tr("&Restart Now"), this);
    auto *restartRow = new QHBoxLayout;
    restartRow->addWidget(m_restartNote, 1);
    restartRow->addWidget(m_restart);
    form->addRow(QString(), restartRow);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"themeBox"_s);
    m_theme->addItem(tr("Follow the system"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    form->addRow(tr("&Theme:"), m_theme);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    QSettings settings = openAppSettings();
    m_startLanguage = settings.value(kLanguageKey).toString();
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_startLanguage)));
    m_theme->setCurrentIndex(qMax(
        0, m_theme->findData(themeSetting(themeChoiceFromSetting(settings.value(kThemeKey).toString())))));
    m_restartNote->setVisible(false);
    m_restart->setVisible(false);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::languageChosen);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &PreferencesDialog::themeChosen);
    connect(m_restart, &QPushButton::clicked, this, &PreferencesDialog::restartNow);
}

PreferencesDialog::~PreferencesDialog() = default;

bool PreferencesDialog::restartNoteShown() const
{
    return !m_restartNote->isHidden();
}

void PreferencesDialog::languageChosen()
{
    const QString language = m_language->currentData().toString();
    openAppSettings().setValue(kLanguageKey, language);
    const bool changed = language != m_startLanguage;
    m_restartNote->setVisible(changed);
    m_restart->setVisible(changed);
}

void PreferencesDialog::themeChosen()
{
    const ThemeChoice choice = themeChoiceFromSetting(m_theme->currentData().toString());
    openAppSettings().setValue(kThemeKey, themeSetting(choice));
    AppTheme::instance()->apply(choice);
}

void PreferencesDialog::restartNow()
{
    // The new Sightline starts once this one has closed its windows and let go of its socket.
    const QString program = QCoreApplication::applicationFilePath();
    QStringList arguments = QCoreApplication::arguments().mid(1);
    arguments.removeIf(
        [](const QString &argument) { return argument.startsWith(u"sightline:"_s, Qt::CaseInsensitive); });
    // main() starts it after the session has gone (windows, link socket, metrics port).
    qApp->setProperty(kRestartProperty, QStringList{program} + arguments);
    QTimer::singleShot(0, qApp, [] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        for (QWidget *window : windows)
            window->close();
        QCoreApplication::quit();
    });
}

} // namespace Sightline
