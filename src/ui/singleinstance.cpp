#include "singleinstance.h"

namespace Sightline {
} // namespace Sightline
