#include "workspaceprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
// Not a QObject: lupdate files WorkspaceProfileTr::tr() under the context it looks up at run time.
struct WorkspaceProfileTr
{
    Q_DECLARE_TR_FUNCTIONS(Sightline::WorkspaceProfile)
};

// Finds where a key sits in the raw text, so errors in valid JSON can still name a line and
// column. The key is looked up along its path ("sources" → "postgres" → "url"), each part after
// the previous one, so a key that also occurs under another source is not mistaken for it.
void locateKey(const QByteArray &json, const QStringList &path, int &line, int &column)
{
    qsizetype at = 0;
    for (const QString &part : path) {
        // "promql#2": the third "promql" after the previous part (the third element of an array).
        const qsizetype hash = part.lastIndexOf(u'#');
        const int skip = hash > 0 ? part.mid(hash + 1).toInt() : 0;
        const QByteArray needle = '"' + (hash > 0 ? part.left(hash) : part).toUtf8() + '"';
        for (int i = 0; i <= skip; ++i) {
            const qsizetype found = json.indexOf(needle, i == 0 ? at : at + 1);
            if (found < 0)
                return;
            at = found;
        }
    }
    if (path.isEmpty())
        return;
    line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < at; ++i) {
        if (json[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    column = int(QString::fromUtf8(json.mid(lineStart, at - lineStart)).size()) + 1;
}

ProfileParseResult failure(const QString &file, const QByteArray &json, const QStringList &keyPath,
                           const QString &message)
{
    ProfileParseResult result;
    result.error.file = file;
    result.error.message = message;
    locateKey(json, keyPath, result.error.line, result.error.column);
    return result;
}

QString resolvePath(const QString &path, const QString &profileFile)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || profileFile.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(profileFile).absoluteDir().filePath(path));
}
// "drilldown": {"padding_seconds", "panels": [{title, unit, promql}], "grafana": [{title, uid,
// slug, vars}]}. Absent parts keep the defaults; a present part of the wrong shape is an error that
// names the key.
std::optional<ProfileParseResult> parseDrilldown(WorkspaceProfile &profile, const QString &filePath,
                                                 const QByteArray &json)
{
    const QJsonObject &root = profile.drilldown;
    DrilldownSettings &settings = profile.drilldownSettings;
    const QString dd = u"drilldown"_s;
    const QJsonValue padding = root.value(u"padding_seconds"_s);
    if (!padding.isUndefined()) {
        if (!padding.isDouble() || padding.toDouble() < 0 || padding.toDouble() > 86400)
            return failure(
                filePath, json, {dd, u"padding_seconds"_s},
                WorkspaceProfileTr::tr("\"padding_seconds\" must be a number of seconds from 0 to 86400"));
        settings.paddingSeconds = int(padding.toDouble());
    }
    // A string member of the index-th object of an array: required ones must be non-empty.
    auto member = [&](const QJsonObject &object, const QString &array, int index, const QString &key,
                      bool required, QString &out) -> std::optional<ProfileParseResult> {
        const QJsonValue v = object.value(key);
        const QStringList where{dd, array, u"%1#%2"_s.arg(key).arg(index)};
        if (v.isUndefined()) {
            if (required)
                return failure(filePath, json, {dd, array},
                               WorkspaceProfileTr::tr("%1[%2] needs \"%3\"").arg(array).arg(index).arg(key));
            return std::nullopt;
        }
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            return failure(filePath, json, where,
                           WorkspaceProfileTr::tr("\"%1\" of %2[%3] must be a %4string")
                               .arg(key, array)
                               .arg(index)
                               .arg(required ? WorkspaceProfileTr::tr("non-empty ") : QString()));
        out = v.toString();
        return std::nullopt;
    };
    const QJsonValue panels = root.value(u"panels"_s);
    if (!panels.isUndefined()) {
        if (!panels.isArray())
            return failure(filePath, json, {dd, u"panels"_s},
                           WorkspaceProfileTr::tr("\"panels\" must be an array"));
        const QJsonArray list = panels.toArray();
        settings.panels.clear();
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject())
                return failure(
                    filePath, json, {dd, u"panels"_s},
                    WorkspaceProfileTr::tr("panels[%1] must be an object with \"title\" and \"promql\"")
                        .arg(i));
            const QJsonObject object = list.at(i).toObject();
            DrilldownPanel panel;
            if (auto err = member(object, u"panels"_s, i, u"title"_s, true, panel.title))
                return err;
            if (auto err = member(object, u"panels"_s, i, u"promql"_s, true, panel.promql))
                return err;
            if (auto err = member(object, u"panels"_s, i, u"unit"_s, false, panel.unit))
                return err;
            // Fields are only known per evaluation: only the template's syntax is checked here.
            const TemplateExpansion check = expandTemplate(panel.promql, {}, {});
            if (!check.ok() && check.missingField.isEmpty()) {
                return failure(filePath, json, {dd, u"panels"_s, u"promql#%1"_s.arg(i)},
                               WorkspaceProfileTr::tr("panels[%1].promql: %2").arg(i).arg(check.error));
            }
            settings.panels.append(panel);
        }
        settings.panelsFromProfile = true;
    }
    const QJsonValue grafana = root.value(u"grafana"_s);
    if (!grafana.isUndefined()) {
        if (!grafana.isArray())
            return failure(filePath, json, {dd, u"grafana"_s},
                           WorkspaceProfileTr::tr("drilldown \"grafana\" must be an array"));
        const QJsonArray list = grafana.toArray();
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject())
                return failure(
                    filePath, json, {dd, u"grafana"_s},
                    WorkspaceProfileTr::tr("grafana[%1] must be an object with \"title\" and \"uid\"")
                        .arg(i));
            const QJsonObject object = list.at(i).toObject();
            GrafanaDashboard dashboard;
            if (auto err = member(object, u"grafana"_s, i, u"title"_s, true, dashboard.title))
                return err;
            if (auto err = member(object, u"grafana"_s, i, u"uid"_s, true, dashboard.uid))
                return err;
            if (auto err = member(object, u"grafana"_s, i, u"slug"_s, false, dashboard.slug))
                return err;
            const QJsonValue vars = object.value(u"vars"_s);
            if (!vars.isUndefined() && !vars.isObject())
                return failure(
                    filePath, json, {dd, u"grafana"_s, u"vars#%1"_s.arg(i)},
                    WorkspaceProfileTr::tr("\"vars\" of grafana[%1] must be an object of strings").arg(i));
            const QJsonObject varObject = vars.toObject();
            for (auto it = varObject.begin(); it != varObject.end(); ++it) {
                if (!it.value().isString())
                    return failure(
                        filePath, json, {dd, u"grafana"_s, u"vars#%1"_s.arg(i), it.key()},
                        WorkspaceProfileTr::tr("grafana[%1].vars.%2 must be a string").arg(i).arg(it.key()));
                dashboard.vars.append({it.key(), it.value().toString()});
            }
            settings.dashboards.append(dashboard);
        }
    }
    return std::nullopt;
}

