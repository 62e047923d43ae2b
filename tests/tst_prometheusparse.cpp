// The Prometheus HTTP API v1 body parsers, without a server: every documented shape, the bad
// ones, every truncation, every chunking, and a body of 50 MB.

#include "sources/prometheus/prometheusclient.h"
#include "sources/prometheus/prometheusqueryparser.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Sightline;
using Kind = PrometheusError::Kind;

Q_DECLARE_METATYPE(Sightline::PrometheusError::Kind)

using LabelMap = QMap<QString, QString>;

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

// A compact rendering to compare parsed replies in data tables:
// "matrix up{job=\"a\"}:1=2,3=4; warnings: w" or "Malformed: <message>".
QString render(const PrometheusQueryReply &reply)
{
    if (reply.error.isError())
        return u"error: "_s + reply.error.message;
    if (!reply.value)
        return u"no value"_s;
    const PrometheusQueryResult &r = *reply.value;
    QStringList parts{r.resultType};
    if (r.resultType == u"string")
        parts.append(r.stringValue);
    for (const PrometheusSeries &s : r.series) {
        QStringList points;
        for (qsizetype i = 0; i < s.timesSeconds.size(); ++i)
            points.append(number(s.timesSeconds[i]) + u'=' + number(s.values.value(i)));
        parts.append(s.displayName() + u':' + points.join(u','));
    }
    if (!r.warnings.isEmpty())
        parts.append(u"warnings: "_s + r.warnings.join(u'|'));
    return parts.join(u' ');
}

// The same body fed in pieces of `chunk` bytes.
PrometheusQueryReply parseInChunks(const QByteArray &body, qsizetype chunk)
{
    PrometheusQueryParser parser;
    for (qsizetype at = 0; at < body.size(); at += chunk)
        parser.append(body.constData() + at, qMin(chunk, body.size() - at));
    return parser.finish();
}

const QByteArray matrixBody =
    R"({"status":"success","data":{"resultType":"matrix","result":[)"
    R"({"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},)"
    R"("values":[[1435781430.781,"1"],[1435781445.781,"0.5"],[1435781460.781,"-2e-3"]]},)"
    R"({"metric":{"__name__":"up","job":"node"},"values":[[1435781430,"NaN"],[1435781460,"+Inf"],)"
    R"([1435781475,"-Inf"]]}]}})";

// A synthetic range answer of `series` × `points`, the values recoverable from their indexes.
double syntheticValue(int series, int point)
{
    return std::sin(point * 0.01 + series) * (1 + series / 10.0);
}

QByteArray syntheticMatrix(int series, int points)
{
    QByteArray body;
    body.reserve(qsizetype(series) * points * 40);
    body += R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int s = 0; s < series; ++s) {
        if (s)
            body += ',';
        body += R"({"metric":{"__name__":"sightline_bench_signal","series":")" + QByteArray::number(s) +
                R"("},"values":[)";
        for (int p = 0; p < points; ++p) {
            if (p)
                body += ',';
            body += '[' + QByteArray::number(1700000000 + 15 * p) + ".5,\"" +
                    QByteArray::number(syntheticValue(s, p), 'g', 17) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

} // namespace

class TestPrometheusParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodQueryBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("matrix")
            << matrixBody
            << uR"(matrix up{instance="localhost:9090", job="prometheus"}:1435781430.7809999=1,)"
               uR"(1435781445.7809999=0.5,1435781460.7809999=-0.002 )"
               uR"(up{job="node"}:1435781430=nan,1435781460=inf,1435781475=-inf)"_s;
        QTest::newRow("vector") << QByteArray(
                                       R"({"status":"success","data":{"resultType":"vector","result":[)"
                                       R"({"metric":{"__name__":"up","job":"a"},"value":[1700000000,"1"]},)"
                                       R"({"metric":{},"value":[1700000000,"42"]}]}})")
                                << uR"(vector up{job="a"}:1700000000=1 {}:1700000000=42)"_s;
        QTest::newRow("scalar")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"scalar","result":[1435781451.781,"3"]}})")
            << u"scalar {}:1435781451.7809999=3"_s;
        QTest::newRow("scalar NaN")
            << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[1,"NaN"]}})")
            << u"scalar {}:1=nan"_s;
        QTest::newRow("string") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"string\","
                                              "\"result\":[1,\"he said \\\"hi\\\"\"]}}")
                                << u"string he said \"hi\""_s;
        QTest::newRow("empty matrix")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
            << u"matrix"_s;
        QTest::newRow("empty vector")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << u"vector"_s;
        QTest::newRow("series without points")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},"values":[]}]}})")
            << uR"(matrix {a="b"}:)"_s;
        QTest::newRow("gaps")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                          R"({"metric":{"x":"1"},"values":[[0,"1"],[15,"2"],[60,"3"],[3600,"4"]]}]}})")
            << uR"(matrix {x="1"}:0=1,15=2,60=3,3600=4)"_s;
        QTest::newRow("warnings") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                                "\"result\":[]},\"warnings\":[\"w one\",\"w \\\"two\\\"\"]}")
                                  << u"vector warnings: w one|w \"two\""_s;
        QTest::newRow("result before resultType, unknown members")
            << QByteArray(
                   R"({"data":{"result":[{"values":[[1,"2"]],"metric":{"a":"b"},"extra":{"x":[1,2.5e3,null]}}],)"
                   R"("stats":{"timings":{"evalTotalTime":0.1}},"resultType":"matrix"},"infos":["i"],)"
                   R"("isPartial":false,"status":"success"})")
            << uR"(matrix {a="b"}:1=2)"_s;
        QTest::newRow("whitespace everywhere")
            << QByteArray(
                   "\n { \"status\" : \"success\" ,\r\n \"data\" : { \"resultType\" : \"matrix\" , "
                   "\"result\" : [ { \"metric\" : { \"a\" : \"b\" } , \"values\" : [ [ 1 , \"2\" ] ,\t[ 3 , "
                   "\"4\" ] ] } ] } }\n ")
            << uR"(matrix {a="b"}:1=2,3=4)"_s;
        QTest::newRow("histograms skipped")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},)"
                   R"("histograms":[[1,{"count":"2","sum":"3","buckets":[[0,"0","1","2"]]}]]}]}})")
            << uR"(matrix {a="b"}:)"_s;
        QTest::newRow("huge and tiny numbers")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[)"
                   R"([1e3,"1.7976931348623157e308"],[2,"1e400"],[3,"-1e400"],[4,"4.9e-324"],[5,"1e-400"],)"
                   R"([6,"123456789012345678901234567890"],[7,"-0.5"],[8,"+5"]]}]}})")
            << u"matrix {}:1000=1.7976931348623157e+308,2=inf,3=-inf,4=4.9406564584124654e-324,5=0,"
               u"6=1.2345678901234568e+29,7=-0.5,8=5"_s;
        QTest::newRow("escapes and unicode in labels")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":)"
                          "{\"__name__\":\"m\",\"path\":\"C:\\\\dir\\\\\\\"x\\\"\\n\",\"snow\":\"\\u2603 "
                          "\\ud83d\\ude00 日本\","
                          "\"k\\u0065y\":\"\\/\"},\"value\":[1,\"1\"]}]}}")
            << u"vector m{key=\"/\", path=\"C:\\\\dir\\\\\\\"x\\\"\\n\", snow=\"☃ 😀 日本\"}:1=1"_s;
        QTest::newRow("null warnings")
            << QByteArray(
                   R"({"status":"success","warnings":null,"data":{"resultType":"vector","result":[]}})")
            << u"vector"_s;
    }

    void goodQueryBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const PrometheusQueryReply reply = parsePrometheusQueryResponse(body);
        QCOMPARE(render(reply), expected);
        QCOMPARE(reply.value->bytes, body.size());
        // Fed in every chunk size from 1 byte up, the parser must say the same.
        for (qsizetype chunk : {1, 2, 3, 7, 64})
            QCOMPARE(render(parseInChunks(body, chunk)), expected);
    }

    void badQueryBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("message");
        const auto matrix = [](const char *series) -> QByteArray {
            return R"({"status":"success","data":{"resultType":"matrix","result":[)" + QByteArray(series) +
                   "]}}";
        };
        QTest::newRow("api error") << QByteArray("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                                                 "\"1:5: parse error: unexpected \\\"}\\\"\"}")
                                   << Kind::Api << u"bad_data: 1:5: parse error: unexpected \"}\""_s;
        QTest::newRow("api error without type")
            << QByteArray(R"({"status":"error","error":"boom"})") << Kind::Api << u"boom"_s;
        QTest::newRow("empty") << QByteArray() << Kind::Malformed << u"the answer is empty"_s;
        QTest::newRow("html") << QByteArray("<html>oops</html>") << Kind::Malformed
                              << u"expected a JSON object, found \"<"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << Kind::Malformed << u"expected a JSON object"_s;
        QTest::newRow("no status") << QByteArray(R"({"data":{"resultType":"vector","result":[]}})")
                                   << Kind::Malformed << u"no \"status\""_s;
        QTest::newRow("status not a string")
            << QByteArray(R"({"status":1})") << Kind::Malformed << u"status: expected a string"_s;
        QTest::newRow("odd status") << QByteArray(R"({"status":"maybe"})") << Kind::Malformed
                                    << u"\"status\" is \"maybe\""_s;
        QTest::newRow("no data") << QByteArray(R"({"status":"success"})") << Kind::Malformed
                                 << u"no \"data\""_s;
        QTest::newRow("data not an object") << QByteArray(R"({"status":"success","data":[1]})")
                                            << Kind::Malformed << u"data: expected an object"_s;
        QTest::newRow("no resultType") << QByteArray(R"({"status":"success","data":{"result":[]}})")
                                       << Kind::Malformed << u"no \"resultType\""_s;
        QTest::newRow("no result") << QByteArray(R"({"status":"success","data":{"resultType":"matrix"}})")
                                   << Kind::Malformed << u"no \"result\""_s;
        QTest::newRow("bogus resultType")
            << QByteArray(R"({"status":"success","data":{"resultType":"bogus","result":[]}})")
            << Kind::Malformed << u"data.resultType is \"bogus\""_s;
        QTest::newRow("result not an array")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":{}}})")
            << Kind::Malformed << u"data.result: expected an array"_s;
        QTest::newRow("series not an object")
            << matrix("[1]") << Kind::Malformed << u"data.result[0]: expected an object"_s;
        QTest::newRow("value a number")
            << matrix(R"({"metric":{},"values":[[1,"1"],[2,3]]})") << Kind::Malformed
            << u"data.result[0].values[1]: expected [time, \"value\"]"_s;
        QTest::newRow("point too long")
            << matrix(R"({"metric":{},"values":[[1,"1","2"]]})") << Kind::Malformed
            << u"data.result[0].values[0]: expected [time, \"value\"]"_s;
        QTest::newRow("time a string") << matrix(R"({"metric":{},"values":[["1","1"]]})") << Kind::Malformed
                                       << u"data.result[0].values[0]: expected [time, \"value\"]"_s;
        QTest::newRow("time not finite")
            << matrix(R"({"metric":{},"values":[[1e999,"1"]]})") << Kind::Malformed
            << u"data.result[0].values[0]: the time is not a finite number"_s;
        QTest::newRow("value not a number")
            << matrix(R"({},{"metric":{},"values":[[1,"1"],[2,"abc"]]})") << Kind::Malformed
            << u"data.result[1].values[1]: \"abc\" is not a sample value"_s;
        QTest::newRow("value inf lowercase")
            << matrix(R"({"values":[[1,"inf"]]})") << Kind::Malformed << u"\"inf\" is not a sample value"_s;
        QTest::newRow("values not an array") << matrix(R"({"metric":{},"values":{}})") << Kind::Malformed
                                             << u"data.result[0].values: expected an array"_s;
        QTest::newRow("label not a string") << matrix(R"({"metric":{"a":1},"values":[]})") << Kind::Malformed
                                            << u"data.result[0].metric.a: expected a string"_s;
        QTest::newRow("metric not an object") << matrix(R"({"metric":"x","values":[]})") << Kind::Malformed
                                              << u"data.result[0].metric: expected an object"_s;
        QTest::newRow("matrix without values")
            << matrix(R"({"metric":{},"value":[1,"1"]})") << Kind::Malformed
            << u"data.result[0]: a matrix series needs \"values\""_s;
        QTest::newRow("vector without value")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}})")
            << Kind::Malformed << u"data.result[0]: a vector sample needs \"value\""_s;
        QTest::newRow("scalar as list")
            << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[]}})")
            << Kind::Malformed << u"data.result: expected [time, \"value\"]"_s;
        QTest::newRow("scalar as list, type last")
            << QByteArray(R"({"status":"success","data":{"result":[],"resultType":"scalar"}})")
            << Kind::Malformed << u"expected [time, \"value\"] for a scalar"_s;
        QTest::newRow("matrix as point")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[1,"2"]}})")
            << Kind::Malformed << u"data.result[0]: expected an object"_s;
        QTest::newRow("matrix as point, type last")
            << QByteArray(R"({"status":"success","data":{"result":[1,"2"],"resultType":"matrix"}})")
            << Kind::Malformed << u"a matrix is a list of series"_s;
        QTest::newRow("scalar not a number")
            << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[1,"x"]}})")
            << Kind::Malformed << u"\"x\" is not a sample value"_s;
        QTest::newRow("trailing garbage")
            << matrix("") + "x" << Kind::Malformed << u"unexpected data after the JSON object"_s;
        QTest::newRow("control character")
            << QByteArray("{\"status\":\"a\tb\"}") << Kind::Malformed << u"control character"_s;
        QTest::newRow("bad escape") << QByteArray("{\"status\":\"\\q\"}") << Kind::Malformed
                                    << u"invalid escape"_s;
        QTest::newRow("lone surrogate") << matrix("{\"metric\":{\"a\":\"\\ud800\"},\"values\":[]}")
                                        << Kind::Malformed << u"invalid string"_s;
        QTest::newRow("missing colon")
            << QByteArray(R"({"status" "success"})") << Kind::Malformed << u"expected ':'"_s;
        QTest::newRow("missing comma")
            << QByteArray(R"({"status":"success" "data":{}})") << Kind::Malformed << u"expected ',' or '}'"_s;
        QTest::newRow("bad literal in unknown member") << QByteArray(R"({"status":"success","x":nope})")
                                                       << Kind::Malformed << u"expected a JSON value"_s;
        QTest::newRow("deep nesting") << "{\"x\":" + QByteArray(300, '[') + QByteArray(300, ']') + "}"
                                      << Kind::Malformed << u"nested too deeply"_s;
        QTest::newRow("warning not a string") << QByteArray(R"({"status":"success","warnings":[1]})")
                                              << Kind::Malformed << u"warnings[0]: expected a string"_s;
    }

    void badQueryBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(Kind, kind);
        QFETCH(QString, message);
        for (qsizetype chunk : {body.size() + 1, qsizetype(1), qsizetype(5)}) {
            const PrometheusQueryReply reply =
                chunk > body.size() ? parsePrometheusQueryResponse(body) : parseInChunks(body, chunk);
            QVERIFY(!reply.value);
            QCOMPARE(reply.error.kind, kind);
            QVERIFY2(reply.error.message.contains(message), qPrintable(reply.error.message));
            if (kind == Kind::Api)
                QCOMPARE(reply.error.message, message);
        }
    }

    void apiErrorType()
    {
        const PrometheusQueryReply reply = parsePrometheusQueryResponse(
            R"({"status":"error","errorType":"execution","error":"query timed out in expression evaluation"})");
        QCOMPARE(reply.error.kind, Kind::Api);
        QCOMPARE(reply.error.errorType, u"execution"_s);
        QCOMPARE(reply.error.message, u"execution: query timed out in expression evaluation"_s);
    }

    // Every prefix of a valid body is a truncated answer: Malformed, saying it ended early.
    void everyPrefixIsMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("matrix") << matrixBody;
        QTest::newRow("vector") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[)"
            "{\"metric\":{\"a\":\"\\u00e9\\n\"},\"value\":[1.5,\"-Inf\"]}]},\"warnings\":[\"w\"]}");
        QTest::newRow("scalar") << QByteArray(
            R"({"status":"success","data":{"resultType":"scalar","result":[1,"2"]}})");
        QTest::newRow("error") << QByteArray(R"({"status":"error","errorType":"bad_data","error":"x"})");
        QTest::newRow("unknown members")
            << QByteArray(R"({"status":"success","stats":{"a":[true,false,null,-1.5e3,"s"]},)"
                          R"("data":{"resultType":"vector","result":[]}})");
    }

    void everyPrefixIsMalformed()
    {
        QFETCH(QByteArray, body);
        for (qsizetype n = 0; n < body.size(); ++n) {
            const QByteArray prefix = body.left(n);
            const PrometheusQueryReply whole = parsePrometheusQueryResponse(prefix);
            QVERIFY2(whole.error.kind == Kind::Malformed,
                     qPrintable(u"prefix of %1 bytes: "_s.arg(n) + render(whole)));
            QVERIFY(!whole.value);
            QCOMPARE(render(parseInChunks(prefix, 3)), render(whole));
        }
        QVERIFY(!parsePrometheusQueryResponse(body).error.isError() ||
                parsePrometheusQueryResponse(body).error.kind == Kind::Api);
    }

    // The body split in two at every byte gives what the whole body gives.
    void everySplitPoint()
    {
        const PrometheusQueryReply whole = parsePrometheusQueryResponse(matrixBody);
        QVERIFY(whole.value);
        for (qsizetype at = 0; at <= matrixBody.size(); ++at) {
            PrometheusQueryParser parser;
            QVERIFY(parser.append(matrixBody.constData(), at));
            QVERIFY(parser.append(matrixBody.constData() + at, matrixBody.size() - at));
            QCOMPARE(render(parser.finish()), render(whole));
        }
    }

    // A wrong body is noticed as soon as the wrong bytes arrive, not at the end.
    void failsEarly()
    {
        PrometheusQueryParser parser;
        const QByteArray start =
            R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,)";
        QVERIFY(parser.append(start.constData(), start.size()));
        QVERIFY(!parser.failed());
        QVERIFY(!parser.append("\"x\"]", 4));
        QVERIFY(parser.failed());
        const QString message = parser.finish().error.message;
        QVERIFY2(message.contains(u"data.result[0].values[0]: \"x\" is not a sample value"_s),
                 qPrintable(message));
    }

    void largeMatrix()
    {
        const int seriesCount = 230;
        const int pointCount = 6000;
        const QByteArray body = syntheticMatrix(seriesCount, pointCount);
        QVERIFY2(body.size() > 50'000'000, qPrintable(QString::number(body.size())));
        for (const bool chunked : {false, true}) {
            const PrometheusQueryReply reply =
                chunked ? parseInChunks(body, 16 * 1024) : parsePrometheusQueryResponse(body);
            QVERIFY2(reply.value, qPrintable(reply.error.message));
            const PrometheusQueryResult &r = *reply.value;
            QCOMPARE(r.resultType, u"matrix"_s);
            QCOMPARE(r.series.size(), seriesCount);
            QCOMPARE(r.points(), qint64(seriesCount) * pointCount);
            QCOMPARE(r.bytes, body.size());
            for (int s : {0, 1, 117, seriesCount - 1}) {
                const PrometheusSeries &series = r.series.at(s);
                QCOMPARE(series.labels.value(u"series"_s), QString::number(s));
                QCOMPARE(series.timesSeconds.size(), pointCount);
                QCOMPARE(series.values.size(), pointCount);
                for (int p : {0, 1, 2999, pointCount - 1}) {
                    QCOMPARE(series.timesSeconds.at(p), 1700000000.5 + 15 * p);
                    QCOMPARE(series.values.at(p), syntheticValue(s, p)); // exact: 17 digits round-trip
                }
            }
        }
    }

    // Decimals go through a fast path or from_chars; either way the double is the one strtod reads.
    void numbersMatchStrtod()
    {
        QRandomGenerator random(7);
        QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[)";
        QList<QByteArray> texts;
        for (int i = 0; i < 20000; ++i) {
            QByteArray digits;
            const int n = 1 + int(random.bounded(21));
            for (int d = 0; d < n; ++d)
                digits += char('0' + random.bounded(10));
            const int dot = int(random.bounded(n + 1));
            QByteArray text = (random.bounded(2) ? "-" : "") + digits.left(qMax(dot, 1));
            if (dot > 0 && dot < n)
                text += '.' + digits.mid(dot);
            texts.append(text);
            body += (i ? "," : "") + ('[' + text + ",\"" + text + "\"]");
        }
        texts += {"9007199254740993",   "9007199254740992",   "0.1", "0.3",
                  "1.7976931348623157", "123456789.123456789"};
        for (qsizetype i = 20000; i < texts.size(); ++i)
            body += ",[" + texts[i] + ",\"" + texts[i] + "\"]";
        body += "]}]}}";
        const PrometheusQueryReply reply = parsePrometheusQueryResponse(body);
        QVERIFY2(reply.value, qPrintable(reply.error.message));
        const PrometheusSeries &series = reply.value->series.first();
        QCOMPARE(series.values.size(), texts.size());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const double expected = std::strtod(texts[i].constData(), nullptr);
            QVERIFY2(series.values[i] == expected && series.timesSeconds[i] == expected,
                     texts[i].constData());
        }
    }

    void displayName_data()
    {
        QTest::addColumn<LabelMap>("labels");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name only") << LabelMap{{u"__name__"_s, u"up"_s}} << u"up"_s;
        QTest::newRow("name and labels")
            << LabelMap{{u"__name__"_s, u"up"_s}, {u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}}
            << uR"(up{a="1", b="2"})"_s;
        QTest::newRow("no name") << LabelMap{{u"job"_s, u"x"_s}} << uR"({job="x"})"_s;
        QTest::newRow("nothing") << LabelMap{} << u"{}"_s;
        QTest::newRow("quotes") << LabelMap{{u"a"_s, u"say \"hi\"\\"_s}} << u"{a=\"say \\\"hi\\\"\\\\\"}"_s;
    }

    void displayName()
    {
        QFETCH(LabelMap, labels);
        QFETCH(QString, expected);
        PrometheusSeries series;
        series.labels = labels;
        QCOMPARE(series.displayName(), expected);
    }

    void labels_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected"); // joined by '|', or "error: …" (a substring)
        QTest::newRow("labels") << QByteArray(R"({"status":"success","data":["__name__","instance","job"]})")
                                << u"__name__|instance|job"_s;
        QTest::newRow("empty") << QByteArray(R"({"status":"success","data":[]})") << QString();
        QTest::newRow("warnings") << QByteArray(R"({"status":"success","data":["a"],"warnings":["w"]})")
                                  << u"a"_s;
        QTest::newRow("not a string") << QByteArray(R"({"status":"success","data":["a",2]})")
                                      << u"error: data[1]: expected a string, found a number"_s;
        QTest::newRow("data object") << QByteArray(R"({"status":"success","data":{}})")
                                     << u"error: data: expected an array, found an object"_s;
        QTest::newRow("api error") << QByteArray(R"({"status":"error","errorType":"internal","error":"x"})")
                                   << u"error: internal: x"_s;
        QTest::newRow("not json") << QByteArray("{\"status\":") << u"error: the answer is not JSON"_s;
        QTest::newRow("empty body") << QByteArray() << u"error: the answer is empty"_s;
        QTest::newRow("no status") << QByteArray(R"({"data":[]})")
                                   << u"error: the answer has no \"status\""_s;
        QTest::newRow("no data") << QByteArray(R"({"status":"success"})")
                                 << u"error: the answer has no \"data\""_s;
    }

    void labels()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const PrometheusLabelsReply reply = parsePrometheusLabelsResponse(body);
        const QString got = reply.value ? reply.value->join(u'|') : u"error: "_s + reply.error.message;
        if (expected.startsWith(u"error: "_s)) {
            QVERIFY2(got.startsWith(expected), qPrintable(got));
            QVERIFY(reply.error.kind == Kind::Malformed || reply.error.kind == Kind::Api);
        } else {
            QCOMPARE(got, expected);
        }
    }

    void series_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("series") << QByteArray("{\"status\":\"success\",\"data\":[{\"__name__\":\"up\","
                                              "\"job\":\"a\"},{\"__name__\":\"up\",\"job\":\"b\\\"c\"}]}")
                                << u"up{job=\"a\"}|up{job=\"b\\\"c\"}"_s;
        QTest::newRow("none") << QByteArray(R"({"status":"success","data":[]})") << QString();
        QTest::newRow("label a number") << QByteArray(R"({"status":"success","data":[{"a":"b"},{"job":1}]})")
                                        << u"error: data[1].job: expected a string, found a number"_s;
        QTest::newRow("element a string") << QByteArray(R"({"status":"success","data":["x"]})")
                                          << u"error: data[0]: expected an object, found a string"_s;
    }

    void series()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const PrometheusSeriesReply reply = parsePrometheusSeriesResponse(body);
        QString got;
        if (reply.value) {
            QStringList names;
            for (const auto &labels : *reply.value) {
                PrometheusSeries s;
                s.labels = labels;
                names.append(s.displayName());
            }
            got = names.join(u'|');
        } else {
            got = u"error: "_s + reply.error.message;
        }
        QCOMPARE(got, expected);
    }

    void targets()
    {
        const QByteArray body =
            "{\"status\":\"success\",\"data\":{\"activeTargets\":[\n"
            "            "
            "{\"discoveredLabels\":{\"__address__\":\"127.0.0.1:9090\"},\"labels\":{\"instance\":\"127.0.0.1:"
            "9090\",\"job\":\"prometheus\"},\n"
            "             "
            "\"scrapePool\":\"prometheus\",\"scrapeUrl\":\"http://127.0.0.1:9090/"
            "metrics\",\"globalUrl\":\"http://h:9090/metrics\",\n"
            "             "
            "\"lastError\":\"\",\"lastScrape\":\"2017-01-17T15:07:44.723715405+01:00\","
            "\"lastScrapeDuration\":0.050688943,\n"
            "             \"health\":\"up\",\"scrapeInterval\":\"1s\",\"scrapeTimeout\":\"1s\"},\n"
            "            "
            "{\"labels\":{\"instance\":\"127.0.0.1:1\",\"job\":\"unreachable\"},\"scrapePool\":"
            "\"unreachable\",\n"
            "             \"scrapeUrl\":\"http://127.0.0.1:1/metrics\",\"lastError\":\"connection "
            "refused\",\n"
            "             "
            "\"lastScrape\":\"0001-01-01T00:00:00Z\",\"lastScrapeDuration\":0,\"health\":\"down\"}],\n"
            "            \"droppedTargets\":[{\"discoveredLabels\":{\"job\":\"x\"}}]}}";
        const PrometheusTargetsReply reply = parsePrometheusTargetsResponse(body);
        QVERIFY2(reply.value, qPrintable(reply.error.message));
        QCOMPARE(reply.value->size(), 2);
        const PrometheusTarget &up = reply.value->at(0);
        QCOMPARE(up.scrapePool, u"prometheus"_s);
        QCOMPARE(up.scrapeUrl, u"http://127.0.0.1:9090/metrics"_s);
        QCOMPARE(up.health, u"up"_s);
        QCOMPARE(up.labels.value(u"job"_s), u"prometheus"_s);
        QVERIFY(up.lastScrapeSeconds);
        QCOMPARE(*up.lastScrapeSeconds, 1484662064.723); // 14:07:44.723 UTC
        QCOMPARE(up.lastScrapeDurationSeconds, 0.050688943);
        const PrometheusTarget &down = reply.value->at(1);
        QCOMPARE(down.health, u"down"_s);
        QCOMPARE(down.lastError, u"connection refused"_s);
        QVERIFY(!down.lastScrapeSeconds); // Go's zero time: never scraped

        const QList<std::pair<QByteArray, QString>> bad{
            {R"({"status":"success","data":{}})", u"data.activeTargets: expected an array, found missing"_s},
            {R"({"status":"success","data":{"activeTargets":[{"labels":{},"scrapePool":"a","scrapeUrl":"u"}]}})",
             u"data.activeTargets[0].health: expected a string, found missing"_s},
            {R"({"status":"success","data":{"activeTargets":[{"labels":{},"scrapePool":"a","scrapeUrl":"u",)"
             R"("health":"up","lastScrape":"yesterday"}]}})",
             u"data.activeTargets[0].lastScrape: \"yesterday\" is not an RFC 3339 time"_s},
            {R"({"status":"success","data":{"activeTargets":[{"labels":{"a":true}}]}})",
             u"data.activeTargets[0].labels.a: expected a string, found a boolean"_s},
        };
        for (const auto &[badBody, message] : bad) {
            const PrometheusTargetsReply r = parsePrometheusTargetsResponse(badBody);
            QCOMPARE(r.error.kind, Kind::Malformed);
            QCOMPARE(r.error.message, message);
        }
    }

    void alerts()
    {
        const QByteArray body =
            "{\"status\":\"success\",\"data\":{\"alerts\":[\n"
            "            "
            "{\"labels\":{\"alertname\":\"SightlineTestAlwaysFiring\",\"severity\":\"warning\"},\n"
            "             \"annotations\":{\"summary\":\"Always firing, for the "
            "tests\"},\"state\":\"firing\",\n"
            "             \"activeAt\":\"2026-11-30T08:58:05.35Z\",\"value\":\"1e+00\"},\n"
            "            "
            "{\"labels\":{\"alertname\":\"Pending\"},\"state\":\"pending\",\"activeAt\":\"2026-11-30T08:58:"
            "05Z\",\"value\":\"2\"}]}}";
        const PrometheusAlertsReply reply = parsePrometheusAlertsResponse(body);
        QVERIFY2(reply.value, qPrintable(reply.error.message));
        QCOMPARE(reply.value->size(), 2);
        const PrometheusAlert &a = reply.value->at(0);
        QCOMPARE(a.name, u"SightlineTestAlwaysFiring"_s);
        QCOMPARE(a.state, u"firing"_s);
        QCOMPARE(a.labels.value(u"severity"_s), u"warning"_s);
        QCOMPARE(a.annotations.value(u"summary"_s), u"Always firing, for the tests"_s);
        QCOMPARE(a.value, u"1e+00"_s);
        QVERIFY(a.activeAtSeconds);
        QCOMPARE(*a.activeAtSeconds, 1796029085.35);
        QVERIFY(reply.value->at(1).annotations.isEmpty());

        QCOMPARE(parsePrometheusAlertsResponse(R"({"status":"success","data":{"alerts":[{"labels":{}}]}})")
                     .error.message,
                 u"data.alerts[0].state: expected a string, found missing"_s);
        QCOMPARE(parsePrometheusAlertsResponse(R"({"status":"success","data":[]})").error.message,
                 u"data: expected an object, found an array"_s);
    }

    void httpErrors()
    {
        const PrometheusError api =
            prometheusHttpError(u"GET http://h/api/v1/query"_s, 400, u"Bad Request"_s,
                                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid "
                                "parameter \\\"query\\\": 1:1: parse error\"}");
        QCOMPARE(api.kind, Kind::Api);
        QCOMPARE(api.errorType, u"bad_data"_s);
        QCOMPARE(api.httpStatus, 400);
        QCOMPARE(api.message, u"bad_data: invalid parameter \"query\": 1:1: parse error"_s);

        const PrometheusError html =
            prometheusHttpError(u"GET http://h/api/v1/query"_s, 502, u"Bad Gateway"_s,
                                "<html><body>" + QByteArray(1000, 'x') + "</body></html>");
        QCOMPARE(html.kind, Kind::Http);
        QCOMPARE(html.httpStatus, 502);
        QVERIFY2(
            html.message.startsWith(u"GET http://h/api/v1/query: HTTP 502 Bad Gateway: <html><body>xxx"_s),
            qPrintable(html.message));
        QVERIFY(html.message.size() < 300);

        const PrometheusError empty = prometheusHttpError(u"GET u"_s, 503, u"Service Unavailable"_s, {});
        QCOMPARE(empty.kind, Kind::Http);
        QCOMPARE(empty.message, u"GET u: HTTP 503 Service Unavailable"_s);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParse)
#include "tst_prometheusparse.moc"
