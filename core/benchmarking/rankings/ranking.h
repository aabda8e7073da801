#pragma once
// Ranking enterprises of one industry by an indicator with uncertainty (docs/benchmarking.md,
// "Rankings"). Each value is taken as normal (value, σ), enterprises independent of each other.
// For each enterprise: its place by value, its probability of being among the best k, the rank
// range it could plausibly hold, and the others it cannot be told apart from.
//
// Top-k probabilities, analytic (the default): P_i = ∫ φ_i(x) · P(fewer than k others below x) dx.
// Given x, the count of others below it is Poisson-binomial; only "contenders" — enterprises whose
// ±8.5σ interval overlaps i's — are uncertain, those entirely below count as certainly better. So an
// enterprise with k or more certainly-better others has P = 0 and one with too few contenders to be
// pushed out has P = 1, both in O(log n) after sorting; the rest (the crowd near the k-th place)
// integrate a truncated Poisson-binomial DP (O(m·k) for m contenders) over x by adaptive Simpson in
// the variable u = Φ((x − μ_i)/σ_i). Total O(n log n + Σ_candidates m·k·evaluations). When that
// estimate exceeds a budget (everyone overlapping everyone), Monte Carlo takes over: a fixed number
// of draws, each O(n) with nth_element, so O(draws · n) whatever the data.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace shuiheng::benchmarking {

struct RankEntry {
    std::string id;
    double value = 0;
    double sigma = 0;
};

struct RankOptions {
    int topK = 3;
    bool higherIsBetter = false;
    double alpha = 0.05;     ///< two-sided level for "cannot be told apart"
    double workBudget = 3e8; ///< analytic work (DP steps) above which Monte Carlo is used
    int draws = 4000;        ///< Monte Carlo draws when it is used
    std::uint64_t seed = 20240601;
    bool forceMonteCarlo = false; ///< for comparisons
    std::size_t maxTiesListed = 50;
};

struct RankedEnterprise {
    std::size_t entry = 0;             ///< index into the input
    int rank = 0;                      ///< 1 = best by value
    double probabilityTopK = 0;        ///< P(among the best k)
    int bestRank = 0;                  ///< 1 + the number of others significantly better
    int worstRank = 0;                 ///< n − the number of others significantly worse
    std::size_t tiedCount = 0;         ///< others it cannot be told apart from at `alpha`
    std::vector<std::size_t> tiedWith; ///< their entry indices, nearest first, at most maxTiesListed
};

struct Ranking {
    std::vector<RankedEnterprise> order; ///< best first
    /// Neighbours in `order` (positions p, p+1) that cannot be told apart: entry indices.
    std::vector<std::pair<std::size_t, std::size_t>> adjacentTies;
    std::string method; ///< "analytic" or "monte-carlo"
    int draws = 0;      ///< Monte Carlo draws (0 for analytic)
    double analyticWork = 0;
};

/// Entries need finite values and σ ≥ 0.
Ranking rankEnterprises(const std::vector<RankEntry>& entries, const RankOptions& options);

/// P(among the best k) per entry by plain simulation (draws × n): the reference for tests.
std::vector<double> topKBySimulation(const std::vector<RankEntry>& entries, int k, bool higherIsBetter,
                                     int draws, std::uint64_t seed);

/// P(a is better than b) for independent normals.
double probabilityBetter(const RankEntry& a, const RankEntry& b, bool higherIsBetter);

} // namespace shuiheng::benchmarking
