#pragma once

#include "core/datagenerator.h"

#include <QByteArray>
#include <QString>

namespace Sightline {

// What the platform's storage service would answer to GET /storage/memory (DESIGN.md §4) for
// the `recent` newest evaluations of a seeded data set: each one's code, its cached result while
// that is under a day old, and its large output for twelve hours. Same options, same bytes.
QByteArray memoryServiceJson(const GeneratorOptions &options, qint64 recent = 3000);

// Writes memoryServiceJson() to `path`; false and `error` when the file cannot be written.
bool writeMemoryServiceJson(const QString &path, const GeneratorOptions &options, QString *error,
                            qint64 recent = 3000);

} // namespace Sightline
