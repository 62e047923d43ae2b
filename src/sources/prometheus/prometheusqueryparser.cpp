#include "prometheusqueryparser.h"

#include "prometheusjsoncursor.h"
#include "prometheusjsontext.h"

#include <QCoreApplication>

#include <cstring>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Sightline {

using namespace PrometheusJson;

struct PrometheusQueryParser::State : PrometheusJson::Cursor
{
    enum class Frame : quint8 { Root, Data, ResultSeries, Series, Values, Warnings };
    enum class Phase : quint8 { First, Next, AfterValue };
    enum class ResultForm : quint8 { None, SeriesList, Point };
    struct Level
    {
        Frame frame;
        Phase phase;
    };

    qint64 total = 0;

    Level levels[6] = {};
    int depth = 0;
    bool rootDone = false;

    QString status, errorType, errorText, resultType;
    bool haveStatus = false, haveData = false, haveResultType = false, haveResult = false;
    ResultForm form = ResultForm::None;
    PrometheusQueryResult result;
    QString pointValue; // the value of a scalar or string result

    // The series being read. Points are written through raw pointers into vectors sized ahead
    // (a range query's series mostly have the same length: the previous one's is the hint).
    PrometheusSeries series;
    double *times = nullptr;
    double *values = nullptr;
    qsizetype points = 0;
    qsizetype capacity = 0;
    qsizetype capacityHint = 16;
    bool seriesHasValues = false, seriesHasValue = false, seriesHasHistograms = false;
    qsizetype firstWithoutValues = -1, firstWithoutValue = -1;

    void push(Frame frame) { levels[depth++] = {frame, Phase::First}; }

    QString where() const override
    {
        QString path;
        for (int i = 0; i < depth; ++i) {
            switch (levels[i].frame) {
            case Frame::Root:
                break;
            case Frame::Data:
                path += u"data"_s;
                break;
            case Frame::ResultSeries:
                path += u".result"_s;
                break;
            case Frame::Series:
                path += u'[' + QString::number(result.series.size()) + u']';
                break;
            case Frame::Values:
                path += u".values["_s + QString::number(points) + u']';
                break;
            case Frame::Warnings:
                path += u"warnings["_s + QString::number(result.warnings.size()) + u']';
                break;
            }
        }
        return path;
    }

    void appendPoint(double time, double value)
    {
        if (points == capacity) {
            capacity = qMax(capacityHint, capacity * 2);
            series.timesSeconds.resize(capacity);
            series.values.resize(capacity);
            times = series.timesSeconds.data();
            values = series.values.data();
        }
        times[points] = time;
        values[points] = value;
        ++points;
    }

    void beginSeries()
    {
        series = PrometheusSeries();
        times = values = nullptr;
        points = capacity = 0;
        seriesHasValues = seriesHasValue = seriesHasHistograms = false;
    }

    void endSeries()
    {
        series.timesSeconds.resize(points);
        series.values.resize(points);
        if (capacity > points + points / 8) {
            series.timesSeconds.squeeze();
            series.values.squeeze();
        }
        if (points > 0)
            capacityHint = points;
        const qsizetype index = result.series.size();
        if (!seriesHasValues && !seriesHasHistograms && firstWithoutValues < 0)
            firstWithoutValues = index;
        if (!seriesHasValue && !seriesHasHistograms && firstWithoutValue < 0)
            firstWithoutValue = index;
        result.series.append(std::move(series));
        series = PrometheusSeries();
        times = values = nullptr;
        points = capacity = 0;
    }

