// S3Source against the s3rver that scripts/test starts and seeds (scripts/lib/s3.sh), plus
// in-process servers that never answer or answer garbage.

#include "awaitfuture.h"
#include "sources/s3/s3source.h"
#include "testservers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using Sightline::S3Config;
using Sightline::S3Source;
using Sightline::StorageNode;
using Sightline::StoragePage;
using Sightline::StoragePreview;
using Sightline::StorageSummary;
using Sightline::TestSupport::await;

namespace {

QString requiredEnv(const char *name)
{
    return qEnvironmentVariable(name);
}

using Sightline::TestSupport::SilentServer;

// Answers every request with the same bytes and closes.
class GarbageServer : public QTcpServer
{
public:
    explicit GarbageServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->readAll();
            socket->write(m_answer);
            socket->disconnectFromHost();
        });
    }

private:
    QByteArray m_answer;
};

// An HTTP/1.1 server scripted by the test: `answer` gets each request head ("GET /b?… HTTP/1.1\r\n
// Host: …") and writes a response, or writes nothing to keep the request waiting.
class ScriptedServer : public QTcpServer
{
public:
    std::function<void(QTcpSocket *socket, const QByteArray &head)> answer;
    QList<QByteArray> requests;
    QList<QTcpSocket *> sockets;

    // The server goes away: every connection closed, no new ones accepted.
    void vanish()
    {
        close();
        for (QTcpSocket *socket : std::as_const(sockets))
            socket->abort();
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            qsizetype end;
            while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                requests.append(head);
                if (answer)
                    answer(socket, head);
            }
        });
    }
};

QByteArray httpResponse(const QByteArray &body, const QByteArray &status = "200 OK")
{
    return "HTTP/1.1 " + status +
           "\r\nContent-Type: application/xml\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

// A ListObjectsV2 answer with EncodingType=url: keys and prefixes as percent-encoded bytes.
QByteArray listing(const QList<QByteArray> &keys, const QList<QByteArray> &prefixes = {},
                   const QByteArray &nextToken = {})
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                     "<Name>bucket</Name><EncodingType>url</EncodingType><IsTruncated>" +
                     QByteArray(nextToken.isEmpty() ? "false" : "true") + "</IsTruncated>";
    if (!nextToken.isEmpty())
        xml += "<NextContinuationToken>" + nextToken + "</NextContinuationToken>";
    for (const QByteArray &key : keys)
        xml += "<Contents><Key>" + key.toPercentEncoding("/") +
               "</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><Size>3</Size>"
               "<StorageClass>STANDARD</StorageClass></Contents>";
    for (const QByteArray &prefix : prefixes)
        xml += "<CommonPrefixes><Prefix>" + prefix.toPercentEncoding("/") + "</Prefix></CommonPrefixes>";
    return xml + "</ListBucketResult>";
}

QByteArray requestTarget(const QByteArray &head) // "/bucket?list-type=2&…"
{
    const QByteArray line = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> parts = line.split(' ');
    return parts.size() == 3 ? parts.at(1) : QByteArray();
}

QByteArray headerOf(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestS3Source : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rootPrefixes();
    void pagingFollowsContinuation();
    void objectMetadata();
    void evaluationIds();
    void rangedPreviewWithContinuation();
    void textPreview();
    void controlCharactersAreEscapedButKeptInTheId();
    void summaryCountsEverything();
    void noSuchBucket();
    void unknownAccessKeyIsRejected();
    void serverThatNeverAnswersTimesOut();
    void stopInterruptsAWaitingRequest();
    void garbageIsAClearError_data();
    void garbageIsAClearError();
    void readOnlyProof();
    void nonUtf8PrefixIsListedByteForByte();
    void summaryCountIsCapped();
    void childrenAnswerWhileTheSummaryLists();
    void childrenAnswerWhileTheSummaryListsABucket();
    void serverVanishingMidListingIsAClearError();

private:
    S3Config config() const;
    std::unique_ptr<S3Source> source() const { return std::make_unique<S3Source>(config()); }
    QList<StorageNode> allChildren(S3Source &source, const QString &id);
    const StorageNode *find(const QList<StorageNode> &nodes, const QString &id);

    QString m_url;
    QString m_bucket;
    QString m_log;
};

