#pragma once
// Random plant-like flow networks for property tests and benchmarks of the balance engine.
//
// A plant is a chain of workshops; each workshop is a cascade of units fed by intakes from the
// environment, passing used water on to later units of the same workshop (now and then to the
// next workshop) and discharging to the environment, with circulation loops (a unit's own
// recycle, unit↔unit recycle pairs, the odd three-unit loop). True flows balance exactly: they
// are sums of path and loop flows in multiples of 1/4, so every partial sum is exact in double
// and flows known exactly (σ = 0) are exactly consistent. Measurements are truth + N(0, σ).
// Node and edge order is shuffled, so nothing downstream can rely on the generation order.
//
// Everything is reproducible from the seed on any platform (own uniform and normal variates on
// std::mt19937_64, no std distributions).

#include "balance/flow_network.h"

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace shuiheng::balance::test {

struct PlantShape {
    int nodeCount = 20;             ///< exact number of units (small plants)
    std::size_t edgeTarget = 0;     ///< if > 0: add workshops until this many edges instead
    double unmeasuredShare = 0.3;   ///< probability that an edge is unmeasured
    double exactShare = 0;          ///< probability that a measured edge is known exactly (σ = 0)
    double relativeSigmaMin = 0.01; ///< σ of a measurement, relative to its true flow
    double relativeSigmaMax = 0.05;
    bool forceUnobservableLoop = false; ///< leave at least one recycle loop wholly unmeasured
    /// Spread of the flows: every path and loop flow is multiplied by a power of two up to
    /// 10^flowDecades (0: flows of 0.25 … 2000 only). With a wide spread, σ spans as many decades.
    double flowDecades = 0;
};

struct GeneratedNetwork {
    FlowNetwork network;
    std::vector<double> truth; ///< the balanced true flow of every edge, same order
};

/// A plant of the given shape from `seed`.
GeneratedNetwork generatePlant(std::uint64_t seed, const PlantShape& shape);

/// A small plant (3–60 units, 20–40 % unmeasured, σ = 0 flows in about one plant of six).
GeneratedNetwork randomPlant(std::uint64_t seed);

/// A large plant of about `streamCount` edges (10³ … 10⁵) with the same local structure.
GeneratedNetwork largePlant(std::uint64_t seed, std::size_t streamCount);

/// New measurements of the same plant: every measured edge with σ > 0 gets truth + N(0, σ);
/// σ and the exact flows stay.
FlowNetwork remeasure(const GeneratedNetwork& plant, std::mt19937_64& rng);

/// A standard normal variate from `rng` (Box–Muller; reproducible across standard libraries).
double standardNormal(std::mt19937_64& rng);

/// A uniform variate in [0, 1) from `rng` (53 random bits).
double uniform01(std::mt19937_64& rng);

} // namespace shuiheng::balance::test
