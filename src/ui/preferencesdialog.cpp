#include "preferencesdialog.h"

namespace Sightline {
} // namespace Sightline