S3Config TestS3Source::config() const
{
    S3Config config;
    config.endpoint = QUrl(m_url);
    config.bucket = m_bucket;
    config.credentials = Sightline::SigV4Credentials::fromEnvironment();
    return config;
}

void TestS3Source::initTestCase()
{
    m_url = requiredEnv("SIGHTLINE_TEST_S3_URL");
    m_bucket = requiredEnv("SIGHTLINE_TEST_S3_BUCKET");
    m_log = requiredEnv("SIGHTLINE_TEST_S3_LOG");
    if (m_url.isEmpty() || m_bucket.isEmpty() || m_log.isEmpty())
        QFAIL(
            "SIGHTLINE_TEST_S3_URL, SIGHTLINE_TEST_S3_BUCKET and SIGHTLINE_TEST_S3_LOG are not set: run the "
            "tests through scripts/test (or scripts/lib/s3.sh, after `sightline seed --s3 … --bucket …`)");
}

QList<StorageNode> TestS3Source::allChildren(S3Source &source, const QString &id)
{
    QList<StorageNode> nodes;
    QString continuation;
    int pages = 0;
    do {
        const StoragePage page = await(source.children(id, continuation));
        if (!page.error.isEmpty())
            qFatal("listing %s failed: %s", qPrintable(id), qPrintable(page.error));
        nodes += page.nodes;
        continuation = page.continuation;
        if (++pages > 100000)
            qFatal("endless continuation");
    } while (!continuation.isEmpty());
    return nodes;
}

const StorageNode *TestS3Source::find(const QList<StorageNode> &nodes, const QString &id)
{
    for (const StorageNode &node : nodes) {
        if (node.id == id)
            return &node;
    }
    return nullptr;
}

void TestS3Source::rootPrefixes()
{
    auto s3 = source();
    const StoragePage page = await(s3->children({}, {}));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const StorageNode *evaluations = find(page.nodes, u"evaluations/"_s);
    QVERIFY(evaluations);
    QCOMPARE(evaluations->kind, StorageNode::Kind::Group);
    QVERIFY(evaluations->hasChildren);
    QCOMPARE(evaluations->name, u"evaluations/"_s);
    QVERIFY(find(page.nodes, u"misc/"_s));
    QVERIFY(page.continuation.isEmpty());
}

void TestS3Source::pagingFollowsContinuation()
{
    auto s3 = source();
    // misc/ holds objects only: s3rver pages objects, not common prefixes.
    const QList<StorageNode> expected = allChildren(*s3, u"misc/"_s);
    QVERIFY(expected.size() > 3);

    s3->setPageSize(2);
    const StoragePage first = await(s3->children(u"misc/"_s, {}));
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(first.nodes.size(), 2);
    QVERIFY(!first.continuation.isEmpty()); // the "more…" row
    const QList<StorageNode> paged = allChildren(*s3, u"misc/"_s);
    QCOMPARE(paged.size(), expected.size());
    QSet<QString> ids;
    for (const StorageNode &node : paged)
        ids.insert(node.id);
    QCOMPARE(ids.size(), expected.size()); // no page repeated a node
}

void TestS3Source::objectMetadata()
{
    auto s3 = source();
    const QList<StorageNode> nodes = allChildren(*s3, u"misc/"_s);
    const StorageNode *large = find(nodes, u"misc/large-5mb.bin"_s);
    QVERIFY(large);
    QCOMPARE(large->kind, StorageNode::Kind::Item);
    QCOMPARE(large->name, u"large-5mb.bin"_s);
    QCOMPARE(large->bytes, 5 * 1024 * 1024);
    QCOMPARE(large->typeLabel, u"object"_s);
    QCOMPARE(large->detail, u"STANDARD"_s);
    QVERIFY(large->previewable);
    QVERIFY(large->modified.isValid());
    QVERIFY(qAbs(large->modified.secsTo(QDateTime::currentDateTimeUtc())) < 7 * 24 * 3600);
    QVERIFY(large->evaluationId.isEmpty());
}

