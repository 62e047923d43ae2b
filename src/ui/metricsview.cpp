#include "metricsview.h"

#include "core/drilldown.h"
#include "core/format.h"
#include "core/futurecontinuation.h"
#include "metriccard.h"
#include "metricchart.h"
#include "models/promseriestablemodel.h"
#include "prometheushealthpane.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

struct RangeChoice
{
    MetricsView::Range range;
    qint64 seconds;
};

constexpr RangeChoice RangeChoices[] = {
    {MetricsView::Range::Last15Minutes, 15 * 60}, {MetricsView::Range::LastHour, 3600},
    {MetricsView::Range::Last6Hours, 6 * 3600},   {MetricsView::Range::Last24Hours, 86400},
    {MetricsView::Range::Last7Days, 7 * 86400},
};

// Every metric name Prometheus holds, one series per name.
const QString MetricNamesQuery = u"group by (__name__) ({__name__=~\".+\"})"_s;

} // namespace

MetricsView::MetricsView(QWidget *parent)
    : QWidget(parent)
{
    build();
}

MetricsView::~MetricsView()
{
    m_reply.cancel();
}

void MetricsView::build()
{
    m_pages = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_notConfigured = new QLabel(m_pages);
    m_notConfigured->setAlignment(Qt::AlignCenter);
    m_notConfigured->setWordWrap(true);
    m_notConfigured->setTextFormat(Qt::RichText);
    m_notConfigured->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notConfigured->setMargin(40);
    m_notConfigured->setText(
        tr("<h3>No Prometheus in this workspace</h3>"
           "<p>The Metrics view queries the Prometheus your platform's exporters report to.<br>"
           "Add its address to the workspace profile's <code>sources</code>:</p>"
           "<pre>\"prometheus\": {\"url\": \"http://prometheus.internal:9090\"}</pre>"
           "<p>A bearer token comes from <code>SIGHTLINE_PROMETHEUS_TOKEN</code>, a basic-auth password from "
           "<code>SIGHTLINE_PROMETHEUS_PASSWORD</code> (the user name goes in the URL), never from the "
           "file.</p>"));
    m_pages->addWidget(m_notConfigured);

    auto *page = new QWidget(m_pages);
    m_pages->addWidget(page);

    m_query = new QLineEdit(page);
    m_query->setPlaceholderText(tr("PromQL, e.g. rate(container_cpu_usage_seconds_total[1m]) — Enter runs, "
                                   "Up/Down walk the history"));
    m_query->setAccessibleName(tr("PromQL query"));
    m_query->setClearButtonEnabled(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_query->setFont(mono);
    m_query->installEventFilter(this);
    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_query->setCompleter(m_completer);

    m_rangeBox = new QComboBox(page);
    m_rangeBox->addItem(tr("Last 15 minutes"), int(Range::Last15Minutes));
    m_rangeBox->addItem(tr("Last hour"), int(Range::LastHour));
    m_rangeBox->addItem(tr("Last 6 hours"), int(Range::Last6Hours));
    m_rangeBox->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_rangeBox->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_rangeBox->addItem(tr("Custom…"), int(Range::Custom));
    m_rangeBox->setCurrentIndex(1);
    m_rangeBox->setAccessibleName(tr("Time range"));
    m_from = new QDateTimeEdit(page);
    m_to = new QDateTimeEdit(page);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        edit->setCalendarPopup(true);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_run = new QPushButton(tr("Run"), page);
    m_run->setToolTip(tr("Run the query over the time range (Enter)"));
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), page);
    m_cancel->setToolTip(tr("Cancel the running query (Esc)"));
    m_cancel->setEnabled(false);
    m_busy = new QProgressBar(page);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Running"));
    m_busy->hide();
    m_elapsed = new QLabel(page);
    m_elapsed->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(u"000.0 s"_s));
    m_status = new QLabel(page);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(m_rangeBox);
    queryRow->addWidget(m_from);
    queryRow->addWidget(m_to);
    queryRow->addWidget(m_run);
    queryRow->addWidget(m_cancel);
    queryRow->addWidget(m_busy);
    queryRow->addWidget(m_elapsed);

    m_resultTabs = new QTabWidget(page);
    m_resultTabs->setDocumentMode(true);
    m_chart = new MetricChart(m_resultTabs);
    m_chart->setMessage(tr("Type a PromQL expression and press Enter."));
    m_table = new PromSeriesTableModel(this);
    m_tableView = new QTableView(m_resultTabs);
    m_tableView->setModel(m_table);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 6);
    m_tableView->horizontalHeader()->setSectionResizeMode(PromSeriesTableModel::Series, QHeaderView::Stretch);
    m_tableView->horizontalHeader()->setSectionResizeMode(PromSeriesTableModel::Time,
                                                          QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setSectionResizeMode(PromSeriesTableModel::Value,
                                                          QHeaderView::ResizeToContents);
    m_resultTabs->addTab(m_chart, tr("Chart"));
    m_resultTabs->addTab(m_tableView, tr("Table"));

    m_health = new PrometheusHealthPane(page);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_resultTabs);
    split->addWidget(m_health);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(8, 8, 8, 8);
    pageLayout->setSpacing(6);
    pageLayout->addLayout(queryRow);
    pageLayout->addWidget(m_status);
    pageLayout->addWidget(split, 1);

    m_elapsedTimer = new QTimer(this);
    m_elapsedTimer->setInterval(100);
    connect(m_elapsedTimer, &QTimer::timeout, this, [this] {
        m_elapsed->setText(tr("%1 s").arg(QLocale().toString(double(m_runClock.elapsed()) / 1000.0, 'f', 1)));
    });
    connect(m_run, &QPushButton::clicked, this, &MetricsView::run);
    connect(m_cancel, &QPushButton::clicked, this, &MetricsView::cancel);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        // Enter picks a completion first when the popup is open.
        if (!m_completer->popup()->isVisible())
            run();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), page);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &MetricsView::cancel);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, [this] { updateRangeWidgets(); });
    updateRangeWidgets();
    m_pages->setCurrentWidget(m_notConfigured);
}

