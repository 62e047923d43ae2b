// The S3 ListObjectsV2 and error XML parsers: anything is a result or an error, never a crash.

#include "sources/s3/s3xml.h"

using namespace Sightline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    parseListObjectsV2(xml);
    S3ErrorInfo error;
    parseS3Error(xml, &error);
    return 0;
}
