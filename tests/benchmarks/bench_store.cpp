// Benchmark of the project store (issue 4 targets). Prints its figures; not part of ctest.
//   bench_store [--readings N] [--dir FOLDER]
// Medians over repeated runs, single thread, on whatever machine (and disk) runs it. The project
// files go to FOLDER (default: a temporary folder), a few hundred MB at the full size.

#include "campaign/flows.h"
#include "store/project_store.h"
#include "store/readings_csv.h"

#include <QDir>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

using namespace shuiheng;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(const std::function<void()>& work) {
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU seconds of the whole process (every thread): under other engineers' builds the wall clock
/// of a run varies twofold, its CPU time far less.
double processCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> times) {
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double medianSeconds(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(seconds(work));
    return median(times);
}

void check(const store::Status& s, const char* what) {
    if (!s.ok()) {
        std::fprintf(stderr, "bench_store: %s: %s\n", what, s.message().c_str());
        std::exit(1);
    }
}

/// `units` water-using units, each with a metered intake from W and a metered discharge to D.
Plant meteredPlant(int units) {
    Plant plant;
    plant.name = "benchmark plant";
    plant.flowUnit = "m3/h";
    plant.nodes.push_back({"W", "source", NodeKind::Source, "", SourceOrigin::Municipal, "", {}});
    plant.nodes.push_back({"D", "sink", NodeKind::Discharge, "", std::nullopt, "", {}});
    for (int i = 0; i < units; ++i) {
        const std::string u = "U" + std::to_string(i);
        plant.nodes.push_back({u, "", NodeKind::Unit, "", std::nullopt, "process", {}});
        for (int k = 0; k < 2; ++k) {
            Stream s;
            s.id = "S" + std::to_string(2 * i + k);
            s.from = k == 0 ? "W" : u;
            s.to = k == 0 ? u : "D";
            plant.streams.push_back(s);
            Meter m;
            m.id = "M" + std::to_string(2 * i + k);
            m.stream = s.id;
            m.unit = "m3";
            m.mpe = 0.02;
            m.rollover = 1e7;
            plant.meters.push_back(m);
        }
    }
    return plant;
}

std::string timeAt(int hoursFromStart) {
    char text[40];
    const int day = hoursFromStart / 24, hour = hoursFromStart % 24;
    std::snprintf(text, sizeof text, "2026-%02d-%02dT%02d:00:00+08:00", 6 + day / 30, 1 + day % 30, hour);
    return text;
}

/// `perMeter` readings of every meter, `stepHours` apart, meter by meter within each round.
std::vector<store::NewReading> readingsFor(const Plant& plant, int perMeter, int stepHours) {
    std::vector<store::NewReading> out;
    out.reserve(plant.meters.size() * static_cast<std::size_t>(perMeter));
    for (int k = 0; k < perMeter; ++k) {
        const std::string time = timeAt(k * stepHours);
        for (std::size_t m = 0; m < plant.meters.size(); ++m) {
            store::NewReading e;
            e.reading.meter = plant.meters[m].id;
            e.reading.time = time;
            e.reading.value =
                1000.0 + static_cast<double>(k) * (10.0 + static_cast<double>(m % 17)) * stepHours;
            e.reading.technician = "张工";
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::string newProject(const QString& folder, const std::string& name, const Plant& plant) {
    const std::string path = QDir(folder).filePath(QString::fromStdString(name)).toStdString();
    QFile::remove(QString::fromStdString(path));
    store::ProjectStore project;
    check(project.create(path, {"", name, "", "", 0}, {"bench", "bench"}), "create");
    check(project.importPlant(plant, {"bench", "bench"}).status(), "import plant");
    return path;
}

} // namespace

int main(int argc, char** argv) {
    long total = 1000000;
    QString folder;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--readings") == 0 && i + 1 < argc)
            total = std::atol(argv[++i]);
        else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            folder = argv[++i];
    }
    QTemporaryDir temporary(folder.isEmpty() ? QDir::tempPath() + "/bench_store-XXXXXX"
                                             : folder + "/bench_store-XXXXXX");
    if (!temporary.isValid()) {
        std::fprintf(stderr, "bench_store: cannot make a folder for the projects\n");
        return 1;
    }
    const store::Actor actor{"bench", "bench"};

    // 1. Bulk import: `total` readings of 2,000 meters in one change.
    const Plant big = meteredPlant(1000);
    const int perMeter = static_cast<int>(total / static_cast<long>(big.meters.size()));
    const auto entries = readingsFor(big, perMeter, 1);
    std::string bigPath;
    std::vector<double> imports, importCpu;
    for (int run = 0; run < 3; ++run) {
        bigPath = newProject(temporary.path(), "big" + std::to_string(run) + ".shuiheng", big);
        store::ProjectStore project;
        check(project.open(bigPath), "open");
        const double cpuBefore = processCpuSeconds();
        imports.push_back(
            seconds([&] { check(project.addReadings(entries, actor).status(), "bulk import"); }));
        importCpu.push_back(processCpuSeconds() - cpuBefore);
        project.close();
        if (run < 2)
            QFile::remove(QString::fromStdString(bigPath));
    }
    std::printf(
        "bulk import of %zu readings for %zu meters: median %.2f s (runs %.2f, %.2f, %.2f; target <= 10 s)\n",
        entries.size(), big.meters.size(), median(imports), imports[0], imports[1], imports[2]);
    std::printf("  CPU time of the import (both threads): median %.2f s (runs %.2f, %.2f, %.2f)\n",
                median(importCpu), importCpu[0], importCpu[1], importCpu[2]);
    std::printf("  project file: %.0f MB\n",
                static_cast<double>(QFileInfo(QString::fromStdString(bigPath)).size()) / 1e6);
    {
        std::vector<Reading> plain;
        plain.reserve(entries.size());
        for (const auto& e : entries)
            plain.push_back(e.reading);
        std::string csv;
        const double write = seconds([&] { csv = store::readingsToCsv(plain); });
        store::CsvReadings parsed;
        const double parse = seconds([&] { parsed = store::parseReadingsCsv(csv); });
        std::printf("  the same readings as CSV (%.0f MB): written in %.2f s, parsed in %.2f s\n",
                    static_cast<double>(csv.size()) / 1e6, write, parse);
    }

    // 2. Opening it.
    const double open = medianSeconds(21, [&] {
        store::ProjectStore project;
        check(project.open(bigPath), "open");
        check(project.meta().status(), "meta");
    });
    std::printf("opening a project with %zu readings: median %.1f ms (target <= 100 ms)\n", entries.size(),
                open * 1e3);

    // 3. One reading, committed (each with its plausibility checks against the meter's history).
    {
        store::ProjectStore project;
        check(project.open(bigPath), "open");
        int k = 0;
        const double add = medianSeconds(201, [&] {
            store::NewReading e;
            e.reading.meter = big.meters[static_cast<std::size_t>(k * 37) % big.meters.size()].id;
            e.reading.time = timeAt(perMeter + k++);
            e.reading.value = 1e6;
            check(project.addReading(e, actor).status(), "add reading");
        });
        std::printf("adding one reading (committed, %d earlier readings of its meter): median %.2f ms "
                    "(target <= 5 ms)\n",
                    perMeter, add * 1e3);
    }

    // 4. Flows of a 500-meter campaign of 30 days (daily readings) from the store.
    const Plant campaign = meteredPlant(250);
    const std::string campaignPath = newProject(temporary.path(), "campaign.shuiheng", campaign);
    {
        store::ProjectStore project;
        check(project.open(campaignPath), "open");
        check(project.addReadings(readingsFor(campaign, 31, 24), actor).status(), "campaign readings");
    }
    std::size_t flowCount = 0;
    std::vector<double> opens, exports, derives, totals;
    for (int run = 0; run < 11; ++run) {
        const auto start = Clock::now();
        store::ProjectStore project;
        check(project.open(campaignPath, {true, 5000, true}), "open");
        const auto opened = Clock::now();
        auto plant = project.exportPlant();
        check(plant.status(), "export");
        const auto exported = Clock::now();
        flowCount = campaign::deriveFlows(*plant).flows.size();
        const auto derived = Clock::now();
        opens.push_back(std::chrono::duration<double>(opened - start).count());
        exports.push_back(std::chrono::duration<double>(exported - opened).count());
        derives.push_back(std::chrono::duration<double>(derived - exported).count());
        totals.push_back(std::chrono::duration<double>(derived - start).count());
    }
    std::printf(
        "flows of a %zu-meter, 30-day campaign from the store (%zu flows): median %.1f ms (open %.1f, export "
        "%.1f, derive %.1f; target <= 200 ms)\n",
        campaign.meters.size(), flowCount, median(totals) * 1e3, median(opens) * 1e3, median(exports) * 1e3,
        median(derives) * 1e3);
    return 0;
}
