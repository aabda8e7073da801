#include "report/application.h"

#include "benchmarking/leaders/enterprise.h"
#include "indicators/indicator_json.h"

namespace shuiheng::report {
namespace {

using Json = nlohmann::ordered_json;

Json factJson(const benchmarking::FactValue& v) {
    if (const bool* b = std::get_if<bool>(&v))
        return *b;
    if (const double* d = std::get_if<double>(&v))
        return *d;
    return std::get<std::string>(v);
}

/// The required fields of the form that are missing, as "application.contact.phone".
std::string missingField(const Json& form) {
    for (const char* key : {"address", "legalRepresentative", "selfEvaluation"})
        if (!form.contains(key) || !form[key].is_string() || form[key].get<std::string>().empty())
            return std::string("application.") + key;
    if (!form.contains("contact") || !form["contact"].is_object())
        return "application.contact";
    for (const char* key : {"name", "phone"})
        if (!form["contact"].contains(key) || !form["contact"][key].is_string())
            return std::string("application.contact.") + key;
    if (!form.contains("intake") || !form["intake"].is_object())
        return "application.intake";
    for (const char* key : {"conventional", "nonConventional"})
        if (!form["intake"].contains(key) || !form["intake"][key].is_number())
            return std::string("application.intake.") + key;
    return {};
}

} // namespace

std::optional<Json> applicationDocument(const std::string& enterpriseText, const std::string& baseDir,
                                        std::string& error) {
    const Json raw = Json::parse(enterpriseText, nullptr, false);
    if (!raw.is_object()) {
        error = "the enterprise file is not a JSON object";
        return std::nullopt;
    }
    const auto form = raw.find("application");
    if (form == raw.end() || !form->is_object()) {
        error =
            "application: missing (the form's fields: address, legalRepresentative, contact, intake, ...)";
        return std::nullopt;
    }
    if (const std::string missing = missingField(*form); !missing.empty()) {
        error = missing + ": missing or of the wrong type";
        return std::nullopt;
    }
    benchmarking::EnterpriseResult parsed = benchmarking::parseEnterprise(enterpriseText, baseDir);
    if (!parsed.enterprise) {
        error = parsed.errors.empty() ? "the enterprise file could not be read" : parsed.errors.front();
        return std::nullopt;
    }
    const benchmarking::Enterprise& e = *parsed.enterprise;
    if (e.creditCode.empty()) {
        error = "creditCode: missing";
        return std::nullopt;
    }
    Json years = Json::array();
    for (const benchmarking::EnterpriseYear& y : e.years) {
        if (!y.indicators)
            continue;
        Json facts = Json::object();
        for (const auto& [key, value] : y.facts)
            facts[key] = factJson(value);
        years.push_back({{"year", y.year},
                         {"source", y.source},
                         {"facts", facts},
                         {"indicators", Json::parse(indicators::toJson(*y.indicators))["indicators"]}});
        if (static_cast<int>(years.size()) == applicationYears)
            break;
    }
    if (static_cast<int>(years.size()) < applicationYears) {
        error = "years: " + std::to_string(years.size()) + " year(s) with indicators, an application needs " +
                std::to_string(applicationYears);
        return std::nullopt;
    }
    Json facts = Json::object();
    for (const auto& [key, value] : e.facts)
        facts[key] = factJson(value);
    Json enterprise{{"name", e.name},
                    {"creditCode", e.creditCode},
                    {"industry", e.benchmark.industry},
                    {"region", e.benchmark.region}};
    for (const auto& [key, value] : form->items())
        enterprise[key] = value;
    return Json{{"format", "shuiheng-leader-application"},
                {"version", 1},
                {"enterprise", enterprise},
                {"facts", facts},
                {"years", years}};
}

} // namespace shuiheng::report
