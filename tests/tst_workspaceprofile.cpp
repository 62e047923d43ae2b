#include "core/workspaceprofile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Sightline::ProfileParseResult;

namespace {
QString dataFile(const QString &name)
{
    return QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/profiles/") + name;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(content) == content.size();
}
} // namespace

class TestWorkspaceProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDesignSketch()
    {
        const ProfileParseResult result = Sightline::loadWorkspaceProfile(dataFile(u"design-sketch.json"_s));
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        const Sightline::WorkspaceProfile &p = *result.profile;
        QCOMPARE(p.name, u"crucible-staging"_s);
        QCOMPARE(p.postgresUrl, u"postgresql://reader@db.internal:5432/crucible?sslmode=verify-full"_s);
        QCOMPARE(p.filesRoot, u"/data"_s);
        QVERIFY(p.sqlitePath.isEmpty());
        QVERIFY(p.hasRelationalStore());
        QVERIFY(!p.demo);
        QCOMPARE(p.filePath, QFileInfo(dataFile(u"design-sketch.json"_s)).absoluteFilePath());
        QCOMPARE(p.sources.value(u"s3"_s).toObject().value(u"bucket"_s).toString(), u"crucible-archive"_s);
        QCOMPARE(p.sources.value(u"grafana"_s).toObject().value(u"orgId"_s).toInt(), 1);
        QCOMPARE(p.sources.value(u"redis"_s).toObject().value(u"url"_s).toString(),
                 u"rediss://cache.internal:6380/0"_s);
        QCOMPARE(p.schema.evaluationsTable, u"evaluations"_s);
        QCOMPARE(p.schema.eventsTable, u"events"_s);
        // The Storage Explorer's typed settings, defaults where the sketch is silent.
        QCOMPARE(p.redis.url, u"rediss://cache.internal:6380/0"_s);
        QCOMPARE(p.redis.delimiter, u":"_s);
        QCOMPARE(p.s3.endpoint, u"https://s3.eu-west-1.amazonaws.com"_s);
        QCOMPARE(p.s3.bucket, u"crucible-archive"_s);
        QCOMPARE(p.s3.region, u"eu-west-1"_s);
        QVERIFY(!p.s3.pathStyle); // AWS itself: virtual-host addressing
        QCOMPARE(p.memoryUrl, u"http://storage.internal:8082"_s);
        QCOMPARE(p.timeoutSeconds, 10);
        QCOMPARE(p.drilldown.value(u"padding_seconds"_s).toInt(), 60);
        const QJsonArray panels = p.drilldown.value(u"panels"_s).toArray();
        QCOMPARE(panels.size(), 1);
        QCOMPARE(panels[0].toObject().value(u"promql"_s).toString(),
                 u"rate(container_cpu_usage_seconds_total{name=\"${container_id}\"}[1m])"_s);
    }

    void nameDefaultsToFileName()
    {
        const ProfileParseResult result =
            Sightline::parseWorkspaceProfile("{}", u"/teams/ml/night-runs.json"_s);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        QCOMPARE(result.profile->name, u"night-runs"_s);
        QVERIFY(!result.profile->hasRelationalStore());
    }

    // Golden cases: each file in tests/data/profiles is broken at one known place.
    void malformedJsonNamesLineAndColumn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column"); // of the first character of the token that is wrong
        // Regression: QJsonParseError::offset points one past the token for separator errors; the
        // parser steps back so the column names the token itself.
        QTest::newRow("missing comma") << u"missing-comma.json"_s << 3 << 3;
        QTest::newRow("missing colon after tab") << u"tab-missing-colon.json"_s << 3 << 27;
        QTest::newRow("non-ASCII text before the error counts characters, not bytes")
            << u"non-ascii-before-error.json"_s << 2 << 35;
        QTest::newRow("CRLF line ends, trailing comma") << u"crlf-trailing-comma.json"_s << 3 << 42;
        // Qt takes the line break into the string, which then ends at the next quote: the first
        // wrong token is `sources` on line 3.
        QTest::newRow("unterminated string") << u"unterminated-string.json"_s << 3 << 4;
        QTest::newRow("truncated") << u"truncated.json"_s << 5 << 1;
        QTest::newRow("empty") << u"empty.json"_s << 1 << 1;
        QTest::newRow("second document") << u"garbage-after-object.json"_s << 4 << 1;
    }
    void malformedJsonNamesLineAndColumn()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        const ProfileParseResult result = Sightline::loadWorkspaceProfile(dataFile(file));
        QVERIFY(!result.profile.has_value());
        QVERIFY2(!result.error.message.isEmpty(), "an error needs a message");
        QCOMPARE(result.error.file, QFileInfo(dataFile(file)).absoluteFilePath());
        QCOMPARE(result.error.line, line);
        QCOMPARE(result.error.column, column);
        const QString where = u"%1:%2:%3: "_s.arg(result.error.file).arg(line).arg(column);
        QVERIFY2(result.error.toString().startsWith(where), qPrintable(result.error.toString()));
    }

    void wrongTypesNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::newRow("name is a number") << QByteArray("{\n  \"name\": 5\n}") << u"name"_s << 2;
        QTest::newRow("sources is a list")
            << QByteArray("{\n  \"name\": \"x\",\n  \"sources\": []\n}") << u"sources"_s << 3;
        QTest::newRow("postgres is a string")
            << QByteArray("{\"sources\": {\n  \"files\": {\"root\": \"/d\"},\n  \"postgres\": \"db\"\n}}")
            << u"postgres"_s << 3;
        QTest::newRow("postgres url is a number")
            << QByteArray("{\"sources\": {\n  \"postgres\": {\n    \"url\": 5432\n  }\n}}") << u"url"_s << 3;
        QTest::newRow("postgres url has another scheme")
            << QByteArray("{\"sources\": {\n  \"postgres\": {\"url\": \"mysql://db/x\"}\n}}")
            << u"postgresql://"_s << 2;
        QTest::newRow("files root missing")
            << QByteArray("{\"sources\": {\n\n  \"files\": {}\n}}") << u"root"_s << 3;
        QTest::newRow("schema is a string")
            << QByteArray("{\n\n\n  \"schema\": \"evaluations\"\n}") << u"schema"_s << 4;
        QTest::newRow("schema table is empty")
            << QByteArray("{\"schema\": {\n  \"evaluations\": \"\"\n}}") << u"evaluations"_s << 2;
        QTest::newRow("column maps to a number")
            << QByteArray("{\"schema\": {\"columns\": {\n  \"status\": \"state\",\n  \"started_at\": 3\n}}}")
            << u"started_at"_s << 3;
        QTest::newRow("drilldown is a list")
            << QByteArray("{\n  \"drilldown\": [1]\n}") << u"drilldown"_s << 2;
        QTest::newRow("redis url has another scheme")
            << QByteArray("{\"sources\": {\n  \"redis\": {\"url\": \"http://r\"}\n}}") << u"redis://"_s << 2;
        QTest::newRow("redis delimiter is a number")
            << QByteArray("{\"sources\": {\"redis\": {\"url\": \"redis://r\",\n  \"delimiter\": 1}}}")
            << u"delimiter"_s << 2;
        QTest::newRow("s3 without bucket")
            << QByteArray("{\"sources\": {\n\n  \"s3\": {\"endpoint\": \"http://s3\"}}}") << u"bucket"_s << 3;
        QTest::newRow("s3 addressing unknown")
            << QByteArray("{\"sources\": {\"s3\": {\"endpoint\": \"http://s3\", \"bucket\": \"b\",\n"
                          "  \"addressing\": \"dns\"}}}")
            << u"addressing"_s << 2;
        QTest::newRow("memory url without scheme")
            << QByteArray("{\"sources\": {\n  \"memory\": {\"url\": \"storage:8082\"}}}") << u"http://"_s
            << 2;
        QTest::newRow("timeout is text")
            << QByteArray("{\"sources\": {\n  \"timeout_seconds\": \"10\"}}") << u"timeout_seconds"_s << 2;
        // Regression: "url" occurs under redis first; the error is about postgres's url.
        QTest::newRow("second url of two") << QByteArray("{\"sources\": {\n  \"redis\": {\"url\": "
                                                         "\"redis://r\"},\n  \"postgres\": {\"url\": 7}\n}}")
                                           << u"url"_s << 3;
    }
    void wrongTypesNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(int, line);
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/p/profile.json"_s);
        QVERIFY(!result.profile.has_value());
        QVERIFY2(result.error.message.contains(key), qPrintable(result.error.toString()));
        QCOMPARE(result.error.file, u"/p/profile.json"_s);
        QCOMPARE(result.error.line, line);
    }

    void notAnObject_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("array") << QByteArray("[1, 2]") << u"object"_s;
        QTest::newRow("string") << QByteArray("\"profile\"") << QString(); // Qt itself rejects a bare value
        QTest::newRow("null") << QByteArray("null") << QString();
    }
    void notAnObject()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/p/x.json"_s);
        QVERIFY(!result.profile.has_value());
        QVERIFY2(!result.error.message.isEmpty(), "an error needs a message");
        QVERIFY2(result.error.message.contains(says), qPrintable(result.error.toString()));
    }

    void missingFileNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"no-such-profile.json"_s);
        const ProfileParseResult result = Sightline::loadWorkspaceProfile(path);
        QVERIFY(!result.profile.has_value());
        QCOMPARE(result.error.file, path);
        QCOMPARE(result.error.line, 0);
        QVERIFY2(result.error.toString().contains(u"no-such-profile.json"_s),
                 qPrintable(result.error.toString()));
        QVERIFY2(!result.error.toString().contains(u":0:0"_s), qPrintable(result.error.toString()));
    }

    void relativePathsResolveAgainstProfileFolder_data()
    {
        QTest::addColumn<QString>("sqlite");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>(
            "expectedSqlite"); // relative to the temp dir; absolute if it starts with '/'
        QTest::addColumn<QString>("expectedRoot");
        QTest::newRow("plain names") << u"demo.db"_s << u"files"_s << u"team/demo.db"_s << u"team/files"_s;
        QTest::newRow("dot-dot") << u"../shared/demo.db"_s << u"."_s << u"shared/demo.db"_s << u"team"_s;
        QTest::newRow("absolute stays") << u"/srv/demo.db"_s << u"/data"_s << u"/srv/demo.db"_s << u"/data"_s;
        QTest::newRow("spaces and unicode")
            << u"my db/évals.db"_s << u"out put"_s << u"team/my db/évals.db"_s << u"team/out put"_s;
    }
    void relativePathsResolveAgainstProfileFolder()
    {
        QFETCH(QString, sqlite);
        QFETCH(QString, root);
        QFETCH(QString, expectedSqlite);
        QFETCH(QString, expectedRoot);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"team"_s));
        const QString profilePath = dir.filePath(u"team/profile.json"_s);
        const QByteArray json =
            u"{\"sources\": {\"sqlite\": {\"path\": \"%1\"}, \"files\": {\"root\": \"%2\"}}}"_s
                .arg(sqlite, root)
                .toUtf8();
        QVERIFY(writeFile(profilePath, json));
        // Loaded from another working directory: the profile's folder counts, not the cwd.
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(QDir::tempPath()));
        const ProfileParseResult result = Sightline::loadWorkspaceProfile(profilePath);
        QDir::setCurrent(cwd);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        auto expected = [&](const QString &p) {
            return p.startsWith(u'/') ? p : QDir::cleanPath(QDir(dir.path()).absoluteFilePath(p));
        };
        QCOMPARE(result.profile->sqlitePath, expected(expectedSqlite));
        QCOMPARE(result.profile->filesRoot, expected(expectedRoot));
        QVERIFY(result.profile->hasRelationalStore());
    }

    void schemaColumnsMapNames()
    {
        const QByteArray json = R"({"schema": {"evaluations": "eval_runs", "events": "audit log",
            "columns": {"started_at": "start_time", "status": "state"}}})";
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/p/x.json"_s);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        const Sightline::SchemaNames &schema = result.profile->schema;
        QCOMPARE(schema.evaluationsTable, u"eval_runs"_s);
        QCOMPARE(schema.eventsTable, u"audit log"_s);
        QCOMPARE(schema.column(u"started_at"_s), u"start_time"_s);
        QCOMPARE(schema.column(u"status"_s), u"state"_s);
        // Unmapped columns keep the platform's name.
        QCOMPARE(schema.column(u"completed_at"_s), u"completed_at"_s);
        QCOMPARE(schema.columns.size(), 2);
    }

    void defaultSchemaIsThePlatforms()
    {
        const ProfileParseResult result =
            Sightline::parseWorkspaceProfile("{\"name\": \"x\"}", u"/p/x.json"_s);
        QVERIFY(result.profile.has_value());
        QCOMPARE(result.profile->schema.evaluationsTable, u"evaluations"_s);
        QCOMPARE(result.profile->schema.eventsTable, u"events"_s);
        QCOMPARE(result.profile->schema.column(u"started_at"_s), u"started_at"_s);
    }

    // Issue 6: a typo is warned about with its place, and the profile still opens.
    void unknownKeysAreWarnedWithTheirPlace()
    {
        const QByteArray json = "{\n"
                                "  \"name\": \"w\",\n"
                                "  \"colour\": \"blue\",\n"
                                "  \"sources\": {\n"
                                "    \"postgres\": {\"url\": \"postgresql://db/x\",\n"
                                "      \"sslmod\": \"verify-full\"},\n"
                                "    \"kafka\": {}\n"
                                "  },\n"
                                "  \"live\": {\"bufer_events\": 5}\n"
                                "}";
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/p/w.json"_s);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        const QStringList warnings = result.profile->warnings;
        QCOMPARE(warnings.size(), 4);
        auto find = [&](const QString &key) {
            for (const QString &w : warnings) {
                if (w.contains(u'"' + key + u'"'))
                    return w;
            }
            return QString();
        };
        QCOMPARE(find(u"colour"_s), u"/p/w.json:3:3: unknown key \"colour\" at the top level (ignored)"_s);
        QCOMPARE(find(u"sslmod"_s), u"/p/w.json:6:7: unknown key \"sslmod\" in sources.postgres (ignored)"_s);
        QVERIFY2(find(u"kafka"_s).startsWith(u"/p/w.json:7:5: "_s), qPrintable(find(u"kafka"_s)));
        QVERIFY2(find(u"bufer_events"_s).contains(u"in live"_s), qPrintable(find(u"bufer_events"_s)));
        // Known keys are not warned about, and the typed settings are read as before.
        QCOMPARE(result.profile->postgresUrl, u"postgresql://db/x"_s);
        const ProfileParseResult clean = Sightline::loadWorkspaceProfile(dataFile(u"design-sketch.json"_s));
        QVERIFY(clean.profile.has_value());
        QVERIFY2(clean.profile->warnings.isEmpty(), qPrintable(clean.profile->warnings.join(u'\n')));
    }

    // A password written into a profile is refused loudly and never kept: a profile is shared.
    void secretLookingKeysAreWarnedAndDropped()
    {
        const QByteArray json =
            "{\"sources\": {\n"
            "  \"postgres\": {\"url\": \"postgresql://db/x\", \"password\": \"hunter2-zz\"},\n"
            "  \"prometheus\": {\"url\": \"http://p\", \"token\": \"tok-zz\"}\n"
            "}}";
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/p/w.json"_s);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        const Sightline::WorkspaceProfile &p = *result.profile;
        QCOMPARE(p.warnings.size(), 2);
        for (const QString &w : p.warnings) {
            QVERIFY2(w.contains(u"looks like a secret"_s), qPrintable(w));
            QVERIFY(!w.contains(u"hunter2"_s) && !w.contains(u"tok-zz"_s));
        }
        const QByteArray saved = Sightline::workspaceProfileJson(p.document);
        QVERIFY2(!saved.contains("hunter2-zz") && !saved.contains("tok-zz"), saved.constData());
        QVERIFY(!QJsonDocument(p.sources).toJson().contains("hunter2-zz"));
        QVERIFY(p.secrets.values().isEmpty()); // never taken as the secret either
        QCOMPARE(p.postgresUrl, u"postgresql://db/x"_s);
    }

    void caFilesAreReadAndResolved()
    {
        const QByteArray json =
            "{\"sources\": {\n"
            "  \"prometheus\": {\"url\": \"https://p\", \"ca_file\": \"certs/ca.pem\"},\n"
            "  \"grafana\": {\"url\": \"https://g\", \"ca_file\": \"/etc/ca.pem\"},\n"
            "  \"memory\": {\"url\": \"https://m\", \"ca_file\": \"ca.pem\"},\n"
            "  \"s3\": {\"endpoint\": \"https://s\", \"bucket\": \"b\", \"ca_file\": \"ca.pem\"}\n"
            "}}";
        const ProfileParseResult result = Sightline::parseWorkspaceProfile(json, u"/team/ws/w.json"_s);
        QVERIFY2(result.profile.has_value(), qPrintable(result.error.toString()));
        QCOMPARE(result.profile->prometheus.caFile, u"/team/ws/certs/ca.pem"_s);
        QCOMPARE(result.profile->grafana.caFile, u"/etc/ca.pem"_s);
        QCOMPARE(result.profile->memoryCaFile, u"/team/ws/ca.pem"_s);
        QCOMPARE(result.profile->s3.caFile, u"/team/ws/ca.pem"_s);
        QVERIFY(result.profile->warnings.isEmpty());

        const ProfileParseResult wrong = Sightline::parseWorkspaceProfile(
            "{\"sources\": {\n  \"prometheus\": {\"url\": \"https://p\",\n    \"ca_file\": 5}}}",
            u"/p/w.json"_s);
        QVERIFY(!wrong.profile.has_value());
        QVERIFY2(wrong.error.message.contains(u"ca_file"_s), qPrintable(wrong.error.toString()));
        QCOMPARE(wrong.error.line, 3);
    }

    // Saving checks the document first and writes atomically: a bad document or an unwritable
    // place leaves nothing behind.
    void saveRoundTripsAndRefusesBadDocuments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ProfileParseResult loaded = Sightline::loadWorkspaceProfile(dataFile(u"design-sketch.json"_s));
        QVERIFY(loaded.profile.has_value());
        const QString path = dir.filePath(u"saved.json"_s);
        QCOMPARE(Sightline::saveWorkspaceProfile(loaded.profile->document, path), QString());
        const ProfileParseResult again = Sightline::loadWorkspaceProfile(path);
        QVERIFY2(again.profile.has_value(), qPrintable(again.error.toString()));
        QCOMPARE(again.profile->document, loaded.profile->document);
        QCOMPARE(again.profile->postgresUrl, loaded.profile->postgresUrl);
        QCOMPARE(again.profile->drilldownSettings.panels.size(),
                 loaded.profile->drilldownSettings.panels.size());

        QJsonObject bad = loaded.profile->document;
        QJsonObject sources = bad.value(u"sources"_s).toObject();
        sources.insert(u"redis"_s, QJsonObject{{u"url"_s, u"http://not-redis"_s}});
        bad.insert(u"sources"_s, sources);
        const QString badPath = dir.filePath(u"bad.json"_s);
        const QString error = Sightline::saveWorkspaceProfile(bad, badPath);
        QVERIFY2(error.contains(u"redis://"_s), qPrintable(error));
        QVERIFY(!QFile::exists(badPath));

        // Under a regular file: not writable even for root.
        const QString unwritable = path + u"/inside.json"_s;
        const QString refused = Sightline::saveWorkspaceProfile(loaded.profile->document, unwritable);
        QVERIFY2(refused.contains(unwritable), qPrintable(refused));
        QVERIFY(!QFile::exists(unwritable));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // saved.json only
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceProfile)
#include "tst_workspaceprofile.moc"
