#include "shortcutsdialog.h"

namespace Sightline {
} // namespace Sightline
