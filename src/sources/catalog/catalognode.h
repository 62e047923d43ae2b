#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Sightline::Catalog {

// What a node id of the catalog tree addresses. Ids are compact JSON arrays, so schema and
// table names with quotes, dots, newlines or any other character round-trip unchanged.
struct NodeRef
{
    enum class Kind { Root, Schema, Table, Columns, Column, Rows, Row, Invalid };
    // How a row is found again: by the table's primary key, PostgreSQL's ctid, SQLite's rowid,
    // or (views, which have neither) by its position.
    enum class RowKey { PrimaryKey, Ctid, Rowid, Offset };

    Kind kind = Kind::Invalid;
    QString schema;
    QString table;
    QString column;
    RowKey rowKey = RowKey::PrimaryKey;
    QVariantList key; // the row's key values in the database's own types

    QString toId() const;
    static NodeRef fromId(const QString &id);

    static NodeRef root() { return {Kind::Root, {}, {}, {}, RowKey::PrimaryKey, {}}; }
    static NodeRef ofSchema(const QString &schema);
    static NodeRef ofTable(Kind kind, const QString &schema, const QString &table);
    static NodeRef ofRow(const QString &schema, const QString &table, RowKey rowKey, const QVariantList &key);
};

// A key value as JSON and back, keeping SQLite's storage class (integer, real, text, blob), so
// that a keyset continuation binds exactly the value the database returned.
QJsonValue valueToJson(const QVariant &value);
QVariant valueFromJson(const QJsonValue &json);

// Continuations are the last key of a page, written the same way.
QString keyToContinuation(const QVariantList &key);
QVariantList keyFromContinuation(const QString &continuation);

} // namespace Sightline::Catalog
