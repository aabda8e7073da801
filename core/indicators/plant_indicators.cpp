#include "indicators/plant_indicators.h"

#include "balance/flow_covariance.h"
#include "balance/plant_balance.h"
#include "campaign/flows.h"
#include "indicators/linear_form.h"
#include "indicators/plant_extensions.h"
#include "indicators/used_share.h"
#include "model/plant_graph.h"
#include "model/units.h"
#include "text/catalogue.h"
#include "text/message_codes.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace shuiheng::indicators {
namespace {

using detail::Form;
using text::Message;
namespace code = text::code;

/// Notes as messages; their English goes beside them (Indicator::notes and noteMessages).
struct Notes {
    std::vector<Message> messages;

    Notes() = default;
    Notes(std::initializer_list<Message> list)
        : messages(list) {}
    std::vector<std::string> english() const {
        std::vector<std::string> out;
        for (const Message& m : messages)
            out.push_back(text::english(m));
        return out;
    }
};

/// The flows of one scope (the site, a group, a unit, or a set of units of one category).
struct ScopeFlows {
    Form intake, nonConventional, circulating, cascade, consumption, discharge, leakage;
    Form allIn;       ///< every inflow, circulation included
    Form makeUp;      ///< non-recycle inflows from outside the scope
    Form evaporation; ///< outflows to consumption nodes not marked as drift
    std::vector<std::pair<NodeIndex, Form>> treatmentWeights; ///< treated water into water-using units
    Notes notes;

    Form reused() const { return circulating + cascade; }
    Form totalUse() const { return intake + reused(); }
};

class Computation {
public:
    Computation(const Plant& plant, const PlantExtensions& ext, const balance::FlowCovariance& cov,
                const IndicatorOptions& options, IndicatorReport& report)
        : plant_(plant)
        , graph_(plant)
        , ext_(ext)
        , cov_(cov)
        , options_(options)
        , report_(report)
        , x_(values(cov))
        , shares_(graph_, x_)
        , member_(plant.nodes.size(), 0) {}

    void run();

private:
    const Plant& plant_;
    const PlantGraph graph_;
    const PlantExtensions& ext_;
    const balance::FlowCovariance& cov_;
    const IndicatorOptions& options_;
    IndicatorReport& report_;
    const std::vector<double> x_;
    const detail::UsedShares shares_;
    std::vector<char> member_;

    static std::vector<double> values(const balance::FlowCovariance& cov) {
        std::vector<double> x;
        for (const auto& e : cov.result().edges)
            x.push_back(e.value.value_or(0.0));
        return x;
    }

    const Node& node(NodeIndex n) const { return plant_.nodes[n]; }
    bool isSource(NodeIndex n) const { return node(n).kind == NodeKind::Source; }

    ScopeFlows flows(const std::vector<NodeIndex>& units);
    std::vector<NodeIndex> withCategory(const std::vector<NodeIndex>& units, std::string_view category) const;
    std::vector<NodeIndex> allUnits() const;

