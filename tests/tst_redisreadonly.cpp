// The read-only proof: MONITOR records every command the server executes while Sightline
// explores the whole keyspace; every command that came from Sightline's connection must be a
// read. The list below is the test's own, written from the Redis command reference, not taken
// from RedisCommandPolicy: a command the policy wrongly allowed would still fail here.

#include "redistestsupport.h"
#include "sources/redis/redissource.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using RedisTest::await;
using Sightline::RedisSource;
using Sightline::StorageNode;
using Sightline::StoragePage;
using Sightline::StorageProgress;

namespace {
const QSet<QString> &readOnlyCommands()
{
    // Reads, plus the connection's own state: login, database choice, its name.
    static const QSet<QString> commands{
        u"PING"_s,
        u"AUTH"_s,
        u"HELLO"_s,
        u"SELECT"_s,
        u"CLIENT SETNAME"_s,
        u"INFO"_s,
        u"DBSIZE"_s,
        u"SCAN"_s,
        u"TYPE"_s,
        u"PTTL"_s,
        u"TTL"_s,
        u"MEMORY USAGE"_s,
        u"STRLEN"_s,
        u"GETRANGE"_s,
        u"GET"_s,
        u"HLEN"_s,
        u"HSCAN"_s,
        u"LLEN"_s,
        u"LRANGE"_s,
        u"SCARD"_s,
        u"SSCAN"_s,
        u"ZCARD"_s,
        u"ZRANGE"_s,
        u"ZSCAN"_s,
        u"XLEN"_s,
        u"XRANGE"_s,
        u"XREVRANGE"_s,
        u"EXISTS"_s,
        u"OBJECT ENCODING"_s,
        u"XINFO STREAM"_s,
    };
    return commands;
}
} // namespace

class TestRedisReadOnly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explorationOnlyReads()
    {
        const QString url = qEnvironmentVariable("SIGHTLINE_TEST_REDIS_URL");
        if (url.isEmpty())
            QFAIL("SIGHTLINE_TEST_REDIS_URL is not set: run the tests through scripts/test");
        const quint16 port = quint16(QUrl(url).port());

        QProcess monitor;
        monitor.start(u"redis-cli"_s,
                      {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port), u"MONITOR"_s});
        QVERIFY(monitor.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.canReadLine() || monitor.bytesAvailable() > 0, 5000);

        // A client name of our own picks our connection out of MONITOR's lines (other tests run
        // beside this one on the same server).
        const QString clientName = u"sightline-readonly-proof"_s;
        {
            RedisSource source(url + u"?name="_s + clientName);
            QVERIFY(await(source.summary()).reachable);
            StorageProgress last;
            connect(&source, &RedisSource::progressChanged, this,
                    [&last](const StorageProgress &p) { last = p; });
            await(source.children(QString(), QString()));
            QTRY_VERIFY_WITH_TIMEOUT(last.finished, 120000);

            // Expand every namespace, every page; preview one key of every type.
            QStringList groups{QString()};
            QHash<QString, QString> keyOfType;
            qsizetype expanded = 0;
            while (!groups.isEmpty()) {
                const QString id = groups.takeLast();
                QString continuation;
                do {
                    const StoragePage page = await(source.children(id, continuation));
                    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
                    for (const StorageNode &node : page.nodes) {
                        if (node.kind == StorageNode::Kind::Group)
                            groups.append(node.id);
                        else if (!keyOfType.contains(node.typeLabel))
                            keyOfType.insert(node.typeLabel, node.id);
                    }
                    continuation = page.continuation;
                } while (!continuation.isEmpty());
                ++expanded;
            }
            QVERIFY(expanded > 100);
            for (const QString &type :
                 {u"string"_s, u"hash"_s, u"list"_s, u"set"_s, u"zset"_s, u"stream"_s}) {
                QVERIFY2(keyOfType.contains(type), qPrintable(type));
                const auto preview = await(source.preview(keyOfType.value(type), QString()));
                QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
                if (preview.truncated)
                    QVERIFY(
                        await(source.preview(keyOfType.value(type), preview.continuation)).error.isEmpty());
            }
        }
        // Let MONITOR's last lines arrive, then stop it.
        QTest::qWait(300);
        monitor.terminate();
        monitor.waitForFinished(5000);
        const QList<QByteArray> lines = monitor.readAllStandardOutput().split('\n');

        // 1700000000.123456 [0 127.0.0.1:54321] "CLIENT" "SETNAME" "x"
        // (moc cannot read raw string literals, so this one is escaped by hand)
        static const QRegularExpression line(
            u"^\\d+\\.\\d+ \\[\\d+ ([^\\]]+)\\] \"((?:[^\"\\\\]|\\\\.)*)\"(?: \"((?:[^\"\\\\]|\\\\.)*)\")?"_s);
        QSet<QString> ourAddresses;
        for (const QByteArray &raw : lines) {
            if (raw.contains(QByteArray("\"SETNAME\" \"" + clientName.toUtf8() + '"')))
                ourAddresses.insert(line.match(QString::fromUtf8(raw)).captured(1));
        }
        QVERIFY2(!ourAddresses.isEmpty(), "MONITOR never saw our client name");
        QHash<QString, qint64> seen;
        for (const QByteArray &raw : lines) {
            const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
            if (!m.hasMatch() || !ourAddresses.contains(m.captured(1)))
                continue;
            const QString name = m.captured(2).toUpper();
            const QString withSub = name + u' ' + m.captured(3).toUpper();
            const QString command = readOnlyCommands().contains(withSub) ? withSub : name;
            seen[command] += 1;
            QVERIFY2(readOnlyCommands().contains(command),
                     qPrintable(u"Sightline sent %1, which is not read-only: %2"_s.arg(
                         command, QString::fromUtf8(raw))));
        }
        qint64 total = 0;
        for (const qint64 n : std::as_const(seen))
            total += n;
        qInfo("MONITOR saw %lld commands from Sightline: %s", static_cast<long long>(total),
              qPrintable(QStringList(seen.keyBegin(), seen.keyEnd()).join(u", "_s)));
        // The check can fail only if it saw our commands: the scan alone sends thousands.
        QVERIFY(total > 1000);
        for (const QString &expected : {u"SCAN"_s, u"TYPE"_s, u"MEMORY USAGE"_s, u"INFO"_s, u"GETRANGE"_s,
                                        u"HSCAN"_s, u"LRANGE"_s, u"ZRANGE"_s, u"SSCAN"_s, u"XRANGE"_s})
            QVERIFY2(seen.contains(expected), qPrintable(expected));
    }
};

QTEST_GUILESS_MAIN(TestRedisReadOnly)
#include "tst_redisreadonly.moc"
