// LiveEventModel over hand-built batches: rows appended and dropped in one signal pair per batch,
// filters (also rebuilt while batches keep coming), bad input rows, and the history segment.

#include "models/liveeventmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BaseMs = 1'790'000'000'000;

struct EventSpec
{
    qint64 id;
    EventCategory category = EventCategory::Research;
    EventSeverity severity = EventSeverity::Info;
    QByteArray type = "evaluation.started";
    QByteArray evaluationId = "eval-0001";
    QByteArray data = "{\"worker\":\"w-1\"}";
    quint8 flags = 0;
    qint64 timestamp = 0; // 0: BaseMs + id
    LiveSource source = LiveSource::Redis;
    QByteArray categoryText = {};
};

void addEvent(LiveEventBatch &batch, const EventSpec &spec)
{
    LiveEventRecord r;
    r.id = spec.id;
    r.timestamp = spec.timestamp ? spec.timestamp : BaseMs + spec.id;
    r.receivedAt = BaseMs + spec.id;
    r.category = spec.category;
    r.severity = spec.severity;
    r.source = spec.source;
    r.flags = spec.flags;
    r.payloadSize = quint32(spec.data.size() + 100);
    batch.append(r, spec.evaluationId, spec.type, spec.categoryText, {}, spec.data);
}

// `count` ordinary events with ids from `firstId`; every 3rd is storage/warning, every 5th has
// evaluation "eval-special".
LiveEventBatchPtr makeBatch(qint64 firstId, int count)
{
    auto batch = std::make_shared<LiveEventBatch>();
    for (int i = 0; i < count; ++i) {
        EventSpec spec{firstId + i};
        const qint64 id = firstId + i;
        if (id % 3 == 0) {
            spec.category = EventCategory::Storage;
            spec.severity = EventSeverity::Warning;
            spec.type = "storage.written";
        }
        if (id % 5 == 0)
            spec.evaluationId = "eval-special";
        addEvent(*batch, spec);
    }
    return batch;
}

struct RowSignals
{
    explicit RowSignals(LiveEventModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
    {
    }
    QSignalSpy inserted;
    QSignalSpy removed;
};

} // namespace

Q_DECLARE_METATYPE(Sightline::LiveEventFilter)

class TestLiveEventModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsOneInsertionPerBatch();
    void overflowDropsFromTheTop();
    void memoryCapDropsWholeBatches();
    void filters_data();
    void filters();
    void filterKeepsUpWithAppendsAndDrops();
    void filterRebuildOverALargeRing();
    void badInputRows();
    void historyComesFirst();
    void keysAndRows();
};

void TestLiveEventModel::appendsOneInsertionPerBatch()
{
    LiveEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RowSignals spy(&model);
    model.appendBatch(makeBatch(1, 100));
    model.appendBatch(makeBatch(101, 250));
    model.appendBatch(std::make_shared<LiveEventBatch>()); // empty: nothing happens
    QCOMPARE(spy.inserted.count(), 2);
    QCOMPARE(spy.removed.count(), 0);
    QCOMPARE(spy.inserted.at(1).at(1).toInt(), 100);
    QCOMPARE(spy.inserted.at(1).at(2).toInt(), 349);
    QCOMPARE(model.rowCount(), 350);
    QCOMPARE(model.columnCount(), int(LiveEventModel::ColumnCount));
    QCOMPARE(model.index(0, LiveEventModel::Evaluation).data().toString(), u"eval-0001"_s);
    QCOMPARE(model.index(349, 0).data(LiveEventModel::EventIdRole).toLongLong(), 350);
    QCOMPARE(model.index(0, LiveEventModel::Time).data().toString(), u"2026-09-21T14:13:20.001Z"_s);
    QCOMPARE(model.index(2, LiveEventModel::Lane).data().toString(), u"Storage"_s);
    QCOMPARE(model.index(2, LiveEventModel::Severity).data().toString(), u"warning"_s);
    QCOMPARE(model.index(2, LiveEventModel::Type).data().toString(), u"storage.written"_s);
    QCOMPARE(model.index(2, LiveEventModel::Source).data().toString(), liveSourceName(LiveSource::Redis));
    QCOMPARE(model.index(4, 0).data(LiveEventModel::EvaluationIdRole).toString(), u"eval-special"_s);
    QCOMPARE(model.index(0, LiveEventModel::Data).data().toString(), u"{\"worker\":\"w-1\"}"_s);
    QCOMPARE(model.rate().newestSecond(), (BaseMs + 350) / 1000);
}

