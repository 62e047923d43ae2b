#include "sources/redis/rediscommandpolicy.h"
#include "sources/redis/redisurl.h"
#include "sources/redis/respreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Sightline::RedisCommandPolicy;
using Sightline::RedisUrl;
using Sightline::RespReader;
using Sightline::RespValue;

namespace {
// A compact rendering to compare parsed trees in data tables: "bulk(abc)", "arr[int(1),null]".
QString render(const RespValue &v)
{
    switch (v.type) {
    case RespValue::Type::SimpleString:
        return u"simple("_s + QString::fromLatin1(v.data.toPercentEncoding()) + u')';
    case RespValue::Type::Error:
        return u"error("_s + QString::fromLatin1(v.data.toPercentEncoding()) + u')';
    case RespValue::Type::BulkString:
        return u"bulk("_s + QString::fromLatin1(v.data.toPercentEncoding()) + u')';
    case RespValue::Type::Integer:
        return u"int("_s + QString::number(v.integer) + u')';
    case RespValue::Type::Null:
        return u"null"_s;
    case RespValue::Type::Double:
        return u"double("_s + QString::fromLatin1(v.data) + u')';
    case RespValue::Type::Boolean:
        return v.integer ? u"true"_s : u"false"_s;
    case RespValue::Type::BigNumber:
        return u"big("_s + QString::fromLatin1(v.data) + u')';
    case RespValue::Type::Array:
    case RespValue::Type::Map: {
        QStringList parts;
        for (const RespValue &e : v.elements)
            parts.append(render(e));
        return (v.type == RespValue::Type::Map ? u"map["_s : u"arr["_s) + parts.join(u',') + u']';
    }
    }
    return {};
}
} // namespace

class TestRespReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValues_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("simple") << QByteArray("+OK\r\n") << QStringList{u"simple(OK)"_s};
        QTest::newRow("error") << QByteArray("-ERR unknown command\r\n")
                               << QStringList{u"error(ERR%20unknown%20command)"_s};
        QTest::newRow("integer") << QByteArray(":42\r\n") << QStringList{u"int(42)"_s};
        QTest::newRow("negative integer") << QByteArray(":-2\r\n") << QStringList{u"int(-2)"_s};
        QTest::newRow("int64 max") << QByteArray(":9223372036854775807\r\n")
                                   << QStringList{u"int(9223372036854775807)"_s};
        QTest::newRow("bulk") << QByteArray("$3\r\nabc\r\n") << QStringList{u"bulk(abc)"_s};
        QTest::newRow("empty bulk") << QByteArray("$0\r\n\r\n") << QStringList{u"bulk()"_s};
        QTest::newRow("null bulk") << QByteArray("$-1\r\n") << QStringList{u"null"_s};
        QTest::newRow("binary bulk with CRLF and NUL") << QByteArray("$6\r\na\r\n\0\xff"
                                                                     "b\r\n",
                                                                     12)
                                                       << QStringList{u"bulk(a%0D%0A%00%FFb)"_s};
        QTest::newRow("null array") << QByteArray("*-1\r\n") << QStringList{u"null"_s};
        QTest::newRow("empty array") << QByteArray("*0\r\n") << QStringList{u"arr[]"_s};
        QTest::newRow("nested array") << QByteArray("*2\r\n*2\r\n:1\r\n$-1\r\n+x\r\n")
                                      << QStringList{u"arr[arr[int(1),null],simple(x)]"_s};
        QTest::newRow("scan reply") << QByteArray("*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n")
                                    << QStringList{u"arr[bulk(0),arr[bulk(a),bulk(b)]]"_s};
        QTest::newRow("pipelined") << QByteArray("+PONG\r\n:1\r\n$2\r\nhi\r\n")
                                   << QStringList{u"simple(PONG)"_s, u"int(1)"_s, u"bulk(hi)"_s};
        QTest::newRow("resp3 types") << QByteArray(
                                            "%1\r\n+k\r\n#t\r\n,3.5\r\n_\r\n(123456789012345678901\r\n")
                                     << QStringList{u"map[simple(k),true]"_s, u"double(3.5)"_s, u"null"_s,
                                                    u"big(123456789012345678901)"_s};
    }

    void parsesValues()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        // Whole, and byte by byte: the reader must not care how the bytes arrive.
        for (const bool bytewise : {false, true}) {
            RespReader reader;
            QStringList got;
            if (bytewise) {
                for (qsizetype i = 0; i < input.size(); ++i) {
                    reader.feed(input.mid(i, 1));
                    while (std::optional<RespValue> v = reader.take())
                        got.append(render(*v));
                }
            } else {
                reader.feed(input);
                while (std::optional<RespValue> v = reader.take())
                    got.append(render(*v));
            }
            QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
            QCOMPARE(got, expected);
            QCOMPARE(reader.bufferedBytes(), 0);
        }
    }

    void incompleteWaits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("half a line") << QByteArray("+OK");
        QTest::newRow("CR without LF yet") << QByteArray("+OK\r");
        QTest::newRow("bulk header only") << QByteArray("$5\r\n");
        QTest::newRow("bulk without CRLF") << QByteArray("$5\r\nhello");
        QTest::newRow("array missing an element") << QByteArray("*2\r\n:1\r\n");
        QTest::newRow("announces a huge array") << QByteArray("*1000000\r\n");
    }
    void incompleteWaits()
    {
        QFETCH(QByteArray, input);
        RespReader reader;
        reader.feed(input);
        QVERIFY(!reader.take());
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown type byte") << QByteArray("?what\r\n") << u"unexpected type byte '?'"_s;
        QTest::newRow("HTTP instead of RESP")
            << QByteArray("HTTP/1.1 400 Bad Request\r\n") << u"not a RESP reply"_s;
        QTest::newRow("NUL type byte") << QByteArray("\0\0\0\0", 4) << u"0x00"_s;
        QTest::newRow("integer with letters") << QByteArray(":12a\r\n") << u"is not a number"_s;
        QTest::newRow("empty integer") << QByteArray(":\r\n") << u"is not a number"_s;
        QTest::newRow("integer overflow") << QByteArray(":99999999999999999999\r\n") << u"is not a number"_s;
        QTest::newRow("negative bulk length") << QByteArray("$-5\r\n") << u"negative bulk string length"_s;
        QTest::newRow("absurd bulk length") << QByteArray("$99999999999\r\n") << u"exceeds the limit"_s;
        QTest::newRow("bulk length not a number") << QByteArray("$abc\r\n") << u"is not a number"_s;
        QTest::newRow("bulk longer than announced")
            << QByteArray("$2\r\nabc\r\n") << u"not followed by CRLF"_s;
        QTest::newRow("negative array length") << QByteArray("*-2\r\n") << u"negative array length"_s;
        QTest::newRow("absurd array length") << QByteArray("*99999999999999\r\n") << u"exceeds the limit"_s;
        QTest::newRow("CR without LF") << QByteArray("+OK\rX\n") << u"CR not followed by LF"_s;
        QTest::newRow("bad boolean") << QByteArray("#x\r\n") << u"boolean"_s;
        QTest::newRow("endless line") << QByteArray(70000, 'a').prepend('+') << u"without CRLF"_s;
        QByteArray deep;
        for (int i = 0; i < 100; ++i)
            deep += "*1\r\n";
        deep += ":1\r\n";
        QTest::newRow("nested too deep") << deep << u"nested deeper"_s;
        QTest::newRow("garbage after a good value")
            << QByteArray("+OK\r\n???\r\n") << u"unexpected type byte"_s;
    }
    void rejectsMalformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, messagePart);
        RespReader reader;
        reader.feed(input);
        while (reader.take()) {
        }
        QVERIFY(reader.hasError());
        QVERIFY2(reader.errorString().contains(messagePart), qPrintable(reader.errorString()));
        QVERIFY(reader.errorString().startsWith(u"Malformed RESP reply"_s));
        // The error sticks: more bytes do not bring the reader back into a half-parsed stream.
        reader.feed("+OK\r\n");
        QVERIFY(!reader.take());
        QVERIFY(reader.hasError());
    }

    void acceptsLargeBulk()
    {
        // 100 MB is a legal (if large) Redis value: the limit must not reject it.
        const qint64 size = 100 * 1024 * 1024;
        QByteArray data = "$" + QByteArray::number(size) + "\r\n";
        RespReader reader;
        reader.feed(data);
        QVERIFY(!reader.take());
        QByteArray body(size, 'z');
        body += "\r\n";
        reader.feed(body);
        body.clear();
        const std::optional<RespValue> v = reader.take();
        QVERIFY2(v.has_value(), qPrintable(reader.errorString()));
        QCOMPARE(v->data.size(), size);
    }

    void encodesCommands()
    {
        QCOMPARE(Sightline::encodeCommand({"GET", "k"}), QByteArray("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"));
        const QByteArray binary("a\r\n\0b", 5);
        const QByteArray encoded = Sightline::encodeCommand({"GET", binary, ""});
        QCOMPARE(encoded, QByteArray("*3\r\n$3\r\nGET\r\n$5\r\na\r\n\0b\r\n$0\r\n\r\n", 30));
        // What we encode, we parse back as the same arguments.
        RespReader reader;
        reader.feed(encoded);
        const std::optional<RespValue> v = reader.take();
        QVERIFY(v);
        QCOMPARE(v->elements.size(), 3);
        QCOMPARE(v->elements.at(1).data, binary);
    }

    void policy_data()
    {
        QTest::addColumn<QList<QByteArray>>("command");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("GET") << QList<QByteArray>{"GET", "k"} << true;
        QTest::newRow("lower-case scan") << QList<QByteArray>{"scan", "0"} << true;
        QTest::newRow("MEMORY USAGE") << QList<QByteArray>{"MEMORY", "USAGE", "k"} << true;
        QTest::newRow("CLIENT SETNAME") << QList<QByteArray>{"client", "setname", "x"} << true;
        QTest::newRow("SET") << QList<QByteArray>{"SET", "k", "v"} << false;
        QTest::newRow("DEL") << QList<QByteArray>{"DEL", "k"} << false;
        QTest::newRow("FLUSHALL") << QList<QByteArray>{"FLUSHALL"} << false;
        QTest::newRow("EVAL") << QList<QByteArray>{"EVAL", "return 1", "0"} << false;
        QTest::newRow("CONFIG SET") << QList<QByteArray>{"CONFIG", "SET", "x", "y"} << false;
        QTest::newRow("CLIENT KILL") << QList<QByteArray>{"CLIENT", "KILL", "x"} << false;
        QTest::newRow("MEMORY PURGE") << QList<QByteArray>{"MEMORY", "PURGE"} << false;
        QTest::newRow("bare MEMORY") << QList<QByteArray>{"MEMORY"} << false;
        QTest::newRow("MONITOR") << QList<QByteArray>{"MONITOR"} << false;
        QTest::newRow("empty") << QList<QByteArray>{} << false;
    }
    void policy()
    {
        QFETCH(QList<QByteArray>, command);
        QFETCH(bool, allowed);
        QCOMPARE(RedisCommandPolicy::isAllowed(command), allowed);
        if (!allowed && !command.isEmpty())
            QVERIFY(RedisCommandPolicy::refusal(command).contains(
                QString::fromLatin1(command.constFirst().toUpper())));
    }

    void parsesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("redacted");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("db");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<bool>("tls");
        QTest::newRow("plain") << u"redis://cache:6380/2"_s << QString() << u"redis://cache:6380/2"_s
                               << QString() << QString() << 2 << 10000 << false;
        QTest::newRow("user and password")
            << u"redis://reader:s3cret@h/0?timeout=2.5"_s << QString() << u"redis://reader@h:6379/0"_s
            << u"reader"_s << u"s3cret"_s << 0 << 2500 << false;
        QTest::newRow("password only") << u"redis://:pw@h"_s << QString() << u"redis://h:6379/0"_s
                                       << QString() << u"pw"_s << 0 << 10000 << false;
        QTest::newRow("tls with ms timeout")
            << u"rediss://h:6390/1?timeout=500ms"_s << QString() << u"rediss://h:6390/1"_s << QString()
            << QString() << 1 << 500 << true;
        QTest::newRow("wrong scheme")
            << u"http://h"_s << u"redis://"_s << QString() << QString() << QString() << 0 << 0 << false;
        QTest::newRow("bad db") << u"redis://h/abc"_s << u"not a number"_s << QString() << QString()
                                << QString() << 0 << 0 << false;
        QTest::newRow("bad timeout") << u"redis://h?timeout=-1"_s << u"timeout"_s << QString() << QString()
                                     << QString() << 0 << 0 << false;
        QTest::newRow("unknown option")
            << u"redis://h?foo=1"_s << u"Unknown"_s << QString() << QString() << QString() << 0 << 0 << false;
        QTest::newRow("no host") << u"redis:///0"_s << u"no host"_s << QString() << QString() << QString()
                                 << 0 << 0 << false;
    }
    void parsesUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, error);
        qunsetenv("REDISCLI_AUTH");
        const RedisUrl parsed = RedisUrl::parse(url);
        if (!error.isEmpty()) {
            QVERIFY(!parsed.isValid());
            QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
            return;
        }
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QTEST(parsed.redacted(), "redacted");
        QTEST(parsed.user, "user");
        QTEST(parsed.password, "password");
        QTEST(parsed.db, "db");
        QTEST(parsed.timeoutMs, "timeoutMs");
        QTEST(parsed.tls, "tls");
        QVERIFY(!parsed.redacted().contains(u"s3cret"_s));
    }

    void malformedUrlErrorsNameThePartNotThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("part");
        QTest::newRow("port") << u"redis://reader:s3cret-pw@cache:63x9/0"_s << u"port"_s;
        QTest::newRow("space in password") << u"redis://reader:s3cret pw@cache/0"_s << u"password"_s;
        QTest::newRow("slash in password") << u"redis://:s3cret/pw@cache:6379/0"_s << u"percent-encoded"_s;
        QTest::newRow("host") << u"redis://reader:s3cret-pw@ca<che/0"_s << u"host"_s;
        QTest::newRow("bad percent") << u"redis://reader:s3cret%zz@cache/0"_s << u"password"_s;
    }
    void malformedUrlErrorsNameThePartNotThePassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, part);
        qputenv("REDISCLI_AUTH", "env-s3cret");
        const RedisUrl parsed = RedisUrl::parse(url);
        qunsetenv("REDISCLI_AUTH");
        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.error.startsWith(u"Not a valid Redis URL: "_s), qPrintable(parsed.error));
        QVERIFY2(parsed.error.contains(part), qPrintable(parsed.error));
        for (const QString &secret : {u"s3cret"_s, u"pw@"_s, u"env-s3cret"_s, u"reader:"_s})
            QVERIFY2(!parsed.error.contains(secret), qPrintable(parsed.error));
    }

    void passwordFromEnvironment()
    {
        qputenv("REDISCLI_AUTH", "from-env");
        QCOMPARE(RedisUrl::parse(u"redis://h"_s).password, u"from-env"_s);
        QCOMPARE(RedisUrl::parse(u"redis://:in-url@h"_s).password, u"in-url"_s);
        qunsetenv("REDISCLI_AUTH");
    }
};

QTEST_GUILESS_MAIN(TestRespReader)
#include "tst_respreader.moc"
