// shuiheng-cli flows FILE [--json]: the measured flows a campaign's readings give (contract:
// "Campaign data in the plant file"), each with its uncertainty, grade and the readings behind it.

#include "campaign/flows.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"

#include <cmath>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace shuiheng::cli {
namespace {

using Json = nlohmann::ordered_json;

struct FlowsArgs {
    std::string path;
    bool json = false;
};

/// A number, or null when not finite: the document never holds NaN or inf.
Json number(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json sampleJson(const Plant& plant, const campaign::FlowSample& s) {
    Json j;
    j["meter"] = plant.meters[s.meter].id;
    if (s.firstReading == s.lastReading) {
        j["readings"] = {s.firstReading};
        j["time"] = plant.readings[s.firstReading].time;
    } else {
        j["readings"] = {s.firstReading, s.lastReading};
        j["from"] = plant.readings[s.firstReading].time;
        j["to"] = plant.readings[s.lastReading].time;
        j["hours"] = number(s.hours);
    }
    j["flow"] = number(s.flow);
    j["rolledOver"] = s.rolledOver;
    return j;
}

std::string flowsJson(const Plant& plant, const campaign::FlowDerivation& derivation) {
    Json doc;
    Json flows = Json::array();
    for (const campaign::DerivedFlow& f : derivation.flows) {
        Json j;
        j["stream"] = f.stream;
        j["meter"] = f.meter;
        j["value"] = number(f.value);
        j["sigma"] = number(f.sigma);
        j["n"] = f.n;
        j["uA"] = number(f.uA);
        j["uB"] = number(f.uB);
        j["mpe"] = number(f.mpe);
        j["meters"] = f.meters;
        j["grade"] = campaign::toString(f.grade);
        j["gradeReasons"] = f.gradeReasons;
        Json samples = Json::array();
        for (const campaign::FlowSample& s : f.samples)
            samples.push_back(sampleJson(plant, s));
        j["samples"] = std::move(samples);
        flows.push_back(std::move(j));
    }
    doc["flows"] = std::move(flows);
    doc["flowUnit"] = plant.flowUnit;
    Json diagnostics = Json::array();
    for (const Diagnostic& d : derivation.diagnostics)
        diagnostics.push_back({{"severity", toString(d.severity)},
                               {"location", d.location},
                               {"subject", d.subject},
                               {"field", d.field},
                               {"message", d.message}});
    doc["diagnostics"] = std::move(diagnostics);
    return doc.dump(2) + "\n";
}

void printTable(const Plant& plant, const campaign::FlowDerivation& derivation, std::ostream& out) {
    out << "Flows from the campaign readings of " << plant.name << " (in " << plant.flowUnit << ")\n\n";
    TextTable table({"stream", "meter", "value ± sigma", "n", "uA", "uB", "grade", "why not A"},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Left, TextTable::Align::Left});
    for (const campaign::DerivedFlow& f : derivation.flows) {
        std::string meters;
        for (const std::string& m : f.meters)
            meters += (meters.empty() ? "" : " → ") + m;
        std::string reasons;
        for (const std::string& r : f.gradeReasons)
            reasons += (reasons.empty() ? "" : "; ") + r;
        table.addRow({f.stream, meters, fmt::format("{:.4g} ± {:.2g}", f.value, f.sigma), std::to_string(f.n),
                      fmt::format("{:.2g}", f.uA), fmt::format("{:.2g}", f.uB),
                      std::string(campaign::toString(f.grade)), reasons});
    }
    table.print(out);
    if (derivation.flows.empty())
        out << "(no metered stream gives a flow)\n";
    if (!derivation.diagnostics.empty())
        out << '\n';
    for (const Diagnostic& d : derivation.diagnostics)
        out << d.toString() << '\n';
}

} // namespace

void addFlowsCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("flows", "Derive the measured flows from the campaign's meter readings");
    auto args = std::make_shared<FlowsArgs>();
    cmd->add_option("FILE", args->path, "plant file with meters and readings")->required();
    cmd->add_flag("--json", args->json, "print the JSON document of the contract");
    cmd->callback([args, &status] {
        const auto plant = loadPlantOrReport(args->path, std::cerr);
        if (!plant) {
            status = exitInvalidInput;
            return;
        }
        const campaign::FlowDerivation derivation = campaign::deriveFlows(*plant);
        if (args->json)
            std::cout << flowsJson(*plant, derivation);
        else
            printTable(*plant, derivation, std::cout);
        status = exitOk;
    });
}

} // namespace shuiheng::cli
