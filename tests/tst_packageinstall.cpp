// The installed tree (issue 7): `cmake --install` of the package's build directories into a temporary prefix
// puts every file the package ships where the desktop expects it: the binary, the .desktop and AppStream
// files, the icon in every hicolor size, the gzipped man page and the Grafana dashboard.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString AppId = QStringLiteral(SIGHTLINE_APP_ID);

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

class TestPackageInstall : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_prefix;

    QString installed(const QString &relative) const { return m_prefix.path() + u'/' + relative; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_prefix.isValid());
        // The build directories the .deb packages (packaging/CMakeLists.txt, CPACK_INSTALL_CMAKE_PROJECTS).
        const QStringList dirs =
            QStringLiteral(SIGHTLINE_PACKAGE_INSTALL_DIRS).split(u'|', Qt::SkipEmptyParts);
        QVERIFY(!dirs.isEmpty());
        for (const QString &dir : dirs) {
            QProcess install;
            install.setProcessChannelMode(QProcess::MergedChannels);
            install.start(QStringLiteral(SIGHTLINE_CMAKE_COMMAND),
                          {u"--install"_s, dir, u"--prefix"_s, m_prefix.path()});
            QVERIFY2(install.waitForFinished(120'000), "cmake --install did not finish in 120 s");
            QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
                     qPrintable(u"cmake --install %1 failed:\n"_s.arg(dir) +
                                QString::fromLocal8Bit(install.readAll())));
        }
    }

    void files_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("binary") << u"bin/sightline"_s;
        QTest::newRow("desktop") << u"share/applications/%1.desktop"_s.arg(AppId);
        QTest::newRow("metainfo") << u"share/metainfo/%1.metainfo.xml"_s.arg(AppId);
        QTest::newRow("svg icon") << u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(AppId);
        QTest::newRow("man page") << u"share/man/man1/sightline.1.gz"_s;
        QTest::newRow("grafana") << u"share/sightline/grafana/sightline-evaluation.json"_s;
    }

    void files()
    {
        QFETCH(QString, path);
        const QFileInfo info(installed(path));
        QVERIFY2(info.isFile(), qPrintable(u"not installed: "_s + path));
        QVERIFY2(info.size() > 0, qPrintable(u"empty: "_s + path));
    }

    void binaryIsExecutable() { QVERIFY(QFileInfo(installed(u"bin/sightline"_s)).isExecutable()); }

    void desktopFile()
    {
        const QByteArray text = readAll(installed(u"share/applications/%1.desktop"_s.arg(AppId)));
        QVERIFY(text.contains("\nExec=sightline %u\n"));
        QVERIFY(text.contains("\nMimeType=x-scheme-handler/sightline;\n"));
        QVERIFY(text.contains(QByteArray("\nIcon=" + AppId.toUtf8() + "\n")));
        QVERIFY(text.contains("\nName[de]="));
        QVERIFY(text.contains("\nComment[de]="));
    }

    // The newest release in the AppStream file is the version being packaged.
    void metainfoVersion()
    {
        const QString text =
            QString::fromUtf8(readAll(installed(u"share/metainfo/%1.metainfo.xml"_s.arg(AppId))));
        const QRegularExpressionMatch match =
            QRegularExpression(u"<release version=\"([^\"]+)\""_s).match(text);
        QVERIFY2(match.hasMatch(), "no <release version=...> in the metainfo file");
        QCOMPARE(match.captured(1), QStringLiteral(SIGHTLINE_VERSION));
        QVERIFY(text.contains(u"<launchable type=\"desktop-id\">%1.desktop</launchable>"_s.arg(AppId)));
    }

    void pngIcons_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            QTest::addRow("%dpx", size) << size;
    }

    void pngIcons()
    {
        QFETCH(int, size);
        const QString path = installed(u"share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(AppId));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), QSize(size, size));
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        // Drawn, not blank: the middle is opaque and the corners (rounded tile) are transparent.
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    }

    void manPageIsGzip()
    {
        const QString path = installed(u"share/man/man1/sightline.1.gz"_s);
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 18);
        QCOMPARE(quint8(bytes.at(0)), quint8(0x1f));
        QCOMPARE(quint8(bytes.at(1)), quint8(0x8b));
        // gzip -n: no time stamp (bytes 4-7), so the package is reproducible.
        QCOMPARE(bytes.mid(4, 4), QByteArray(4, '\0'));
        QProcess gunzip;
        gunzip.start(u"gzip"_s, {u"-dc"_s, path});
        QVERIFY(gunzip.waitForFinished(30'000));
        QCOMPARE(gunzip.exitCode(), 0);
        const QByteArray roff = gunzip.readAllStandardOutput();
        QVERIFY(roff.contains("\n.TH SIGHTLINE 1 "));
        // The man page names the version being packaged.
        QVERIFY2(roff.contains("\"Sightline " SIGHTLINE_VERSION "\""),
                 "the .TH line of packaging/sightline.1 does not name Sightline " SIGHTLINE_VERSION);
        QVERIFY(roff.contains("sightline://evaluation/"));
    }

    void grafanaDashboardIsJson()
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(
            readAll(installed(u"share/sightline/grafana/sightline-evaluation.json"_s)), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value(u"uid"_s).toString(), u"sightline-evaluation"_s);
    }

    // Nothing lands outside bin/ and share/, and bin/ holds sightline alone (no sightline-bench).
    void nothingElse()
    {
        const QStringList top = QDir(m_prefix.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QString &entry : top)
            QVERIFY2(entry == u"bin"_s || entry == u"share"_s, qPrintable(u"unexpected: "_s + entry));
        QCOMPARE(QDir(installed(u"bin"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"sightline"_s});
    }
};

QTEST_GUILESS_MAIN(TestPackageInstall)
#include "tst_packageinstall.moc"
