#include "benchmarking/rankings/ranking.h"

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace shuiheng::benchmarking {
namespace {

constexpr double tails = 6.5;         // Φ(−6.5) ≈ 4e-11: beyond this a normal is taken to be on one side
constexpr double negligible = 1e-8;   // P_i below this (by a union bound) is reported as 0
constexpr double settleBudget = 1e-7; // error allowed per enterprise for settling near-certain pairs
constexpr double integrationTolerance = 1e-7;

double phi(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double phiInverse(double p) {
    return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p);
}

/// xoshiro256+ and Marsaglia & Tsang's ziggurat (128 layers): fast, reproducible normal variates
/// for the simulations (a few ns each; the draws are what Monte Carlo spends its time on).
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
        const double m1 = 2147483648.0, vn = 9.91256303526217e-3;
        double dn = 3.442619855899, tn = dn;
        const double q = vn / std::exp(-0.5 * dn * dn);
        kn_[0] = static_cast<std::uint32_t>((dn / q) * m1);
        kn_[1] = 0;
        wn_[0] = q / m1;
        wn_[127] = dn / m1;
        fn_[0] = 1.0;
        fn_[127] = std::exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; --i) {
            dn = std::sqrt(-2 * std::log(vn / dn + std::exp(-0.5 * dn * dn)));
            kn_[i + 1] = static_cast<std::uint32_t>((dn / tn) * m1);
            tn = dn;
            fn_[i] = std::exp(-0.5 * dn * dn);
            wn_[i] = dn / m1;
        }
    }

    double operator()() {
        const auto hz = static_cast<std::int32_t>(static_cast<std::uint32_t>(next() >> 32));
        const std::uint32_t iz = static_cast<std::uint32_t>(hz) & 127u;
        if (magnitude(hz) < kn_[iz])
            return hz * wn_[iz];
        return tail(hz, iz);
    }