    void emit(const std::string& key, const std::string& scope, const Form& form, const std::string& unit,
              const std::string& formula, Notes notes = {});
    void emitScope(const std::string& scope, const std::vector<NodeIndex>& units, bool site);
    void emitSiteExtras(const std::vector<NodeIndex>& units, const ScopeFlows& site);
    void emitMeterCoverage();
    void closure();
    Message unobservableReason(const std::set<std::size_t>& streams) const;
    std::vector<std::string> ids(const std::set<std::size_t>& streams) const;
};

std::vector<NodeIndex> Computation::allUnits() const {
    std::vector<NodeIndex> units;
    for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
        if (node(n).kind == NodeKind::Unit)
            units.push_back(n);
    return units;
}

std::vector<NodeIndex> Computation::withCategory(const std::vector<NodeIndex>& units,
                                                 std::string_view category) const {
    std::vector<NodeIndex> out;
    for (NodeIndex u : units)
        if (node(u).category == category)
            out.push_back(u);
    return out;
}

ScopeFlows Computation::flows(const std::vector<NodeIndex>& units) {
    for (NodeIndex u : units)
        member_[u] = 1;
    std::vector<std::size_t> intake, nonConventional, circulating, direct, consumption, discharge, leakage,
        allIn, makeUp, evaporation;
    std::map<NodeIndex, std::vector<std::size_t>> fromTreatment;
    for (NodeIndex u : units) {
        const bool using_ = detail::isWaterUsing(node(u));
        for (StreamIndex e : graph_.inStreams(u)) {
            const NodeIndex from = graph_.fromNode(e);
            allIn.push_back(e);
            const bool recycle = graph_.typeOf(e) == StreamType::Recycle;
            if (!recycle && !member_[from])
                makeUp.push_back(e);
            if (isSource(from)) {
                intake.push_back(e);
                if (node(from).origin && isNonConventional(*node(from).origin))
                    nonConventional.push_back(e);
            } else if (recycle) {
                circulating.push_back(e);
            } else if (using_ && node(from).kind == NodeKind::Unit) {
                if (detail::isWaterUsing(node(from)))
                    direct.push_back(e);
                else
                    fromTreatment[from].push_back(e);
            }
        }
        for (StreamIndex e : graph_.outStreams(u)) {
            switch (node(graph_.toNode(e)).kind) {
            case NodeKind::Consumption:
                consumption.push_back(e);
                if (ext_.medium[e] != Medium::Drift)
                    evaporation.push_back(e);
                break;
            case NodeKind::Discharge:
                discharge.push_back(e);
                break;
            case NodeKind::Loss:
                leakage.push_back(e);
                break;
            default:
                break;
            }
        }
    }
    for (NodeIndex u : units)
        member_[u] = 0;

    ScopeFlows f;
    f.intake = Form::sum(intake, x_);
    f.nonConventional = Form::sum(nonConventional, x_);
    f.circulating = Form::sum(circulating, x_);
    f.consumption = Form::sum(consumption, x_);
    f.discharge = Form::sum(discharge, x_);
    f.leakage = Form::sum(leakage, x_);
    f.allIn = Form::sum(allIn, x_);
    f.makeUp = Form::sum(makeUp, x_);
    f.evaporation = Form::sum(evaporation, x_);
    for (const auto& [t, edges] : fromTreatment)
        f.treatmentWeights.push_back({t, Form::sum(edges, x_)});
    f.cascade = Form::sum(direct, x_) + shares_.weighted(f.treatmentWeights);
    for (const auto& [t, edges] : fromTreatment)
        f.notes.messages.push_back(
            Message(code::treatmentShare,
                    {text::verbatim("unit", node(t).id), text::number("share", shares_.share(t), ".4g")}));
    return f;
}

std::vector<std::string> Computation::ids(const std::set<std::size_t>& streams) const {
    std::vector<std::string> out;
    for (std::size_t e : streams)
        out.push_back(plant_.streams[e].id);
    return out;
}

Message Computation::unobservableReason(const std::set<std::size_t>& streams) const {
    const auto& r = cov_.result();
    std::vector<std::string> unknown;
    std::set<std::size_t> toMeasure;
    for (std::size_t e : streams)
        if (!r.edges[e].value) {
            unknown.push_back(plant_.streams[e].id);
            for (std::size_t c : r.toObserve(e))
                toMeasure.insert(c);
        }
    if (unknown.empty())
        return {};
    if (toMeasure.empty())
        return Message(code::unobservable, {text::idList("streams", unknown)});
    std::vector<std::string> m;
    for (std::size_t c : toMeasure) {
        if (m.size() == 6) {
            m.push_back("…");
            break;
        }
        m.push_back(plant_.streams[c].id);
    }
    return Message(code::unobservableMeasure, {text::idList("streams", unknown), text::idList("measure", m)});
}

void Computation::emit(const std::string& key, const std::string& scope, const Form& form,
                       const std::string& unit, const std::string& formula, Notes notes) {
    Indicator ind;
    ind.key = key;
    ind.scope = scope;
    ind.unit = unit;
    ind.formula = formula;
    ind.streams = ids(form.streams);
    ind.notes = notes.english();
    ind.noteMessages = std::move(notes.messages);
    ind.reasonMessage = unobservableReason(form.streams);
    if (ind.reasonMessage.empty() && !form.undefined.empty())
        ind.reasonMessage = form.undefined;
    ind.reason = text::english(ind.reasonMessage);
    if (ind.reason.empty() && std::isfinite(form.value)) {
        ind.value = form.value;
        if (options_.uncertainty) {
            balance::LinearCombination c;
            for (const auto& [edge, g] : form.gradient)
                if (g != 0)
                    c.push_back({edge, g});
            if (const auto v = cov_.variance(c))
                ind.sigma = std::sqrt(*v);
        }
    }
    report_.indicators.push_back(std::move(ind));
}

void Computation::emitScope(const std::string& scope, const std::vector<NodeIndex>& units, bool site) {
    const ScopeFlows f = flows(units);
    const std::string& q = plant_.flowUnit;
    const std::string where = site ? "" : " of " + scope;
    emit("intake", scope, f.intake, q, "Σ streams from sources into units" + where);
    emit("circulating", scope, f.circulating, q, "Σ recycle streams" + where);
    emit("cascade", scope, f.cascade, q,
         "Σ used water into water-using units" + where +
             " through streams that are not recycle; water from a treatment unit counts by its used share",
         f.notes);
    emit("reused", scope, f.reused(), q, "circulating + cascade", f.notes);
    emit("totalUse", scope, f.totalUse(), q, "intake + reused", f.notes);
    emit("consumption", scope, f.consumption, q, "Σ streams into consumption nodes" + where);
    emit("discharge", scope, f.discharge, q, "Σ streams into discharge nodes" + where);
    emit("leakage", scope, f.leakage, q, "Σ streams into loss nodes" + where);
    emit("reuseRate", scope, detail::ratio(f.reused(), f.totalUse(), code::totalUse), "1",
         "reused / totalUse", f.notes);
    if (site) {
        emit("dischargeRate", scope, detail::ratio(f.discharge, f.intake, code::intake), "1",
             "discharge / intake");
        emit("leakageRate", scope, detail::ratio(f.leakage, f.intake, code::intake), "1", "leakage / intake");
    }
    if (site || !f.intake.streams.empty())
        emit("nonConventionalShare", scope, detail::ratio(f.nonConventional, f.intake, code::intake), "1",
             "intake from reclaimed, rain, mine and brackish sources / intake");
    const auto cooling = withCategory(units, "cooling");
    if (site || !cooling.empty()) {
        const ScopeFlows c = flows(cooling);
        Form rate = detail::ratio(c.circulating, c.allIn, code::coolingInflow);
        if (cooling.empty())
            rate.undefined = Message(code::noUnitOfCategory, {text::term("category", "cooling")});
        emit("coolingCirculationRate", scope, rate, "1",
             "recycle flow into units of category cooling / (that + every other inflow of those units)");
    }
    if (site)
        emitSiteExtras(units, f);
    else if (!cooling.empty()) {
        const ScopeFlows c = flows(cooling);
        emit("concentrationRatio", scope,
             detail::ratio(c.makeUp, c.makeUp - c.evaporation, code::makeUpMinusEvaporation), "1",
             "make-up / (make-up − evaporation) of the cooling units");
    }
}

void Computation::emitSiteExtras(const std::vector<NodeIndex>& units, const ScopeFlows& site) {
    const std::string scope(siteScope);
    const double perHour = *flowUnitInCubicMetresPerHour(plant_.flowUnit);

    // The quota boundary (GB/T 18916): intake of the units that count as production.
    std::vector<NodeIndex> inside;
    for (NodeIndex u : units)
        if (ext_.inQuotaBoundary[u])
            inside.push_back(u);
    const ScopeFlows quota = flows(inside);
    const Message boundary =
        report_.boundary.excluded.empty()
            ? Message(code::boundaryEveryUnit)
            : Message(code::boundaryExcludes, {text::idList("units", report_.boundary.excluded)});
    const Notes boundaryNotes{boundary};

    if (const auto& p = plant_.production) {
        const double hours = *periodInHours(p->per);
        const double factor = perHour * hours / p->quantity;
        const std::string unit = perProductUnit(p->unit);
        std::vector<text::Arg> amount{text::number("quantity", p->quantity), text::verbatim("unit", p->unit),
                                      text::term("period", p->per)};
        if (!ext_.product.empty())
            amount.push_back(text::verbatim("product", ext_.product));
        Notes notes{Message(ext_.product.empty() ? code::production : code::productionOf, std::move(amount)),
                    Message(code::siteIntakeEveryUnit)};
        emit("unitProductIntake", scope, site.intake * factor, unit,
             fmt::format("intake × {:g} h / production", hours), notes);
        emit("quotaIntake", scope, quota.intake, plant_.flowUnit,
             "Σ streams from sources into units inside the quota boundary", boundaryNotes);
        notes.messages.back() = boundary;
        emit("quotaUnitProductIntake", scope, quota.intake * factor, unit,
             fmt::format("quotaIntake × {:g} h / production", hours), notes);
    } else {
        emit("quotaIntake", scope, quota.intake, plant_.flowUnit,
             "Σ streams from sources into units inside the quota boundary", boundaryNotes);
    }

    if (const auto direct = withCategory(units, "direct-cooling"); !direct.empty()) {
        const ScopeFlows c = flows(direct);
        emit("directCoolingCirculationRate", scope, detail::ratio(c.circulating, c.allIn, code::theirInflow),
             "1", "recycle flow into units of category direct-cooling / every inflow of those units");
    }
    if (const auto cooling = withCategory(units, "cooling"); !cooling.empty()) {
        const ScopeFlows c = flows(cooling);
        emit("concentrationRatio", scope,
             detail::ratio(c.makeUp, c.makeUp - c.evaporation, code::makeUpMinusEvaporation), "1",
             "make-up / (make-up − evaporation) of the cooling units (evaporation: their streams into "
             "consumption nodes not marked \"medium\": \"drift\")");
    }
    if (const auto process = withCategory(units, "process"); !process.empty()) {
        const ScopeFlows c = flows(process);
        emit("processWaterReuseRate", scope, detail::ratio(c.reused(), c.totalUse(), code::theirTotalUse),
             "1", "reused / totalUse of the units of category process", c.notes);
    }
    bool hasTreatment = false;
    std::vector<std::size_t> treatedReuse;
    for (NodeIndex u : units)
        if (!detail::isWaterUsing(node(u))) {
            hasTreatment = true;
            for (StreamIndex e : graph_.outStreams(u))
                if (detail::isWaterUsing(node(graph_.toNode(e))))
                    treatedReuse.push_back(e);
        }
    if (hasTreatment) {
        const Form vw = Form::sum(treatedReuse, x_);
        emit("wastewaterReuseRate", scope,
             detail::ratio(vw, vw + site.discharge, code::treatedReusePlusDischarge), "1",
             "treatment units' outflow to water-using units / (that + discharge)");
    }
    std::vector<std::size_t> steam, condensate;
    for (std::size_t e = 0; e < plant_.streams.size(); ++e) {
        if (ext_.medium[e] == Medium::Steam)
            steam.push_back(e);
        else if (ext_.medium[e] == Medium::Condensate)
            condensate.push_back(e);
    }
    if (!steam.empty())
        emit("condensateRecovery", scope,
             detail::ratio(Form::sum(condensate, x_), Form::sum(steam, x_), code::steamFlow), "1",
             "Σ streams marked condensate / Σ streams marked steam");

    const auto domestic = withCategory(units, "domestic");
    if (!domestic.empty() || ext_.staff) {
        Form use;
        for (NodeIndex u : domestic)
            for (StreamIndex e : graph_.inStreams(u))
                if (graph_.typeOf(e) != StreamType::Recycle)
                    use += Form::sum({e}, x_);
        if (domestic.empty())
            use.undefined = Message(code::noUnitOfCategory, {text::term("category", "domestic")});
        else if (!ext_.staff)
            use.undefined = Message(code::needsStaff);
        else
            use *= perHour * 24.0 * 1000.0 / *ext_.staff;
        emit("perCapitaDomestic", scope, use, "L/(person·d)",
             "inflow of the units of category domestic, in L per day, / staff");
    }
    for (const auto& [key, money, label] :
         {std::tuple{"intakePerValueAdded", &ext_.valueAdded, "value added"},
          std::tuple{"intakePerOutputValue", &ext_.outputValue, "output value"}}) {
        if (!*money)
            continue;
        const double hours = *periodInHours((*money)->per);
        emit(key, scope, site.intake * (perHour * hours / (*money)->amount), "m3/(10^4 CNY)",
             fmt::format("intake over {:g} h / {} ({:g} × 10⁴ CNY per {})", hours, label, (*money)->amount,
                         (*money)->per));
    }
}

void Computation::emitMeterCoverage() {
    std::map<int, std::vector<std::size_t>> all, measured;
    for (std::size_t e = 0; e < plant_.streams.size(); ++e)
        if (isSource(graph_.fromNode(e))) {
            all[1].push_back(e);
            if (plant_.streams[e].measurement)
                measured[1].push_back(e);
        }
    for (NodeIndex n = 0; n < plant_.nodes.size(); ++n) {
        const Node& nd = node(n);
        if (nd.kind != NodeKind::Unit && nd.kind != NodeKind::Group)
            continue;
        const int level = graph_.level(n);
        if (level < 2)
            continue;
        const std::vector<NodeIndex> units =
            nd.kind == NodeKind::Unit ? std::vector<NodeIndex>{n} : graph_.unitsUnder(n);
        for (NodeIndex u : units)
            member_[u] = 1;
        for (NodeIndex u : units)
            for (StreamIndex e : graph_.inStreams(u)) {
                if (member_[graph_.fromNode(e)] || graph_.typeOf(e) == StreamType::Recycle)
                    continue;
                all[level].push_back(e);
                if (plant_.streams[e].measurement)
                    measured[level].push_back(e);
            }
        for (NodeIndex u : units)
            member_[u] = 0;
    }
    for (const auto& [level, edges] : all) {
        const Form m = Form::sum(measured[level], x_);
        Form total = Form::sum(edges, x_);
        emit(fmt::format("meterCoverageLevel{}", level), std::string(siteScope),
             detail::ratio(m, total, code::waterEnteringThem), "1",
             level == 1
                 ? "measured intake / intake"
                 : fmt::format("measured / all water entering the level-{} groups and units from outside "
                               "them (circulation left out)",
                               level),
             {Message(code::streamsMeasured,
                      {text::number("measured", static_cast<double>(measured[level].size())),
                       text::number("total", static_cast<double>(edges.size()))})});
    }
}

void Computation::closure() {
    const double tolerance = options_.closureTolerance;
    auto check = [&](ClosureCheck c, const std::vector<std::size_t>& in, const std::vector<std::size_t>& out,
                     std::optional<Measurement> inMeter) {
        c.tolerance = tolerance;
        double sumIn = 0, sumOut = 0, variance = 0;
        std::set<std::size_t> all(in.begin(), in.end());
        all.insert(out.begin(), out.end());
        for (std::size_t e : all)
            c.streams.push_back(plant_.streams[e].id);
        std::set<std::size_t> missing;
        for (auto [edges, sum] : {std::pair{&in, &sumIn}, std::pair{&out, &sumOut}})
            for (std::size_t e : *edges) {
                const auto& m = plant_.streams[e].measurement;
                if (!m) {
                    missing.insert(e);
                    continue;
                }
                *sum += m->value;
                variance += m->sigma * m->sigma;
            }
        for (std::size_t e : missing)
            c.missing.push_back(plant_.streams[e].id);
        if (inMeter) {
            sumIn = inMeter->value;
            variance += inMeter->sigma * inMeter->sigma;
        }
        if (c.missing.empty()) {
            c.in = sumIn;
            c.out = sumOut;
            if (sumIn > 0) {
                c.difference = (sumIn - sumOut) / sumIn;
                c.passed = std::abs(*c.difference) <= tolerance;
            }
            if (variance > 0)
                c.z = (sumIn - sumOut) / std::sqrt(variance);
        }
        report_.closure.push_back(std::move(c));
    };

    // The site and every group: what crosses its boundary, raw.
    auto balanceOf = [&](const std::string& scope, const std::vector<NodeIndex>& units) {
        for (NodeIndex u : units)
            member_[u] = 1;
        std::vector<std::size_t> in, out;
        for (NodeIndex u : units) {
            for (StreamIndex e : graph_.inStreams(u))
                if (!member_[graph_.fromNode(e)])
                    in.push_back(e);
            for (StreamIndex e : graph_.outStreams(u))
                if (!member_[graph_.toNode(e)])
                    out.push_back(e);
        }
        for (NodeIndex u : units)
            member_[u] = 0;
        ClosureCheck c;
        c.kind = ClosureCheck::Kind::Balance;
        c.scope = scope;
        check(c, in, out, std::nullopt);
    };
    balanceOf(std::string(siteScope), allUnits());
    for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
        if (node(n).kind == NodeKind::Group)
            balanceOf(node(n).id, graph_.unitsUnder(n));
    for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
        if (ext_.sourceMeter[n]) {
            ClosureCheck c;
            c.kind = ClosureCheck::Kind::SourceMeter;
            c.scope = node(n).id;
            check(c, {}, graph_.outStreams(n), ext_.sourceMeter[n]);
        }
}

void Computation::run() {
    for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
        if (node(n).kind == NodeKind::Unit) {
            if (ext_.inQuotaBoundary[n]) {
                report_.boundary.included.push_back(node(n).id);
            } else {
                report_.boundary.excluded.push_back(node(n).id);
                report_.boundary.excludedBy.push_back(ext_.excludedBy[n]);
            }
        }
    report_.boundary.declared = ext_.boundaryDeclared;

    emitScope(std::string(siteScope), allUnits(), true);
    emitMeterCoverage();
    if (options_.groups)
        for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
            if (node(n).kind == NodeKind::Group)
                emitScope(node(n).id, graph_.unitsUnder(n), false);
    if (options_.units)
        for (NodeIndex n = 0; n < plant_.nodes.size(); ++n)
            if (node(n).kind == NodeKind::Unit && detail::isWaterUsing(node(n)))
                emitScope(node(n).id, {n}, false);
    closure();
}

} // namespace

