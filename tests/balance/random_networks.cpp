#include "random_networks.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace shuiheng::balance::test {

double uniform01(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double standardNormal(std::mt19937_64& rng) {
    // Box–Muller with u1 in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - uniform01(rng);
    const double u2 = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

namespace {

class Builder {
public:
    Builder(std::uint64_t seed, const PlantShape& shape)
        : rng_(seed)
        , shape_(shape) {}

    GeneratedNetwork build() {
        buildStructure();
        assignTrueFlows();
        return measureAndShuffle();
    }

private:
    struct Edge {
        int from;
        int to;
        bool loop; ///< part of a circulation loop (not used by the through-flow paths)
    };

    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(rng_); }
    bool chance(double p) { return uniform01(rng_) < p; }
    int pick(int lo, int hi) { // uniform integer in [lo, hi]
        return lo + static_cast<int>(uniform01(rng_) * (hi - lo + 1));
    }
    /// A positive flow in multiples of 1/4 (so sums of flows are exact in double), times a power
    /// of two when the flows are to spread over decades.
    double quarterFlow(double lo, double hi) {
        const double flow = std::round(uniform(lo, hi) * 4.0) / 4.0;
        if (shape_.flowDecades <= 0)
            return flow;
        return std::ldexp(
            flow, pick(0, static_cast<int>(shape_.flowDecades * std::numbers::ln10 * std::numbers::log2e)));
    }

    bool done() const {
        if (shape_.edgeTarget > 0)
            return edges_.size() >= shape_.edgeTarget;
        return unitCount_ >= shape_.nodeCount;
    }

    void addEdge(int from, int to, bool loop) { edges_.push_back({from, to, loop}); }

    void buildStructure() {
        // Workshops of 2–8 units, each a cascade: the first unit takes water from the
        // environment, later ones from an intake or from earlier units of the workshop.
        int previousWorkshopLast = -1;
        while (!done()) {
            int size = pick(2, 8);
            if (shape_.edgeTarget == 0)
                size = std::min(size, shape_.nodeCount - unitCount_);
            const int first = unitCount_;
            unitCount_ += size;
            for (int i = first; i < first + size; ++i) {
                const bool intake = i == first || chance(0.3);
                if (intake) {
                    addEdge(environment, i, false);
                    if (chance(0.05))
                        addEdge(environment, i, false); // a second, parallel intake
                }
                if (i > first && (!intake || chance(0.3)))
                    addEdge(pick(std::max(first, i - 4), i - 1), i, false);
                if (i > first + 1 && chance(0.15))
                    addEdge(pick(first, i - 2), i, false);
                if (i == first && previousWorkshopLast >= 0 && chance(0.3))
                    addEdge(previousWorkshopLast, i, false); // reuse across workshops
            }
            previousWorkshopLast = first + size - 1;
            // Circulation: own recycle loops, recycle pairs, now and then a three-unit loop.
            for (int i = first; i < first + size; ++i) {
                if (chance(0.15))
                    addEdge(i, i, true);
                if (size >= 2 && chance(0.1)) {
                    int j = pick(first, first + size - 1);
                    if (j == i)
                        j = i == first ? i + 1 : first;
                    addEdge(i, j, true);
                    addEdge(j, i, true);
                }
            }
            if (size >= 3 && chance(0.1)) {
                addEdge(first, first + 1, true);
                addEdge(first + 1, first + 2, true);
                addEdge(first + 2, first, true);
            }
        }
        // Every unit needs a way out: discharge (sometimes a second sink: consumption).
        std::vector<bool> hasOut(unitCount_, false);
        for (const Edge& e : edges_)
            if (!e.loop && e.from >= 0)
                hasOut[e.from] = true;
        for (int i = 0; i < unitCount_; ++i) {
            if (!hasOut[i] || chance(0.4))
                addEdge(i, environment, false);
            if (chance(0.1))
                addEdge(i, environment, false);
        }
    }

    void assignTrueFlows() {
        truth_.assign(edges_.size(), 0.0);
        std::vector<std::vector<std::size_t>> in(unitCount_), out(unitCount_);
        for (std::size_t k = 0; k < edges_.size(); ++k) {
            const Edge& e = edges_[k];
            if (e.loop)
                continue;
            if (e.to >= 0)
                in[e.to].push_back(k);
            if (e.from >= 0)
                out[e.from].push_back(k);
        }
        // Through-flow: one environment-to-environment path through every path edge, walking
        // back along inflows and forward along outflows (edges only go to later units, so the
        // walks end at the environment).
        for (std::size_t k = 0; k < edges_.size(); ++k) {
            if (edges_[k].loop)
                continue;
            const double amount = quarterFlow(0.25, 100.0);
            std::vector<std::size_t> path{k};
            for (int node = edges_[k].from; node != environment;) {
                const std::size_t step = in[node][pick(0, static_cast<int>(in[node].size()) - 1)];
                path.push_back(step);
                node = edges_[step].from;
            }
            for (int node = edges_[k].to; node != environment;) {
                const std::size_t step = out[node][pick(0, static_cast<int>(out[node].size()) - 1)];
                path.push_back(step);
                node = edges_[step].to;
            }
            for (std::size_t step : path)
                truth_[step] += amount;
        }
        // Circulation: loops are added in consecutive runs (1, 2 or 3 edges that close on
        // themselves); each run carries one circulating flow.
        for (std::size_t k = 0; k < edges_.size();) {
            if (!edges_[k].loop) {
                ++k;
                continue;
            }
            const int start = edges_[k].from;
            std::size_t end = k;
            while (edges_[end].to != start)
                ++end;
            const double amount = quarterFlow(5.0, 2000.0);
            for (std::size_t j = k; j <= end; ++j)
                truth_[j] = amount;
            k = end + 1;
        }
    }

    GeneratedNetwork measureAndShuffle() {
        GeneratedNetwork result;
        // Shuffle node labels and edge order.
        std::vector<int> label(unitCount_);
        std::iota(label.begin(), label.end(), 0);
        for (int i = unitCount_ - 1; i > 0; --i)
            std::swap(label[i], label[pick(0, i)]);
        std::vector<std::size_t> order(edges_.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[static_cast<std::size_t>(pick(0, static_cast<int>(i) - 1))]);

        // Which recycle loops stay wholly unmeasured when asked for one.
        std::vector<bool> forcedUnmeasured(edges_.size(), false);
        if (shape_.forceUnobservableLoop) {
            for (std::size_t k = 0; k < edges_.size(); ++k)
                if (edges_[k].loop) {
                    for (std::size_t j = k; j < edges_.size() && edges_[j].loop; ++j) {
                        forcedUnmeasured[j] = true;
                        if (edges_[j].to == edges_[k].from)
                            break;
                    }
                    break;
                }
        }

        result.network.nodeCount = unitCount_;
        for (std::size_t k : order) {
            const Edge& e = edges_[k];
            NetworkEdge edge;
            edge.from = e.from == environment ? environment : label[e.from];
            edge.to = e.to == environment ? environment : label[e.to];
            const double flow = truth_[k];
            if (!forcedUnmeasured[k] && !chance(shape_.unmeasuredShare)) {
                if (chance(shape_.exactShare)) {
                    edge.measured = flow;
                    edge.sigma = 0;
                } else {
                    edge.sigma = flow * uniform(shape_.relativeSigmaMin, shape_.relativeSigmaMax);
                    edge.measured = flow + edge.sigma * standardNormal(rng_);
                }
            }
            result.network.edges.push_back(edge);
            result.truth.push_back(flow);
        }
        return result;
    }

    std::mt19937_64 rng_;
    PlantShape shape_;
    int unitCount_ = 0;
    std::vector<Edge> edges_;
    std::vector<double> truth_;
};

} // namespace

GeneratedNetwork generatePlant(std::uint64_t seed, const PlantShape& shape) {
    return Builder(seed, shape).build();
}

GeneratedNetwork randomPlant(std::uint64_t seed) {
    std::mt19937_64 rng(seed ^ 0x5348554948454e47ULL); // "SHUIHENG"
    PlantShape shape;
    shape.nodeCount = 3 + static_cast<int>(uniform01(rng) * 58);
    shape.unmeasuredShare = 0.2 + 0.2 * uniform01(rng);
    shape.exactShare = uniform01(rng) < 1.0 / 6.0 ? 0.1 : 0.0;
    shape.forceUnobservableLoop = uniform01(rng) < 0.3;
    return generatePlant(seed, shape);
}

GeneratedNetwork largePlant(std::uint64_t seed, std::size_t streamCount) {
    PlantShape shape;
    shape.edgeTarget = streamCount;
    shape.unmeasuredShare = 0.3;
    shape.exactShare = 0.01;
    return generatePlant(seed, shape);
}

FlowNetwork remeasure(const GeneratedNetwork& plant, std::mt19937_64& rng) {
    FlowNetwork network = plant.network;
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        NetworkEdge& e = network.edges[k];
        if (e.measured && e.sigma > 0)
            e.measured = plant.truth[k] + e.sigma * standardNormal(rng);
    }
    return network;
}

} // namespace shuiheng::balance::test
