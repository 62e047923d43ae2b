#pragma once

// Shared by the store and model tests: where their databases come from.

#include "sources/seedwriter.h"

#include <QTemporaryDir>
#include <QTest>

namespace Sightline::TestSupport {

// The PostgreSQL database that scripts/test seeds with 100,000 evaluations (seed 42).
inline QString postgresUrl()
{
    return qEnvironmentVariable("SIGHTLINE_TEST_POSTGRES_URL");
}

inline const char *postgresMissingMessage()
{
    return "SIGHTLINE_TEST_POSTGRES_URL is not set: run the tests through scripts/test, which starts "
           "PostgreSQL and seeds it";
}

// Seeds a SQLite file in `dir` and returns its path (empty on failure, with the error in *error).
inline QString seedSqlite(const QTemporaryDir &dir, qint64 evaluations, quint64 seed, QString *error)
{
    SeedOptions options;
    options.generator.seed = seed;
    options.generator.evaluationCount = evaluations;
    options.generator.endTime = 1'790'000'000'000; // fixed: tests must not depend on today
    options.sqlitePath = dir.filePath(QStringLiteral("seeded.sqlite"));
    options.filesRoot = dir.filePath(QStringLiteral("files"));
    SeedWriter writer(options);
    const SeedResult result = writer.run();
    if (!result.ok()) {
        *error = result.error.message;
        return {};
    }
    return options.sqlitePath;
}

} // namespace Sightline::TestSupport
