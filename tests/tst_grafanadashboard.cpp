// The Grafana dashboard shipped in resources/grafana (issue 7): it must know every variable the
// drill-down passes when it opens Grafana, read every panel from the ${datasource} variable, and
// link back to the evaluation in Sightline. The variable names come from the code: the example
// profile of docs/grafana.md is parsed by the real profile parser and its link is built by the
// drill-down's URL builder, so a renamed field or variable fails here.

#include "core/drilldown.h"
#include "core/sightlinelink.h"
#include "core/workspaceprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Sightline;

namespace {

const QString BackLinkPrefix = u"sightline://evaluation/${eval_id}"_s;

QJsonObject readJsonObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"%1 is not a JSON object: %2 at offset %3"_s.arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    return document.object();
}

// Every panel, rows' nested panels included.
QList<QJsonObject> allPanels(const QJsonObject &dashboard)
{
    QList<QJsonObject> result;
    const QJsonArray panels = dashboard.value(u"panels"_s).toArray();
    for (const QJsonValue &value : panels) {
        const QJsonObject panel = value.toObject();
        if (panel.value(u"type"_s).toString() == u"row"_s) {
            const QJsonArray nested = panel.value(u"panels"_s).toArray();
            for (const QJsonValue &inner : nested)
                result.append(inner.toObject());
            continue;
        }
        result.append(panel);
    }
    return result;
}

QSet<QString> variableNames(const QJsonObject &dashboard)
{
    QSet<QString> names;
    const QJsonArray list = dashboard.value(u"templating"_s).toObject().value(u"list"_s).toArray();
    for (const QJsonValue &value : list)
        names.insert(value.toObject().value(u"name"_s).toString());
    return names;
}

bool usesDatasourceVariable(const QJsonValue &datasource)
{
    return datasource.toObject().value(u"uid"_s).toString() == u"${datasource}"_s ||
           datasource.toString() == u"${datasource}"_s;
}

// What is wrong with a dashboard, one line each; empty when it is right. `passedVariables` are
// the var-<name> parameters the drill-down's link carries.
QStringList dashboardProblems(const QJsonObject &dashboard, const QStringList &passedVariables)
{
    QStringList problems;
    if (dashboard.value(u"uid"_s).toString() != u"sightline-evaluation"_s)
        problems << u"the uid is not sightline-evaluation"_s;
    if (dashboard.value(u"schemaVersion"_s).toInt() < 36)
        problems << u"schemaVersion %1 is older than Grafana 9"_s.arg(
            dashboard.value(u"schemaVersion"_s).toInt());

    const QSet<QString> variables = variableNames(dashboard);
    const QJsonArray list = dashboard.value(u"templating"_s).toObject().value(u"list"_s).toArray();
    bool datasourceVariable = false;
    for (const QJsonValue &value : list) {
        const QJsonObject variable = value.toObject();
        if (variable.value(u"name"_s).toString() == u"datasource"_s &&
            variable.value(u"type"_s).toString() == u"datasource"_s &&
            variable.value(u"query"_s).toString() == u"prometheus"_s)
            datasourceVariable = true;
    }
    if (!datasourceVariable)
        problems << u"no variable \"datasource\" of type datasource for prometheus"_s;
    for (const QString &name : passedVariables) {
        if (!variables.contains(name))
            problems << u"the drill-down passes var-%1, which templating.list lacks"_s.arg(name);
    }

    const QList<QJsonObject> panels = allPanels(dashboard);
    if (panels.isEmpty())
        problems << u"no panels"_s;
    // ${name} and ${name:format} in queries and links must name a variable (or a Grafana one).
    static const QRegularExpression reference(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[a-z]+)?\\}"_s);
    auto checkReferences = [&](const QString &where, const QString &text) {
        for (auto it = reference.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!variables.contains(name) && !name.startsWith(u"__"_s))
                problems << u"%1 names ${%2}, which templating.list lacks"_s.arg(where, name);
        }
    };
    int linkedPanels = 0;
    for (const QJsonObject &panel : panels) {
        const QString title = panel.value(u"title"_s).toString();
        if (!usesDatasourceVariable(panel.value(u"datasource"_s)))
            problems << u"panel \"%1\" does not use ${datasource}"_s.arg(title);
        const QJsonArray targets = panel.value(u"targets"_s).toArray();
        if (targets.isEmpty())
            problems << u"panel \"%1\" has no query"_s.arg(title);
        for (const QJsonValue &target : targets) {
            if (!usesDatasourceVariable(target.toObject().value(u"datasource"_s)))
                problems << u"a query of panel \"%1\" does not use ${datasource}"_s.arg(title);
            const QString expr = target.toObject().value(u"expr"_s).toString();
            if (expr.isEmpty())
                problems << u"a query of panel \"%1\" has no expr"_s.arg(title);
            checkReferences(u"panel \"%1\""_s.arg(title), expr);
        }
        const QJsonArray links = panel.value(u"fieldConfig"_s)
                                     .toObject()
                                     .value(u"defaults"_s)
                                     .toObject()
                                     .value(u"links"_s)
                                     .toArray();
        for (const QJsonValue &link : links) {
            const QString url = link.toObject().value(u"url"_s).toString();
            checkReferences(u"a data link of panel \"%1\""_s.arg(title), url);
            if (url.startsWith(BackLinkPrefix)) {
                ++linkedPanels;
                break;
            }
        }
    }
    if (linkedPanels == 0)
        problems << u"no panel has a data link to %1"_s.arg(BackLinkPrefix);

    bool dashboardBackLink = false;
    const QJsonArray links = dashboard.value(u"links"_s).toArray();
    for (const QJsonValue &link : links) {
        const QString url = link.toObject().value(u"url"_s).toString();
        checkReferences(u"a dashboard link"_s, url);
        dashboardBackLink = dashboardBackLink || url.startsWith(BackLinkPrefix);
    }
    if (!dashboardBackLink)
        problems << u"no dashboard link to %1"_s.arg(BackLinkPrefix);
    return problems;
}