const Indicator* IndicatorReport::find(std::string_view key, std::string_view scope) const {
    for (const Indicator& i : indicators)
        if (i.key == key && i.scope == scope)
            return &i;
    return nullptr;
}

std::string_view toString(ClosureCheck::Kind kind) {
    return kind == ClosureCheck::Kind::Balance ? "balance" : "source-meter";
}

std::string perProductUnit(const std::string& productUnit) {
    const bool simple =
        !productUnit.empty() && std::all_of(productUnit.begin(), productUnit.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        });
    return simple ? "m3/" + productUnit : "m3/(" + productUnit + ")";
}

std::optional<bool> higherIsBetter(std::string_view key) {
    static const std::set<std::string_view> higher{"reuseRate",
                                                   "nonConventionalShare",
                                                   "coolingCirculationRate",
                                                   "directCoolingCirculationRate",
                                                   "concentrationRatio",
                                                   "processWaterReuseRate",
                                                   "wastewaterReuseRate",
                                                   "condensateRecovery",
                                                   "meterCoverageLevel1",
                                                   "meterCoverageLevel2",
                                                   "meterCoverageLevel3",
                                                   "meterCoverageLevel4"};
    static const std::set<std::string_view> lower{
        "intake",      "unitProductIntake", "quotaUnitProductIntake", "quotaIntake",          "dischargeRate",
        "leakageRate", "perCapitaDomestic", "intakePerValueAdded",    "intakePerOutputValue", "discharge",
        "leakage",     "consumption"};
    if (higher.count(key))
        return true;
    if (lower.count(key))
        return false;
    return std::nullopt;
}

