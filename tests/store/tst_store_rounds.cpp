// The reading rounds in the project store: a campaign's route (saved, checked, in the history), the
// plausibility check without writing (the same findings as adding the reading), and readings skipped
// with a reason.

#include "store_test_support.h"

#include <QTemporaryDir>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

class TestStoreRounds : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    void makeProject(ProjectStore& project) {
        const QString file = dir_.filePath(QString("rounds-%1.shuiheng").arg(++files_));
        STORE_OK(project.create(file.toStdString(), {"", "轮次", "", "", 0}, tester()));
        STORE_OK(project.importPlant(campaignPlant(), tester()));
    }

    static int changeCount(ProjectStore& project) {
        auto changes = project.changes();
        return changes.ok() ? int(changes->size()) : -1;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void routeIsSavedAndVersioned() {
        ProjectStore project;
        makeProject(project);
        store::Campaign c;
        c.name = "夏季测试";
        c.windowStart = "2026-06-05T00:00:00+08:00";
        c.windowEnd = "2026-06-07T23:59:59+08:00";
        c.roundTimes = {"08:00", "20:00"};
        c.route = {"M3", "M1", "M2"};
        auto id = project.addCampaign(c, tester());
        STORE_OK(id);
        auto campaigns = project.campaigns();
        STORE_OK(campaigns);
        QCOMPARE(campaigns->back().route, (std::vector<std::string>{"M3", "M1", "M2"}));
        QCOMPARE(store::plannedRounds(campaigns->back()).size(), std::size_t(6));

        c.id = *id;
        c.route = {"M1", "M3", "M2"};
        STORE_OK(project.updateCampaign(c, tester(), "walk past M1 first"));
        auto history = project.history("campaign", *id);
        STORE_OK(history);
        const auto change = std::find_if(history->begin(), history->end(),
                                         [](const store::HistoryEntry& e) { return e.field == "route"; });
        QVERIFY(change != history->end());
        QCOMPARE(change->oldValue.value_or(""), std::string(R"(["M3","M1","M2"])"));
        QCOMPARE(change->newValue.value_or(""), std::string(R"(["M1","M3","M2"])"));
        QCOMPARE(change->reason, std::string("walk past M1 first"));

        c.route = {"M1", "M1"};
        const store::Status twice = project.updateCampaign(c, tester(), "typo");
        QCOMPARE(twice.kind(), store::ErrorKind::InvalidInput);
        QVERIFY2(twice.message().find("M1 twice") != std::string::npos, twice.message().c_str());
    }

    /// checkReading finds what addReading then records, and writes nothing.
    void checkFindsWhatAddRecords() {
        ProjectStore project;
        makeProject(project);
        const int before = changeCount(project);
        // M1's register read 150.25 on 2026-06-04: a lower value is below the previous one.
        Reading lower{"M1", "2026-06-05T08:00:00+08:00", 120, "", "", "", "", {}};
        auto checked = project.checkReading(lower);
        STORE_OK(checked);
        QCOMPARE(changeCount(project), before);
        QVERIFY(!checked->empty());
        QCOMPARE(checked->front().warning, campaign::ReadingWarning::BelowPrevious);

        store::NewReading entry;
        entry.reading = lower;
        entry.reason = "register replaced";
        auto added = project.addReading(entry, tester());
        STORE_OK(added);
        QCOMPARE(added->warnings.size(), checked->size());
        for (std::size_t i = 0; i < checked->size(); ++i) {
            QCOMPARE(added->warnings[i].warning, (*checked)[i].warning);
            QCOMPARE(added->warnings[i].message, (*checked)[i].message);
        }
        // The same value again at the same time: a duplicate; checked as an edit of itself: none.
        auto again = project.checkReading(lower);
        STORE_OK(again);
        QVERIFY(std::any_of(again->begin(), again->end(), [](const campaign::ReadingCheck& c) {
            return c.warning == campaign::ReadingWarning::Duplicate;
        }));
        auto asEdit = project.checkReading(lower, added->id);
        STORE_OK(asEdit);
        QVERIFY(std::none_of(asEdit->begin(), asEdit->end(), [](const campaign::ReadingCheck& c) {
            return c.warning == campaign::ReadingWarning::Duplicate;
        }));

        Reading unknown{"M99", "2026-06-05T08:00:00+08:00", 1, "", "", "", "", {}};
        QCOMPARE(project.checkReading(unknown).status().kind(), store::ErrorKind::NotFound);
        Reading badTime{"M1", "yesterday", 1, "", "", "", "", {}};
        QCOMPARE(project.checkReading(badTime).status().kind(), store::ErrorKind::InvalidInput);
    }

    void skipsKeepTheirReason() {
        ProjectStore project;
        makeProject(project);
        auto campaigns = project.campaigns();
        STORE_OK(campaigns);
        store::SkippedReading skip;
        skip.meter = "M2";
        skip.round = "2026-06-02T08:00:00+08:00";
        skip.campaign = campaigns->back().id;
        const int before = changeCount(project);
        QCOMPARE(project.skipReading(skip, tester()).status().kind(),
                 store::ErrorKind::InvalidInput); // no reason
        skip.reason = "pit flooded";
        skip.meter = "M99";
        QCOMPARE(project.skipReading(skip, tester()).status().kind(), store::ErrorKind::NotFound);
        skip.meter = "M2";
        skip.round = "08:00";
        QCOMPARE(project.skipReading(skip, tester()).status().kind(), store::ErrorKind::InvalidInput);
        QCOMPARE(changeCount(project), before); // nothing written by the refusals
        skip.round = "2026-06-02T08:00:00+08:00";
        auto id = project.skipReading(skip, tester());
        STORE_OK(id);
        auto skips = project.skippedReadings(skip.campaign);
        STORE_OK(skips);
        QCOMPARE(skips->size(), std::size_t(1));
        QCOMPARE(skips->front().id, *id);
        QCOMPARE(skips->front().meter, std::string("M2"));
        QCOMPARE(skips->front().reason, std::string("pit flooded"));
        QCOMPARE(skips->front().roundUtc, std::string("2026-06-02T00:00:00.000Z"));
        QCOMPARE(skips->front().who, std::string("tester"));
        auto changes = project.changes();
        STORE_OK(changes);
        QCOMPARE(changes->back().action, std::string("skip reading"));
        QCOMPARE(changes->back().reason, std::string("pit flooded"));
        auto none = project.skippedReadings("no-such-campaign");
        STORE_OK(none);
        QVERIFY(none->empty());
    }
};

QTEST_GUILESS_MAIN(TestStoreRounds)
#include "tst_store_rounds.moc"
