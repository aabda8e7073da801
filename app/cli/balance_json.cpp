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

/// Appends `"key": [ids]`, a list of strings, as dump(2) prints it as an object member at depth 2.
template <typename Indices, typename IdOf>
void idsMember(std::string& out, std::string_view key, const Indices& indices, IdOf idOf, bool last = false) {
    out += "      \"";
    out += key;
    out += "\": ";
    if (indices.empty()) {
        out += "[]";
    } else {
        out += "[\n";
        for (std::size_t k = 0; k < indices.size(); ++k) {
            out += "        ";
            appendValue(out, std::string_view(idOf(indices[k])));
            out += k + 1 < indices.size() ? ",\n" : "\n";
        }
        out += "      ]";
    }
    out += last ? "\n" : ",\n";
}

/// An array of `count` objects exactly as nlohmann's dump(2) prints it at depth 1, written object by
/// object (`members(out, i)` appends the i-th object's members): a document model of 100,000 stream
/// objects, or of 25,000 balances, costs more than reconciling them.
template <typename Members>
std::string objectsText(std::size_t count, std::size_t bytesEach, Members members) {
    if (count == 0)
        return "[]";
    std::string out = "[\n";
    out.reserve(count * bytesEach);
    for (std::size_t i = 0; i < count; ++i) {
        out += "    {\n";
        members(out, i);
        out += i + 1 < count ? "    },\n" : "    }\n";
    }
    out += "  ]";
    return out;
}

std::string streamsText(const Plant& plant, const std::vector<StreamType>& types,
                        const balance::ReconciliationResult& r) {
    using Number = std::optional<double>;
    return objectsText(plant.streams.size(), 320, [&](std::string& out, std::size_t i) {
        const Stream& s = plant.streams[i];
        const auto& e = r.edges[i];
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
    });
}

std::string balancesText(const Plant& plant, const balance::ReconciliationResult& r) {
    const auto idOf = [&](int n) -> const std::string& {
        return plant.nodes[static_cast<std::size_t>(n)].id;
    };
    return objectsText(r.balances.size(), 120, [&](std::string& out, std::size_t i) {
        const balance::BalanceTest& b = r.balances[i];
        idsMember(out, "nodes", b.nodes, idOf);
        member(out, "residual", std::optional<double>(b.residual));
        member(out, "sigma", std::optional<double>(b.sigma));
        member(out, "z", std::optional<double>(b.z), true);
    });
}

std::string rawNodesText(const Plant& plant, const std::vector<balance::RawNodeTest>& nodes) {
    return objectsText(nodes.size(), 100, [&](std::string& out, std::size_t i) {
        const balance::RawNodeTest& n = nodes[i];
        member(out, "id", std::string_view(plant.nodes[n.node].id));
        member(out, "imbalance", std::optional<double>(n.imbalance));
        member(out, "z", n.z, true);
    });
}

std::string loopBlocksText(const Plant& plant, const balance::ReconciliationResult& r) {
    const auto idOf = [&](std::size_t k) -> const std::string& { return plant.streams[k].id; };
    return objectsText(r.loopBlocks.size(), 60, [&](std::string& out, std::size_t i) {
        idsMember(out, "toObserve", r.loopBlocks[i], idOf, true);
    });
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

    // The long arrays are written directly and spliced in below (objectsText).
    doc["streams"] = Json::array();
    doc["loopBlocks"] = Json::array();
    doc["nodes"] = Json::array();

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

    doc["balances"] = Json::array();

    Json diagnostics = Json::array();
    for (const Diagnostic& d : result.diagnostics)
        diagnostics.push_back(
            {{"severity", toString(d.severity)}, {"subject", d.subject}, {"message", d.message}});
    doc["diagnostics"] = std::move(diagnostics);
    const std::string text = doc.dump(2);
    // Each spliced array is a top-level member, printed empty as `\n  "key": []`; that text cannot
    // occur elsewhere (deeper members are indented further, and quotes inside strings are escaped).
    const std::pair<std::string_view, std::string> spliced[] = {
        {"streams", streamsText(plant, result.streamTypes, r)},
        {"loopBlocks", loopBlocksText(plant, r)},
        {"nodes", rawNodesText(plant, result.rawNodes)},
        {"balances", balancesText(plant, r)},
    };
    std::size_t size = text.size() + 1;
    for (const auto& [key, array] : spliced)
        size += array.size();
    std::string out; // tens of MB at 100,000 streams: sized once, not copied again
    out.reserve(size);
    std::size_t done = 0;
    for (const auto& [key, array] : spliced) {
        const std::string placeholder = "\n  \"" + std::string(key) + "\": []";
        const std::size_t at = text.find(placeholder, done);
        out.append(text, done, at + placeholder.size() - 2 - done);
        out += array;
        done = at + placeholder.size();
    }
    out.append(text, done);
    out += '\n';
    return out;
}

} // namespace shuiheng::cli
