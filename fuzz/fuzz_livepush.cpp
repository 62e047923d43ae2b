// LivePushScanner: the same pushes (kind, channel, payload) whether the bytes come at once or in
// chunks of any size.

#include "fuzzsplit.h"
#include "sources/live/livepushscanner.h"

#include <QList>

#include <cstring>

using namespace Sightline;

namespace {
struct Seen
{
    int kind;
    QByteArray pattern, channel, payload, text;
    bool operator==(const Seen &) const = default;
};

// Feeds [from, to) and collects every complete item; false once the scanner failed.
bool feed(LivePushScanner &scanner, QByteArrayView bytes, QList<Seen> &out)
{
    qsizetype available = 0;
    char *space = scanner.writeSpace(bytes.size(), available);
    FUZZ_CHECK(available >= bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(space, bytes.data(), size_t(bytes.size()));
    scanner.commit(bytes.size());
    for (;;) {
        const LivePushScanner::Item item = scanner.next();
        if (item.kind == LivePushScanner::Kind::NeedMore)
            return true;
        if (item.kind == LivePushScanner::Kind::Protocol)
            return false;
        out.append({int(item.kind), item.pattern.toByteArray(), item.channel.toByteArray(),
                    item.payload.toByteArray(), item.text.toByteArray()});
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput in = fuzzInput(data, size);
    LivePushScanner whole;
    QList<Seen> a;
    const bool wholeOk = feed(whole, in.body, a);

    LivePushScanner chunked;
    QList<Seen> b;
    bool chunkedOk = feed(chunked, in.body.first(in.split), b);
    for (qsizetype at = in.split; chunkedOk && at < in.body.size(); at += in.step)
        chunkedOk = feed(chunked, in.body.sliced(at, qMin<qsizetype>(in.step, in.body.size() - at)), b);
    FUZZ_CHECK(wholeOk == chunkedOk);
    if (wholeOk)
        FUZZ_CHECK(a == b);
    return 0;
}
