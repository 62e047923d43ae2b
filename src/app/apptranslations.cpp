#include "apptranslations.h"

namespace Sightline {

void installTranslations() {}

} // namespace Sightline
