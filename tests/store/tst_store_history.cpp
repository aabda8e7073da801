// Nothing is silently overwritten or deleted: every edit is a new version with an audit record
// (when, who, device, field, old and new value, reason); deletions are marks; history is listed.

#include "store/ids.h"
#include "store_test_support.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <set>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

namespace {

const store::HistoryEntry* findEntry(const std::vector<store::HistoryEntry>& entries, const std::string& what,
                                     const std::string& field = {}) {
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const store::HistoryEntry& e) {
        return e.what == what && (field.empty() || e.field == field);
    });
    return it == entries.end() ? nullptr : &*it;
}

std::string listing(const std::vector<store::HistoryEntry>& entries) {
    std::string text;
    for (const auto& e : entries)
        text += e.entityType + " " + e.entityId + " v" + std::to_string(e.version) + " " + e.what + " " +
                e.field + " [" + e.oldValue.value_or("∅") + " → " + e.newValue.value_or("∅") + "] by " +
                e.who + " on " + e.device + ": " + e.reason + "\n";
    return text;
}

} // namespace

class TestStoreHistory : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    /// A new project with the campaign plant in it.
    void makeProject(ProjectStore& project) {
        const QString file = dir_.filePath(QString("history-%1.shuiheng").arg(++files_));
        STORE_OK(project.create(file.toStdString(), {"", "历史", "", "", 0}, tester()));
        STORE_OK(project.importPlant(campaignPlant(), tester()));
    }

    std::string addM3(ProjectStore& project, double value, const char* time = "2026-06-05T08:00:00+08:00") {
        store::NewReading entry;
        entry.reading = Reading{"M3", time, value, "王工", "tablet-3", "", "", {}};
        auto added = project.addReading(entry, {"王工", "tablet-3"});
        if (!added.ok())
            qFatal("%s", added.status().message().c_str());
        return added->id;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void editKeepsTheOriginal() {
        ProjectStore project;
        makeProject(project);
        const std::string id = addM3(project, 11.5);
        QVERIFY(store::looksLikeId(id));
        auto edited = project.editReading(id, 1.15, "decimal point misplaced", {"李工", "desktop-1"});
        STORE_OK(edited);
        auto now = project.reading(id);
        STORE_OK(now);
        QCOMPARE(now->reading.value, 1.15);
        QCOMPARE(now->version, 2);
        QCOMPARE(now->reading.technician, std::string("王工"));

        // 1.15 is far below what M3 read so far: the edit is kept, with a warning.
        QCOMPARE(edited->size(), std::size_t(1));
        QCOMPARE(edited->front().warning, campaign::ReadingWarning::OutsideExpected);
        auto history = project.history("reading", id);
        STORE_OK(history);
        QCOMPARE(history->size(), std::size_t(3));
        QCOMPARE(history->at(2).what, std::string("warning"));
        QCOMPARE(history->at(2).reason, std::string("decimal point misplaced"));
        const auto& created = (*history)[0];
        QCOMPARE(created.what, std::string("created"));
        QCOMPARE(created.who, std::string("王工"));
        QCOMPARE(created.device, std::string("tablet-3"));
        QCOMPARE(created.action, std::string("add reading"));
        QVERIFY(created.newValue->find("value=11.5") != std::string::npos);
        const auto& changed = (*history)[1];
        QCOMPARE(changed.what, std::string("changed"));
        QCOMPARE(changed.field, std::string("value"));
        QCOMPARE(changed.oldValue, std::optional<std::string>("11.5"));
        QCOMPARE(changed.newValue, std::optional<std::string>("1.15"));
        QCOMPARE(changed.who, std::string("李工"));
        QCOMPARE(changed.device, std::string("desktop-1"));
        QCOMPARE(changed.reason, std::string("decimal point misplaced"));
        QCOMPARE(changed.version, 2);
        QVERIFY(changed.at.size() == 24 && changed.at.back() == 'Z');

        // An empty type finds the id wherever it is.
        auto anywhere = project.history("", id);
        STORE_OK(anywhere);
        QCOMPARE(anywhere->size(), std::size_t(3));
    }

    void editCarriesANewPhoto() {
        ProjectStore project;
        makeProject(project);
        const std::string id = addM3(project, 11.5);
        const QByteArray first("\xff\xd8 first photo of the register", 30);
        const QByteArray second("\xff\xd8 the register read again", 27);
        const auto sha = [](const QByteArray& b) {
            return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex().toStdString();
        };

        // The value corrected with a photo: both in the new version, the photo by its SHA-256.
        store::ReadingEdit edit{11.7, "read again, photo of the register", first, "image/jpeg"};
        STORE_OK(project.editReading(id, edit, tester()));
        auto now = project.reading(id);
        STORE_OK(now);
        QCOMPARE(now->version, 2);
        QCOMPARE(now->reading.value, 11.7);
        QCOMPARE(now->reading.photo, sha(first));
        auto bytes = project.attachment(now->reading.photo);
        STORE_OK(bytes);
        QCOMPARE(*bytes, first);

        // The same value and the same photo again: nothing to record.
        STORE_OK(project.editReading(id, edit, tester()));
        QCOMPARE(project.reading(id)->version, 2);

        // The same value with another photo: a new version holding it; the first photo stays stored.
        edit.photo = second;
        edit.reason = "the first photo was blurred";
        STORE_OK(project.editReading(id, edit, tester()));
        now = project.reading(id);
        STORE_OK(now);
        QCOMPARE(now->version, 3);
        QCOMPARE(now->reading.value, 11.7);
        QCOMPARE(now->reading.photo, sha(second));
        QCOMPARE(*project.attachment(sha(first)), first);
        auto history = project.history("reading", id);
        STORE_OK(history);
        const auto photoChange =
            std::find_if(history->begin(), history->end(),
                         [](const store::HistoryEntry& e) { return e.field == "photo" && e.version == 3; });
        QVERIFY(photoChange != history->end());
        QCOMPARE(photoChange->reason, std::string("the first photo was blurred"));

        // An edit without a photo keeps the one it has.
        STORE_OK(project.editReading(id, 11.8, "typo", tester()));
        QCOMPARE(project.reading(id)->reading.photo, sha(second));
    }

    void editNeedsAReasonAndAReading() {
        ProjectStore project;
        makeProject(project);
        const std::string id = addM3(project, 11.5);
        QCOMPARE(project.editReading(id, 2, "", tester()).status().kind(), store::ErrorKind::InvalidInput);
        QCOMPARE(project.editReading(store::newId(), 2, "why", tester()).status().kind(),
                 store::ErrorKind::NotFound);
        QCOMPARE(project.editReading(id, std::nan(""), "why", tester()).status().kind(),
                 store::ErrorKind::InvalidInput);
        auto unchanged = project.reading(id);
        STORE_OK(unchanged);
        QCOMPARE(unchanged->version, 1);
    }

    void deletionIsAMark() {
        ProjectStore project;
        makeProject(project);
        const std::string id = addM3(project, 99);
        QCOMPARE(project.deleteReading(id, "", tester()).kind(), store::ErrorKind::InvalidInput);
        STORE_OK(project.deleteReading(id, "wrong meter", tester()));
        QCOMPARE(project.deleteReading(id, "again", tester()).kind(), store::ErrorKind::NotFound);
        store::ReadingFilter filter;
        filter.meter = "M3";
        auto live = project.readings(filter);
        STORE_OK(live);
        QCOMPARE(live->size(), std::size_t(4));
        filter.includeDeleted = true;
        auto all = project.readings(filter);
        STORE_OK(all);
        QCOMPARE(all->size(), std::size_t(5));
        QCOMPARE(all->back().reading.value, 99.0);
        auto history = project.history("reading", id);
        STORE_OK(history);
        const auto* deleted = findEntry(*history, "deleted");
        QVERIFY2(deleted, listing(*history).c_str());
        QCOMPARE(deleted->reason, std::string("wrong meter"));
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(exported->readings.size(), campaignPlant().readings.size());
    }

    void warningsAreRecordedWithTheReason() {
        ProjectStore project;
        makeProject(project);
        // M1 is a totalizer: a value below the previous reading is suspicious but not refused.
        store::NewReading entry;
        entry.reading = Reading{"M1", "2026-06-05T08:00:00+08:00", 100, "王工", "tablet-3", "", "", {}};
        entry.reason = "register replaced by the plant";
        auto added = project.addReading(entry, tester());
        STORE_OK(added);
        QVERIFY(!added->warnings.empty());
        QCOMPARE(added->warnings.front().warning, campaign::ReadingWarning::BelowPrevious);
        auto recorded = project.warnings(added->id);
        STORE_OK(recorded);
        QCOMPARE(recorded->size(), added->warnings.size());
        QCOMPARE(recorded->front().kind, std::string("below-previous"));
        QCOMPARE(recorded->front().reason, std::string("register replaced by the plant"));
        QCOMPARE(recorded->front().message, added->warnings.front().message);
        auto history = project.history("reading", added->id);
        STORE_OK(history);
        const auto* warning = findEntry(*history, "warning", "below-previous");
        QVERIFY2(warning, listing(*history).c_str());
        QCOMPARE(warning->reason, std::string("register replaced by the plant"));
        // ... and the reading is there.
        auto stored = project.reading(added->id);
        STORE_OK(stored);
        QCOMPARE(stored->reading.value, 100.0);

        // The same meter and time again: a duplicate warning, still stored.
        auto twice = project.addReading(entry, tester());
        STORE_OK(twice);
        QVERIFY(
            std::any_of(twice->warnings.begin(), twice->warnings.end(), [](const campaign::ReadingCheck& c) {
                return c.warning == campaign::ReadingWarning::Duplicate;
            }));
    }

    /// Readings are written 50 to an INSERT statement and the rest one by one: every reading and every
    /// warning lands with its own reading, in a full statement and in the rest alike.
    void manyReadingsKeepTheirWarnings() {
        ProjectStore project;
        makeProject(project);
        std::vector<store::NewReading> entries;
        const std::set<int> dips = {30, 103}; // below the previous value: in a full statement, in the rest
        for (int i = 0; i < 107; ++i) {
            const QString time = QString("2026-06-%1T%2:00:00+08:00")
                                     .arg(10 + i / 24, 2, 10, QChar('0'))
                                     .arg(i % 24, 2, 10, QChar('0'));
            store::NewReading e;
            e.reading = Reading{"M2",
                                time.toStdString(),
                                2000.0 + 10 * i - (dips.count(i) ? 15 : 0),
                                "王工",
                                "",
                                QString("n%1").arg(i).toStdString(),
                                "",
                                {}};
            e.reason = "dip " + std::to_string(i);
            entries.push_back(e);
        }
        store::ImportOptions options;
        options.returnIds = true;
        auto report = project.addReadings(entries, tester(), options);
        STORE_OK(report);
        QCOMPARE(report->readingsAdded, 107);
        QCOMPARE(report->ids.size(), std::size_t(107));
        for (int i = 0; i < 107; ++i) {
            auto recorded = project.warnings(report->ids[static_cast<std::size_t>(i)]);
            STORE_OK(recorded);
            const bool below = std::any_of(recorded->begin(), recorded->end(),
                                           [](const auto& w) { return w.kind == "below-previous"; });
            QVERIFY2(below == (dips.count(i) > 0), std::to_string(i).c_str());
            for (const auto& w : *recorded)
                if (w.kind == "below-previous")
                    QCOMPARE(w.reason, "dip " + std::to_string(i));
        }
        // Each row holds its own values, in the order given.
        auto exported = project.exportPlant();
        STORE_OK(exported);
        std::vector<Reading> mine;
        for (const Reading& r : exported->readings)
            if (r.time >= "2026-06-10")
                mine.push_back(r);
        QCOMPARE(mine.size(), entries.size());
        for (std::size_t i = 0; i < mine.size(); ++i) {
            QCOMPARE(mine[i].time, entries[i].reading.time);
            QCOMPARE(mine[i].value, entries[i].reading.value);
            QCOMPARE(mine[i].note, entries[i].reading.note);
        }
    }

    /// A large import (checked on a second thread, written meter by meter) finds the same repeats and
    /// warnings, and keeps the same order, as the same readings added in small batches.
    void bulkChecksEqualSmallBatches() {
        std::vector<store::NewReading> entries;
        QRandomGenerator random(42);
        double m1 = 90000, m2 = 100;
        for (int i = 0; i < 1400; ++i) {
            const int day = i / 48, half = i % 48;
            const QString time = QString("2026-07-%1T%2:%3:00+08:00")
                                     .arg(1 + day, 2, 10, QChar('0'))
                                     .arg(half / 2, 2, 10, QChar('0'))
                                     .arg(half % 2 * 30, 2, 10, QChar('0'));
            m1 += random.bounded(50.0);
            if (m1 > 100000)
                m1 -= 100000;                              // rolls over
            m2 += i % 97 == 0 ? -5 : random.bounded(10.0); // now and then below the previous one
            for (const auto& [meter, value] :
                 {std::pair{"M1", m1}, std::pair{"M2", m2}, std::pair{"M3", 10 + random.bounded(1.0)}}) {
                store::NewReading e;
                e.reading = Reading{meter, time.toStdString(), value, "王工", "", "", "", {}};
                entries.push_back(e);
                if (i % 113 == 0)
                    entries.push_back(e); // the same reading twice: skipped
            }
            if (i % 211 == 0) { // late entry of an earlier time
                store::NewReading e;
                e.reading = Reading{"M3", "2026-07-01T00:00:00+08:00", 10.5, "", "", "", "", {}};
                entries.push_back(e);
            }
        }
        QVERIFY(entries.size() > 4200);
        ProjectStore bulk, batches;
        makeProject(bulk);
        makeProject(batches);
        auto one = bulk.addReadings(entries, tester());
        STORE_OK(one);
        int added = 0, skipped = 0;
        for (std::size_t from = 0; from < entries.size(); from += 700) {
            const std::vector<store::NewReading> part(
                entries.begin() + static_cast<std::ptrdiff_t>(from),
                entries.begin() + static_cast<std::ptrdiff_t>(std::min(from + 700, entries.size())));
            auto r = batches.addReadings(part, tester());
            STORE_OK(r);
            added += r->readingsAdded;
            skipped += r->readingsSkipped;
        }
        QCOMPARE(one->readingsAdded, added);
        QCOMPARE(one->readingsSkipped, skipped);
        QVERIFY(skipped > 30);
        auto a = bulk.exportPlant();
        auto b = batches.exportPlant();
        STORE_OK(a);
        STORE_OK(b);
        QCOMPARE(toPlantJson(*a), toPlantJson(*b));
        // The same warnings, apart from the expected range (it comes from the history before each import).
        auto kinds = [](ProjectStore& project) {
            std::multiset<std::string> out;
            auto w = project.warnings();
            if (!w.ok())
                qFatal("%s", w.status().message().c_str());
            for (const auto& x : *w)
                if (x.kind != "outside-expected")
                    out.insert(x.kind + ": " + x.message);
            return out;
        };
        const auto wa = kinds(bulk), wb = kinds(batches);
        QVERIFY2(wa.size() > 10, std::to_string(wa.size()).c_str());
        QVERIFY(wa == wb);
    }

    void plantChangesAreVersions() {
        ProjectStore project;
        makeProject(project);
        Plant plant = campaignPlant();
        plant.nodes[2].name = "循环冷却（改）";
        plant.streams.erase(plant.streams.begin() + 3); // S4
        plant.meters[0].calibrationDue = "2028-01-10";
        store::ImportOptions options;
        options.reason = "survey corrected";
        options.source = "plant-v2.json";
        auto report = project.importPlant(plant, {"审核员", "desktop-2"}, options);
        STORE_OK(report);
        QCOMPARE(report->entitiesChanged, 3); // U1, M1, and S5 (one place up now that S4 is gone)
        QCOMPARE(report->entitiesDeleted, 1);

        auto node = project.history("node", "U1");
        STORE_OK(node);
        const auto* renamed = findEntry(*node, "changed", "name");
        QVERIFY2(renamed, listing(*node).c_str());
        QCOMPARE(renamed->oldValue, std::optional<std::string>("节点 U1"));
        QCOMPARE(renamed->newValue, std::optional<std::string>("循环冷却（改）"));
        QCOMPARE(renamed->who, std::string("审核员"));
        QCOMPARE(renamed->reason, std::string("survey corrected"));
        QCOMPARE(renamed->action, std::string("import plant"));

        auto meter = project.history("meter", "M1");
        STORE_OK(meter);
        QVERIFY2(findEntry(*meter, "changed", "calibration_due"), listing(*meter).c_str());

        auto stream = project.history("stream", "S4");
        STORE_OK(stream);
        QVERIFY2(findEntry(*stream, "deleted"), listing(*stream).c_str());
        auto exported = project.exportPlant();
        STORE_OK(exported);
        QCOMPARE(toPlantJson(*exported), toPlantJson(plant));

        // The stream comes back: restored, with its history whole.
        STORE_OK(project.importPlant(campaignPlant(), tester()));
        auto back = project.history("stream", "S4");
        STORE_OK(back);
        QVERIFY2(findEntry(*back, "restored"), listing(*back).c_str());
        QCOMPARE(back->front().what, std::string("created"));
    }

    void projectLog() {
        ProjectStore project;
        makeProject(project);
        addM3(project, 12);
        STORE_OK(project.setMeta("新项目名", "某企业", tester(), "typo"));
        auto changes = project.changes();
        STORE_OK(changes);
        std::vector<std::string> actions;
        for (const auto& c : *changes)
            actions.push_back(c.action);
        QCOMPARE(actions,
                 (std::vector<std::string>{"create project", "import plant", "add reading", "edit project"}));
        QCOMPARE(changes->at(2).who, std::string("王工"));
        QCOMPARE(changes->at(2).device, std::string("tablet-3"));
        QCOMPARE(changes->at(3).reason, std::string("typo"));
        auto meta = project.meta();
        STORE_OK(meta);
        QCOMPARE(meta->name, std::string("新项目名"));
        auto history = project.history("project", "");
        STORE_OK(history);
        QVERIFY2(findEntry(*history, "changed", "name"), listing(*history).c_str());
        QVERIFY2(findEntry(*history, "changed", "plant_name"), listing(*history).c_str());
    }

    void unknownEntities() {
        ProjectStore project;
        makeProject(project);
        QCOMPARE(project.history("meter", "M99").status().kind(), store::ErrorKind::NotFound);
        QCOMPARE(project.history("", "nothing").status().kind(), store::ErrorKind::NotFound);
        QCOMPARE(project.history("pump", "P1").status().kind(), store::ErrorKind::InvalidInput);
    }

    void resultsAndProduction() {
        ProjectStore project;
        makeProject(project);
        auto campaigns = project.campaigns();
        STORE_OK(campaigns);
        const std::string campaign = campaigns->front().id;
        auto before = project.production(campaign);
        STORE_OK(before);
        QVERIFY(before->has_value());
        store::ProductionData data = **before;
        data.quantity = 1300;
        data.valueAdded = 52.5;
        data.valueAddedUnit = "万元";
        data.workingDays = 30;
        data.staff = 120;
        STORE_OK(project.setProduction(campaign, data, tester(), "monthly report"));
        auto history = project.history("production", campaign);
        STORE_OK(history);
        QVERIFY2(findEntry(*history, "changed", "quantity"), listing(*history).c_str());
        auto exported = project.exportPlant(campaign);
        STORE_OK(exported);
        QVERIFY(exported->production.has_value());
        QCOMPARE(exported->production->quantity, 1300.0);
        QCOMPARE(exported->production->extra.at("valueAdded"), std::string("52.5"));
        QCOMPARE(exported->production->extra.at("staff"), std::string("120"));
        QCOMPARE(exported->production->extra.at("product"), std::string("\"KCl\""));

        auto first = project.saveResult(campaign, "balance", "{\"globalTest\":{\"passed\":true}}", tester());
        STORE_OK(first);
        auto second =
            project.saveResult(campaign, "balance", "{\"globalTest\":{\"passed\":false}}", tester());
        STORE_OK(second);
        auto results = project.results(campaign);
        STORE_OK(results);
        QCOMPARE(results->size(), std::size_t(2));
        QCOMPARE(results->front().content, std::string("{\"globalTest\":{\"passed\":true}}"));
    }
};

QTEST_GUILESS_MAIN(TestStoreHistory)
#include "tst_store_history.moc"
