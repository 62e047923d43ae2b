#pragma once

#include "core/datagenerator.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace Sightline {

// `sightline seed --publish RATE`: the options it adds to `sightline seed` (--publish, --redis,
// --channel, --pg-channel, --publish-seconds, --publish-count, --publish-first-id,
// --publish-bad-share; --postgres is seed's own).
QList<QCommandLineOption> publishOptions();

// Publishes platform events (LiveEventPublisher) as the parsed options say, for the evaluations
// `generator` describes, until the count, the duration or Ctrl+C; progress on stderr once a
// second. Returns the exit code: 0, 1 on failure, 2 for bad usage, 130 when interrupted.
int runPublishCommand(const QCommandLineParser &parser, const GeneratorOptions &generator);

} // namespace Sightline
