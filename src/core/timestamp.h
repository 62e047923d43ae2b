#pragma once

#include "evaluation.h"

#include <QString>
#include <QStringView>

namespace Sightline {

// Parses the timestamp text that PostgreSQL (DateStyle ISO) and SQLite hold:
// "YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH[:MM]]". Text without a zone is UTC.
// Returns std::nullopt for anything else; never throws, never reads past the view.
Timestamp parseTimestamp(QStringView text);

// "2026-11-24T09:56:15.123Z": the form Sightline writes to SQLite and binds in queries, so
// that text comparison in SQLite orders the same as time does.
QString formatTimestampUtc(qint64 msecsSinceEpoch);

} // namespace Sightline
