#pragma once

// The publisher's PostgreSQL side: inserts events into the events table and announces each with
// pg_notify, a batch per statement (one transaction), and hands out ids from the table's own id
// sequence so published events never collide with existing rows. Writes, so it is only for
// servers meant for the test and demo tool (never the connections Sightline reads through).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <deque>
#include <memory>

namespace Sightline {

class SqlConnection;

class PostgresPublishSink
{
public:
    PostgresPublishSink(QString url, QString eventsTable, QString channel);
    ~PostgresPublishSink();

    // Connects and finds the id sequence. Empty on success.
    QString open();
    // The newest `limit` evaluation ids of `evaluationsTable` (empty when it cannot be read).
    QStringList recentEvaluationIds(const QString &evaluationsTable, int limit);

    // The next id from the sequence (fetched `block` at a time). -1 when that failed (see error()).
    qint64 nextId(int block);

    // Queues a message: a row plus its NOTIFY, or (not a valid event) only the NOTIFY.
    void add(const QByteArray &message, bool isRow);
    qint64 queued() const { return m_queuedRows + m_queuedNotifyOnly; }
    // Writes the queued rows and notifications in one statement. Empty on success.
    QString flush();

    qint64 rowsWritten() const { return m_rowsWritten; }
    qint64 notified() const { return m_notified; }
    QString error() const { return m_error; }

private:
    QString m_url;
    QString m_table;
    QString m_channel;
    std::unique_ptr<SqlConnection> m_connection;
    QString m_sequence;
    std::deque<qint64> m_ids;
    QByteArray m_rows;       // a text[] literal under construction, without the braces
    QByteArray m_notifyOnly; // the same, for messages that are not rows
    qint64 m_queuedRows = 0;
    qint64 m_queuedNotifyOnly = 0;
    qint64 m_rowsWritten = 0;
    qint64 m_notified = 0;
    QString m_error;
};

// "schema.table" or "table" quoted for SQL, each part on its own.
QString quoteQualifiedName(const QString &name);

} // namespace Sightline
