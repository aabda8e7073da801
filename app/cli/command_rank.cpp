// shuiheng-cli rank FILE... --by KEY: enterprises of one industry ranked by an indicator with
// uncertainty (docs/benchmarking.md, "Rankings"). Each FILE is a plant file (its indicators are
// computed), an `indicators --json` document, an enterprise file (its most recent year), or a CSV
// table of many enterprises (header id,value,sigma[,unit][,industry]).

#include "benchmarking/leaders/enterprise.h"
#include "benchmarking/quotas/quota_units.h"
#include "benchmarking/rankings/ranking.h"
#include "cli/benchmarking_commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"
#include "indicators/indicator_json.h"
#include "indicators/plant_indicators.h"
#include "io/atomic_file.h"

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace shuiheng::cli {
namespace {

using Json = nlohmann::ordered_json;
using namespace benchmarking;

struct RankArgs {
    std::vector<std::string> files;
    std::string by;
    int top = 3;
    bool higher = false;
    bool lower = false;
    std::string industry;
    bool json = false;
    double alpha = 0.05;
    bool monteCarlo = false;
    int draws = 4000;
    int limit = 0;
};

struct Candidate {
    std::string id;
    std::string source;
    std::string industry;
    std::optional<double> value;
    double sigma = 0;
    std::string unit;
    std::string reason; ///< why it has no value
};

Candidate fromReport(const indicators::IndicatorReport& report, const std::string& key,
                     const std::string& source) {
    Candidate c;
    c.id = report.plantName.empty() ? source : report.plantName;
    c.source = source;
    c.industry = report.benchmark.industry;
    const indicators::Indicator* i = report.find(key);
    if (!i) {
        c.reason = "no indicator " + key;
    } else if (!i->value) {
        c.reason = i->reason;
    } else {
        c.value = *i->value;
        c.sigma = i->sigma.value_or(0);
        c.unit = i->unit;
    }
    return c;
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else if (ch != '\r')
            cell += ch;
    }
    cells.push_back(cell);
    return cells;
}

/// The candidates of one file; false (with a message) when it cannot be read at all.
bool readFile(const std::string& path, const std::string& key, std::vector<Candidate>& out,
              std::ostream& err) {
    std::string error;
    const auto text = readWholeFile(path, error);
    if (!text) {
        err << error << '\n';
        return false;
    }
    if (std::filesystem::path(path).extension() == ".csv") {
        std::istringstream in(*text);
        std::string line;
        std::getline(in, line);
        if (line.rfind("\xEF\xBB\xBF", 0) == 0)
            line = line.substr(3);
        const auto header = splitCsv(line);
        auto column = [&](const char* name) -> int {
            const auto it = std::find(header.begin(), header.end(), name);
            return it == header.end() ? -1 : static_cast<int>(it - header.begin());
        };
        const int id = column("id"), value = column("value"), sigma = column("sigma"), unit = column("unit"),
                  industry = column("industry");
        if (id < 0 || value < 0 || sigma < 0) {
            err << path << ": a CSV needs the columns id, value and sigma (and may have unit, industry)\n";
            return false;
        }
        int lineNo = 1;
        while (std::getline(in, line)) {
            ++lineNo;
            if (line.find_first_not_of(" ,\r") == std::string::npos)
                continue;
            const auto cells = splitCsv(line);
            auto cell = [&](int c) {
                return c >= 0 && c < static_cast<int>(cells.size()) ? cells[c] : std::string();
            };
            Candidate c;
            c.id = cell(id);
            c.source = fmt::format("{}:{}", path, lineNo);
            c.unit = cell(unit);
            c.industry = cell(industry);
            try {
                std::size_t used = 0;
                const double v = std::stod(cell(value), &used);
                const double s = std::stod(cell(sigma));
                if (!std::isfinite(v) || !std::isfinite(s) || s < 0)
                    throw std::invalid_argument("range");
                c.value = v;
                c.sigma = s;
            } catch (const std::exception&) {
                err << fmt::format("{}:{}: value and sigma must be numbers (sigma ≥ 0)\n", path, lineNo);
                return false;
            }
            out.push_back(std::move(c));
        }
        return true;
    }
    const nlohmann::json probe = nlohmann::json::parse(*text, nullptr, false);
    const std::string format = probe.is_object() && probe.contains("format") && probe["format"].is_string()
                                   ? probe["format"].get<std::string>()
                                   : "";
    if (format == indicators::indicatorsFormat) {
        const auto report = indicators::parseIndicatorsJson(*text, &error);
        if (!report) {
            err << path << ": " << error << '\n';
            return false;
        }
        out.push_back(fromReport(*report, key, path));
        return true;
    }
    if (format == "shuiheng-enterprise") {
        const std::string base = std::filesystem::path(path).parent_path().string();
        const EnterpriseResult r = parseEnterprise(*text, base.empty() ? "." : base);
        if (!r.enterprise) {
            for (const std::string& m : r.errors)
                err << path << ": " << m << '\n';
            return false;
        }
        for (const EnterpriseYear& y : r.enterprise->years)
            if (y.indicators) {
                Candidate c = fromReport(*y.indicators, key, path);
                c.id = r.enterprise->name.empty() ? c.id : r.enterprise->name;
                c.industry = r.enterprise->benchmark.industry;
                out.push_back(std::move(c));
                return true;
            }
        err << path << ": no year has indicators\n";
        return false;
    }
    const auto plant = loadPlantOrReport(path, err);
    if (!plant)
        return false;
    indicators::IndicatorOptions options;
    options.groups = false;
    options.units = false;
    const auto report = indicators::computeIndicators(*plant, options);
    if (!report.failure.empty()) {
        err << path << ": " << report.failure << '\n';
        return false;
    }
    out.push_back(fromReport(report, key, path));
    return true;
}

void run(const RankArgs& args, int& status) {
    std::vector<Candidate> all;
    for (const std::string& f : args.files)
        if (!readFile(f, args.by, all, std::cerr)) {
            status = exitInvalidInput;
            return;
        }
    bool higher = args.higher;
    if (!args.higher && !args.lower) {
        const auto known = indicators::higherIsBetter(args.by);
        if (!known) {
            std::cerr << "say whether higher or lower values of " << args.by
                      << " are better (--higher-is-better / --lower-is-better)\n";
            status = exitInvalidInput;
            return;
        }
        higher = *known;
    }
    // One industry, one unit.
    std::vector<Candidate> ranked, notRanked;
    std::string unit;
    std::vector<std::string> industries;
    for (Candidate& c : all) {
        if (!args.industry.empty() && c.industry != args.industry) {
            c.reason = c.industry.empty() ? "industry unknown" : "industry " + c.industry;
            notRanked.push_back(std::move(c));
            continue;
        }
        if (!c.value) {
            notRanked.push_back(std::move(c));
            continue;
        }
        if (unit.empty())
            unit = c.unit;
        if (!c.unit.empty() && c.unit != unit) {
            const auto from = parseQuotaUnit(c.unit), to = parseQuotaUnit(unit);
            const auto factor = from && to ? convert(1.0, *from, *to) : std::nullopt;
            if (!factor) {
                std::cerr << fmt::format("{}: {} is in {}, others in {}: they cannot be ranked together\n",
                                         c.source, args.by, c.unit, unit);
                status = exitInvalidInput;
                return;
            }
            *c.value *= *factor;
            c.sigma *= *factor;
            c.unit = unit;
        }
        if (std::find(industries.begin(), industries.end(), c.industry) == industries.end())
            industries.push_back(c.industry);
        ranked.push_back(std::move(c));
    }
    std::vector<RankEntry> entries;
    for (const Candidate& c : ranked)
        entries.push_back({c.id, *c.value, c.sigma});
    RankOptions options;
    options.topK = args.top;
    options.higherIsBetter = higher;
    options.alpha = args.alpha;
    options.forceMonteCarlo = args.monteCarlo;
    options.draws = args.draws;
    const Ranking ranking = rankEnterprises(entries, options);
    std::vector<std::string> warnings;
    if (args.industry.empty() && industries.size() > 1)
        warnings.push_back(fmt::format(
            "the enterprises belong to {} industries; rank one industry with --industry", industries.size()));

    const std::size_t shown =
        args.limit > 0 ? std::min<std::size_t>(ranking.order.size(), static_cast<std::size_t>(args.limit))
                       : ranking.order.size();
    if (args.json) {
        Json doc;
        doc["format"] = "shuiheng-ranking";
        doc["version"] = 1;
        doc["by"] = args.by;
        doc["unit"] = unit;
        doc["better"] = higher ? "higher" : "lower";
        doc["topK"] = args.top;
        doc["alpha"] = args.alpha;
        doc["method"] = ranking.method;
        doc["draws"] = ranking.draws;
        Json list = Json::array();
        for (std::size_t p = 0; p < shown; ++p) {
            const RankedEnterprise& r = ranking.order[p];
            const Candidate& c = ranked[r.entry];
            Json ties = Json::array();
            for (std::size_t t : r.tiedWith)
                ties.push_back(ranked[t].id);
            list.push_back({{"rank", r.rank},
                            {"id", c.id},
                            {"source", c.source},
                            {"value", *c.value},
                            {"sigma", c.sigma},
                            {"probabilityTopK", r.probabilityTopK},
                            {"rankRange", {r.bestRank, r.worstRank}},
                            {"tiedCount", r.tiedCount},
                            {"tiedWith", std::move(ties)}});
        }
        doc["enterprises"] = std::move(list);
        Json pairs = Json::array();
        for (const auto& [a, b] : ranking.adjacentTies)
            pairs.push_back({ranked[a].id, ranked[b].id});
        doc["indistinguishableNeighbours"] = std::move(pairs);
        Json skipped = Json::array();
        for (const Candidate& c : notRanked)
            skipped.push_back({{"id", c.id}, {"source", c.source}, {"reason", c.reason}});
        doc["notRanked"] = std::move(skipped);
        doc["warnings"] = warnings;
        std::cout << doc.dump(2) << '\n';
        status = exitOk;
        return;
    }
    std::cout << fmt::format("Ranking by {} ({} is better{}), P(top {}) by the {} method{}\n\n", args.by,
                             higher ? "higher" : "lower", unit.empty() || unit == "1" ? "" : ", " + unit,
                             args.top, ranking.method,
                             ranking.draws ? fmt::format(" ({} draws)", ranking.draws) : "");
    TextTable table({"rank", "enterprise", "value ± σ", fmt::format("P(top {})", args.top), "rank range",
                     "cannot be told from"},
                    {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left});
    for (std::size_t p = 0; p < shown; ++p) {
        const RankedEnterprise& r = ranking.order[p];
        const Candidate& c = ranked[r.entry];
        std::string ties;
        for (std::size_t t = 0; t < r.tiedWith.size() && t < 3; ++t)
            ties += (t ? ", " : "") + ranked[r.tiedWith[t]].id;
        if (r.tiedCount > 3)
            ties += fmt::format(" and {} more", r.tiedCount - 3);
        table.addRow({std::to_string(r.rank), c.id, fmt::format("{:.4g} ± {:.2g}", *c.value, c.sigma),
                      fmt::format("{:.3f}", r.probabilityTopK), fmt::format("{}–{}", r.bestRank, r.worstRank),
                      ties});
    }
    table.print(std::cout);
    if (shown < ranking.order.size())
        std::cout << fmt::format("… {} more (--limit)\n", ranking.order.size() - shown);
    for (const Candidate& c : notRanked)
        std::cout << "not ranked: " << c.id << " (" << c.source << "): " << c.reason << '\n';
    for (const std::string& w : warnings)
        std::cout << "warning: " << w << '\n';
    status = exitOk;
}

} // namespace

void addRankCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("rank", "Rank enterprises by an indicator, with uncertainty");
    auto args = std::make_shared<RankArgs>();
    cmd->add_option("FILE", args->files, "plant files, indicators documents, enterprise files or CSV tables")
        ->required();
    cmd->add_option("--by", args->by, "indicator key (site level)")->default_val("quotaUnitProductIntake");
    cmd->add_option("--top", args->top, "k of the top-k probabilities")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    auto* higher = cmd->add_flag("--higher-is-better", args->higher, "higher values rank first");
    auto* lower = cmd->add_flag("--lower-is-better", args->lower, "lower values rank first");
    higher->excludes(lower);
    cmd->add_option("--industry", args->industry, "rank only enterprises of this industry");
    cmd->add_option("--alpha", args->alpha, "level at which two enterprises count as told apart")
        ->check(CLI::Range(1e-9, 0.5))
        ->capture_default_str();
    cmd->add_flag("--monte-carlo", args->monteCarlo, "top-k probabilities by simulation instead");
    cmd->add_option("--draws", args->draws, "Monte Carlo draws")
        ->check(CLI::Range(100, 10000000))
        ->capture_default_str();
    cmd->add_option("--limit", args->limit, "show only the first N");
    cmd->add_flag("--json", args->json, "JSON output");
    cmd->callback([args, &status] { run(*args, status); });
}

} // namespace shuiheng::cli
