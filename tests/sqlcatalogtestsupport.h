#pragma once

// Shared by the catalog tests: waiting on a source, finding nodes, and the superuser connection
// that creates scratch tables.

#include "awaitfuture.h"
#include "sources/catalog/sqlcatalogsource.h"
#include "sources/sqlconnection.h"

#include <QFuture>
#include <QTest>

namespace Sightline::TestSupport {

// A value of a table's facts preview ("Exact rows", "Estimated rows", …).
inline QString factValue(const StoragePreview &preview, const QString &property)
{
    for (const QStringList &row : preview.rows) {
        if (row.value(0) == property)
            return row.value(1);
    }
    return {};
}

inline const StorageNode *findNode(const QList<StorageNode> &nodes, const QString &name)
{
    for (const StorageNode &node : nodes) {
        if (node.name == name)
            return &node;
    }
    return nullptr;
}

inline QStringList names(const QList<StorageNode> &nodes)
{
    QStringList list;
    for (const StorageNode &node : nodes)
        list.append(node.name);
    return list;
}

// Every page of a node's children, following continuations.
inline QList<StorageNode> allChildren(StorageSource &source, const QString &id, int *pages = nullptr,
                                      QString *error = nullptr)
{
    QList<StorageNode> nodes;
    QString continuation;
    int count = 0;
    do {
        const StoragePage page = await(source.children(id, continuation));
        ++count;
        if (!page.error.isEmpty() && error)
            *error = page.error;
        nodes += page.nodes;
        continuation = page.continuation;
    } while (!continuation.isEmpty() && count < 1000);
    if (pages)
        *pages = count;
    return nodes;
}

inline const char *seedUrlMissingMessage()
{
    return "SIGHTLINE_TEST_POSTGRES_SEED_URL / SIGHTLINE_TEST_POSTGRES_URL are not set: run the tests "
           "through scripts/test, which starts PostgreSQL and seeds it";
}

} // namespace Sightline::TestSupport
