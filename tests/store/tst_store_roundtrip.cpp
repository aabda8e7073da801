// The project store keeps everything a plant file holds: plant file → project → plant file is
// lossless (readings, extensions and unknown fields included); readings CSV in and out; bundles.

#include "campaign/flows.h"
#include "store/ids.h"
#include "store/readings_csv.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "validation/validate_plant.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

class TestStoreRoundTrip : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    /// A new project holding `plant`.
    void storePlant(ProjectStore& project, const QString& file, const Plant& plant) {
        STORE_OK(project.create(file.toStdString(), {"", "往返测试", "示例企业", "", 0}, tester()));
        store::ImportOptions options;
        options.source = "plant.json";
        STORE_OK(project.importPlant(plant, tester(), options));
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void samplePlantRoundTrip() {
        const Plant plant = samplePlant();
        ProjectStore project;
        storePlant(project, path("sample.shuiheng"), plant);
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(describe(*exported), describe(plant));
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));
        // ... and again after closing and opening the file.
        project.close();
        STORE_OK(project.open(path("sample.shuiheng").toStdString()));
        auto again = project.exportPlant();
        STORE_OK(again);
        QCOMPARE(toPlantJson(*again), toPlantJson(plant));
        auto meta = project.meta();
        STORE_OK(meta);
        QCOMPARE(meta->name, std::string("往返测试"));
        QCOMPARE(meta->enterprise, std::string("示例企业"));
        QCOMPARE(meta->schemaVersion, store::currentSchemaVersion);
        QVERIFY(store::looksLikeId(meta->id));
    }

    void campaignPlantRoundTrip() {
        const Plant plant = campaignPlant();
        QVERIFY(!hasErrors(validatePlant(plant)));
        ProjectStore project;
        storePlant(project, path("campaign.shuiheng"), plant);
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(describe(*exported), describe(plant));
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));

        // Through the file on disk too: save, load, store, export, compare.
        const QString json = path("campaign.json");
        QVERIFY(savePlantFile(json.toStdString(), plant).empty());
        const Plant loaded = loadPlant(json);
        ProjectStore second;
        storePlant(second, path("campaign2.shuiheng"), loaded);
        auto fromFile = second.exportPlant();
        STORE_OK(fromFile);
        QCOMPARE(toPlantJson(*fromFile), toPlantJson(loaded));

        // The readings went to one new campaign spanning their times, production with them.
        auto campaigns = project.campaigns();
        STORE_OK(campaigns);
        QCOMPARE(campaigns->size(), std::size_t(1));
        QCOMPARE(campaigns->front().windowStart, std::string("2026-06-01T08:00:00+08:00"));
        QCOMPARE(campaigns->front().windowEnd, std::string("2026-06-04T07:58:30+08:00"));
        auto production = project.production(campaigns->front().id);
        STORE_OK(production);
        QVERIFY(production->has_value());
        QCOMPARE((*production)->quantity, 1200.0);
        auto ofCampaign = project.exportPlant(campaigns->front().id);
        STORE_OK(ofCampaign);
        QCOMPARE(toPlantJson(*ofCampaign), toPlantJson(plant));
    }

    void sampleCampaignFile() {
        const QString file = SHUIHENG_DATA_DIR "/plants/sample-campaign.json";
        if (!QFileInfo::exists(file))
            QSKIP("data/plants/sample-campaign.json is not there yet");
        const Plant plant = loadPlant(file);
        ProjectStore project;
        storePlant(project, path("sample-campaign.shuiheng"), plant);
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(describe(*exported), describe(plant));
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));
    }

    void importAgainChangesNothing() {
        const Plant plant = campaignPlant();
        ProjectStore project;
        storePlant(project, path("twice.shuiheng"), plant);
        auto report = project.importPlant(plant, tester());
        STORE_OK(report);
        QCOMPARE(report->entitiesChanged, 0);
        QCOMPARE(report->entitiesDeleted, 0);
        QCOMPARE(report->readingsAdded, 0);
        QCOMPARE(report->readingsSkipped, static_cast<int>(plant.readings.size()));
        auto campaigns = project.campaigns();
        STORE_OK(campaigns);
        QCOMPARE(campaigns->size(), std::size_t(1));
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));
    }

    void plantWithoutCampaignKeepsMeters() {
        Plant plant = campaignPlant();
        ProjectStore project;
        storePlant(project, path("structure.shuiheng"), plant);
        Plant structure = plant;
        structure.meters.clear();
        structure.readings.clear();
        structure.production.reset();
        structure.nodes[0].name = "新名称";
        auto report = project.importPlant(structure, tester());
        STORE_OK(report);
        QCOMPARE(report->entitiesChanged, 1);
        plant.nodes[0].name = "新名称";
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));
    }

    void flowsFromTheStoreEqualFlowsFromTheFile() {
        const Plant plant = campaignPlant();
        ProjectStore project;
        storePlant(project, path("flows.shuiheng"), plant);
        auto exported = project.exportPlant();
        STORE_OK(exported);
        const auto fromFile = campaign::deriveFlows(plant);
        const auto fromStore = campaign::deriveFlows(*exported);
        QCOMPARE(fromStore.flows.size(), fromFile.flows.size());
        QVERIFY(!fromFile.flows.empty());
        for (std::size_t i = 0; i < fromFile.flows.size(); ++i) {
            QCOMPARE(fromStore.flows[i].stream, fromFile.flows[i].stream);
            QCOMPARE(fromStore.flows[i].value, fromFile.flows[i].value);
            QCOMPARE(fromStore.flows[i].sigma, fromFile.flows[i].sigma);
        }
    }

    void csvRoundTrip() {
        const Plant plant = campaignPlant();
        const std::string csv = store::readingsToCsv(plant.readings);
        QVERIFY(csv.starts_with("meter,time,value,technician,device,note\n"));
        QVERIFY2(csv.find("M3,2026-06-01T08:00:00+08:00,10.5,\"Zhang, \"\"Jr\"\"\",,\n") != std::string::npos,
                 csv.c_str());
        const auto parsed = store::parseReadingsCsv(csv);
        QVERIFY(parsed.errors.empty());
        QCOMPARE(parsed.readings.size(), plant.readings.size());
        for (std::size_t i = 0; i < plant.readings.size(); ++i) {
            const Reading& a = plant.readings[i];
            const Reading& b = parsed.readings[i];
            QCOMPARE(b.meter, a.meter);
            QCOMPARE(b.time, a.time);
            QCOMPARE(b.value, a.value);
            QCOMPARE(b.technician, a.technician);
            QCOMPARE(b.device, a.device);
            QCOMPARE(b.note, a.note);
        }
    }

    void csvSpreadsheetQuirks() {
        // A byte-order mark, CRLF, columns in another order, a quoted note with a line break, a blank
        // line, an extra column, times completed with a default offset.
        const std::string text = "\xEF\xBB\xBFValue,Meter,Time,Note,Weather\r\n"
                                 "99873.5,M1,2026-06-01T08:00:00,\"first\r\nround\",sunny\r\n"
                                 "\r\n"
                                 "+130.2,M1,2026-06-02T08:00:00+08:00,,\r\n";
        const auto parsed = store::parseReadingsCsv(text, "+08:00");
        QVERIFY2(parsed.errors.empty(), parsed.errors.empty() ? "" : parsed.errors.front().c_str());
        QCOMPARE(parsed.readings.size(), std::size_t(2));
        QCOMPARE(parsed.readings[0].time, std::string("2026-06-01T08:00:00+08:00"));
        QCOMPARE(parsed.readings[0].note, std::string("first\r\nround"));
        QCOMPARE(parsed.readings[0].extra.at("Weather"), std::string("\"sunny\""));
        QCOMPARE(parsed.readings[1].value, 130.2);
        QCOMPARE(parsed.lines, (std::vector<std::size_t>{2, 5}));
        QCOMPARE(parsed.notes.size(), std::size_t(1));
    }

    void csvErrorsAllAtOnce() {
        const std::string text = "meter,time,value\n"
                                 "M1,2026-06-01T08:00:00+08:00,1,5\n"
                                 ",2026-06-01T08:00:00+08:00,1\n"
                                 "M1,2026/6/1 8:00,1\n"
                                 "M1,2026-06-01T08:00:00+08:00,\"1,5\"\n"
                                 "M1,2026-06-01T08:00:00+08:00,\"open\n";
        const auto parsed = store::parseReadingsCsv(text);
        QVERIFY(parsed.readings.empty());
        const std::vector<std::string> expected{
            "line 6: a quote opened here is never closed",
            "line 2: 4 fields, the header has 3",
            "line 3: no meter",
            "line 4: time '2026/6/1 8:00' is not a date and time with offset, e.g. 2026-06-01T08:00:00+08:00",
            "line 5: value '1,5' is not a number (use a point as the decimal mark)",
            "line 6: value 'open\n' is not a number",
        };
        QCOMPARE(parsed.errors, expected);
        const auto noColumns = store::parseReadingsCsv("meter,when,value\n");
        QCOMPARE(noColumns.errors.size(), std::size_t(1));
        QVERIFY(noColumns.errors[0].find("no 'time' column") != std::string::npos);
    }

    void csvImportIntoTheStore() {
        ProjectStore project;
        storePlant(project, path("csv.shuiheng"), campaignPlant());
        const auto parsed = store::parseReadingsCsv("meter,time,value,technician\n"
                                                    "M3,2026-06-05T08:00:00+08:00,11.5,李工\n"
                                                    "M3,2026-06-06T08:00:00+08:00,11.25,李工\n");
        QVERIFY(parsed.errors.empty());
        std::vector<store::NewReading> entries;
        for (const Reading& r : parsed.readings)
            entries.push_back({r, "", "", {}, ""});
        auto report = project.addReadings(entries, tester(), {"", "day5.csv", "", false});
        STORE_OK(report);
        QCOMPARE(report->readingsAdded, 2);
        auto again = project.addReadings(entries, tester(), {"", "day5.csv", "", false});
        STORE_OK(again);
        QCOMPARE(again->readingsAdded, 0);
        QCOMPARE(again->readingsSkipped, 2);
        store::ReadingFilter filter;
        filter.meter = "M3";
        auto m3 = project.readings(filter);
        STORE_OK(m3);
        QCOMPARE(m3->size(), std::size_t(6));
        QCOMPARE(m3->back().reading.technician, std::string("李工"));
        QCOMPARE(m3->back().timeUtc, std::string("2026-06-06T00:00:00.000Z"));

        // A file with an unknown meter changes nothing at all.
        entries.push_back(
            {Reading{"M9", "2026-06-07T08:00:00+08:00", 1, {}, {}, {}, {}, {}}, "", "", {}, ""});
        auto refused = project.addReadings(entries, tester());
        QCOMPARE(refused.status().kind(), store::ErrorKind::InvalidInput);
        QVERIFY2(refused.status().message().find("reading 3: unknown meter 'M9'") != std::string::npos,
                 refused.status().message().c_str());
        auto after = project.readings(filter);
        STORE_OK(after);
        QCOMPARE(after->size(), std::size_t(6));
    }

    void attachmentsAndPhotos() {
        ProjectStore project;
        storePlant(project, path("photo.shuiheng"), campaignPlant());
        QByteArray photo(50000, '\0');
        for (int i = 0; i < photo.size(); ++i)
            photo[i] = static_cast<char>(i * 7);
        store::NewReading entry;
        entry.reading = Reading{"M3", "2026-06-05T08:00:00+08:00", 11, "王工", "tablet-3", "", "", {}};
        entry.photo = photo;
        entry.photoType = "image/jpeg";
        auto added = project.addReading(entry, tester());
        STORE_OK(added);
        auto stored = project.reading(added->id);
        STORE_OK(stored);
        const std::string hash =
            QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex().toStdString();
        QCOMPARE(stored->reading.photo, hash);
        auto bytes = project.attachment(hash);
        STORE_OK(bytes);
        QCOMPARE(*bytes, photo);
        // The same photo again is stored once.
        auto again = project.addAttachment(photo, "image/jpeg", tester());
        STORE_OK(again);
        QCOMPARE(*again, hash);
    }

    void bundleIsACompleteCopy() {
        ProjectStore project;
        storePlant(project, path("bundle-source.shuiheng"), campaignPlant());
        auto added = project.addAttachment("photo bytes", "image/jpeg", tester());
        STORE_OK(added);
        const QString bundle = path("handover.shuiheng");
        STORE_OK(project.exportBundle(bundle.toStdString()));
        QVERIFY(QFileInfo::exists(bundle));
        const auto refused = project.exportBundle(bundle.toStdString());
        QCOMPARE(refused.kind(), store::ErrorKind::InvalidInput);
        ProjectStore copy;
        STORE_OK(copy.open(bundle.toStdString(), {true, 1000, true}));
        STORE_OK(copy.checkIntegrity());
        auto a = project.exportPlant();
        auto b = copy.exportPlant();
        STORE_OK(a);
        STORE_OK(b);
        QCOMPARE(toPlantJson(*b), toPlantJson(*a));
        auto bytes = copy.attachment(*added);
        STORE_OK(bytes);
        QCOMPARE(*bytes, QByteArray("photo bytes"));
        auto history = copy.changes();
        STORE_OK(history);
        QCOMPARE(history->size(), std::size_t(3));
        QDir folder(dir_.path());
        QCOMPARE(folder.entryList({"*.tmp-*"}, QDir::Files).size(), 0);
    }

    void plannedRounds() {
        store::Campaign c;
        c.windowStart = "2026-06-01T08:00:00+08:00";
        c.windowEnd = "2026-06-04T08:00:00+08:00";
        c.roundTimes = {"08:00", "20:00"};
        const std::vector<std::string> expected{"2026-06-01T08:00:00+08:00", "2026-06-01T20:00:00+08:00",
                                                "2026-06-02T08:00:00+08:00", "2026-06-02T20:00:00+08:00",
                                                "2026-06-03T08:00:00+08:00", "2026-06-03T20:00:00+08:00",
                                                "2026-06-04T08:00:00+08:00"};
        QCOMPARE(store::plannedRounds(c), expected);

        ProjectStore project;
        storePlant(project, path("rounds.shuiheng"), campaignPlant());
        auto id = project.addCampaign(c, tester());
        STORE_OK(id);
        c.roundTimes = {"8 o'clock"};
        QCOMPARE(project.addCampaign(c, tester()).status().kind(), store::ErrorKind::InvalidInput);
        // A reading inside the window goes to the campaign by itself.
        store::NewReading entry;
        entry.reading = Reading{"M3", "2026-06-02T08:01:00+08:00", 10.9, {}, {}, {}, {}, {}};
        auto added = project.addReading(entry, tester());
        STORE_OK(added);
        auto stored = project.reading(added->id);
        STORE_OK(stored);
        QCOMPARE(stored->campaign, *id);
    }
};

QTEST_GUILESS_MAIN(TestStoreRoundTrip)
#include "tst_store_roundtrip.moc"