void TestS3Source::evaluationIds()
{
    auto s3 = source();
    const QList<StorageNode> evaluations = allChildren(*s3, u"evaluations/"_s);
    QVERIFY(!evaluations.isEmpty());
    const StorageNode &group = evaluations.constFirst();
    QCOMPARE(group.kind, StorageNode::Kind::Group);
    QVERIFY(group.id.startsWith(u"evaluations/ev-"_s));
    const QString id = group.id.mid(12).chopped(1);
    QCOMPARE(group.evaluationId, id);

    const QList<StorageNode> files = allChildren(*s3, group.id);
    const StorageNode *summary = find(files, group.id + u"evaluation.json"_s);
    QVERIFY(summary);
    QCOMPARE(summary->evaluationId, id);
    QCOMPARE(summary->name, u"evaluation.json"_s);
    const StorageNode *artifacts = find(files, group.id + u"artifacts/"_s);
    QVERIFY(artifacts);
    QCOMPARE(artifacts->evaluationId, id);
    const QList<StorageNode> inner = allChildren(*s3, artifacts->id);
    QVERIFY(!inner.isEmpty());
    for (const StorageNode &node : inner)
        QCOMPARE(node.evaluationId, id);
}

void TestS3Source::rangedPreviewWithContinuation()
{
    auto s3 = source();
    const StoragePreview first = await(s3->preview(u"misc/large-5mb.bin"_s, {}));
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(first.totalSize, 5 * 1024 * 1024);
    QVERIFY(first.truncated);
    QCOMPARE(first.continuation, QString::number(S3Source::kPreviewBytes));
    QVERIFY(!first.text.isEmpty());
    QVERIFY(first.text.contains(u"\\x"_s)); // random bytes are escaped, not shown raw

    const StoragePreview second = await(s3->preview(u"misc/large-5mb.bin"_s, first.continuation));
    QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
    QCOMPARE(second.totalSize, first.totalSize);
    QCOMPARE(second.continuation, QString::number(2 * S3Source::kPreviewBytes));
    QVERIFY(second.text != first.text);

    const QString last = QString::number(5 * 1024 * 1024 - 10);
    const StoragePreview tail = await(s3->preview(u"misc/large-5mb.bin"_s, last));
    QVERIFY2(tail.error.isEmpty(), qPrintable(tail.error));
    QVERIFY(!tail.truncated);
    QVERIFY(tail.continuation.isEmpty());

    const StoragePreview bad = await(s3->preview(u"misc/large-5mb.bin"_s, u"not-a-number"_s));
    QVERIFY(bad.error.contains(u"not a byte offset"_s));
}

void TestS3Source::textPreview()
{
    auto s3 = source();
    const StoragePreview utf8 = await(s3->preview(u"misc/r\u00e9sum\u00e9-\u20ac.txt"_s, {}));
    QVERIFY2(utf8.error.isEmpty(), qPrintable(utf8.error));
    QCOMPARE(utf8.text, u"UTF-8 key\n"_s);
    QCOMPARE(utf8.totalSize, 10);
    QVERIFY(!utf8.truncated);

    const StoragePreview binary = await(s3->preview(u"misc/binary-preview.bin"_s, {}));
    QVERIFY2(binary.error.isEmpty(), qPrintable(binary.error));
    QVERIFY2(binary.text.startsWith(u"\\x00\\x01\\x02\\xff\\xfe text"_s), qPrintable(binary.text));

    const StoragePreview missing = await(s3->preview(u"misc/no-such-object"_s, {}));
    QVERIFY2(missing.error.startsWith(u"NoSuchKey: "_s), qPrintable(missing.error));
}

