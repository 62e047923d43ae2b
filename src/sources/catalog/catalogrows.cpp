#include "catalogworker.h"

#include "core/displayname.h"
#include "core/format.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sightline {

using Catalog::NodeRef;

namespace {
constexpr int NameChars = 80;

QString cut(const QString &text, int chars)
{
    return text.size() > chars ? text.left(chars - 1) + u'…' : text;
}

QString label(const QVariant &value)
{
    return escapeForDisplay(cut(catalogValueText(value), NameChars).toUtf8());
}

QString rowKeyText(NodeRef::RowKey rowKey, const QStringList &primaryKey)
{
    switch (rowKey) {
    case NodeRef::RowKey::PrimaryKey:
        return QCoreApplication::translate("Sightline::SqlCatalogSource", "primary key (%1)")
            .arg(primaryKey.join(u", "_s));
    case NodeRef::RowKey::Ctid:
        return QCoreApplication::translate("Sightline::SqlCatalogSource", "ctid (no primary key)");
    case NodeRef::RowKey::Rowid:
        return u"rowid"_s;
    case NodeRef::RowKey::Offset:
        return QCoreApplication::translate("Sightline::SqlCatalogSource", "position (a view has no key)");
    }
    return {};
}
} // namespace

QString catalogValueText(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return u"x'"_s + QString::fromLatin1(value.toByteArray().toHex()) + u'\'';
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    default:
        return value.toString();
    }
}

QString SqlCatalogSource::Worker::evaluationColumn(const NodeRef &ref, const Catalog::TableShape &shape) const
{
    const QString idColumn = m_options.schema.column(u"id"_s);
    if (ref.table == m_options.schema.evaluationsTable && shape.hasColumn(idColumn))
        return idColumn;
    const QString foreign = m_options.schema.column(u"evaluation_id"_s);
    return shape.hasColumn(foreign) ? foreign : QString();
}

// "(k1, k2) > ($1, $2)" for a primary key, "ctid > $1::tid", "rowid = ?1".
QString SqlCatalogSource::Worker::rowCondition(const Catalog::TableShape &shape, NodeRef::RowKey rowKey,
                                               const QString &op, int keyCount) const
{
    QStringList columns, params;
    for (int i = 0; i < keyCount; ++i) {
        columns.append(rowKey == NodeRef::RowKey::PrimaryKey ? quoteIdentifier(shape.primaryKey.value(i))
                                                             : m_dialect->rowKeySql(rowKey));
        params.append(m_dialect->rowKeyBindSql(rowKey, i + 1));
    }
    if (keyCount == 1)
        return columns.constFirst() + u' ' + op + u' ' + params.constFirst();
    return u"(%1) %2 (%3)"_s.arg(columns.join(u", "_s), op, params.join(u", "_s));
}

