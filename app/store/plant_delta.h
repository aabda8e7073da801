#pragma once
// What an edit of the plant's structure changed — the name, the flow unit, nodes and streams — as
// plant-file JSON: the node and stream objects as they are after the change, the ids removed, and
// the new order of ids when it changed. The editor's journal keeps one delta each way per edit, so
// undo and redo work on whatever the plant is now (another program may have changed other nodes)
// and survive a restart.

#include "model/plant.h"
#include "store/status.h"

#include <string>

namespace shuiheng::store {

struct PlantDelta {
    std::string forward;  ///< turns the plant before into the plant after
    std::string backward; ///< turns the plant after back into the plant before
    bool empty = true;    ///< nothing changed
};

/// The delta between two plants' structures (meters, readings and production are not compared).
PlantDelta diffPlants(const Plant& before, const Plant& after);

/// Applies one direction of a delta to the plant's structure; a damaged delta is refused and the
/// plant left as it was.
Status applyPlantDelta(Plant& plant, const std::string& delta);

/// Node and stream ids must be non-empty and unique for a plant to be stored, draft or not.
Status checkStorableIds(const Plant& plant);

} // namespace shuiheng::store
