#include "uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initSightlineResources()
{
    Q_INIT_RESOURCE(sightline);
}

namespace Sightline {

void ensureUiResources()
{
    static const bool initialised = [] {
        initSightlineResources();
        return true;
    }();
    Q_UNUSED(initialised);
}

} // namespace Sightline
