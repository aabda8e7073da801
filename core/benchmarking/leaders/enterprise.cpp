#include "benchmarking/leaders/enterprise.h"

#include "indicators/indicator_json.h"
#include "indicators/plant_indicators.h"
#include "io/atomic_file.h"
#include "io/plant_file.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace shuiheng::benchmarking {
namespace {

using Json = nlohmann::json;

std::string text(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool readFacts(const Json& j, std::map<std::string, FactValue>& out, const std::string& where,
               std::vector<std::string>& errors) {
    if (!j.is_object()) {
        errors.push_back(where + ": \"facts\" must be an object");
        return false;
    }
    for (const auto& [key, value] : j.items()) {
        if (value.is_boolean())
            out[key] = value.get<bool>();
        else if (value.is_number())
            out[key] = value.get<double>();
        else if (value.is_string())
            out[key] = value.get<std::string>();
        else
            errors.push_back(fmt::format("{}: fact '{}' must be true/false, a number or a text", where, key));
    }
    return true;
}

std::optional<indicators::IndicatorReport> indicatorsOfPlant(const std::filesystem::path& path,
                                                             std::vector<std::string>& errors,
                                                             const std::string& where) {
    PlantFileResult loaded = loadPlantFile(path);
    if (!loaded.ok()) {
        std::string first;
        for (const Diagnostic& d : loaded.diagnostics)
            if (d.severity == Severity::Error) {
                first = d.toString();
                break;
            }
        errors.push_back(fmt::format("{}: {} is not a valid plant file: {}", where, path.string(), first));
        return std::nullopt;
    }
    indicators::IndicatorOptions options;
    options.groups = false;
    options.units = false;
    auto report = indicators::computeIndicators(*loaded.plant, options);
    if (!report.failure.empty()) {
        errors.push_back(fmt::format("{}: {}: {}", where, path.string(), report.failure));
        return std::nullopt;
    }
    return report;
}

} // namespace

Enterprise enterpriseOf(const indicators::IndicatorReport& report, int year) {
    Enterprise e;
    e.name = report.plantName;
    e.benchmark = report.benchmark;
    EnterpriseYear y;
    y.year = year;
    y.indicators = report;
    y.source = "the plant's balance";
    e.years.push_back(std::move(y));
    return e;
}

EnterpriseResult parseEnterprise(std::string_view input, const std::string& baseDir) {
    namespace fs = std::filesystem;
    EnterpriseResult result;
    auto& errors = result.errors;
    const Json doc = Json::parse(input, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        errors.push_back("not a JSON object");
        return result;
    }
    if (text(doc, "format") != "shuiheng-enterprise" || !doc.contains("version") || doc["version"] != 1) {
        errors.push_back(
            "not an enterprise file: \"format\" must be \"shuiheng-enterprise\" and \"version\" 1");
        return result;
    }
    Enterprise e;
    e.name = text(doc, "name");
    e.creditCode = text(doc, "creditCode");
    e.benchmark.industry = text(doc, "industry");
    e.benchmark.region = text(doc, "region");
    e.benchmark.quota = text(doc, "quota");
    if (doc.contains("conditions") && doc["conditions"].is_array())
        for (const Json& c : doc["conditions"])
            if (c.is_string())
                e.benchmark.conditions.push_back(c.get<std::string>());
    if (doc.contains("facts"))
        readFacts(doc["facts"], e.facts, "facts", errors);
    if (!doc.contains("years") || !doc["years"].is_array() || doc["years"].empty()) {
        errors.push_back("no \"years\": list each year's indicators (a leader application asks for three)");
        return result;
    }
    std::size_t k = 0;
    for (const Json& j : doc["years"]) {
        const std::string where = fmt::format("years[{}]", k++);
        if (!j.is_object() || !j.contains("year") || !j["year"].is_number_integer()) {
            errors.push_back(where + ": needs \"year\" (a whole number)");
            continue;
        }
        EnterpriseYear y;
        y.year = j["year"].get<int>();
        const std::string at = fmt::format("{} ({})", where, y.year);
        if (std::any_of(e.years.begin(), e.years.end(),
                        [&](const EnterpriseYear& o) { return o.year == y.year; })) {
            errors.push_back(at + ": the year appears twice");
            continue;
        }
        if (j.contains("facts"))
            readFacts(j["facts"], y.facts, at, errors);
        const int sources = (j.contains("plant") ? 1 : 0) + (j.contains("indicators") ? 1 : 0);
        if (sources > 1)
            errors.push_back(at + ": give either \"plant\" or \"indicators\", not both");
        if (j.contains("plant")) {
            const fs::path path = fs::path(baseDir) / text(j, "plant");
            y.indicators = indicatorsOfPlant(path, errors, at);
            y.source = path.string();
        } else if (j.contains("indicators") && j["indicators"].is_string()) {
            const fs::path path = fs::path(baseDir) / text(j, "indicators");
            std::string error;
            const auto content = readWholeFile(path, error);
            if (!content) {
                errors.push_back(fmt::format("{}: {}", at, error));
            } else if (auto r = indicators::parseIndicatorsJson(*content, &error)) {
                y.indicators = std::move(*r);
                y.source = path.string();
            } else {
                errors.push_back(fmt::format("{}: {}: {}", at, path.string(), error));
            }
        } else if (j.contains("indicators")) {
            Json wrapped = {
                {"indicators", j["indicators"]}, {"flowUnit", text(j, "flowUnit")}, {"plant", e.name}};
            std::string error;
            if (auto r = indicators::parseIndicatorsJson(wrapped.dump(), &error)) {
                y.indicators = std::move(*r);
                y.source = "inline";
            } else {
                errors.push_back(fmt::format("{}: {}", at, error));
            }
        }
        e.years.push_back(std::move(y));
    }
    std::sort(e.years.begin(), e.years.end(), [](const auto& a, const auto& b) { return a.year > b.year; });
    // Settings the file leaves out come from the most recent year's plant.
    for (const EnterpriseYear& y : e.years)
        if (y.indicators) {
            const auto& b = y.indicators->benchmark;
            if (e.benchmark.industry.empty())
                e.benchmark.industry = b.industry;
            if (e.benchmark.region.empty())
                e.benchmark.region = b.region;
            if (e.benchmark.quota.empty())
                e.benchmark.quota = b.quota;
            if (e.benchmark.conditions.empty())
                e.benchmark.conditions = b.conditions;
            if (e.name.empty())
                e.name = y.indicators->plantName;
            break;
        }
    for (EnterpriseYear& y : e.years)
        if (y.indicators)
            y.indicators->benchmark = e.benchmark;
    if (errors.empty())
        result.enterprise = std::move(e);
    return result;
}

} // namespace shuiheng::benchmarking
