#include "comparewindow.h"

#include "comparefields.h"
#include "comparemetricspanel.h"
#include "core/format.h"
#include "core/futurecontinuation.h"
#include "evaluationtimeline.h"
#include "models/statuspalette.h"
#include "sources/prometheus/prometheusclient.h"
#include "statuspill.h"
#include "telemetry/metrics.h"
#include "uiresources.h"
#include "windowstate.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QString statusText(const EvaluationRow &row)
{
    return row.status == EvaluationStatus::Unknown ? row.statusText : statusDisplayName(row.status);
}

// Unified-diff lines in colour: added green, removed red, hunk headers blue.
class DiffHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        if (text.isEmpty())
            return;
        QTextCharFormat format;
        if (text.startsWith(u'+')) {
            format.setBackground(QColor(0x16, 0x80, 0x3d, 40));
            format.setForeground(QColor(0x0f, 0x5c, 0x2b));
        } else if (text.startsWith(u'-')) {
            format.setBackground(QColor(0xdc, 0x26, 0x26, 36));
            format.setForeground(QColor(0x99, 0x1b, 0x1b));
        } else if (text.startsWith(u"@@"_s)) {
            format.setForeground(QColor(0x25, 0x63, 0xeb));
        } else {
            return;
        }
        setFormat(0, int(text.size()), format);
    }
};

QTableWidget *makeTable(int columns, const QStringList &titles, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setHorizontalHeaderLabels(titles);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

// The first MiB of a file may end inside a UTF-8 sequence: the length without that partial one.
qsizetype completeUtf8Prefix(const QByteArray &data)
{
    const qsizetype size = data.size();
    for (qsizetype back = 1; back <= qMin<qsizetype>(4, size); ++back) {
        const uchar byte = uchar(data.at(size - back));
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: keep looking for the lead
        const int expected = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        return back < expected ? size - back : size;
    }
    return size;
}

QString lineCount(int lines)
{
    return CompareWindow::tr("%Ln line(s)", nullptr, lines);
}

QString signedDuration(qint64 ms)
{
    if (ms == 0)
        return CompareWindow::tr("same");
    return (ms > 0 ? u"+"_s : QString()) + formatDuration(double(ms) / 1000.0);
}

} // namespace

