#pragma once
// The subcommands of shuiheng-cli. Each registers itself on the CLI11 app and returns the
// exit status through `status` when it ran.

#include <CLI/CLI.hpp>

namespace shuiheng::cli {

void addValidateCommand(CLI::App& app, int& status);
void addInfoCommand(CLI::App& app, int& status);
void addBalanceCommand(CLI::App& app, int& status);
void addFlowsCommand(CLI::App& app, int& status);
void addBenchmarkingCommands(CLI::App& app, int& status); // indicators, benchmark, rank, quotas
void addProjectCommand(CLI::App& app, int& status);
void addReadingsCommand(CLI::App& app, int& status);
void addReportCommands(CLI::App& app,
                       int& status); // report, sankey, export-xlsx, keygen, package, verify, labels

} // namespace shuiheng::cli