void TestS3Source::controlCharactersAreEscapedButKeptInTheId()
{
    auto s3 = source();
    const QList<StorageNode> nodes = allChildren(*s3, u"misc/"_s);
    const QString realKey = QString::fromUtf8("misc/control-\x01\x1b[31m-name.txt");
    const StorageNode *node = find(nodes, realKey);
    QVERIFY2(node, "the id is the real key, control characters and all");
    QVERIFY(node->id.contains(QChar(0x01)));
    QCOMPARE(node->name, u"control-\\x01\\x1b[31m-name.txt"_s);
    const StoragePreview preview = await(s3->preview(node->id, {}));
    QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
    QCOMPARE(preview.text, u"a key with control characters\n"_s);
}

void TestS3Source::summaryCountsEverything()
{
    auto s3 = source();
    s3->setPageSize(100); // several pages, so progress reports more than once
    QSignalSpy progress(s3.get(), &Sightline::StorageSource::progressChanged);
    const StorageSummary summary = await(s3->summary());
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QVERIFY(summary.reachable);
    QVERIFY(summary.latencyMs > 0);
    QCOMPARE(summary.itemNoun, u"objects"_s);
    QVERIFY(summary.itemCount > 5);
    QVERIFY(summary.totalBytes > 5 * 1024 * 1024);
    // Progress is queued to this thread: the last report may still be on its way.
    QTRY_VERIFY(!progress.isEmpty() &&
                progress.constLast().constFirst().value<Sightline::StorageProgress>().finished);
    const auto last = progress.constLast().constFirst().value<Sightline::StorageProgress>();
    QCOMPARE(last.what, u"Listing objects"_s);
    QVERIFY(last.finished);
    QCOMPARE(last.done, summary.itemCount);
}

void TestS3Source::noSuchBucket()
{
    S3Config missing = config();
    missing.bucket = u"no-such-bucket"_s;
    S3Source s3(missing);
    const StorageSummary summary = await(s3.summary());
    QVERIFY(!summary.reachable);
    QCOMPARE(summary.error, u"NoSuchBucket: The specified bucket does not exist"_s);
    const StoragePage page = await(s3.children({}, {}));
    QCOMPARE(page.error, u"NoSuchBucket: The specified bucket does not exist"_s);
}

void TestS3Source::unknownAccessKeyIsRejected()
{
    // s3rver does not check SigV4 signatures (DESIGN.md §7; tst_sigv4 does), but it reads the
    // Authorization header we send and knows its access keys.
    S3Config wrong = config();
    wrong.credentials.accessKeyId = u"AKIDNOTKNOWN"_s;
    S3Source s3(wrong);
    const StoragePage page = await(s3.children({}, {}));
    QVERIFY2(page.error.startsWith(u"InvalidAccessKeyId: "_s), qPrintable(page.error));
}

void TestS3Source::serverThatNeverAnswersTimesOut()
{
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    S3Config silent = config();
    silent.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    silent.timeoutMs = 500;
    S3Source s3(silent);
    QElapsedTimer timer;
    timer.start();
    const StoragePage page = await(s3.children({}, {}), 10000);
    QVERIFY2(page.error.contains(u"did not answer within 0.5 s"_s), qPrintable(page.error));
    QVERIFY(!page.cancelled);
    QVERIFY(timer.elapsed() < 5000);
}

void TestS3Source::stopInterruptsAWaitingRequest()
{
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    S3Config silent = config();
    silent.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    silent.timeoutMs = 60000;
    S3Source s3(silent);
    QFuture<StoragePage> listing = s3.children({}, {});
    QFuture<StoragePreview> queued = s3.preview(u"misc/a.txt"_s, {});
    QTRY_VERIFY(!server.held.isEmpty()); // the request is out and waiting
    QElapsedTimer timer;
    timer.start();
    s3.stop();
    const StoragePage page = await(listing, 5000);
    QVERIFY(page.cancelled);
    QVERIFY(await(queued, 5000).cancelled);
    QVERIFY(timer.elapsed() < 3000);

    // Later calls work again: a request after stop() is not cancelled by it.
    QFuture<StoragePage> after = s3.children({}, {});
    QTest::qWait(300);
    QVERIFY(!after.isFinished());
    s3.stop();
    QVERIFY(await(after, 5000).cancelled);
}

