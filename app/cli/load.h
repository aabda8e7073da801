#pragma once
// Loading a plant file for a command: diagnostics go to stderr; nullopt means exit 2.

#include "io/plant_file.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace shuiheng::cli {

/// Prints every diagnostic (errors always, warnings and notes when `verbose`) to `err`.
void printDiagnostics(const Diagnostics& diagnostics, std::ostream& err, bool verbose);

/// The plant when it loads without errors; otherwise prints why and returns nullopt. A project file
/// (.shuiheng) gives the plant it holds, readings included, as `project export` writes it.
std::optional<Plant> loadPlantOrReport(const std::string& path, std::ostream& err);

} // namespace shuiheng::cli
