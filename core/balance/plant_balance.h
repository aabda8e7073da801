#pragma once
// Balancing a plant: its streams as a flow network, reconciled, tested for gross errors, with
// every problem said in plain words. What `shuiheng-cli balance` prints.

#include "balance/gross_errors.h"
#include "balance/meter_advice.h"
#include "model/plant.h"
#include "model/plant_graph.h"
#include "validation/diagnostic.h"

#include <optional>

namespace shuiheng::balance {

/// Σin − Σout of the raw measurements of a unit whose streams are all measured.
struct RawNodeTest {
    std::size_t node = 0; ///< index into Plant::nodes
    double imbalance = 0;
    std::optional<double> z; ///< imbalance over its standard deviation; absent when that is 0
};

struct PlantBalance {
    ReconciliationResult reconciliation; ///< with every measurement (edges = plant streams)
    SerialElimination grossErrors;       ///< what serial elimination identifies
    std::vector<RawNodeTest> rawNodes;
    /// Which meter next, for the site intake (Σ intake streams) and the unobservable flows.
    MeterAdviceResult advice;
    /// Per plant stream: its type (PlantGraph::typeOf), so that reports need not build the graph again.
    std::vector<StreamType> streamTypes;
    /// Per balance of `reconciliation.balances` and per gross-error leak: node indices are
    /// plant node indices (the network's are mapped back).
    Diagnostics diagnostics;
};

struct PlantBalanceOptions {
    ReconciliationOptions reconciliation;
    int maxGrossErrors = 10;
    bool considerLeaks = true;
};

/// The plant's streams as network edges (same order): units become nodes, every source and
/// sink the environment. `unitOfNode` receives, per network node, its plant node index.
FlowNetwork toFlowNetwork(const Plant& plant, std::vector<std::size_t>* unitOfNode = nullptr);
/// The same with the plant's graph already built (a plant of 100,000 streams takes a while to build).
FlowNetwork toFlowNetwork(const Plant& plant, const PlantGraph& graph,
                          std::vector<std::size_t>* unitOfNode = nullptr);

/// The plant must be valid (validatePlant without errors). A plant with meters is balanced with the
/// measurements derived from its readings (campaign::deriveFlows); the derivation's diagnostics come
/// first in PlantBalance::diagnostics.
PlantBalance balancePlant(const Plant& plant, const PlantBalanceOptions& options = {});

} // namespace shuiheng::balance