void MetricsView::setWorkspace(const WorkspaceProfile &profile, PrometheusClient *client)
{
    clear();
    m_client = client;
    m_prometheusUrl = profile.prometheus.url;
    m_history.setWorkspaceKey(profile.filePath.isEmpty() ? (profile.name.isEmpty() ? u"demo"_s : profile.name)
                                                         : profile.filePath);
    m_historyPosition = -1;
    if (!client) {
        m_pages->setCurrentWidget(m_notConfigured);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_health->setClient(client);
    if (!m_history.entries().isEmpty() && m_query->text().isEmpty())
        m_query->setText(m_history.entries().constFirst());
    if (isVisible())
        loadCompletions();
}

void MetricsView::clear()
{
    ++m_generation;
    m_reply.cancel();
    if (m_running)
        finishRun();
    m_client = nullptr;
    m_health->setClient(nullptr);
    m_table->clear();
    m_chart->setMessage(tr("Type a PromQL expression and press Enter."));
    m_status->clear();
    m_error.clear();
    m_hasRun = false;
    m_completionsLoaded = false;
    m_completions->setStringList({});
    m_pages->setCurrentWidget(m_notConfigured);
}

bool MetricsView::isConfigured() const
{
    return m_client != nullptr;
}

QString MetricsView::notConfiguredText() const
{
    return m_notConfigured->text();
}

void MetricsView::setQuery(const QString &query)
{
    m_query->setText(query);
    m_historyPosition = -1;
}

QString MetricsView::query() const
{
    return m_query->text();
}

void MetricsView::setRange(Range range)
{
    const int index = m_rangeBox->findData(int(range));
    if (index >= 0)
        m_rangeBox->setCurrentIndex(index);
}

void MetricsView::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from);
    m_to->setDateTime(to);
    setRange(Range::Custom);
}

MetricsView::Range MetricsView::range() const
{
    return Range(m_rangeBox->currentData().toInt());
}

std::pair<qint64, qint64> MetricsView::rangeWindow() const
{
    const Range current = range();
    if (current == Range::Custom)
        return {m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const RangeChoice &choice : RangeChoices) {
        if (choice.range == current)
            return {now - choice.seconds * 1000, now};
    }
    return {now - 3600 * 1000, now};
}

