#include "apptranslations.h"

#include "core/appsettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be used outside any namespace; the catalogues live in this static
// library, so nothing else would pull their resource in.
static void initSightlineTranslations()
{
    Q_INIT_RESOURCE(sightline_i18n_translations);
    Q_INIT_RESOURCE(sightline_i18n_english);
}

namespace Sightline {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "sightline.i18n")

// The translators installed last, so a second call (Preferences) replaces them.
QPointer<QTranslator> g_sightlineTranslator;
QPointer<QTranslator> g_qtTranslator;

void removeInstalled(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

QStringList availableTranslations()
{
    return {u"de"_s};
}

QLocale localeForLanguageSetting(const QString &setting, const QLocale &system)
{
    const QString language = setting.trimmed().toLower();
    if (language != "en"_L1 && !availableTranslations().contains(language))
        return system;
    const QLocale chosen(language);
    if (system.language() == chosen.language())
        return system;
    return chosen;
}

QString installTranslations()
{
    static const bool resourcesReady = [] {
        initSightlineTranslations();
        return true;
    }();
    Q_UNUSED(resourcesReady);

    const QString setting = openAppSettings().value(kLanguageKey).toString();
    const QLocale locale = localeForLanguageSetting(setting);
    // Numbers and dates follow a chosen language; otherwise (again) the system's.
    QLocale::setDefault(locale);

    removeInstalled(g_sightlineTranslator);
    removeInstalled(g_qtTranslator);

    // QTranslator::load(QLocale, …) walks the locale's uiLanguages(): for the system that is
    // LANGUAGE / LC_ALL / LANG, in order, so "fr:de" gets German when there is no French.
    auto *sightline = new QTranslator(QCoreApplication::instance());
    if (!sightline->load(locale, u"sightline"_s, u"_"_s, u":/i18n"_s)) {
        // English: the source texts, plus the English plural forms ("1 evaluation", "2 evaluations").
        qCDebug(lcI18n) << "no catalogue for" << locale.uiLanguages() << "- English texts";
        if (sightline->load(u"sightline_en"_s, u":/i18n"_s)) {
            QCoreApplication::installTranslator(sightline);
            g_sightlineTranslator = sightline;
        } else {
            delete sightline;
        }
        return u"en"_s;
    }
    QCoreApplication::installTranslator(sightline);
    g_sightlineTranslator = sightline;
    const QString language = QLocale(sightline->language()).name().section(u'_', 0, 0);
    if (language == "en"_L1) // the system asked for English by name: plural forms only
        return language;

    // Qt's own texts (standard buttons, file dialogs), from the system's Qt translations.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(language), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qtTranslator = qt;
    } else {
        delete qt;
        qCWarning(lcI18n) << "Qt's own catalogue qtbase_" << language << "is not installed"
                          << "(Debian: qt6-translations-l10n)";
    }
    return language;
}

} // namespace Sightline
