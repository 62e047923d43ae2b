#pragma once

// Edit → Preferences…: language and theme.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
