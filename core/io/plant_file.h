#pragma once
// The plant file, version 1 (shared/contract.md): JSON in UTF-8.
// Unknown fields are kept (Node::extra and friends) and written back unchanged, and reading
// reports each one as a note, so a typo in a field name does not pass unseen.

#include "model/plant.h"
#include "validation/diagnostic.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace shuiheng {

inline constexpr std::string_view plantFileFormat = "shuiheng-plant";
inline constexpr int plantFileVersion = 1;

struct PlantFileResult {
    std::optional<Plant> plant; ///< absent when the text is not a plant file at all
    Diagnostics diagnostics;    ///< structure and type problems, then (for load*) semantic ones

    bool ok() const { return plant.has_value() && !hasErrors(diagnostics); }
};

/// Parses the JSON text into a plant, checking structure and types only.
PlantFileResult parsePlantJson(std::string_view text);

/// Reads, parses and validates a plant file: what `shuiheng-cli validate` does.
PlantFileResult loadPlantFile(const std::filesystem::path& path);

/// The plant as plant-file JSON, two-space indented, fields in the contract's order.
std::string toPlantJson(const Plant& plant);

/// Writes the plant file atomically; empty on success, else the reason.
std::string savePlantFile(const std::filesystem::path& path, const Plant& plant);

} // namespace shuiheng