IndicatorReport computeIndicators(const Plant& input, const IndicatorOptions& options) {
    IndicatorReport report;
    report.plantName = input.name;
    report.flowUnit = input.flowUnit;
    if (!flowUnitInCubicMetresPerHour(input.flowUnit)) {
        report.failure = "unknown flow unit '" + input.flowUnit + "'";
        return report;
    }
    Plant plant = input;
    if (!input.meters.empty()) {
        const campaign::FlowDerivation derivation = campaign::deriveFlows(input);
        plant = campaign::withDerivedMeasurements(input, derivation);
        report.diagnostics = derivation.diagnostics;
    }
    const PlantExtensions ext = readExtensions(plant);
    report.diagnostics.insert(report.diagnostics.end(), ext.diagnostics.begin(), ext.diagnostics.end());
    report.product = ext.product;
    report.productUnit = plant.production ? plant.production->unit : "";
    report.benchmark = ext.benchmark;
    const balance::FlowNetwork network = balance::toFlowNetwork(plant);
    const balance::FlowCovariance cov(network, options.reconciliation);
    if (!cov.failure().empty()) {
        report.failureMessage =
            Message(code::balanceFailed, {text::nested("failure", cov.result().failureMessage)});
        report.failure = text::english(report.failureMessage);
        return report;
    }
    report.globalTest = cov.result().global;
    for (const auto& c : cov.result().contradictions)
        report.diagnostics.push_back({Severity::Warning, "balance", "", "",
                                      fmt::format("flows known exactly do not balance (off by {:.6g} {})",
                                                  c.imbalance, plant.flowUnit)});
    Computation(plant, ext, cov, options, report).run();
    return report;
}

} // namespace shuiheng::indicators