CompareWindow::CompareWindow(EvaluationStore *store, PrometheusClient *prometheus, const QString &leftId,
                             const QString &rightId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_store(store)
    , m_prometheus(prometheus)
    , m_ids{leftId, rightId}
{
    ensureUiResources();
    Metrics::trackOpenWindow(this, "compare");
    setWindowTitle(tr("%1 vs %2 — Sightline").arg(leftId, rightId));
    setWindowIcon(QIcon(u":/icons/sightline.svg"_s));
    const WorkspaceProfile profile = store ? store->profile() : WorkspaceProfile{};

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);
    m_message = new QLabel(tr("Loading…"), m_pages);
    m_message->setObjectName(u"compareMessage"_s);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pages->addWidget(m_message);

    auto *content = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(10);
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    for (int side = 0; side < 2; ++side) {
        if (side == 1) {
            auto *versus = new QLabel(tr("vs"), content);
            titleRow->addSpacing(6);
            titleRow->addWidget(versus);
            titleRow->addSpacing(6);
        }
        m_titles[size_t(side)] = new QLabel(m_ids[size_t(side)], content);
        m_titles[size_t(side)]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_pills[size_t(side)] = new StatusPill(content);
        titleRow->addWidget(m_titles[size_t(side)]);
        titleRow->addWidget(m_pills[size_t(side)]);
    }
    titleRow->addStretch(1);
    m_reload = new QToolButton(content);
    m_reload->setIcon(QIcon(u":/icons/refresh.svg"_s));
    m_reload->setToolTip(tr("Reload both (F5)"));
    titleRow->addWidget(m_reload);
    layout->addLayout(titleRow);

    m_tabs = new QTabWidget(content);
    layout->addWidget(m_tabs, 1);

    // Summary: the fields, then the phases.
    auto *summary = new QWidget(m_tabs);
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(8, 8, 8, 8);
    auto *fieldsBar = new QHBoxLayout;
    m_fieldsNote = new QLabel(summary);
    m_onlyDifferences = new QCheckBox(tr("Show only &differences"), summary);
    fieldsBar->addWidget(m_fieldsNote, 1);
    fieldsBar->addWidget(m_onlyDifferences);
    summaryLayout->addLayout(fieldsBar);
    m_fields = makeTable(3, {tr("Field"), leftId, rightId}, summary);
    m_fields->setObjectName(u"compareFields"_s);
    m_fields->setAccessibleName(tr("Fields of both evaluations"));
    m_fields->horizontalHeader()->setStretchLastSection(true);
    summaryLayout->addWidget(m_fields, 3);
    auto *phasesTitle = new QLabel(tr("Phase durations"), summary);
    QFont bold = font();
    bold.setBold(true);
    phasesTitle->setFont(bold);
    summaryLayout->addWidget(phasesTitle);
    m_phases = makeTable(4, {tr("Phase"), leftId, rightId, tr("Δ (right − left)")}, summary);
    m_phases->setObjectName(u"comparePhases"_s);
    m_phases->setAccessibleName(tr("Phase durations"));
    m_phases->horizontalHeader()->setStretchLastSection(false);
    m_phases->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_phases->setFixedHeight(m_phases->horizontalHeader()->sizeHint().height() +
                             4 * m_phases->verticalHeader()->defaultSectionSize() + 4);
    summaryLayout->addWidget(m_phases);
    m_tabs->addTab(summary, tr("&Summary"));

    auto *output = new QWidget(m_tabs);
    auto *outputLayout = new QVBoxLayout(output);
    outputLayout->setContentsMargins(8, 8, 8, 8);
    m_diffNote = new QLabel(output);
    m_diffNote->setObjectName(u"diffNote"_s);
    m_diffNote->setWordWrap(true);
    outputLayout->addWidget(m_diffNote);
    m_diff = new QPlainTextEdit(output);
    m_diff->setObjectName(u"diffView"_s);
    m_diff->setAccessibleName(tr("Output diff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    outputLayout->addWidget(m_diff, 1);
    m_tabs->addTab(output, tr("&Output diff"));

    m_metrics = new CompareMetricsPanel(profile, prometheus, m_tabs);
    m_tabs->addTab(m_metrics, tr("&Metrics"));
    m_pages->addWidget(content);

    connect(m_onlyDifferences, &QCheckBox::toggled, this, &CompareWindow::setShowOnlyDifferences);
    connect(m_reload, &QToolButton::clicked, this, &CompareWindow::reload);
    auto *refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(refresh, &QShortcut::activated, this, &CompareWindow::reload);
    auto *close = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_W), this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    applyStyle();
    resize(1100, 760);
    trackWindowState(this, u"compare"_s);
    reload();
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::reload()
{
    if (!m_store) {
        m_state = State::Failed;
        m_message->setText(tr("The workspace these evaluations belong to is no longer open."));
        m_pages->setCurrentWidget(m_message);
        return;
    }
    const quint64 generation = ++m_generation;
    m_sides = {};
    m_diffSettled = false;
    m_reload->setEnabled(false);
    if (m_state != State::Shown) {
        m_state = State::Loading;
        m_message->setText(tr("Loading %1 and %2…").arg(m_ids[0], m_ids[1]));
        m_pages->setCurrentIndex(0);
    }
    for (int side = 0; side < 2; ++side) {
        whenFinished(m_store->loadDetail(m_ids[size_t(side)], OutputReadBytes), this,
                     [this, generation, side](const EvaluationDetailResult &result) {
                         if (generation == m_generation)
                             onLoaded(side, result);
                     });
    }
}

void CompareWindow::onLoaded(int side, const EvaluationDetailResult &result)
{
    Side &s = m_sides[size_t(side)];
    s.answered = true;
    if (result.error.isError())
        s.error = tr("%1 could not be loaded: %2").arg(m_ids[size_t(side)], result.error.message);
    else if (!result.detail)
        s.error = tr("There is no evaluation %1 in this workspace.").arg(m_ids[size_t(side)]);
    s.detail = result.detail;
    s.events = result.events;
    std::stable_sort(
        s.events.begin(), s.events.end(),
        [](const EvaluationEvent &a, const EvaluationEvent &b) { return a.timestamp < b.timestamp; });
    if (!m_sides[0].answered || !m_sides[1].answered)
        return;
    m_reload->setEnabled(true);
    QStringList errors;
    for (const Side &each : m_sides) {
        if (!each.error.isEmpty())
            errors << each.error;
    }
    if (!errors.isEmpty()) {
        m_state = State::Failed;
        m_message->setText(errors.join(u"\n"_s));
        m_pages->setCurrentIndex(0);
        Q_EMIT loadFinished(m_state);
        return;
    }
    m_state = State::Shown;
    showBoth();
}

void CompareWindow::showBoth()
{
    for (int side = 0; side < 2; ++side) {
        const EvaluationRow &row = m_sides[size_t(side)].detail->row;
        m_pills[size_t(side)]->setStatus(statusText(row), statusColor(row.status));
    }
    fillFields();
    fillPhases();
    m_pages->setCurrentIndex(1);
    m_metrics->setEvaluations(*m_sides[0].detail, m_sides[0].events, *m_sides[1].detail, m_sides[1].events);
    loadOutputs();
    if (!m_dataShownEmitted) {
        m_dataShownEmitted = true;
        Q_EMIT dataShown();
    }
    Q_EMIT loadFinished(m_state);
}

void CompareWindow::fillFields()
{
    const QList<ComparedField> fields =
        compareEvaluationFields(*m_sides[0].detail, m_sides[0].events, *m_sides[1].detail, m_sides[1].events);
    const QColor base = palette().color(QPalette::Base);
    const QColor tint = mix(base, QColor(0xf5, 0x9e, 0x0b), 0.16);
    const QColor muted = mix(base, palette().color(QPalette::Text), 0.6);
    m_fields->setRowCount(int(fields.size()));
    int differing = 0;
    int compared = 0;
    for (int row = 0; row < fields.size(); ++row) {
        const ComparedField &field = fields.at(row);
        const QString cells[3] = {field.name, field.left.isEmpty() ? u"—"_s : field.left,
                                  field.right.isEmpty() ? u"—"_s : field.right};
        const bool highlight = field.differs && !field.perRun;
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            if (field.perRun)
                item->setForeground(muted);
            if (highlight) {
                item->setBackground(tint);
                if (column == 0) {
                    QFont bold = item->font();
                    bold.setBold(true);
                    item->setFont(bold);
                }
            }
            m_fields->setItem(row, column, item);
        }
        m_fields->item(row, 0)->setData(Qt::UserRole, highlight);
        differing += highlight ? 1 : 0;
        compared += field.perRun ? 0 : 1;
    }
    m_fieldsNote->setText(
        tr("%1 of %2 fields differ (highlighted). Times and containers belong to each run and "
           "are shown in grey.")
            .arg(differing)
            .arg(compared));
    const int available = qMax(600, m_fields->viewport()->width());
    m_fields->horizontalHeader()->resizeSection(0,
                                                fontMetrics().horizontalAdvance(tr("Security events")) + 40);
    m_fields->horizontalHeader()->resizeSection(
        1, (available - m_fields->horizontalHeader()->sectionSize(0)) / 2);
    setShowOnlyDifferences(m_onlyDifferences->isChecked());
}

QStringList CompareWindow::differingFields() const
{
    QStringList names;
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const QTableWidgetItem *item = m_fields->item(row, 0);
        if (item && item->data(Qt::UserRole).toBool())
            names << item->text();
    }
    return names;
}

