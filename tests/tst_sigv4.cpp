// SigV4Signer against published vectors: the AWS SigV4 test suite (2015 edition, as mirrored in
// awslabs/aws-c-auth) and the worked examples of the S3 API reference. Sources and the full
// expected canonical requests: tests/data/s3/README.md.

#include "sources/s3/s3client.h"
#include "sources/s3/sigv4signer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Sightline::SigV4Credentials;
using Sightline::SigV4Pairs;
using Sightline::SigV4Request;
using Sightline::SigV4Signature;
using Sightline::SigV4Signer;

namespace {

SigV4Credentials suiteCredentials()
{
    return {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, {}};
}

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);
}

SigV4Credentials s3DocCredentials()
{
    return {u"AKIAIOSFODNN7EXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s, {}};
}

QDateTime s3DocTime()
{
    return QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
}

} // namespace

Q_DECLARE_METATYPE(SigV4Pairs)

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testSuite_data();
    void testSuite();
    void s3GetObjectRange();
    void s3ListObjects();
    void s3GetLifecycle();
    void signingKey();
    void uriEncoding_data();
    void uriEncoding();
    void queryIsSortedAfterEncoding();
    void headerValuesAreTrimmed();
    void nonUtf8ListPrefixKeepsItsBytes();
};

void TestSigV4::testSuite_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<SigV4Pairs>("query");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("authorization");

    const QByteArray prefix =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
    QTest::newRow("get-vanilla")
        << QByteArray("/") << SigV4Pairs{} << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    QTest::newRow("get-vanilla-query-order-key")
        << QByteArray("/") << SigV4Pairs{{"Param1", "value2"}, {"Param1", "Value1"}} << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1";
    QTest::newRow("get-vanilla-query-order-key-case")
        << QByteArray("/") << SigV4Pairs{{"Param2", "value2"}, {"Param1", "value1"}} << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500";
    QTest::newRow("get-utf8")
        << QByteArray("/\xe1\x88\xb4") << SigV4Pairs{} << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85";
    QTest::newRow("get-unreserved")
        << QByteArray("/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") << SigV4Pairs{}
        << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f";
    const QByteArray unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QTest::newRow("get-vanilla-query-unreserved")
        << QByteArray("/") << SigV4Pairs{{unreserved, unreserved}} << QString()
        << prefix + "SignedHeaders=host;x-amz-date, "
                    "Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197";
    QTest::newRow("get-vanilla-with-session-token")
        << QByteArray("/") << SigV4Pairs{}
        << u"6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"_s
        << prefix + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                    "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8";
}

void TestSigV4::testSuite()
{
    QFETCH(QByteArray, path);
    QFETCH(SigV4Pairs, query);
    QFETCH(QString, token);
    QFETCH(QByteArray, authorization);

    SigV4Credentials credentials = suiteCredentials();
    credentials.sessionToken = token;
    const SigV4Signer signer(credentials, u"us-east-1"_s, u"service"_s);
    SigV4Request request;
    request.host = "example.amazonaws.com";
    request.path = path;
    request.query = query;
    request.sendContentSha256 = false; // the generic suite signs no payload header
    const SigV4Signature signature = signer.sign(request, suiteTime());
    QCOMPARE(signature.header("authorization"), authorization);
    QCOMPARE(signature.header("x-amz-date"), QByteArray("20150830T123600Z"));
    QCOMPARE(signature.header("x-amz-security-token"), token.toUtf8());
}

