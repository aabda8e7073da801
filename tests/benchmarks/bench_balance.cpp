// Benchmark of the balance engine (issue 3 targets). Prints its figures; not part of ctest.
//   bench_balance [--quick]          all figures (--quick: without the 100k cases)
//   bench_balance --growth           only the reconciliation at 1k, 10k and 100k streams
//   bench_balance --cli              only shuiheng-cli balance --json on the 100k plant file, and its steps
//   bench_balance --profile N [R]    reconcile a plant of about N streams R times (20; for a profiler)
//   bench_balance --write-plant FILE the 100k-stream plant file of the whole-process case, to profile
// Medians over repeated runs, single thread, on whatever machine runs it.

#include "balance/elimination.h"
#include "balance/gross_errors.h"
#include "balance/heap_policy.h"
#include "balance/reconciliation.h"
#include "balance/renumbering.h"
#include "campaign/flows.h"
#include "cli/balance_json.h"
#include "compare.h"
#include "dense_reference.h"
#include "io/atomic_file.h"
#include "io/plant_file.h"
#include "model/plant_graph.h"
#include "random_networks.h"
#include "validation/validate_plant.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace shuiheng;
using namespace shuiheng::balance;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// CPU seconds of this process, or of its finished children: with other engineers' builds on the
/// two cores the wall clock of one run varies twofold, the CPU time much less.
double cpuSeconds(int who = RUSAGE_SELF) {
    rusage usage{};
    getrusage(who, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

/// Median wall-clock seconds of `runs` runs; `cpu`, when given, receives the median CPU seconds
/// (of this process, or of the children it waited for with `who` = RUSAGE_CHILDREN).
double medianSeconds(int runs, const std::function<void()>& work, double* cpu = nullptr,
                     int who = RUSAGE_SELF) {
    std::vector<double> times, cpuTimes;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = cpuSeconds(who);
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        cpuTimes.push_back(cpuSeconds(who) - cpuStart);
    }
    if (cpu)
        *cpu = median(cpuTimes);
    return median(times);
}

/// The network as a plant file: units U<i>, one source W and one sink D for the environment.
Plant toPlant(const FlowNetwork& net) {
    Plant plant;
    plant.name = "benchmark plant";
    plant.flowUnit = "m3/h";
    plant.nodes.push_back({"W", "source", NodeKind::Source, "", SourceOrigin::Municipal, "", {}});
    plant.nodes.push_back({"D", "sink", NodeKind::Discharge, "", std::nullopt, "", {}});
    for (int i = 0; i < net.nodeCount; ++i)
        plant.nodes.push_back({"U" + std::to_string(i), "", NodeKind::Unit, "", std::nullopt, "process", {}});
    for (std::size_t k = 0; k < net.edges.size(); ++k) {
        const NetworkEdge& e = net.edges[k];
        Stream s;
        s.id = "S" + std::to_string(k);
        s.from = e.from == environment ? "W" : "U" + std::to_string(e.from);
        s.to = e.to == environment ? "D" : "U" + std::to_string(e.to);
        if (e.from == environment && e.to == environment)
            continue;
        if (e.measured)
            s.measurement = Measurement{*e.measured, e.sigma, {}};
        plant.streams.push_back(std::move(s));
    }
    return plant;
}

/// Biases `count` identifiable measurements by 20–30 σ; returns their edges. Identifiable: redundant
/// with σ > 0, at least 80 % of its variance checked by the balances (so 20 σ moves its test
/// statistic by ≥ 18: on 2,500 balances the global χ² test only notices a z² of a few hundred),
/// a signature in the reduced balances that no other meter shares (a meter on
/// the same pair of balances is indistinguishable from it), and no balance shared with another
/// chosen meter (two errors on one balance can mask each other).
std::vector<std::size_t> injectGrossErrors(FlowNetwork& net, int count, std::mt19937_64& rng) {
    const ReconciliationResult clean = reconcile(net);
    const Elimination e = eliminate(net);
    auto rowsOf = [&](std::size_t i) {
        const int head = e.rowOfEdgeEnd(net.edges[i].to), tail = e.rowOfEdgeEnd(net.edges[i].from);
        return std::pair{std::min(head, tail), std::max(head, tail)};
    };
    std::map<std::pair<int, int>, int> metersOnPair;
    for (std::size_t i = 0; i < net.edges.size(); ++i)
        if (e.crossing[i] && !e.exact[i])
            ++metersOnPair[rowsOf(i)];
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < net.edges.size(); ++i) {
        const auto& est = clean.edges[i];
        if (!est.z || net.edges[i].sigma <= 0 || metersOnPair[rowsOf(i)] != 1)
            continue;
        const double checkedShare = 1 - std::pow(*est.sigma / net.edges[i].sigma, 2);
        if (checkedShare >= 0.8)
            candidates.push_back(i);
    }
    std::shuffle(candidates.begin(), candidates.end(), rng);
    std::vector<std::size_t> chosen;
    std::set<int> usedRows;
    for (std::size_t i : candidates) {
        if (static_cast<int>(chosen.size()) == count)
            break;
        const auto [a, b] = rowsOf(i);
        if (usedRows.contains(a) || usedRows.contains(b))
            continue;
        usedRows.insert({a, b});
        chosen.push_back(i);
    }
    for (std::size_t i : chosen)
        *net.edges[i].measured += (20 + 10 * test::uniform01(rng)) * net.edges[i].sigma;
    return chosen;
}

