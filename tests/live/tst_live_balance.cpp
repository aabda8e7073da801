// The live balance and the benchmark models on real project files: the verdict sentence (closes /
// a planted 12 % bias names the meter / a leak names the unit), the diagram's flows, marks and
// to-do, a reading committed updating the flows without a new layout, and the quota gauges against
// hand-computed levels. Every model is run under QAbstractItemModelTester.

#include "balance/plant_balance.h"
#include "benchmark_model.h"
#include "benchmarking/grades/benchmark.h"
#include "indicators/indicator.h"
#include "io/plant_file.h"
#include "live_balance.h"
#include "live_findings.h"
#include "project_analysis.h"
#include "project_session.h"
#include "store/project_store.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {

const QString dataDir = QStringLiteral(SHUIHENG_SOURCE_DIR "/tests/live/data");
const QString sampleCampaign = QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json");

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// The two-unit metered plant (the file has meter M2 reading 67.2, 12 % over its true 60) with M2
/// reading `m2`.
QByteArray meteredPlant(double m2) {
    return readAll(dataDir + QStringLiteral("/two-units-m2-high.json"))
        .replace("\"value\": 67.2", "\"value\": " + QByteArray::number(m2, 'g', 10));
}

shuiheng::Plant parsed(const QByteArray& json) {
    shuiheng::PlantFileResult result = shuiheng::parsePlantJson(json.toStdString());
    if (!result.ok())
        qFatal("test plant does not load");
    return *result.plant;
}

bool waitUntil(const std::function<bool()>& done) {
    return QTest::qWaitFor(done, 30'000);
}

} // namespace

