#pragma once
// Semantic checks of a plant: every problem at once, each naming the node, stream, meter or
// reading concerned and the field. Structure and types of the file are checked by io/.

#include "model/plant.h"
#include "validation/diagnostic.h"

namespace shuiheng {

Diagnostics validatePlant(const Plant& plant);

} // namespace shuiheng
