#pragma once
// Plants for the layout's tests and benchmark, made from the balance tests' random networks
// (tests/balance/random_networks.h): units in nested groups, three sources, four sinks of every
// kind, the networks' circulation loops as self-loops and unit↔unit returns.

#include "model/plant.h"
#include "random_networks.h"

namespace shuiheng::layout::test {

/// The network as a plant: unit i is "U<i>"; units sit in groups of six ("G<k>", level 3), three such
/// groups in a workshop ("T<j>", level 2), every seventh unit directly at site level.
Plant plantFromNetwork(const balance::FlowNetwork& network);

/// A random small plant (3–60 units) from `seed`.
Plant randomLayoutPlant(std::uint64_t seed);

/// A plant of about `streamCount` streams from `seed`.
Plant plantWithStreams(std::uint64_t seed, std::size_t streamCount);

} // namespace shuiheng::layout::test