    Step member(Frame frame, std::string_view key)
    {
        switch (frame) {
        case Frame::Root:
            if (key == "status") {
                haveStatus = true;
                return readString(&status, u"status"_s);
            }
            if (key == "errorType")
                return readString(&errorType, u"errorType"_s);
            if (key == "error")
                return readString(&errorText, u"error"_s);
            if (key == "data") {
                if (*cur != '{')
                    return nullOr(u"data: expected an object"_s);
                ++cur;
                haveData = true;
                push(Frame::Data);
                return Step::Done;
            }
            if (key == "warnings") {
                if (*cur != '[')
                    return nullOr(u"warnings: expected an array"_s);
                ++cur;
                push(Frame::Warnings);
                return Step::Done;
            }
            return skipValue();
        case Frame::Data:
            if (key == "resultType") {
                haveResultType = true;
                return readString(&resultType, u"data.resultType"_s);
            }
            if (key == "result")
                return readResult();
            return skipValue();
        case Frame::Series:
            if (key == "metric")
                return readLabels(&series.labels, memberPath(key));
            if (key == "values") {
                if (*cur != '[')
                    return failHere(memberPath(key) + u": expected an array"_s);
                ++cur;
                seriesHasValues = true;
                push(Frame::Values);
                return Step::Done;
            }
            if (key == "value") {
                double time, value;
                const Step step = readSample(&time, &value, memberPath(key));
                if (step != Step::Done)
                    return step;
                appendPoint(time, value);
                seriesHasValue = true;
                return Step::Done;
            }
            if (key == "histogram" || key == "histograms")
                seriesHasHistograms = true;
            return skipValue();
        case Frame::ResultSeries:
        case Frame::Values:
        case Frame::Warnings:
            break;
        }
        Q_UNREACHABLE();
        return Step::Failed;
    }

    // data.result: a list of series (matrix, vector) or one [time, "value"] (scalar, string).
    Step readResult()
    {
        if (*cur != '[')
            return failHere(u"data.result: expected an array"_s);
        const char *p = cur + 1;
        while (p < end && isWs(*p))
            ++p;
        if (p == end)
            return Step::NeedMore;
        haveResult = true;
        // The type decides when it came first; else the first element does.
        const bool seriesType = resultType == u"matrix" || resultType == u"vector";
        const bool pointType = resultType == u"scalar" || resultType == u"string";
        if ((haveResultType && seriesType) || (!(haveResultType && pointType) && (*p == '{' || *p == ']'))) {
            form = ResultForm::SeriesList;
            cur = cur + 1;
            push(Frame::ResultSeries);
            return Step::Done;
        }
        double time;
        const char *vb, *ve;
        bool escaped;
        const PointScan scan = readPoint(&time, &vb, &ve, &escaped);
        if (scan != PointScan::Ok) {
            if (scan == PointScan::NeedMore)
                haveResult = false;
            return pointError(scan, u"data.result"_s);
        }
        if (!decode(vb, ve, escaped, &pointValue))
            return fail(u"data.result: invalid escape in the value"_s);
        form = ResultForm::Point;
        PrometheusSeries point;
        point.timesSeconds.append(time);
        result.series = {point};
        return Step::Done;
    }

    Step runValues(Level &level)
    {
        for (;;) {
            skipWs();
            if (cur == end)
                return Step::NeedMore;
            if (level.phase == Phase::AfterValue) {
                if (*cur == ',') {
                    ++cur;
                    level.phase = Phase::Next;
                    continue;
                }
                if (*cur == ']') {
                    ++cur;
                    --depth;
                    return Step::Done;
                }
                return failHere(u"expected ',' or ']'"_s);
            }
            if (level.phase == Phase::First && *cur == ']') {
                ++cur;
                --depth;
                return Step::Done;
            }
            double time, value;
            const char *vb, *ve;
            bool escaped;
            const char *start = cur;
            const PointScan scan = readPoint(&time, &vb, &ve, &escaped);
            if (scan == PointScan::Ok && !escaped && parseSampleValue(vb, ve, &value)) {
                appendPoint(time, value);
                level.phase = Phase::AfterValue;
                continue;
            }
            // The rare paths (escapes, errors): again, through the checked reader.
            cur = start;
            const Step step = readSample(&time, &value, where());
            if (step != Step::Done)
                return step;
            appendPoint(time, value);
            level.phase = Phase::AfterValue;
        }
    }

    void closeObject(Frame frame)
    {
        --depth;
        if (frame == Frame::Root)
            rootDone = true;
        else if (frame == Frame::Series)
            endSeries();
    }

