#include "compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

namespace shuiheng::balance::test {

namespace {

const char* name(FlowStatus s) {
    switch (s) {
    case FlowStatus::Redundant:
        return "Redundant";
    case FlowStatus::Nonredundant:
        return "Nonredundant";
    case FlowStatus::Observable:
        return "Observable";
    case FlowStatus::Unobservable:
        return "Unobservable";
    }
    return "?";
}

std::string number(double x) {
    std::ostringstream out;
    out.precision(17);
    out << x;
    return out.str();
}

std::string optionalNumber(const std::optional<double>& x) {
    return x ? number(*x) : std::string("none");
}

double relative(double a, double b, double floor) {
    const double denominator = std::max({std::abs(a), std::abs(b), floor});
    return denominator > 0 ? std::abs(a - b) / denominator : 0.0;
}

std::vector<Contradiction> sorted(std::vector<Contradiction> list) {
    for (Contradiction& c : list)
        std::sort(c.nodes.begin(), c.nodes.end());
    std::sort(list.begin(), list.end(),
              [](const Contradiction& a, const Contradiction& b) { return a.nodes < b.nodes; });
    return list;
}

int vertexOf(const FlowNetwork& network, int node) {
    return node == environment ? network.nodeCount : node;
}

struct Groups {
    explicit Groups(int n)
        : parent(static_cast<std::size_t>(n)) {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int a) {
        while (parent[a] != a)
            a = parent[a] = parent[parent[a]];
        return a;
    }
    void unite(int a, int b) { parent[find(a)] = find(b); }
    std::vector<int> parent;
};

} // namespace

void Deviation::merge(const Deviation& other) {
    value = std::max(value, other.value);
    sigma = std::max(sigma, other.sigma);
    z = std::max(z, other.z);
    global = std::max(global, other.global);
}

namespace {

std::vector<std::string> compareWithFloors(const FlowNetwork& network, const ReconciliationResult& got,
                                           const ReconciliationResult& expected, double tolerance,
                                           Deviation* deviation, const std::vector<double>* priorSigma) {
    std::vector<std::string> problems;
    Deviation seen;
    auto say = [&](const std::string& line) { problems.push_back(line); };
    if (!got.failure.empty())
        say("failure: " + got.failure);
    if (got.edges.size() != network.edges.size()) {
        say("edge count " + std::to_string(got.edges.size()) + ", expected " +
            std::to_string(network.edges.size()));
        return problems;
    }
    // Floors of the relative comparisons: a millionth of the largest flow for values; for a
    // variance its prior σ² (see the header), else the measurement's own σ², or for an unmeasured
    // flow the smallest σ² of the network. A flow the balances fix completely may then show σ up
    // to 10⁻⁴ of that instead of 0 (the rounding of Σ − Σ Gᵀ V⁻¹ G Σ).
    double flowScale = 0, sigmaFloor = 0;
    for (const NetworkEdge& e : network.edges)
        if (e.measured) {
            flowScale = std::max(flowScale, std::abs(*e.measured));
            if (e.sigma > 0 && (sigmaFloor == 0 || e.sigma < sigmaFloor))
                sigmaFloor = e.sigma;
        }
    // Exact flows that contradict each other leave the balances of their group without any
    // solution: which compromise x̂ and the statistic show there is a convention (the reference
    // spreads it in least squares, an engine may drop one balance of the group). Variances do
    // not depend on it and are compared everywhere.
    const bool contradicting = !expected.contradictions.empty();
    std::set<int> contradictingNodes;
    for (const Contradiction& c : expected.contradictions)
        contradictingNodes.insert(c.nodes.begin(), c.nodes.end());

    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        const EdgeEstimate& a = got.edges[k];
        const EdgeEstimate& b = expected.edges[k];
        const std::string edge = "edge " + std::to_string(k) + ": ";
        if (a.status != b.status) {
            say(edge + "status " + name(a.status) + ", expected " + name(b.status));
            continue;
        }
        const bool compareValue = !contradictingNodes.contains(network.edges[k].from) &&
                                  !contradictingNodes.contains(network.edges[k].to);
        if (a.value.has_value() != b.value.has_value()) {
            say(edge + "value " + optionalNumber(a.value) + ", expected " + optionalNumber(b.value));
        } else if (a.value && compareValue) {
            const double e = relative(*a.value, *b.value, 1e-6 * flowScale);
            seen.value = std::max(seen.value, e);
            if (!(e <= tolerance))
                say(edge + "value " + number(*a.value) + ", expected " + number(*b.value));
        }
        if (a.sigma.has_value() != b.sigma.has_value()) {
            say(edge + "sigma " + optionalNumber(a.sigma) + ", expected " + optionalNumber(b.sigma));
        } else if (a.sigma) {
            const double floor = priorSigma                  ? std::max((*priorSigma)[k], 1e-3 * sigmaFloor)
                                 : network.edges[k].measured ? network.edges[k].sigma
                                                             : sigmaFloor;
            const double e = relative(*a.sigma * *a.sigma, *b.sigma * *b.sigma, floor * floor);
            seen.sigma = std::max(seen.sigma, e);
            if (!(e <= tolerance))
                say(edge + "sigma " + number(*a.sigma) + ", expected " + number(*b.sigma));
        }
        if (a.z.has_value() != b.z.has_value()) {
            say(edge + "z " + optionalNumber(a.z) + ", expected " + optionalNumber(b.z));
        } else if (a.z && compareValue) {
            const double e = relative(*a.z, *b.z, 1.0);
            seen.z = std::max(seen.z, e);
            if (!(e <= tolerance))
                say(edge + "z " + number(*a.z) + ", expected " + number(*b.z));
        }
    }

