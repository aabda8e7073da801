// shuiheng-cli: the scriptable face of Shuiheng (shared/contract.md, docs/cli.md).

#include "balance/heap_policy.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

#include <exception>
#include <iostream>

#ifndef SHUIHENG_VERSION
#define SHUIHENG_VERSION "unknown"
#endif

int main(int argc, char** argv) {
    using namespace shuiheng::cli;
    shuiheng::balance::keepFreedMemory(); // serial elimination and the advice reconcile again and again
    try {
        CLI::App app{"shuiheng-cli: water-balance tests, reconciliation and benchmarking (水衡)"};
        app.set_version_flag("--version", std::string("shuiheng-cli ") + SHUIHENG_VERSION);
        app.require_subcommand(1);
        int status = exitOk;
        addValidateCommand(app, status);
        addInfoCommand(app, status);
        addBalanceCommand(app, status);
        addFlowsCommand(app, status);
        addBenchmarkingCommands(app, status);
        addProjectCommand(app, status);
        addReadingsCommand(app, status);
        addReportCommands(app, status);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            const int code = app.exit(e);
            return code == 0 ? exitOk : exitInvalidInput;
        }
        return status;
    } catch (const std::exception& e) {
        std::cerr << "shuiheng-cli: internal error: " << e.what() << '\n';
        return exitInternal;
    } catch (...) {
        std::cerr << "shuiheng-cli: internal error\n";
        return exitInternal;
    }
}
