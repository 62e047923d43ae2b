// The small bodies (labels, series, targets, alerts, error answers): QJsonDocument is plenty.

#include "core/jsonvalues.h"
#include "core/timestamp.h"
#include "prometheusqueryparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

PrometheusError malformed(const QString &message)
{
    PrometheusError error;
    error.kind = PrometheusError::Kind::Malformed;
    error.message = message;
    return error;
}

QString wrongType(const QString &path, const QJsonValue &value, const QString &expected)
{
    return u"%1: expected %2, found %3"_s.arg(path, expected, jsonTypeName(value));
}

// {"status":"success","data":…} → data; {"status":"error",…} → Kind::Api.
struct Envelope
{
    QJsonValue data;
    QStringList warnings;
    PrometheusError error;
};

Envelope readEnvelope(const QByteArray &body)
{
    Envelope envelope;
    if (body.isEmpty()) {
        envelope.error =
            malformed(QCoreApplication::translate("Sightline::PrometheusClient", "the answer is empty"));
        return envelope;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        envelope.error = malformed(u"the answer is not JSON: %1 at byte %2 (it starts with \"%3\")"_s.arg(
            parseError.errorString(), QString::number(parseError.offset),
            QString::fromUtf8(body.left(60)).simplified()));
        return envelope;
    }
    if (!doc.isObject()) {
        envelope.error = malformed(
            u"the answer is a JSON %1, expected an object"_s.arg(doc.isArray() ? u"array"_s : u"value"_s));
        return envelope;
    }
    const QJsonObject root = doc.object();
    const QJsonValue status = root.value(u"status"_s);
    if (!status.isString()) {
        envelope.error = status.isUndefined() ? malformed(u"the answer has no \"status\""_s)
                                              : malformed(wrongType(u"status"_s, status, u"a string"_s));
        return envelope;
    }
    if (status.toString() == u"error") {
        envelope.error.kind = PrometheusError::Kind::Api;
        envelope.error.errorType = root.value(u"errorType"_s).toString();
        const QString text = root.value(u"error"_s).toString();
        envelope.error.message =
            envelope.error.errorType.isEmpty() ? text : envelope.error.errorType + u": "_s + text;
        if (envelope.error.message.isEmpty())
            envelope.error.message = QCoreApplication::translate(
                "Sightline::PrometheusClient", "Prometheus answered with an error and no message");
        return envelope;
    }
    if (status.toString() != u"success") {
        envelope.error = malformed(
            u"\"status\" is \"%1\", expected \"success\" or \"error\""_s.arg(status.toString().left(40)));
        return envelope;
    }
    const QJsonValue warnings = root.value(u"warnings"_s);
    if (warnings.isArray()) {
        const QJsonArray list = warnings.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString()) {
                envelope.error = malformed(wrongType(u"warnings[%1]"_s.arg(i), list.at(i), u"a string"_s));
                return envelope;
            }
            envelope.warnings.append(list.at(i).toString());
        }
    } else if (!warnings.isUndefined() && !warnings.isNull()) {
        envelope.error = malformed(wrongType(u"warnings"_s, warnings, u"an array"_s));
        return envelope;
    }
    if (!root.contains(u"data"_s)) {
        envelope.error = malformed(u"the answer has no \"data\""_s);
        return envelope;
    }
    envelope.data = root.value(u"data"_s);
    return envelope;
}

bool readLabelMap(const QJsonValue &value, const QString &path, QMap<QString, QString> *out, QString *error)
{
    if (!value.isObject()) {
        *error = wrongType(path, value, u"an object"_s);
        return false;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            *error = wrongType(path + u'.' + it.key(), it.value(), u"a string"_s);
            return false;
        }
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

bool readString(const QJsonObject &object, const QString &path, const QString &name, bool optional,
                QString *out, QString *error)
{
    const QJsonValue value = object.value(name);
    if (optional && (value.isUndefined() || value.isNull()))
        return true;
    if (!value.isString()) {
        *error = wrongType(path + u'.' + name, value, u"a string"_s);
        return false;
    }
    *out = value.toString();
    return true;
}

// An RFC 3339 time; Go's zero time ("0001-01-01T00:00:00Z") is "never".
bool readTime(const QJsonObject &object, const QString &path, const QString &name, std::optional<double> *out,
              QString *error)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = wrongType(path + u'.' + name, value, u"an RFC 3339 time"_s);
        return false;
    }
    const Timestamp ms = parseTimestamp(value.toString());
    if (!ms) {
        *error = u"%1.%2: \"%3\" is not an RFC 3339 time"_s.arg(path, name, value.toString().left(40));
        return false;
    }
    constexpr qint64 goZeroTimeMs = -62135596800000LL;
    if (*ms > goZeroTimeMs)
        *out = double(*ms) / 1000.0;
    return true;
}

