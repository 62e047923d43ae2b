// The German catalogue: complete, covering every tr() text in the sources, keeping every
// placeholder, loaded the way the application loads it; and the locale formats it brings.
#include "core/appsettings.h"
#include "core/drilldown.h"
#include "core/format.h"
#include "core/workspaceprofile.h"
#include "i18n/apptranslations.h"
#include "sources/lineage/lineageworker.h"
#include "ui/comparefields.h"
#include "ui/evaluationphases.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment; // the disambiguation
    bool numerus = false;
    QString type;      // "", "unfinished", "vanished", "obsolete"
    QStringList forms; // one for a plain message; one per plural form for a numerus message
    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString name() const
    {
        return u"[%1] \"%2\""_s.arg(context, source) +
               (comment.isEmpty() ? QString() : u" (%1)"_s.arg(comment));
    }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile parseTs(const QByteArray &xml)
{
    TsFile file;
    QXmlStreamReader reader(xml);
    QString context;
    TsMessage message;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (name == "TS"_L1) {
                file.language = reader.attributes().value("language"_L1).toString();
            } else if (name == "name"_L1) {
                context = reader.readElementText();
            } else if (name == "message"_L1) {
                message = TsMessage();
                message.context = context;
                message.numerus = reader.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (name == "source"_L1) {
                message.source = reader.readElementText();
            } else if (name == "comment"_L1) {
                message.comment = reader.readElementText();
            } else if (name == "translation"_L1) {
                message.type = reader.attributes().value("type"_L1).toString();
                if (!message.numerus)
                    message.forms = {reader.readElementText()};
            } else if (name == "numerusform"_L1) {
                message.forms.append(reader.readElementText());
            }
        } else if (reader.isEndElement() && reader.name() == "message"_L1) {
            file.messages.append(message);
        }
    }
    if (reader.hasError())
        file.error = u"line %1: %2"_s.arg(reader.lineNumber()).arg(reader.errorString());
    return file;
}

TsFile readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QString(), {}, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    return parseTs(file.readAll());
}

// German has two plural forms (one, other).
constexpr int GermanPluralForms = 2;

// (a): every message finished, none vanished or obsolete, no empty translation, every plural form.
QStringList completenessProblems(const TsFile &ts)
{
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (!m.type.isEmpty())
            problems << u"%1 is %2"_s.arg(m.name(), m.type);
        else if (m.numerus && m.forms.size() != GermanPluralForms)
            problems << u"%1 has %2 plural forms, not %3"_s.arg(m.name(), QString::number(m.forms.size()),
                                                                QString::number(GermanPluralForms));
        else if (m.forms.isEmpty() || std::any_of(m.forms.cbegin(), m.forms.cend(),
                                                  [](const QString &f) { return f.trimmed().isEmpty(); }))
            problems << u"%1 has an empty translation"_s.arg(m.name());
    }
    return problems;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(?:L?[1-9][0-9]?|L?n)"_s);
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.removeDuplicates();
    found.sort();
    return found;
}

// (c): every translation keeps exactly the placeholders of its source.
QStringList placeholderProblems(const TsFile &ts)
{
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        const QStringList expected = placeholders(m.source);
        for (const QString &form : m.forms) {
            if (!form.isEmpty() && placeholders(form) != expected)
                problems << u"%1 → \"%2\": %3 instead of %4"_s.arg(
                    m.name(), form, placeholders(form).join(u' '), expected.join(u' '));
        }
    }
    return problems;
}

// (b): the messages lupdate finds in the sources that the committed catalogue lacks.
QStringList missingMessages(const TsFile &committed, const TsFile &scanned)
{
    QSet<QString> known;
    for (const TsMessage &m : committed.messages)
        known.insert(m.key());
    QStringList missing;
    for (const TsMessage &m : scanned.messages) {
        if (!known.contains(m.key()))
            missing << m.name();
    }
    return missing;
}

QString listed(const QStringList &problems)
{
    const qsizetype shown = qMin<qsizetype>(problems.size(), 40);
    return problems.first(shown).join(u'\n') +
           (problems.size() > shown ? u"\n… and %1 more"_s.arg(problems.size() - shown) : QString());
}

