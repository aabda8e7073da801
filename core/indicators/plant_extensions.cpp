#include "indicators/plant_extensions.h"

#include "model/units.h"

#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace shuiheng::indicators {
namespace {

using Json = nlohmann::json;

class Reader {
public:
    explicit Reader(Diagnostics& out)
        : out_(out) {}

    /// The field's JSON value, or nullopt when absent or not JSON.
    std::optional<Json> field(const ExtraFields& extra, const std::string& key, const std::string& location,
                              const std::string& subject) {
        const auto it = extra.find(key);
        if (it == extra.end())
            return std::nullopt;
        Json j = Json::parse(it->second, nullptr, false);
        if (j.is_discarded()) {
            error(location, subject, key, "not valid JSON");
            return std::nullopt;
        }
        return j;
    }

    void error(const std::string& location, const std::string& subject, const std::string& field,
               const std::string& message) {
        out_.push_back({Severity::Error, location, subject, field, message + "; the field is ignored"});
    }

private:
    Diagnostics& out_;
};

std::optional<double> positiveNumber(const Json& j) {
    if (!j.is_number())
        return std::nullopt;
    const double v = j.get<double>();
    if (!std::isfinite(v) || v <= 0)
        return std::nullopt;
    return v;
}

std::optional<AmountPerPeriod> amountPerPeriod(const Json& j, const std::string& defaultPer) {
    if (const auto v = positiveNumber(j); v && !defaultPer.empty())
        return AmountPerPeriod{*v, defaultPer};
    if (!j.is_object() || !j.contains("amount") || !j.contains("per") || !j["per"].is_string())
        return std::nullopt;
    const auto amount = positiveNumber(j["amount"]);
    const std::string per = j["per"].get<std::string>();
    if (!amount || !periodInHours(per))
        return std::nullopt;
    return AmountPerPeriod{*amount, per};
}

} // namespace

std::string_view toString(Medium medium) {
    switch (medium) {
    case Medium::Water:
        return "water";
    case Medium::Steam:
        return "steam";
    case Medium::Condensate:
        return "condensate";
    case Medium::Drift:
        return "drift";
    }
    return "?";
}

PlantExtensions readExtensions(const Plant& plant) {
    PlantExtensions ext;
    Reader r(ext.diagnostics);
    const std::size_t n = plant.nodes.size();

    // The quota boundary: a node's own "quotaBoundary" wins over its groups'.
    std::vector<std::optional<bool>> own(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = plant.nodes[i];
        const std::string where = fmt::format("nodes[{}]", i);
        if (const auto j = r.field(node.extra, "quotaBoundary", where, node.id)) {
            if (!j->is_boolean())
                r.error(where, node.id, "quotaBoundary", "must be true or false");
            else if (node.kind != NodeKind::Unit && node.kind != NodeKind::Group)
                r.error(where, node.id, "quotaBoundary", "only units and groups are inside or outside it");
            else {
                own[i] = j->get<bool>();
                ext.boundaryDeclared = true;
            }
        }
    }
    std::map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < n; ++i)
        byId.emplace(plant.nodes[i].id, i);
    ext.inQuotaBoundary.assign(n, true);
    ext.excludedBy.assign(n, "");
    for (std::size_t i = 0; i < n; ++i) {
        // Walk up the parents to the nearest node that says (guarding against parent cycles).
        std::size_t at = i;
        for (std::size_t depth = 0; depth <= n; ++depth) {
            if (own[at]) {
                ext.inQuotaBoundary[i] = *own[at];
                if (!*own[at])
                    ext.excludedBy[i] = plant.nodes[at].id;
                break;
            }
            const auto parent = byId.find(plant.nodes[at].parent);
            if (plant.nodes[at].parent.empty() || parent == byId.end())
                break;
            at = parent->second;
        }
    }

    ext.sourceMeter.assign(n, std::nullopt);
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = plant.nodes[i];
        const std::string where = fmt::format("nodes[{}]", i);
        const auto j = r.field(node.extra, "metered", where, node.id);
        if (!j)
            continue;
        if (node.kind != NodeKind::Source) {
            r.error(where, node.id, "metered", "only a source has its own meter");
            continue;
        }
        if (!j->is_object() || !(*j)["value"].is_number() || !(*j)["sigma"].is_number() ||
            (*j)["value"].get<double>() < 0 || (*j)["sigma"].get<double>() < 0) {
            r.error(where, node.id, "metered", "must be {\"value\": v, \"sigma\": s} with v, s ≥ 0");
            continue;
        }
        ext.sourceMeter[i] = Measurement{(*j)["value"].get<double>(), (*j)["sigma"].get<double>(), {}};
    }

    ext.medium.assign(plant.streams.size(), Medium::Water);
    for (std::size_t s = 0; s < plant.streams.size(); ++s) {
        const Stream& stream = plant.streams[s];
        const std::string where = fmt::format("streams[{}]", s);
        const auto j = r.field(stream.extra, "medium", where, stream.id);
        if (!j)
            continue;
        const std::string text = j->is_string() ? j->get<std::string>() : "";
        if (text == "water")
            ext.medium[s] = Medium::Water;
        else if (text == "steam")
            ext.medium[s] = Medium::Steam;
        else if (text == "condensate")
            ext.medium[s] = Medium::Condensate;
        else if (text == "drift")
            ext.medium[s] = Medium::Drift;
        else
            r.error(where, stream.id, "medium", "must be one of water, steam, condensate, drift");
    }

    if (plant.production) {
        const ExtraFields& extra = plant.production->extra;
        const std::string per = plant.production->per;
        if (const auto j = r.field(extra, "product", "production", "")) {
            if (j->is_string())
                ext.product = j->get<std::string>();
            else
                r.error("production", "", "product", "must be a string");
        }
        if (const auto j = r.field(extra, "staff", "production", "")) {
            if (const auto v = positiveNumber(*j))
                ext.staff = *v;
            else
                r.error("production", "", "staff", "must be a number of persons above 0");
        }
        for (const char* key : {"valueAdded", "outputValue"}) {
            const auto j = r.field(extra, key, "production", "");
            if (!j)
                continue;
            const auto v = amountPerPeriod(*j, per);
            if (!v)
                r.error("production", "", key,
                        "must be an amount in 10⁴ CNY above 0, or {\"amount\": A, \"per\": \"a\"}");
            else if (std::string_view(key) == "valueAdded")
                ext.valueAdded = v;
            else
                ext.outputValue = v;
        }
    }

    if (const auto j = r.field(plant.extra, "benchmark", "", "")) {
        if (!j->is_object()) {
            r.error("", "", "benchmark", "must be an object");
        } else {
            for (const auto& [key, target] :
                 {std::pair<const char*, std::string*>{"industry", &ext.benchmark.industry},
                  {"quota", &ext.benchmark.quota},
                  {"region", &ext.benchmark.region}}) {
                if (!j->contains(key))
                    continue;
                if ((*j)[key].is_string())
                    *target = (*j)[key].get<std::string>();
                else
                    r.error("", "", std::string("benchmark.") + key, "must be a string");
            }
            if (j->contains("conditions")) {
                const Json& c = (*j)["conditions"];
                bool ok = c.is_array();
                for (const Json& item : ok ? c : Json::array())
                    ok = ok && item.is_string();
                if (ok)
                    for (const Json& item : c)
                        ext.benchmark.conditions.push_back(item.get<std::string>());
                else
                    r.error("", "", "benchmark.conditions", "must be a list of strings");
            }
        }
    }
    return ext;
}

} // namespace shuiheng::indicators
