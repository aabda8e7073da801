// Benchmark of rankings (issue 5 target: 10,000 enterprises in ≤ 1 s). Prints its figures; not part
// of ctest.   bench_rank [--quick]
// Medians over repeated runs, single thread, on whatever machine runs it.

#include "benchmarking/rankings/ranking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <vector>

using namespace shuiheng::benchmarking;
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

/// An industry of n enterprises: unit-product intake around 3 m³/t spread over a factor of about
/// two either way (lognormal), each known to 2–8 % (one σ).
std::vector<RankEntry> industry(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> spread(0, 0.35);
    std::uniform_real_distribution<double> relative(0.02, 0.08);
    std::vector<RankEntry> entries;
    for (int i = 0; i < n; ++i) {
        const double v = 3.0 * std::exp(spread(rng));
        entries.push_back({"E" + std::to_string(i), v, v * relative(rng)});
    }
    return entries;
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 3 : 7;
    std::printf("Ranking benchmark (median of %d runs)\n\n", runs);
    std::printf("%-44s %8s %6s %12s %10s\n", "case", "n", "k", "method", "seconds");
    for (const int n : {1000, 10000, 100000}) {
        if (quick && n > 10000)
            continue;
        const auto entries = industry(n, 42);
        for (const int k : {1, 10, 100}) {
            RankOptions options;
            options.topK = k;
            Ranking r;
            const double s = medianSeconds(runs, [&] { r = rankEnterprises(entries, options); });
            std::printf("%-44s %8d %6d %12s %10.4f\n", "realistic spread (lognormal, σ 2–8 %)", n, k,
                        r.method.c_str(), s);
        }
    }
    // The worst case for the analytic method: everyone indistinguishable from everyone.
    {
        const int n = 10000;
        std::vector<RankEntry> crowd;
        for (int i = 0; i < n; ++i)
            crowd.push_back({"C" + std::to_string(i), 3.0 + 1e-5 * i, 0.1});
        for (const int draws : {1000, 4000}) {
            RankOptions options;
            options.topK = 10;
            options.draws = draws;
            Ranking r;
            const double s = medianSeconds(runs, [&] { r = rankEnterprises(crowd, options); });
            std::printf("%-44s %8d %6d %12s %10.4f  (%d draws)\n", "all overlapping (Monte Carlo fallback)",
                        n, 10, r.method.c_str(), s, r.draws);
        }
    }
    // Accuracy of the probabilities at n = 10,000 against a long plain simulation of all enterprises.
    {
        const auto entries = industry(10000, 42);
        RankOptions options;
        options.topK = 10;
        const Ranking r = rankEnterprises(entries, options);
        const int draws = quick ? 20000 : 100000;
        const auto sim = topKBySimulation(entries, 10, false, draws, 7);
        double worst = 0, sum = 0;
        for (const RankedEnterprise& e : r.order) {
            worst = std::max(worst, std::abs(e.probabilityTopK - sim[e.entry]));
            sum += e.probabilityTopK;
        }
        std::printf(
            "\nn = 10000, k = 10 (%s, %zu candidates, pruned bound %.1g): max |P − simulation (%d draws)| "
            "= %.4f; standard error of the simulation ≤ %.4f, of the method's own draws ≤ %.4f; Σ P = %.6f\n",
            r.method.c_str(), r.candidates, r.prunedBound, draws, worst, 0.5 / std::sqrt(double(draws)),
            r.draws ? 0.5 / std::sqrt(double(r.draws)) : 0.0, sum);
    }
    return 0;
}
