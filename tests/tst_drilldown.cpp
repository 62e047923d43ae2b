#include "core/drilldown.h"
#include "core/workspaceprofile.h"

#include <QTest>
#include <QUrlQuery>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestDrilldown : public QObject
{
    Q_OBJECT
private:
    static EvaluationDetail completed()
    {
        EvaluationDetail d;
        d.row.id = u"ev-0123456789ab"_s;
        d.row.status = EvaluationStatus::Completed;
        d.row.engine = u"python"_s;
        d.row.workerId = u"worker-07"_s;
        d.row.batchId = u"batch-1"_s;
        d.containerId = u"ctr-abc"_s;
        d.row.createdAt = 1'700'000'000'000;
        d.row.startedAt = 1'700'000'010'000;
        d.row.completedAt = 1'700'000'130'000; // 120 s
        return d;
    }

private Q_SLOTS:
    void expandTemplate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("missing");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"queue_depth"_s << u"queue_depth"_s << QString() << true;
        QTest::newRow("one field") << u"x{name=\"${container_id}\"}"_s << u"x{name=\"ctr-abc\"}"_s
                                   << QString() << true;
        QTest::newRow("two fields") << u"${worker_id}/${id}"_s << u"worker-07/ev-0123456789ab"_s << QString()
                                    << true;
        QTest::newRow("spaces in braces") << u"${ worker_id }"_s << u"worker-07"_s << QString() << true;
        QTest::newRow("escaped literal") << u"$${worker_id}"_s << u"${worker_id}"_s << QString() << true;
        QTest::newRow("lone dollar") << u"a$b$"_s << u"a$b$"_s << QString() << true;
        QTest::newRow("missing field") << u"x{pod=\"${pod}\"}"_s << QString() << u"pod"_s << false;
        QTest::newRow("empty field value is missing")
            << u"${submitted_by}"_s << QString() << u"submitted_by"_s << false;
        QTest::newRow("unterminated")
            << u"x{name=\"${container_id\"}"_s.left(20) << QString() << QString() << false;
        QTest::newRow("empty name") << u"${}"_s << QString() << QString() << false;
        QTest::newRow("not a name") << u"${id\"}"_s << QString() << QString() << false;
    }

    void expandTemplate()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QString, missing);
        QFETCH(bool, ok);
        const TemplateExpansion result =
            Sightline::expandTemplate(text, evaluationTemplateFields(completed()));
        QCOMPARE(result.ok(), ok);
        QCOMPARE(result.text, expected);
        QCOMPARE(result.missingField, missing);
        if (!missing.isEmpty())
            QVERIFY2(result.error.contains(u"${"_s + missing + u'}'), qPrintable(result.error));
    }

    void escapesValuesForPromQL()
    {
        EvaluationDetail d = completed();
        d.containerId = u"a\"b\\c\nd"_s;
        const TemplateExpansion result = Sightline::expandTemplate(
            u"m{name=\"${container_id}\"}"_s, evaluationTemplateFields(d), escapePromQLString);
        QVERIFY(result.ok());
        QCOMPARE(result.text, u"m{name=\"a\\\"b\\\\c\\nd\"}"_s);
    }

    void windowOfACompletedEvaluation()
    {
        const QueryWindowResult r = evaluationQueryWindow(completed().row, 1'800'000'000'000, 60);
        QVERIFY(r.window);
        QCOMPARE(r.window->startMs, 1'700'000'010'000 - 60'000);
        QCOMPARE(r.window->endMs, 1'700'000'130'000 + 60'000);
        QVERIFY(!r.window->open);
        // 240 s / 250 → under a second: the step is 1 s.
        QCOMPARE(r.window->stepSeconds, 1.0);
        QCOMPARE(r.window->points(), 241);
    }

    void windowOfARunningEvaluationEndsNow()
    {
        EvaluationDetail d = completed();
        d.row.status = EvaluationStatus::Running;
        d.row.completedAt.reset();
        const qint64 now = *d.row.startedAt + 3'600'000;
        const QueryWindowResult r = evaluationQueryWindow(d.row, now, 60);
        QVERIFY(r.window);
        QVERIFY(r.window->open);
        QCOMPARE(r.window->endMs, now);
        QCOMPARE(r.window->stepSeconds, std::ceil(3660.0 / 250));
        QVERIFY(r.window->points() <= QueryWindow::TargetPoints + 1);
    }

    void queuedEvaluationHasNoWindow()
    {
        EvaluationDetail d = completed();
        d.row.status = EvaluationStatus::Queued;
        d.row.startedAt.reset();
        d.row.completedAt.reset();
        const QueryWindowResult r = evaluationQueryWindow(d.row, 1'800'000'000'000, 60);
        QVERIFY(!r.window);
        QVERIFY2(r.emptyReason.contains(u"queued"_s), qPrintable(r.emptyReason));
    }

    void stepNeverExceedsMaxPoints_data()
    {
        QTest::addColumn<qint64>("rangeMs");
        QTest::newRow("1 s") << qint64(1000);
        QTest::newRow("4 min") << qint64(240'000);
        QTest::newRow("1 h") << qint64(3'600'000);
        QTest::newRow("30 d") << qint64(30LL * 86'400'000);
        QTest::newRow("10 y") << qint64(3650LL * 86'400'000);
    }

    void stepNeverExceedsMaxPoints()
    {
        QFETCH(qint64, rangeMs);
        const double step = rangeStepSeconds(0, rangeMs);
        QVERIFY(step >= 1);
        QVERIFY(step >= double(rangeMs) / 1000 / QueryWindow::TargetPoints);
        QVERIFY(double(rangeMs) / 1000 / step + 1 <= QueryWindow::MaxPoints);
    }

    void grafanaUrlIsExact()
    {
        GrafanaDashboard dashboard;
        dashboard.title = u"Worker node"_s;
        dashboard.uid = u"node-exporter"_s;
        dashboard.slug = u"node-exporter-full"_s;
        dashboard.vars = {{u"instance"_s, u"${worker_id}"_s}, {u"container"_s, u"${container_id}&x"_s}};
        const LinkResult link = grafanaDashboardUrl(u"https://grafana.internal/"_s, 3, dashboard, 1000, 2000,
                                                    evaluationTemplateFields(completed()));
        QVERIFY2(link.ok(), qPrintable(link.error));
        QCOMPARE(link.url.toString(QUrl::FullyEncoded),
                 u"https://grafana.internal/d/node-exporter/node-exporter-full?orgId=3&from=1000&to=2000"
                 u"&var-instance=worker-07&var-container=ctr-abc%26x"_s);
    }

    void grafanaUrlKeepsAPathPrefix()
    {
        GrafanaDashboard dashboard;
        dashboard.uid = u"abc"_s;
        const LinkResult link = grafanaDashboardUrl(u"http://host:3000/grafana"_s, 1, dashboard, 5, 6, {});
        QVERIFY(link.ok());
        QCOMPARE(link.url.toString(QUrl::FullyEncoded),
                 u"http://host:3000/grafana/d/abc?orgId=1&from=5&to=6"_s);
    }

    void grafanaUrlNamesWhatIsMissing()
    {
        GrafanaDashboard dashboard;
        dashboard.title = u"Pods"_s;
        dashboard.uid = u"pods"_s;
        dashboard.vars = {{u"pod"_s, u"${pod}"_s}};
        LinkResult link = grafanaDashboardUrl(QString(), 1, dashboard, 0, 1, {});
        QVERIFY(!link.ok());
        QVERIFY2(link.error.contains(u"sources.grafana.url"_s), qPrintable(link.error));
        link = grafanaDashboardUrl(u"https://g"_s, 1, dashboard, 0, 1, evaluationTemplateFields(completed()));
        QVERIFY(!link.ok());
        QVERIFY2(link.error.contains(u"${pod}"_s) && link.error.contains(u"Pods"_s), qPrintable(link.error));
    }

    void prometheusUrlIsExact()
    {
        const qint64 start = QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 end = start + 3'723'000; // 1 h 2 min 3 s
        const LinkResult link =
            prometheusGraphUrl(u"http://127.0.0.1:9090"_s, u"rate(x{name=\"a b\"}[1m])"_s, start, end);
        QVERIFY(link.ok());
        QCOMPARE(link.url.toString(QUrl::FullyEncoded),
                 u"http://127.0.0.1:9090/graph?g0.expr=rate%28x%7Bname%3D%22a%20b%22%7D%5B1m%5D%29&g0.tab=0"
                 u"&g0.range_input=1h2m3s&g0.end_input=2026-11-30%2011%3A02%3A03"
                 u"&g0.moment_input=2026-11-30%2011%3A02%3A03"_s);
        const QUrlQuery query(link.url);
        QCOMPARE(query.queryItemValue(u"g0.expr"_s, QUrl::FullyDecoded), u"rate(x{name=\"a b\"}[1m])"_s);
        QVERIFY(!prometheusGraphUrl(QString(), u"up"_s, 0, 1).ok());
    }

    void prometheusDurations()
    {
        QCOMPARE(prometheusDuration(0), u"0s"_s);
        QCOMPARE(prometheusDuration(45'000), u"45s"_s);
        QCOMPARE(prometheusDuration(3'600'000), u"1h"_s);
        QCOMPARE(prometheusDuration(90'061'000), u"1d1h1m1s"_s);
        QCOMPARE(prometheusDuration(1), u"1s"_s); // never rounds a range down to nothing
    }

    void reductionKeepsExtremesPerPixel()
    {
        // 10,000 points over 100 pixels: at most 4 per pixel, and each column's min and max kept.
        QVector<double> x, y;
        for (int i = 0; i < 10'000; ++i) {
            x.append(i);
            y.append(std::sin(i * 0.37) * (i % 97));
        }
        const auto segments = reduceMinMaxPerPixel(x.data(), y.data(), x.size(), 0, 9999, 100);
        QCOMPARE(segments.size(), 1);
        const QList<QPointF> &points = segments.first();
        QVERIFY(points.size() <= 400);
        QVERIFY(points.size() >= 200);
        for (int column = 0; column < 100; ++column) {
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (int i = 0; i < 10'000; ++i) {
                if (std::min<qint64>(99, qint64(i * 100.0 / 9999)) == column) {
                    lo = std::min(lo, y[i]);
                    hi = std::max(hi, y[i]);
                }
            }
            bool seenLo = false, seenHi = false;
            for (const QPointF &p : points) {
                if (std::min<qint64>(99, qint64(p.x() * 100.0 / 9999)) != column)
                    continue;
                seenLo |= p.y() == lo;
                seenHi |= p.y() == hi;
            }
            QVERIFY2(seenLo && seenHi, qPrintable(u"column %1"_s.arg(column)));
        }
        for (int i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() > points[i - 1].x());
    }

    void reductionSplitsAtGapsAndDropsOutside()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double x[] = {-5, 0, 1, 2, 3, 4, 5, 6, 50};
        const double y[] = {9, 1, 2, nan, nan, 3, 4, 5, 9};
        const auto segments = reduceMinMaxPerPixel(x, y, 9, 0, 10, 1000);
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[0], (QList<QPointF>{{0, 1}, {1, 2}}));
        QCOMPARE(segments[1], (QList<QPointF>{{4, 3}, {5, 4}, {6, 5}}));
        QVERIFY(reduceMinMaxPerPixel(x, y, 0, 0, 10, 100).isEmpty());
        QVERIFY(reduceMinMaxPerPixel(x, y, 9, 10, 10, 100).isEmpty());
    }

    void reductionKeepsInfinities()
    {
        // ±Inf are values, not gaps: the chart clips them; the reduction must not lose them.
        const double inf = std::numeric_limits<double>::infinity();
        const double x[] = {0, 1, 2};
        const double y[] = {1, inf, -inf};
        const auto segments = reduceMinMaxPerPixel(x, y, 3, 0, 2, 3);
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments[0].size(), 3);
        QVERIFY(std::isinf(segments[0][1].y()) && segments[0][1].y() > 0);
    }

    void profileDrilldownDefaultsAndParse()
    {
        ProfileParseResult none =
            parseWorkspaceProfile("{\"sources\":{\"sqlite\":{\"path\":\"/x.db\"}}}", u"p.json"_s);
        QVERIFY(none.profile);
        QCOMPARE(none.profile->drilldownSettings.panels.size(), defaultDrilldownPanels().size());
        QVERIFY(none.profile->drilldownSettings.dashboards.isEmpty());
        QVERIFY(none.profile->grafana.url.isEmpty());

        const QByteArray json =
            "{\n"
            "  \"sources\": {\"sqlite\": {\"path\": \"/x.db\"},\n"
            "              \"prometheus\": {\"url\": \"http://127.0.0.1:9090\"},\n"
            "              \"grafana\": {\"url\": \"https://grafana.internal\", \"orgId\": 4}},\n"
            "  \"drilldown\": {\n"
            "    \"padding_seconds\": 30,\n"
            "    \"panels\": [{\"title\": \"CPU\", \"unit\": \"cores\", \"promql\": "
            "\"rate(c{name=\\\"${container_id}\\\"}[1m])\"}],\n"
            "    \"grafana\": [{\"title\": \"Worker node\", \"uid\": \"node-exporter\", \"vars\": "
            "{\"instance\": \"${worker_id}\"}}]\n"
            "  }\n"
            "}\n";
        ProfileParseResult r = parseWorkspaceProfile(json, u"p.json"_s);
        QVERIFY2(r.profile, qPrintable(r.error.toString()));
        const WorkspaceProfile &p = *r.profile;
        QCOMPARE(p.prometheus.url, u"http://127.0.0.1:9090"_s);
        QCOMPARE(p.grafana.url, u"https://grafana.internal"_s);
        QCOMPARE(p.grafana.orgId, 4);
        QCOMPARE(p.drilldownSettings.paddingSeconds, 30);
        QCOMPARE(p.drilldownSettings.panels.size(), 1);
        QCOMPARE(p.drilldownSettings.panels[0].unit, u"cores"_s);
        QCOMPARE(p.drilldownSettings.dashboards.size(), 1);
        QCOMPARE(p.drilldownSettings.dashboards[0].vars.size(), 1);
        QCOMPARE(p.drilldownSettings.dashboards[0].vars[0].first, u"instance"_s);
    }

    void profileDrilldownErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("needle");
        QTest::newRow("panels not array")
            << QByteArray("{\"drilldown\": {\n\"panels\": 3}}") << 2 << u"array"_s;
        QTest::newRow("panel without promql")
            << QByteArray("{\"drilldown\": {\"panels\": [\n{\"title\": \"a\", \"promql\": \"up\"},\n"
                          "{\"title\": \"b\", \"promql\": 5}]}}")
            << 3 << u"panels[1]"_s;
        QTest::newRow("unterminated template")
            << QByteArray("{\"drilldown\": {\"panels\": [\n{\"title\": \"a\", \"promql\": \"rate(${id\"}]}}")
            << 2 << u"closing"_s;
        QTest::newRow("padding negative")
            << QByteArray("{\"drilldown\": {\n\"padding_seconds\": -1}}") << 2 << u"padding_seconds"_s;
        QTest::newRow("grafana var not string")
            << QByteArray("{\"drilldown\": {\"grafana\": [{\"title\": \"t\", \"uid\": \"u\",\n\"vars\": "
                          "{\"a\": 1}}]}}")
            << 2 << u"vars.a"_s;
        QTest::newRow("grafana url scheme")
            << QByteArray("{\"sources\": {\"grafana\": {\n\"url\": \"grafana.internal\"}}}") << 2
            << u"http"_s;
        QTest::newRow("orgId zero")
            << QByteArray("{\"sources\": {\"grafana\": {\"url\": \"http://g\",\n\"orgId\": 0}}}") << 2
            << u"orgId"_s;
    }

    void profileDrilldownErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(QString, needle);
        const ProfileParseResult r = parseWorkspaceProfile(json, u"p.json"_s);
        QVERIFY(!r.profile);
        QVERIFY2(r.error.message.contains(needle), qPrintable(r.error.toString()));
        QCOMPARE(r.error.line, line);
    }
};

QTEST_GUILESS_MAIN(TestDrilldown)
#include "tst_drilldown.moc"
