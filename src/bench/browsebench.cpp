#include "browsebench.h"

#include "benchoutput.h"
#include "guistallmeter.h"
#include "models/evaluationtablemodel.h"
#include "sources/evaluationsql.h"
#include "ui/evaluationbrowser.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

namespace {
const QString Scenario = u"browse"_s;

// Runs the event loop until `done` or the timeout; the stall meter keeps ticking meanwhile.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// psql running the query the browser's first page runs, timed as a whole process (connect,
// query, print), which is what a person typing it sees.
double psqlFirstPageMs(const QString &url, const QString &table)
{
    const QString sql =
        u"SELECT id, status, engine, created_at, started_at, completed_at, "_s +
        evaluationDurationSql(SqlDialect::PostgreSQL) +
        u", worker_id, batch_id, submitted_by, exit_code, output_size, estimated_cost_cents FROM "_s + table +
        u" ORDER BY created_at DESC, id DESC LIMIT 200"_s;
    double best = -1;
    for (int run = 0; run < 3; ++run) {
        QProcess psql;
        QElapsedTimer clock;
        clock.start();
        psql.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-d"_s, url, u"-c"_s, sql});
        if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
            std::fprintf(stderr, "psql failed: %s\n", psql.readAllStandardError().constData());
            return -1;
        }
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        best = best < 0 ? ms : std::min(best, ms);
    }
    return best;
}
} // namespace

int runBrowseBench(const WorkspaceProfile &profile, const QString &search)
{
    // The real main window and its browser, offscreen: what a person's screen would show,
    // delegates and all.
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    // Start measuring once the empty window has painted: window creation is not what we measure.
    QCoreApplication::processEvents();
    GuiStallMeter stalls;
    stalls.start();

    QElapsedTimer clock;
    clock.start();
    window.setWorkspace(profile);
    EvaluationTableModel &model = *window.model();
    QTableView &view = *window.browser()->tableView();
    bool shown = false;
    QObject::connect(&model, &EvaluationTableModel::firstRowsShown, [&] { shown = true; });
    if (!waitFor([&] { return shown || model.state() == EvaluationTableModel::State::Failed; }) ||
        model.state() == EvaluationTableModel::State::Failed) {
        std::fprintf(stderr, "sightline-bench: %s\n", qPrintable(model.errorMessage()));
        return 1;
    }
    printFigure(Scenario, u"sightline"_s, u"first_page_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"first_page_stall_max_ms"_s, stalls.takePhaseMaxMs(), u"ms"_s);
    if (!waitFor([&] { return model.state() == EvaluationTableModel::State::Ready; })) {
        std::fprintf(stderr, "sightline-bench: counting did not finish: %s\n",
                     qPrintable(model.errorMessage()));
        return 1;
    }
    const int rows = model.rowCount();
    printFigure(Scenario, u"sightline"_s, u"rows"_s, rows, u"rows"_s);

    // The last row of the sort order: what End in the table does.
    clock.restart();
    view.scrollToBottom();
    if (!waitFor([&] { return model.isRowLoaded(rows - 1); })) {
        std::fprintf(stderr, "sightline-bench: the last row never arrived\n");
        return 1;
    }
    printFigure(Scenario, u"sightline"_s, u"last_row_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"last_row_stall_max_ms"_s, stalls.takePhaseMaxMs(), u"ms"_s);

    // Jumps anywhere: a drag of the scroll bar to a third, then to the middle, of the table.
    for (const auto &[metric, row] :
         {std::pair{u"jump_third_ms"_s, rows / 3}, std::pair{u"jump_middle_ms"_s, rows / 2}}) {
        clock.restart();
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
        if (!waitFor([&, row = row] { return model.isRowLoaded(row); })) {
            std::fprintf(stderr, "sightline-bench: row %d never arrived\n", row);
            return 1;
        }
        printFigure(Scenario, u"sightline"_s, metric, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    }

    // Re-sort by duration, longest first: a click on the column header.
    shown = false;
    clock.restart();
    view.sortByColumn(int(EvaluationColumn::Duration), Qt::DescendingOrder);
    if (!waitFor([&] { return shown; }))
        return 1;
    printFigure(Scenario, u"sightline"_s, u"resort_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"resort_stall_max_ms"_s, stalls.takePhaseMaxMs(), u"ms"_s);

    // A search, as typed into the filter bar.
    shown = false;
    clock.restart();
    EvaluationFilter filter;
    filter.search = search;
    model.setFilter(filter);
    if (!waitFor([&] { return shown; }))
        return 1;
    printFigure(Scenario, u"sightline"_s, u"search_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    if (!waitFor([&] { return model.state() == EvaluationTableModel::State::Ready; }))
        return 1;
    printFigure(Scenario, u"sightline"_s, u"search_count_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"search_count_stall_max_ms"_s, stalls.takePhaseMaxMs(), u"ms"_s);

    // Scroll through every row, a screenful at a time, back in the default order.
    model.setFilter({});
    model.sort(int(EvaluationColumn::Created), Qt::DescendingOrder);
    if (!waitFor([&] { return model.state() == EvaluationTableModel::State::Ready; }))
        return 1;
    const int total = model.rowCount();
    const int screen = qMax(1, view.viewport()->height() / view.verticalHeader()->defaultSectionSize());
    clock.restart();
    for (int row = 0; row < total; row += screen) {
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
        if (!waitFor([&] { return model.isRowLoaded(row); })) {
            std::fprintf(stderr, "sightline-bench: row %d never arrived\n", row);
            return 1;
        }
    }
    printFigure(Scenario, u"sightline"_s, u"scroll_all_ms"_s, double(clock.nsecsElapsed()) / 1e6, u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"scroll_all_stall_max_ms"_s, stalls.takePhaseMaxMs(), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"peak_rss_mb"_s, peakRssMb(), u"MB"_s);
    stalls.stop();
    printFigure(Scenario, u"sightline"_s, u"gui_stall_p99_ms"_s, stalls.percentileStallMs(99), u"ms"_s);
    printFigure(Scenario, u"sightline"_s, u"gui_stall_max_ms"_s, stalls.maxStallMs(), u"ms"_s);
    // The peer runs last: waiting for its process would otherwise count as a stall of ours.
    if (!profile.postgresUrl.isEmpty()) {
        const double psql = psqlFirstPageMs(profile.postgresUrl, profile.schema.evaluationsTable);
        if (psql >= 0)
            printFigure(Scenario, u"psql"_s, u"first_page_ms"_s, psql, u"ms"_s);
    }
    return 0;
}

} // namespace Sightline::Bench
