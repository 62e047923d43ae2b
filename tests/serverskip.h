#pragma once

#include <QTest>

// A test that needs a server (or the seeded data) scripts/test provides: without it, skip with
// the reason; on CI (CI=true), which provides every server, fail instead, so nothing silently
// stops running there.
#define SIGHTLINE_SKIP_OR_FAIL(reason)                                                                       \
    do {                                                                                                     \
        if (qEnvironmentVariable("CI") == QLatin1String("true"))                                             \
            QFAIL(reason);                                                                                   \
        QSKIP(reason);                                                                                       \
    } while (false)