    Step run()
    {
        for (;;) {
            skipWs();
            if (cur == end)
                return Step::NeedMore;
            if (depth == 0) {
                if (rootDone)
                    return failHere(u"unexpected data after the JSON object"_s);
                if (*cur != '{')
                    return failHere(u"expected a JSON object"_s);
                ++cur;
                push(Frame::Root);
                continue;
            }
            Level &level = levels[depth - 1];
            switch (level.frame) {
            case Frame::Root:
            case Frame::Data:
            case Frame::Series: {
                if (level.phase == Phase::AfterValue) {
                    if (*cur == ',') {
                        ++cur;
                        level.phase = Phase::Next;
                        continue;
                    }
                    if (*cur == '}') {
                        ++cur;
                        closeObject(level.frame);
                        continue;
                    }
                    return failHere(u"expected ',' or '}'"_s);
                }
                if (level.phase == Phase::First && *cur == '}') {
                    ++cur;
                    closeObject(level.frame);
                    continue;
                }
                const char *mark = cur;
                const Phase phase = level.phase;
                std::string_view key;
                Step step = readKey(&key);
                if (step != Step::Done)
                    return step;
                skipWs();
                if (cur == end) {
                    cur = mark;
                    return Step::NeedMore;
                }
                level.phase = Phase::AfterValue;
                step = member(level.frame, key);
                if (step == Step::NeedMore) {
                    cur = mark;
                    level.phase = phase;
                }
                if (step != Step::Done)
                    return step;
                continue;
            }
            case Frame::ResultSeries:
            case Frame::Warnings: {
                if (level.phase == Phase::AfterValue) {
                    if (*cur == ',') {
                        ++cur;
                        level.phase = Phase::Next;
                        continue;
                    }
                    if (*cur == ']') {
                        ++cur;
                        --depth;
                        continue;
                    }
                    return failHere(u"expected ',' or ']'"_s);
                }
                if (level.phase == Phase::First && *cur == ']') {
                    ++cur;
                    --depth;
                    continue;
                }
                if (level.frame == Frame::Warnings) {
                    QString warning;
                    const Step step = readString(&warning, where());
                    if (step != Step::Done)
                        return step;
                    result.warnings.append(warning);
                    level.phase = Phase::AfterValue;
                    continue;
                }
                if (*cur != '{')
                    return fail(where() + u'[' + QString::number(result.series.size()) +
                                u"]: expected an object, found \""_s +
                                QString::fromUtf8(cur, qMin<qsizetype>(end - cur, 20)) + u'"');
                ++cur;
                level.phase = Phase::AfterValue;
                beginSeries();
                push(Frame::Series);
                continue;
            }
            case Frame::Values: {
                const Step step = runValues(level);
                if (step != Step::Done)
                    return step;
                continue;
            }
            }
        }
    }

    PrometheusQueryReply malformed(const QString &message) const
    {
        PrometheusQueryReply reply;
        reply.error.kind = PrometheusError::Kind::Malformed;
        reply.error.message = message;
        return reply;
    }

