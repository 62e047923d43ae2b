#include "windowstate.h"

namespace Sightline {
} // namespace Sightline
