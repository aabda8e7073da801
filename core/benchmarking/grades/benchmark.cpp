#include "benchmarking/grades/benchmark.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace shuiheng::benchmarking {
namespace {

bool regionApplies(const QuotaTable& table, const std::string& region) {
    return table.region == "national" || (!region.empty() && table.region == region);
}

std::string indicatorFor(const QuotaRow& row) {
    return row.indicator == "unitProductIntake" ? "quotaUnitProductIntake" : row.indicator;
}

/// The unit the report's indicator is in, as a quota unit.
std::optional<QuotaUnit> unitOf(const indicators::Indicator& indicator) {
    return parseQuotaUnit(indicator.unit);
}

} // namespace

double probabilityMeets(double value, double sigma, double limit, bool higherIsBetter) {
    const double margin = higherIsBetter ? value - limit : limit - value;
    if (!(sigma > 0))
        return margin >= 0 ? 1.0 : 0.0;
    return 0.5 * std::erfc(-margin / (sigma * std::sqrt(2.0)));
}

Comparison compare(const indicators::IndicatorReport& report, const QuotaTable& table, const QuotaRow& row) {
    Comparison c;
    c.table = table.id;
    c.tableVersion = table.version;
    c.row = row.id;
    c.product = row.product;
    c.unit = row.unit.text;
    c.higherIsBetter = row.higherIsBetter;
    c.source = row.source;
    c.verification = row.verification;
    c.indicator = indicatorFor(row);
    const indicators::Indicator* ind = report.find(c.indicator);
    if (!ind && c.indicator == "quotaUnitProductIntake") {
        c.indicator = "unitProductIntake";
        ind = report.find(c.indicator);
    }

    double factor = 1;
    std::vector<std::string> applied;
    for (const QuotaAdjustment& a : row.adjustments)
        if (std::find(report.benchmark.conditions.begin(), report.benchmark.conditions.end(), a.when) !=
            report.benchmark.conditions.end()) {
            factor *= a.factor;
            applied.push_back(
                fmt::format("levels × {:g} ({}{})", a.factor, a.when, a.note.empty() ? "" : ": " + a.note));
        }
    for (const QuotaLevel& l : row.levels)
        c.levels.push_back({l.key, l.name, l.value * factor, std::nullopt, std::nullopt});
    c.notes = applied;

    if (!ind) {
        c.reason = fmt::format("the enterprise has no indicator {}{}", c.indicator,
                               c.indicator == "unitProductIntake" ? " (it needs \"production\")" : "");
        return c;
    }
    if (!ind->value) {
        c.reason = fmt::format("{} is not known: {}", c.indicator, ind->reason);
        return c;
    }
    const auto from = unitOf(*ind);
    const auto scaleOrNone = from ? convert(1.0, *from, row.unit) : std::nullopt;
    if (!scaleOrNone) {
        c.reason = fmt::format("{} is in {}, the row in {}: the units do not compare", c.indicator, ind->unit,
                               row.unit.text);
        return c;
    }
    const double scale = *scaleOrNone;
    if (ind->unit != row.unit.text && !row.unit.ratio)
        c.notes.push_back(fmt::format("converted from {:.6g} {}", *ind->value, ind->unit));
    if (c.indicator == "quotaUnitProductIntake")
        for (const std::string& n : ind->notes)
            if (n.rfind("quota boundary", 0) == 0)
                c.notes.push_back(n);
    c.value = *ind->value * scale;
    if (ind->sigma)
        c.sigma = *ind->sigma * std::abs(scale);
    for (LevelResult& l : c.levels) {
        l.met = c.higherIsBetter ? *c.value >= l.limit : *c.value <= l.limit;
        l.probability = probabilityMeets(*c.value, c.sigma.value_or(0), l.limit, c.higherIsBetter);
        if (*l.met)
            c.grade = l.key;
    }
    return c;
}

BenchmarkReport benchmark(const indicators::IndicatorReport& report, const QuotaLibrary& library) {
    BenchmarkReport out;
    const indicators::BenchmarkSettings& settings = report.benchmark;
    if (!settings.quota.empty()) {
        const QuotaTable* table = nullptr;
        if (const QuotaRow* row = library.findRow(settings.quota, &table))
            out.quotas.push_back(compare(report, *table, *row));
        else
            out.notes.push_back(
                fmt::format("the quota row '{}' named by the plant (benchmark.quota) is not in the "
                            "library",
                            settings.quota));
    }
    if (settings.industry.empty()) {
        out.notes.push_back("no industry given (benchmark.industry): quota rows and water-saving-enterprise "
                            "thresholds cannot be chosen");
        return out;
    }
    for (const QuotaTable& table : library.inForce) {
        if (!regionApplies(table, settings.region))
            continue;
        std::vector<const QuotaRow*> rows;
        for (const QuotaRow& row : table.rows)
            if (row.industry == settings.industry)
                rows.push_back(&row);
        if (rows.empty())
            continue;
        if (table.kind == "threshold") {
            for (const QuotaRow* row : rows)
                out.thresholds.push_back(compare(report, table, *row));
            continue;
        }
        if (!settings.quota.empty())
            continue;
        if (rows.size() == 1) {
            out.quotas.push_back(compare(report, table, *rows.front()));
            continue;
        }
        std::vector<std::string> names;
        for (const QuotaRow* row : rows)
            names.push_back(table.id + "/" + row->id);
        out.notes.push_back(
            fmt::format("several rows of {} apply to industry {}: {}; name the one that applies "
                        "(benchmark.quota)",
                        table.id, settings.industry, fmt::join(names, ", ")));
    }
    if (out.quotas.empty() && settings.quota.empty())
        out.notes.push_back(fmt::format("no single quota row applies to industry {}", settings.industry));
    if (!out.thresholds.empty()) {
        bool all = true, known = true;
        for (const Comparison& c : out.thresholds) {
            if (!c.value || c.levels.empty())
                known = false;
            else if (!*c.levels.back().met)
                all = false;
        }
        if (!all)
            out.waterSavingEnterprise = false;
        else if (known)
            out.waterSavingEnterprise = true;
    }
    return out;
}

} // namespace shuiheng::benchmarking
