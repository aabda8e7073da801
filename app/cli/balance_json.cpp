#include "cli/balance_json.h"

#include "model/plant_graph.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace shuiheng::cli {
namespace {

using Json = nlohmann::ordered_json;

/// A number, or null when absent or not finite: the document never holds NaN or inf.
Json number(std::optional<double> value) {
    if (!value || !std::isfinite(*value))
        return nullptr;
    return *value;
}

Json nodeIds(const Plant& plant, const std::vector<int>& nodes) {
    Json ids = Json::array();
    for (int n : nodes)
        ids.push_back(plant.nodes[static_cast<std::size_t>(n)].id);
    return ids;
}

} // namespace

std::string_view statusWord(balance::FlowStatus status) {
    switch (status) {
    case balance::FlowStatus::Redundant:
        return "redundant";
    case balance::FlowStatus::Nonredundant:
        return "nonredundant";
    case balance::FlowStatus::Observable:
        return "observable";
    case balance::FlowStatus::Unobservable:
        return "unobservable";
    }
    return "?";
}

std::string balanceJson(const Plant& plant, const balance::PlantBalance& result) {
    const PlantGraph graph(plant);
    const auto& r = result.reconciliation;
    Json doc;
    doc["flowUnit"] = plant.flowUnit;

    Json streams = Json::array();
    for (std::size_t i = 0; i < plant.streams.size(); ++i) {
        const Stream& s = plant.streams[i];
        const auto& e = r.edges[i];
        Json j;
        j["id"] = s.id;
        j["measured"] = s.measurement ? number(s.measurement->value) : Json(nullptr);
        j["value"] = number(e.value);
        j["sigma"] = number(e.sigma);
        j["status"] = statusWord(e.status);
        j["z"] = number(e.z);
        j["suspect"] = e.z && std::abs(*e.z) > r.criticalZ;
        j["from"] = s.from;
        j["to"] = s.to;
        j["type"] = toString(graph.typeOf(i));
        j["measuredSigma"] = s.measurement ? number(s.measurement->sigma) : Json(nullptr);
        if (e.loopBlock >= 0)
            j["loopBlock"] = e.loopBlock;
        streams.push_back(std::move(j));
    }
    doc["streams"] = std::move(streams);

    // Unobservable streams name their block; each block lists once what to measure.
    Json blocks = Json::array();
    for (const auto& chords : r.loopBlocks) {
        Json ids = Json::array();
        for (std::size_t k : chords)
            ids.push_back(plant.streams[k].id);
        blocks.push_back({{"toObserve", std::move(ids)}});
    }
    doc["loopBlocks"] = std::move(blocks);

    Json nodes = Json::array();
    for (const auto& n : result.rawNodes)
        nodes.push_back(
            {{"id", plant.nodes[n.node].id}, {"imbalance", number(n.imbalance)}, {"z", number(n.z)}});
    doc["nodes"] = std::move(nodes);

    doc["globalTest"] = {{"statistic", number(r.global.statistic)},
                         {"dof", r.global.dof},
                         {"critical", number(r.global.critical)},
                         {"alpha", r.global.alpha},
                         {"passed", r.global.passed}};
    doc["criticalZ"] = number(r.criticalZ);

    Json gross = Json::array();
    for (const auto& g : result.grossErrors.found) {
        if (g.kind == balance::GrossError::Kind::MeterBias) {
            Json equivalent = Json::array();
            for (std::size_t k : g.equivalentEdges)
                equivalent.push_back(plant.streams[k].id);
            gross.push_back({{"stream", plant.streams[g.edge].id},
                             {"bias", number(g.estimate)},
                             {"statistic", number(g.statistic)},
                             {"equivalent", std::move(equivalent)}});
        } else
            gross.push_back({{"node", plant.nodes[static_cast<std::size_t>(g.nodes.front())].id},
                             {"nodes", nodeIds(plant, g.nodes)},
                             {"leak", number(g.estimate)},
                             {"statistic", number(g.statistic)}});
    }
    doc["grossErrors"] = std::move(gross);
    doc["grossErrorsResolved"] = result.grossErrors.passed;

    const auto& advice = result.advice;
    doc["intake"] = {{"value", number(advice.targetValue)}, {"sigma", number(advice.targetSigma)}};
    Json next = Json::array();
    for (const auto& a : advice.ranked)
        next.push_back({{"stream", plant.streams[a.edge].id},
                        {"action", a.action == balance::MeterAdvice::Action::Reread ? "reread" : "add-meter"},
                        {"resolves", a.resolves},
                        {"intakeSigmaAfter", number(a.targetSigmaAfter)}});
    doc["meterAdvice"] = std::move(next);

    Json balances = Json::array();
    for (const auto& b : r.balances)
        balances.push_back({{"nodes", nodeIds(plant, b.nodes)},
                            {"residual", number(b.residual)},
                            {"sigma", number(b.sigma)},
                            {"z", number(b.z)}});
    doc["balances"] = std::move(balances);

    Json diagnostics = Json::array();
    for (const Diagnostic& d : result.diagnostics)
        diagnostics.push_back(
            {{"severity", toString(d.severity)}, {"subject", d.subject}, {"message", d.message}});
    doc["diagnostics"] = std::move(diagnostics);
    return doc.dump(2) + "\n";
}

} // namespace shuiheng::cli
