#include "storagepreviewview.h"

#include "core/format.h"
#include "core/futurecontinuation.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

// A whole JSON value (a cached result, a cache entry) reads better indented; anything else, or a
// value cut short, is shown as it is.
QString readableText(const StoragePreview &preview)
{
    const QStringView trimmed = QStringView(preview.text).trimmed();
    if (preview.truncated || trimmed.isEmpty() || (trimmed.front() != u'{' && trimmed.front() != u'['))
        return preview.text;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(preview.text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return preview.text;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace

StoragePreviewView::StoragePreviewView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_loadMore(new QPushButton(tr("Load more"), this))
    , m_openEvaluation(new QPushButton(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_textView(new QPlainTextEdit(this))
    , m_tableView(new QTableView(this))
    , m_table(new QStandardItemModel(this))
    , m_cellView(new QPlainTextEdit(this))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(120);
    m_loadMore->setToolTip(tr("Load the next part of this value"));
    m_openEvaluation->setToolTip(tr("Open the Evaluation window for this item's evaluation"));

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_textView->setReadOnly(true);
    m_textView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tableView->setModel(m_table);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 6);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setWordWrap(false);

    // A table cell shows its start; the selected cell's whole value (as far as loaded) shows below.
    m_cellView->setReadOnly(true);
    m_cellView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cellView->setPlaceholderText(tr("Select a cell to see its whole value"));
    auto *tablePage = new QSplitter(Qt::Vertical, this);
    tablePage->addWidget(m_tableView);
    tablePage->addWidget(m_cellView);
    tablePage->setStretchFactor(0, 3);
    tablePage->setStretchFactor(1, 1);
    tablePage->setChildrenCollapsible(false);
    m_tablePage = tablePage;

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_textView);
    m_stack->addWidget(m_tablePage);

    // The name on a line of its own (keys and paths are long), then what is shown and the actions.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_loadMore);
    actions->addWidget(m_openEvaluation);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(actions);
    layout->addWidget(m_stack, 1);

    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_cellView->setPlainText(current.data(FullValueRole).toString());
            });
    connect(m_loadMore, &QPushButton::clicked, this, [this] {
        if (!m_continuation.isEmpty() && !m_loading)
            request(m_continuation);
    });
    connect(m_openEvaluation, &QPushButton::clicked, this, [this] {
        if (!m_node.evaluationId.isEmpty())
            Q_EMIT openEvaluationRequested(m_node.evaluationId);
    });
    clear();
}

void StoragePreviewView::setSource(StorageSource *source)
{
    m_source = source;
    clear();
}

void StoragePreviewView::clear()
{
    ++m_generation;
    m_loading = false;
    m_node = {};
    m_continuation.clear();
    m_title->setText(tr("Preview"));
    m_status->clear();
    m_loadMore->hide();
    m_openEvaluation->hide();
    setMessage(tr("Select a key, row, file or object to preview it."));
}

void StoragePreviewView::setMessage(const QString &message)
{
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void StoragePreviewView::showNode(const StorageNode &node)
{
    clear();
    m_node = node;
    m_title->setText(node.name);
    if (!node.evaluationId.isEmpty()) {
        m_openEvaluation->setText(tr("Open evaluation"));
        m_openEvaluation->setToolTip(tr("Open the Evaluation window of %1").arg(node.evaluationId));
        m_openEvaluation->show();
    }
    QStringList facts;
    if (!node.typeLabel.isEmpty())
        facts << node.typeLabel;
    if (node.count >= 0)
        facts << (node.countEstimated ? tr("~%1 items") : tr("%1 items")).arg(formatCount(node.count));
    if (node.bytes >= 0)
        facts << formatBytes(node.bytes);
    m_status->setText(facts.join(u" · "_s));
    if (!node.previewable) {
        setMessage(node.kind == StorageNode::Kind::Group ? tr("Expand it to see what it holds.")
                                                         : tr("This item has no preview."));
        Q_EMIT previewShown();
        return;
    }
    request({});
}

void StoragePreviewView::request(const QString &continuation)
{
    if (!m_source)
        return;
    m_loading = true;
    m_loadMore->setEnabled(false);
    if (continuation.isEmpty()) {
        m_shownElements = 0;
        m_shownBytes = 0;
        setMessage(tr("Loading preview…"));
    }
    const quint64 generation = ++m_generation;
    whenFinished(m_source->preview(m_node.id, continuation), this,
                 [this, generation, append = !continuation.isEmpty()](const StoragePreview &preview) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     apply(preview, append && !preview.replace);
                     Q_EMIT previewShown();
                 });
}

void StoragePreviewView::apply(const StoragePreview &preview, bool append)
{
    m_loadMore->setEnabled(true);
    if (preview.cancelled) {
        setMessage(tr("Preview stopped."));
        return;
    }
    if (!preview.error.isEmpty() && preview.text.isEmpty() && preview.rows.isEmpty()) {
        setMessage(tr("Could not load the preview:\n%1").arg(preview.error));
        m_loadMore->setVisible(!m_continuation.isEmpty());
        return;
    }
    if (!preview.columns.isEmpty()) {
        if (!append) {
            m_table->clear();
            m_table->setHorizontalHeaderLabels(preview.columns);
        }
        for (const QStringList &row : preview.rows) {
            QList<QStandardItem *> items;
            items.reserve(row.size());
            for (const QString &cell : row) {
                auto *item = new QStandardItem(cell.size() > 500 ? cell.left(500) + u"…"_s : cell);
                item->setData(cell, FullValueRole);
                item->setToolTip(cell.left(4000));
                items.append(item);
            }
            m_table->appendRow(items);
        }
        m_shownElements = m_table->rowCount();
        m_stack->setCurrentWidget(m_tablePage);
        const QModelIndex current = m_tableView->currentIndex();
        m_cellView->setPlainText(current.isValid() ? current.data(FullValueRole).toString() : QString());
        if (!append)
            m_tableView->resizeColumnsToContents();
    } else {
        if (append) {
            QTextCursor cursor = m_textView->textCursor();
            cursor.movePosition(QTextCursor::End);
            cursor.insertText(preview.text);
        } else {
            m_textView->setPlainText(readableText(preview));
        }
        m_shownBytes += preview.text.toUtf8().size();
        m_stack->setCurrentWidget(m_textView);
    }
    m_continuation = preview.continuation;
    m_loadMore->setVisible(!m_continuation.isEmpty());

    QString status;
    if (!preview.columns.isEmpty()) {
        status =
            preview.totalSize >= 0 && (preview.truncated || preview.totalSize > m_shownElements)
                ? tr("Showing %1 of %2").arg(formatCount(m_shownElements), formatCount(preview.totalSize))
                : tr("%1 rows").arg(formatCount(m_shownElements));
    } else {
        status = preview.totalSize >= 0 && (preview.truncated || preview.totalSize > m_shownBytes)
                     ? tr("Showing the first %1 of %2")
                           .arg(formatBytes(m_shownBytes), formatBytes(preview.totalSize))
                     : formatBytes(m_shownBytes);
    }
    if (!preview.error.isEmpty())
        status += u" · "_s + preview.error;
    m_status->setText(status);
}

QString StoragePreviewView::text() const
{
    if (m_stack->currentWidget() == m_textView)
        return m_textView->toPlainText();
    if (m_stack->currentWidget() == m_message)
        return m_message->text();
    // The table with whole values, as loaded.
    QStringList lines;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_table->columnCount(); ++column)
            cells << m_table->index(row, column).data(FullValueRole).toString();
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n');
}

} // namespace Sightline
