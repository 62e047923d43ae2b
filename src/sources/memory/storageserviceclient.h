#pragma once

#include "core/workspaceprofile.h"
#include "sources/storagesource.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace Sightline {

Q_DECLARE_LOGGING_CATEGORY(lcMemory)

// One entry of the storage service's in-memory cache (DESIGN.md §4, GET /storage/memory).
struct MemoryEntry
{
    QString key;
    QString evaluationId; // empty when the service sent null
    QString kind;
    qint64 sizeBytes = 0;
    double ageSeconds = 0;
    std::optional<double> ttlSeconds; // none: never expires
    QJsonObject fields;               // everything the service sent, for the preview
};

struct MemoryStats
{
    qint64 entries = 0;
    qint64 bytes = 0;
    qint64 hits = 0;
    qint64 misses = 0;
    qint64 evictions = 0;
};

struct MemorySnapshot
{
    QList<MemoryEntry> entries;
    MemoryStats stats;
    qint64 fetchedAtMs = 0; // when the answer arrived: TTLs count from here
};

// Parses the body of GET /storage/memory strictly: anything that is not the documented shape
// gives nullopt and a message naming the member that is wrong.
std::optional<MemorySnapshot> parseMemoryResponse(const QByteArray &body, QString *error);

struct HttpResult
{
    int status = 0; // HTTP status; 0 when no answer arrived
    QByteArray body;
    QString error; // empty on a 2xx answer read completely
    bool cancelled = false;
    double elapsedMs = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

// GETs from the platform's storage service. get() blocks its caller (a source's worker thread,
// never the GUI thread) in a local event loop; interrupt() may be called from any thread and
// aborts the request in flight.
class StorageServiceClient
{
public:
    struct Options
    {
        int timeoutMs = 10'000;
        qint64 maxResponseBytes = 32 * 1024 * 1024;
        QString
            bearerToken; // Authorization: Bearer, when set (SIGHTLINE_MEMORY_TOKEN / keychain); never logged
        QString caFile;  // extra CA certificates (PEM) for https
        const char *metricsSource = "memory"; // the source label of its requests ("grafana" for Grafana)

        // The profile's timeout, sources.memory.ca_file and token (secrets, else the environment).
        static Options fromProfile(const WorkspaceProfile &profile);
    };

    StorageServiceClient(const QUrl &baseUrl, const Options &options);

    HttpResult get(const QString &path, const StopToken &stop);
    // GET /storage/memory, parsed. On failure `error` says why (HTTP, network or shape).
    std::optional<MemorySnapshot> fetchMemory(const StopToken &stop, QString *error, bool *cancelled);

    void interrupt();
    QString describe() const; // the base URL without user info

private:
    QUrl m_baseUrl;
    Options m_options;
    QMutex m_mutex;
    QPointer<QNetworkReply> m_current; // guarded by m_mutex
};

} // namespace Sightline
