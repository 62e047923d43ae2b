#include "statusfiltermenu.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace Sightline {

namespace {
constexpr const char *KeepOpenProperty = "sightlineKeepsMenuOpen";
}

void StatusFilterMenu::setKeepsMenuOpen(QAction *action)
{
    action->setProperty(KeepOpenProperty, true);
}

bool StatusFilterMenu::triggerInPlace(QAction *action)
{
    if (!action || !action->isEnabled() || action->isSeparator() || action->menu())
        return false;
    if (!action->isCheckable() && !action->property(KeepOpenProperty).toBool())
        return false;
    action->trigger(); // toggles a checkable action; QMenu would also close itself here
    update();
    return true;
}

void StatusFilterMenu::mouseReleaseEvent(QMouseEvent *event)
{
    QAction *action = actionAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && action && action == activeAction() && triggerInPlace(action))
        return;
    QMenu::mouseReleaseEvent(event);
}

void StatusFilterMenu::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Select:
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            if (triggerInPlace(activeAction()))
                return;
        }
        break;
    default:
        break;
    }
    QMenu::keyPressEvent(event);
}

} // namespace Sightline