private:
    std::uint64_t state_[4];
    std::uint32_t kn_[128];
    double wn_[128], fn_[128];

    static std::uint32_t magnitude(std::int32_t v) {
        return static_cast<std::uint32_t>(v < 0 ? -static_cast<std::int64_t>(v) : v);
    }
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t next() {
        const std::uint64_t result = state_[0] + state_[3];
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

    double tail(std::int32_t hz, std::uint32_t iz) {
        constexpr double r = 3.442620;
        for (;;) {
            const double x = hz * wn_[iz];
            if (iz == 0) {
                double xt, y;
                do {
                    xt = -std::log(uniform()) * 0.2904764;
                    y = -std::log(uniform());
                } while (y + y < xt * xt);
                return hz > 0 ? r + xt : -r - xt;
            }
            if (fn_[iz] + uniform() * (fn_[iz - 1] - fn_[iz]) < std::exp(-0.5 * x * x))
                return x;
            hz = static_cast<std::int32_t>(static_cast<std::uint32_t>(next() >> 32));
            iz = static_cast<std::uint32_t>(hz) & 127u;
            if (magnitude(hz) < kn_[iz])
                return hz * wn_[iz];
        }
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

/// P(fewer than k of the contenders lie below x): a Poisson-binomial truncated at k. Contenders more
/// than `tails` σ away from x are certain (below: shift the count; above: skip), so only those near
/// x cost a normal CDF and a DP step.
class CountBelow {
public:
    CountBelow(std::vector<std::pair<double, double>> contenders, int k)
        : contenders_(std::move(contenders))
        , poly_(static_cast<std::size_t>(k)) {}

    double operator()(double x) {
        std::fill(poly_.begin(), poly_.end(), 0.0);
        poly_[0] = 1;
        const std::size_t k = poly_.size();
        std::size_t below = 0;
        for (const auto& [mu, sigma] : contenders_) {
            double p;
            if (sigma > 0) {
                const double z = (x - mu) / sigma;
                if (z < -tails)
                    continue;
                if (z > tails) {
                    if (++below >= k)
                        return 0;
                    continue;
                }
                p = phi(z);
            } else {
                if (x < mu)
                    continue;
                if (x > mu) {
                    if (++below >= k)
                        return 0;
                    continue;
                }
                p = 0.5;
            }
            const double q = 1 - p;
            for (std::size_t c = k - 1; c > 0; --c)
                poly_[c] = poly_[c] * q + poly_[c - 1] * p;
            poly_[0] *= q;
        }
        return std::accumulate(poly_.begin(), poly_.begin() + static_cast<std::ptrdiff_t>(k - below), 0.0);
    }

private:
    std::vector<std::pair<double, double>> contenders_;
    std::vector<double> poly_;
};

/// ∫₀¹ g(μ + σ Φ⁻¹(u)) du: adaptive Gauss–Kronrod (7/15 points). Boost's tolerance is relative to
/// the integral, so 1 + g is integrated: an absolute tolerance on P.
double integrateOverOwnDistribution(CountBelow& g, double mu, double sigma, double tolerance) {
    if (!(sigma > 0))
        return g(mu);
    auto f = [&](double u) {
        const double t = u <= 0 ? -tails : u >= 1 ? tails : std::clamp(phiInverse(u), -tails, tails);
        return 1.0 + g(mu + sigma * t);
    };
    const double total =
        boost::math::quadrature::gauss_kronrod<double, 15>::integrate(f, 0.0, 1.0, 15, tolerance);
    return std::clamp(total - 1.0, 0.0, 1.0);
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
    const auto kk = static_cast<std::size_t>(k);
    auto pBetter = [&](std::size_t j, std::size_t i) { // P(X_j < X_i)
        const double s2 = o.sigma[i] * o.sigma[i] + o.sigma[j] * o.sigma[j];
        if (s2 > 0)
            return phi((o.mu[i] - o.mu[j]) / std::sqrt(s2));
        return o.mu[j] < o.mu[i] ? 1.0 : o.mu[j] > o.mu[i] ? 0.0 : 0.5;
    };

    std::vector<std::size_t> byValue(n);
    std::iota(byValue.begin(), byValue.end(), 0);
    std::stable_sort(byValue.begin(), byValue.end(),
                     [&](std::size_t a, std::size_t b) { return o.mu[a] < o.mu[b]; });

    // 1. Candidates. i is in the top k only if it beats one of the k best others, so
    //    P_i ≤ Σ_{j among the k best others} P(X_i < X_j): O(k) per enterprise.
    std::vector<double> probability(n, 0.0);
    std::vector<std::size_t> candidates;
    if (kk >= n) {
        std::fill(probability.begin(), probability.end(), 1.0);
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            double bound = 0;
            std::size_t counted = 0;
            for (std::size_t q = 0; q <= kk && counted < kk; ++q) {
                const std::size_t j = byValue[q];
                if (j == i)
                    continue;
                ++counted;
                bound += pBetter(i, j);
            }
            if (bound < negligible)
                out.prunedBound += bound;
            else
                candidates.push_back(i);
        }
    }
    out.candidates = candidates.size();

    // 2. Their probabilities. Only candidates can be in the top k (but with probability ≤ prunedBound),
    //    so they are the only contenders too.
    const double m = static_cast<double>(candidates.size());
    out.analyticWork = m * m * (k + 4) * 120;
    if (candidates.size() <= kk) {
        for (std::size_t i : candidates)
            probability[i] = 1;
        out.method = "analytic";
    } else if (!options.forceMonteCarlo && out.analyticWork <= options.workBudget) {
        out.method = "analytic";
        std::vector<std::pair<double, std::size_t>> others;
        for (std::size_t i : candidates) {
            others.clear();
            for (std::size_t j : candidates)
                if (j != i)
                    others.push_back({pBetter(j, i), j});
            // Settle the nearly certain pairs within an error budget: making j never (always) better
            // than i changes P_i by at most P(j better) (P(j not better)); pairs are settled in order
            // of that probability while their sum stays under the budget (a coupling bound).
            std::sort(others.begin(), others.end());
            std::size_t first = 0, last = others.size();
            int kLeft = k;
            for (double spent = 0; first < last && spent + others[first].first <= settleBudget / 2; ++first)
                spent += others[first].first;
            for (double spent = 0; last > first && spent + (1 - others[last - 1].first) <= settleBudget / 2;
                 --last) {
                spent += 1 - others[last - 1].first;
                --kLeft;
            }
            if (kLeft <= 0)
                continue; // P = 0
            if (last - first < static_cast<std::size_t>(kLeft)) {
                probability[i] = 1;
                continue;
            }
            std::vector<std::pair<double, double>> contenders;
            for (std::size_t t = first; t < last; ++t)
                contenders.push_back({o.mu[others[t].second], o.sigma[others[t].second]});
            CountBelow g(std::move(contenders), kLeft);
            probability[i] = integrateOverOwnDistribution(g, o.mu[i], o.sigma[i], integrationTolerance);
        }
    } else {
        out.method = "monte-carlo";
        out.draws = options.draws;
        Oriented sub;
        for (std::size_t i : candidates) {
            sub.mu.push_back(o.mu[i]);
            sub.sigma.push_back(o.sigma[i]);
        }
        const std::vector<double> hits = simulate(sub, k, options.draws, options.seed);
        for (std::size_t c = 0; c < candidates.size(); ++c)
            probability[candidates[c]] = hits[c];
    }

    // 3. Ties and rank ranges. Others are grouped in classes of σ within a factor of two; in each
    //    class, sorted by value, only those within z·√(σ_i² + σ_class,max²) of i can be tied with it
    //    (two binary searches), and everything below or above that window is significantly better or
    //    worse. Cost O(n · classes · log n) plus a branch-free pass over the pairs in the windows.
    const double z = phiInverse(1 - options.alpha / 2);
    const double z2 = z * z;
    struct SigmaClass {
        double sigmaMax = 0;
        std::vector<double> mu, variance;
        std::vector<std::size_t> entry;
    };
    std::map<int, SigmaClass> classes;
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t j = byValue[p];
        const int key = o.sigma[j] > 0 ? std::ilogb(o.sigma[j]) : std::numeric_limits<int>::min();
        SigmaClass& c = classes[key];
        c.sigmaMax = std::max(c.sigmaMax, o.sigma[j]);
        c.mu.push_back(o.mu[j]);
        c.variance.push_back(o.sigma[j] * o.sigma[j]);
        c.entry.push_back(j);
    }
    auto tiedIn = [&](const SigmaClass& c, std::size_t from, std::size_t to, double mu, double variance) {
        std::size_t count = 0;
        for (std::size_t t = from; t < to; ++t) {
            const double d = c.mu[t] - mu;
            count += d * d <= z2 * (variance + c.variance[t]) ? 1 : 0;
        }
        return count;
    };
    out.order.resize(n);
    std::vector<std::pair<double, std::size_t>> nearest;
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t i = byValue[p];
        const double mu = o.mu[i], variance = o.sigma[i] * o.sigma[i];
        RankedEnterprise& r = out.order[p];
        r.entry = i;
        r.rank = static_cast<int>(p) + 1;
        r.probabilityTopK = probability[i];
        std::size_t better = 0, worse = 0, ties = 0;
        nearest.clear();
        for (const auto& [key, c] : classes) {
            const double window = z * std::sqrt(variance + c.sigmaMax * c.sigmaMax);
            const auto begin = c.mu.begin();
            const auto a = static_cast<std::size_t>(std::lower_bound(begin, c.mu.end(), mu - window) - begin);
            const auto mid = static_cast<std::size_t>(std::lower_bound(begin, c.mu.end(), mu) - begin);
            const auto b = static_cast<std::size_t>(std::upper_bound(begin, c.mu.end(), mu + window) - begin);
            const std::size_t below = tiedIn(c, a, mid, mu, variance),
                              above = tiedIn(c, mid, b, mu, variance);
            better += a + (mid - a - below);
            worse += (c.mu.size() - b) + (b - mid - above);
            ties += below + above;
            // The nearest tied ones of this class, walking outwards from i's value.
            std::size_t down = mid, up = mid, found = 0;
            while (found < options.maxTiesListed && (down > a || up < b)) {
                const bool takeDown = down > a && (up >= b || mu - c.mu[down - 1] <= c.mu[up] - mu);
                const std::size_t t = takeDown ? --down : up++;
                const double d = c.mu[t] - mu;
                if (c.entry[t] != i && d * d <= z2 * (variance + c.variance[t])) {
                    nearest.push_back({std::abs(d), c.entry[t]});
                    ++found;
                }
            }
        }
        // i itself sits in its own class, counted as tied (d = 0) and as neither better nor worse.
        r.tiedCount = ties - 1;
        r.bestRank = static_cast<int>(better) + 1;
        r.worstRank = static_cast<int>(n - worse);
        const std::size_t listed = std::min(nearest.size(), options.maxTiesListed);
        std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(listed),
                          nearest.end());
        for (std::size_t t = 0; t < listed; ++t)
            r.tiedWith.push_back(nearest[t].second);
    }
    auto tied = [&](std::size_t a, std::size_t b) {
        const double d = o.mu[a] - o.mu[b];
        return d * d <= z2 * (o.sigma[a] * o.sigma[a] + o.sigma[b] * o.sigma[b]);
    };
    for (std::size_t p = 0; p + 1 < n; ++p)
        if (tied(byValue[p], byValue[p + 1]))
            out.adjacentTies.push_back({byValue[p], byValue[p + 1]});
    return out;
}

} // namespace shuiheng::benchmarking
