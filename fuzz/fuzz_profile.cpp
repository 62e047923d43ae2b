// The workspace profile: anything either parses or gives an error with a message.

#include "core/workspaceprofile.h"

using namespace Sightline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const ProfileParseResult result = parseWorkspaceProfile(json, QStringLiteral("fuzz.json"));
    if (!result.profile && result.error.message.isEmpty())
        __builtin_trap();
    if (result.profile &&
        (result.profile->live.bufferEvents < 1000 || result.profile->live.pollIntervalMs < 50))
        __builtin_trap();
    return 0;
}
