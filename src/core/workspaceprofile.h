#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sightline {

// Table and column names of the platform's relational store (DESIGN.md §4). A profile may rename
// any of them; the defaults are the platform's own.
struct SchemaNames
{
    QString evaluationsTable = QStringLiteral("evaluations");
    QString eventsTable = QStringLiteral("events");
    QHash<QString, QString> columns; // platform name -> name in this database

    QString column(const QString &platformName) const { return columns.value(platformName, platformName); }
};

struct WorkspaceProfile
{
    QString name;
    QString filePath;    // where it was read from; empty for the demo
    QString postgresUrl; // postgresql://…
    QString sqlitePath;  // a SQLite file holding the same tables
    QString filesRoot;   // <root>/outputs, <root>/logs
    QJsonObject sources; // every source as written, for later capabilities
    QJsonObject drilldown;
    SchemaNames schema;
    bool demo = false;

    bool hasRelationalStore() const { return !postgresUrl.isEmpty() || !sqlitePath.isEmpty(); }
};

struct ProfileError
{
    QString file;
    int line = 0;   // 1-based; 0 when the error is not at one place
    int column = 0; // 1-based
    QString message;

    QString toString() const; // "profile.json:3:14: missing ',' …"
};

struct ProfileParseResult
{
    std::optional<WorkspaceProfile> profile;
    ProfileError error;
};

// Reads a workspace profile. Relative paths in it resolve against the file's folder.
ProfileParseResult parseWorkspaceProfile(const QByteArray &json, const QString &filePath);
ProfileParseResult loadWorkspaceProfile(const QString &filePath);

} // namespace Sightline