void MetricsView::updateRangeWidgets()
{
    const bool custom = range() == Range::Custom;
    if (custom && m_from->dateTime() >= m_to->dateTime()) {
        const QDateTime now = QDateTime::currentDateTime();
        m_to->setDateTime(now);
        m_from->setDateTime(now.addSecs(-3600));
    }
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

void MetricsView::run()
{
    const QString text = m_query->text().trimmed();
    if (!m_client || text.isEmpty())
        return;
    const auto [fromMs, toMs] = rangeWindow();
    if (toMs <= fromMs) {
        setStatus(tr("The time range is empty: “from” must be before “to”."), true);
        return;
    }
    ++m_generation;
    m_reply.cancel();
    m_history.add(text);
    m_historyPosition = -1;
    m_lastQuery = text;
    m_runFromMs = fromMs;
    m_runToMs = toMs;
    m_hasRun = true;
    m_running = true;
    m_run->setEnabled(true);
    m_cancel->setEnabled(true);
    m_busy->show();
    m_elapsed->setText(tr("0.0 s"));
    m_runClock.start();
    m_elapsedTimer->start();
    const double step = rangeStepSeconds(fromMs, toMs);
    setStatus(tr("Running over %1 – %2, step %3 s…")
                  .arg(formatDateTimeMs(fromMs), formatDateTimeMs(toMs))
                  .arg(QLocale().toString(step, 'g', 4)),
              false);
    const quint64 generation = m_generation;
    m_reply = m_client->queryRange(text, double(fromMs) / 1000.0, double(toMs) / 1000.0, step);
    whenFinished(m_reply, this,
                 [this, generation](const PrometheusQueryReply &reply) { onReply(generation, reply); });
}

void MetricsView::onReply(quint64 generation, const PrometheusQueryReply &reply)
{
    if (generation != m_generation)
        return;
    const double seconds = double(m_runClock.elapsed()) / 1000.0;
    finishRun();
    if (reply.error.kind == PrometheusError::Kind::Cancelled) {
        setStatus(tr("Cancelled."), false);
        Q_EMIT queryFinished();
        return;
    }
    if (reply.error.isError() || !reply.value) {
        m_error = prometheusErrorText(reply.error, m_client ? m_client->describe() : QString());
        m_table->clear();
        m_chart->setMessage(m_error);
        setStatus(m_error, true);
        Q_EMIT queryFinished();
        return;
    }
    m_error.clear();
    const PrometheusQueryResult &result = *reply.value;
    m_table->setSeries(result.series);
    QList<ChartSeries> series;
    series.reserve(result.series.size());
    for (const PrometheusSeries &one : result.series)
        series.append(toChartSeries(one, m_lastQuery));
    if (series.isEmpty())
        m_chart->setMessage(tr("No data: Prometheus has no samples for %1 in this range.").arg(m_lastQuery));
    else
        m_chart->setSeries(series, double(m_runFromMs) / 1000.0, double(m_runToMs) / 1000.0);
    QString text = tr("%1 series · %2 points · %3 s")
                       .arg(QLocale().toString(result.series.size()), QLocale().toString(result.points()),
                            QLocale().toString(seconds, 'f', 2));
    if (m_table->isTruncated())
        text +=
            tr(" · the table shows the first %1 rows").arg(QLocale().toString(PromSeriesTableModel::MaxRows));
    if (!m_chart->note().isEmpty())
        text += u" · "_s + m_chart->note();
    for (const QString &warning : result.warnings)
        text += u"\n"_s + tr("Prometheus warns: %1").arg(warning);
    setStatus(text, false);
    Q_EMIT queryFinished();
}

void MetricsView::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_reply.cancel();
    finishRun();
    setStatus(tr("Cancelled."), false);
    Q_EMIT queryFinished();
}

void MetricsView::finishRun()
{
    m_running = false;
    m_cancel->setEnabled(false);
    m_busy->hide();
    m_elapsedTimer->stop();
    m_elapsed->setText(tr("%1 s").arg(QLocale().toString(double(m_runClock.elapsed()) / 1000.0, 'f', 1)));
}

void MetricsView::refresh()
{
    if (!m_client)
        return;
    m_health->refresh();
    if (m_hasRun && !m_running && !m_lastQuery.isEmpty()) {
        m_query->setText(m_lastQuery);
        run();
    }
}

bool MetricsView::isRunning() const
{
    return m_running;
}

bool MetricsView::isSettled() const
{
    return !m_client || (!m_running && m_health->hasAnswered() && !m_health->isLoading());
}

QString MetricsView::statusText() const
{
    return m_status->text();
}

QString MetricsView::errorText() const
{
    return m_error;
}

QStringList MetricsView::history() const
{
    return m_history.entries();
}

QStringList MetricsView::completions() const
{
    return m_completions->stringList();
}

void MetricsView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void MetricsView::stepHistory(int direction)
{
    const QStringList entries = m_history.entries();
    if (entries.isEmpty())
        return;
    if (m_historyPosition == -1)
        m_draft = m_query->text();
    const int next = std::clamp(m_historyPosition + direction, -1, int(entries.size()) - 1);
    if (next == m_historyPosition)
        return;
    m_historyPosition = next;
    m_query->setText(next == -1 ? m_draft : entries.at(next));
}

bool MetricsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress && !m_completer->popup()->isVisible()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up) {
            stepHistory(+1);
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            stepHistory(-1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadCompletions();
}

void MetricsView::loadCompletions()
{
    if (!m_client || m_completionsLoaded)
        return;
    m_completionsLoaded = true;
    const QPointer<PrometheusClient> client = m_client;
    whenFinished(m_client->query(MetricNamesQuery), this, [this, client](const PrometheusQueryReply &reply) {
        if (!client || client != m_client)
            return; // another workspace by now
        if (reply.error.isError() || !reply.value) {
            m_completionsLoaded = false; // try again next time the view is shown
            return;
        }
        QStringList names;
        for (const PrometheusSeries &series : reply.value->series) {
            const QString name = series.labels.value(u"__name__"_s);
            if (!name.isEmpty())
                names.append(name);
        }
        names.sort();
        names.removeDuplicates();
        m_completions->setStringList(names);
    });
}

} // namespace Sightline
