#pragma once

#include "prometheusclient.h"

#include <QByteArray>

#include <memory>

namespace Sightline {

// The body of /api/v1/query and /api/v1/query_range, parsed as it arrives.
//
// A range query over a few hundred series answers with tens of megabytes of JSON, which a DOM
// parser (QJsonDocument) would copy three times and hold twice before the first number is read.
// This is a single pass over the bytes for exactly the documented shape, resumable at every
// token and at every [time, "value"] pair, so the network layer hands it each chunk as it comes
// and parsing overlaps the transfer. Members it does not know (stats, infos, histograms, …) are
// skipped, in any order; anything that is not JSON, or a known member of the wrong type, stops it
// with a message naming the place ("data.result[3].values[17]: expected [time, \"value\"]").
class PrometheusQueryParser
{
public:
    PrometheusQueryParser();
    ~PrometheusQueryParser();
    PrometheusQueryParser(const PrometheusQueryParser &) = delete;
    PrometheusQueryParser &operator=(const PrometheusQueryParser &) = delete;

    // Room for at least `size` more bytes: the caller writes them there (e.g. QIODevice::read)
    // and passes how many it wrote to commit(), which parses them. No copy in between.
    char *reserve(qsizetype size);
    // False once the body is known to be wrong (failed()): the caller may stop reading.
    bool commit(qsizetype written);
    bool append(const char *data, qsizetype size);

    bool failed() const;
    qint64 bytesSeen() const;

    // The body ended: the result, or why it is not one (truncated bodies are Kind::Malformed).
    PrometheusQueryReply finish();

    // A whole body, parsed in place.
    static PrometheusQueryReply parse(const QByteArray &body);

private:
    struct State;
    std::unique_ptr<State> d;
    QByteArray m_buffer;    // [m_parsed, m_filled) waits for the rest of its token
    qsizetype m_parsed = 0; // offset of the first byte not parsed yet
    qsizetype m_filled = 0; // bytes of m_buffer holding data
};

// The error of an answer with a non-2xx status: Prometheus's own (Kind::Api, "<errorType>: <error>")
// when the body is its error JSON ({"status":"error",…}; it answers 400, 422, 503 so), else
// Kind::Http naming the request, the status and the start of the body.
PrometheusError prometheusHttpError(const QString &request, int status, const QString &reason,
                                    const QByteArray &body);

} // namespace Sightline