// "live": {"redis_channels", "redis_patterns", "postgres_channel", "poll", "poll_interval_ms",
// "buffer_events", "memory_mb"}. Absent keys keep the defaults; a wrong one is an error naming it.
std::optional<ProfileParseResult> parseLive(WorkspaceProfile &profile, const QJsonObject &root,
                                            const QString &filePath, const QByteArray &json)
{
    LiveSettings &live = profile.live;
    const QString lv = u"live"_s;
    auto stringList = [&](const QString &key, QStringList &out) -> std::optional<ProfileParseResult> {
        const QJsonValue v = root.value(key);
        if (v.isUndefined())
            return std::nullopt;
        const QJsonArray list = v.toArray();
        const bool allStrings = std::all_of(list.begin(), list.end(), [](const QJsonValue &item) {
            return item.isString() && !item.toString().isEmpty();
        });
        if (!v.isArray() || !allStrings)
            return failure(filePath, json, {lv, key},
                           WorkspaceProfileTr::tr("live \"%1\" must be an array of channel names").arg(key));
        out.clear();
        for (const QJsonValue &item : list)
            out.append(item.toString());
        return std::nullopt;
    };
    if (auto err = stringList(u"redis_channels"_s, live.redisChannels))
        return err;
    if (auto err = stringList(u"redis_patterns"_s, live.redisPatterns))
        return err;
    const QJsonValue channel = root.value(u"postgres_channel"_s);
    if (!channel.isUndefined()) {
        if (!channel.isString())
            return failure(
                filePath, json, {lv, u"postgres_channel"_s},
                WorkspaceProfileTr::tr("live \"postgres_channel\" must be a string (empty: do not LISTEN)"));
        live.postgresChannel = channel.toString();
    }
    const QJsonValue poll = root.value(u"poll"_s);
    if (!poll.isUndefined()) {
        const QString mode = poll.toString();
        if (mode == u"auto"_s)
            live.poll = LiveSettings::Poll::Auto;
        else if (mode == u"always"_s)
            live.poll = LiveSettings::Poll::Always;
        else if (mode == u"never"_s)
            live.poll = LiveSettings::Poll::Never;
        else
            return failure(filePath, json, {lv, u"poll"_s},
                           WorkspaceProfileTr::tr("live \"poll\" must be \"auto\", \"always\" or \"never\""));
    }
    // A whole number in [low, high] or an error naming the key.
    auto number = [&](const QString &key, qint64 low, qint64 high,
                      auto &out) -> std::optional<ProfileParseResult> {
        const QJsonValue v = root.value(key);
        if (v.isUndefined())
            return std::nullopt;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < double(low) || d > double(high))
            return failure(filePath, json, {lv, key},
                           WorkspaceProfileTr::tr("live \"%1\" must be a whole number from %2 to %3")
                               .arg(key)
                               .arg(low)
                               .arg(high));
        out = std::remove_reference_t<decltype(out)>(d);
        return std::nullopt;
    };
    if (auto err = number(u"poll_interval_ms"_s, 50, 3600000, live.pollIntervalMs))
        return err;
    if (auto err = number(u"buffer_events"_s, 1000, 100000000, live.bufferEvents))
        return err;
    if (auto err = number(u"memory_mb"_s, 16, 65536, live.memoryMb))
        return err;
    return std::nullopt;
}

