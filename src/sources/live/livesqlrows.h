#pragma once

// The events table read for the Live Events view: by polling (new rows by id) and for history
// (older rows by id), in PostgreSQL and SQLite alike.

#include "core/liveevent.h"
#include "core/workspaceprofile.h"

#include <QString>
#include <QVariantList>

#include <memory>

namespace Sightline {

class SqlConnection;

// A connection to the profile's relational store (PostgreSQL preferred), read-only; null when the
// profile has none.
std::unique_ptr<SqlConnection> openLiveStore(const WorkspaceProfile &profile);

// "SELECT id, evaluation_id, type, category, severity, ts, data FROM events" with the profile's
// names, quoted.
QString liveEventsSelect(const SchemaNames &schema);
QString liveIdColumn(const SchemaNames &schema);

// One row of the SELECT above as a record. `checkSkew`: flag a ts far from receivedAt (new rows);
// history rows are old by nature and are not flagged.
void appendLiveEventRow(LiveEventBatch &batch, const QVariantList &row, LiveSource source, qint64 receivedAt,
                        bool checkSkew);

} // namespace Sightline
