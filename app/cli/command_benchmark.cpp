// shuiheng-cli benchmark FILE [--json]: an enterprise against the quota library and the leader
// rule sets (docs/benchmarking.md). FILE is a plant file, an `indicators --json` document, or an
// enterprise file with several years.

#include "benchmarking/leaders/evaluate.h"
#include "cli/benchmarking_commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"
#include "indicators/indicator_json.h"
#include "indicators/plant_indicators.h"
#include "io/atomic_file.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace shuiheng::cli {
namespace {

using Json = nlohmann::ordered_json;
using namespace benchmarking;

struct BenchmarkArgs {
    std::string path;
    bool json = false;
    std::string library;
    std::string rulesDir;
    std::vector<std::string> rules;
    bool noRules = false;
    int year = 0;
    std::string industry;
    std::string region;
    std::string quota;
};

Json number(std::optional<double> v) {
    return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

Json comparisonJson(const Comparison& c) {
    Json levels = Json::array();
    for (const LevelResult& l : c.levels)
        levels.push_back({{"key", l.key},
                          {"name", l.name},
                          {"limit", l.limit},
                          {"met", l.met ? Json(*l.met) : Json(nullptr)},
                          {"probability", number(l.probability)}});
    Json j{{"table", c.table},
           {"tableVersion", c.tableVersion},
           {"row", c.row},
           {"product", c.product},
           {"indicator", c.indicator},
           {"value", number(c.value)},
           {"sigma", number(c.sigma)},
           {"unit", c.unit},
           {"better", c.higherIsBetter ? "higher" : "lower"},
           {"levels", std::move(levels)},
           {"grade", c.grade ? Json(*c.grade) : Json(nullptr)}};
    if (!c.reason.empty())
        j["reason"] = c.reason;
    j["notes"] = c.notes;
    j["source"] = {{"document", c.source.document},
                   {"edition", c.source.edition},
                   {"table", c.source.table},
                   {"via", c.source.via}};
    j["verification"] = c.verification;
    return j;
}

Json verdictJson(const RuleSetResult& r) {
    Json rules = Json::array();
    for (const RuleResult& rule : r.rules) {
        Json j{{"id", rule.id},
               {"title", rule.title},
               {"verdict", toString(rule.verdict)},
               {"reason", rule.reason}};
        if (rule.verdict == Verdict::Unknown)
            j["missing"] = rule.missing;
        rules.push_back(std::move(j));
    }
    return {{"ruleSet", r.ruleSet},
            {"title", r.title},
            {"verdict", toString(r.verdict)},
            {"rules", std::move(rules)}};
}

std::string levelCell(const LevelResult& l) {
    if (!l.met)
        return fmt::format("{} {:.4g}", l.name.empty() ? l.key : l.name, l.limit);
    return fmt::format("{} {:.4g}: {} (P = {:.3f})", l.name.empty() ? l.key : l.name, l.limit,
                       *l.met ? "met" : "not met", l.probability.value_or(0));
}

void printComparisons(const std::string& title, const std::vector<Comparison>& list, std::ostream& out) {
    if (list.empty())
        return;
    out << '\n' << title << '\n';
    TextTable table({"table/row", "indicator", "value", "levels", "grade", "source"});
    for (const Comparison& c : list) {
        std::string levels;
        for (const LevelResult& l : c.levels)
            levels += (levels.empty() ? "" : "; ") + levelCell(l);
        std::string value = c.value ? fmt::format("{:.4g} ± {:.2g} {}", *c.value, c.sigma.value_or(0),
                                                  c.unit == "1" ? "" : c.unit)
                                    : c.reason;
        table.addRow({c.table + "/" + c.row, c.indicator, value, levels, c.grade.value_or("—"),
                      c.source.document + " (" + c.verification + ")"});
    }
    table.print(out);
    for (const Comparison& c : list)
        for (const std::string& n : c.notes)
            out << "  " << c.table << "/" << c.row << ": " << n << '\n';
}

int currentYear() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&t, &local);
    return local.tm_year + 1900;
}

