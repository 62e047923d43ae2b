#include "metrics.h"

namespace Sightline {
} // namespace Sightline
