#pragma once

#include "core/datagenerator.h"
#include "sources/s3/sigv4signer.h"

#include <QString>
#include <QUrl>

#include <atomic>

namespace Sightline {

struct S3SeedOptions
{
    QUrl endpoint; // path-style addressing
    QString bucket;
    QString region = QStringLiteral("us-east-1");
    SigV4Credentials credentials; // from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
    GeneratorOptions generator;
    // evaluations/<id>/output.txt and artifacts/* for every Nth evaluation (0: none), plus a
    // 5 MB object and keys with control characters and non-ASCII bytes under misc/.
    qint64 every = 200;
    // Bench data: this many small objects spread over `benchPrefixes` prefixes under bench/.
    qint64 benchObjects = 0;
    int benchPrefixes = 1000;
    int inFlight = 32; // requests in flight at once
    int timeoutMs = 30000;
};

struct S3SeedResult
{
    qint64 objects = 0;
    qint64 bytes = 0;
    qint64 ms = 0;
    QString error;
    bool cancelled = false;
};

// The platform's side of S3 for tests and benchmarks: uploads (PUT) generated evaluation
// artifacts. It writes, so it is not part of the read-only S3 backend; it only borrows its signer.
// Blocks the calling thread in a local event loop (a command-line tool, never the GUI).
S3SeedResult seedS3(const S3SeedOptions &options, const std::atomic<bool> *cancel);

} // namespace Sightline
