#pragma once
// Ranking enterprises of one industry by an indicator with uncertainty (docs/benchmarking.md,
// "Rankings"). Each value is taken as normal (value, σ), enterprises independent of each other.
// For each enterprise: its place by value, its probability of being among the best k, the rank
// range it could plausibly hold, and the others it cannot be told apart from.
//
// Top-k probabilities in three steps (docs/benchmarking.md explains the choice):
// 1. Pruning, O(n·k): i can only be among the best k if it beats one of the k best others, so
//    P_i ≤ Σ_{j among the k best others} P(X_i < X_j). Where that union bound is below 10⁻⁸, P_i is
//    taken as 0; the sum of these bounds (reported) bounds the chance that any pruned enterprise is
//    in the top k at all. What is left are the candidates — in a real industry a few dozen to a few
//    thousand of 10,000 — and only they can push each other out of the top k.
// 2a. Analytic, when the candidates are few (estimated work m²·k under a budget):
//    P_i = ∫ φ_i(x) · P(fewer than k other candidates below x) dx, the count being Poisson-binomial
//    (a DP truncated at k); pairs whose order is certain to within an error budget of 10⁻⁷ are settled
//    beforehand (a coupling bound), and the integral is adaptive Gauss–Kronrod in u = Φ((x − μ_i)/σ_i).
// 2b. Monte Carlo otherwise: a fixed number of draws of the candidates only, the k-th smallest by
//    nth_element, O(draws · m): standard error ≤ 0.5/√draws whatever the data.
// 3. Ties and rank ranges by σ classes and binary searches (see rankEnterprises).

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
    std::string method;         ///< "analytic" or "monte-carlo"
    int draws = 0;              ///< Monte Carlo draws (0 for analytic)
    std::size_t candidates = 0; ///< enterprises whose top-k probability was worked out
    double prunedBound = 0;  ///< Σ of the union bounds of the others: P(any of them in the top k) ≤ this
    double analyticWork = 0; ///< the estimate that chose the method
};

/// Entries need finite values and σ ≥ 0.
Ranking rankEnterprises(const std::vector<RankEntry>& entries, const RankOptions& options);

/// P(among the best k) per entry by plain simulation (draws × n): the reference for tests.
std::vector<double> topKBySimulation(const std::vector<RankEntry>& entries, int k, bool higherIsBetter,
                                     int draws, std::uint64_t seed);

/// P(a is better than b) for independent normals.
double probabilityBetter(const RankEntry& a, const RankEntry& b, bool higherIsBetter);

} // namespace shuiheng::benchmarking