template<typename T>
PrometheusReply<T> failed(const PrometheusError &error)
{
    PrometheusReply<T> reply;
    reply.error = error;
    return reply;
}

// data.<member>: the array the endpoint answers with.
bool memberArray(const QJsonValue &data, const QString &member, QJsonArray *out, QString *error)
{
    if (!data.isObject()) {
        *error = wrongType(u"data"_s, data, u"an object"_s);
        return false;
    }
    const QJsonValue value = data.toObject().value(member);
    if (!value.isArray()) {
        *error = wrongType(u"data."_s + member, value, u"an array"_s);
        return false;
    }
    *out = value.toArray();
    return true;
}

} // namespace

QString PrometheusSeries::displayName() const
{
    QString inner;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() == u"__name__")
            continue;
        QString value = it.value();
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
        if (!inner.isEmpty())
            inner += u", "_s;
        inner += it.key() + u"=\""_s + value + u'"';
    }
    const QString name = labels.value(u"__name__"_s);
    if (inner.isEmpty())
        return name.isEmpty() ? u"{}"_s : name;
    return name + u'{' + inner + u'}';
}

qint64 PrometheusQueryResult::points() const
{
    qint64 n = 0;
    for (const PrometheusSeries &s : series)
        n += s.timesSeconds.size();
    return n;
}

PrometheusQueryReply parsePrometheusQueryResponse(const QByteArray &body)
{
    return PrometheusQueryParser::parse(body);
}

PrometheusLabelsReply parsePrometheusLabelsResponse(const QByteArray &body)
{
    const Envelope envelope = readEnvelope(body);
    if (envelope.error.isError())
        return failed<QStringList>(envelope.error);
    if (!envelope.data.isArray())
        return failed<QStringList>(malformed(wrongType(u"data"_s, envelope.data, u"an array"_s)));
    const QJsonArray data = envelope.data.toArray();
    QStringList labels;
    labels.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (!data.at(i).isString())
            return failed<QStringList>(malformed(wrongType(u"data[%1]"_s.arg(i), data.at(i), u"a string"_s)));
        labels.append(data.at(i).toString());
    }
    PrometheusLabelsReply reply;
    reply.value = std::move(labels);
    return reply;
}

PrometheusSeriesReply parsePrometheusSeriesResponse(const QByteArray &body)
{
    using List = QList<QMap<QString, QString>>;
    const Envelope envelope = readEnvelope(body);
    if (envelope.error.isError())
        return failed<List>(envelope.error);
    if (!envelope.data.isArray())
        return failed<List>(malformed(wrongType(u"data"_s, envelope.data, u"an array"_s)));
    const QJsonArray data = envelope.data.toArray();
    List series;
    series.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        QMap<QString, QString> labels;
        QString error;
        if (!readLabelMap(data.at(i), u"data[%1]"_s.arg(i), &labels, &error))
            return failed<List>(malformed(error));
        series.append(std::move(labels));
    }
    PrometheusSeriesReply reply;
    reply.value = std::move(series);
    return reply;
}

