#pragma once
// The node extension "diagramPosition": {"x": 240, "y": 96} — where the user put the node on the
// water-balance diagram (the centre of its box, in points, origin top left, y down). It lives in
// the node's ExtraFields, so a plant file keeps it and tools that do not know it pass it through.

#include "layout/diagram_layout.h"
#include "model/plant.h"

#include <optional>
#include <string>

namespace shuiheng::layout {

inline constexpr const char* pinnedPositionField = "diagramPosition";

/// The node's pinned position; nullopt when it has none or the field is not two finite numbers
/// (`error`, when given, then says what is wrong).
std::optional<Point> pinnedPosition(const Node& node, std::string* error = nullptr);

/// Pins the node at `position`, or unpins it with nullopt.
void setPinnedPosition(Node& node, std::optional<Point> position);

} // namespace shuiheng::layout
