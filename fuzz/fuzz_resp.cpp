// RespReader: the same values and the same error whether the bytes come at once or in chunks.

#include "fuzzsplit.h"
#include "sources/redis/respreader.h"

#include <QList>

using namespace Sightline;

namespace {
bool same(const RespValue &a, const RespValue &b)
{
    if (a.type != b.type || a.data != b.data || a.integer != b.integer ||
        a.elements.size() != b.elements.size())
        return false;
    for (qsizetype i = 0; i < a.elements.size(); ++i)
        if (!same(a.elements[i], b.elements[i]))
            return false;
    return true;
}

void drain(RespReader &reader, QList<RespValue> &out)
{
    while (std::optional<RespValue> v = reader.take())
        out.append(std::move(*v));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput in = fuzzInput(data, size);
    RespReader whole;
    whole.feed(in.body.toByteArray());
    QList<RespValue> a;
    drain(whole, a);

    RespReader chunked;
    QList<RespValue> b;
    chunked.feed(in.body.first(in.split).toByteArray());
    drain(chunked, b);
    for (qsizetype at = in.split; at < in.body.size() && !chunked.hasError(); at += in.step) {
        chunked.feed(in.body.sliced(at, qMin<qsizetype>(in.step, in.body.size() - at)).toByteArray());
        drain(chunked, b);
    }
    FUZZ_CHECK(whole.hasError() == chunked.hasError());
    if (!whole.hasError()) {
        FUZZ_CHECK(a.size() == b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            FUZZ_CHECK(same(a[i], b[i]));
    }
    return 0;
}
