#pragma once

// A cursor over JSON text that may stop anywhere: each reader either consumes a whole token (a
// string, a [time, "value"] pair, a skipped value, a label set) or, when the bytes end inside it,
// consumes nothing and says NeedMore, so the caller resumes there when more bytes arrive.
// Internal to sightline_prometheus.

#include "prometheusjsontext.h"

#include <QMap>
#include <QString>

#include <string>
#include <string_view>

namespace Sightline::PrometheusJson {

enum class Step { NeedMore, Done, Failed };
// A [time, "value"] pair: read, not complete yet, or not that shape.
enum class PointScan { Ok, NeedMore, BadShape, BadTime };
// A string: read, not complete yet, or holding a control character.
enum class Scan { Ok, NeedMore, Bad };

class Cursor
{
public:
    virtual ~Cursor() = default;

    // The bytes being parsed: [cur, end) is unread; `base` is the body offset of `begin`.
    const char *begin = nullptr;
    const char *cur = nullptr;
    const char *end = nullptr;
    qint64 base = 0;
    bool failed = false;
    QString error;

    qint64 offset(const char *p) const { return base + (p - begin); }
    // Where the cursor is in the document, for messages: "data.result[3].values[17]".
    virtual QString where() const = 0;

    void skipWs()
    {
        while (cur < end && isWs(*cur))
            ++cur;
    }

    // The member `key` of the object at where(), for messages.
    QString memberPath(std::string_view key) const;

    // Records why the body is wrong; Failed.
    Step fail(const QString &message);

    // A syntax error at `cur`: where, what was expected, and what is there instead.
    Step failHere(const QString &expected);

    // The string at p (*p == '"'): its content [*b, *e), and whether it holds escapes.
    Scan scanString(const char *p, const char **b, const char **e, const char **after, bool *escaped) const;

    // A string's content as a QString, escapes resolved; false for an invalid escape.
    bool decode(const char *b, const char *e, bool escaped, QString *out);

    // A string value at cur (whitespace skipped).
    Step readString(QString *out, const QString &what);

    // `"key" :` at cur; on success cur is after the colon.
    Step readKey(std::string_view *key);

    // [time, "value"] at cur; the value's raw text is [*vb, *ve).
    PointScan readPoint(double *time, const char **vb, const char **ve, bool *vescaped);

    // The message for a pair that readPoint() refused, at `path`.
    Step pointError(PointScan scan, const QString &path);

    // A pair whose value is a sample value ("1.5", "NaN", "+Inf", …).
    Step readSample(double *time, double *value, const QString &path);

    // Any JSON value at cur, validated and dropped. Atomic: on NeedMore nothing is consumed.
    Step skipValue();

    // {"name": "value", …} at cur.
    Step readLabels(QMap<QString, QString> *out, const QString &path);

    // "data" and "warnings" may be null (Prometheus omits them; some proxies send null).
    Step nullOr(const QString &expected);

private:
    std::string m_scratch;
    std::string m_keyScratch; // a member name with escapes, alive while its value is read
};

} // namespace Sightline::PrometheusJson
