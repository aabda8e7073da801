// shuiheng-cli indicators FILE [--json]: the water-use indicators of the reconciled balance with
// their uncertainty (contract: `shuiheng-cli indicators`; docs/indicators.md).

#include "cli/benchmarking_commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"
#include "indicators/indicator_json.h"
#include "indicators/plant_indicators.h"

#include <fmt/format.h>
#include <iostream>

namespace shuiheng::cli {
namespace {

struct IndicatorsArgs {
    std::string path;
    bool json = false;
    double alpha = 0.05;
    double tolerance = 0.10;
    bool siteOnly = false;
    bool noUnits = false;
};

std::string closureWord(const indicators::ClosureCheck& c) {
    if (!c.passed)
        return c.missing.empty() ? "no inflow" : "cannot check";
    return *c.passed ? "passed" : "FAILED";
}

void printClosure(const indicators::IndicatorReport& report, std::ostream& out) {
    if (report.closure.empty())
        return;
    out << fmt::format("\nClosure check on the raw measurements (|in − out| / in ≤ {:g} %), beside the "
                       "statistical tests:\n",
                       report.closure.front().tolerance * 100);
    TextTable table({"check", "in", "out", "difference", "z", "result", "unmeasured"},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left,
                     TextTable::Align::Left});
    for (const auto& c : report.closure) {
        std::string missing;
        for (std::size_t k = 0; k < c.missing.size() && k < 6; ++k)
            missing += (k ? " " : "") + c.missing[k];
        if (c.missing.size() > 6)
            missing += fmt::format(" … ({} in all)", c.missing.size());
        table.addRow({c.kind == indicators::ClosureCheck::Kind::SourceMeter ? "source meter " + c.scope
                                                                            : "balance of " + c.scope,
                      c.in ? fmt::format("{:.4g}", *c.in) : "", c.out ? fmt::format("{:.4g}", *c.out) : "",
                      c.difference ? fmt::format("{:+.1f} %", *c.difference * 100) : "",
                      c.z ? fmt::format("{:+.2f}", *c.z) : "", closureWord(c), missing});
    }
    table.print(out);
    const auto& g = report.globalTest;
    out << fmt::format("Reconciliation: chi-square {:.4g}, {} degrees of freedom, critical {:.4g}: {}\n",
                       g.statistic, g.dof, g.critical, g.passed ? "passed" : "FAILED");
}

} // namespace

std::string valueWithSigma(const indicators::Indicator& i) {
    if (!i.value)
        return "—";
    const double v = *i.value;
    if (i.unit == "1" && i.key != "concentrationRatio") // a rate: as per cent
        return i.sigma ? fmt::format("{:.2f} ± {:.2f} %", v * 100, *i.sigma * 100)
                       : fmt::format("{:.2f} %", v * 100);
    return i.sigma ? fmt::format("{:.4g} ± {:.2g}", v, *i.sigma) : fmt::format("{:.4g}", v);
}

void printIndicatorTable(const indicators::IndicatorReport& report, std::ostream& out) {
    out << "Indicators of " << report.plantName << " (flows in " << report.flowUnit
        << ", from the reconciled balance; ± one standard uncertainty)\n";
    std::string scope;
    std::unique_ptr<TextTable> table;
    auto flush = [&] {
        if (table)
            table->print(out);
    };
    for (const auto& i : report.indicators) {
        if (i.scope != scope || !table) {
            flush();
            scope = i.scope;
            out << "\n" << (scope == indicators::siteScope ? std::string("Site") : "Scope " + scope) << "\n";
            table = std::make_unique<TextTable>(
                std::vector<std::string>{"indicator", "value", "unit", "from"},
                std::vector<TextTable::Align>{TextTable::Align::Left, TextTable::Align::Right,
                                              TextTable::Align::Left, TextTable::Align::Left});
        }
        std::string from = i.reason.empty() ? i.formula : i.reason;
        table->addRow({i.key, valueWithSigma(i), i.unit == "1" ? "" : i.unit, from});
    }
    flush();
    if (report.boundary.declared || !report.boundary.excluded.empty()) {
        out << "\nQuota boundary: " << report.boundary.included.size() << " unit(s) inside";
        if (!report.boundary.excluded.empty()) {
            out << "; outside:";
            for (std::size_t k = 0; k < report.boundary.excluded.size(); ++k)
                out << " " << report.boundary.excluded[k] << " (by " << report.boundary.excludedBy[k] << ")";
        }
        out << "\n";
    }
    printClosure(report, out);
    for (const Diagnostic& d : report.diagnostics)
        out << d.toString() << '\n';
}

void addIndicatorsCommand(CLI::App& app, int& status) {
    auto* cmd =
        app.add_subcommand("indicators", "Water-use indicators of the reconciled balance, with uncertainty");
    auto args = std::make_shared<IndicatorsArgs>();
    cmd->add_option("FILE", args->path, "plant file")->required();
    cmd->add_flag("--json", args->json, "print the JSON document of the contract");
    cmd->add_option("--alpha", args->alpha, "significance level of the balance tests")
        ->check(CLI::Range(1e-9, 0.5))
        ->capture_default_str();
    cmd->add_option("--closure-tolerance", args->tolerance,
                    "relative tolerance of the closure check (municipal practice: 0.10)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_flag("--site", args->siteOnly, "site-level indicators only");
    cmd->add_flag("--no-units", args->noUnits, "leave out the indicators of single units");
    cmd->callback([args, &status] {
        const auto plant = loadPlantOrReport(args->path, std::cerr);
        if (!plant) {
            status = exitInvalidInput;
            return;
        }
        indicators::IndicatorOptions options;
        options.reconciliation.alpha = args->alpha;
        options.closureTolerance = args->tolerance;
        options.groups = !args->siteOnly;
        options.units = !args->siteOnly && !args->noUnits;
        const indicators::IndicatorReport report = indicators::computeIndicators(*plant, options);
        if (!report.failure.empty()) {
            std::cerr << args->path << ": " << report.failure << '\n';
            status = exitInternal;
            return;
        }
        if (args->json)
            std::cout << indicators::toJson(report);
        else
            printIndicatorTable(report, std::cout);
        status = exitOk;
    });
}

} // namespace shuiheng::cli
