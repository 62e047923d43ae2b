#pragma once

#include <QLocale>
#include <QString>

// Installs the translators for the language the user chose in Preferences (ui/language in
// core/appsettings.h), or the system's when none was chosen: Sightline's own catalogue and Qt's.

namespace Sightline {

// The languages Sightline has a catalogue for, besides English (the source texts).
QStringList availableTranslations(); // {"de"}

// The locale Sightline shows for a ui/language value: "" (or an unknown value) follows the system;
// "en" or "de" picks that language, keeping the system's territory when it speaks that language
// (German chosen on an Austrian system is de_AT, on an American one de_DE).
QLocale localeForLanguageSetting(const QString &setting, const QLocale &system = QLocale::system());

// Reads ui/language and installs Sightline's and Qt's translators for it (again, replacing the
// previous ones, when called a second time). A language chosen explicitly also becomes
// QLocale's default, so numbers and dates follow it. Returns the language whose catalogue was
// installed ("de"), or "en" when the source texts are shown. Needs a QCoreApplication.
QString installTranslations();

} // namespace Sightline