/// Where the whole-process time goes: the steps of `shuiheng-cli balance --json`, each in this
/// process (CPU seconds, median of three).
void printCliPhases(const std::filesystem::path& file) {
    std::string text, error;
    PlantFileResult parsed;
    Plant plant;
    std::unique_ptr<PlantGraph> graph;
    FlowNetwork network;
    balance::PlantBalance result;
    Plant measured;
    std::string json;
    struct Phase {
        const char* name;
        std::function<void()> work;
    };
    const std::vector<Phase> phases{
        {"read the file", [&] { text = readWholeFile(file, error).value_or(""); }},
        {"parse the JSON into a plant", [&] { parsed = parsePlantJson(text); }},
        {"validate", [&] { validatePlant(*parsed.plant); }},
        {"  of it: the plant graph", [&] { graph = std::make_unique<PlantGraph>(*parsed.plant); }},
        {"balancePlant (all of the below)", [&] { result = balance::balancePlant(*parsed.plant); }},
        {"  the flow network", [&] { network = balance::toFlowNetwork(*parsed.plant, *graph); }},
        {"  reconcile", [&] { reconcile(network); }},
        {"  serial elimination", [&] { eliminateGrossErrors(network); }},
        {"measured plant for the output",
         [&] { measured = campaign::withDerivedMeasurements(*parsed.plant); }},
        {"write the JSON document", [&] { json = cli::balanceJson(measured, result); }},
    };
    std::printf("  its steps in this process (cpu, median of 3):\n");
    for (const Phase& phase : phases) {
        double cpu = 0;
        medianSeconds(3, phase.work, &cpu);
        std::printf("    %-34s %7.0f ms\n", phase.name, cpu * 1e3);
    }
}

/// shuiheng-cli balance --json on a 100,000-stream plant file, as a whole process and step by step.
void wholeProcess() {
    const auto plant = test::largePlant(45, 100000);
    const auto dir = std::filesystem::temp_directory_path() / "shuiheng-bench";
    std::filesystem::create_directories(dir);
    const auto file = dir / "plant-100k.json";
    savePlantFile(file, toPlant(plant.network));
    const std::string command =
        std::string(SHUIHENG_BIN_DIR) + "/shuiheng-cli balance --json " + file.string() + " > /dev/null";
    double cpu = 0;
    const double t = medianSeconds(
        3,
        [&] {
            if (std::system(command.c_str()) != 0)
                std::printf("shuiheng-cli failed\n");
        },
        &cpu, RUSAGE_CHILDREN);
    std::printf("\nshuiheng-cli balance --json, 100k-stream plant file (%.1f MB): %.2f s wall, %.2f s "
                "cpu (target <= "
                "5 s)\n",
                static_cast<double>(std::filesystem::file_size(file)) / 1e6, t, cpu);
    printCliPhases(file);
    std::filesystem::remove_all(dir);
}

