#include "model/plant.h"

namespace shuiheng {

std::string_view toString(MeterKind kind) {
    return kind == MeterKind::Totalizer ? "totalizer" : "flowrate";
}

std::optional<MeterKind> parseMeterKind(std::string_view text) {
    if (text == "totalizer")
        return MeterKind::Totalizer;
    if (text == "flowrate")
        return MeterKind::Flowrate;
    return std::nullopt;
}

} // namespace shuiheng
