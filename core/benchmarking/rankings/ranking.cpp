#include "benchmarking/rankings/ranking.h"

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <numeric>

namespace shuiheng::benchmarking {
namespace {

constexpr double tails = 8.5; // Φ(−8.5) ≈ 1e-17: beyond this a normal is certainly on one side

double phi(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double phiInverse(double p) {
    return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p);
}

/// xoshiro256+ and the polar method: fast, reproducible normal variates for the simulations.
class Normal {
public:
    explicit Normal(std::uint64_t seed) {
        for (auto& s : state_) {
            seed += 0x9E3779B97F4A7C15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            s = z ^ (z >> 31);
        }
    }
    double operator()() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u, v, s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        const double f = std::sqrt(-2 * std::log(s) / s);
        spare_ = v * f;
        hasSpare_ = true;
        return u * f;
    }

private:
    std::uint64_t state_[4];
    double spare_ = 0;
    bool hasSpare_ = false;

    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    double uniform() {
        const std::uint64_t result = state_[0] + state_[3];
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return static_cast<double>(result >> 11) * 0x1.0p-53;
    }
};

/// Values oriented so that lower is better.
struct Oriented {
    std::vector<double> mu, sigma;
};

Oriented orient(const std::vector<RankEntry>& entries, bool higherIsBetter) {
    Oriented o;
    for (const RankEntry& e : entries) {
        o.mu.push_back(higherIsBetter ? -e.value : e.value);
        o.sigma.push_back(e.sigma);
    }
    return o;
}

/// P(fewer than k of the contenders lie below x): a Poisson-binomial truncated at k.
class CountBelow {
public:
    CountBelow(std::vector<std::pair<double, double>> contenders, int k)
        : contenders_(std::move(contenders))
        , poly_(static_cast<std::size_t>(k)) {}

    double operator()(double x) {
        std::fill(poly_.begin(), poly_.end(), 0.0);
        poly_[0] = 1;
        const std::size_t k = poly_.size();
        for (const auto& [mu, sigma] : contenders_) {
            double p;
            if (sigma > 0) {
                const double z = (x - mu) / sigma;
                if (z < -tails)
                    continue;
                p = z > tails ? 1.0 : phi(z);
            } else {
                p = x > mu ? 1.0 : x < mu ? 0.0 : 0.5;
                if (p == 0)
                    continue;
            }
            const double q = 1 - p;
            for (std::size_t c = k - 1; c > 0; --c)
                poly_[c] = poly_[c] * q + poly_[c - 1] * p;
            poly_[0] *= q;
        }
        ++evaluations;
        return std::accumulate(poly_.begin(), poly_.end(), 0.0);
    }
    long evaluations = 0;

private:
    std::vector<std::pair<double, double>> contenders_;
    std::vector<double> poly_;
};

template <typename F>
double simpson(F& f, double a, double b, double fa, double fm, double fb, double whole, double tolerance,
               int depth) {
    const double m = 0.5 * (a + b);
    const double lm = 0.5 * (a + m), rm = 0.5 * (m + b);
    const double flm = f(lm), frm = f(rm);
    const double left = (m - a) / 6 * (fa + 4 * flm + fm);
    const double right = (b - m) / 6 * (fm + 4 * frm + fb);
    const double delta = left + right - whole;
    if (depth <= 0 || std::abs(delta) <= 15 * tolerance)
        return left + right + delta / 15;
    return simpson(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) +
           simpson(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
}

/// ∫₀¹ g(μ + σ Φ⁻¹(u)) du by adaptive Simpson over 16 panels.
double integrateOverOwnDistribution(CountBelow& g, double mu, double sigma, double tolerance) {
    if (!(sigma > 0))
        return g(mu);
    auto f = [&](double u) {
        const double t = u <= 0 ? -tails : u >= 1 ? tails : std::clamp(phiInverse(u), -tails, tails);
        return g(mu + sigma * t);
    };
    constexpr int panels = 16;
    double total = 0;
    double fa = f(0);
    for (int p = 0; p < panels; ++p) {
        const double a = double(p) / panels, b = double(p + 1) / panels;
        const double fm = f(0.5 * (a + b)), fb = f(b);
        const double whole = (b - a) / 6 * (fa + 4 * fm + fb);
        total += simpson(f, a, b, fa, fm, fb, whole, tolerance / panels, 30);
        fa = fb;
    }
    return std::clamp(total, 0.0, 1.0);
}

std::vector<double> simulate(const Oriented& o, int k, int draws, std::uint64_t seed) {
    const std::size_t n = o.mu.size();
    std::vector<double> hits(n, 0.0);
    if (static_cast<std::size_t>(k) >= n) {
        std::fill(hits.begin(), hits.end(), 1.0);
        return hits;
    }
    Normal normal(seed);
    std::vector<double> x(n), scratch(n);
    const auto kk = static_cast<std::ptrdiff_t>(k);
    for (int d = 0; d < draws; ++d) {
        for (std::size_t i = 0; i < n; ++i)
            x[i] = o.mu[i] + o.sigma[i] * normal();
        scratch = x;
        std::nth_element(scratch.begin(), scratch.begin() + (kk - 1), scratch.end());
        const double threshold = scratch[static_cast<std::size_t>(kk - 1)];
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] <= threshold)
                hits[i] += 1;
    }
    for (double& h : hits)
        h /= draws;
    return hits;
}

} // namespace

double probabilityBetter(const RankEntry& a, const RankEntry& b, bool higherIsBetter) {
    const double s = std::hypot(a.sigma, b.sigma);
    const double margin = higherIsBetter ? a.value - b.value : b.value - a.value;
    if (!(s > 0))
        return margin > 0 ? 1.0 : margin < 0 ? 0.0 : 0.5;
    return phi(margin / s);
}