StoragePage SqlCatalogSource::Worker::rowNodes(const NodeRef &ref, const QString &continuation)
{
    StoragePage page;
    const auto fetched = shape(ref, /*refresh*/ false);
    if (fetched.error.isError()) {
        page.error = fetched.error.message;
        return page;
    }
    const Catalog::TableShape &shape = fetched.value;
    if (shape.nameInvalidUtf8) {
        page.error =
            QCoreApplication::translate(
                "Sightline::SqlCatalogSource",
                "The name of %1 is not valid UTF-8, so no query can name it; its rows cannot be read.")
                .arg(escapeForDisplay(ref.table.toUtf8()));
        return page;
    }
    const NodeRef::RowKey rowKey = shape.rowKey;
    QStringList select;
    int keyCount = 0;
    if (rowKey == NodeRef::RowKey::PrimaryKey) {
        for (const QString &column : shape.primaryKey)
            select.append(quoteIdentifier(column));
        keyCount = int(shape.primaryKey.size());
    } else if (rowKey != NodeRef::RowKey::Offset) {
        select.append(m_dialect->rowKeySql(rowKey));
        keyCount = 1;
    }
    // A row is named by its primary key, else by its first columns; one more column as detail.
    QStringList nameColumns = shape.primaryKey;
    QString detailColumn;
    for (const Catalog::ColumnInfo &column : shape.columns) {
        if (shape.primaryKey.isEmpty() && nameColumns.size() < 2)
            nameColumns.append(column.name);
        else if (!nameColumns.contains(column.name) && detailColumn.isEmpty())
            detailColumn = column.name;
    }
    // With a primary key as the row key, the key already selected is the name.
    const qsizetype nameCount = rowKey == NodeRef::RowKey::PrimaryKey ? 0 : nameColumns.size();
    const qsizetype detailAt = detailColumn.isEmpty() ? -1 : nameCount;
    for (qsizetype i = 0; i < nameCount; ++i)
        select.append(m_dialect->shortTextSql(quoteIdentifier(nameColumns[i]), NameChars));
    if (detailAt >= 0)
        select.append(m_dialect->shortTextSql(quoteIdentifier(detailColumn), NameChars));
    const QString evaluation = evaluationColumn(ref, shape);
    if (!evaluation.isEmpty())
        select.append(m_dialect->shortTextSql(quoteIdentifier(evaluation), 200));
    if (select.isEmpty())
        select.append(u"1"_s); // a table without columns still has rows

    const int pageSize = std::max(1, m_options.rowPageSize);
    QString sql =
        u"SELECT "_s + select.join(u", "_s) + u" FROM "_s + Catalog::qualifiedName(ref.schema, ref.table);
    QVariantList params;
    qint64 offset = 0;
    if (!continuation.isEmpty()) {
        if (rowKey == NodeRef::RowKey::Offset) {
            offset = continuation.toLongLong();
        } else {
            params = Catalog::keyFromContinuation(continuation);
            if (params.size() != keyCount) {
                page.error = QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                         "this continuation does not belong to %1")
                                 .arg(escapeForDisplay(ref.table.toUtf8()));
                return page;
            }
            sql += u" WHERE "_s + rowCondition(shape, rowKey, u">"_s, keyCount);
        }
    }
    if (keyCount > 0)
        sql += u" ORDER BY "_s + select.mid(0, keyCount).join(u", "_s);
    sql += u" LIMIT "_s + QString::number(pageSize + 1);
    if (offset > 0)
        sql += u" OFFSET "_s + QString::number(offset);

    SqlResult result = m_connection->exec(sql, params);
    if (!result.ok()) {
        page.error = result.error.message;
        return page;
    }
    const bool more = result.rows.size() > pageSize;
    if (more)
        result.rows.resize(pageSize);
    for (qsizetype r = 0; r < result.rows.size(); ++r) {
        const QVariantList &row = result.rows[r];
        const QVariantList key = row.mid(0, keyCount);
        StorageNode node;
        node.id = NodeRef::ofRow(ref.schema, ref.table, rowKey,
                                 rowKey == NodeRef::RowKey::Offset ? QVariantList{QVariant(offset + r)} : key)
                      .toId();
        node.previewable = true;
        node.typeLabel = u"row"_s;
        QStringList name;
        if (rowKey == NodeRef::RowKey::PrimaryKey) {
            for (const QVariant &value : key)
                name.append(label(value));
        } else {
            for (qsizetype i = 0; i < nameCount; ++i)
                name.append(label(row.value(keyCount + i)));
        }
        node.name = name.isEmpty() ? u"row %1"_s.arg(offset + r + 1) : name.join(u", "_s);
        if (detailAt >= 0)
            node.detail = label(row.value(keyCount + nameCount));
        if (!evaluation.isEmpty()) {
            const QVariant id = row.constLast();
            if (!id.isNull())
                node.evaluationId = catalogValueText(id);
        }
        page.nodes.append(node);
    }
    if (more) {
        page.continuation = rowKey == NodeRef::RowKey::Offset
                                ? QString::number(offset + pageSize)
                                : Catalog::keyToContinuation(result.rows.constLast().mid(0, keyCount));
    }
    return page;
}

StoragePreview SqlCatalogSource::Worker::tablePreview(const NodeRef &ref, bool count, const StopToken &stop)
{
    StoragePreview preview;
    const auto fetched = shape(ref, /*refresh*/ true);
    if (fetched.error.isError()) {
        preview.error = fetched.error.message;
        return preview;
    }
    const Catalog::TableShape &shape = fetched.value;
    // Selecting a table only shows what the catalog knows: arrowing through big tables must not
    // queue a full scan each. The exact count is the "Load more" of this preview.
    QString exact = QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                "not counted (press Load more to count them)");
    if (shape.nameInvalidUtf8) {
        exact = QCoreApplication::translate("Sightline::SqlCatalogSource",
                                            "cannot be counted (the name is not valid UTF-8)");
    } else if (count && !stop.stopRequested()) {
        // The one expensive step: a full scan, on this thread, interrupted by stop() (cancel).
        const SqlResult counted = m_connection->exec(
            u"SELECT count(*) FROM "_s + Catalog::qualifiedName(ref.schema, ref.table), {});
        if (!counted.ok()) {
            preview.error = counted.error.message;
            return preview;
        }
        // In the facts, not in totalSize: that counts the preview's own rows (the facts).
        exact = formatCount(counted.rows.value(0).value(0).toLongLong());
    } else if (!count) {
        preview.continuation = CountContinuation;
        preview.truncated = true; // the exact count is still to come
    }
    preview.replace = count; // the whole facts again, now with the count
    preview.columns = {QCoreApplication::translate("Sightline::SqlCatalogSource", "Property"),
                       QCoreApplication::translate("Sightline::SqlCatalogSource", "Value")};
    preview.rows = {
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Schema"),
         escapeForDisplay(ref.schema.toUtf8())},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Name"),
         escapeForDisplay(ref.table.toUtf8())},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Kind"), shape.kind},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Columns"),
         QString::number(shape.columns.size())},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Row key"),
         escapeForDisplay(rowKeyText(shape.rowKey, shape.primaryKey).toUtf8())},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Estimated rows"),
         shape.estimatedRows < 0
             ? QCoreApplication::translate("Sightline::SqlCatalogSource", "unknown (never analysed)")
             : formatCount(shape.estimatedRows)},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Exact rows"), exact},
        {QCoreApplication::translate("Sightline::SqlCatalogSource", "Total size"),
         shape.bytes < 0 ? QCoreApplication::translate("Sightline::SqlCatalogSource", "unknown")
                         : QCoreApplication::translate("Sightline::SqlCatalogSource",
                                                       "%1 (%2 bytes, with indexes and TOAST)")
                               .arg(formatBytes(shape.bytes), QString::number(shape.bytes))},
    };
    return preview;
}

