#include "report/report_data.h"

#include "indicators/plant_indicators.h"
#include "model/iso_time.h"
#include "model/plant_graph.h"
#include "report/report_strings.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace shuiheng::report {
namespace {

using Json = nlohmann::json;

std::string flow(double v) {
    return fmt::format("{:.2f}", v);
}

std::string flowPm(std::optional<double> v, std::optional<double> sigma) {
    if (!v)
        return "—";
    return sigma ? fmt::format("{:.2f} ± {:.2f}", *v, *sigma) : flow(*v);
}

bool isRate(const indicators::Indicator& i) {
    return i.unit == "1" && i.key != "concentrationRatio";
}

/// A unit as people write it: m3/h → m³/h.
std::string prettyUnit(std::string unit) {
    for (std::size_t at = unit.find("m3"); at != std::string::npos; at = unit.find("m3", at + 1))
        unit.replace(at, 2, "m³");
    return unit;
}

std::string nodeName(const Plant& plant, const PlantGraph& graph, const std::string& id) {
    const auto k = graph.findNode(id);
    return k && !plant.nodes[*k].name.empty() ? plant.nodes[*k].name : id;
}

Json overview(const ReportSource& source, const ReportResults& results, const Json& words) {
    const Plant& plant = source.plant;
    const PlantGraph graph(plant);
    Json j;
    j["enterprise"] = source.enterprise;
    j["project"] = source.projectName;
    j["projectOnCover"] = source.projectName != source.enterprise; // said once when they are the same
    j["address"] = source.address.empty() ? "—" : source.address;
    j["industry"] =
        source.industry.empty()
            ? (results.indicators.benchmark.industry.empty() ? "—" : results.indicators.benchmark.industry)
            : source.industry;
    j["agency"] = source.agency.empty() ? "—" : source.agency;
    j["agencyOnCover"] = !source.agency.empty();
    if (plant.production)
        j["production"] =
            fmt::format("{} {} {}/{}", results.indicators.product.empty() ? "" : results.indicators.product,
                        fmt::format("{:g}", plant.production->quantity), plant.production->unit,
                        word(words, "periods", plant.production->per));
    else
        j["production"] = "—";
    // Each source's intake: the sum of its reconciled streams (shares of the site's intake).
    double total = 0;
    Json sources = Json::array();
    std::vector<std::optional<double>> intake;
    for (NodeIndex k = 0; k < plant.nodes.size(); ++k) {
        const Node& n = plant.nodes[k];
        if (n.kind != NodeKind::Source)
            continue;
        std::optional<double> sum = 0.0;
        for (StreamIndex s : graph.outStreams(k))
            sum = sum && results.reconciled(s) ? std::optional(*sum + *results.reconciled(s)) : std::nullopt;
        if (sum)
            total += *sum;
        intake.push_back(sum);
        sources.push_back(
            {{"id", n.id},
             {"name", n.name},
             {"origin", n.origin ? word(words, "origins", std::string(toString(*n.origin))) : "—"},
             {"intake", sum ? flow(*sum) : "—"}});
    }
    for (std::size_t k = 0; k < sources.size(); ++k)
        sources[k]["share"] =
            intake[k] && total > 0 ? fmt::format("{:.1f} %", *intake[k] / total * 100) : std::string("—");
    j["sources"] = sources;
    return j;
}

Json plan(const ReportSource& source, const ReportResults& results) {
    const Plant& plant = source.plant;
    Json j;
    std::string first, last;
    double firstT = 1e300, lastT = -1e300;
    for (const Reading& r : plant.readings)
        if (const auto t = parseIsoTime(r.time)) {
            if (*t < firstT)
                firstT = *t, first = r.time;
            if (*t > lastT)
                lastT = *t, last = r.time;
        }
    j["start"] = source.windowStart.empty() ? (first.empty() ? "—" : first) : source.windowStart;
    j["end"] = source.windowEnd.empty() ? (last.empty() ? "—" : last) : source.windowEnd;
    j["days"] = lastT > firstT ? fmt::format("{:.1f}", (lastT - firstT) / 86400) : "—";
    std::size_t measured = 0;
    for (const Stream& s : plant.streams)
        measured += s.measurement.has_value();
    j["meters"] = std::to_string(plant.meters.size());
    j["readings"] = std::to_string(plant.readings.size());
    j["streams"] = std::to_string(plant.streams.size());
    j["metered"] = std::to_string(plant.meters.empty() ? measured : results.flows.flows.size());
    j["units"] = std::to_string(std::count_if(plant.nodes.begin(), plant.nodes.end(),
                                              [](const Node& n) { return n.kind == NodeKind::Unit; }));
    j["flowUnit"] = prettyUnit(plant.flowUnit);
    j["alpha"] = fmt::format("{:g}", results.balance.reconciliation.global.alpha);
    return j;
}

Json meters(const ReportSource& source, const Json& words) {
    const Plant& plant = source.plant;
    const std::string windowEnd = source.windowEnd;
    Json rows = Json::array();
    for (const Meter& m : plant.meters) {
        std::string status = "—";
        if (!m.calibrationDue.empty()) {
            const std::string reference = !windowEnd.empty() ? windowEnd.substr(0, 10) : "";
            status = reference.empty() || m.calibrationDue >= reference
                         ? word(words, "calibration", "valid")
                         : word(words, "calibration", "expired");
        } else if (!m.calibrationDate.empty())
            status = word(words, "calibration", "noDue");
        rows.push_back({{"id", m.id},
                        {"stream", m.stream},
                        {"kind", word(words, "meterKinds", std::string(toString(m.kind)))},
                        {"method", m.method ? word(words, "methods", std::string(toString(*m.method))) : "—"},
                        {"dn", m.dn ? std::to_string(*m.dn) : "—"},
                        {"level", m.level ? std::to_string(*m.level) : "—"},
                        {"mpe", fmt::format("{:g} %", m.mpe * 100)},
                        {"calibrated", m.calibrationDate.empty() ? "—" : m.calibrationDate},
                        {"due", m.calibrationDue.empty() ? "—" : m.calibrationDue},
                        {"certificate", m.certificate.empty() ? "—" : m.certificate},
                        {"status", status}});
    }
    return rows;
}

/// Vf, Vcy, Vs, Vr, Vt, Vco, Vd, Vl of one scope, each value ± σ.
Json balanceRow(const indicators::IndicatorReport& report, const std::string& scope) {
    Json row;
    for (const char* key : {"intake", "circulating", "cascade", "reused", "totalUse", "consumption",
                            "discharge", "leakage", "reuseRate"}) {
        const indicators::Indicator* i = report.find(key, scope);
        row[key] = i ? formatIndicator(*i) : "—";
    }
    return row;
}

Json balanceTables(const ReportSource& source, const ReportResults& results, const Json& words) {
    const Plant& plant = source.plant;
    const PlantGraph graph(plant);
    const auto& report = results.indicators;
    Json j;
    Json site = Json::array();
    for (const auto& [key, symbol] : std::vector<std::pair<std::string, std::string>>{{"intake", "Vf"},
                                                                                      {"circulating", "Vcy"},
                                                                                      {"cascade", "Vs"},
                                                                                      {"reused", "Vr"},
                                                                                      {"totalUse", "Vt"},
                                                                                      {"consumption", "Vco"},
                                                                                      {"discharge", "Vd"},
                                                                                      {"leakage", "Vl"}}) {
        const indicators::Indicator* i = report.find(key);
        site.push_back(
            {{"name", word(words, "indicators", key)},
             {"symbol", symbol},
             {"value", i ? formatIndicator(*i) : "—"},
             {"reason", i && !i->reason.empty() ? coreMessage(words, i->reasonMessage, i->reason) : ""}});
    }
    j["site"] = site;
    // One table per level (2, 3, ...): every group and unit of that level with its indicators.
    std::map<int, Json> levels;
    for (NodeIndex k = 0; k < plant.nodes.size(); ++k) {
        const Node& n = plant.nodes[k];
        if (n.kind != NodeKind::Group && n.kind != NodeKind::Unit)
            continue;
        if (!report.find("intake", n.id) && !report.find("totalUse", n.id))
            continue; // treatment units use no water: no row
        Json row = balanceRow(report, n.id);
        row["id"] = n.id;
        row["name"] = n.name;
        row["kind"] = word(words, "nodeKinds", std::string(toString(n.kind)));
        levels[graph.level(k)].push_back(row);
    }
    Json tables = Json::array();
    int number = 2; // 5.1 is the site table
    for (auto& [level, rows] : levels)
        tables.push_back(
            {{"number", "5." + std::to_string(number++)}, {"level", std::to_string(level)}, {"rows", rows}});
    j["levels"] = tables;
    return j;
}

Json streams(const ReportResults& results, const Json& words) {
    const Plant& plant = results.measured;
    const PlantGraph graph(plant);
    const auto& r = results.balance.reconciliation;
    Json rows = Json::array();
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        const Stream& st = plant.streams[s];
        const balance::EdgeEstimate& e = r.edges[s];
        const campaign::DerivedFlow* derived = results.derivedFlow(st.id);
        const bool suspect = e.z && r.criticalZ > 0 && std::abs(*e.z) > r.criticalZ;
        std::string status;
        switch (e.status) {
        case balance::FlowStatus::Redundant:
            status = "redundant";
            break;
        case balance::FlowStatus::Nonredundant:
            status = "nonredundant";
            break;
        case balance::FlowStatus::Observable:
            status = "observable";
            break;
        case balance::FlowStatus::Unobservable:
            status = "unobservable";
            break;
        }
        rows.push_back(
            {{"id", st.id},
             {"from", nodeName(plant, graph, st.from)},
             {"to", nodeName(plant, graph, st.to)},
             {"type", graph.isConnected(s)
                          ? word(words, "streamTypes", std::string(toString(graph.typeOf(s))))
                          : "—"},
             {"measured", st.measurement ? flowPm(st.measurement->value, st.measurement->sigma) : "—"},
             {"reconciled", flowPm(e.value, e.sigma)},
             {"status", word(words, "status", status)},
             {"z", e.z ? fmt::format("{:+.2f}", *e.z) : "—"},
             {"suspect", suspect},
             {"grade", derived ? std::string(campaign::toString(derived->grade)) : "—"},
             {"gradeWhy", derived && !derived->gradeReasons.empty() ? derived->gradeReasons.front() : ""}});
    }
    return rows;
}

