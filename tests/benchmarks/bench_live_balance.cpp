// bench_live_balance: the live balance's refresh after a reading, on a 300-stream plant project
// (the plant bench_app opens). Each run commits one new reading to the project file, as the
// reading page does, then the open session reads the project again, the balance runs on its
// worker thread and the live diagram takes the new flows (no new layout: the structure is the
// same). Target: ≤ 100 ms median from the commit's start to the diagram model updated. Then the
// flow labels' placement alone (part of every refresh).
// Usage: bench_live_balance [--runs N] [--streams N]

#include "bench_support.h"
#include "generated_campaign_plant.h"
#include "layout/diagram_layout.h"
#include "live_balance.h"
#include "project_session.h"
#include "store/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <fstream>

namespace {

double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double one = -1;
    in >> one;
    return one;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const shuiheng::bench::Options options = shuiheng::bench::options(app.arguments(), {21, 300});
    const int runs = options.runs;
    const int streams = options.streams;
    namespace store = shuiheng::store;
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("live.shuiheng"));
    const shuiheng::Plant plant = generatedCampaignPlant(streams);
    if (const std::string problem = shuiheng::bench::createProject(project.toStdString(), plant);
        !problem.empty()) {
        std::fprintf(stderr, "bench_live_balance: %s\n", problem.c_str());
        return 1;
    }
    store::ProjectStore writer; // the reading page's connection
    if (!writer.open(project.toStdString()).ok()) {
        std::fputs("bench_live_balance: cannot open the project\n", stderr);
        return 1;
    }
    const auto campaigns = writer.campaigns();
    if (!campaigns || campaigns->empty()) {
        std::fputs("bench_live_balance: no campaign\n", stderr);
        return 1;
    }
    const std::string campaign = campaigns->back().id;
    std::printf("project: %zu nodes, %zu streams, %zu meters, %zu readings; load average %.1f\n",
                plant.nodes.size(), plant.streams.size(), plant.meters.size(), plant.readings.size(),
                loadAverage());

    ProjectSession session;
    LiveBalance live;
    live.setSession(&session);
    QSignalSpy updated(&live, &LiveBalance::updated);
    QElapsedTimer first;
    first.start();
    if (!session.open(project)) {
        std::fprintf(stderr, "bench_live_balance: %s\n", qPrintable(session.errorMessage()));
        return 1;
    }
    while (live.layoutCount() == 0 || session.analysing() || live.layingOut())
        if (!updated.wait(30'000)) {
            std::fputs("bench_live_balance: the first diagram never came\n", stderr);
            return 1;
        }
    std::printf("first diagram (open, balance, layout): %.0f ms, %d rows\n", double(first.elapsed()),
                live.diagram()->count());

    // The last register value of the first meter: every run reads it one hour later, a little more.
    const shuiheng::Meter& meter = plant.meters.front();
    double value = 0;
    for (const shuiheng::Reading& r : plant.readings)
        if (r.meter == meter.id)
            value = r.value;
    std::vector<double> commit, reload, total;
    const int layoutsBefore = live.layoutCount();
    for (int run = 0; run < runs; ++run) {
        store::NewReading entry;
        entry.reading.meter = meter.id;
        entry.reading.time =
            "2026-06-0" + std::to_string(4 + run / 4) + "T0" + std::to_string(run % 4) + ":30:00+08:00";
        value += 150;
        entry.reading.value = value;
        entry.campaign = campaign;
        updated.clear();
        QElapsedTimer timer;
        timer.start();
        if (auto added = writer.addReading(entry, {}); !added) {
            std::fprintf(stderr, "bench_live_balance: %s\n", added.status().message().c_str());
            return 1;
        }
        commit.push_back(timer.nsecsElapsed() / 1e6);
        session.reload(); // what the reading page does after a commit
        reload.push_back(timer.nsecsElapsed() / 1e6 - commit.back());
        while (session.analysing() || !session.analysis() || updated.isEmpty())
            if (!updated.wait(30'000)) {
                std::fputs("bench_live_balance: the diagram was not updated\n", stderr);
                return 1;
            }
        total.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("runs: %d; layouts during the runs: %d (the structure did not change)\n", runs,
                live.layoutCount() - layoutsBefore);
    std::printf("reading committed (store)                  median %7.1f ms\n",
                shuiheng::bench::median(commit));
    std::printf("session reloaded (interface thread)        median %7.1f ms\n",
                shuiheng::bench::median(reload));
    std::printf("commit -> diagram model updated            median %7.1f ms   (target <= 100 ms)\n",
                shuiheng::bench::median(total));
    std::printf("                                           min %.1f ms, max %.1f ms; load average %.1f\n",
                *std::min_element(total.begin(), total.end()), *std::max_element(total.begin(), total.end()),
                loadAverage());
    // The part of each refresh that places the flows' labels (core/layout/label_placement), alone,
    // on the same layout and flows: its share of the refresh above.
    const shuiheng::layout::DiagramLayout layout = shuiheng::layout::layoutPlant(*session.plant()->plant());
    std::vector<double> labels;
    QStringList hidden;
    for (int run = 0; run < runs; ++run) {
        QHash<QString, QVariantMap> overlay = LiveBalance::overlayFor(*session.analysis());
        QElapsedTimer timer;
        timer.start();
        hidden = LiveBalance::placeFlowLabels(layout, overlay);
        labels.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf(
        "flow labels placed (part of the refresh)   median %7.2f ms   (%lld of %zu labels without a place)\n",
        shuiheng::bench::median(labels), static_cast<long long>(hidden.size()), layout.streams.size());
    std::printf("verdict: %s\n", qPrintable(live.verdict()));
    return 0;
}
