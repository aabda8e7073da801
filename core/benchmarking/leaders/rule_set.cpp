#include "benchmarking/leaders/rule_set.h"

#include "io/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

namespace shuiheng::benchmarking {
namespace {

using Json = nlohmann::json;

std::string text(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::optional<FactValue> factValue(const Json& j) {
    if (j.is_boolean())
        return j.get<bool>();
    if (j.is_number())
        return j.get<double>();
    if (j.is_string())
        return j.get<std::string>();
    return std::nullopt;
}

std::optional<Condition> parseCondition(const Json& j, const std::string& where,
                                        std::vector<std::string>& errors) {
    if (!j.is_object()) {
        errors.push_back(where + ": a condition must be an object");
        return std::nullopt;
    }
    Condition c;
    if (j.contains("years")) {
        if (!j["years"].is_number_integer() || j["years"].get<int>() < 1) {
            errors.push_back(where + ": \"years\" must be a whole number of at least 1");
            return std::nullopt;
        }
        c.years = j["years"].get<int>();
    }
    for (const char* group : {"all", "any"})
        if (j.contains(group)) {
            c.kind = std::string_view(group) == "all" ? Condition::Kind::All : Condition::Kind::Any;
            if (!j[group].is_array() || j[group].empty()) {
                errors.push_back(where + ": \"" + group + "\" needs a non-empty list of conditions");
                return std::nullopt;
            }
            std::size_t k = 0;
            for (const Json& child : j[group]) {
                auto parsed = parseCondition(child, fmt::format("{}.{}[{}]", where, group, k++), errors);
                if (!parsed)
                    return std::nullopt;
                c.children.push_back(std::move(*parsed));
            }
            return c;
        }
    if (j.contains("not")) {
        c.kind = Condition::Kind::Not;
        auto parsed = parseCondition(j["not"], where + ".not", errors);
        if (!parsed)
            return std::nullopt;
        c.children.push_back(std::move(*parsed));
        return c;
    }
    if (j.contains("fact")) {
        c.kind = Condition::Kind::Fact;
        c.name = text(j, "fact");
        const auto v = j.contains("equals") ? factValue(j["equals"]) : std::nullopt;
        if (c.name.empty() || !v) {
            errors.push_back(where + ": a fact condition needs \"fact\" (a name) and \"equals\" (a value)");
            return std::nullopt;
        }
        c.equals = *v;
        return c;
    }
    if (j.contains("value")) {
        c.kind = Condition::Kind::Value;
        c.name = text(j, "value");
        for (const char* op : {">=", "<=", ">", "<"})
            if (j.contains(op) && j[op].is_number()) {
                c.op = op;
                c.number = j[op].get<double>();
            }
        c.unit = text(j, "unit");
        if (c.name.empty() || c.op.empty()) {
            errors.push_back(where +
                             ": a value condition needs \"value\" (a name) and one of >, >=, <, <= with a "
                             "number");
            return std::nullopt;
        }
        return c;
    }
    if (j.contains("quota")) {
        c.kind = Condition::Kind::Quota;
        c.name = text(j, "quota");
        if (c.name.empty()) {
            errors.push_back(where + ": \"quota\" names the level to meet, e.g. \"advanced\"");
            return std::nullopt;
        }
        return c;
    }
    if (j.contains("waterSavingEnterprise")) {
        c.kind = Condition::Kind::WaterSaving;
        if (!j["waterSavingEnterprise"].is_boolean()) {
            errors.push_back(where + ": \"waterSavingEnterprise\" must be true or false");
            return std::nullopt;
        }
        c.equals = j["waterSavingEnterprise"].get<bool>();
        return c;
    }
    errors.push_back(where +
                     ": unknown condition (expected fact, value, quota, waterSavingEnterprise, all, any "
                     "or not)");
    return std::nullopt;
}

} // namespace

std::string describe(const FactValue& value) {
    if (const bool* b = std::get_if<bool>(&value))
        return *b ? "yes" : "no";
    if (const double* d = std::get_if<double>(&value))
        return fmt::format("{:g}", *d);
    return "\"" + std::get<std::string>(value) + "\"";
}

const RuleSet* RuleSetLibrary::find(std::string_view id) const {
    for (const RuleSet& s : sets)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::optional<RuleSet> parseRuleSet(std::string_view input, std::vector<std::string>& errors,
                                    std::vector<std::string>* removed) {
    const Json doc = Json::parse(input, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        errors.push_back("not a JSON object");
        return std::nullopt;
    }
    if (text(doc, "format") != ruleSetFormat || !doc.contains("version") || doc["version"] != 1) {
        errors.push_back(
            fmt::format("not a rule set: \"format\" must be \"{}\" and \"version\" 1", ruleSetFormat));
        return std::nullopt;
    }
    RuleSet set;
    const std::size_t before = errors.size();
    set.id = text(doc, "id");
    set.title = text(doc, "title");
    set.programme = text(doc, "programme");
    set.year = doc.contains("year") && doc["year"].is_number_integer() ? doc["year"].get<int>() : 0;
    set.region = text(doc, "region");
    set.extends = text(doc, "extends");
    set.source = text(doc, "source");
    set.verification = text(doc, "verification");
    set.note = text(doc, "note");
    if (set.id.empty())
        errors.push_back("missing id");
    if (set.source.empty())
        errors.push_back(set.id + ": missing source (the criteria's document)");
    if (doc.contains("remove") && removed)
        for (const Json& r : doc["remove"])
            if (r.is_string())
                removed->push_back(r.get<std::string>());
    std::set<std::string> ids;
    std::size_t k = 0;
    for (const Json& j : doc.contains("rules") && doc["rules"].is_array() ? doc["rules"] : Json::array()) {
        Rule rule;
        rule.id = text(j, "id");
        rule.title = text(j, "title");
        rule.text = text(j, "text");
        const std::string where = fmt::format("rule {} ({})", k + 1, rule.id.empty() ? "no id" : rule.id);
        ++k;
        if (rule.id.empty() || !ids.insert(rule.id).second) {
            errors.push_back(where + ": needs a unique id");
            continue;
        }
        if (!j.contains("test")) {
            errors.push_back(where + ": no test");
            continue;
        }
        auto test = parseCondition(j["test"], where + ".test", errors);
        if (!test)
            continue;
        rule.test = std::move(*test);
        set.rules.push_back(std::move(rule));
    }
    if (set.rules.empty() && set.extends.empty())
        errors.push_back(set.id + ": no rules");
    if (errors.size() != before)
        return std::nullopt;
    return set;
}

RuleSetLibrary loadRuleSets(const std::string& directory) {
    namespace fs = std::filesystem;
    RuleSetLibrary lib;
    struct Raw {
        RuleSet set;
        std::vector<std::string> removed;
    };
    std::vector<Raw> raw;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json")
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::string error;
        const auto content = readWholeFile(file, error);
        if (!content) {
            lib.errors.push_back(file.string() + ": " + error);
            continue;
        }
        std::vector<std::string> errors;
        Raw r;
        auto set = parseRuleSet(*content, errors, &r.removed);
        if (!set) {
            lib.errors.push_back(fmt::format("{}: {}", file.string(), fmt::join(errors, "; ")));
            continue;
        }
        r.set = std::move(*set);
        r.set.path = file.string();
        raw.push_back(std::move(r));
    }
    // Resolve `extends`, bases first; a chain longer than the number of sets is a cycle.
    std::function<std::optional<RuleSet>(const Raw&, std::size_t)> resolve =
        [&](const Raw& r, std::size_t depth) -> std::optional<RuleSet> {
        if (r.set.extends.empty())
            return r.set;
        if (depth > raw.size()) {
            lib.errors.push_back(r.set.id + ": extends itself through a cycle");
            return std::nullopt;
        }
        const auto base =
            std::find_if(raw.begin(), raw.end(), [&](const Raw& b) { return b.set.id == r.set.extends; });
        if (base == raw.end()) {
            lib.errors.push_back(
                fmt::format("{}: extends '{}', which is not in {}", r.set.id, r.set.extends, directory));
            return std::nullopt;
        }
        auto resolved = resolve(*base, depth + 1);
        if (!resolved)
            return std::nullopt;
        RuleSet out = r.set;
        out.rules = resolved->rules;
        for (const std::string& id : r.removed)
            out.rules.erase(
                std::remove_if(out.rules.begin(), out.rules.end(), [&](const Rule& x) { return x.id == id; }),
                out.rules.end());
        for (const Rule& rule : r.set.rules) {
            const auto same = std::find_if(out.rules.begin(), out.rules.end(),
                                           [&](const Rule& x) { return x.id == rule.id; });
            if (same != out.rules.end())
                *same = rule;
            else
                out.rules.push_back(rule);
        }
        return out;
    };
    for (const Raw& r : raw)
        if (auto s = resolve(r, 0))
            lib.sets.push_back(std::move(*s));
    return lib;
}

} // namespace shuiheng::benchmarking
