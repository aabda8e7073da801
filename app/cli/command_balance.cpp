// shuiheng-cli balance FILE [--json] [--alpha A]: reconcile the plant's flows (contract).

#include "balance/verdict.h"
#include "campaign/flows.h"
#include "cli/balance_json.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"
#include "model/plant_graph.h"

#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace shuiheng::cli {
namespace {

struct BalanceArgs {
    std::string path;
    bool json = false;
    double alpha = 0.05;
    bool nonNegative = false;
    bool noLeaks = false;
};

std::string valueWithSigma(std::optional<double> value, std::optional<double> sigma) {
    if (!value)
        return "?";
    return sigma ? fmt::format("{:.4g} ± {:.2g}", *value, *sigma) : fmt::format("{:.4g}", *value);
}

void printAdvice(const Plant& plant, const balance::MeterAdviceResult& advice, std::ostream& out) {
    if (advice.ranked.empty())
        return;
    out << "\nWhich meter next";
    if (advice.targetSigma)
        out << fmt::format(" (site intake now {:.4g} ± {:.2g} {})", *advice.targetValue, *advice.targetSigma,
                           plant.flowUnit);
    out << ":\n";
    int rank = 1;
    for (const auto& a : advice.ranked) {
        if (rank > 5)
            break;
        const Stream& s = plant.streams[a.edge];
        std::string what =
            a.action == balance::MeterAdvice::Action::Reread ? "read the meter on " : "add a meter on ";
        std::string gain;
        if (a.resolves > 0)
            gain = fmt::format("determines {} flow(s) that cannot be known now", a.resolves);
        else if (a.targetSigmaAfter && advice.targetSigma)
            gain = fmt::format("intake ± {:#.3g} instead of ± {:#.3g}", *a.targetSigmaAfter,
                               *advice.targetSigma);
        out << fmt::format("  {}. {}{} ({} → {}): {}\n", rank++, what, s.id, s.from, s.to, gain);
    }
}

void printTable(const Plant& plant, const balance::PlantBalance& result, std::ostream& out) {
    const PlantGraph graph(plant);
    const auto& r = result.reconciliation;
    out << "Balance of " << plant.name << " (flows in " << plant.flowUnit << ")\n\n";
    TextTable table({"stream", "from → to", "type", "measured", "reconciled", "status", "z", ""},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left,
                     TextTable::Align::Right, TextTable::Align::Left});
    for (std::size_t i = 0; i < plant.streams.size(); ++i) {
        const Stream& s = plant.streams[i];
        const auto& e = r.edges[i];
        std::string flag;
        if (e.z && std::abs(*e.z) > r.criticalZ)
            flag = "SUSPECT";
        else if (e.status == balance::FlowStatus::Unobservable && !r.toObserve(i).empty()) {
            const auto chords = r.toObserve(i);
            flag = chords.size() == 1 ? "measure" : fmt::format("measure {} of", chords.size());
            for (std::size_t k = 0; k < std::min<std::size_t>(chords.size(), 4); ++k)
                flag += " " + plant.streams[chords[k]].id;
            if (chords.size() > 4)
                flag += " …";
        }
        table.addRow({s.id, s.from + " → " + s.to, std::string(toString(graph.typeOf(i))),
                      s.measurement ? valueWithSigma(s.measurement->value, s.measurement->sigma) : "-",
                      valueWithSigma(e.value, e.sigma), std::string(statusWord(e.status)),
                      e.z ? fmt::format("{:+.2f}", *e.z) : "", flag});
    }
    table.print(out);
    out << fmt::format(
        "\nGlobal test: chi-square {:.4g}, {} degrees of freedom, critical {:.4g} (alpha {}): {}\n",
        r.global.statistic, r.global.dof, r.global.critical, r.global.alpha,
        r.global.passed ? "passed" : "FAILED");
    out << fmt::format("Measurement test: |z| > {:.3f} is suspect (Šidák over {} redundant measurements)\n\n",
                       r.criticalZ, r.redundantCount);
    for (const std::string& sentence : balance::verdictSentences(plant, result))
        out << sentence << '\n';
    printAdvice(plant, result.advice, out);
    for (const Diagnostic& d : result.diagnostics)
        out << d.toString() << '\n';
}

} // namespace

void addBalanceCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("balance", "Reconcile the plant's measured flows and test them");
    auto args = std::make_shared<BalanceArgs>();
    cmd->add_option("FILE", args->path, "plant file")->required();
    cmd->add_flag("--json", args->json, "print the JSON document of the contract");
    cmd->add_option("--alpha", args->alpha, "significance level of the tests")
        ->check(CLI::Range(1e-9, 0.5))
        ->capture_default_str();
    cmd->add_flag("--non-negative", args->nonNegative, "hold flows that reconcile below zero at zero");
    cmd->add_flag("--no-leaks", args->noLeaks, "consider meter biases only, not leaks, as gross errors");
    cmd->callback([args, &status] {
        const auto plant = loadPlantOrReport(args->path, std::cerr);
        if (!plant) {
            status = exitInvalidInput;
            return;
        }
        balance::PlantBalanceOptions options;
        options.reconciliation.alpha = args->alpha;
        options.reconciliation.nonNegative = args->nonNegative;
        options.considerLeaks = !args->noLeaks;
        const balance::PlantBalance result = balance::balancePlant(*plant, options);
        // What was measured, campaign readings included, for the "measured" column.
        const Plant measured = campaign::withDerivedMeasurements(*plant);
        if (!result.reconciliation.failure.empty()) {
            std::cerr << args->path << ": " << result.reconciliation.failure << '\n';
            status = exitInternal;
            return;
        }
        if (args->json)
            std::cout << balanceJson(measured, result);
        else
            printTable(measured, result, std::cout);
        status = exitOk;
    });
}

} // namespace shuiheng::cli
