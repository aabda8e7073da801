#include "cli/load.h"

#include <ostream>

namespace shuiheng::cli {

void printDiagnostics(const Diagnostics& diagnostics, std::ostream& err, bool verbose) {
    for (const Diagnostic& d : diagnostics)
        if (verbose || d.severity == Severity::Error)
            err << d.toString() << '\n';
}

std::optional<Plant> loadPlantOrReport(const std::string& path, std::ostream& err) {
    PlantFileResult result = loadPlantFile(path);
    if (result.ok())
        return std::move(result.plant);
    err << path << ": not a valid plant file\n";
    printDiagnostics(result.diagnostics, err, false);
    return std::nullopt;
}

} // namespace shuiheng::cli