void TestLiveEventModel::overflowDropsFromTheTop()
{
    LiveEventModel model(LiveEventRingLimits{1000, qint64(1) << 40});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RowSignals spy(&model);
    model.appendBatch(makeBatch(1, 800));
    model.appendBatch(makeBatch(801, 400)); // 200 of the oldest go
    QCOMPARE(spy.inserted.count(), 2);
    QCOMPARE(spy.removed.count(), 1);
    QCOMPARE(spy.removed.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.removed.at(0).at(2).toInt(), 199);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 201);
    QCOMPARE(model.index(999, 0).data(LiveEventModel::EventIdRole).toLongLong(), 1200);
    QCOMPARE(model.droppedTotal(), 200);

    // A batch larger than the whole ring: everything old goes, then part of the batch.
    spy.inserted.clear();
    spy.removed.clear();
    model.appendBatch(makeBatch(2001, 1500));
    QCOMPARE(spy.removed.count(), 1);
    QCOMPARE(spy.inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 2501);
    QCOMPARE(model.oldestEventId(), 2501);
}

void TestLiveEventModel::memoryCapDropsWholeBatches()
{
    const qint64 oneBatch = makeBatch(1, 500)->memoryBytes();
    LiveEventModel model(LiveEventRingLimits{1'000'000, oneBatch * 2 + oneBatch / 2});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RowSignals spy(&model);
    for (int i = 0; i < 4; ++i)
        model.appendBatch(makeBatch(1 + i * 500, 500));
    QCOMPARE(spy.inserted.count(), 4);
    QCOMPARE(spy.removed.count(), 2);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 1001);
}

void TestLiveEventModel::filters_data()
{
    QTest::addColumn<LiveEventFilter>("filter");
    QTest::addColumn<int>("expected");
    QTest::addColumn<qint64>("firstId");
    // 300 events with ids 1..300: 100 storage/warning (multiples of 3), 60 with eval-special.
    LiveEventFilter storage;
    storage.lanes = 1u << int(LiveLane::Storage);
    QTest::newRow("lane") << storage << 100 << qint64(3);
    LiveEventFilter info;
    info.severities = 1u << int(EventSeverity::Info);
    QTest::newRow("severity") << info << 200 << qint64(1);
    LiveEventFilter type;
    type.type = u"STORAGE.W"_s;
    QTest::newRow("type, case-insensitive") << type << 100 << qint64(3);
    LiveEventFilter evaluation;
    evaluation.evaluationId = u"special"_s;
    QTest::newRow("evaluation") << evaluation << 60 << qint64(5);
    LiveEventFilter both;
    both.evaluationId = u"special"_s;
    both.lanes = 1u << int(LiveLane::Storage);
    QTest::newRow("lane and evaluation") << both << 20 << qint64(15);
    LiveEventFilter text;
    text.text = u"w-1"_s;
    QTest::newRow("free text in data") << text << 300 << qint64(1);
    LiveEventFilter none;
    none.text = u"nothing like this"_s;
    QTest::newRow("no match") << none << 0 << qint64(0);
}

void TestLiveEventModel::filters()
{
    QFETCH(LiveEventFilter, filter);
    QFETCH(int, expected);
    QFETCH(qint64, firstId);
    LiveEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(makeBatch(1, 300));
    QSignalSpy finished(&model, &LiveEventModel::filteringFinished);
    model.setFilter(filter);
    QVERIFY(finished.count() == 1 || finished.wait());
    QVERIFY(!model.isFiltering());
    QCOMPARE(model.rowCount(), expected);
    if (expected > 0)
        QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), firstId);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 300);
}

