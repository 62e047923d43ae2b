// The browser's model over a real store: lazy pages, counts, sorting, filtering and failures.

#include "models/evaluationtablemodel.h"
#include "sources/evaluationreader.h"
#include "storetestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sightline;

class TestEvaluationTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstPageThenCountThenAnyRow_data();
    void firstPageThenCountThenAnyRow();
    void sortingReordersRows();
    void filteringShrinksAndGrows();
    void memoryStaysBounded();
    void unreachableServerFailsClearlyAndRetries();
    void corruptSqliteFileFailsClearly();

private:
    WorkspaceProfile sqliteProfile() const;
    QTemporaryDir m_dir;
    QString m_sqlitePath;
};

void TestEvaluationTableModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_sqlitePath = TestSupport::seedSqlite(m_dir, 5000, 3, &error);
    QVERIFY2(!m_sqlitePath.isEmpty(), qPrintable(error));
    if (TestSupport::postgresUrl().isEmpty())
        QFAIL(TestSupport::postgresMissingMessage());
}

WorkspaceProfile TestEvaluationTableModel::sqliteProfile() const
{
    WorkspaceProfile profile;
    profile.name = u"test"_s;
    profile.sqlitePath = m_sqlitePath;
    return profile;
}

void TestEvaluationTableModel::firstPageThenCountThenAnyRow_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
}

void TestEvaluationTableModel::firstPageThenCountThenAnyRow()
{
    QFETCH(QString, backend);
    WorkspaceProfile profile = sqliteProfile();
    if (backend == u"postgres"_s) {
        profile.sqlitePath.clear();
        profile.postgresUrl = TestSupport::postgresUrl();
    }
    EvaluationStore store(profile);
    EvaluationTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy shown(&model, &EvaluationTableModel::firstRowsShown);

    QTRY_VERIFY_WITH_TIMEOUT(model.state() == EvaluationTableModel::State::Ready, 20000);
    QCOMPARE(shown.count(), 1);
    QVERIFY(model.counts());
    const qint64 total = model.counts()->total;
    QVERIFY(total >= 5000);
    QCOMPARE(model.rowCount(), int(total));
    QVERIFY(inserted.count() >= 1); // the first page, then the rest once counted
    QVERIFY(model.isRowLoaded(0));
    QVERIFY(!model.data(model.index(0, 0)).toString().isEmpty());

    // A row far away is a placeholder until its page arrives, then real.
    const int far = int(total) - 3;
    QCOMPARE(model.data(model.index(far, 0), EvaluationTableModel::LoadedRole).toBool(), false);
    QCOMPARE(model.data(model.index(far, 0)).toString(), EvaluationTableModel::tr("loading…"));
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(far), 20000);
    QVERIFY(model.data(model.index(far, 0), EvaluationTableModel::EvaluationIdRole)
                .toString()
                .startsWith(u"ev-"_s));
    // Default order: newest first.
    const qint64 newest = model.data(model.index(0, 0), EvaluationTableModel::CreatedAtRole).toLongLong();
    const qint64 oldest = model.data(model.index(far, 0), EvaluationTableModel::CreatedAtRole).toLongLong();
    QVERIFY(newest >= oldest);
}

void TestEvaluationTableModel::sortingReordersRows()
{
    EvaluationStore store(sqliteProfile());
    EvaluationTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    model.sort(int(EvaluationColumn::Duration), Qt::AscendingOrder);
    QCOMPARE(model.state(), EvaluationTableModel::State::Loading);
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    model.prefetch(0, 399);
    QTRY_VERIFY(model.isRowLoaded(399));
    double previous = -1;
    for (int row = 0; row < 400; ++row) {
        const QVariant d = model.data(model.index(row, 0), EvaluationTableModel::DurationSecondsRole);
        QVERIFY2(d.isValid(), "NULL durations sort last in ascending order");
        QVERIFY(d.toDouble() >= previous);
        previous = d.toDouble();
    }
    // The last row in ascending duration has no duration (never started or still running).
    const int last = model.rowCount() - 1;
    model.prefetch(last, last);
    QTRY_VERIFY(model.isRowLoaded(last));
    QVERIFY(!model.data(model.index(last, 0), EvaluationTableModel::DurationSecondsRole).isValid());
}

void TestEvaluationTableModel::filteringShrinksAndGrows()
{
    EvaluationStore store(sqliteProfile());
    EvaluationTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    const int all = model.rowCount();

    EvaluationFilter failed;
    failed.statuses = {EvaluationStatus::Failed};
    model.setFilter(failed);
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() < all);
    QCOMPARE(qint64(model.rowCount()), model.counts()->count(EvaluationStatus::Failed));
    model.prefetch(0, model.rowCount() - 1);
    QTRY_VERIFY(model.isRowLoaded(model.rowCount() - 1));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, 0), EvaluationTableModel::StatusRole).toInt(),
                 int(EvaluationStatus::Failed));

    EvaluationFilter nothing;
    nothing.search = u"%_no such thing_%"_s;
    model.setFilter(nothing);
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.counts()->total, 0);

    model.setFilter({});
    QTRY_VERIFY(model.state() == EvaluationTableModel::State::Ready);
    QCOMPARE(model.rowCount(), all);
}

void TestEvaluationTableModel::memoryStaysBounded()
{
    WorkspaceProfile profile;
    profile.postgresUrl = TestSupport::postgresUrl();
    EvaluationStore store(profile);
    EvaluationTableModel model(&store);
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == EvaluationTableModel::State::Ready, 20000);
    // Walk the whole table a screenful at a time, as a scrolling view would.
    const int step = 9 * EvaluationStore::PageSize;
    for (int row = 0; row < model.rowCount(); row += step) {
        model.prefetch(row, row + 40);
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(row), 20000);
    }
    QVERIFY(model.cachedRowCount() <= EvaluationTableModel::MaxCachedPages * EvaluationStore::PageSize);
    QVERIFY(model.rowCount() >= 100000);
}

void TestEvaluationTableModel::unreachableServerFailsClearlyAndRetries()
{
    WorkspaceProfile profile;
    // Port 1 on loopback: nothing listens there.
    profile.postgresUrl = u"postgresql://reader:secret-password@127.0.0.1:1/crucible"_s;
    EvaluationStore store(profile);
    EvaluationTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == EvaluationTableModel::State::Failed, 15000);
    QVERIFY2(model.errorMessage().contains(u"Cannot reach"_s), qPrintable(model.errorMessage()));
    QVERIFY2(!model.errorMessage().contains(u"secret-password"_s), "a password must never reach a message");
    QCOMPARE(model.rowCount(), 0);
    model.refresh();
    QCOMPARE(model.state(), EvaluationTableModel::State::Loading);
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == EvaluationTableModel::State::Failed, 15000);
}

void TestEvaluationTableModel::corruptSqliteFileFailsClearly()
{
    const QString path = m_dir.filePath(u"garbage.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    WorkspaceProfile profile;
    profile.sqlitePath = path;
    EvaluationStore store(profile);
    EvaluationTableModel model(&store);
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == EvaluationTableModel::State::Failed, 10000);
    QVERIFY2(model.errorMessage().contains(u"garbage.sqlite"_s), qPrintable(model.errorMessage()));
    QVERIFY2(model.errorMessage().contains(u"not a SQLite database"_s), qPrintable(model.errorMessage()));
}

QTEST_GUILESS_MAIN(TestEvaluationTableModel)
#include "tst_evaluationtablemodel.moc"