// Keys a profile may hold at each place; anything else is warned about (a typo such as "sslmod"
// would otherwise be silently ignored) and otherwise ignored, so that newer profiles still open.
struct KnownKeys
{
    QStringList path; // where: {} root, {"sources"}, {"sources", "postgres"}, …
    QStringList keys;
};

const QList<KnownKeys> &knownKeys()
{
    static const QList<KnownKeys> known{
        {{},
         {u"name"_s, u"description"_s, u"$schema"_s, u"sources"_s, u"schema"_s, u"drilldown"_s, u"live"_s}},
        {{u"sources"_s},
         {u"postgres"_s, u"sqlite"_s, u"files"_s, u"redis"_s, u"s3"_s, u"memory"_s, u"prometheus"_s,
          u"grafana"_s, u"timeout_seconds"_s}},
        {{u"sources"_s, u"postgres"_s}, {u"url"_s}},
        {{u"sources"_s, u"sqlite"_s}, {u"path"_s}},
        {{u"sources"_s, u"files"_s}, {u"root"_s}},
        {{u"sources"_s, u"redis"_s}, {u"url"_s, u"delimiter"_s}},
        {{u"sources"_s, u"s3"_s},
         {u"endpoint"_s, u"bucket"_s, u"region"_s, u"addressing"_s, u"prefix"_s, u"ca_file"_s}},
        {{u"sources"_s, u"memory"_s}, {u"url"_s, u"ca_file"_s}},
        {{u"sources"_s, u"prometheus"_s}, {u"url"_s, u"ca_file"_s}},
        {{u"sources"_s, u"grafana"_s}, {u"url"_s, u"orgId"_s, u"ca_file"_s}},
        {{u"schema"_s}, {u"evaluations"_s, u"events"_s, u"columns"_s}},
        {{u"drilldown"_s}, {u"padding_seconds"_s, u"panels"_s, u"grafana"_s}},
        {{u"live"_s},
         {u"redis_channels"_s, u"redis_patterns"_s, u"postgres_channel"_s, u"poll"_s, u"poll_interval_ms"_s,
          u"buffer_events"_s, u"memory_mb"_s}},
    };
    return known;
}

