#include "benchmarking/grades/benchmark.h"

#include "text/catalogue.h"
#include "text/message_codes.h"

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

/// A note said in English beside its message.
void note(std::vector<std::string>& english, std::vector<text::Message>& messages, text::Message m) {
    english.push_back(text::english(m));
    messages.push_back(std::move(m));
}

void setReason(Comparison& c, text::Message m) {
    c.reason = text::english(m);
    c.reasonMessage = std::move(m);
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
    for (const QuotaAdjustment& a : row.adjustments)
        if (std::find(report.benchmark.conditions.begin(), report.benchmark.conditions.end(), a.when) !=
            report.benchmark.conditions.end()) {
            factor *= a.factor;
            std::vector<text::Arg> args{text::number("factor", a.factor), text::term("condition", a.when)};
            if (!a.note.empty())
                args.push_back(text::verbatim("note", a.note));
            note(c.notes, c.noteMessages,
                 text::Message(a.note.empty() ? text::code::levelsAdjusted : text::code::levelsAdjustedNote,
                               std::move(args)));
        }
    for (const QuotaLevel& l : row.levels)
        c.levels.push_back({l.key, l.name, l.value * factor, std::nullopt, std::nullopt});

    if (!ind) {
        setReason(c, text::Message(c.indicator == "unitProductIntake" ? text::code::noIndicatorNeedsProduction
                                                                      : text::code::noIndicator,
                                   {text::term("indicator", c.indicator)}));
        return c;
    }
    if (!ind->value) {
        setReason(c,
                  text::Message(text::code::notKnown,
                                {text::term("indicator", c.indicator),
                                 text::nested("reason", text::orVerbatim(ind->reasonMessage, ind->reason))}));
        return c;
    }
    const auto from = unitOf(*ind);
    const auto scaleOrNone = from ? convert(1.0, *from, row.unit) : std::nullopt;
    if (!scaleOrNone) {
        setReason(c, text::Message(text::code::rowUnitsDiffer,
                                   {text::term("indicator", c.indicator), text::verbatim("unit", ind->unit),
                                    text::verbatim("rowUnit", row.unit.text)}));
        return c;
    }
    const double scale = *scaleOrNone;
    if (ind->unit != row.unit.text && !row.unit.ratio)
        note(c.notes, c.noteMessages,
             text::Message(text::code::convertedFrom,
                           {text::number("value", *ind->value, ".6g"), text::verbatim("unit", ind->unit)}));
    if (c.indicator == "quotaUnitProductIntake")
        for (std::size_t k = 0; k < ind->notes.size(); ++k)
            if (ind->notes[k].rfind("quota boundary", 0) == 0)
                note(c.notes, c.noteMessages,
                     text::orVerbatim(k < ind->noteMessages.size() ? ind->noteMessages[k] : text::Message(),
                                      ind->notes[k]));
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
            note(out.notes, out.noteMessages,
                 text::Message(text::code::quotaNotInLibrary, {text::verbatim("quota", settings.quota)}));
    }
    if (settings.industry.empty()) {
        note(out.notes, out.noteMessages, text::Message(text::code::noIndustry));
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
        note(out.notes, out.noteMessages,
             text::Message(text::code::severalRows,
                           {text::verbatim("table", table.id), text::term("industry", settings.industry),
                            text::idList("rows", names)}));
    }
    if (out.quotas.empty() && settings.quota.empty())
        note(out.notes, out.noteMessages,
             text::Message(text::code::noSingleRow, {text::term("industry", settings.industry)}));
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
