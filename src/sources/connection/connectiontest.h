#pragma once

#include "core/workspaceprofile.h"

#include <QFuture>
#include <QString>

#include <atomic>
#include <memory>

namespace Sightline {

// "Test connection" for one source of a profile (the connection dialog's button per source).
// Source names as in the profile: "postgres", "sqlite", "files", "redis", "s3", "memory",
// "prometheus", "grafana". Uses the profile's secrets (WorkspaceProfile::secrets), TLS settings
// (sslmode/sslrootcert in the PostgreSQL URL, rediss:// with cacert, ca_file for HTTPS) and timeout.
struct ConnectionTestResult
{
    bool ok = false;
    double latencyMs = 0;  // connect + one round trip (SELECT 1, PING, GET …), when ok
    QString serverVersion; // "PostgreSQL 15.18", "Redis 7.0.15", "Prometheus 2.42.0", when known
    QString detail;        // ok: what was reached ("127.0.0.1:5432/crucible as reader, TLS 1.3")
    QString error;         // !ok: the server's own words, or the TLS/network reason, never a secret
};

// Runs on a worker thread; the future finishes within the profile's timeout, or soon after
// *cancel is set.
QFuture<ConnectionTestResult> testSourceConnection(const WorkspaceProfile &profile, const QString &source,
                                                   std::shared_ptr<std::atomic<bool>> cancel = {});

} // namespace Sightline
