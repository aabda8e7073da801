#include "benchmarking/leaders/evaluate.h"

#include "model/units.h"
#include "text/catalogue.h"
#include "text/message_codes.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace shuiheng::benchmarking {
namespace {

using text::Message;
namespace code = text::code;

struct Outcome {
    Verdict verdict = Verdict::Unknown;
    std::vector<Message> reasons;
    std::vector<Message> missing;
};

std::string yearText(int y) {
    return std::to_string(y);
}

/// A fact's value as describe() says it: yes/no, a number, or quoted text.
text::Arg factArg(std::string name, const FactValue& value) {
    if (const bool* b = std::get_if<bool>(&value))
        return text::nested(std::move(name), Message(*b ? code::yes : code::no));
    if (const double* d = std::get_if<double>(&value))
        return text::number(std::move(name), *d);
    return text::verbatim(std::move(name), describe(value));
}

/// A number, followed by its unit unless the unit is empty.
text::Arg withUnit(std::string name, double value, const std::string& spec, const std::string& unit) {
    if (unit.empty())
        return text::number(std::move(name), value, spec);
    return text::nested(std::move(name), Message(code::valueWithUnit, {text::number("value", value, spec),
                                                                       text::verbatim("unit", unit)}));
}

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
    std::optional<double> value(const Condition& c, int y, Message& reason, Message& missing);

