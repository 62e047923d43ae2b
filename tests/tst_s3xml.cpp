// S3Xml against golden documents in tests/data/s3 (see the README there for where they come from).

#include "sources/s3/s3source.h"
#include "sources/s3/s3xml.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Sightline::parseListObjectsV2;
using Sightline::parseS3Error;
using Sightline::S3ErrorInfo;
using Sightline::S3ListResult;

namespace {

QByteArray golden(const QString &name)
{
    QFile file(QStringLiteral(SIGHTLINE_TEST_DATA_DIR) + u"/s3/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read golden file %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestS3Xml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefixesAndObjects();
    void truncatedPage();
    void urlEncodedKeys();
    void s3rverListing();
    void errorDocument();
    void notAnErrorDocument();
    void malformed_data();
    void malformed();
    void nodeIdsRoundTrip_data();
    void nodeIdsRoundTrip();
};

void TestS3Xml::prefixesAndObjects()
{
    const S3ListResult result = parseListObjectsV2(golden(u"list-v2-prefixes.xml"_s));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.commonPrefixes, (QList<QByteArray>{"photos/2006/February/", "photos/2006/January/"}));
    QCOMPARE(result.objects.size(), 1);
    QCOMPARE(result.objects[0].key, QByteArray("photos/2006/index.html"));
    QCOMPARE(result.objects[0].size, 434234);
    QCOMPARE(result.objects[0].lastModified, QDateTime(QDate(2009, 10, 12), QTime(17, 50, 30), Qt::UTC));
    QCOMPARE(result.objects[0].storageClass, u"STANDARD"_s);
    QCOMPARE(result.objects[0].etag, u"\"fba9dede5f27731c9771645a39863328\""_s);
    QCOMPARE(result.keyCount, 3);
    QVERIFY(!result.isTruncated);
    QVERIFY(result.nextContinuationToken.isEmpty());
}

void TestS3Xml::truncatedPage()
{
    const S3ListResult result = parseListObjectsV2(golden(u"list-v2-truncated.xml"_s));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.isTruncated);
    QCOMPARE(result.nextContinuationToken, u"1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="_s);
    QCOMPARE(result.objects.size(), 2);
    QCOMPARE(result.objects[1].size, 0);
    QCOMPARE(result.objects[1].storageClass, u"GLACIER"_s);
}

void TestS3Xml::urlEncodedKeys()
{
    const S3ListResult result = parseListObjectsV2(golden(u"list-v2-url-encoded.xml"_s));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.commonPrefixes, QList<QByteArray>{"misc/sub dir/"});
    QCOMPARE(result.objects.size(), 3);
    QCOMPARE(result.objects[0].key, QByteArray("misc/control\x01\x7f"
                                               "key"));
    QCOMPARE(result.objects[1].key, QByteArray("misc/space and+plus"));
    QCOMPARE(result.objects[2].key, QByteArray("misc/latin1-\xe9t\xe9"));
    QCOMPARE(result.objects[2].storageClass, u"STANDARD"_s); // absent means STANDARD
}

void TestS3Xml::s3rverListing()
{
    // What the test server (s3rver 3.7.1) really sends: no EncodingType, keys as they are.
    const S3ListResult result = parseListObjectsV2(golden(u"s3rver-list.xml"_s));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(!result.objects.isEmpty() || !result.commonPrefixes.isEmpty());
    bool sawControlKey = false;
    for (const auto &object : result.objects) {
        QVERIFY(!object.key.isEmpty());
        QVERIFY(object.lastModified.isValid());
        // s3rver ignores EncodingType=url and puts control characters into the XML as they are.
        sawControlKey |= object.key == QByteArray("misc/control-\x01\x1b[31m-name.txt");
    }
    QVERIFY(sawControlKey);

    const S3ListResult truncated = parseListObjectsV2(golden(u"s3rver-list-truncated.xml"_s));
    QVERIFY2(truncated.error.isEmpty(), qPrintable(truncated.error));
    QVERIFY(truncated.isTruncated);
    QVERIFY(!truncated.nextContinuationToken.isEmpty());
    QCOMPARE(truncated.objects.size(), 3);
    QCOMPARE(truncated.keyCount, 3);
}

void TestS3Xml::errorDocument()
{
    S3ErrorInfo error;
    QVERIFY(parseS3Error(golden(u"error-nosuchbucket.xml"_s), &error));
    QCOMPARE(error.code, u"NoSuchBucket"_s);
    QCOMPARE(error.message, u"The specified bucket does not exist"_s);
    QCOMPARE(error.requestId, u"4442587FB7D0A2F9"_s);
    QCOMPARE(error.text(), u"NoSuchBucket: The specified bucket does not exist"_s);
    QVERIFY(parseS3Error(golden(u"error-nosuchkey.xml"_s), &error));
    QCOMPARE(error.text(), u"NoSuchKey: The resource you requested does not exist"_s);
}

void TestS3Xml::notAnErrorDocument()
{
    S3ErrorInfo error;
    QVERIFY(!parseS3Error(golden(u"malformed-html.xml"_s), &error));
    QVERIFY(!parseS3Error(QByteArray(), &error));
    QVERIFY(!parseS3Error(golden(u"list-v2-prefixes.xml"_s), &error));
    QVERIFY(!parseS3Error("<Error><Message>no code</Message></Error>", &error));
}

void TestS3Xml::malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expected"); // a part of the message
    QTest::newRow("truncated") << golden(u"malformed-truncated.xml"_s) << u"malformed S3 listing (line"_s;
    QTest::newRow("html") << golden(u"malformed-html.xml"_s) << u"expected <ListBucketResult>, got <html>"_s;
    QTest::newRow("size not a number") << golden(u"malformed-size.xml"_s) << u"has size \"twelve\""_s;
    QTest::newRow("garbage") << golden(u"malformed-garbage.xml"_s) << u"malformed S3 listing"_s;
    QTest::newRow("empty") << QByteArray() << u"the response body is empty"_s;
    QTest::newRow("error document") << golden(u"error-nosuchbucket.xml"_s) << u"got <Error>"_s;
    QTest::newRow("key missing") << QByteArray("<ListBucketResult><Contents><Size>1</Size></Contents>"
                                               "</ListBucketResult>")
                                 << u"without a <Key>"_s;
}

void TestS3Xml::malformed()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expected);
    const S3ListResult result = parseListObjectsV2(xml);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(result.objects.isEmpty());
}

void TestS3Xml::nodeIdsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("ascii") << QByteArray("evaluations/ev-1/output.txt");
    QTest::newRow("utf-8") << QByteArray("r\xc3\xa9sum\xc3\xa9/\xf0\x9f\x98\x80.txt");
    QTest::newRow("latin-1") << QByteArray("misc/latin1-\xe9t\xe9");
    QTest::newRow("control") << QByteArray("misc/\x01\x7f");
    QTest::newRow("truncated sequence") << QByteArray("a\xe2\x82");
    QTest::newRow("encoded surrogate") << QByteArray("\xed\xb2\x80");
}

void TestS3Xml::nodeIdsRoundTrip()
{
    QFETCH(QByteArray, key);
    const QString id = Sightline::S3Source::keyToNodeId(key);
    QCOMPARE(Sightline::S3Source::nodeIdToKey(id), key);
    if (QString::fromUtf8(key).toUtf8() == key)
        QCOMPARE(id, QString::fromUtf8(key)); // a valid key is its own id
}

QTEST_GUILESS_MAIN(TestS3Xml)
#include "tst_s3xml.moc"