std::vector<double> topKBySimulation(const std::vector<RankEntry>& entries, int k, bool higherIsBetter,
                                     int draws, std::uint64_t seed) {
    return simulate(orient(entries, higherIsBetter), k, draws, seed);
}

Ranking rankEnterprises(const std::vector<RankEntry>& entries, const RankOptions& options) {
    Ranking out;
    const std::size_t n = entries.size();
    if (n == 0)
        return out;
    const Oriented o = orient(entries, options.higherIsBetter);
    const int k = std::max(1, options.topK);

    std::vector<std::size_t> byValue(n);
    std::iota(byValue.begin(), byValue.end(), 0);
    std::stable_sort(byValue.begin(), byValue.end(),
                     [&](std::size_t a, std::size_t b) { return o.mu[a] < o.mu[b]; });

    // Top-k probabilities.
    std::vector<double> lo(n), hi(n);
    for (std::size_t i = 0; i < n; ++i) {
        lo[i] = o.mu[i] - tails * o.sigma[i];
        hi[i] = o.mu[i] + tails * o.sigma[i];
    }
    std::vector<double> hiSorted = hi, loSorted = lo;
    std::sort(hiSorted.begin(), hiSorted.end());
    std::sort(loSorted.begin(), loSorted.end());
    std::vector<double> probability(n, 0.0);
    struct Candidate {
        std::size_t i;
        int kLeft;
    };
    std::vector<Candidate> candidates;
    double work = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<std::size_t>(k) >= n) {
            probability[i] = 1;
            continue;
        }
        // Others certainly below i's whole range, and others certainly above it.
        const auto below = static_cast<std::size_t>(
            std::lower_bound(hiSorted.begin(), hiSorted.end(), lo[i]) - hiSorted.begin());
        const auto above = static_cast<std::size_t>(
            loSorted.end() - std::upper_bound(loSorted.begin(), loSorted.end(), hi[i]));
        if (below >= static_cast<std::size_t>(k))
            continue; // P = 0
        const std::size_t contenders = n - 1 - below - above;
        const int kLeft = k - static_cast<int>(below);
        if (contenders < static_cast<std::size_t>(kLeft)) {
            probability[i] = 1;
            continue;
        }
        candidates.push_back({i, kLeft});
        work += static_cast<double>(contenders) * kLeft * 200 + static_cast<double>(n);
    }
    out.analyticWork = work;
    if (options.forceMonteCarlo || work > options.workBudget) {
        out.method = "monte-carlo";
        out.draws = options.draws;
        probability = simulate(o, k, options.draws, options.seed);
    } else {
        out.method = "analytic";
        // Contenders of i: lo_j ≤ hi_i and hi_j ≥ lo_i; walk the entries in order of lo.
        std::vector<std::size_t> byLo(n);
        std::iota(byLo.begin(), byLo.end(), 0);
        std::sort(byLo.begin(), byLo.end(), [&](std::size_t a, std::size_t b) { return lo[a] < lo[b]; });
        for (const Candidate& c : candidates) {
            std::vector<std::pair<double, double>> contenders;
            for (std::size_t j : byLo) {
                if (lo[j] > hi[c.i])
                    break;
                if (j != c.i && hi[j] >= lo[c.i])
                    contenders.push_back({o.mu[j], o.sigma[j]});
            }
            CountBelow g(std::move(contenders), c.kLeft);
            probability[c.i] = integrateOverOwnDistribution(g, o.mu[c.i], o.sigma[c.i], 1e-7);
        }
    }

    // Ties and rank ranges: a sweep over the sorted values within the widest possible window.
    const double z = phiInverse(1 - options.alpha / 2);
    const double sigmaMax = *std::max_element(o.sigma.begin(), o.sigma.end());
    auto tied = [&](std::size_t a, std::size_t b) {
        return std::abs(o.mu[a] - o.mu[b]) <= z * std::hypot(o.sigma[a], o.sigma[b]);
    };
    out.order.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t i = byValue[p];
        RankedEnterprise& r = out.order[p];
        r.entry = i;
        r.rank = static_cast<int>(p) + 1;
        r.probabilityTopK = probability[i];
        const double window = z * (o.sigma[i] + sigmaMax);
        std::size_t better = 0, worse = 0;
        std::vector<std::pair<double, std::size_t>> ties;
        std::size_t q = p;
        while (q > 0 && o.mu[i] - o.mu[byValue[q - 1]] <= window) {
            --q;
            if (tied(i, byValue[q]))
                ties.push_back({o.mu[i] - o.mu[byValue[q]], byValue[q]});
            else
                ++better;
        }
        better += q; // everything before the window is significantly better
        q = p + 1;
        while (q < n && o.mu[byValue[q]] - o.mu[i] <= window) {
            if (tied(i, byValue[q]))
                ties.push_back({o.mu[byValue[q]] - o.mu[i], byValue[q]});
            else
                ++worse;
            ++q;
        }
        worse += n - q;
        r.bestRank = static_cast<int>(better) + 1;
        r.worstRank = static_cast<int>(n - worse);
        r.tiedCount = ties.size();
        std::sort(ties.begin(), ties.end());
        for (std::size_t t = 0; t < ties.size() && t < options.maxTiesListed; ++t)
            r.tiedWith.push_back(ties[t].second);
    }
    for (std::size_t p = 0; p + 1 < n; ++p)
        if (tied(byValue[p], byValue[p + 1]))
            out.adjacentTies.push_back({byValue[p], byValue[p + 1]});
    return out;
}

} // namespace shuiheng::benchmarking