Json verdict(const ReportResults& results, const Json& words) {
    const Plant& plant = results.measured;
    const auto& g = results.balance.reconciliation.global;
    Json j;
    j["statistic"] = fmt::format("{:.3g}", g.statistic);
    j["critical"] = fmt::format("{:.3g}", g.critical);
    j["dof"] = std::to_string(g.dof);
    j["alpha"] = fmt::format("{:g}", g.alpha);
    j["nothingToCheck"] = g.dof == 0;
    j["passed"] = g.dof > 0 && g.passed;
    j["failed"] = g.dof > 0 && !g.passed;
    j["failure"] = results.balance.reconciliation.failure;
    Json errors = Json::array();
    const PlantGraph graph(plant);
    for (const balance::GrossError& e : results.balance.grossErrors.found) {
        if (e.kind == balance::GrossError::Kind::MeterBias) {
            const Stream& s = plant.streams[e.edge];
            std::string equivalent;
            for (std::size_t k : e.equivalentEdges)
                equivalent += (equivalent.empty() ? "" : ", ") + plant.streams[k].id;
            errors.push_back({{"meter", true},
                              {"stream", s.id},
                              {"from", nodeName(plant, graph, s.from)},
                              {"to", nodeName(plant, graph, s.to)},
                              {"read", s.measurement ? flow(s.measurement->value) : "—"},
                              {"bias", fmt::format("{:+.2f}", e.estimate)},
                              {"truth", s.measurement ? flow(s.measurement->value - e.estimate) : "—"},
                              {"equivalent", equivalent}});
        } else {
            // Leak nodes are network nodes: units in the plant's order (balance::toFlowNetwork).
            std::vector<std::size_t> unitOf;
            balance::toFlowNetwork(plant, &unitOf);
            std::string where;
            for (int node : e.nodes)
                if (node >= 0 && static_cast<std::size_t>(node) < unitOf.size())
                    where += (where.empty() ? "" : "、") +
                             plant.nodes[unitOf[static_cast<std::size_t>(node)]].name;
            errors.push_back({{"leak", true}, {"where", where}, {"amount", flow(e.estimate)}});
        }
    }
    j["grossErrors"] = errors;
    j["hasGrossErrors"] = !errors.empty();
    j["english"] = results.verdict; // core's own sentences, shown in the English report
    Json closure = Json::array();
    for (const indicators::ClosureCheck& c : results.indicators.closure) {
        std::string result =
            c.passed ? (*c.passed ? word(words, "closure", "passed") : word(words, "closure", "failed"))
                     : word(words, "closure", "cannot");
        closure.push_back({{"scope", c.scope == indicators::siteScope ? word(words, "closure", "site")
                                                                      : nodeName(plant, graph, c.scope)},
                           {"kind", word(words, "closure", std::string(indicators::toString(c.kind)))},
                           {"in", c.in ? flow(*c.in) : "—"},
                           {"out", c.out ? flow(*c.out) : "—"},
                           {"difference", c.difference ? fmt::format("{:+.1f} %", *c.difference * 100) : "—"},
                           {"result", result}});
    }
    j["closure"] = closure;
    j["closureTolerance"] = results.indicators.closure.empty()
                                ? "10"
                                : fmt::format("{:g}", results.indicators.closure.front().tolerance * 100);
    return j;
}