void TestSigV4::s3GetObjectRange()
{
    const SigV4Signer signer(s3DocCredentials(), u"us-east-1"_s);
    SigV4Request request;
    request.host = "examplebucket.s3.amazonaws.com";
    request.path = "/test.txt";
    request.headers = {{"Range", "bytes=0-9"}};
    const SigV4Signature signature = signer.sign(request, s3DocTime());
    QCOMPARE(signature.canonicalRequest,
             QByteArray("GET\n"
                        "/test.txt\n"
                        "\n"
                        "host:examplebucket.s3.amazonaws.com\n"
                        "range:bytes=0-9\n"
                        "x-amz-content-sha256:"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                        "x-amz-date:20130524T000000Z\n"
                        "\n"
                        "host;range;x-amz-content-sha256;x-amz-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(signature.stringToSign,
             QByteArray("AWS4-HMAC-SHA256\n"
                        "20130524T000000Z\n"
                        "20130524/us-east-1/s3/aws4_request\n"
                        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    QCOMPARE(signature.signature,
             QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    QCOMPARE(
        signature.header("authorization"),
        QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                   "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                   "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    QCOMPARE(signature.header("x-amz-content-sha256"), SigV4Signer::emptyPayloadHash());
}

void TestSigV4::s3ListObjects()
{
    const SigV4Signer signer(s3DocCredentials(), u"us-east-1"_s);
    SigV4Request request;
    request.host = "examplebucket.s3.amazonaws.com";
    request.query = {{"prefix", "J"}, {"max-keys", "2"}}; // out of order on purpose
    const SigV4Signature signature = signer.sign(request, s3DocTime());
    QVERIFY(signature.canonicalRequest.startsWith("GET\n/\nmax-keys=2&prefix=J\n"));
    QCOMPARE(SigV4Signer::sha256Hex(signature.canonicalRequest),
             QByteArray("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"));
    QCOMPARE(signature.signature,
             QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
}

void TestSigV4::s3GetLifecycle()
{
    const SigV4Signer signer(s3DocCredentials(), u"us-east-1"_s);
    SigV4Request request;
    request.host = "examplebucket.s3.amazonaws.com";
    request.query = {{"lifecycle", ""}};
    const SigV4Signature signature = signer.sign(request, s3DocTime());
    QVERIFY(signature.canonicalRequest.startsWith("GET\n/\nlifecycle=\n"));
    QCOMPARE(SigV4Signer::sha256Hex(signature.canonicalRequest),
             QByteArray("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"));
    QCOMPARE(signature.signature,
             QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
}

void TestSigV4::signingKey()
{
    // The derivation example of the SigV4 documentation (service iam, 20150830).
    QCOMPARE(
        SigV4Signer::signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam")
            .toHex(),
        QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
}

void TestSigV4::uriEncoding_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("keepSlash");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("path keeps slashes")
        << QByteArray("/evaluations/ev-1/a b+c.txt") << true << QByteArray("/evaluations/ev-1/a%20b%2Bc.txt");
    QTest::newRow("query value encodes slashes")
        << QByteArray("a/b=c&d") << false << QByteArray("a%2Fb%3Dc%26d");
    QTest::newRow("unreserved stay") << QByteArray("AZaz09-_.~") << false << QByteArray("AZaz09-_.~");
    QTest::newRow("upper-case hex, raw bytes")
        << QByteArray("\x01\xff\xc3\xa9") << true << QByteArray("%01%FF%C3%A9");
    QTest::newRow("no double encoding of %") << QByteArray("100%") << true << QByteArray("100%25");
}

void TestSigV4::uriEncoding()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, keepSlash);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SigV4Signer::uriEncode(raw, keepSlash), encoded);
}

void TestSigV4::queryIsSortedAfterEncoding()
{
    QCOMPARE(
        SigV4Signer::canonicalQuery({{"prefix", "evaluations/"}, {"list-type", "2"}, {"delimiter", "/"}}),
        QByteArray("delimiter=%2F&list-type=2&prefix=evaluations%2F"));
    QCOMPARE(SigV4Signer::canonicalQuery({}), QByteArray());
}

void TestSigV4::headerValuesAreTrimmed()
{
    const SigV4Signer signer(s3DocCredentials(), u"us-east-1"_s);
    SigV4Request a;
    a.host = "examplebucket.s3.amazonaws.com";
    a.path = "/test.txt";
    a.headers = {{"Range", "  bytes=0-9  "}};
    SigV4Request b = a;
    b.headers = {{"range", "bytes=0-9"}};
    QCOMPARE(signer.sign(a, s3DocTime()).signature, signer.sign(b, s3DocTime()).signature);
}

void TestSigV4::nonUtf8ListPrefixKeepsItsBytes()
{
    // A key need not be UTF-8 (Latin-1 "été", a stray 0xFF): the listing of its prefix must send,
    // and sign, exactly its bytes; a detour through QString would make them U+FFFD (%EF%BF%BD).
    const QByteArray prefix("misc/latin1-\xe9t\xe9/\xff\xfe/");
    const SigV4Pairs query = Sightline::S3Client::listQuery(prefix, "/", 1000, u"token+/="_s);
    const QByteArray expected =
        "continuation-token=token%2B%2F%3D&delimiter=%2F&encoding-type=url&list-type=2"
        "&max-keys=1000&prefix=misc%2Flatin1-%E9t%E9%2F%FF%FE%2F";
    QCOMPARE(SigV4Signer::canonicalQuery(query), expected);

    const SigV4Signer signer(s3DocCredentials(), u"us-east-1"_s);
    SigV4Request request;
    request.host = "examplebucket.s3.amazonaws.com";
    request.query = query;
    const SigV4Signature signature = signer.sign(request, s3DocTime());
    QVERIFY2(signature.canonicalRequest.startsWith(QByteArray("GET\n/\n" + expected + '\n')),
             signature.canonicalRequest.constData());
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