void CompareWindow::setShowOnlyDifferences(bool on)
{
    if (m_onlyDifferences->isChecked() != on) {
        m_onlyDifferences->setChecked(on); // comes back here through toggled
        return;
    }
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const QTableWidgetItem *item = m_fields->item(row, 0);
        m_fields->setRowHidden(row, on && item && !item->data(Qt::UserRole).toBool());
    }
}

void CompareWindow::fillPhases()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const EvaluationPhases phases[2] = {evaluationPhases(m_sides[0].detail->row, m_sides[0].events, now),
                                        evaluationPhases(m_sides[1].detail->row, m_sides[1].events, now)};
    using Kind = EvaluationPhase::Kind;
    struct RowSpec
    {
        QString name;
        std::optional<qint64> values[2];
    };
    QList<RowSpec> rows;
    for (Kind kind : {Kind::Queued, Kind::Provisioning, Kind::Running})
        rows.append({phaseName(kind), {phases[0].duration(kind), phases[1].duration(kind)}});
    rows.append({tr("Total"), {phases[0].totalMs(), phases[1].totalMs()}});
    m_phases->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const RowSpec &spec = rows.at(row);
        auto text = [](const std::optional<qint64> &ms) {
            return ms ? formatDuration(double(*ms) / 1000.0) : tr("did not reach it");
        };
        const QString delta =
            spec.values[0] && spec.values[1] ? signedDuration(*spec.values[1] - *spec.values[0]) : u"—"_s;
        const QString cells[4] = {spec.name, text(spec.values[0]), text(spec.values[1]), delta};
        for (int column = 0; column < 4; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == rows.size() - 1) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_phases->setItem(row, column, item);
        }
    }
    m_phases->horizontalHeader()->resizeSection(0, fontMetrics().horizontalAdvance(tr("Provisioning")) + 40);
    m_phases->horizontalHeader()->resizeSection(1,
                                                fontMetrics().horizontalAdvance(u"did not reach it"_s) + 80);
    m_phases->horizontalHeader()->resizeSection(2,
                                                fontMetrics().horizontalAdvance(u"did not reach it"_s) + 80);
}

