#include "benchmarking/leaders/evaluate.h"

#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace shuiheng::benchmarking {
namespace {

struct Outcome {
    Verdict verdict = Verdict::Unknown;
    std::vector<std::string> reasons;
    std::vector<std::string> missing;
};

Verdict combine(const std::vector<Verdict>& parts, bool all) {
    const Verdict decisive = all ? Verdict::Fail : Verdict::Pass;
    if (std::find(parts.begin(), parts.end(), decisive) != parts.end())
        return decisive;
    if (std::find(parts.begin(), parts.end(), Verdict::Unknown) != parts.end())
        return Verdict::Unknown;
    return all ? Verdict::Pass : Verdict::Fail;
}

class Evaluator {
public:
    Evaluator(const Enterprise& e, const QuotaLibrary& library)
        : e_(e)
        , library_(library) {}

    Outcome evaluate(const Condition& c);

private:
    const Enterprise& e_;
    const QuotaLibrary& library_;
    std::map<int, BenchmarkReport> benchmarks_;

    const EnterpriseYear* year(int y) const {
        for (const EnterpriseYear& ey : e_.years)
            if (ey.year == y)
                return &ey;
        return nullptr;
    }
    int latest() const { return e_.years.empty() ? 0 : e_.years.front().year; }

    std::optional<FactValue> fact(const std::string& name, int y) const {
        if (const EnterpriseYear* ey = year(y))
            if (const auto it = ey->facts.find(name); it != ey->facts.end())
                return it->second;
        if (const auto it = e_.facts.find(name); it != e_.facts.end())
            return it->second;
        return std::nullopt;
    }

    const BenchmarkReport* benchmarkOf(int y) {
        const EnterpriseYear* ey = year(y);
        if (!ey || !ey->indicators)
            return nullptr;
        auto it = benchmarks_.find(y);
        if (it == benchmarks_.end())
            it = benchmarks_.emplace(y, benchmark(*ey->indicators, library_)).first;
        return &it->second;
    }

    /// A numeric input of one year in `unit`: a stated fact, the annual intake, or an indicator.
    std::optional<double> value(const Condition& c, int y, std::string& reason, std::string& missing);

