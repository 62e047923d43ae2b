#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QTreeWidget;

namespace Sightline {

// Help → Keyboard Shortcuts…: every action with a shortcut, grouped by menu or window, with a
// filter field. Built from the actions themselves, so the list never goes stale.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Group
    {
        QString title;
        QList<QAction *> actions;
    };

    explicit ShortcutsDialog(const QList<Group> &groups, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    QLineEdit *filterEdit() const { return m_filter; }
    // The shortcuts listed and not filtered out, in portable text ("Ctrl+O").
    QStringList visibleShortcuts() const;

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace Sightline
