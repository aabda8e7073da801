// Benchmark of readings → flows (issue 4 target: 500 meters × 30 days in ≤ 200 ms). Prints its
// figures; not part of ctest.
//   bench_flows [--quick]
// Median over repeated runs of deriveFlows, single thread, on whatever machine runs it.

#include "campaign/flows.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace shuiheng;
using Clock = std::chrono::steady_clock;

namespace {

double medianSeconds(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// "2026-06-01T08:00:00+08:00" for `hours` after 2026-06-01T00:00 local time (+08:00).
std::string localTime(int hours) {
    using namespace std::chrono;
    const sys_days day = sys_days{year{2026} / June / 1} + days{hours / 24};
    const year_month_day date{day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:00:00+08:00", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), hours % 24);
}

/// `meters` units, each fed from one source through a metered stream and drained unmetered; each
/// meter read every `everyHours(i)` hours for `days` days, in rounds (time-major, as a store
/// exports them). One in five meters is a flowrate meter; totalizers have a 100 000 rollover and
/// some pass it; every reading has a photo.
Plant makeCampaign(int meters, int days, const std::function<int(int)>& everyHours) {
    std::mt19937 random(12452);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Plant p;
    p.name = "benchmark campaign";
    p.flowUnit = "m3/h";
    p.nodes.push_back({"W", "", NodeKind::Source, "", SourceOrigin::Groundwater, "", {}});
    p.nodes.push_back({"D", "", NodeKind::Discharge, "", std::nullopt, "", {}});
    std::vector<double> registers(static_cast<std::size_t>(meters)), flows(static_cast<std::size_t>(meters));
    for (int i = 0; i < meters; ++i) {
        const std::string u = "U" + std::to_string(i);
        p.nodes.push_back({u, "", NodeKind::Unit, "", std::nullopt, "process", {}});
        p.streams.push_back({"S" + std::to_string(i), "W", u, std::nullopt, std::nullopt, {}});
        p.streams.push_back({"T" + std::to_string(i), u, "D", std::nullopt, std::nullopt, {}});
        Meter m;
        m.id = "M" + std::to_string(i);
        m.stream = "S" + std::to_string(i);
        m.kind = i % 5 == 4 ? MeterKind::Flowrate : MeterKind::Totalizer;
        m.unit = m.kind == MeterKind::Totalizer ? "m3" : "L/s";
        m.mpe = 0.02;
        if (m.kind == MeterKind::Totalizer)
            m.rollover = 100000;
        m.method = ReadingMethod::Electromagnetic;
        m.calibrationDate = "2025-09-15";
        m.calibrationDue = "2027-09-14";
        p.meters.push_back(m);
        registers[static_cast<std::size_t>(i)] = unit(random) * 100000;
        flows[static_cast<std::size_t>(i)] = 1 + unit(random) * 200;
    }
    const std::string photo(64, 'c');
    for (int h = 0; h <= days * 24; ++h) {
        const std::string time = localTime(8 + h);
        for (int i = 0; i < meters; ++i) {
            const int every = everyHours(i);
            if (h % every != 0)
                continue;
            const auto k = static_cast<std::size_t>(i);
            const double flow = flows[k] * (0.9 + 0.2 * unit(random));
            double value = flow / 3.6; // L/s for a flowrate meter
            if (p.meters[k].kind == MeterKind::Totalizer) {
                if (h > 0)
                    registers[k] += flow * every;
                if (registers[k] >= 100000)
                    registers[k] -= 100000;
                value = registers[k];
            }
            Reading r;
            r.meter = p.meters[k].id;
            r.time = time;
            r.value = value;
            r.technician = "张工";
            r.photo = photo;
            p.readings.push_back(std::move(r));
        }
    }
    return p;
}

void report(const char* what, const Plant& plant, int runs) {
    std::size_t flows = 0, samples = 0;
    const double seconds = medianSeconds(runs, [&] {
        const campaign::FlowDerivation d = campaign::deriveFlows(plant);
        flows = d.flows.size();
        samples = 0;
        for (const auto& f : d.flows)
            samples += f.samples.size();
    });
    std::printf("%-44s %7zu readings  %4zu flows  %7zu samples  median %7.1f ms%s\n", what,
                plant.readings.size(), flows, samples, seconds * 1e3,
                seconds <= 0.2 ? "" : "  (over the 200 ms target)");
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 3 : 11;
    std::printf("deriveFlows, 500 meters, 30 days, median of %d runs (target <= 200 ms)\n", runs);
    const int cadence[] = {1, 2, 3, 4, 6, 8, 12, 24};
    report("hourly to daily (cycling 1..24 h)", makeCampaign(500, 30, [&](int i) { return cadence[i % 8]; }),
           runs);
    report("all hourly (worst case)", makeCampaign(500, 30, [](int) { return 1; }), runs);
    report("all daily at 08:00", makeCampaign(500, 30, [](int) { return 24; }), runs);
    return 0;
}
