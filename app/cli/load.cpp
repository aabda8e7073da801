#include "cli/load.h"

#include "cli/store_support.h"
#include "validation/validate_plant.h"

#include <ostream>

namespace shuiheng::cli {

void printDiagnostics(const Diagnostics& diagnostics, std::ostream& err, bool verbose) {
    for (const Diagnostic& d : diagnostics)
        if (verbose || d.severity == Severity::Error)
            err << d.toString() << '\n';
}

/// A project file's plant (docs/store.md): exported read-only, then checked like a plant file.
std::optional<Plant> loadProjectPlant(const std::string& path, std::ostream& err) {
    store::ProjectStore project;
    store::OpenOptions options;
    options.readOnly = true;
    options.busyTimeoutMs = busyTimeoutMs();
    store::Status status = project.open(path, options);
    std::optional<Plant> plant;
    if (status) {
        auto exported = project.exportPlant();
        if (exported)
            plant = std::move(*exported);
        else
            status = exported.status().prefixed(path);
    }
    if (!status) {
        err << status.message() << '\n';
        return std::nullopt;
    }
    const Diagnostics diagnostics = validatePlant(*plant);
    if (!hasErrors(diagnostics))
        return plant;
    err << path << ": the project's plant is not valid\n";
    printDiagnostics(diagnostics, err, false);
    return std::nullopt;
}

std::optional<Plant> loadPlantOrReport(const std::string& path, std::ostream& err) {
    if (isProjectFile(path))
        return loadProjectPlant(path, err);
    PlantFileResult result = loadPlantFile(path);
    if (result.ok())
        return std::move(result.plant);
    err << path << ": not a valid plant file\n";
    printDiagnostics(result.diagnostics, err, false);
    return std::nullopt;
}

} // namespace shuiheng::cli