    Outcome overYears(const Condition& c, const std::function<Verdict(int, Message&, Message&)>& one) {
        Outcome o;
        std::vector<Verdict> parts;
        if (e_.years.empty()) {
            o.missing.push_back(Message(code::missingYears));
            return o;
        }
        for (int k = 0; k < c.years; ++k) {
            const int y = latest() - k;
            Message reason, missing;
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

std::optional<double> Evaluator::value(const Condition& c, int y, Message& reason, Message& missing) {
    if (const auto f = fact(c.name, y)) {
        if (const double* d = std::get_if<double>(&*f))
            return *d;
        reason = Message(code::factNotNumber, {text::term("name", c.name), factArg("value", *f),
                                               text::verbatim("year", yearText(y))});
        return std::nullopt;
    }
    const EnterpriseYear* ey = year(y);
    if (c.name == "annualIntake") {
        if (c.unit != "m3/a" && !c.unit.empty()) {
            reason = Message(code::annualIntakeUnit, {text::verbatim("unit", c.unit)});
            return std::nullopt;
        }
        const indicators::Indicator* intake = ey && ey->indicators ? ey->indicators->find("intake") : nullptr;
        const auto perHour = ey && ey->indicators ? flowUnitInCubicMetresPerHour(ey->indicators->flowUnit)
                                                  : std::optional<double>();
        if (!intake || !intake->value || !perHour) {
            missing = Message(code::missingAnnualIntake, {text::verbatim("year", yearText(y))});
            return std::nullopt;
        }
        double hours = 8760;
        Message basis(code::basisYear);
        if (const auto h = fact("operatingHours", y); h && std::holds_alternative<double>(*h)) {
            hours = std::get<double>(*h);
            basis = Message(code::basisOperatingHours, {text::number("hours", hours)});
        }
        reason = Message(code::annualIntakeFrom,
                         {text::verbatim("year", yearText(y)), text::number("value", *intake->value, ".4g"),
                          text::verbatim("unit", ey->indicators->flowUnit), text::nested("basis", basis)});
        return *intake->value * *perHour * hours;
    }
    const indicators::Indicator* ind = ey && ey->indicators ? ey->indicators->find(c.name) : nullptr;
    if (!ind || !ind->value) {
        if (ind && !ind->reason.empty())
            missing = Message(code::missingValueBecause,
                              {text::term("name", c.name), text::verbatim("year", yearText(y)),
                               text::nested("reason", text::orVerbatim(ind->reasonMessage, ind->reason))});
        else
            missing = Message(code::missingValue,
                              {text::term("name", c.name), text::verbatim("year", yearText(y))});
        return std::nullopt;
    }
    if (c.unit.empty() || c.unit == ind->unit)
        return *ind->value;
    const auto from = parseQuotaUnit(ind->unit);
    const auto to = parseQuotaUnit(c.unit);
    const auto v = from && to ? convert(*ind->value, *from, *to) : std::nullopt;
    if (!v)
        reason =
            Message(code::ruleUnitsDiffer, {text::term("name", c.name), text::verbatim("unit", ind->unit),
                                            text::verbatim("ruleUnit", c.unit)});
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
        return overYears(c, [&](int y, Message& reason, Message& missing) {
            const auto f = fact(c.name, y);
            if (!f) {
                missing = Message(code::missingFact,
                                  {text::term("name", c.name), text::verbatim("year", yearText(y))});
                return Verdict::Unknown;
            }
            const bool ok = *f == c.equals;
            std::vector<text::Arg> args{text::term("name", c.name), text::verbatim("year", yearText(y)),
                                        factArg("value", *f)};
            if (!ok)
                args.push_back(factArg("expected", c.equals));
            reason = Message(ok ? code::fact : code::factMustBe, std::move(args));
            return ok ? Verdict::Pass : Verdict::Fail;
        });
    case Condition::Kind::Value:
        return overYears(c, [&](int y, Message& reason, Message& missing) {
            Message basis;
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
            reason = Message(ok ? code::valueHolds : code::valueFails,
                             {text::term("name", c.name), text::verbatim("year", yearText(y)),
                              withUnit("value", *v, ".6g", c.unit), text::verbatim("op", c.op),
                              text::number("limit", c.number)});
            if (!basis.empty())
                reason = Message(code::withBasis,
                                 {text::nested("statement", reason), text::nested("basis", basis)});
            return ok ? Verdict::Pass : Verdict::Fail;
        });
    case Condition::Kind::Quota:
        return overYears(c, [&](int y, Message& reason, Message& missing) {
            const BenchmarkReport* b = benchmarkOf(y);
            if (!b) {
                missing = Message(code::missingIndicatorsOf, {text::verbatim("year", yearText(y))});
                return Verdict::Unknown;
            }
            std::vector<Verdict> parts;
            std::vector<text::Arg> said;
            for (const Comparison& q : b->quotas) {
                const auto level = std::find_if(q.levels.begin(), q.levels.end(),
                                                [&](const LevelResult& l) { return l.key == c.name; });
                if (level == q.levels.end())
                    continue;
                if (!level->met) {
                    said.push_back(text::nested(
                        {}, Message(code::quotaNotCompared,
                                    {text::verbatim("table", q.table), text::verbatim("row", q.row),
                                     text::nested("reason", text::orVerbatim(q.reasonMessage, q.reason))})));
                    parts.push_back(Verdict::Unknown);
                    continue;
                }
                said.push_back(text::nested(
                    {}, Message(code::quotaCompared,
                                {text::verbatim("table", q.table), text::verbatim("row", q.row),
                                 text::number("value", *q.value, ".4g"),
                                 text::number("sigma", q.sigma.value_or(0), ".2g"),
                                 text::verbatim("unit", q.unit),
                                 text::verbatim("level", level->name.empty() ? level->key : level->name),
                                 text::number("limit", level->limit, ".4g"),
                                 text::number("probability", level->probability.value_or(0), ".2f")})));
                parts.push_back(*level->met ? Verdict::Pass : Verdict::Fail);
            }
            if (parts.empty()) {
                missing = Message(code::missingQuotaLevel,
                                  {text::verbatim("level", c.name), text::verbatim("year", yearText(y))});
                return Verdict::Unknown;
            }
            reason =
                Message(code::quotaYear, {text::verbatim("year", yearText(y)),
                                          text::list("comparisons", std::move(said), code::joinSemicolon)});
            const Verdict v = combine(parts, true);
            if (v == Verdict::Unknown)
                missing = Message(code::missingValue, {text::term("name", "unitProductIntake"),
                                                       text::verbatim("year", yearText(y))});
            return v;
        });
    case Condition::Kind::WaterSaving:
        return overYears(c, [&](int y, Message& reason, Message& missing) {
            const BenchmarkReport* b = benchmarkOf(y);
            if (!b) {
                missing = Message(code::missingIndicatorsOf, {text::verbatim("year", yearText(y))});
                return Verdict::Unknown;
            }
            if (b->thresholds.empty()) {
                missing = Message(code::missingThresholds, {text::term("industry", e_.benchmark.industry)});
                return Verdict::Unknown;
            }
            std::vector<text::Arg> said, unknown;
            for (const Comparison& t : b->thresholds) {
                if (!t.value) {
                    unknown.push_back(text::term({}, t.indicator));
                    continue;
                }
                const LevelResult& l = t.levels.back();
                said.push_back(text::nested(
                    {}, Message(*l.met ? code::thresholdMeets : code::thresholdMisses,
                                {text::term("indicator", t.indicator), text::number("value", *t.value, ".4g"),
                                 withUnit("limit", l.limit, ".4g", t.unit == "1" ? "" : t.unit)})));
            }
            reason = Message(code::thresholdsYear,
                             {text::verbatim("year", yearText(y)),
                              text::list("comparisons", std::move(said), code::joinSemicolon)});
            if (!b->waterSavingEnterprise) {
                missing = Message(code::missingThresholdValues,
                                  {text::list("indicators", std::move(unknown), code::joinComma),
                                   text::verbatim("year", yearText(y))});
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
        r.reasonMessage = text::joined(o.reasons);
        r.reason = text::english(r.reasonMessage);
        if (o.verdict == Verdict::Unknown) {
            r.missingMessages = o.missing;
            for (const Message& m : o.missing)
                r.missing.push_back(text::english(m));
        }
        verdicts.push_back(r.verdict);
        out.rules.push_back(std::move(r));
    }
    out.verdict = combine(verdicts, true);
    return out;
}

} // namespace shuiheng::benchmarking
