#include "balance/plant_balance.h"

#include "balance/flow_covariance.h"
#include "campaign/flows.h"

#include <cmath>
#include <fmt/format.h>

namespace shuiheng::balance {
namespace {

std::string joinIds(const Plant& plant, const std::vector<std::size_t>& unitOfNode,
                    const std::vector<int>& nodes) {
    std::string text;
    for (int v : nodes) {
        if (!text.empty())
            text += ", ";
        text += plant.nodes[unitOfNode[static_cast<std::size_t>(v)]].id;
    }
    return text;
}

void mapNodes(std::vector<int>& nodes, const std::vector<std::size_t>& unitOfNode) {
    for (int& v : nodes)
        v = static_cast<int>(unitOfNode[static_cast<std::size_t>(v)]);
}

std::vector<RawNodeTest> rawNodeTests(const Plant& plant, const PlantGraph& graph) {
    std::vector<RawNodeTest> tests;
    for (std::size_t n = 0; n < plant.nodes.size(); ++n) {
        if (plant.nodes[n].kind != NodeKind::Unit)
            continue;
        double imbalance = 0, variance = 0;
        bool allMeasured = true;
        auto add = [&](StreamIndex s, double sign) {
            if (graph.fromNode(s) == graph.toNode(s))
                return; // circulation cancels in its own balance
            const auto& m = plant.streams[s].measurement;
            if (!m) {
                allMeasured = false;
                return;
            }
            imbalance += sign * m->value;
            variance += m->sigma * m->sigma;
        };
        for (StreamIndex s : graph.inStreams(n))
            add(s, 1);
        for (StreamIndex s : graph.outStreams(n))
            add(s, -1);
        if (!allMeasured)
            continue;
        RawNodeTest t{n, imbalance, std::nullopt};
        if (variance > 0)
            t.z = imbalance / std::sqrt(variance);
        tests.push_back(t);
    }
    return tests;
}

Diagnostic note(Severity severity, std::string subject, std::string message) {
    return {severity, "balance", std::move(subject), "", std::move(message)};
}

void explain(const Plant& plant, const PlantGraph& graph, const FlowNetwork& network,
             const std::vector<std::size_t>& unitOfNode, PlantBalance& out) {
    const ReconciliationResult& r = out.reconciliation;
    if (!r.failure.empty()) {
        out.diagnostics.push_back(
            note(Severity::Error, "", "the balance could not be computed: " + r.failure));
        return;
    }
    if (r.roundingError > 1e-8)
        out.diagnostics.push_back(note(
            Severity::Warning, "",
            fmt::format("the uncertainties span many orders of magnitude: the results carry an estimated "
                        "relative rounding error of {:.1g}",
                        r.roundingError)));
    for (NodeIndex n : graph.unitsCutOffFromBoundary())
        out.diagnostics.push_back(note(Severity::Warning, "unit " + plant.nodes[n].id,
                                       "no chain of streams links it to a source or sink: its balance only "
                                       "relates it to the units around it, never to the site"));
    std::size_t measured = 0;
    for (const auto& edge : network.edges)
        measured += edge.measured ? 1 : 0;
    if (measured == 0)
        out.diagnostics.push_back(
            note(Severity::Warning, "", "no stream is measured: there is nothing to reconcile"));
    else if (r.global.dof == 0)
        out.diagnostics.push_back(note(Severity::Warning, "",
                                       "no redundancy: no measurement can be checked against the others, so "
                                       "nothing is adjusted and no test can be made"));
    for (const Contradiction& c : r.contradictions)
        out.diagnostics.push_back(
            note(Severity::Error, "units " + joinIds(plant, unitOfNode, c.nodes),
                 fmt::format(
                     "the flows known exactly (sigma 0) around these units do not balance: off by {:.6g} {}; "
                     "give those measurements an uncertainty",
                     c.imbalance, plant.flowUnit)));
    std::size_t unobservable = 0;
    for (const EdgeEstimate& e : r.edges)
        unobservable += e.status == FlowStatus::Unobservable ? 1 : 0;
    if (unobservable > 0)
        out.diagnostics.push_back(
            note(Severity::Note, "",
                 fmt::format(
                     "{} unmeasured stream(s) cannot be determined from the balances; see loopBlocks for the "
                     "streams to measure",
                     unobservable)));
    for (std::size_t i = 0; i < r.edges.size(); ++i)
        for (const auto& v : {r.edges[i].value, r.edges[i].sigma})
            if (v && !std::isfinite(*v)) {
                out.diagnostics.push_back(
                    note(Severity::Error, "stream " + plant.streams[i].id,
                         "the estimate is not a finite number: magnitudes too far apart"));
                break;
            }
}

} // namespace

FlowNetwork toFlowNetwork(const Plant& plant, std::vector<std::size_t>* unitOfNode) {
    return toFlowNetwork(plant, PlantGraph(plant), unitOfNode);
}

FlowNetwork toFlowNetwork(const Plant& plant, const PlantGraph& graph, std::vector<std::size_t>* unitOfNode) {
    std::vector<int> networkNode(plant.nodes.size(), environment);
    FlowNetwork network;
    for (std::size_t n = 0; n < plant.nodes.size(); ++n)
        if (plant.nodes[n].kind == NodeKind::Unit) {
            networkNode[n] = network.nodeCount++;
            if (unitOfNode)
                unitOfNode->push_back(n);
        }
    network.edges.reserve(plant.streams.size());
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        NetworkEdge edge;
        if (graph.isConnected(s)) {
            edge.from = networkNode[graph.fromNode(s)];
            edge.to = networkNode[graph.toNode(s)];
        }
        if (const auto& m = plant.streams[s].measurement) {
            edge.measured = m->value;
            edge.sigma = m->sigma;
        }
        network.edges.push_back(edge);
    }
    return network;
}

