#pragma once

namespace Sightline {

// Registers the icons of resources/sightline.qrc. They are compiled into the static sightline_ui
// library, whose resource initialiser the linker drops unless something references it; every
// widget that uses an icon calls this before setupUi().
void ensureUiResources();

} // namespace Sightline