const QByteArray BrokenTs = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                            "<!DOCTYPE TS>\n"
                            "<TS version=\"2.1\" language=\"de\">\n"
                            "<context>\n"
                            "    <name>Sightline::Demo</name>\n"
                            "    <message>\n"
                            "        <source>Done</source>\n"
                            "        <translation>Fertig</translation>\n"
                            "    </message>\n"
                            "    <message>\n"
                            "        <source>Open %1</source>\n"
                            "        <translation type=\"unfinished\"></translation>\n"
                            "    </message>\n"
                            "    <message>\n"
                            "        <source>Gone</source>\n"
                            "        <translation type=\"vanished\">Weg</translation>\n"
                            "    </message>\n"
                            "    <message>\n"
                            "        <source>Close %1 of %2</source>\n"
                            "        <translation>%1 schließen</translation>\n"
                            "    </message>\n"
                            "    <message numerus=\"yes\">\n"
                            "        <source>%n row(s)</source>\n"
                            "        <translation>\n"
                            "            <numerusform>%n Zeile</numerusform>\n"
                            "        </translation>\n"
                            "    </message>\n"
                            "    <message numerus=\"yes\">\n"
                            "        <source>%n file(s) in %L1</source>\n"
                            "        <translation>\n"
                            "            <numerusform>%n Datei in %L1</numerusform>\n"
                            "            <numerusform>%n Dateien in %1</numerusform>\n"
                            "        </translation>\n"
                            "    </message>\n"
                            "    <message>\n"
                            "        <source>Empty</source>\n"
                            "        <translation> </translation>\n"
                            "    </message>\n"
                            "</context>\n"
                            "</TS>\n";

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    TsFile m_committed;
    QHash<QString, TsMessage> m_byKey;

    // The committed German text of a message, to compare what the code shows with.
    QString german(const char *context, const char *source, int form = 0) const
    {
        const TsMessage m =
            m_byKey.value(QString::fromUtf8(context) + u'\x1f' + QString::fromUtf8(source) + u'\x1f');
        return m.forms.value(form);
    }

    void setLanguage(const QString &language)
    {
        QSettings settings = Sightline::openAppSettings();
        settings.setValue(Sightline::kLanguageKey, language);
        settings.sync();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A private settings file: ui/language is written here, never in the user's.
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
        m_committed = readTs(QStringLiteral(SIGHTLINE_TS_FILE));
        QVERIFY2(m_committed.error.isEmpty(), qPrintable(m_committed.error));
        QCOMPARE(m_committed.language, u"de"_s);
        QVERIFY2(m_committed.messages.size() > 100, "the catalogue has hardly any message: wrong file?");
        for (const TsMessage &m : std::as_const(m_committed.messages))
            m_byKey.insert(m.key(), m);
    }

    // The checks themselves find what they are meant to find.
    void checksCatchBrokenCatalogue()
    {
        const TsFile broken = parseTs(BrokenTs);
        QVERIFY2(broken.error.isEmpty(), qPrintable(broken.error));
        QCOMPARE(broken.messages.size(), 7);
        const QStringList incomplete = completenessProblems(broken);
        QCOMPARE(incomplete.size(), 4);
        QVERIFY(incomplete.at(0).contains(u"\"Open %1\" is unfinished"_s));
        QVERIFY(incomplete.at(1).contains(u"\"Gone\" is vanished"_s));
        QVERIFY(incomplete.at(2).contains(u"\"%n row(s)\" has 1 plural forms"_s));
        QVERIFY(incomplete.at(3).contains(u"\"Empty\" has an empty translation"_s));
        const QStringList placeholderErrors = placeholderProblems(broken);
        QCOMPARE(placeholderErrors.size(), 2);
        QVERIFY(placeholderErrors.at(0).contains(u"Close %1 of %2"_s));
        QVERIFY(placeholderErrors.at(1).contains(u"%n Dateien in %1"_s));
        TsFile scanned = broken;
        scanned.messages.append(TsMessage{u"Sightline::Demo"_s, u"New text"_s, {}, false, {}, {}});
        QCOMPARE(missingMessages(broken, scanned), QStringList{u"[Sightline::Demo] \"New text\""_s});
        QVERIFY(!parseTs("<TS><context><name>x</name><message>").error.isEmpty());
    }

    // (a)
    void catalogueIsComplete()
    {
        const QStringList problems = completenessProblems(m_committed);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"%1 messages of %2 are not finished:\n%3"_s.arg(problems.size())
                                .arg(QStringLiteral(SIGHTLINE_TS_FILE), listed(problems))));
    }

    // (b) lupdate over the same sources as the update_translations target; a tr() text the
    // catalogue lacks fails here, and so does a tr() lupdate files under the wrong context.
    void catalogueCoversSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scannedPath = dir.filePath(u"scanned_de.ts"_s);
        QStringList arguments = QStringLiteral(SIGHTLINE_LUPDATE_OPTIONS).split(u'|', Qt::SkipEmptyParts);
        arguments << u"-target-language"_s << u"de"_s << u"@"_s + QStringLiteral(SIGHTLINE_LUPDATE_SOURCES)
                  << u"-ts"_s << scannedPath;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SIGHTLINE_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));
        // "Class 'Sightline' lacks Q_OBJECT macro": a tr() whose context lupdate cannot know, so
        // its text would never be found at run time.
        QStringList warnings;
        for (const QString &line : output.split(u'\n')) {
            if (line.contains(u"lacks Q_OBJECT"_s) || line.contains(u"unknown namespace/class"_s) ||
                line.contains(u"Cannot invoke tr()"_s))
                warnings << line;
        }
        QVERIFY2(warnings.isEmpty(),
                 qPrintable(u"lupdate cannot place these tr() calls:\n"_s + warnings.join(u'\n')));
        const TsFile scanned = readTs(scannedPath);
        QVERIFY2(scanned.error.isEmpty(), qPrintable(scanned.error));
        QVERIFY(!scanned.messages.isEmpty());
        const QStringList missing = missingMessages(m_committed, scanned);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(
                     u"%1 texts in the sources are missing from translations/sightline_de.ts (build the "
                     "update_translations target, then translate them in Linguist):\n%2"_s.arg(missing.size())
                         .arg(listed(missing))));
        // The English catalogue holds the plural forms of every numerus text.
        const TsFile english = readTs(QStringLiteral(SIGHTLINE_EN_TS_FILE));
        QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
        TsFile scannedPlurals;
        for (const TsMessage &m : scanned.messages) {
            if (m.numerus)
                scannedPlurals.messages.append(m);
        }
        const QStringList missingPlurals = missingMessages(english, scannedPlurals);
        QVERIFY2(missingPlurals.isEmpty(),
                 qPrintable(u"%1 plural texts are missing from translations/sightline_en.ts:\n%2"_s
                                .arg(missingPlurals.size())
                                .arg(listed(missingPlurals))));
        // Texts gone from the sources stay until the next update_translations: not an error.
        const QStringList stale = missingMessages(scanned, m_committed);
        if (!stale.isEmpty())
            qWarning("%d messages in the catalogue are no longer in the sources (run update_translations)",
                     int(stale.size()));
    }

    // English needs only its plural forms, and all of them.
    void englishPluralsComplete()
    {
        const TsFile english = readTs(QStringLiteral(SIGHTLINE_EN_TS_FILE));
        QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
        QCOMPARE(english.language, u"en"_s);
        QVERIFY(!english.messages.isEmpty());
        for (const TsMessage &m : english.messages)
            QVERIFY2(m.numerus, qPrintable(m.name() + u" is not a plural text"_s));
        const QStringList problems = completenessProblems(english) + placeholderProblems(english);
        QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
    }

    // A free tr() or translate() helper in a namespace hides its texts from lupdate (or files them
    // under the namespace's name): code that is not a QObject names its context instead.
    void noLocalTranslateHelpers()
    {
        QFile list(QStringLiteral(SIGHTLINE_LUPDATE_SOURCES));
        QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(list.errorString()));
        static const QRegularExpression helper(
            u"^\\s*(static\\s+)?QString\\s+(tr|translate)\\s*\\(\\s*const\\s+char"_s,
            QRegularExpression::MultilineOption);
        QStringList offenders;
        int files = 0;
        for (const QByteArray &line : list.readAll().split('\n')) {
            const QString path = QString::fromUtf8(line.trimmed());
            if (path.isEmpty())
                continue;
            QFile source(path);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(path + u": "_s + source.errorString()));
            ++files;
            const QString text = QString::fromUtf8(source.readAll());
            for (auto it = helper.globalMatch(text); it.hasNext();) {
                const auto match = it.next();
                offenders << u"%1:%2"_s.arg(path).arg(text.left(match.capturedStart()).count(u'\n') + 1);
            }
        }
        QVERIFY(files > 50);
        QVERIFY2(offenders.isEmpty(),
                 qPrintable(u"local tr()/translate() helpers (use a struct with "
                            "Q_DECLARE_TR_FUNCTIONS or QCoreApplication::translate):\n"_s +
                            offenders.join(u'\n')));
    }

    // (c)
    void placeholdersKept()
    {
        const QStringList problems = placeholderProblems(m_committed);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"%1 translations change their placeholders:\n%2"_s.arg(problems.size())
                                .arg(listed(problems))));
    }

    // (d) ui/language = "de", installed as main() installs it. The process runs with an
    // Austrian German system locale (see main() below).
    void germanChosen()
    {
        setLanguage(u"de"_s);
        QCOMPARE(Sightline::installTranslations(), u"de"_s);
        // The system speaks German: its territory stays.
        QCOMPARE(QLocale().name(), u"de_AT"_s);

        // Texts of QObject classes, forms and plain code, by context.
        QCOMPARE(QCoreApplication::translate("Sightline::MainWindow", "No workspace is open"),
                 german("Sightline::MainWindow", "No workspace is open"));
        QVERIFY(!german("Sightline::MainWindow", "No workspace is open").isEmpty());
        QCOMPARE(QCoreApplication::translate("Sightline", "Running"), german("Sightline", "Running"));

        // One text from each file that once had a local tr() helper, through the code itself, so
        // the context the code looks up at run time is the one lupdate filed it under.
        const QString queued = Sightline::phaseName(Sightline::EvaluationPhase::Kind::Queued);
        QCOMPARE(queued, german("Sightline::EvaluationPhases", "Queued"));
        QVERIFY(!queued.isEmpty());
        const auto fields = Sightline::compareEvaluationFields(Sightline::EvaluationDetail{}, {},
                                                               Sightline::EvaluationDetail{}, {});
        QVERIFY(!fields.isEmpty());
        QCOMPARE(fields.first().name, german("Sightline::CompareWindow", "Status"));
        QCOMPARE(Sightline::LineageText::stateName(Sightline::LineageItem::State::Absent),
                 german("Sightline::EvaluationLineage", "absent"));
        const auto expansion = Sightline::expandTemplate(u"rate(${"_s, {});
        QCOMPARE(expansion.error,
                 german("Sightline::Drilldown", "\"${\" at character %1 has no closing \"}\"").arg(6));
        const auto profile =
            Sightline::parseWorkspaceProfile("{\"drilldown\": {\"panels\": 5}}", u"p.json"_s);
        QCOMPARE(profile.error.message, german("Sightline::WorkspaceProfile", "\"panels\" must be an array"));
        // Files whose code needs a server or a command line: their contexts, directly.
        for (const auto &[context, source] :
             {std::pair{"Sightline::Report", "Phases"},
              std::pair{"Sightline::ReportCommand", "The file to write."},
              std::pair{"Sightline::RedisPreview", "field"},
              std::pair{"Sightline::ConnectionTest", "without TLS"},
              std::pair{"Sightline::LiveEventHub", "Redis disconnected — retrying in %1 s: %2"},
              std::pair{"Sightline::EvaluationStore", "Cannot read %1: %2"}}) {
            const QString expected = german(context, source);
            QVERIFY2(!expected.isEmpty(), qPrintable(u"[%1] \"%2\" is not in the catalogue"_s.arg(
                                              QLatin1StringView(context), QString::fromUtf8(source))));
            QCOMPARE(QCoreApplication::translate(context, source), expected);
        }
        // A plural: both German forms.
        const auto plural = std::find_if(m_committed.messages.cbegin(), m_committed.messages.cend(),
                                         [](const TsMessage &m) { return m.numerus; });
        QVERIFY(plural != m_committed.messages.cend());
        const QByteArray context = plural->context.toUtf8(), source = plural->source.toUtf8();
        auto withCount = [](QString form, int n) {
            return form.replace(u"%Ln"_s, QLocale().toString(n)).replace(u"%n"_s, QString::number(n));
        };
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, 1),
                 withCount(plural->forms.at(0), 1));
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, 5),
                 withCount(plural->forms.at(1), 5));
        // Qt's own catalogue (qtbase_de) is installed too.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);

        // (e) with the language chosen, numbers, sizes and dates are German.
        QCOMPARE(Sightline::formatBytes(2300000), u"2,3 MB"_s);
    }

    void englishChosenOnGermanSystem()
    {
        setLanguage(u"en"_s);
        QCOMPARE(Sightline::installTranslations(), u"en"_s);
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(Sightline::phaseName(Sightline::EvaluationPhase::Kind::Queued), u"Queued"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
        QCOMPARE(Sightline::formatBytes(2300000), u"2.3 MB"_s);
        // English plurals come from the plurals-only English catalogue.
        QCOMPARE(QCoreApplication::translate("Sightline::EvaluationBrowser", "%Ln evaluation(s)", nullptr, 1),
                 u"1 evaluation"_s);
        QCOMPARE(
            QCoreApplication::translate("Sightline::EvaluationBrowser", "%Ln evaluation(s)", nullptr, 2000),
            u"2,000 evaluations"_s);
    }

    void followsSystem_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown language") << u"fr"_s;
        QTest::newRow("junk") << u"de;rm -rf /"_s;
    }
    void followsSystem()
    {
        QFETCH(QString, setting);
        setLanguage(setting);
        // The system is German (LANGUAGE=de_AT:de): German texts, the system's locale.
        QCOMPARE(Sightline::installTranslations(), u"de"_s);
        QCOMPARE(QLocale().name(), u"de_AT"_s);
        QCOMPARE(Sightline::phaseName(Sightline::EvaluationPhase::Kind::Queued),
                 german("Sightline::EvaluationPhases", "Queued"));
    }

    void localeForSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de on en_US") << u"de"_s << u"en_US"_s << u"de_DE"_s;
        QTest::newRow("de on de_CH keeps CH") << u"de"_s << u"de_CH"_s << u"de_CH"_s;
        QTest::newRow("en on de_DE") << u"en"_s << u"de_DE"_s << u"en_US"_s;
        QTest::newRow("en on en_GB keeps GB") << u"en"_s << u"en_GB"_s << u"en_GB"_s;
        QTest::newRow("upper case and spaces") << u" DE "_s << u"en_US"_s << u"de_DE"_s;
        QTest::newRow("empty follows system") << QString() << u"fr_FR"_s << u"fr_FR"_s;
        QTest::newRow("unknown follows system") << u"xx"_s << u"nl_NL"_s << u"nl_NL"_s;
    }
    void localeForSetting()
    {
        QFETCH(QString, setting);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(Sightline::localeForLanguageSetting(setting, QLocale(system)).name(), expected);
    }

    // (e) core/format in the two locales.
    void formats_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("date");
        QTest::newRow("de_DE") << u"de_DE"_s << u"1.234.567"_s << u"2,3 MB"_s << u"42,1 s"_s
                               << u"30.11.26 17:05:09"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"1,234,567"_s << u"2.3 MB"_s << u"42.1 s"_s
                               << u"11/30/26 5:05:09 PM"_s;
    }
    void formats()
    {
        QFETCH(QString, locale);
        QFETCH(QString, count);
        QFETCH(QString, size);
        QFETCH(QString, duration);
        QFETCH(QString, date);
        QLocale::setDefault(QLocale(locale));
        QCOMPARE(Sightline::formatCount(1234567), count);
        QCOMPARE(Sightline::formatBytes(2300000), size);
        QCOMPARE(Sightline::formatDuration(42.1), duration);
        QCOMPARE(Sightline::formatDateTime(QDateTime(QDate(2026, 11, 30), QTime(17, 5, 9)))
                     .replace(QChar(0x202f), u' '),
                 date);
    }
};

int main(int argc, char **argv)
{
    // The "system" language is Austrian German, read by Qt from the environment: following the
    // system must give German, and choosing English must override it.
    qputenv("LANGUAGE", "de_AT:de");
    qputenv("LC_ALL", "de_AT.UTF-8");
    QCoreApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