/// Classification + reconciliation + sigma + all tests at about 1k, 10k and 100k streams (`quick`:
/// without 100k). The sizes take turns, round after round, so that the other work on the machine
/// weighs on each about equally: the growth from 10k to 100k is the median over the rounds of
/// (100k time / that round's 10k time).
void measureSizes(bool quick, const char* heading) {
    std::printf("%s\n", heading);
    std::printf("%10s %8s %8s %12s %12s\n", "streams", "units", "dof", "reconcile", "cpu");
    struct Size {
        test::GeneratedNetwork plant;
        int runsPerRound;
        std::vector<double> wall, cpu;
        std::vector<double> roundWall, roundCpu; // this size's median in each round
        int dof = 0;
        // The same plant listed unit by unit (the engine's breadth-first order), for the second
        // growth figure: what the scattered order of the generated plant costs on its own.
        FlowNetwork ordered;
        std::vector<double> orderedCpu, roundOrderedCpu;
    };
    std::vector<Size> sizes;
    for (std::size_t size : {std::size_t{1000}, std::size_t{10000}, std::size_t{100000}})
        if (!quick || size <= 10000)
            sizes.push_back({test::largePlant(42, size),
                             size <= 1000    ? 11
                             : size <= 10000 ? 3
                                             : 1,
                             {},
                             {},
                             {},
                             {},
                             0,
                             {},
                             {},
                             {}});
    for (Size& size : sizes)
        size.ordered = renumberForLocality(size.plant.network).network;
    const int rounds = quick ? 5 : 15; // the median of 15 ratios moves by a few tenths from run to run
    for (int round = 0; round < rounds; ++round)
        for (Size& size : sizes) {
            std::vector<double> wall, cpu;
            for (int run = 0; run < size.runsPerRound; ++run) {
                double c = 0;
                ReconciliationResult r;
                wall.push_back(medianSeconds(
                    1, [&] { r = reconcile(size.plant.network); }, &c));
                cpu.push_back(c);
                size.dof = r.global.dof;
            }
            size.wall.insert(size.wall.end(), wall.begin(), wall.end());
            size.cpu.insert(size.cpu.end(), cpu.begin(), cpu.end());
            size.roundWall.push_back(median(wall));
            size.roundCpu.push_back(median(cpu));
            std::vector<double> ordered;
            for (int run = 0; run < size.runsPerRound; ++run) {
                double c = 0;
                medianSeconds(
                    1, [&] { reconcile(size.ordered); }, &c);
                ordered.push_back(c);
            }
            size.orderedCpu.insert(size.orderedCpu.end(), ordered.begin(), ordered.end());
            size.roundOrderedCpu.push_back(median(ordered));
        }
    for (const Size& size : sizes)
        std::printf("%10zu %8d %8d %9.2f ms %9.2f ms\n", size.plant.network.edges.size(),
                    size.plant.network.nodeCount, size.dof, median(size.wall) * 1e3, median(size.cpu) * 1e3);
    if (sizes.size() == 3) {
        std::vector<double> wallRatio, cpuRatio;
        for (int round = 0; round < rounds; ++round) {
            const auto k = static_cast<std::size_t>(round);
            wallRatio.push_back(sizes[2].roundWall[k] / sizes[1].roundWall[k]);
            cpuRatio.push_back(sizes[2].roundCpu[k] / sizes[1].roundCpu[k]);
        }
        // Each round's ratio pairs runs seconds apart, so the machine's drift (other guests on the host
        // change its speed by a quarter within seconds) cancels; the spread and the ratio of the
        // overall medians are printed too, so that a reader can see how much that matters.
        const auto [lowest, highest] = std::minmax_element(cpuRatio.begin(), cpuRatio.end());
        std::printf("growth 10k -> 100k streams: %.1fx wall, %.1fx cpu (median of %d rounds' ratios, cpu "
                    "%.1f-%.1fx; ratio of the medians %.1fx cpu; target <= 12x)\n",
                    median(wallRatio), median(cpuRatio), rounds, *lowest, *highest,
                    median(sizes[2].cpu) / median(sizes[1].cpu));
        // The generated plants list their units and streams in random order (random_networks.h), the
        // worst case for the caches; a plant file written by the editor lists them unit by unit.
        std::vector<double> orderedRatio;
        for (int round = 0; round < rounds; ++round) {
            const auto k = static_cast<std::size_t>(round);
            orderedRatio.push_back(sizes[2].roundOrderedCpu[k] / sizes[1].roundOrderedCpu[k]);
        }
        std::printf(
            "  the same plants listed unit by unit: %.2f ms and %.2f ms cpu, growth %.1fx (same rounds)\n",
            median(sizes[1].orderedCpu) * 1e3, median(sizes[2].orderedCpu) * 1e3, median(orderedRatio));
    }
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    if (argc > 2 && std::strcmp(argv[1], "--write-plant") == 0) { // the 100k plant file, for profiling
        savePlantFile(argv[2], toPlant(test::largePlant(45, 100000).network));
        return 0;
    }
    if (argc > 2 && std::strcmp(argv[1], "--profile") == 0) { // one size, repeated, for perf/callgrind
        const auto plant = test::largePlant(42, static_cast<std::size_t>(std::atol(argv[2])));
        const int runs = argc > 3 ? std::atoi(argv[3]) : 20;
        double cpu = 0;
        const double t = medianSeconds(
            runs, [&] { reconcile(plant.network); }, &cpu);
        double renumberCpu = 0;
        medianSeconds(
            runs, [&] { renumberForLocality(plant.network); }, &renumberCpu);
        const FlowNetwork ordered = renumberForLocality(plant.network).network;
        double orderedCpu = 0;
        medianSeconds(
            runs, [&] { reconcile(ordered); }, &orderedCpu);
        std::printf("%zu streams: %.2f ms (cpu %.2f ms; of it renumbering %.2f ms; the network given in that "
                    "order: cpu %.2f ms)\n",
                    plant.network.edges.size(), t * 1e3, cpu * 1e3, renumberCpu * 1e3, orderedCpu * 1e3);
        return 0;
    }
    const bool growthOnly = argc > 1 && std::strcmp(argv[1], "--growth") == 0;
    const bool cliOnly = argc > 1 && std::strcmp(argv[1], "--cli") == 0;
    std::printf("Balance engine benchmark (medians; single thread)%s\n\n", quick ? " [quick]" : "");

    if (cliOnly) {
        wholeProcess();
        return 0;
    }
    // 1. Sizes: first with glibc's default heap (freed memory handed back to the kernel), then as
    // Shuiheng's programs run, keeping it (heap_policy.h); defaults first, as they cannot be restored.
    measureSizes(quick, "glibc's default heap: freed memory handed back to the kernel");
    keepFreedMemory();
    measureSizes(quick, "as shuiheng and shuiheng-cli run (heap_policy.h): freed memory kept");
    if (growthOnly)
        return 0;

    // 2. Serial elimination of 5 gross errors in a 10,000-stream plant.
    {
        std::mt19937_64 rng(7);
        auto plant = test::largePlant(43, 10000);
        const auto injected = injectGrossErrors(plant.network, 5, rng);
        SerialElimination found;
        const double t = medianSeconds(5, [&] { found = eliminateGrossErrors(plant.network, {}, 20); });
        int hits = 0; // an injected meter named, or listed as equivalent to the one named
        for (const GrossError& g : found.found) {
            std::vector<std::size_t> named = g.equivalentEdges;
            named.push_back(g.edge);
            if (g.kind == GrossError::Kind::MeterBias &&
                std::any_of(named.begin(), named.end(), [&](std::size_t edge) {
                    return std::find(injected.begin(), injected.end(), edge) != injected.end();
                }))
                ++hits;
        }
        std::printf("\nserial elimination, 10k streams, %zu identifiable errors injected: %.1f ms (target <= "
                    "1 s), %zu "
                    "found, %d of them injected, final test %s\n",
                    injected.size(), t * 1e3, found.found.size(), hits, found.passed ? "passed" : "failed");
        // The former method for comparison: the same steps with a full reconciliation after each.
        const double former = medianSeconds(5, [&] {
            FlowNetwork working = plant.network;
            reconcile(working);
            for (const GrossError& g : found.found) {
                if (g.kind == GrossError::Kind::MeterBias)
                    working.edges[g.edge].measured.reset();
                else
                    working.edges.push_back({g.nodes.front(), environment, std::nullopt, 0.0});
                reconcile(working);
            }
        });
        std::printf("  the same steps reconciling in full after each (former method): %.1f ms (%.1fx)\n",
                    former * 1e3, former / t);
    }

    // 3. Against the dense reference at 2,000 streams.
    {
        const auto plant = test::largePlant(44, 2000);
        ReconciliationResult sparse;
        test::DenseResult dense;
        const double ts = medianSeconds(21, [&] { sparse = reconcile(plant.network); });
        const double td =
            medianSeconds(quick ? 1 : 3, [&] { dense = test::denseReconcile(plant.network, 0.05); });
        test::Deviation deviation;
        const auto differences = test::compare(plant.network, sparse, dense, 1e-8, &deviation);
        std::printf(
            "\n2,000 streams: sparse %.2f ms, dense %.0f ms: %.0fx faster; worst relative difference: value "
            "%.1e, sigma %.1e, z %.1e; %s\n",
            ts * 1e3, td * 1e3, td / ts, deviation.value, deviation.sigma, deviation.z,
            differences.empty() ? "identical to 1e-8" : differences.front().c_str());
    }

    // 4. Whole process: shuiheng-cli balance --json on a 100,000-stream plant file.
    if (!quick)
        wholeProcess();
    return 0;
}
