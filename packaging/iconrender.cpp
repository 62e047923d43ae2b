// sightline-iconrender: renders the application icon (SVG) to the hicolor PNG sizes at build time.
//
//   sightline-iconrender ICON.svg OUTDIR NAME SIZE...
//
// writes OUTDIR/<SIZE>x<SIZE>/apps/NAME.png for every SIZE. A build tool, not installed.

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "sightline-iconrender: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 5)
        return fail(u"usage: sightline-iconrender ICON.svg OUTDIR NAME SIZE..."_s);
    const QString svgPath = arguments.at(1);
    const QString outDir = arguments.at(2);
    const QString name = arguments.at(3);

    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid())
        return fail(u"cannot read the SVG icon %1"_s.arg(svgPath));

    for (qsizetype i = 4; i < arguments.size(); ++i) {
        bool ok = false;
        const int size = arguments.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(u"\"%1\" is not an icon size in pixels"_s.arg(arguments.at(i)));
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString folder = u"%1/%2x%2/apps"_s.arg(outDir).arg(size);
        if (!QDir().mkpath(folder))
            return fail(u"cannot create %1"_s.arg(folder));
        const QString file = u"%1/%2.png"_s.arg(folder, name);
        if (!image.save(file, "PNG"))
            return fail(u"cannot write %1"_s.arg(file));
    }
    return 0;
}