PrometheusTargetsReply parsePrometheusTargetsResponse(const QByteArray &body)
{
    using List = QList<PrometheusTarget>;
    const Envelope envelope = readEnvelope(body);
    if (envelope.error.isError())
        return failed<List>(envelope.error);
    QJsonArray active;
    QString error;
    if (!memberArray(envelope.data, u"activeTargets"_s, &active, &error))
        return failed<List>(malformed(error));
    List targets;
    targets.reserve(active.size());
    for (qsizetype i = 0; i < active.size(); ++i) {
        const QString path = u"data.activeTargets[%1]"_s.arg(i);
        if (!active.at(i).isObject())
            return failed<List>(malformed(wrongType(path, active.at(i), u"an object"_s)));
        const QJsonObject o = active.at(i).toObject();
        PrometheusTarget t;
        if (!readLabelMap(o.value(u"labels"_s), path + u".labels"_s, &t.labels, &error) ||
            !readString(o, path, u"scrapePool"_s, false, &t.scrapePool, &error) ||
            !readString(o, path, u"scrapeUrl"_s, false, &t.scrapeUrl, &error) ||
            !readString(o, path, u"health"_s, false, &t.health, &error) ||
            !readString(o, path, u"lastError"_s, true, &t.lastError, &error) ||
            !readTime(o, path, u"lastScrape"_s, &t.lastScrapeSeconds, &error))
            return failed<List>(malformed(error));
        const QJsonValue duration = o.value(u"lastScrapeDuration"_s);
        if (duration.isDouble())
            t.lastScrapeDurationSeconds = duration.toDouble();
        else if (!duration.isUndefined() && !duration.isNull())
            return failed<List>(
                malformed(wrongType(path + u".lastScrapeDuration"_s, duration, u"a number"_s)));
        targets.append(std::move(t));
    }
    PrometheusTargetsReply reply;
    reply.value = std::move(targets);
    return reply;
}

PrometheusAlertsReply parsePrometheusAlertsResponse(const QByteArray &body)
{
    using List = QList<PrometheusAlert>;
    const Envelope envelope = readEnvelope(body);
    if (envelope.error.isError())
        return failed<List>(envelope.error);
    QJsonArray alerts;
    QString error;
    if (!memberArray(envelope.data, u"alerts"_s, &alerts, &error))
        return failed<List>(malformed(error));
    List list;
    list.reserve(alerts.size());
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        const QString path = u"data.alerts[%1]"_s.arg(i);
        if (!alerts.at(i).isObject())
            return failed<List>(malformed(wrongType(path, alerts.at(i), u"an object"_s)));
        const QJsonObject o = alerts.at(i).toObject();
        PrometheusAlert a;
        const QJsonValue annotations = o.value(u"annotations"_s);
        if (!readLabelMap(o.value(u"labels"_s), path + u".labels"_s, &a.labels, &error) ||
            (!annotations.isUndefined() && !annotations.isNull() &&
             !readLabelMap(annotations, path + u".annotations"_s, &a.annotations, &error)) ||
            !readString(o, path, u"state"_s, false, &a.state, &error) ||
            !readString(o, path, u"value"_s, true, &a.value, &error) ||
            !readTime(o, path, u"activeAt"_s, &a.activeAtSeconds, &error))
            return failed<List>(malformed(error));
        a.name = a.labels.value(u"alertname"_s);
        list.append(std::move(a));
    }
    PrometheusAlertsReply reply;
    reply.value = std::move(list);
    return reply;
}

PrometheusError prometheusHttpError(const QString &request, int status, const QString &reason,
                                    const QByteArray &body)
{
    PrometheusError error;
    error.httpStatus = status;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject root = doc.object();
    if (root.value(u"status"_s).toString() == u"error" &&
        (root.value(u"errorType"_s).isString() || root.value(u"error"_s).isString())) {
        error.kind = PrometheusError::Kind::Api;
        error.errorType = root.value(u"errorType"_s).toString();
        const QString text = root.value(u"error"_s).toString();
        error.message = error.errorType.isEmpty() ? text : error.errorType + u": "_s + text;
        return error;
    }
    error.kind = PrometheusError::Kind::Http;
    QString excerpt = QString::fromUtf8(body.left(400)).simplified();
    if (excerpt.size() > 200)
        excerpt = excerpt.left(200) + u'…';
    error.message = u"%1: HTTP %2 %3%4"_s.arg(request, QString::number(status), reason,
                                              excerpt.isEmpty() ? QString() : u": "_s + excerpt);
    return error;
}

} // namespace Sightline
