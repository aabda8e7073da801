#include "cli/balance_json.h"

#include <algorithm>
#include <array>
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

/// The text of one JSON value exactly as nlohmann's dump prints it, without building a value:
/// numbers through the library's own shortest round-trip conversion, plain ASCII strings as they
/// are, anything else (escapes, UTF-8) through the library.
void appendValue(std::string& out, std::optional<double> value) {
    if (!value || !std::isfinite(*value)) {
        out += "null";
        return;
    }
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), *value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}
void appendValue(std::string& out, std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(),
                                   [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (!plain) {
        out += Json(text).dump();
        return;
    }
    out += '"';
    out += text;
    out += '"';
}
void appendValue(std::string& out, bool value) {
    out += value ? "true" : "false";
}
void appendValue(std::string& out, int value) {
    out += std::to_string(value);
}

/// Appends `"key": value` as dump(2) prints an object member at depth 2.
template <typename Value>
void member(std::string& out, std::string_view key, const Value& value, bool last = false) {
    out += "      \"";
    out += key;
    out += "\": ";
    appendValue(out, value);
    out += last ? "\n" : ",\n";
}

/// The "streams" array exactly as nlohmann's dump(2) prints it at depth 1, written stream by stream:
/// a document model of 100,000 stream objects costs more than reconciling them.
std::string streamsText(const Plant& plant, const std::vector<StreamType>& types,
                        const balance::ReconciliationResult& r) {
    if (plant.streams.empty())
        return "[]";
    std::string out = "[\n";
    out.reserve(plant.streams.size() * 320);
    using Number = std::optional<double>;
    for (std::size_t i = 0; i < plant.streams.size(); ++i) {
        const Stream& s = plant.streams[i];
        const auto& e = r.edges[i];
        out += "    {\n";
        member(out, "id", std::string_view(s.id));
        member(out, "measured", s.measurement ? Number(s.measurement->value) : Number());
        member(out, "value", e.value);
        member(out, "sigma", e.sigma);
        member(out, "status", statusWord(e.status));
        member(out, "z", e.z);
        member(out, "suspect", e.z && std::abs(*e.z) > r.criticalZ);
        member(out, "from", std::string_view(s.from));
        member(out, "to", std::string_view(s.to));
        member(out, "type", toString(types[i]));
        member(out, "measuredSigma", s.measurement ? Number(s.measurement->sigma) : Number(),
               e.loopBlock < 0);
        if (e.loopBlock >= 0)
            member(out, "loopBlock", e.loopBlock, true);
        out += i + 1 < plant.streams.size() ? "    },\n" : "    }\n";
    }
    out += "  ]";
    return out;
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
    const auto& r = result.reconciliation;
    Json doc;
    doc["flowUnit"] = plant.flowUnit;

    doc["streams"] = Json::array(); // written directly below

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
    std::string text = doc.dump(2);
    // The streams are the bulk of the document: spliced in as streamsText wrote them. The empty
    // array's text cannot occur earlier (only "flowUnit" comes first, and its quotes are escaped).
    const std::string_view placeholder = "\n  \"streams\": []";
    const std::size_t at = text.find(placeholder);
    text.replace(at + placeholder.size() - 2, 2, streamsText(plant, result.streamTypes, r));
    return text + "\n";
}

} // namespace shuiheng::cli
