#pragma once

// The first two bytes of a fuzz input choose where to split the rest, so streaming parsers are
// fed the same body in different chunkings.

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

struct FuzzInput
{
    QByteArrayView body;
    qsizetype split = 0; // 0 <= split <= body.size()
    int step = 1;        // a chunk size for feeding the rest, 1..64
};

inline FuzzInput fuzzInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    if (size < 2) {
        in.body = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
        return in;
    }
    in.body = QByteArrayView(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2);
    in.split = in.body.isEmpty() ? 0 : qsizetype(data[0]) * 257 % (in.body.size() + 1);
    in.step = 1 + data[1] % 64;
    return in;
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            __builtin_trap();                                                                                \
    } while (false)
