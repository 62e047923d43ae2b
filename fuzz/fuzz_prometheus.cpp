// The streaming Prometheus query parser: the same reply whether the body comes at once or in
// chunks, and the other API parsers never crash.

#include "fuzzsplit.h"
#include "sources/prometheus/prometheusclient.h"
#include "sources/prometheus/prometheusqueryparser.h"

#include <cmath>

using namespace Sightline;

namespace {
bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput in = fuzzInput(data, size);
    const QByteArray body = in.body.toByteArray();
    const PrometheusQueryReply whole = PrometheusQueryParser::parse(body);

    PrometheusQueryParser parser;
    bool going = parser.append(body.constData(), in.split);
    for (qsizetype at = in.split; going && at < body.size(); at += in.step)
        going = parser.append(body.constData() + at, qMin<qsizetype>(in.step, body.size() - at));
    const PrometheusQueryReply chunked = parser.finish();

    FUZZ_CHECK(whole.error.kind == chunked.error.kind);
    FUZZ_CHECK(whole.value.has_value() == chunked.value.has_value());
    if (whole.value) {
        const PrometheusQueryResult &a = *whole.value;
        const PrometheusQueryResult &b = *chunked.value;
        FUZZ_CHECK(a.resultType == b.resultType && a.series.size() == b.series.size());
        for (qsizetype i = 0; i < a.series.size(); ++i) {
            FUZZ_CHECK(a.series[i].labels == b.series[i].labels);
            FUZZ_CHECK(a.series[i].values.size() == b.series[i].values.size());
            for (qsizetype k = 0; k < a.series[i].values.size(); ++k) {
                FUZZ_CHECK(sameNumber(a.series[i].values[k], b.series[i].values[k]));
                FUZZ_CHECK(sameNumber(a.series[i].timesSeconds[k], b.series[i].timesSeconds[k]));
            }
        }
    } else {
        FUZZ_CHECK(!whole.error.message.isEmpty());
    }
    parsePrometheusLabelsResponse(body);
    parsePrometheusSeriesResponse(body);
    parsePrometheusTargetsResponse(body);
    parsePrometheusAlertsResponse(body);
    return 0;
}
