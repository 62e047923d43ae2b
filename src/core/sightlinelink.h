#pragma once

// sightline:// links: parse and build sightline://evaluation/<id>?workspace=<name>.
// (placeholder: being written for issue 7)

namespace Sightline {
} // namespace Sightline