void TestLiveEventModel::filterKeepsUpWithAppendsAndDrops()
{
    LiveEventModel model(LiveEventRingLimits{600, qint64(1) << 40});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LiveEventFilter storage;
    storage.lanes = 1u << int(LiveLane::Storage);
    model.setFilter(storage);
    RowSignals spy(&model);
    model.appendBatch(makeBatch(1, 300));
    model.appendBatch(makeBatch(301, 300));
    QCOMPARE(spy.inserted.count(), 2);
    QCOMPARE(spy.removed.count(), 0);
    QCOMPARE(model.rowCount(), 200);
    model.appendBatch(makeBatch(601, 300)); // ids 1..300 go: 100 matching rows at the top
    QCOMPARE(spy.removed.count(), 1);
    QCOMPARE(spy.removed.at(0).at(2).toInt(), 99);
    QCOMPARE(spy.inserted.count(), 3);
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 303);
    QCOMPARE(model.index(199, 0).data(LiveEventModel::EventIdRole).toLongLong(), 900);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(LiveEventModel::LaneRole).toInt(), int(LiveLane::Storage));
}

void TestLiveEventModel::filterRebuildOverALargeRing()
{
    // Enough events that matching takes several slices: rows arrive in order while batches keep
    // coming, and the result is the same as matching everything at once.
    LiveEventModel model(LiveEventRingLimits{400'000, qint64(1) << 40});
    for (int i = 0; i < 10; ++i)
        model.appendBatch(makeBatch(1 + i * 40'000, 40'000));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LiveEventFilter filter;
    filter.text = u"special"_s;
    QSignalSpy finished(&model, &LiveEventModel::filteringFinished);
    model.setFilter(filter);
    model.appendBatch(makeBatch(400'001, 40'000)); // drops ids 1..40000 while matching
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QVERIFY(!model.isFiltering());
    QCOMPARE(model.rowCount(), 80'000); // ids 40001..440000, every 5th
    qint64 previous = 0;
    for (int row = 0; row < model.rowCount(); row += 997) {
        const qint64 id = model.index(row, 0).data(LiveEventModel::EventIdRole).toLongLong();
        QVERIFY(id > previous);
        QCOMPARE(id % 5, 0);
        previous = id;
    }
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 40'005);
}

void TestLiveEventModel::badInputRows()
{
    LiveEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto batch = std::make_shared<LiveEventBatch>();
    EventSpec unparseable{-1};
    unparseable.flags = LiveEventRecord::Unparseable | LiveEventRecord::NoTimestamp;
    unparseable.category = EventCategory::Unknown;
    unparseable.severity = EventSeverity::Unknown;
    unparseable.type = "not JSON: unexpected character";
    unparseable.evaluationId = {};
    unparseable.data = QByteArray(5000, 'x') + "\n\x01 tail";
    addEvent(*batch, unparseable);
    EventSpec unknown{2};
    unknown.flags = LiveEventRecord::UnknownCategory;
    unknown.category = EventCategory::Unknown;
    unknown.categoryText = "billing";
    addEvent(*batch, unknown);
    EventSpec skewed{3};
    skewed.flags = LiveEventRecord::ClockSkewed;
    skewed.timestamp = BaseMs + 10LL * 365 * 24 * 3600 * 1000; // ten years ahead
    addEvent(*batch, skewed);
    model.appendBatch(batch);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, LiveEventModel::Lane).data().toString(),
             liveLaneDisplayName(LiveLane::Unparseable));
    QCOMPARE(model.index(0, LiveEventModel::Type).data().toString(), u"not JSON: unexpected character"_s);
    QVERIFY(model.index(0, LiveEventModel::Type)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"could not be read"_s));
    const QString preview = model.index(0, LiveEventModel::Data).data().toString();
    QCOMPARE(preview.size(), LiveEventModel::DataPreviewChars + 1);
    QVERIFY(preview.endsWith(u'…'));
    QVERIFY(model.index(0, LiveEventModel::Data).data(Qt::ToolTipRole).toString().size() >
            LiveEventModel::DataPreviewChars);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::RawPayloadRole).toByteArray().size(),
             qsizetype(5000 + 7));
    QVERIFY(model.index(0, LiveEventModel::Time).data(Qt::ToolTipRole).toString().contains(u"arrived"_s));
    QCOMPARE(model.index(0, 0).data(LiveEventModel::LaneRole).toInt(), int(LiveLane::Unparseable));

    QCOMPARE(model.index(1, 0).data(LiveEventModel::LaneRole).toInt(), int(LiveLane::Other));
    QVERIFY(model.index(1, LiveEventModel::Lane).data().toString().contains(u"billing"_s));

    QVERIFY(model.index(2, LiveEventModel::Time).data().toString().startsWith(u"⚠"_s));
    QVERIFY(model.index(2, LiveEventModel::Time).data(Qt::ToolTipRole).toString().contains(u"ahead"_s));
    QCOMPARE(model.index(2, 0).data(LiveEventModel::AxisTimeRole).toLongLong(), BaseMs + 3);

    LiveEventFilter onlyBad;
    onlyBad.lanes = 1u << int(LiveLane::Unparseable);
    model.setFilter(onlyBad);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), -1);
}

