#pragma once

#include <QMenu>

namespace Sightline {

// A menu of checkable entries that stays open while the user ticks several of them, by mouse
// (click) or keyboard (arrows, then Space or Enter). Esc, a click outside or the button that
// opened it closes it. Non-checkable entries marked with keepsMenuOpen() ("All statuses",
// "Clear") act without closing it either.
class StatusFilterMenu : public QMenu
{
    Q_OBJECT
public:
    using QMenu::QMenu;

    static void setKeepsMenuOpen(QAction *action);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool triggerInPlace(QAction *action);
};

} // namespace Sightline
