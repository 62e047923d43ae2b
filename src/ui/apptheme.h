#pragma once

// Light and dark palettes, following the system unless Preferences says otherwise.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
