#include "windowstate.h"

#include "core/appsettings.h"

#include <QEvent>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString key(const QString &name, const QString &what)
{
    return u"windows/"_s + name + u'/' + what;
}

class WindowStateSaver final : public QObject
{
public:
    WindowStateSaver(QWidget *window, const QString &name)
        : QObject(window)
        , m_name(name)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Close)
            saveWindowState(static_cast<QWidget *>(watched), m_name);
        return false;
    }

private:
    QString m_name;
};
} // namespace

void trackWindowState(QWidget *window, const QString &name)
{
    restoreWindowState(window, name);
    new WindowStateSaver(window, name);
}

void restoreWindowState(QWidget *window, const QString &name)
{
    QSettings settings = openAppSettings();
    const QByteArray geometry = settings.value(key(name, u"geometry"_s)).toByteArray();
    if (!geometry.isEmpty() && window->restoreGeometry(geometry))
        keepOnScreen(window);
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        const QByteArray state = settings.value(key(name, u"state"_s)).toByteArray();
        if (!state.isEmpty())
            main->restoreState(state);
    }
    const QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (splitter->objectName().isEmpty())
            continue;
        const QByteArray sizes =
            settings.value(key(name, u"splitters/"_s + splitter->objectName())).toByteArray();
        if (!sizes.isEmpty())
            splitter->restoreState(sizes);
    }
}

void saveWindowState(const QWidget *window, const QString &name)
{
    QSettings settings = openAppSettings();
    settings.setValue(key(name, u"geometry"_s), window->saveGeometry());
    if (const auto *main = qobject_cast<const QMainWindow *>(window))
        settings.setValue(key(name, u"state"_s), main->saveState());
    const QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(key(name, u"splitters/"_s + splitter->objectName()), splitter->saveState());
    }
}

void keepOnScreen(QWidget *window)
{
    const QRect frame = window->frameGeometry();
    for (const QScreen *screen : QGuiApplication::screens()) {
        // Enough of the title bar on a screen to grab it.
        const QRect titleBar(frame.topLeft(), QSize(frame.width(), 40));
        const QRect visible = screen->availableGeometry().intersected(titleBar);
        if (visible.width() >= 100 && visible.height() >= 20)
            return;
    }
    const QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    QSize size = window->size().boundedTo(available.size() - QSize(40, 60));
    window->resize(size);
    window->move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

} // namespace Sightline
