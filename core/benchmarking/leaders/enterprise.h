#pragma once
// An enterprise over several years, as a leader application needs it (docs/benchmarking.md,
// "Enterprise file"): its identity, the facts it states (permits, accidents, equipment, ...) and
// each year's indicators — computed from a plant file, read from an `indicators --json` document,
// or given inline.
//
//   {"format": "shuiheng-enterprise", "version": 1, "name": "…", "creditCode": "…",
//    "industry": "steel", "region": "青海", "quota": "TABLE/ROW", "conditions": [],
//    "facts": {"independentLegalEntity": true, …},
//    "years": [{"year": 2024, "plant": "2024.json", "facts": {…}},
//              {"year": 2023, "indicators": "2023-indicators.json"},
//              {"year": 2022, "flowUnit": "m3/h", "indicators": [{"key": "intake", "value": 250, "sigma":
//              3}]}]}

#include "benchmarking/leaders/rule_set.h"
#include "indicators/indicator.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::benchmarking {

struct EnterpriseYear {
    int year = 0;
    std::optional<indicators::IndicatorReport> indicators;
    std::map<std::string, FactValue> facts; ///< this year's facts (over the enterprise's)
    std::string source;                     ///< where the indicators came from
};

struct Enterprise {
    std::string name;
    std::string creditCode;
    std::map<std::string, FactValue> facts;
    indicators::BenchmarkSettings benchmark; ///< industry, quota, region, conditions
    std::vector<EnterpriseYear> years;       ///< most recent first
    std::string path;
};

struct EnterpriseResult {
    std::optional<Enterprise> enterprise;
    std::vector<std::string> errors; ///< each naming the year or field
};

/// Reads an enterprise file; plant and indicator files it names are read relative to `baseDir`
/// (plants are validated and their indicators computed).
EnterpriseResult parseEnterprise(std::string_view json, const std::string& baseDir);

/// An enterprise of one year from a plant's or an indicator document's indicators.
Enterprise enterpriseOf(const indicators::IndicatorReport& report, int year);

} // namespace shuiheng::benchmarking
