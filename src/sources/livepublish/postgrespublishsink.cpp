#include "postgrespublishsink.h"

#include "sources/sqlconnection.h"

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// One element of a PostgreSQL array literal: quoted, with " and \ escaped.
void appendArrayElement(QByteArray &array, const QByteArray &text)
{
    if (!array.isEmpty())
        array += ',';
    array += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\')
            array += '\\';
        array += c;
    }
    array += '"';
}

QString arrayLiteral(const QByteArray &elements)
{
    // fromUtf8 replaces invalid UTF-8 (bad-input messages) so the server takes the text.
    return QString::fromUtf8('{' + elements + '}');
}

} // namespace

QString quoteQualifiedName(const QString &name)
{
    const QStringList parts = name.split(u'.');
    QStringList quoted;
    for (const QString &part : parts)
        quoted.append(quoteIdentifier(part));
    return quoted.join(u'.');
}

PostgresPublishSink::PostgresPublishSink(QString url, QString eventsTable, QString channel)
    : m_url(std::move(url))
    , m_table(std::move(eventsTable))
    , m_channel(std::move(channel))
{
}

PostgresPublishSink::~PostgresPublishSink() = default;

QString PostgresPublishSink::open()
{
    m_connection = createPostgresConnection(m_url, /*readOnly=*/false);
    if (const SqlError error = m_connection->open(); error.isError())
        return m_error = error.message;
    const SqlResult sequence =
        m_connection->exec(u"SELECT pg_get_serial_sequence($1, 'id')"_s, {quoteQualifiedName(m_table)});
    if (!sequence.ok())
        return m_error = u"Cannot find the table %1: %2"_s.arg(m_table, sequence.error.message);
    if (sequence.rows.isEmpty() || sequence.rows.constFirst().constFirst().isNull())
        return m_error = u"The table %1 has no id sequence (id BIGSERIAL)"_s.arg(m_table);
    m_sequence = sequence.rows.constFirst().constFirst().toString();
    return {};
}

QStringList PostgresPublishSink::recentEvaluationIds(const QString &evaluationsTable, int limit)
{
    QStringList ids;
    if (!m_connection)
        return ids;
    const SqlResult result = m_connection->exec(u"SELECT id FROM %1 ORDER BY created_at DESC LIMIT %2"_s.arg(
        quoteQualifiedName(evaluationsTable), QString::number(limit)));
    if (!result.ok())
        return ids;
    for (const QVariantList &row : result.rows)
        ids.append(row.constFirst().toString());
    return ids;
}

qint64 PostgresPublishSink::nextId(int block)
{
    if (m_ids.empty()) {
        const SqlResult result = m_connection->exec(
            u"SELECT nextval($1::regclass) FROM generate_series(1, $2)"_s, {m_sequence, qMax(1, block)});
        if (!result.ok()) {
            m_error = result.error.message;
            return -1;
        }
        for (const QVariantList &row : result.rows)
            m_ids.push_back(row.constFirst().toString().toLongLong());
        if (m_ids.empty())
            return -1;
    }
    const qint64 id = m_ids.front();
    m_ids.pop_front();
    return id;
}

void PostgresPublishSink::add(const QByteArray &message, bool isRow)
{
    if (isRow) {
        appendArrayElement(m_rows, message);
        ++m_queuedRows;
    } else {
        appendArrayElement(m_notifyOnly, message);
        ++m_queuedNotifyOnly;
    }
}

QString PostgresPublishSink::flush()
{
    if (queued() == 0)
        return {};
    // One statement, so one transaction: the rows become visible and the notifications are
    // delivered together at commit. The row is read back out of the very JSON that is announced.
    const QString sql =
        u"WITH r AS (SELECT p, p::jsonb AS j FROM unnest($1::text[]) AS p),"
        u" ins AS (INSERT INTO %1 (id, evaluation_id, type, category, severity, ts, data)"
        u"  SELECT (j->>'id')::bigint, j->>'evaluation_id', j->>'type', j->>'category', j->>'severity',"
        u"   (j->>'ts')::timestamptz, NULLIF(j->'data', 'null'::jsonb) FROM r)"
        u" SELECT (SELECT count(pg_notify($3, p)) FROM r)"
        u" + (SELECT count(pg_notify($3, q)) FROM unnest($2::text[]) AS q)"_s.arg(
            quoteQualifiedName(m_table));
    const SqlResult result =
        m_connection->exec(sql, {arrayLiteral(m_rows), arrayLiteral(m_notifyOnly), m_channel});
    if (!result.ok())
        return m_error = result.error.message;
    m_rowsWritten += m_queuedRows;
    m_notified += m_queuedRows + m_queuedNotifyOnly;
    m_rows.clear();
    m_notifyOnly.clear();
    m_queuedRows = 0;
    m_queuedNotifyOnly = 0;
    return {};
}

} // namespace Sightline
