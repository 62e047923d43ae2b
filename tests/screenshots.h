#pragma once

// Where the widget tests put their screenshots for a person to look at:
// $SIGHTLINE_TEST_OUTPUT_DIR, or <build>/tests/screenshots.

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace Sightline::TestSupport {

class Screenshots
{
public:
    // Creates the folder; false when it cannot.
    bool prepare()
    {
        QString out = qEnvironmentVariable("SIGHTLINE_TEST_OUTPUT_DIR");
        if (out.isEmpty())
            out = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
        m_dir = QDir(out);
        return QDir().mkpath(out);
    }

    void save(QWidget *widget, const QString &name) const
    {
        const QString path = m_dir.filePath(name);
        QVERIFY(widget->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private:
    QDir m_dir;
};

} // namespace Sightline::TestSupport
