// bench_reading_entry: entering a reading, tap to saved, on a 300-stream project (the generated plant
// of bench_app), medians of several entries. "Saved" is ReadingEntryController::save returning: the
// value checked by the store's plausibility checks, committed (on the disk), the project read again
// (rounds, steps) and the cards rebuilt — what the technician sees before the next card. The balance
// that follows runs on a worker thread and is waited for between entries, not timed.
//   tap to saved   target ≤ 50 ms
// Usage: bench_reading_entry [--runs N] [--streams N]

#include "bench_support.h"
#include "generated_campaign_plant.h"
#include "project_session.h"
#include "reading_entry_controller.h"
#include "store/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace shuiheng;
using bench::median;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const bench::Options options = bench::options(app.arguments(), {21, 300});
    const int runs = options.runs;
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("bench.shuiheng"));
    const Plant plant = generatedCampaignPlant(options.streams);
    {
        if (const std::string problem = bench::createProject(project.toStdString(), plant);
            !problem.empty()) {
            std::fprintf(stderr, "bench_reading_entry: %s\n", problem.c_str());
            return 1;
        }
        store::ProjectStore store;
        if (!store.open(project.toStdString()).ok())
            return 1;
        // The test window over the readings: 08:00 and 20:00 from 2026-06-01 to 06-04.
        auto campaigns = store.campaigns();
        if (!campaigns || campaigns->empty())
            return 1;
        store::Campaign plan = campaigns->back();
        plan.windowStart = "2026-06-01T00:00:00+08:00";
        plan.windowEnd = "2026-06-04T23:59:59+08:00";
        plan.roundTimes = {"08:00", "20:00"};
        if (!store.updateCampaign(plan, {}, "benchmark window").ok())
            return 1;
        std::printf("project: %zu nodes, %zu streams, %zu meters, %zu readings\n", plant.nodes.size(),
                    plant.streams.size(), plant.meters.size(), plant.readings.size());
    }

    ProjectSession session;
    if (!session.open(project)) {
        std::fprintf(stderr, "bench_reading_entry: %s\n", qPrintable(session.errorMessage()));
        return 1;
    }
    if (!QTest::qWaitFor([&] { return !session.analysing(); }, 60'000))
        std::fputs("bench_reading_entry: the balance took over a minute\n", stderr);
    ReadingEntryController entry;
    entry.setSession(&session);
    entry.setRound(QStringLiteral("2026-06-04T08:00:00+08:00")); // the round after the last readings

    std::vector<double> save, commit;
    QElapsedTimer timer;
    for (int run = 0; run < runs && run < entry.count(); ++run) {
        entry.setCurrentIndex(run);
        const QVariantMap card = entry.current();
        // About 12 hours of the meter's flow after its last reading: plausible, no reason needed.
        const double value = card.value(QStringLiteral("lastValue")).toDouble() + 400;
        timer.start();
        const bool ok = entry.save(QString::number(value, 'f', 2), QStringLiteral("benchmark"));
        save.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!ok) {
            std::fprintf(stderr, "bench_reading_entry: %s\n", qPrintable(entry.message()));
            return 1;
        }
        if (!QTest::qWaitFor([&] { return !session.analysing(); }, 60'000))
            std::fputs("bench_reading_entry: the balance took over a minute\n", stderr);
    }
    // The commit alone, for comparison: the store's addReading (checks, insert, flush to the disk).
    store::ProjectStore direct;
    if (!direct.open(project.toStdString()).ok())
        return 1;
    for (int run = 0; run < runs; ++run) {
        store::NewReading r;
        r.reading.meter = plant.meters[std::size_t(run) % plant.meters.size()].id;
        r.reading.time = "2026-06-04T20:00:00+08:00";
        r.reading.value = 1e6 + run;
        r.reason = "benchmark";
        timer.start();
        const bool ok = direct.addReading(r, {}).ok();
        commit.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!ok)
            return 1;
    }
    std::printf("entering a reading, tap to saved (check, commit, project read again, cards): median %.1f ms "
                "(min %.1f, max %.1f; %zu entries; target <= 50 ms)\n",
                median(save), *std::min_element(save.begin(), save.end()),
                *std::max_element(save.begin(), save.end()), save.size());
    std::printf("of which the store's commit alone (addReading): median %.1f ms\n", median(commit));
    return 0;
}