    auto global = [&](const char* what, double a, double b) {
        const double e = relative(a, b, 1.0);
        seen.global = std::max(seen.global, e);
        if (!(e <= tolerance))
            say(std::string(what) + " " + number(a) + ", expected " + number(b));
    };
    if (got.global.dof != expected.global.dof)
        say("dof " + std::to_string(got.global.dof) + ", expected " + std::to_string(expected.global.dof));
    if (!contradicting)
        global("statistic", got.global.statistic, expected.global.statistic);
    if (expected.global.dof > 0) {
        global("critical", got.global.critical, expected.global.critical);
        const double margin = relative(expected.global.statistic, expected.global.critical, 1.0);
        if (!contradicting && got.global.passed != expected.global.passed && margin > tolerance)
            say(std::string("passed ") + (got.global.passed ? "true" : "false") + ", expected " +
                (expected.global.passed ? "true" : "false"));
    }
    if (got.redundantCount != expected.redundantCount)
        say("redundantCount " + std::to_string(got.redundantCount) + ", expected " +
            std::to_string(expected.redundantCount));
    if (expected.redundantCount > 0)
        global("criticalZ", got.criticalZ, expected.criticalZ);

    // Contradictions as a set of (nodes, imbalance).
    const std::vector<Contradiction> gotC = sorted(got.contradictions);
    const std::vector<Contradiction> expectedC = sorted(expected.contradictions);
    if (gotC.size() != expectedC.size()) {
        say("contradictions " + std::to_string(gotC.size()) + ", expected " +
            std::to_string(expectedC.size()));
    } else {
        for (std::size_t i = 0; i < gotC.size(); ++i) {
            const Contradiction& a = gotC[i];
            const Contradiction& b = expectedC[i];
            if (a.nodes != b.nodes)
                say("contradiction " + std::to_string(i) + ": other nodes");
            if (!(relative(a.imbalance, b.imbalance, 1e-12 * flowScale) <= tolerance))
                say("contradiction " + std::to_string(i) + ": imbalance " + number(a.imbalance) +
                    ", expected " + number(b.imbalance));
        }
    }
    if (deviation)
        deviation->merge(seen);
    return problems;
}

} // namespace

std::vector<std::string> compare(const FlowNetwork& network, const ReconciliationResult& got,
                                 const ReconciliationResult& expected, double tolerance,
                                 Deviation* deviation) {
    return compareWithFloors(network, got, expected, tolerance, deviation, nullptr);
}

std::vector<std::string> compare(const FlowNetwork& network, const ReconciliationResult& got,
                                 const DenseResult& expected, double tolerance, Deviation* deviation) {
    return compareWithFloors(network, got, expected, tolerance, deviation, &expected.priorSigma);
}

namespace {

template <class Result>
std::vector<std::size_t> toObserveIn(const Result& result, std::size_t k) {
    if constexpr (requires { result.toObserve(k); }) {
        const auto set = result.toObserve(k);
        return {set.begin(), set.end()};
    } else {
        return result.edges[k].toObserve;
    }
}

} // namespace

std::vector<std::size_t> toObserveOf(const ReconciliationResult& result, std::size_t k) {
    return toObserveIn(result, k);
}

std::vector<std::string> checkToObserve(const FlowNetwork& network,
                                        const std::function<std::vector<std::size_t>(std::size_t)>& setOf,
                                        const DenseResult& expected) {
    std::vector<std::string> problems;
    // One set per block is measured; blocks share no edge, so all of them can be measured at once.
    std::map<int, std::vector<std::size_t>> blockSets;
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        const std::vector<std::size_t> set = setOf(k);
        const std::string edge = "edge " + std::to_string(k) + ": ";
        const int block = expected.loopBlock[k];
        if (block < 0) {
            if (!set.empty())
                problems.push_back(edge + "toObserve on an edge outside any loop of unmeasured flows");
            continue;
        }
        if (static_cast<int>(set.size()) != expected.loopBlockCyclomatic[k]) {
            problems.push_back(edge + "toObserve has " + std::to_string(set.size()) +
                               " edges, its block needs " + std::to_string(expected.loopBlockCyclomatic[k]));
            continue;
        }
        bool inBlock = true;
        for (std::size_t j : set)
            inBlock = inBlock && j < network.edges.size() && expected.loopBlock[j] == block;
        if (!inBlock) {
            problems.push_back(edge + "toObserve names an edge outside its loop block");
            continue;
        }
        blockSets.emplace(block, set);
    }
    std::vector<std::size_t> all;
    for (const auto& [block, set] : blockSets)
        all.insert(all.end(), set.begin(), set.end());
    if (!all.empty())
        for (std::size_t k : stillUnobservable(network, all))
            if (blockSets.contains(expected.loopBlock[k]))
                problems.push_back("edge " + std::to_string(k) +
                                   ": still unobservable once its block's toObserve " + "is measured");
    return problems;
}

