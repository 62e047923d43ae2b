#include "storagesources.h"

#include "catalog/sqlcatalogsource.h"
#include "files/filesource.h"
#include "memory/memorysource.h"
#include "redis/redissource.h"
#include "s3/s3source.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// The profile's timeout reaches Redis through its URL, unless the URL sets one itself.
QString redisUrlWithTimeout(const QString &url, int timeoutSeconds)
{
    QUrl parsed(url);
    QUrlQuery query(parsed);
    if (query.hasQueryItem(u"timeout"_s))
        return url;
    query.addQueryItem(u"timeout"_s, QString::number(timeoutSeconds));
    parsed.setQuery(query);
    return parsed.toString();
}

} // namespace

StorageSources createStorageSources(const WorkspaceProfile &profile)
{
    StorageSources result;
    const int timeoutMs = profile.timeoutSeconds * 1000;

    SqlCatalogOptions sql;
    sql.schema = profile.schema;
    sql.timeoutMs = timeoutMs;
    sql.password = profile.secrets.postgresPassword;
    if (!profile.postgresUrl.isEmpty())
        result.sources.push_back(SqlCatalogSource::createPostgres(profile.postgresUrl, sql));
    else
        result.missing << storageBackendTitle(StorageBackend::PostgreSQL);
    if (!profile.sqlitePath.isEmpty())
        result.sources.push_back(SqlCatalogSource::createSqlite(profile.sqlitePath, sql));
    else if (profile.demo)
        result.missing << storageBackendTitle(StorageBackend::SQLite);

    if (!profile.redis.url.isEmpty()) {
        RedisSourceOptions redis;
        redis.delimiter = profile.redis.delimiter.toUtf8();
        redis.password = profile.secrets.redisPassword;
        result.sources.push_back(std::make_unique<RedisSource>(
            redisUrlWithTimeout(profile.redis.url, profile.timeoutSeconds), redis));
    } else {
        result.missing << storageBackendTitle(StorageBackend::Redis);
    }

    if (!profile.filesRoot.isEmpty())
        result.sources.push_back(std::make_unique<FileSource>(profile.filesRoot));
    else
        result.missing << storageBackendTitle(StorageBackend::Files);

    if (!profile.s3.endpoint.isEmpty()) {
        const S3Config s3 = S3Config::fromProfile(profile);
        if (!s3.endpoint.isValid() || s3.endpoint.host().isEmpty())
            result.problems << u"s3.endpoint: %1 is not a URL"_s.arg(
                s3.endpoint.toDisplayString(QUrl::RemoveUserInfo));
        else
            result.sources.push_back(std::make_unique<S3Source>(s3));
    } else {
        result.missing << storageBackendTitle(StorageBackend::S3);
    }

    if (!profile.memoryUrl.isEmpty()) {
        MemorySource::Options memory;
        memory.http = StorageServiceClient::Options::fromProfile(profile);
        result.sources.push_back(std::make_unique<MemorySource>(profile.memoryUrl, memory));
    } else {
        result.missing << storageBackendTitle(StorageBackend::Memory);
    }
    return result;
}

} // namespace Sightline
