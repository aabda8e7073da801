#pragma once
// The balance engine's view of a plant: balanced nodes, one environment, and edges with
// optional measurements. Units are nodes 0..n-1; every source and sink is the environment
// (node `environment`), which has no balance. Groups do not appear: a group's balance is the
// sum of its units'.
//
// The engine works on this plain structure, so tests and benchmarks can build networks
// directly, and a dense reference implementation can check the sparse one on the same input.

#include <cstddef>
#include <optional>
#include <vector>

namespace shuiheng::balance {

inline constexpr int environment = -1;

struct NetworkEdge {
    int from = environment;         ///< node index, or `environment`
    int to = environment;           ///< node index, or `environment`; from == to is a circulation loop
    std::optional<double> measured; ///< the measured flow; absent: unmeasured
    double sigma = 0;               ///< standard uncertainty of the measurement; 0 = known exactly
};

struct FlowNetwork {
    int nodeCount = 0;
    std::vector<NetworkEdge> edges;
};

} // namespace shuiheng::balance