void TestLiveEventModel::historyComesFirst()
{
    LiveEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(makeBatch(1001, 100));
    RowSignals spy(&model);
    auto older = std::make_shared<LiveEventBatch>();
    for (qint64 id = 901; id <= 1000; ++id)
        addEvent(*older, EventSpec{id,
                                   EventCategory::Infrastructure,
                                   EventSeverity::Error,
                                   "service.down",
                                   {},
                                   "{}",
                                   0,
                                   0,
                                   LiveSource::History});
    model.prependHistory(older);
    QCOMPARE(spy.inserted.count(), 1);
    QCOMPARE(spy.inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.inserted.at(0).at(2).toInt(), 99);
    model.prependHistory(makeBatch(801, 100));
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 801);
    QCOMPARE(model.index(100, 0).data(LiveEventModel::EventIdRole).toLongLong(), 901);
    QCOMPARE(model.index(100, LiveEventModel::Source).data().toString(), liveSourceName(LiveSource::History));
    QCOMPARE(model.index(200, 0).data(LiveEventModel::EventIdRole).toLongLong(), 1001);
    QCOMPARE(model.oldestEventId(), 801);

    LiveEventFilter infra;
    infra.lanes = 1u << int(LiveLane::Infrastructure);
    model.setFilter(infra);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0, 0).data(LiveEventModel::EventIdRole).toLongLong(), 901);

    // New events still arrive below the history.
    model.setFilter({});
    model.appendBatch(makeBatch(1101, 10));
    QCOMPARE(model.rowCount(), 310);
    QCOMPARE(model.index(309, 0).data(LiveEventModel::EventIdRole).toLongLong(), 1110);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.historySize(), 0);
}

void TestLiveEventModel::keysAndRows()
{
    LiveEventModel model(LiveEventRingLimits{500, qint64(1) << 40});
    model.appendBatch(makeBatch(1, 300));
    model.prependHistory(makeBatch(901, 50)); // history: ids 901..950
    for (int row : {0, 49, 50, 349}) {
        const quint64 key = model.index(row, 0).data(LiveEventModel::SeqRole).value<quint64>();
        QCOMPARE(model.rowForKey(key), row);
        QCOMPARE(model.refForKey(key).record, model.refForRow(row).record);
    }
    const quint64 firstRing = model.keyForRow(50);
    model.appendBatch(makeBatch(301, 300)); // the first 100 ring events go
    QCOMPARE(model.rowForKey(firstRing), -1);
    QVERIFY(!model.refForKey(firstRing).record);
    LiveEventFilter storage;
    storage.lanes = 1u << int(LiveLane::Storage);
    model.setFilter(storage);
    const quint64 key = model.keyForRow(model.rowCount() - 1);
    QCOMPARE(model.rowForKey(key), model.rowCount() - 1);
    QCOMPARE(model.refForKey(key).record->id, 600);
}

QTEST_GUILESS_MAIN(TestLiveEventModel)
#include "tst_liveeventmodel.moc"