// Removes the key at `path` (at most three levels deep, as in knownKeys()).
void removeKey(QJsonObject &object, QStringList path)
{
    if (path.size() == 1) {
        object.remove(path.constFirst());
        return;
    }
    const QString head = path.takeFirst();
    QJsonObject child = object.value(head).toObject();
    removeKey(child, path);
    object.insert(head, child);
}

// Keys that would hold a secret: a profile is shared in a team repository and must not.
bool looksLikeSecret(const QString &key)
{
    static const QStringList secretish{u"password"_s,          u"passwd"_s,        u"token"_s,  u"secret"_s,
                                       u"secret_access_key"_s, u"access_key_id"_s, u"api_key"_s};
    return secretish.contains(key.toLower());
}

// Warns about every unknown key; a key that looks like a secret is also removed from `root`, so
// that it is not kept in memory nor written back when the profile is saved.
QStringList unknownKeyWarnings(QJsonObject &root, const QString &filePath, const QByteArray &json)
{
    QStringList warnings;
    QList<QStringList> secretPaths;
    for (const KnownKeys &place : knownKeys()) {
        QJsonObject object = root;
        bool present = true;
        for (const QString &part : place.path) {
            const QJsonValue v = object.value(part);
            if (!v.isObject()) {
                present = false;
                break;
            }
            object = v.toObject();
        }
        if (!present)
            continue;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (place.keys.contains(it.key()))
                continue;
            ProfileError warning;
            warning.file = filePath;
            locateKey(json, place.path + QStringList{it.key()}, warning.line, warning.column);
            const QString where = place.path.isEmpty()
                                      ? WorkspaceProfileTr::tr("at the top level")
                                      : WorkspaceProfileTr::tr("in %1").arg(place.path.join(u'.'));
            if (looksLikeSecret(it.key())) {
                secretPaths.append(place.path + QStringList{it.key()});
                warning.message =
                    WorkspaceProfileTr::tr(
                        "\"%1\" %2 looks like a secret and is ignored: a profile holds no secret; "
                        "Sightline keeps it in the keychain or reads it from the environment")
                        .arg(it.key(), where);
            } else {
                warning.message =
                    WorkspaceProfileTr::tr("unknown key \"%1\" %2 (ignored)").arg(it.key(), where);
            }
            warnings.append(warning.toString());
        }
    }
    for (const QStringList &path : std::as_const(secretPaths))
        removeKey(root, path);
    return warnings;
}
} // namespace

QString ProfileError::toString() const
{
    QString where = file.isEmpty() ? u"<profile>"_s : file;
    if (line > 0)
        where += u':' + QString::number(line) + u':' + QString::number(column);
    return where + u": "_s + message;
}