std::vector<std::string> nonFinite(const ReconciliationResult& result) {
    std::vector<std::string> problems;
    auto check = [&](const std::string& what, double x) {
        if (!std::isfinite(x))
            problems.push_back(what + " = " + number(x));
    };
    for (std::size_t k = 0; k < result.edges.size(); ++k) {
        const EdgeEstimate& e = result.edges[k];
        const std::string edge = "edge " + std::to_string(k) + " ";
        if (e.value)
            check(edge + "value", *e.value);
        if (e.sigma)
            check(edge + "sigma", *e.sigma);
        if (e.z)
            check(edge + "z", *e.z);
    }
    check("statistic", result.global.statistic);
    check("critical", result.global.critical);
    check("criticalZ", result.criticalZ);
    for (const Contradiction& c : result.contradictions)
        check("contradiction imbalance", c.imbalance);
    return problems;
}

double worstImbalance(const FlowNetwork& network, const ReconciliationResult& result) {
    Groups groups(network.nodeCount + 1);
    for (std::size_t k = 0; k < network.edges.size(); ++k)
        if (!result.edges[k].value)
            groups.unite(vertexOf(network, network.edges[k].from), vertexOf(network, network.edges[k].to));
    const int env = groups.find(network.nodeCount);
    std::map<int, double> imbalance, magnitude;
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        if (!result.edges[k].value)
            continue;
        const double x = *result.edges[k].value;
        const int into = groups.find(vertexOf(network, network.edges[k].to));
        const int outOf = groups.find(vertexOf(network, network.edges[k].from));
        if (into == outOf)
            continue;
        imbalance[into] += x;
        imbalance[outOf] -= x;
        magnitude[into] += std::abs(x);
        magnitude[outOf] += std::abs(x);
    }
    double worst = 0;
    for (const auto& [group, sum] : imbalance)
        if (group != env && magnitude[group] > 0)
            worst = std::max(worst, std::abs(sum) / magnitude[group]);
    return worst;
}

FlowNetwork scaled(const FlowNetwork& network, double factor) {
    FlowNetwork result = network;
    for (NetworkEdge& e : result.edges)
        if (e.measured) {
            e.measured = *e.measured * factor;
            e.sigma *= factor;
        }
    return result;
}

std::string describe(const FlowNetwork& network) {
    std::ostringstream out;
    out.precision(17);
    out << "FlowNetwork{" << network.nodeCount << ", {\n";
    for (std::size_t k = 0; k < network.edges.size(); ++k) {
        const NetworkEdge& e = network.edges[k];
        out << "    {" << e.from << ", " << e.to << ", ";
        if (e.measured)
            out << *e.measured << ", " << e.sigma;
        else
            out << "std::nullopt, 0";
        out << "},  // " << k << "\n";
    }
    out << "}}";
    return out.str();
}

FlowNetwork shrink(FlowNetwork network, const std::function<bool(const FlowNetwork&)>& fails) {
    bool progress = true;
    while (progress) {
        progress = false;
        for (std::size_t k = network.edges.size(); k-- > 0;) {
            FlowNetwork smaller = network;
            smaller.edges.erase(smaller.edges.begin() + static_cast<std::ptrdiff_t>(k));
            if (fails(smaller)) {
                network = std::move(smaller);
                progress = true;
            }
        }
        // Drop nodes without edges, renumbering the others.
        std::vector<int> used(static_cast<std::size_t>(network.nodeCount), 0);
        for (const NetworkEdge& e : network.edges) {
            if (e.from >= 0)
                used[e.from] = 1;
            if (e.to >= 0)
                used[e.to] = 1;
        }
        std::vector<int> label(used.size(), -1);
        int count = 0;
        for (std::size_t i = 0; i < used.size(); ++i)
            if (used[i])
                label[i] = count++;
        if (count < network.nodeCount) {
            FlowNetwork compact = network;
            compact.nodeCount = count;
            for (NetworkEdge& e : compact.edges) {
                if (e.from >= 0)
                    e.from = label[e.from];
                if (e.to >= 0)
                    e.to = label[e.to];
            }
            if (fails(compact)) {
                network = std::move(compact);
                progress = true;
            }
        }
    }
    return network;
}

} // namespace shuiheng::balance::test