PlantBalance balancePlant(const Plant& input, const PlantBalanceOptions& options) {
    // Campaign data: each metered stream is measured by the flow derived from its readings.
    const campaign::FlowDerivation derivation =
        input.meters.empty() ? campaign::FlowDerivation{} : campaign::deriveFlows(input);
    const std::optional<Plant> derived =
        input.meters.empty() ? std::nullopt
                             : std::optional<Plant>(campaign::withDerivedMeasurements(input, derivation));
    const Plant& plant = derived ? *derived : input;
    const PlantGraph graph(plant);
    std::vector<std::size_t> unitOfNode;
    const FlowNetwork network = toFlowNetwork(plant, graph, &unitOfNode);
    PlantBalance out;
    out.diagnostics = derivation.diagnostics;
    // One factorisation serves the reconciliation, serial elimination and the meter advice.
    const FlowCovariance flows(network, options.reconciliation);
    const bool reusable = flows.failure().empty() && !options.reconciliation.nonNegative;
    out.reconciliation = reusable ? flows.result() : reconcile(network, options.reconciliation);
    out.grossErrors = eliminateGrossErrors(network, options.reconciliation, options.maxGrossErrors,
                                           options.considerLeaks, &out.reconciliation, &flows);
    out.rawNodes = rawNodeTests(plant, graph);
    std::vector<std::size_t> intake;
    out.streamTypes.reserve(plant.streams.size());
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        // An unconnected stream is refused by validation; it keeps what it declares.
        out.streamTypes.push_back(graph.isConnected(s)
                                      ? graph.typeOf(s)
                                      : plant.streams[s].declaredType.value_or(StreamType::Cascade));
        if (graph.isConnected(s) && out.streamTypes.back() == StreamType::Intake)
            intake.push_back(s);
    }
    out.advice = adviseMeters(flows, network, intake);
    explain(plant, graph, network, unitOfNode, out);
    for (auto& b : out.reconciliation.balances)
        mapNodes(b.nodes, unitOfNode);
    for (auto& b : out.grossErrors.final.balances)
        mapNodes(b.nodes, unitOfNode);
    for (auto& c : out.reconciliation.contradictions)
        mapNodes(c.nodes, unitOfNode);
    for (auto& g : out.grossErrors.found)
        mapNodes(g.nodes, unitOfNode);
    return out;
}

} // namespace shuiheng::balance