/// The enterprise the file describes; nullopt (with messages) when it cannot be read.
std::optional<Enterprise> loadEnterprise(const BenchmarkArgs& args, std::ostream& err) {
    std::string error;
    const auto text = readWholeFile(args.path, error);
    if (!text) {
        err << error << '\n';
        return std::nullopt;
    }
    const nlohmann::json probe = nlohmann::json::parse(*text, nullptr, false);
    const std::string format = probe.is_object() && probe.contains("format") && probe["format"].is_string()
                                   ? probe["format"].get<std::string>()
                                   : "";
    const int year = args.year > 0 ? args.year : currentYear() - 1;
    std::optional<Enterprise> e;
    if (format == "shuiheng-enterprise") {
        const std::string base = std::filesystem::path(args.path).parent_path().string();
        EnterpriseResult r = parseEnterprise(*text, base.empty() ? "." : base);
        for (const std::string& m : r.errors)
            err << args.path << ": " << m << '\n';
        e = std::move(r.enterprise);
    } else if (format == indicators::indicatorsFormat) {
        auto report = indicators::parseIndicatorsJson(*text, &error);
        if (!report) {
            err << args.path << ": " << error << '\n';
            return std::nullopt;
        }
        e = enterpriseOf(*report, year);
    } else {
        const auto plant = loadPlantOrReport(args.path, err);
        if (!plant)
            return std::nullopt;
        indicators::IndicatorOptions options;
        options.groups = false;
        options.units = false;
        const auto report = indicators::computeIndicators(*plant, options);
        if (!report.failure.empty()) {
            err << args.path << ": " << report.failure << '\n';
            return std::nullopt;
        }
        e = enterpriseOf(report, year);
    }
    if (!e)
        return std::nullopt;
    // Command-line settings win over the file's.
    if (!args.industry.empty())
        e->benchmark.industry = args.industry;
    if (!args.region.empty())
        e->benchmark.region = args.region;
    if (!args.quota.empty())
        e->benchmark.quota = args.quota;
    for (EnterpriseYear& y : e->years)
        if (y.indicators)
            y.indicators->benchmark = e->benchmark;
    return e;
}

