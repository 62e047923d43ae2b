#include "catalognode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Sightline::Catalog {

namespace {
QString kindName(NodeRef::Kind kind)
{
    switch (kind) {
    case NodeRef::Kind::Root:
        return {};
    case NodeRef::Kind::Schema:
        return u"schema"_s;
    case NodeRef::Kind::Table:
        return u"table"_s;
    case NodeRef::Kind::Columns:
        return u"columns"_s;
    case NodeRef::Kind::Column:
        return u"column"_s;
    case NodeRef::Kind::Rows:
        return u"rows"_s;
    case NodeRef::Kind::Row:
        return u"row"_s;
    case NodeRef::Kind::Invalid:
        break;
    }
    return u"invalid"_s;
}

const QStringList RowKeyNames{u"pk"_s, u"ctid"_s, u"rowid"_s, u"offset"_s};

QJsonArray keyToJson(const QVariantList &key)
{
    QJsonArray array;
    for (const QVariant &value : key)
        array.append(valueToJson(value));
    return array;
}

QVariantList keyFromJson(const QJsonArray &array)
{
    QVariantList key;
    for (const QJsonValue &value : array)
        key.append(valueFromJson(value));
    return key;
}
} // namespace

QString NodeRef::toId() const
{
    if (kind == Kind::Root)
        return {};
    QJsonArray array{kindName(kind), schema};
    if (kind != Kind::Schema)
        array.append(table);
    if (kind == Kind::Column)
        array.append(column);
    if (kind == Kind::Row) {
        array.append(RowKeyNames.value(int(rowKey)));
        array.append(keyToJson(key));
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

NodeRef NodeRef::fromId(const QString &id)
{
    NodeRef ref;
    if (id.isEmpty()) {
        ref.kind = Kind::Root;
        return ref;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(id.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return ref;
    const QJsonArray array = doc.array();
    const QString name = array.at(0).toString();
    static const QList<Kind> kinds{Kind::Schema, Kind::Table, Kind::Columns,
                                   Kind::Column, Kind::Rows,  Kind::Row};
    Kind kind = Kind::Invalid;
    for (Kind candidate : kinds) {
        if (kindName(candidate) == name)
            kind = candidate;
    }
    const qsizetype expected = kind == Kind::Schema   ? 2
                               : kind == Kind::Column ? 4
                               : kind == Kind::Row    ? 5
                                                      : 3;
    if (kind == Kind::Invalid || array.size() != expected || !array.at(1).isString())
        return ref;
    ref.schema = array.at(1).toString();
    if (kind != Kind::Schema) {
        if (!array.at(2).isString())
            return ref;
        ref.table = array.at(2).toString();
    }
    if (kind == Kind::Column)
        ref.column = array.at(3).toString();
    if (kind == Kind::Row) {
        const qsizetype rowKey = RowKeyNames.indexOf(array.at(3).toString());
        if (rowKey < 0 || !array.at(4).isArray())
            return ref;
        ref.rowKey = RowKey(rowKey);
        ref.key = keyFromJson(array.at(4).toArray());
    }
    ref.kind = kind;
    return ref;
}

NodeRef NodeRef::ofSchema(const QString &schema)
{
    NodeRef ref;
    ref.kind = Kind::Schema;
    ref.schema = schema;
    return ref;
}

NodeRef NodeRef::ofTable(Kind kind, const QString &schema, const QString &table)
{
    NodeRef ref = ofSchema(schema);
    ref.kind = kind;
    ref.table = table;
    return ref;
}

NodeRef NodeRef::ofRow(const QString &schema, const QString &table, RowKey rowKey, const QVariantList &key)
{
    NodeRef ref = ofTable(Kind::Row, schema, table);
    ref.rowKey = rowKey;
    ref.key = key;
    return ref;
}

QJsonValue valueToJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        // Integers as text: a double would lose digits past 2^53.
        return QJsonObject{{u"i"_s, QString::number(value.toLongLong())}};
    case QMetaType::Double:
        return QJsonObject{{u"f"_s, value.toDouble()}};
    case QMetaType::QByteArray:
        return QJsonObject{{u"b"_s, QString::fromLatin1(value.toByteArray().toBase64())}};
    default:
        return value.toString();
    }
}

QVariant valueFromJson(const QJsonValue &json)
{
    if (json.isString())
        return json.toString();
    if (!json.isObject())
        return {};
    const QJsonObject object = json.toObject();
    if (object.contains(u"i"_s))
        return QVariant(object.value(u"i"_s).toString().toLongLong());
    if (object.contains(u"f"_s))
        return QVariant(object.value(u"f"_s).toDouble());
    if (object.contains(u"b"_s))
        return QVariant(QByteArray::fromBase64(object.value(u"b"_s).toString().toLatin1()));
    return {};
}

QString keyToContinuation(const QVariantList &key)
{
    return QString::fromUtf8(QJsonDocument(keyToJson(key)).toJson(QJsonDocument::Compact));
}

QVariantList keyFromContinuation(const QString &continuation)
{
    const QJsonDocument doc = QJsonDocument::fromJson(continuation.toUtf8());
    return doc.isArray() ? keyFromJson(doc.array()) : QVariantList{};
}

} // namespace Sightline::Catalog