StoragePreview SqlCatalogSource::Worker::rowPreview(const NodeRef &ref, bool all)
{
    StoragePreview preview;
    auto fetched = shape(ref, /*refresh*/ false);
    SqlResult result;
    for (int tries = 0; tries < 2; ++tries) {
        if (fetched.error.isError()) {
            preview.error = fetched.error.message;
            return preview;
        }
        const Catalog::TableShape &table = fetched.value;
        // The first answer cuts long values on the server (one more character than shown, to
        // tell that there was more): a 100 MB cell must not come over the wire to show 1,000
        // characters of it. "all" fetches every value whole.
        QStringList select;
        if (all || table.columns.isEmpty()) {
            select.append(u"*"_s);
        } else {
            for (const Catalog::ColumnInfo &column : table.columns)
                select.append(
                    m_dialect->cappedValueSql(quoteIdentifier(column.name), m_options.valueCap + 1));
        }
        QString sql =
            u"SELECT "_s + select.join(u", "_s) + u" FROM "_s + Catalog::qualifiedName(ref.schema, ref.table);
        QVariantList params;
        if (ref.rowKey == NodeRef::RowKey::Offset) {
            sql += u" LIMIT 1 OFFSET "_s + QString::number(ref.key.value(0).toLongLong());
        } else {
            const int keyCount = int(ref.key.size());
            if (keyCount == 0 ||
                (ref.rowKey == NodeRef::RowKey::PrimaryKey && keyCount != table.primaryKey.size())) {
                preview.error = QCoreApplication::translate(
                    "Sightline::SqlCatalogSource",
                    "the key of this row no longer matches the table's primary key");
                return preview;
            }
            sql += u" WHERE "_s + rowCondition(table, ref.rowKey, u"="_s, keyCount) + u" LIMIT 1"_s;
            params = ref.key;
        }
        result = m_connection->exec(sql, params);
        // The columns we remembered may be stale (one dropped or renamed since): look again, once.
        const bool staleColumns = !result.ok() && result.error.kind == SqlError::Kind::Query &&
                                  result.error.message.contains(u"column"_s);
        if (!staleColumns || tries > 0)
            break;
        fetched = shape(ref, /*refresh*/ true);
    }
    if (!result.ok()) {
        preview.error = result.error.message;
        return preview;
    }
    if (result.rows.isEmpty()) {
        preview.error =
            QCoreApplication::translate("Sightline::SqlCatalogSource", "this row no longer exists");
        return preview;
    }
    QStringList names = result.columns;
    if (!all && !fetched.value.columns.isEmpty()) {
        names.clear();
        for (const Catalog::ColumnInfo &column : fetched.value.columns)
            names.append(column.name);
    }
    preview.columns = {QCoreApplication::translate("Sightline::SqlCatalogSource", "Column"),
                       QCoreApplication::translate("Sightline::SqlCatalogSource", "Value")};
    const QVariantList &row = result.rows.constFirst();
    for (qsizetype c = 0; c < names.size(); ++c) {
        QString value = catalogValueText(row.value(c));
        if (!all && value.size() > m_options.valueCap) {
            value = value.left(m_options.valueCap);
            preview.truncated = true;
        }
        preview.rows.append({escapeForDisplay(names[c].toUtf8()), value});
    }
    preview.totalSize = names.size();
    preview.replace = all; // the same row again, every value whole: it replaces the cut one
    if (preview.truncated)
        preview.continuation = u"all"_s; // the same row, every value whole
    return preview;
}

} // namespace Sightline
