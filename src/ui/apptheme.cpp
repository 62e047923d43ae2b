#include "apptheme.h"

namespace Sightline {
} // namespace Sightline
