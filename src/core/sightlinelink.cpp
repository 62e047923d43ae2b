#include "sightlinelink.h"

namespace Sightline {
} // namespace Sightline
