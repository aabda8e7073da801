#include "indicators/indicator_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace shuiheng::indicators {
namespace {

using Json = nlohmann::ordered_json;

Json number(std::optional<double> value) {
    if (!value || !std::isfinite(*value))
        return nullptr;
    return *value;
}

std::optional<double> optionalNumber(const Json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_number())
        return std::nullopt;
    return j[key].get<double>();
}

std::string text(const Json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::vector<std::string> texts(const Json& j, const char* key) {
    std::vector<std::string> out;
    if (j.contains(key) && j[key].is_array())
        for (const Json& v : j[key])
            if (v.is_string())
                out.push_back(v.get<std::string>());
    return out;
}

} // namespace

std::string toJson(const IndicatorReport& report) {
    Json doc;
    doc["format"] = indicatorsFormat;
    doc["version"] = 1;
    doc["plant"] = report.plantName;
    doc["flowUnit"] = report.flowUnit;
    if (!report.productUnit.empty())
        doc["production"] = {{"product", report.product}, {"unit", report.productUnit}};
    const BenchmarkSettings& b = report.benchmark;
    if (!b.industry.empty() || !b.quota.empty() || !b.region.empty() || !b.conditions.empty())
        doc["benchmark"] = {
            {"industry", b.industry}, {"quota", b.quota}, {"region", b.region}, {"conditions", b.conditions}};

    Json list = Json::array();
    for (const Indicator& i : report.indicators) {
        Json j;
        j["key"] = i.key;
        j["scope"] = i.scope;
        j["value"] = number(i.value);
        j["sigma"] = number(i.sigma);
        j["unit"] = i.unit;
        if (!i.reason.empty())
            j["reason"] = i.reason;
        j["formula"] = i.formula;
        j["streams"] = i.streams;
        if (!i.notes.empty())
            j["notes"] = i.notes;
        list.push_back(std::move(j));
    }
    doc["indicators"] = std::move(list);

    Json excluded = Json::array();
    for (std::size_t k = 0; k < report.boundary.excluded.size(); ++k)
        excluded.push_back({{"unit", report.boundary.excluded[k]}, {"by", report.boundary.excludedBy[k]}});
    doc["quotaBoundary"] = {{"declared", report.boundary.declared},
                            {"included", report.boundary.included},
                            {"excluded", std::move(excluded)}};

    Json checks = Json::array();
    double tolerance = 0.1;
    for (const ClosureCheck& c : report.closure) {
        tolerance = c.tolerance;
        Json j;
        j["kind"] = toString(c.kind);
        j["scope"] = c.scope;
        j["in"] = number(c.in);
        j["out"] = number(c.out);
        j["difference"] = number(c.difference);
        j["passed"] = c.passed ? Json(*c.passed) : Json(nullptr);
        j["z"] = number(c.z);
        j["missing"] = c.missing;
        j["streams"] = c.streams;
        checks.push_back(std::move(j));
    }
    doc["closure"] = {{"tolerance", tolerance}, {"checks", std::move(checks)}};
    const auto& g = report.globalTest;
    doc["globalTest"] = {{"statistic", number(g.statistic)},
                         {"dof", g.dof},
                         {"critical", number(g.critical)},
                         {"alpha", g.alpha},
                         {"passed", g.passed}};
    Json diagnostics = Json::array();
    for (const Diagnostic& d : report.diagnostics)
        diagnostics.push_back({{"severity", toString(d.severity)},
                               {"location", d.location},
                               {"subject", d.subject},
                               {"field", d.field},
                               {"message", d.message}});
    doc["diagnostics"] = std::move(diagnostics);
    return doc.dump(2) + "\n";
}

std::optional<IndicatorReport> parseIndicatorsJson(std::string_view input, std::string* error) {
    const Json doc = Json::parse(input, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        if (error)
            *error = "not a JSON object";
        return std::nullopt;
    }
    if (!doc.contains("indicators") || !doc["indicators"].is_array()) {
        if (error)
            *error = "no \"indicators\" array: not an indicators document";
        return std::nullopt;
    }
    IndicatorReport report;
    report.plantName = text(doc, "plant");
    report.flowUnit = text(doc, "flowUnit");
    if (doc.contains("production") && doc["production"].is_object()) {
        report.product = text(doc["production"], "product");
        report.productUnit = text(doc["production"], "unit");
    }
    if (doc.contains("benchmark") && doc["benchmark"].is_object()) {
        report.benchmark.industry = text(doc["benchmark"], "industry");
        report.benchmark.quota = text(doc["benchmark"], "quota");
        report.benchmark.region = text(doc["benchmark"], "region");
        report.benchmark.conditions = texts(doc["benchmark"], "conditions");
    }
    std::size_t index = 0;
    for (const Json& j : doc["indicators"]) {
        if (!j.is_object() || !j.contains("key") || !j["key"].is_string()) {
            if (error)
                *error = "indicators[" + std::to_string(index) + "]: no \"key\"";
            return std::nullopt;
        }
        Indicator i;
        i.key = text(j, "key");
        i.scope = j.contains("scope") ? text(j, "scope") : std::string(siteScope);
        i.value = optionalNumber(j, "value");
        i.sigma = optionalNumber(j, "sigma");
        i.unit = text(j, "unit");
        i.reason = text(j, "reason");
        i.formula = text(j, "formula");
        i.streams = texts(j, "streams");
        i.notes = texts(j, "notes");
        report.indicators.push_back(std::move(i));
        ++index;
    }
    return report;
}

} // namespace shuiheng::indicators
