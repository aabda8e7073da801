// shuiheng-cli validate FILE: every problem of a plant file, errors first; exit 2 when any error.

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"

#include <iostream>

namespace shuiheng::cli {

void addValidateCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("validate", "Check a plant file and list every problem found");
    auto path = std::make_shared<std::string>();
    cmd->add_option("FILE", *path, "plant file (JSON, format shuiheng-plant v1)")->required();
    cmd->callback([path, &status] {
        const PlantFileResult result = loadPlantFile(*path);
        Diagnostics sorted = result.diagnostics;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.severity < b.severity; });
        printDiagnostics(sorted, std::cerr, true);
        const auto errors = std::count_if(sorted.begin(), sorted.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; });
        if (!result.ok()) {
            std::cerr << *path << ": invalid, " << errors << (errors == 1 ? " error\n" : " errors\n");
            status = exitInvalidInput;
            return;
        }
        std::cout << *path << ": valid plant file '" << result.plant->name << "' ("
                  << result.plant->nodes.size() << " nodes, " << result.plant->streams.size() << " streams";
        if (sorted.size() > 0)
            std::cout << "; " << sorted.size() << " warnings or notes on stderr";
        std::cout << ")\n";
        status = exitOk;
    });
}

} // namespace shuiheng::cli
