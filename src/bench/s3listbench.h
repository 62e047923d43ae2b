#pragma once

#include <QString>
#include <QUrl>

namespace Sightline::Bench {

// `sightline-bench s3-list --s3 URL --bucket NAME`: the whole bucket listed through S3Source's
// summary (HEAD, then ListObjectsV2 pages of 1,000 without a delimiter), the median of `runs`.
// Credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Returns the exit code.
int runS3ListBench(const QUrl &endpoint, const QString &bucket, int runs);

} // namespace Sightline::Bench
