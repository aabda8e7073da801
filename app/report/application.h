#pragma once
// The leader application (水效领跑者申报) as data: the enterprise information table and three years of
// indicators, from an enterprise file (docs/benchmarking.md, "Enterprise file") with an
// "application" object holding the form's own fields:
//
//   "application": {"address": "…", "legalRepresentative": "…", "contact": {"name": "…", "phone": "…"},
//                   "outputValue": {"amount": 180000, "unit": "万元"}, "products": [{"name": "…",
//                   "output": 438000, "unit": "t/a"}], "intake": {"conventional": 1.9e6,
//                   "nonConventional": 2.1e5, "unit": "m3/a"}, "selfEvaluation": "…"}
//
// The years' indicators come through core/benchmarking (plants are validated and computed there).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace shuiheng::report {

inline constexpr int applicationYears = 3;

/// The application document, or nullopt with `error` naming the field or year that is missing.
std::optional<nlohmann::ordered_json> applicationDocument(const std::string& enterpriseText,
                                                          const std::string& baseDir, std::string& error);

} // namespace shuiheng::report