void TestS3Source::garbageIsAClearError_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("200 with a body that is not XML")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 21\r\n\r\n"
                      "this is not xml at al")
        << u"malformed S3 listing"_s;
    QTest::newRow("200 with truncated XML")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 39\r\n\r\n<ListBucketResult><Contents><Key>a</Ke")
        << u"malformed S3 listing (line"_s;
    QTest::newRow("502 from a proxy")
        << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 5\r\n\r\noops!")
        << u"HTTP 502 Bad Gateway"_s;
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\x01\x02\x03") << u"s3://"_s;
}

void TestS3Source::garbageIsAClearError()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, expected);
    GarbageServer server(answer);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    S3Config garbage = config();
    garbage.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    garbage.timeoutMs = 3000;
    S3Source s3(garbage);
    const StoragePage page = await(s3.children({}, {}), 10000);
    QVERIFY2(page.error.contains(expected), qPrintable(page.error));
    QVERIFY(page.nodes.isEmpty());
}

void TestS3Source::readOnlyProof()
{
    QFile log(m_log);
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.errorString()));
    const qint64 start = log.size();

    // A whole exploration: the summary, every prefix expanded, every object previewed.
    auto s3 = source();
    const StorageSummary summary = await(s3->summary(), 120000);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    qint64 requests = 2; // HEAD + at least one listing page
    QStringList pending{QString()};
    qint64 objects = 0;
    while (!pending.isEmpty()) {
        const QString prefix = pending.takeFirst();
        QString continuation;
        do {
            const StoragePage page = await(s3->children(prefix, continuation));
            QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
            ++requests;
            for (const StorageNode &node : page.nodes) {
                if (node.kind == StorageNode::Kind::Group) {
                    pending.append(node.id);
                    continue;
                }
                const StoragePreview preview = await(s3->preview(node.id, {}));
                QVERIFY2(preview.error.isEmpty(), qPrintable(node.name + u": "_s + preview.error));
                ++requests;
                ++objects;
            }
            continuation = page.continuation;
        } while (!continuation.isEmpty());
    }
    QCOMPARE(objects, summary.itemCount);

    // s3rver writes a line as each request arrives; the last ones are already in.
    QVERIFY(log.seek(start));
    const QList<QByteArray> lines = log.readAll().split('\n');
    qint64 fromUs = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 4 || !fields.at(3).startsWith("Sightline-S3Client"))
            continue;
        ++fromUs;
        const QByteArray &method = fields.at(1);
        QVERIFY2(method == "GET" || method == "HEAD", line.constData());
    }
    QVERIFY2(fromUs >= requests,
             qPrintable(u"the log saw %1 of our %2 requests"_s.arg(fromUs).arg(requests)));
}

