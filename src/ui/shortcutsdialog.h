#pragma once

// Help → Keyboard Shortcuts: every action with a shortcut.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
