// The storage service's /storage/memory JSON: a snapshot or an error message, never a crash.

#include "sources/memory/storageserviceclient.h"

using namespace Sightline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<MemorySnapshot> snapshot = parseMemoryResponse(body, &error);
    if (!snapshot && error.isEmpty())
        __builtin_trap();
    return 0;
}
