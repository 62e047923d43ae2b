#pragma once

// Saving and restoring window geometry and dock layout.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
