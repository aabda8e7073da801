#pragma once
// Eligibility criteria as data (docs/benchmarking.md, "Rule sets"): a programme's criteria for
// one year and region — the 2020 national water-efficiency-leader criteria, a province's variant —
// as a JSON rule set in data/rules/. A variant `extends` another and replaces (same id), adds or
// removes rules. Each rule holds one condition tree over the enterprise's facts and indicators.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shuiheng::benchmarking {

inline constexpr std::string_view ruleSetFormat = "shuiheng-rule-set";

/// A fact an enterprise states: yes/no, a number, or a text.
using FactValue = std::variant<bool, double, std::string>;

struct Condition {
    enum class Kind {
        Fact,        ///< {"fact": "abstractionPermit", "equals": true, "years": 3}
        Value,       ///< {"value": "annualIntake", ">": 150000, "unit": "m3/a", "years": 1}
        Quota,       ///< {"quota": "advanced"}: unit-product intake meets that level of its quota
        WaterSaving, ///< {"waterSavingEnterprise": true}: every applicable threshold met
        All,         ///< {"all": [...]}
        Any,         ///< {"any": [...]}
        Not,         ///< {"not": {...}}
    };
    Kind kind = Kind::Fact;
    std::string name; ///< fact or value name, or the quota level key
    FactValue equals = true;
    std::string op;    ///< ">", ">=", "<", "<=" for Value
    double number = 0; ///< the bound for Value
    std::string unit;  ///< the bound's unit for Value ("m3/a", "1", "%", "m3/t")
    int years = 1;     ///< over how many of the most recent years it must hold
    std::vector<Condition> children;
};

struct Rule {
    std::string id;
    std::string title; ///< as the criteria say it (中文)
    std::string text;  ///< a longer explanation, the clause
    Condition test;
};

struct RuleSet {
    std::string id;
    std::string title;
    std::string programme; ///< "water-efficiency-leader", ...
    int year = 0;
    std::string region;  ///< "national" or a province
    std::string extends; ///< the id of the set this varies, as written
    std::string source;  ///< the document(s) the criteria come from
    std::string verification;
    std::string note;
    std::vector<Rule> rules; ///< resolved: the base's rules with this set's changes
    std::string path;
};

struct RuleSetLibrary {
    std::vector<RuleSet> sets;       ///< resolved, by id
    std::vector<std::string> errors; ///< files or sets that could not be read, each named

    const RuleSet* find(std::string_view id) const;
};

/// Reads every *.json in the directory and resolves `extends` (a missing base or a cycle is an error
/// naming the set).
RuleSetLibrary loadRuleSets(const std::string& directory);

/// Parses one rule set (unresolved: `extends` not applied). Errors name the rule and field.
std::optional<RuleSet> parseRuleSet(std::string_view json, std::vector<std::string>& errors,
                                    std::vector<std::string>* removed = nullptr);

std::string describe(const FactValue& value);

} // namespace shuiheng::benchmarking