    PrometheusQueryReply reply()
    {
        if (failed)
            return malformed(error);
        if (total == 0)
            return malformed(
                QCoreApplication::translate("Sightline::PrometheusClient", "the answer is empty"));
        if (!rootDone) {
            const QString path = where();
            return malformed(
                QCoreApplication::translate("Sightline::PrometheusClient",
                                            "the answer ends early, after %1 bytes%2")
                    .arg(QString::number(total), path.isEmpty() ? QString() : u" (inside "_s + path + u')'));
        }
        if (!haveStatus)
            return malformed(u"the answer has no \"status\""_s);
        if (status == u"error") {
            PrometheusQueryReply reply;
            reply.error.kind = PrometheusError::Kind::Api;
            reply.error.errorType = errorType;
            reply.error.message = errorType.isEmpty() ? errorText : errorType + u": "_s + errorText;
            if (reply.error.message.isEmpty())
                reply.error.message = QCoreApplication::translate(
                    "Sightline::PrometheusClient", "Prometheus answered with an error and no message");
            return reply;
        }
        if (status != u"success")
            return malformed(
                u"\"status\" is \"%1\", expected \"success\" or \"error\""_s.arg(status.left(40)));
        if (!haveData)
            return malformed(u"the answer has no \"data\""_s);
        if (!haveResultType)
            return malformed(u"\"data\" has no \"resultType\""_s);
        if (!haveResult)
            return malformed(u"\"data\" has no \"result\""_s);
        const bool isSeries = resultType == u"matrix" || resultType == u"vector";
        if (isSeries && form != ResultForm::SeriesList)
            return malformed(
                u"data.result: a %1 is a list of series, found [time, \"value\"]"_s.arg(resultType));
        if (resultType == u"matrix" && firstWithoutValues >= 0)
            return malformed(u"data.result[%1]: a matrix series needs \"values\""_s.arg(firstWithoutValues));
        if (resultType == u"vector" && firstWithoutValue >= 0)
            return malformed(u"data.result[%1]: a vector sample needs \"value\""_s.arg(firstWithoutValue));
        if (resultType == u"scalar" || resultType == u"string") {
            if (form != ResultForm::Point)
                return malformed(u"data.result: expected [time, \"value\"] for a %1"_s.arg(resultType));
            if (resultType == u"string") {
                result.stringValue = pointValue;
            } else {
                const QByteArray text = pointValue.toUtf8();
                double value;
                if (!parseSampleValue(text.constData(), text.constData() + text.size(), &value))
                    return malformed(u"data.result: \"%1\" is not a sample value"_s.arg(pointValue.left(40)));
                result.series.first().values.append(value);
            }
            if (resultType == u"string")
                result.series.clear();
        } else if (!isSeries) {
            return malformed(u"data.resultType is \"%1\", expected matrix, vector, scalar or string"_s.arg(
                resultType.left(40)));
        }
        PrometheusQueryReply reply;
        result.resultType = resultType;
        result.bytes = total;
        reply.value = std::move(result);
        result = PrometheusQueryResult();
        return reply;
    }

    // Parses [b, e) as far as it goes; returns how many bytes it consumed.
    qsizetype consume(const char *b, const char *e)
    {
        begin = cur = b;
        end = e;
        if (!failed)
            run();
        const qsizetype used = cur - b;
        base += used;
        begin = cur = end = nullptr;
        return used;
    }
};

PrometheusQueryParser::PrometheusQueryParser()
    : d(std::make_unique<State>())
{
}

PrometheusQueryParser::~PrometheusQueryParser() = default;

char *PrometheusQueryParser::reserve(qsizetype size)
{
    // Keep the unparsed tail (a token split across chunks) and drop what was parsed, but move
    // bytes only when that frees at least half the buffer, so that a long token costs linear time.
    if (m_parsed > 0 && m_parsed >= m_filled / 2) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_parsed, size_t(m_filled - m_parsed));
        m_filled -= m_parsed;
        m_parsed = 0;
    }
    if (m_buffer.size() < m_filled + size)
        m_buffer.resize(
            qMax(m_filled + size, qMin<qsizetype>(m_buffer.size() * 2, m_filled + size + (4 << 20))));
    return m_buffer.data() + m_filled;
}

bool PrometheusQueryParser::commit(qsizetype written)
{
    Q_ASSERT(m_filled + written <= m_buffer.size());
    m_filled += written;
    d->total += written;
    m_parsed += d->consume(m_buffer.constData() + m_parsed, m_buffer.constData() + m_filled);
    return !d->failed;
}

bool PrometheusQueryParser::append(const char *data, qsizetype size)
{
    std::memcpy(reserve(size), data, size_t(size));
    return commit(size);
}

bool PrometheusQueryParser::failed() const
{
    return d->failed;
}

qint64 PrometheusQueryParser::bytesSeen() const
{
    return d->total;
}

PrometheusQueryReply PrometheusQueryParser::finish()
{
    return d->reply();
}

PrometheusQueryReply PrometheusQueryParser::parse(const QByteArray &body)
{
    PrometheusQueryParser parser;
    parser.d->total = body.size();
    parser.d->consume(body.constData(), body.constData() + body.size());
    return parser.finish();
}

} // namespace Sightline
