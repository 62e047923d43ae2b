#pragma once

// One Sightline per user: a QLocalServer that takes links from later launches.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
