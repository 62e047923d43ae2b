#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(u"&(?!&)"_s));
    text.replace(u"&&"_s, u"&"_s);
    if (text.endsWith(u'…'))
        text.chop(1);
    return text;
}

enum Column { ActionColumn, ShortcutColumn };
constexpr int PortableRole = Qt::UserRole;
} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<Group> &groups, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(u"shortcutsDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"shortcutFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by action or key…"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"shortcutTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ShortcutColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (const Group &group : groups) {
        QList<QTreeWidgetItem *> rows;
        for (const QAction *action : group.actions) {
            const QList<QKeySequence> keys = action->shortcuts();
            if (keys.isEmpty() || action->isSeparator())
                continue;
            QStringList native;
            QStringList portable;
            for (const QKeySequence &key : keys) {
                native << key.toString(QKeySequence::NativeText);
                portable << key.toString(QKeySequence::PortableText);
            }
            auto *row = new QTreeWidgetItem({plainText(action), native.join(tr(", "))});
            row->setData(ShortcutColumn, PortableRole, portable);
            row->setToolTip(ActionColumn, action->toolTip());
            rows << row;
        }
        if (rows.isEmpty())
            continue;
        auto *title = new QTreeWidgetItem(m_tree, {group.title});
        QFont bold = title->font(ActionColumn);
        bold.setBold(true);
        title->setFont(ActionColumn, bold);
        title->setFlags(Qt::ItemIsEnabled);
        title->addChildren(rows);
    }
    m_tree->expandAll();
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    resize(520, 560);
}

ShortcutsDialog::~ShortcutsDialog() = default;

void ShortcutsDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *row = group->child(i);
            const bool match = needle.isEmpty() ||
                               row->text(ActionColumn).contains(needle, Qt::CaseInsensitive) ||
                               row->text(ShortcutColumn).contains(needle, Qt::CaseInsensitive) ||
                               group->text(ActionColumn).contains(needle, Qt::CaseInsensitive);
            row->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

QStringList ShortcutsDialog::visibleShortcuts() const
{
    QStringList shortcuts;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (!group->isHidden() && !group->child(i)->isHidden())
                shortcuts << group->child(i)->data(ShortcutColumn, PortableRole).toStringList();
        }
    }
    return shortcuts;
}

} // namespace Sightline
