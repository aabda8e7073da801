#pragma once
// Fields of the plant file that Shuiheng does not know (ExtraFields: key → raw JSON) as the text of
// one JSON object in a column; empty text when there are none.

#include "model/plant.h"

#include <string>

namespace shuiheng::store {

std::string extrasToJson(const ExtraFields& extra);

/// The fields back; a text that is not a JSON object gives none.
ExtraFields extrasFromJson(const std::string& text);

} // namespace shuiheng::store