ProfileParseResult parseWorkspaceProfile(const QByteArray &json, const QString &filePath)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ProfileParseResult result;
        result.error.file = filePath;
        result.error.message = parseError.errorString();
        // QJsonParseError gives a byte offset; people need a line and a column.
        qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, json.size());
        // Qt reports these errors one character past the start of the token that is wrong.
        switch (parseError.error) {
        case QJsonParseError::MissingValueSeparator:
        case QJsonParseError::MissingNameSeparator:
        case QJsonParseError::IllegalValue:
        case QJsonParseError::MissingObject:
        case QJsonParseError::UnterminatedObject:
        case QJsonParseError::UnterminatedArray:
            if (offset > 0 && offset < json.size())
                --offset;
            break;
        default:
            break;
        }
        int line = 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < offset; ++i) {
            if (json[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        result.error.line = line;
        result.error.column = int(QString::fromUtf8(json.mid(lineStart, offset - lineStart)).size()) + 1;
        return result;
    }
    if (!doc.isObject())
        return failure(filePath, json, {}, WorkspaceProfileTr::tr("a workspace profile is a JSON object"));

    const QJsonObject root = doc.object();
    WorkspaceProfile profile;
    profile.filePath = filePath;
    if (root.contains(u"name"_s) && !root.value(u"name"_s).isString())
        return failure(filePath, json, {u"name"_s}, WorkspaceProfileTr::tr("\"name\" must be a string"));
    profile.name = root.value(u"name"_s).toString();
    if (profile.name.isEmpty())
        profile.name = QFileInfo(filePath).completeBaseName();

    const QJsonValue sourcesValue = root.value(u"sources"_s);
    if (!sourcesValue.isUndefined() && !sourcesValue.isObject())
        return failure(filePath, json, {u"sources"_s},
                       WorkspaceProfileTr::tr("\"sources\" must be an object"));
    profile.sources = sourcesValue.toObject();

    auto stringField = [&](const QString &source, const QString &field,
                           QString &out) -> std::optional<ProfileParseResult> {
        const QJsonValue v = profile.sources.value(source);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isObject())
            return failure(filePath, json, {u"sources"_s, source},
                           WorkspaceProfileTr::tr("source \"%1\" must be an object").arg(source));
        const QJsonValue f = v.toObject().value(field);
        if (f.isUndefined())
            return failure(filePath, json, {u"sources"_s, source},
                           WorkspaceProfileTr::tr("source \"%1\" needs \"%2\"").arg(source, field));
        if (!f.isString() || f.toString().isEmpty())
            return failure(filePath, json, {u"sources"_s, source, field},
                           WorkspaceProfileTr::tr("\"%1\" of source \"%2\" must be a non-empty string")
                               .arg(field, source));
        out = f.toString();
        return std::nullopt;
    };
    if (auto err = stringField(u"postgres"_s, u"url"_s, profile.postgresUrl))
        return *err;
    if (auto err = stringField(u"sqlite"_s, u"path"_s, profile.sqlitePath))
        return *err;
    if (auto err = stringField(u"files"_s, u"root"_s, profile.filesRoot))
        return *err;
    if (!profile.postgresUrl.isEmpty() && !profile.postgresUrl.startsWith(u"postgres://"_s) &&
        !profile.postgresUrl.startsWith(u"postgresql://"_s))
        return failure(filePath, json, {u"sources"_s, u"postgres"_s, u"url"_s},
                       WorkspaceProfileTr::tr("the postgres url must start with postgresql://"));
    if (auto err = stringField(u"redis"_s, u"url"_s, profile.redis.url))
        return *err;
    if (!profile.redis.url.isEmpty() && !profile.redis.url.startsWith(u"redis://"_s) &&
        !profile.redis.url.startsWith(u"rediss://"_s))
        return failure(filePath, json, {u"sources"_s, u"redis"_s, u"url"_s},
                       WorkspaceProfileTr::tr("the redis url must start with redis:// or rediss://"));
    if (auto err = stringField(u"memory"_s, u"url"_s, profile.memoryUrl))
        return *err;
    if (auto err = stringField(u"s3"_s, u"endpoint"_s, profile.s3.endpoint))
        return *err;
    if (auto err = stringField(u"s3"_s, u"bucket"_s, profile.s3.bucket))
        return *err;
    for (const auto &[source, field, url] : {std::tuple{u"memory"_s, u"url"_s, profile.memoryUrl},
                                             std::tuple{u"s3"_s, u"endpoint"_s, profile.s3.endpoint}}) {
        if (!url.isEmpty() && !url.startsWith(u"http://"_s) && !url.startsWith(u"https://"_s))
            return failure(
                filePath, json, {u"sources"_s, source, field},
                WorkspaceProfileTr::tr("\"%1\" of source \"%2\" must start with http:// or https://")
                    .arg(field, source));
    }
    // Optional settings: a wrong type is an error, absence the default.
    auto optionalString = [&](const QString &source, const QString &field,
                              QString &out) -> std::optional<ProfileParseResult> {
        const QJsonValue f = profile.sources.value(source).toObject().value(field);
        if (f.isUndefined())
            return std::nullopt;
        if (!f.isString())
            return failure(
                filePath, json, {u"sources"_s, source, field},
                WorkspaceProfileTr::tr("\"%1\" of source \"%2\" must be a string").arg(field, source));
        out = f.toString();
        return std::nullopt;
    };
    if (auto err = optionalString(u"redis"_s, u"delimiter"_s, profile.redis.delimiter))
        return *err;
    if (profile.redis.delimiter.isEmpty())
        return failure(filePath, json, {u"sources"_s, u"redis"_s, u"delimiter"_s},
                       WorkspaceProfileTr::tr("\"delimiter\" of source \"redis\" must not be empty"));
    if (auto err = optionalString(u"s3"_s, u"region"_s, profile.s3.region))
        return *err;
    if (auto err = optionalString(u"s3"_s, u"prefix"_s, profile.s3.prefix))
        return *err;
    QString addressing;
    if (auto err = optionalString(u"s3"_s, u"addressing"_s, addressing))
        return *err;
    if (addressing.isEmpty())
        profile.s3.pathStyle = !profile.s3.endpoint.contains(u"amazonaws.com"_s);
    else if (addressing == u"path"_s || addressing == u"virtual"_s)
        profile.s3.pathStyle = addressing == u"path"_s;
    else
        return failure(
            filePath, json, {u"sources"_s, u"s3"_s, u"addressing"_s},
            WorkspaceProfileTr::tr("\"addressing\" of source \"s3\" is \"path\" or \"virtual\", not \"%1\"")
                .arg(addressing));
    const QJsonValue timeout = profile.sources.value(u"timeout_seconds"_s);
    if (!timeout.isUndefined()) {
        if (!timeout.isDouble() || timeout.toDouble() < 1 || timeout.toDouble() > 3600)
            return failure(
                filePath, json, {u"sources"_s, u"timeout_seconds"_s},
                WorkspaceProfileTr::tr("\"timeout_seconds\" must be a number of seconds from 1 to 3600"));
        profile.timeoutSeconds = int(timeout.toDouble());
    }
    if (auto err = stringField(u"prometheus"_s, u"url"_s, profile.prometheus.url))
        return *err;
    if (auto err = stringField(u"grafana"_s, u"url"_s, profile.grafana.url))
        return *err;
    for (const auto &[source, url] :
         {std::pair{u"prometheus"_s, profile.prometheus.url}, std::pair{u"grafana"_s, profile.grafana.url}}) {
        if (!url.isEmpty() && !url.startsWith(u"http://"_s) && !url.startsWith(u"https://"_s))
            return failure(
                filePath, json, {u"sources"_s, source, u"url"_s},
                WorkspaceProfileTr::tr("\"url\" of source \"%1\" must start with http:// or https://")
                    .arg(source));
    }
    const QJsonValue orgId = profile.sources.value(u"grafana"_s).toObject().value(u"orgId"_s);
    if (!orgId.isUndefined()) {
        if (!orgId.isDouble() || orgId.toDouble() < 1 || orgId.toDouble() != std::floor(orgId.toDouble()))
            return failure(
                filePath, json, {u"sources"_s, u"grafana"_s, u"orgId"_s},
                WorkspaceProfileTr::tr("\"orgId\" of source \"grafana\" must be a whole number from 1"));
        profile.grafana.orgId = int(orgId.toDouble());
    }
    for (const auto &[source, out] :
         {std::pair{u"s3"_s, &profile.s3.caFile}, std::pair{u"memory"_s, &profile.memoryCaFile},
          std::pair{u"prometheus"_s, &profile.prometheus.caFile},
          std::pair{u"grafana"_s, &profile.grafana.caFile}}) {
        if (auto err = optionalString(source, u"ca_file"_s, *out))
            return *err;
        *out = resolvePath(*out, filePath);
    }
    profile.sqlitePath = resolvePath(profile.sqlitePath, filePath);
    profile.filesRoot = resolvePath(profile.filesRoot, filePath);

    const QJsonValue schemaValue = root.value(u"schema"_s);
    if (!schemaValue.isUndefined()) {
        if (!schemaValue.isObject())
            return failure(filePath, json, {u"schema"_s},
                           WorkspaceProfileTr::tr("\"schema\" must be an object"));
        const QJsonObject schema = schemaValue.toObject();
        for (const QString &key : {u"evaluations"_s, u"events"_s}) {
            const QJsonValue v = schema.value(key);
            if (v.isUndefined())
                continue;
            if (!v.isString() || v.toString().isEmpty())
                return failure(filePath, json, {u"schema"_s, key},
                               WorkspaceProfileTr::tr("schema \"%1\" must be a table name").arg(key));
        }
        profile.schema.evaluationsTable =
            schema.value(u"evaluations"_s).toString(profile.schema.evaluationsTable);
        profile.schema.eventsTable = schema.value(u"events"_s).toString(profile.schema.eventsTable);
        const QJsonValue columns = schema.value(u"columns"_s);
        if (!columns.isUndefined() && !columns.isObject())
            return failure(filePath, json, {u"schema"_s, u"columns"_s},
                           WorkspaceProfileTr::tr("schema \"columns\" must be an object"));
        const QJsonObject columnMap = columns.toObject();
        for (auto it = columnMap.begin(); it != columnMap.end(); ++it) {
            if (!it.value().isString() || it.value().toString().isEmpty())
                return failure(
                    filePath, json, {u"schema"_s, u"columns"_s, it.key()},
                    WorkspaceProfileTr::tr("column \"%1\" must map to a column name").arg(it.key()));
            profile.schema.columns.insert(it.key(), it.value().toString());
        }
    }
    const QJsonValue drilldown = root.value(u"drilldown"_s);
    if (!drilldown.isUndefined() && !drilldown.isObject())
        return failure(filePath, json, {u"drilldown"_s},
                       WorkspaceProfileTr::tr("\"drilldown\" must be an object"));
    profile.drilldown = drilldown.toObject();
    if (auto err = parseDrilldown(profile, filePath, json))
        return *err;
    const QJsonValue live = root.value(u"live"_s);
    if (!live.isUndefined() && !live.isObject())
        return failure(filePath, json, {u"live"_s}, WorkspaceProfileTr::tr("\"live\" must be an object"));
    if (auto err = parseLive(profile, live.toObject(), filePath, json))
        return *err;

    QJsonObject document = root;
    profile.warnings = unknownKeyWarnings(document, filePath, json);
    profile.document = document;
    profile.sources = document.value(u"sources"_s).toObject();
    ProfileParseResult result;
    result.profile = std::move(profile);
    return result;
}