void TestS3Source::nonUtf8PrefixIsListedByteForByte()
{
    // s3rver cannot store keys that are not UTF-8, so an in-process server offers one: a prefix
    // with a Latin-1 "é" and a 0xFF byte. Listing it must send exactly those bytes, and sign them.
    const QByteArray weird("bad-\xe9-\xff/");
    ScriptedServer server;
    server.answer = [&](QTcpSocket *socket, const QByteArray &head) {
        const bool root = !requestTarget(head).contains("prefix=");
        socket->write(httpResponse(root ? listing({}, {weird}) : listing({weird + "inside.txt"})));
    };
    QVERIFY(server.listen(QHostAddress::LocalHost));
    S3Config fake = config();
    fake.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    fake.bucket = u"bucket"_s;
    fake.credentials = {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, {}};
    S3Source s3(fake);

    const StoragePage root = await(s3.children({}, {}), 10000);
    QVERIFY2(root.error.isEmpty(), qPrintable(root.error));
    QCOMPARE(root.nodes.size(), 1);
    const StorageNode prefix = root.nodes.constFirst();
    QCOMPARE(S3Source::nodeIdToKey(prefix.id), weird);
    QCOMPARE(prefix.name, u"bad-\\xe9-\\xff/"_s);

    const StoragePage inner = await(s3.children(prefix.id, {}), 10000);
    QVERIFY2(inner.error.isEmpty(), qPrintable(inner.error));
    QCOMPARE(inner.nodes.size(), 1);
    QCOMPARE(S3Source::nodeIdToKey(inner.nodes.constFirst().id), weird + "inside.txt");
    QCOMPARE(inner.nodes.constFirst().name, u"inside.txt"_s);

    QCOMPARE(server.requests.size(), 2);
    const QByteArray head = server.requests.at(1);
    const QByteArray target = requestTarget(head);
    QVERIFY2(target.contains("&prefix=bad-%E9-%FF%2F"), target.constData()); // not %EF%BF%BD

    // The signature covers the same bytes: sign the request as the server received it.
    const qsizetype question = target.indexOf('?');
    Sightline::SigV4Request received;
    received.host = headerOf(head, "host");
    received.path = QByteArray::fromPercentEncoding(target.left(question));
    for (const QByteArray &pair : target.mid(question + 1).split('&')) {
        const qsizetype equals = pair.indexOf('=');
        received.query.append({QByteArray::fromPercentEncoding(pair.left(equals)),
                               QByteArray::fromPercentEncoding(pair.mid(equals + 1))});
    }
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(headerOf(head, "x-amz-date")), u"yyyyMMdd'T'HHmmss'Z'"_s);
    QVERIFY(when.isValid());
    const Sightline::SigV4Signer signer(fake.credentials, fake.region);
    const Sightline::SigV4Signature expected =
        signer.sign(received, QDateTime(when.date(), when.time(), Qt::UTC));
    QCOMPARE(headerOf(head, "authorization"), expected.header("authorization"));
}

void TestS3Source::summaryCountIsCapped()
{
    auto s3 = source();
    s3->setPageSize(2);
    s3->setSummaryLimit(5);
    const StorageSummary summary = await(s3->summary());
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.itemCount, 5); // a lower bound: the bucket holds more
    const std::pair<QString, QString> line{u"Objects"_s, u"counted the first 5 objects"_s};
    QVERIFY(summary.details.contains(line));

    // Under the cap, the count is exact and says nothing more.
    s3->setSummaryLimit(1000000);
    s3->setPageSize(1000);
    const StorageSummary all = await(s3->summary());
    QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
    QVERIFY(all.itemCount > 5);
    for (const auto &[label, value] : all.details)
        QVERIFY2(label != u"Objects"_s, qPrintable(value));
    s3->setSummaryLimit(all.itemCount); // exactly the cap: nothing left uncounted, nothing to say
    const StorageSummary exact = await(s3->summary());
    QCOMPARE(exact.itemCount, all.itemCount);
    for (const auto &[label, value] : exact.details)
        QVERIFY2(label != u"Objects"_s, qPrintable(value));
}