Json indicatorRows(const ReportResults& results, const Json& words) {
    Json rows = Json::array();
    for (const indicators::Indicator& i : results.indicators.indicators) {
        if (i.scope != indicators::siteScope)
            continue;
        rows.push_back({{"key", i.key},
                        {"name", word(words, "indicators", i.key)},
                        {"value", formatIndicator(i)},
                        {"unit", isRate(i) || i.unit == "1" ? "" : prettyUnit(i.unit)},
                        {"note", indicatorRemark(words, i)}});
    }
    return rows;
}

Json comparisons(const std::vector<benchmarking::Comparison>& list, const Json& words) {
    Json out = Json::array();
    for (const benchmarking::Comparison& c : list) {
        const bool rate = c.unit == "1" || c.unit == "%";
        auto show = [&](double v) {
            return rate && c.unit == "1" ? fmt::format("{:.2f} %", v * 100) : fmt::format("{:.4g}", v);
        };
        Json levels = Json::array();
        for (const benchmarking::LevelResult& l : c.levels)
            levels.push_back(
                {{"name", l.name},
                 {"limit", show(l.limit)},
                 {"met", l.met
                             ? (*l.met ? word(words, "benchmark", "met") : word(words, "benchmark", "notMet"))
                             : "—"},
                 {"probability", l.probability ? fmt::format("{:.0f} %", *l.probability * 100) : "—"}});
        std::string source = c.source.document;
        if (!c.source.edition.empty())
            source += "-" + c.source.edition;
        if (!c.source.table.empty())
            source += " " + c.source.table;
        // The grade as the table names its level (通用值), not its key.
        std::string grade = word(words, "benchmark", "noGrade");
        for (const benchmarking::LevelResult& l : c.levels)
            if (c.grade && l.key == *c.grade)
                grade = l.name.empty() ? l.key : l.name;
        // Empty texts as null: the template's sections print nothing for them (an empty string would
        // still open its parentheses).
        const auto textOrNull = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
        out.push_back(
            {{"indicator", word(words, "indicators", c.indicator)},
             {"product", c.product},
             {"value", c.value ? (c.sigma ? show(*c.value) + " ± " + show(*c.sigma) : show(*c.value)) : "—"},
             {"unit", rate ? "" : prettyUnit(c.unit)},
             {"levels", levels},
             {"grade", grade},
             {"reason", textOrNull(coreMessage(words, c.reasonMessage, c.reason))},
             {"source", source},
             {"verification", textOrNull(coreTerm(words, c.verification))}});
    }
    return out;
}