ProfileParseResult loadWorkspaceProfile(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        ProfileParseResult result;
        result.error.file = filePath;
        result.error.message =
            WorkspaceProfileTr::tr("cannot read the workspace profile: %1").arg(file.errorString());
        return result;
    }
    // A profile is a few kilobytes; anything huge is not one.
    if (file.size() > 16 * 1024 * 1024) {
        ProfileParseResult result;
        result.error.file = filePath;
        result.error.message = WorkspaceProfileTr::tr("the file is too large to be a workspace profile");
        return result;
    }
    return parseWorkspaceProfile(file.readAll(), QFileInfo(filePath).absoluteFilePath());
}

QByteArray workspaceProfileJson(const QJsonObject &document)
{
    // QJsonObject keeps keys sorted, so the same profile always gives the same bytes (diffs in a
    // team repository stay small).
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QString saveWorkspaceProfile(const QJsonObject &document, const QString &filePath)
{
    const QByteArray json = workspaceProfileJson(document);
    const ProfileParseResult check = parseWorkspaceProfile(json, filePath);
    if (!check.profile)
        return check.error.toString();
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return WorkspaceProfileTr::tr("cannot write %1: %2").arg(filePath, file.errorString());
    if (file.write(json) != json.size() || !file.commit())
        return WorkspaceProfileTr::tr("cannot write %1: %2").arg(filePath, file.errorString());
    return {};
}

} // namespace Sightline