void CompareWindow::loadOutputs()
{
    m_diffSettled = false;
    m_diff->clear();
    m_diffNote->setText(tr("Reading both outputs…"));
    const quint64 generation = m_generation;
    for (int side = 0; side < 2; ++side) {
        const EvaluationDetail &detail = *m_sides[size_t(side)].detail;
        if (detail.outputLocation.isEmpty()) {
            onOutput(side, detail.output, QString());
            continue;
        }
        const QUrl url(detail.outputLocation);
        if (!url.isLocalFile() && !url.scheme().isEmpty()) {
            onOutput(side, QString(),
                     tr("the output of %1 is at %2, which cannot be compared here")
                         .arg(m_ids[size_t(side)], detail.outputLocation));
            continue;
        }
        whenFinished(m_store->readOutputFile(detail.outputLocation, OutputReadBytes), this,
                     [this, generation, side](const OutputFileResult &result) {
                         if (generation != m_generation)
                             return;
                         if (!result.error.isEmpty()) {
                             onOutput(side, QString(), result.error);
                             return;
                         }
                         const qsizetype size =
                             result.truncated ? completeUtf8Prefix(result.data) : result.data.size();
                         onOutput(side, QString::fromUtf8(QByteArrayView(result.data).first(size)),
                                  QString());
                     });
    }
}

void CompareWindow::onOutput(int side, const QString &text, const QString &problem)
{
    Side &s = m_sides[size_t(side)];
    if (problem.isEmpty())
        s.output = text;
    else
        s.outputProblem = problem;
    const bool bothAnswered = (m_sides[0].output || !m_sides[0].outputProblem.isEmpty()) &&
                              (m_sides[1].output || !m_sides[1].outputProblem.isEmpty());
    if (bothAnswered)
        runDiff();
}

void CompareWindow::runDiff()
{
    QStringList problems;
    for (const Side &s : m_sides) {
        if (!s.outputProblem.isEmpty())
            problems << s.outputProblem;
    }
    if (!problems.isEmpty()) {
        m_diffNote->setText(tr("No output diff: %1.").arg(problems.join(u"; "_s)));
        m_diffSettled = true;
        Q_EMIT diffSettled();
        return;
    }
    const quint64 generation = m_generation;
    m_diffNote->setText(tr("Comparing the outputs…"));
    // Splitting and diffing a MiB of lines takes a moment: off the GUI thread.
    whenFinished(QtConcurrent::run([left = *m_sides[0].output, right = *m_sides[1].output] {
                     return diffLines(left, right, MaxDiffLines);
                 }),
                 this, [this, generation](const LineDiff &diff) {
                     if (generation == m_generation)
                         showDiff(diff);
                 });
}

void CompareWindow::showDiff(const LineDiff &diff)
{
    QStringList notes;
    const bool truncated = (m_sides[0].detail->outputLocation.isEmpty()
                                ? m_sides[0].detail->outputLength > m_sides[0].output->size()
                                : m_sides[0].detail->row.outputSize.value_or(0) > OutputReadBytes) ||
                           (m_sides[1].detail->outputLocation.isEmpty()
                                ? m_sides[1].detail->outputLength > m_sides[1].output->size()
                                : m_sides[1].detail->row.outputSize.value_or(0) > OutputReadBytes);
    if (m_sides[0].output->isEmpty() && m_sides[1].output->isEmpty())
        notes << tr("Neither evaluation has any output.");
    else if (diff.identical())
        notes << (diff.lines.size() == 1
                      ? tr("The outputs are identical (1 line).")
                      : tr("The outputs are identical (%1 lines).").arg(formatCount(diff.lines.size())));
    else
        notes << tr("%1 removed, %2 added (− %3, + %4; 3 lines of context around each change).")
                     .arg(lineCount(diff.removed), lineCount(diff.added), m_ids[0], m_ids[1]);
    if (truncated)
        notes << tr("Only the first 1 MB of each output is compared.");
    if (diff.capped)
        notes << tr("Only the first %1 lines of each output are compared.").arg(formatCount(MaxDiffLines));
    if (diff.tooDifferent)
        notes << tr("The outputs differ in too many places for a line-by-line match: shown as all of one "
                    "replaced by all of the other.");
    m_diffNote->setText(notes.join(u" "_s));
    m_diff->setPlainText(unifiedDiff(diff, 3));
    m_diffSettled = true;
    Q_EMIT diffSettled();
}

QString CompareWindow::diffText() const
{
    return m_diff->toPlainText();
}

QString CompareWindow::diffNote() const
{
    return m_diffNote->text();
}

QString CompareWindow::problemText() const
{
    return m_pages->currentIndex() == 0 ? m_message->text() : QString();
}

void CompareWindow::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void CompareWindow::applyStyle()
{
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(font().pointSizeF() * 1.3);
    idFont.setBold(true);
    for (QLabel *title : m_titles)
        title->setFont(idFont);
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText,
                   mix(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.65));
    m_fieldsNote->setPalette(muted);
    m_diffNote->setPalette(muted);
    m_message->setPalette(muted);
}

} // namespace Sightline