class TestLiveBalance : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    int serial_ = 0;

    /// A new project file holding the plant file `json`.
    QString project(const QByteArray& json) {
        const QString plantFile = dir_.filePath(QStringLiteral("plant-%1.json").arg(++serial_));
        QFile file(plantFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            qFatal("cannot write the plant file");
        file.close();
        const QString path = dir_.filePath(QStringLiteral("live-%1.shuiheng").arg(serial_));
        ProjectSession session;
        if (!session.create(path, QStringLiteral("实时平衡"), QStringLiteral("某企业"), plantFile))
            qFatal("cannot create the project: %s", qPrintable(session.errorMessage()));
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("SHUIHENG_DATA_DIR", SHUIHENG_DATA_DIR);
        qputenv("SHUIHENG_QUOTA_LIBRARY", QFile::encodeName(dir_.filePath(QStringLiteral("no-own-quotas"))));
    }

    // --- The verdict sentence --------------------------------------------------------------------

    void verdictWhenTheBalanceCloses() {
        const ProjectAnalysis a = analyseProject(parsed(meteredPlant(60)));
        QVERIFY(a.balanceRan);
        QVERIFY(a.balanceCloses);
        QCOMPARE(a.live.verdict, QStringLiteral("The balance closes within the meters' accuracy."));
        QVERIFY(a.live.findings.isEmpty());
        QVERIFY(a.live.biasedStreams.isEmpty());
    }

    void verdictNamesTheMeterReadingTwelvePercentHigh() {
        // M2 reads 12 % above the true 60 m³/h; the other meters agree with the balance.
        const ProjectAnalysis a = analyseProject(parsed(meteredPlant(60 * 1.12)));
        QVERIFY(a.balanceRan);
        QVERIFY(!a.balanceCloses);
        QCOMPARE(a.live.verdict, QStringLiteral("Meter M2 reads about 12 % high."));
        QCOMPARE(a.live.findings.size(), 1);
        const QVariantMap f = a.live.findings.first();
        QCOMPARE(f.value("kind").toString(), QStringLiteral("meter"));
        QCOMPARE(f.value("stream").toString(), QStringLiteral("S2"));
        QCOMPARE(f.value("meters").toString(), QStringLiteral("M2"));
        // The estimate is measured − true: 67.2 − 60 = 7.2, i.e. 12 % of the true flow.
        QVERIFY2(std::abs(f.value("estimate").toDouble() - 7.2) < 0.01,
                 qPrintable(f.value("estimate").toString()));
        QVERIFY(std::abs(f.value("share").toDouble() - 12) < 0.02);
        QVERIFY(a.live.biasedStreams.contains(QStringLiteral("S2")));
        // The to-do starts with checking that meter.
        QVERIFY(!a.live.todo.isEmpty());
        QCOMPARE(a.live.todo.first().value("task").toString(), QStringLiteral("check"));
        QCOMPARE(a.live.todo.first().value("meter").toString(), QStringLiteral("M2"));
    }

    void verdictForAMeterReadingLow() {
        const ProjectAnalysis a = analyseProject(parsed(meteredPlant(60 * 0.9)));
        QCOMPARE(a.live.verdict, QStringLiteral("Meter M2 reads about 10 % low."));
    }

    void verdictNamesALeak() {
        // U2 passes on 52 of the 60 it receives: 8 m³/h lost where no meter can stand in for it.
        const ProjectAnalysis a = analyseProject(parsed(readAll(dataDir + QStringLiteral("/leak.json"))));
        QVERIFY(a.balanceRan);
        QVERIFY(!a.balanceCloses);
        QCOMPARE(a.live.findings.size(), 1);
        QCOMPARE(a.live.findings.first().value("kind").toString(), QStringLiteral("leak"));
        QCOMPARE(a.live.findings.first().value("nodes").toString(), QStringLiteral("U2"));
        QVERIFY(std::abs(a.live.findings.first().value("estimate").toDouble() - 8) < 0.05);
        QVERIFY2(a.live.verdict.startsWith(QStringLiteral("About 8 m3/h is lost unmetered at U2")),
                 qPrintable(a.live.verdict));
        QVERIFY(a.live.leakNodes.contains(QStringLiteral("U2")));
        QCOMPARE(a.live.todo.first().value("task").toString(), QStringLiteral("leak"));
    }

    // --- The live diagram ------------------------------------------------------------------------

    void diagramCarriesTheFlowsAndMarks() {
        ProjectSession session;
        LiveBalance live;
        QAbstractItemModelTester diagramTester(live.diagram());
        QAbstractItemModelTester findingsTester(live.findings());
        QAbstractItemModelTester todoTester(live.todo());
        live.setSession(&session);
        QVERIFY(session.open(project(meteredPlant(60 * 1.12))));
        QVERIFY(
            waitUntil([&] { return live.layoutCount() == 1 && !session.analysing() && !live.layingOut(); }));
        QVERIFY(waitUntil([&] { return live.state() == QLatin1String("fails"); }));
        QCOMPARE(live.verdict(), QStringLiteral("Meter M2 reads about 12 % high."));
        // Frames, streams and nodes of the layout: 5 streams + 5 nodes.
        QCOMPARE(live.diagram()->count(), 10);
        const QVariantMap s2 = live.overlayOf(QStringLiteral("S2"));
        QVERIFY(s2.value("suspect").toBool());
        QVERIFY(s2.value("finding").toString().contains(QStringLiteral("M2")));
        QVERIFY(!live.overlayOf(QStringLiteral("S1")).value("suspect").toBool());
        // Widths are proportional to the flow: S1 carries the most water.
        const auto width = [&](const char* id) {
            return live.overlayOf(QString::fromLatin1(id)).value("width").toDouble();
        };
        const auto value = [&](const char* id) {
            return live.overlayOf(QString::fromLatin1(id)).value("value").toDouble();
        };
        QCOMPARE(width("S1"), 14.0);
        QVERIFY(std::abs((width("S3") - 1.5) / (width("S1") - 1.5) - value("S3") / value("S1")) < 1e-9);
        // The text is value ± σ, σ to two significant digits.
        const double sigma = live.overlayOf(QStringLiteral("S1")).value("sigma").toDouble();
        const int decimals = std::clamp(1 - int(std::floor(std::log10(sigma))), 0, 4);
        QCOMPARE(live.overlayOf(QStringLiteral("S1")).value("text").toString(),
                 QStringLiteral("%1 ± %2").arg(value("S1"), 0, 'f', decimals).arg(sigma, 0, 'f', decimals));
        QCOMPARE(live.findings()->count(), 1);
        QCOMPARE(live.todo()->get(0).value("meter").toString(), QStringLiteral("M2"));
    }

    void aReadingUpdatesTheFlowsWithoutANewLayout() {
        const QString path = project(meteredPlant(60));
        ProjectSession session;
        LiveBalance live;
        QAbstractItemModelTester tester(live.diagram());
        live.setSession(&session);
        QVERIFY(session.open(path));
        QVERIFY(waitUntil([&] { return live.state() == QLatin1String("closes") && !live.layingOut(); }));
        QCOMPARE(live.layoutCount(), 1);
        const double before = live.overlayOf(QStringLiteral("S1")).value("value").toDouble();

        // A second reading of M1 (100 → mean 103) committed through another connection, as the
        // reading page does, then the session reads the project again.
        shuiheng::store::ProjectStore writer;
        QVERIFY(writer.open(path.toStdString()).ok());
        shuiheng::store::NewReading entry;
        entry.reading.meter = "M1";
        entry.reading.time = "2026-06-01T20:00:00+08:00";
        entry.reading.value = 106;
        entry.campaign = writer.campaigns()->back().id;
        QVERIFY(writer.addReading(entry, {}).ok());
        const int updates = live.updateCount();
        QSignalSpy reset(live.diagram(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(live.diagram(), &QAbstractItemModel::dataChanged);
        session.reload();
        QVERIFY(waitUntil(
            [&] { return live.updateCount() > updates && !session.analysing() && session.analysis(); }));
        QCOMPARE(live.layoutCount(), 1); // the structure is the same: no new layout
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() > 0);
        for (const QList<QVariant>& args : changed)
            QCOMPARE(args.at(2).value<QList<int>>(), QList<int>{DiagramModel::OverlayRole});
        QVERIFY(live.overlayOf(QStringLiteral("S1")).value("value").toDouble() != before);
    }

    // --- Indicators & benchmark ------------------------------------------------------------------

    void gaugePositionsAgainstHandComputedLevels() {
        // Lower is better, general 4.8 and advanced 3.1 m³/t, value 2.5 ± 0.2:
        // the gauge ends at 1.25 × max(4.8, 2.5 + 2·0.2) = 6.0.
        shuiheng::benchmarking::Comparison c;
        c.product = "吨钢";
        c.indicator = "quotaUnitProductIntake";
        c.value = 2.5;
        c.sigma = 0.2;
        c.unit = "m3/t";
        c.levels = {{"general", "通用值", 4.8, true, 1.0}, {"advanced", "先进值", 3.1, true, 0.9987}};
        c.grade = "advanced";
        const QVariantMap row = BenchmarkModel::gaugeRow(c, "en");
        QCOMPARE(row.value("scaleEnd").toDouble(), 6.0);
        QCOMPARE(row.value("position").toDouble(), 2.5 / 6.0);
        QCOMPARE(row.value("spread").toDouble(), 0.2 / 6.0);
        const QVariantList levels = row.value("levels").toList();
        QCOMPARE(levels.size(), 2);
        QCOMPARE(levels[0].toMap().value("position").toDouble(), 0.8);
        QCOMPARE(levels[1].toMap().value("position").toDouble(), 3.1 / 6.0);
        QCOMPARE(row.value("gradeName").toString(), QStringLiteral("先进值"));
        // A value beyond every level moves the end: 1.25 × (7 + 2·0.5) = 10.
        QCOMPARE(BenchmarkModel::gaugeEnd(7.0, 0.5, {4.8, 3.1}, QStringLiteral("m3/t")), 10.0);
        // Percentages run from 0 to 100 %.
        QCOMPARE(BenchmarkModel::gaugeEnd(96.2, 0.4, {97}, QStringLiteral("%")), 100.0);
        QCOMPARE(BenchmarkModel::gaugePosition(97, 100), 0.97);
        QCOMPARE(BenchmarkModel::gaugePosition(-1, 100), 0.0);
    }

    // On the sample plant's live balance (dense in the middle) no two labels drawn share a pixel,
    // none covers a node, each sits on or beside its own flow, and every label left out is listed;
    // at half the size (the view zoomed to 200 %) every label finds a place.
    void flowLabelsDoNotOverlapOnTheSamplePlant_data() {
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("fewestShown");
        QTest::newRow("full size (zoom up to 100 %)") << 1.0 << 39; // 40 of 42 when written
        QTest::newRow("half size (zoom 200 %)") << 0.5 << 42;
    }

    void flowLabelsDoNotOverlapOnTheSamplePlant() {
        QFETCH(double, scale);
        QFETCH(int, fewestShown);
        const QString path = project(readAll(sampleCampaign));
        ProjectSession session;
        LiveBalance live;
        live.setSession(&session);
        QVERIFY(session.open(path));
        QVERIFY(waitUntil(
            [&] { return live.layoutCount() >= 1 && !live.layingOut() && live.state() != "none"; }));
        live.setLabelScale(scale);
        QCOMPARE(live.labelScale(), scale);
        const DiagramModel* diagram = live.diagram();
        struct Rect {
            QString id;
            double x, y, w, h;
        };
        const auto intersect = [](const Rect& a, const Rect& b) {
            return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        };
        QList<Rect> labels, nodes;
        QStringList hidden;
        int streams = 0;
        for (int row = 0; row < diagram->count(); ++row) {
            const QModelIndex i = diagram->index(row);
            const QString id = i.data(DiagramModel::ItemIdRole).toString();
            const QString type = i.data(DiagramModel::ItemTypeRole).toString();
            const Rect box{id, i.data(DiagramModel::XRole).toDouble(), i.data(DiagramModel::YRole).toDouble(),
                           i.data(DiagramModel::WidthRole).toDouble(),
                           i.data(DiagramModel::HeightRole).toDouble()};
            if (type == QLatin1String("node"))
                nodes << box;
            if (type != QLatin1String("stream"))
                continue;
            ++streams;
            const QVariantMap o = i.data(DiagramModel::OverlayRole).toMap();
            QVERIFY2(o.contains("labelShown"), qPrintable(id));
            const double w = o.value("labelWidth").toDouble(), h = o.value("labelHeight").toDouble();
            QVERIFY(w > 0 && h > 0);
            if (!o.value("labelShown").toBool()) {
                hidden << id;
                continue;
            }
            const double cx = o.value("labelX").toDouble(), cy = o.value("labelY").toDouble();
            // Next to its own flow: within one and a half times its size of the path's box.
            const double reach = 1.5 * std::max(w, h) + 8;
            QVERIFY2(cx >= box.x - reach && cx <= box.x + box.w + reach && cy >= box.y - reach &&
                         cy <= box.y + box.h + reach,
                     qPrintable(id));
            labels << Rect{id, cx - w / 2, cy - h / 2, w, h};
        }
        QVERIFY(streams >= 40);
        for (int a = 0; a < labels.size(); ++a) {
            for (int b = a + 1; b < labels.size(); ++b)
                QVERIFY2(!intersect(labels[a], labels[b]), qPrintable(labels[a].id + " / " + labels[b].id));
            for (const Rect& n : nodes)
                QVERIFY2(!intersect(labels[a], n), qPrintable(labels[a].id + " on node " + n.id));
        }
        QStringList listed = live.hiddenLabels();
        QCOMPARE(listed.size(), hidden.size());
        listed.sort();
        hidden.sort();
        QCOMPARE(listed, hidden);
        QVERIFY2(labels.size() >= fewestShown,
                 qPrintable(QStringLiteral("%1 of %2 shown").arg(labels.size()).arg(streams)));
        qInfo("sample plant, labels at %.2f: %lld of %d shown, hidden: %s", scale,
              static_cast<long long>(labels.size()), streams, qPrintable(live.hiddenLabels().join(", ")));
    }

    void quotaChosenForTheProjectIsSavedAndCompared() {
        const QString path = project(readAll(sampleCampaign));
        ProjectSession session;
        BenchmarkModel bench;
        QAbstractItemModelTester quotas(bench.quotas());
        QAbstractItemModelTester thresholds(bench.thresholds());
        QAbstractItemModelTester rules(bench.leaderRules());
        bench.setSession(&session);
        QVERIFY(session.open(path));
        QVERIFY(waitUntil([&] { return !session.analysing() && !bench.busy() && session.analysis(); }));
        // The sample plant names its industry (potash) and the illustrative potash quota row: that
        // row is compared; every quota row is there to choose from instead.
        QCOMPARE(bench.quota(), QStringLiteral("sample-potash/kcl-flotation"));
        QCOMPARE(bench.industry(), QStringLiteral("potash"));
        QCOMPARE(bench.quotas()->count(), 1);
        QCOMPARE(bench.quotas()->get(0).value("table").toString(), QStringLiteral("sample-potash"));
        const QString key = QStringLiteral("gbt-18916.2/integrated-with-coking-cold-rolling");
        bool offered = false;
        for (const QVariant& c : bench.quotaChoices())
            offered = offered || c.toMap().value("key") == key;
        QVERIFY(offered);

        const int updates = bench.updateCount();
        QVERIFY2(bench.setQuota(key), qPrintable(session.errorMessage()));
        QVERIFY(waitUntil([&] {
            return bench.updateCount() > updates && !bench.busy() && !session.analysing() &&
                   bench.quota() == key;
        }));
        QCOMPARE(bench.industry(), QStringLiteral("steel"));
        QCOMPARE(bench.quotas()->count(), 1);
        const QVariantMap row = bench.quotas()->get(0);
        const QVariantList levels = row.value("levels").toList();
        QCOMPARE(levels.size(), 2);
        QCOMPARE(levels[0].toMap().value("limit").toDouble(), 4.8);
        QCOMPARE(levels[1].toMap().value("limit").toDouble(), 3.1);
        // The positions, computed by hand from the indicator the analysis gives.
        const auto* report = session.analysis()->indicatorReport.get();
        QVERIFY(report);
        const auto* intake = report->find("quotaUnitProductIntake");
        QVERIFY(intake && intake->value);
        QVERIFY(std::abs(row.value("value").toDouble() - *intake->value) < 1e-12);
        const double end = 1.25 * std::max(4.8, *intake->value + 2 * intake->sigma.value_or(0));
        QVERIFY(std::abs(row.value("scaleEnd").toDouble() - end) < 1e-12);
        QVERIFY(std::abs(levels[0].toMap().value("position").toDouble() - 4.8 / end) < 1e-12);
        QVERIFY(std::abs(row.value("position").toDouble() - *intake->value / end) < 1e-12);
        // Steel has water-saving-enterprise thresholds; the leader checklist answers every rule.
        QVERIFY(bench.thresholds()->count() > 0);
        QVERIFY(bench.leaderRules()->count() > 0);
        bool unknownSaysWhatIsMissing = false;
        for (int i = 0; i < bench.leaderRules()->count(); ++i) {
            const QVariantMap r = bench.leaderRules()->get(i);
            if (r.value("verdict") == QLatin1String("unknown"))
                unknownSaysWhatIsMissing = !r.value("missing").toString().isEmpty();
        }
        QVERIFY(unknownSaysWhatIsMissing);

        // Saved in the project file: another session sees it.
        ProjectSession again;
        BenchmarkModel other;
        other.setSession(&again);
        QVERIFY(again.open(path));
        QVERIFY(waitUntil([&] { return !again.analysing() && !other.busy() && other.quota() == key; }));
        // And it can be cleared.
        QVERIFY(other.setQuota(QString()));
        QVERIFY(waitUntil([&] { return !again.analysing() && !other.busy() && other.quota().isEmpty(); }));
    }

    // --- Core's sentences in the UI's language (docs/messages.md) ------------------------------------

    // In Chinese, no English sentence is left in the reasons, notes and missing inputs of the
    // benchmark and the indicators of the sample plant (ids such as M18, GB/T 18916 and units such
    // as m3/t may stay); in English they are core's own words.
    void coreSentencesInTheUiLanguage() {
        const QString path = project(readAll(sampleCampaign));
        static const QRegularExpression sentence(QStringLiteral("[A-Za-z]{2,}[ ,']+[a-z]{2,}"));
        static const QRegularExpression chinese(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        const QLocale before;
        for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QLocale::setDefault(QLocale(language));
            ProjectSession session;
            BenchmarkModel bench;
            bench.setSession(&session);
            QVERIFY(session.open(path));
            QVERIFY(waitUntil([&] { return !session.analysing() && !bench.busy() && session.analysis(); }));
            const int updates = bench.updateCount();
            QVERIFY(bench.setQuota(QStringLiteral("gbt-18916.2/integrated-with-coking-cold-rolling")));
            QVERIFY(waitUntil(
                [&] { return bench.updateCount() > updates && !bench.busy() && !session.analysing(); }));

            QStringList texts;
            for (RecordListModel* gauges : {bench.quotas(), bench.thresholds()})
                for (int i = 0; i < gauges->count(); ++i) {
                    const QVariantMap g = gauges->get(i);
                    texts << g.value("reason").toString() << g.value("notes").toStringList()
                          << g.value("verification").toString();
                }
            for (int i = 0; i < bench.leaderRules()->count(); ++i)
                texts << bench.leaderRules()->get(i).value("reason").toString()
                      << bench.leaderRules()->get(i).value("missing").toString();
            texts << bench.notes();
            for (int i = 0; i < session.indicators()->count(); ++i)
                texts << session.indicators()->get(i).value("reason").toString();
            texts.removeAll(QString());
            QVERIFY(texts.size() > 10);
            const QString all = texts.join(QLatin1Char('\n'));
            if (language == QLatin1String("zh_CN")) {
                for (const QString& text : std::as_const(texts)) {
                    const auto m = sentence.match(text);
                    QVERIFY2(!m.hasMatch(), qPrintable(text + " — " + m.captured(0)));
                    QVERIFY2(chinese.match(text).hasMatch() || text.size() < 12, qPrintable(text));
                }
                QVERIFY(all.contains(QStringLiteral("年的取水许可")));
            } else {
                QVERIFY(all.contains(QStringLiteral("fact abstractionPermit (")));
            }
        }
        QLocale::setDefault(before);
    }

    // A plant whose σ spread makes the reconciliation refuse its numbers: the reason is core's
    // sentence in the UI's language, in the verdict, the balance step and the indicators step.
    void balanceFailureInTheUiLanguage() {
        const shuiheng::Plant plant = parsed(R"({"format": "shuiheng-plant", "version": 1, "name": "spread",
            "flowUnit": "m3/h", "nodes": [{"id": "W", "kind": "source"}, {"id": "U1", "kind": "unit"},
            {"id": "U2", "kind": "unit"}, {"id": "D", "kind": "discharge"}], "streams": [
            {"id": "S1", "from": "W", "to": "U1", "measurement": {"value": 100, "sigma": 1e-7}},
            {"id": "S2", "from": "U1", "to": "U2", "measurement": {"value": 100, "sigma": 1}},
            {"id": "S3", "from": "U2", "to": "D", "measurement": {"value": 100, "sigma": 1e-7}}]})");
        const QLocale before;
        for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QLocale::setDefault(QLocale(language));
            const ProjectAnalysis a = analyseProject(plant);
            QVERIFY(!a.balanceRan);
            const QString said = language == QLatin1String("zh_CN")
                                     ? QStringLiteral("不确定度相差的数量级过多")
                                     : QStringLiteral("differ by too many orders");
            const QString verdict =
                liveFindings(plant, plant, shuiheng::balance::balancePlant(plant)).verdict;
            for (const QString& text : {verdict, a.balanceFailure, a.indicatorFailure})
                QVERIFY2(text.contains(said) && !text.contains(language == QLatin1String("zh_CN")
                                                                   ? QStringLiteral("orders of magnitude")
                                                                   : QStringLiteral("数量级")),
                         qPrintable(language + ": " + text));
        }
        QLocale::setDefault(before);
    }
};

QTEST_MAIN(TestLiveBalance)
#include "tst_live_balance.moc"
