#pragma once

// Window geometry, dock/toolbar layout and splitter sizes, saved on close and restored at open.

#include <QString>

class QWidget;

namespace Sightline {

// Restores `window`'s saved geometry (onto a visible screen), its QMainWindow state and the sizes
// of its named splitters from windows/<name>/…, and saves them again whenever the window closes.
// Call once, after the window's widgets exist and before it is shown.
void trackWindowState(QWidget *window, const QString &name);

void restoreWindowState(QWidget *window, const QString &name);
void saveWindowState(const QWidget *window, const QString &name);
// Moves (and if need be shrinks) `window` so that it lies on one of the screens there are.
void keepOnScreen(QWidget *window);

} // namespace Sightline
