#pragma once

// Installs the translators for the language the user chose in Preferences (ui/language in
// core/appsettings.h), or the system's when none was chosen: Sightline's own catalogue and Qt's.
// (placeholder: being written for issue 7)

namespace Sightline {

void installTranslations();

} // namespace Sightline