void run(const BenchmarkArgs& args, int& status) {
    const auto enterprise = loadEnterprise(args, std::cerr);
    if (!enterprise) {
        status = exitInvalidInput;
        return;
    }
    const QuotaLibrary library = loadQuotaLibrary(shippedDataDir() / "quotas", userQuotaDir(args.library));
    RuleSetLibrary rules = loadRuleSets((shippedDataDir() / "rules").string());
    if (!args.rulesDir.empty()) {
        RuleSetLibrary own = loadRuleSets(args.rulesDir);
        for (RuleSet& s : own.sets) {
            std::erase_if(rules.sets, [&](const RuleSet& x) { return x.id == s.id; });
            rules.sets.push_back(std::move(s));
        }
        rules.errors.insert(rules.errors.end(), own.errors.begin(), own.errors.end());
    }
    std::vector<const RuleSet*> chosen;
    if (!args.noRules) {
        if (args.rules.empty()) {
            for (const RuleSet& s : rules.sets)
                chosen.push_back(&s);
        } else {
            for (const std::string& id : args.rules) {
                const RuleSet* s = rules.find(id);
                if (!s) {
                    std::cerr << "no rule set '" << id << "'\n";
                    status = exitInvalidInput;
                    return;
                }
                chosen.push_back(s);
            }
        }
    }
    const EnterpriseYear* latest = nullptr;
    for (const EnterpriseYear& y : enterprise->years)
        if (y.indicators) {
            latest = &y;
            break;
        }
    BenchmarkReport report;
    if (latest)
        report = benchmark(*latest->indicators, library);
    else
        report.notes.push_back("no year has indicators: nothing to compare with the quotas");
    std::vector<RuleSetResult> verdicts;
    for (const RuleSet* s : chosen)
        verdicts.push_back(evaluate(*s, *enterprise, library));

    if (args.json) {
        Json doc;
        doc["format"] = "shuiheng-benchmark";
        doc["version"] = 1;
        doc["enterprise"] = enterprise->name;
        doc["creditCode"] = enterprise->creditCode;
        doc["industry"] = enterprise->benchmark.industry;
        doc["region"] = enterprise->benchmark.region;
        doc["year"] = latest ? Json(latest->year) : Json(nullptr);
        Json years = Json::array();
        for (const EnterpriseYear& y : enterprise->years)
            years.push_back({{"year", y.year}, {"source", y.source}, {"indicators", bool(y.indicators)}});
        doc["years"] = std::move(years);
        Json quotas = Json::array(), thresholds = Json::array();
        for (const Comparison& c : report.quotas)
            quotas.push_back(comparisonJson(c));
        for (const Comparison& c : report.thresholds)
            thresholds.push_back(comparisonJson(c));
        doc["quotas"] = std::move(quotas);
        doc["thresholds"] = std::move(thresholds);
        doc["waterSavingEnterprise"] =
            report.waterSavingEnterprise ? Json(*report.waterSavingEnterprise) : Json(nullptr);
        doc["notes"] = report.notes;
        Json leader = Json::array();
        for (const RuleSetResult& r : verdicts)
            leader.push_back(verdictJson(r));
        doc["leaderRules"] = std::move(leader);
        std::vector<std::string> errors = library.errors;
        errors.insert(errors.end(), rules.errors.begin(), rules.errors.end());
        doc["libraryErrors"] = errors;
        std::cout << doc.dump(2) << '\n';
        status = exitOk;
        return;
    }
    auto& out = std::cout;
    out << "Benchmark of " << enterprise->name;
    if (!enterprise->benchmark.industry.empty())
        out << " (industry " << enterprise->benchmark.industry << ")";
    if (latest)
        out << ", year " << latest->year;
    out << "\nP = probability that the true value meets the level (normal, from σ)\n";
    printComparisons("Quota (unit-product intake inside the quota boundary)", report.quotas, out);
    printComparisons("Water-saving-enterprise thresholds", report.thresholds, out);
    if (report.waterSavingEnterprise)
        out << "Water-saving enterprise thresholds: "
            << (*report.waterSavingEnterprise ? "all met" : "NOT all met") << '\n';
    for (const std::string& n : report.notes)
        out << "note: " << n << '\n';
    for (const RuleSetResult& r : verdicts) {
        out << fmt::format("\n{} ({}): {}\n", r.title, r.ruleSet, toString(r.verdict));
        TextTable table({"rule", "verdict", "why"});
        for (const RuleResult& rule : r.rules) {
            std::string why = rule.reason;
            if (rule.verdict == Verdict::Unknown && !rule.missing.empty())
                why = fmt::format("missing: {}{}", fmt::join(rule.missing, ", "),
                                  why.empty() ? "" : "; " + why);
            table.addRow(
                {rule.title.empty() ? rule.id : rule.title, std::string(toString(rule.verdict)), why});
        }
        table.print(out);
    }
    for (const std::string& e : library.errors)
        std::cerr << "warning: " << e << '\n';
    for (const std::string& e : rules.errors)
        std::cerr << "warning: " << e << '\n';
    status = exitOk;
}

} // namespace

void addBenchmarkCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand(
        "benchmark",
        "Compare an enterprise with the quotas, the water-saving thresholds and the leader criteria");
    auto args = std::make_shared<BenchmarkArgs>();
    cmd->add_option("FILE", args->path, "plant file, indicators document or enterprise file")->required();
    cmd->add_flag("--json", args->json, "JSON output");
    cmd->add_option("--library", args->library, "directory of the bureau's imported quota tables");
    cmd->add_option("--rules-dir", args->rulesDir, "a directory of further rule sets (same id: replaces)");
    cmd->add_option("--rules", args->rules, "rule sets to evaluate (default: all)")->delimiter(',');
    cmd->add_flag("--no-rules", args->noRules, "leave out the leader criteria");
    cmd->add_option("--year", args->year, "the year a single plant or indicators document stands for")
        ->check(CLI::Range(1900, 3000));
    cmd->add_option("--industry", args->industry, "industry (overrides the file's benchmark.industry)");
    cmd->add_option("--region", args->region, "province (overrides the file's benchmark.region)");
    cmd->add_option("--quota", args->quota, "TABLE/ROW of the quota that applies");
    cmd->callback([args, &status] { run(*args, status); });
}

} // namespace shuiheng::cli