Json savings(const ReportSource& source, const ReportResults& results, const Json& words) {
    const Plant& plant = source.plant;
    Json j;
    Json items = Json::array();
    if (const indicators::Indicator* leak = results.indicators.find("leakage");
        leak && leak->value && *leak->value > 0)
        items.push_back({{"title", word(words, "savings", "leakage")},
                         {"amount", formatIndicator(*leak)},
                         {"note", word(words, "savings", "leakageNote")}});
    for (const benchmarking::Comparison& c : results.benchmark.quotas) {
        if (!c.value || c.levels.empty() || c.higherIsBetter)
            continue;
        const benchmarking::LevelResult& best = c.levels.back();
        if (*c.value <= best.limit || !plant.production)
            continue;
        items.push_back({{"title", word(words, "savings", "quotaGap") + " " + best.name},
                         {"amount", fmt::format("{:.4g} {}", *c.value - best.limit, prettyUnit(c.unit))},
                         {"note", word(words, "savings", "quotaGapNote")}});
    }
    j["items"] = items;
    Json measures = Json::array();
    for (const Measure& m : source.measures)
        measures.push_back({{"title", m.title},
                            {"saving", m.saving ? flow(*m.saving) + " " + prettyUnit(plant.flowUnit) : "—"},
                            {"note", m.note}});
    j["measures"] = measures;
    j["hasMeasures"] = !measures.empty();
    Json advice = Json::array();
    for (const balance::MeterAdvice& a : results.balance.advice.ranked) {
        if (advice.size() >= 5)
            break;
        const Stream& s = plant.streams[a.edge];
        advice.push_back(
            {{"stream", s.id},
             {"action",
              word(words, "advice", a.action == balance::MeterAdvice::Action::AddMeter ? "add" : "reread")},
             {"sigmaAfter", a.targetSigmaAfter ? flow(*a.targetSigmaAfter) : "—"},
             {"resolves", std::to_string(a.resolves)}});
    }
    j["advice"] = advice;
    j["targetSigma"] = results.balance.advice.targetSigma ? flow(*results.balance.advice.targetSigma) : "—";
    return j;
}

