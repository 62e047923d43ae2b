#pragma once

// Sightline's own metrics (prometheus-cpp) and the optional exposer.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