void TestS3Source::childrenAnswerWhileTheSummaryLists()
{
    // The summary's whole-bucket listing never answers; the tree and previews must not wait for it.
    ScriptedServer server;
    server.answer = [&](QTcpSocket *socket, const QByteArray &head) {
        const QByteArray target = requestTarget(head);
        if (head.startsWith("HEAD "))
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        else if (target.contains("delimiter="))
            socket->write(httpResponse(listing({"a.txt"}, {"dir/"})));
        else if (target.contains("list-type="))
            return; // the summary's listing: hold it
        else
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
    };
    QVERIFY(server.listen(QHostAddress::LocalHost));
    S3Config fake = config();
    fake.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    fake.timeoutMs = 60000;
    S3Source s3(fake);

    QFuture<StorageSummary> summary = s3.summary();
    QTRY_VERIFY(std::any_of(server.requests.cbegin(), server.requests.cend(), [](const QByteArray &head) {
        return head.startsWith("GET ") && !requestTarget(head).contains("delimiter=");
    }));
    QFuture<StoragePage> page = s3.children({}, {});
    QFuture<StoragePreview> preview = s3.preview(u"a.txt"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(page.isFinished() && preview.isFinished(), 5000);
    QVERIFY2(page.result().error.isEmpty(), qPrintable(page.result().error));
    QCOMPARE(page.result().nodes.size(), 2);
    QCOMPARE(preview.result().text, u"abc"_s);
    QVERIFY(!summary.isFinished());

    // The summary stops at once, the tree keeps working.
    QElapsedTimer timer;
    timer.start();
    s3.stop();
    const StorageSummary stopped = await(summary, 5000);
    QCOMPARE(stopped.error, u"stopped"_s);
    QVERIFY(timer.elapsed() < 3000);
    QVERIFY2(await(s3.children({}, {}), 5000).error.isEmpty(), "children() after stop()");
}

void TestS3Source::childrenAnswerWhileTheSummaryListsABucket()
{
    // The same against s3rver: one key per page makes the summary a few hundred requests long.
    auto s3 = source();
    s3->setPageSize(1);
    QSignalSpy progress(s3.get(), &Sightline::StorageSource::progressChanged);
    QFuture<StorageSummary> summary = s3->summary();
    QTRY_VERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant> &arguments) {
        return arguments.constFirst().value<Sightline::StorageProgress>().done >= 2;
    }));
    const StoragePage page = await(s3->children(u"misc/"_s, {}));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.nodes.size(), 1);
    QVERIFY2(!summary.isFinished(), "children() waited for the whole summary listing");
    s3->stop();
    QCOMPARE(await(summary).error, u"stopped"_s);
}

void TestS3Source::serverVanishingMidListingIsAClearError()
{
    // The first page arrives, then the server is gone: the page's nodes stand, "more…" fails clearly.
    ScriptedServer server;
    server.answer = [&](QTcpSocket *socket, const QByteArray &head) {
        if (head.startsWith("HEAD ")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        socket->write(httpResponse(listing({"k1", "k2"}, {}, "page-2")));
        socket->flush();
        server.vanish();
    };
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    S3Config fake = config();
    fake.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    fake.bucket = u"bucket"_s;
    fake.timeoutMs = 5000;
    S3Source s3(fake);

    const StoragePage first = await(s3.children({}, {}), 10000);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(first.nodes.size(), 2);
    QCOMPARE(first.nodes.at(0).id, u"k1"_s);
    QCOMPARE(first.continuation, u"page-2"_s);

    const StoragePage more = await(s3.children({}, first.continuation), 10000);
    QVERIFY(!more.cancelled);
    QVERIFY(more.nodes.isEmpty());
    QVERIFY2(more.error.startsWith(u"s3://bucket at http://127.0.0.1:%1: "_s.arg(port)),
             qPrintable(more.error));
    QVERIFY2(more.error.contains(u"refused"_s, Qt::CaseInsensitive) ||
                 more.error.contains(u"closed"_s, Qt::CaseInsensitive),
             qPrintable(more.error));
    QVERIFY2(!more.error.contains(u"did not answer"_s), qPrintable(more.error)); // no timeout wait

    // The summary's listing fails the same way, and says so instead of showing a count.
    ScriptedServer again;
    again.answer = [&](QTcpSocket *socket, const QByteArray &head) {
        if (head.startsWith("HEAD ")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        socket->write(httpResponse(listing({"k1", "k2"}, {}, "page-2")));
        socket->flush();
        again.vanish();
    };
    QVERIFY(again.listen(QHostAddress::LocalHost));
    fake.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(again.serverPort()));
    S3Source s3again(fake);
    const StorageSummary summary = await(s3again.summary(), 10000);
    QVERIFY(summary.reachable);
    QVERIFY2(summary.error.startsWith(u"s3://bucket at "_s), qPrintable(summary.error));
    QCOMPARE(summary.itemCount, -1);
}

QTEST_GUILESS_MAIN(TestS3Source)
#include "tst_s3source.moc"