Json readings(const Plant& plant) {
    Json rows = Json::array();
    for (const Reading& r : plant.readings)
        rows.push_back({{"meter", r.meter},
                        {"time", r.time},
                        {"value", fmt::format("{}", r.value)}, // as read: every digit
                        {"technician", r.technician},
                        {"note", r.note}});
    return rows;
}

} // namespace

std::string formatIndicator(const indicators::Indicator& i) {
    if (!i.value)
        return "—";
    if (isRate(i))
        return i.sigma ? fmt::format("{:.2f} ± {:.2f} %", *i.value * 100, *i.sigma * 100)
                       : fmt::format("{:.2f} %", *i.value * 100);
    return i.sigma ? fmt::format("{:.4g} ± {:.2g}", *i.value, *i.sigma) : fmt::format("{:.4g}", *i.value);
}

Json reportData(const ReportSource& source, const ReportResults& results, const Json& words,
                const std::string& date) {
    Json j;
    j["t"] = words;
    j["date"] = date;
    j["flowUnit"] = prettyUnit(source.plant.flowUnit);
    j["overview"] = overview(source, results, words);
    j["plan"] = plan(source, results);
    j["meters"] = meters(source, words);
    j["hasMeters"] = !source.plant.meters.empty();
    j["balance"] = balanceTables(source, results, words);
    j["streams"] = streams(results, words);
    j["verdict"] = verdict(results, words);
    j["indicators"] = indicatorRows(results, words);
    j["quotas"] = comparisons(results.benchmark.quotas, words);
    j["thresholds"] = comparisons(results.benchmark.thresholds, words);
    j["hasBenchmark"] = !results.benchmark.quotas.empty() || !results.benchmark.thresholds.empty();
    j["waterSaving"] = results.benchmark.waterSavingEnterprise
                           ? (*results.benchmark.waterSavingEnterprise ? word(words, "benchmark", "wsYes")
                                                                       : word(words, "benchmark", "wsNo"))
                           : word(words, "benchmark", "wsUnknown");
    Json notes = Json::array();
    for (std::size_t k = 0; k < results.benchmark.notes.size(); ++k)
        notes.push_back(coreMessage(
            words,
            k < results.benchmark.noteMessages.size() ? results.benchmark.noteMessages[k] : text::Message(),
            results.benchmark.notes[k]));
    j["benchmarkNotes"] = notes;
    j["savings"] = savings(source, results, words);
    j["readings"] = readings(source.plant);
    j["hasReadings"] = !source.plant.readings.empty();
    j["english"] = words.value("lang", "") == "en";
    return j;
}

} // namespace shuiheng::report