    Outcome overYears(const Condition& c,
                      const std::function<Verdict(int, std::string&, std::string&)>& one) {
        Outcome o;
        std::vector<Verdict> parts;
        if (e_.years.empty()) {
            o.missing.push_back("the indicators of at least one year");
            return o;
        }
        for (int k = 0; k < c.years; ++k) {
            const int y = latest() - k;
            std::string reason, missing;
            parts.push_back(one(y, reason, missing));
            if (!reason.empty())
                o.reasons.push_back(reason);
            if (!missing.empty())
                o.missing.push_back(missing);
        }
        o.verdict = combine(parts, true);
        return o;
    }
};

std::optional<double> Evaluator::value(const Condition& c, int y, std::string& reason, std::string& missing) {
    if (const auto f = fact(c.name, y)) {
        if (const double* d = std::get_if<double>(&*f))
            return *d;
        reason = fmt::format("{} is {} in {}, not a number", c.name, describe(*f), y);
        return std::nullopt;
    }
    const EnterpriseYear* ey = year(y);
    if (c.name == "annualIntake") {
        if (c.unit != "m3/a" && !c.unit.empty()) {
            reason = fmt::format("annualIntake is in m3/a, the rule asks for {}", c.unit);
            return std::nullopt;
        }
        const indicators::Indicator* intake = ey && ey->indicators ? ey->indicators->find("intake") : nullptr;
        const auto perHour = ey && ey->indicators ? flowUnitInCubicMetresPerHour(ey->indicators->flowUnit)
                                                  : std::optional<double>();
        if (!intake || !intake->value || !perHour) {
            missing = fmt::format("fact annualIntake or the intake indicator ({})", y);
            return std::nullopt;
        }
        double hours = 8760;
        std::string basis = "× 8760 h";
        if (const auto h = fact("operatingHours", y); h && std::holds_alternative<double>(*h)) {
            hours = std::get<double>(*h);
            basis = fmt::format("× {:g} operating hours", hours);
        }
        reason = fmt::format("annualIntake {} from the balance's intake {:.4g} {} {}", y, *intake->value,
                             ey->indicators->flowUnit, basis);
        return *intake->value * *perHour * hours;
    }
    const indicators::Indicator* ind = ey && ey->indicators ? ey->indicators->find(c.name) : nullptr;
    if (!ind || !ind->value) {
        missing = fmt::format("{} ({})", c.name, y);
        if (ind && !ind->reason.empty())
            missing += ": " + ind->reason;
        return std::nullopt;
    }
    if (c.unit.empty() || c.unit == ind->unit)
        return *ind->value;
    const auto from = parseQuotaUnit(ind->unit);
    const auto to = parseQuotaUnit(c.unit);
    const auto v = from && to ? convert(*ind->value, *from, *to) : std::nullopt;
    if (!v)
        reason =
            fmt::format("{} is in {}, the rule in {}: the units do not compare", c.name, ind->unit, c.unit);
    return v;
}

Outcome Evaluator::evaluate(const Condition& c) {
    switch (c.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        Outcome o;
        std::vector<Verdict> parts;
        for (const Condition& child : c.children) {
            Outcome r = evaluate(child);
            parts.push_back(r.verdict);
            o.reasons.insert(o.reasons.end(), r.reasons.begin(), r.reasons.end());
            o.missing.insert(o.missing.end(), r.missing.begin(), r.missing.end());
        }
        o.verdict = combine(parts, c.kind == Condition::Kind::All);
        if (o.verdict != Verdict::Unknown)
            o.missing.clear();
        return o;
    }
    case Condition::Kind::Not: {
        Outcome o = evaluate(c.children.front());
        if (o.verdict != Verdict::Unknown)
            o.verdict = o.verdict == Verdict::Pass ? Verdict::Fail : Verdict::Pass;
        return o;
    }
    case Condition::Kind::Fact:
        return overYears(c, [&](int y, std::string& reason, std::string& missing) {
            const auto f = fact(c.name, y);
            if (!f) {
                missing = fmt::format("fact {} ({})", c.name, y);
                return Verdict::Unknown;
            }
            const bool ok = *f == c.equals;
            reason = fmt::format("{} {}: {}{}", c.name, y, describe(*f),
                                 ok ? "" : fmt::format(" (must be {})", describe(c.equals)));
            return ok ? Verdict::Pass : Verdict::Fail;
        });
    case Condition::Kind::Value:
        return overYears(c, [&](int y, std::string& reason, std::string& missing) {
            std::string basis;
            const auto v = value(c, y, basis, missing);
            if (!v) {
                if (!basis.empty())
                    reason = basis;
                return Verdict::Unknown;
            }
            const bool ok = c.op == ">"    ? *v > c.number
                            : c.op == ">=" ? *v >= c.number
                            : c.op == "<"  ? *v < c.number
                                           : *v <= c.number;
            reason =
                fmt::format("{} {} = {:.6g}{} {} {:g}{}", c.name, y, *v, c.unit.empty() ? "" : " " + c.unit,
                            ok ? c.op : "is not " + c.op, c.number, basis.empty() ? "" : " (" + basis + ")");
            return ok ? Verdict::Pass : Verdict::Fail;
        });
    case Condition::Kind::Quota:
        return overYears(c, [&](int y, std::string& reason, std::string& missing) {
            const BenchmarkReport* b = benchmarkOf(y);
            if (!b) {
                missing = fmt::format("the indicators of {}", y);
                return Verdict::Unknown;
            }
            std::vector<Verdict> parts;
            std::vector<std::string> said;
            for (const Comparison& q : b->quotas) {
                const auto level = std::find_if(q.levels.begin(), q.levels.end(),
                                                [&](const LevelResult& l) { return l.key == c.name; });
                if (level == q.levels.end())
                    continue;
                if (!level->met) {
                    said.push_back(fmt::format("{}/{}: {}", q.table, q.row, q.reason));
                    parts.push_back(Verdict::Unknown);
                    continue;
                }
                said.push_back(fmt::format("{}/{}: {:.4g} ± {:.2g} {} against {} {:.4g} (P = {:.2f})",
                                           q.table, q.row, *q.value, q.sigma.value_or(0), q.unit,
                                           level->name.empty() ? level->key : level->name, level->limit,
                                           level->probability.value_or(0)));
                parts.push_back(*level->met ? Verdict::Pass : Verdict::Fail);
            }
            if (parts.empty()) {
                missing = fmt::format(
                    "a quota row with a level '{}' for {} (benchmark.industry and benchmark.quota)", c.name,
                    y);
                return Verdict::Unknown;
            }
            reason = fmt::format("{} {}", y, fmt::join(said, "; "));
            const Verdict v = combine(parts, true);
            if (v == Verdict::Unknown)
                missing = fmt::format("unitProductIntake ({})", y);
            return v;
        });
    case Condition::Kind::WaterSaving:
        return overYears(c, [&](int y, std::string& reason, std::string& missing) {
            const BenchmarkReport* b = benchmarkOf(y);
            if (!b) {
                missing = fmt::format("the indicators of {}", y);
                return Verdict::Unknown;
            }
            if (b->thresholds.empty()) {
                missing = fmt::format("water-saving-enterprise thresholds for industry '{}'",
                                      e_.benchmark.industry);
                return Verdict::Unknown;
            }
            std::vector<std::string> said, unknown;
            for (const Comparison& t : b->thresholds) {
                if (!t.value) {
                    unknown.push_back(t.indicator);
                    continue;
                }
                const LevelResult& l = t.levels.back();
                said.push_back(fmt::format("{} {:.4g} {} {:.4g}{}", t.indicator, *t.value,
                                           *l.met ? "meets" : "misses", l.limit,
                                           t.unit == "1" ? "" : " " + t.unit));
            }
            reason = fmt::format("{}: {}", y, fmt::join(said, "; "));
            if (!b->waterSavingEnterprise) {
                missing = fmt::format("{} ({})", fmt::join(unknown, ", "), y);
                return Verdict::Unknown;
            }
            const bool met = *b->waterSavingEnterprise;
            return met == std::get<bool>(c.equals) ? Verdict::Pass : Verdict::Fail;
        });
    }
    return {};
}

} // namespace

std::string_view toString(Verdict verdict) {
    switch (verdict) {
    case Verdict::Pass:
        return "pass";
    case Verdict::Fail:
        return "fail";
    case Verdict::Unknown:
        return "unknown";
    }
    return "?";
}

RuleSetResult evaluate(const RuleSet& rules, const Enterprise& enterprise, const QuotaLibrary& library) {
    RuleSetResult out;
    out.ruleSet = rules.id;
    out.title = rules.title;
    Evaluator evaluator(enterprise, library);
    std::vector<Verdict> verdicts;
    for (const Rule& rule : rules.rules) {
        const Outcome o = evaluator.evaluate(rule.test);
        RuleResult r;
        r.id = rule.id;
        r.title = rule.title;
        r.verdict = o.verdict;
        r.reason = fmt::format("{}", fmt::join(o.reasons, "; "));
        if (o.verdict == Verdict::Unknown)
            r.missing = o.missing;
        verdicts.push_back(r.verdict);
        out.rules.push_back(std::move(r));
    }
    out.verdict = combine(verdicts, true);
    return out;
}

} // namespace shuiheng::benchmarking