QJsonObject withPanel(QJsonObject dashboard, int index, const QString &key, const QJsonValue &value)
{
    QJsonArray panels = dashboard.value(u"panels"_s).toArray();
    QJsonObject panel = panels.at(index).toObject();
    panel.insert(key, value);
    panels.replace(index, panel);
    dashboard.insert(u"panels"_s, panels);
    return dashboard;
}

} // namespace

class TestGrafanaDashboard : public QObject
{
    Q_OBJECT
private:
    QJsonObject m_dashboard;
    QStringList m_passed; // var-<name> of the drill-down's link, in order

    static EvaluationDetail evaluation()
    {
        EvaluationDetail d;
        d.row.id = u"ev-0123456789ab"_s;
        d.row.status = EvaluationStatus::Completed;
        d.row.engine = u"python"_s;
        d.row.workerId = u"worker-07"_s;
        d.row.batchId = u"batch-1"_s;
        d.row.submittedBy = u"alice"_s;
        d.containerId = u"ctr-abc"_s;
        d.row.createdAt = 1'700'000'000'000;
        d.row.startedAt = 1'700'000'010'000;
        d.row.completedAt = 1'700'000'130'000;
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_dashboard = readJsonObject(QStringLiteral(SIGHTLINE_GRAFANA_DASHBOARD), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The profile docs/grafana.md tells people to use, through the real parser and URL builder.
        const ProfileParseResult parsed = loadWorkspaceProfile(QStringLiteral(SIGHTLINE_GRAFANA_PROFILE));
        QVERIFY2(parsed.profile, qPrintable(parsed.error.toString()));
        const WorkspaceProfile &profile = *parsed.profile;
        const GrafanaDashboard *entry = nullptr;
        for (const GrafanaDashboard &dashboard : profile.drilldownSettings.dashboards) {
            if (dashboard.uid == m_dashboard.value(u"uid"_s).toString())
                entry = &dashboard;
        }
        QVERIFY2(entry, "the example profile has no drilldown.grafana entry for the dashboard's uid");
        const EvaluationDetail detail = evaluation();
        const LinkResult link = grafanaDashboardUrl(
            profile.grafana.url, profile.grafana.orgId, *entry, *detail.row.startedAt - 60'000,
            *detail.row.completedAt + 60'000, evaluationTemplateFields(detail));
        QVERIFY2(link.ok(), qPrintable(link.error));
        QCOMPARE(link.url.path(), u"/d/sightline-evaluation/sightline-evaluation"_s);
        const QUrlQuery query(link.url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key.startsWith(u"var-"_s))
                m_passed << key.mid(4);
        }
        QVERIFY(query.hasQueryItem(u"from"_s));
        QVERIFY(query.hasQueryItem(u"to"_s));
        QCOMPARE(query.queryItemValue(u"var-eval_id"_s), detail.row.id);
        QCOMPARE(query.queryItemValue(u"var-container_id"_s), detail.containerId);
    }

    void dashboardIsRight()
    {
        QCOMPARE(m_dashboard.value(u"uid"_s).toString(), u"sightline-evaluation"_s);
        QVERIFY(!m_dashboard.value(u"title"_s).toString().isEmpty());
        const QStringList problems = dashboardProblems(m_dashboard, m_passed);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    }

    void everyPassedVariableExists()
    {
        QVERIFY(m_passed.contains(u"eval_id"_s));
        QVERIFY(m_passed.contains(u"container_id"_s));
        QVERIFY(m_passed.contains(u"worker_id"_s));
        const QSet<QString> variables = variableNames(m_dashboard);
        for (const QString &name : std::as_const(m_passed))
            QVERIFY2(variables.contains(name), qPrintable(u"templating.list lacks %1"_s.arg(name)));
        // And no dead variable: each one but the data source is filled by the drill-down.
        for (const QString &name : variables) {
            if (name != u"datasource"_s)
                QVERIFY2(m_passed.contains(name),
                         qPrintable(u"the drill-down never fills the variable %1"_s.arg(name)));
        }
    }

    // The back link, with the values Grafana would put in, is a link Sightline opens.
    void backLinkRoundTrip()
    {
        const QJsonArray links = m_dashboard.value(u"links"_s).toArray();
        QVERIFY(!links.isEmpty());
        QString url = links.first().toObject().value(u"url"_s).toString();
        QVERIFY(url.startsWith(BackLinkPrefix));
        url.replace(u"${eval_id}"_s, u"ev-0123456789ab"_s);
        url.replace(u"${workspace:percentencode}"_s,
                    QString::fromLatin1(QUrl::toPercentEncoding(u"crucible staging"_s)));
        url.replace(u"${workspace}"_s, u"crucible staging"_s);
        QVERIFY2(!url.contains(u"${"_s), qPrintable(url));
        const SightlineLinkParse parsed = parseSightlineLink(url);
        QVERIFY2(parsed.link, qPrintable(parsed.error));
        QCOMPARE(parsed.link->evaluationId, u"ev-0123456789ab"_s);
        QCOMPARE(parsed.link->workspace, u"crucible staging"_s);
    }

    // The checks themselves catch broken dashboards.
    void brokenDashboards_data()
    {
        QTest::addColumn<QJsonObject>("dashboard");
        QTest::addColumn<QString>("problem");
        QJsonObject d = m_dashboard;
        d.insert(u"uid"_s, u"other"_s);
        QTest::newRow("uid") << d << u"uid"_s;

        QTest::newRow("fixed data source")
            << withPanel(m_dashboard, 0, u"datasource"_s,
                         QJsonObject{{u"type"_s, u"prometheus"_s}, {u"uid"_s, u"P1"_s}})
            << u"does not use ${datasource}"_s;

        QTest::newRow("no data links") << [&] {
            QJsonObject broken = m_dashboard;
            const qsizetype count = m_dashboard.value(u"panels"_s).toArray().size();
            for (qsizetype i = 0; i < count; ++i)
                broken = withPanel(broken, int(i), u"fieldConfig"_s, QJsonObject{});
            return broken;
        }() << u"no panel has a data link"_s;

        QTest::newRow("unknown variable in a query")
            << withPanel(
                   m_dashboard, 0, u"targets"_s,
                   QJsonArray{QJsonObject{{u"datasource"_s, QJsonObject{{u"uid"_s, u"${datasource}"_s}}},
                                          {u"expr"_s, u"up{name=\"${container}\"}"_s}}})
            << u"${container}"_s;

        d = m_dashboard;
        QJsonObject templating = d.value(u"templating"_s).toObject();
        QJsonArray list = templating.value(u"list"_s).toArray();
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            if (list.at(i).toObject().value(u"name"_s).toString() == u"worker_id"_s)
                list.removeAt(i);
        }
        templating.insert(u"list"_s, list);
        d.insert(u"templating"_s, templating);
        QTest::newRow("missing variable") << d << u"var-worker_id"_s;

        d = m_dashboard;
        d.insert(u"links"_s, QJsonArray{QJsonObject{{u"url"_s, u"https://grafana.internal/"_s}}});
        QTest::newRow("no dashboard back link") << d << u"no dashboard link"_s;
    }

    void brokenDashboards()
    {
        QFETCH(QJsonObject, dashboard);
        QFETCH(QString, problem);
        const QStringList problems = dashboardProblems(dashboard, m_passed);
        QVERIFY2(
            problems.join(u"\n"_s).contains(problem),
            qPrintable(u"expected a problem with \"%1\", got: %2"_s.arg(problem, problems.join(u"; "_s))));
    }

    void notJson()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("{\"uid\": \"sightline-evaluation\", ");
        file.close();
        QString error;
        readJsonObject(file.fileName(), &error);
        QVERIFY(error.contains(u"is not a JSON object"_s));
    }
};

QTEST_GUILESS_MAIN(TestGrafanaDashboard)
#include "tst_grafanadashboard.moc"
