#include "model/plant.h"

#include <utility>

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

namespace {
constexpr std::pair<ReadingMethod, std::string_view> readingMethods[] = {
    {ReadingMethod::Electromagnetic, "electromagnetic"},
    {ReadingMethod::UltrasonicClampOn, "ultrasonic-clamp-on"},
    {ReadingMethod::Mechanical, "mechanical"},
    {ReadingMethod::Container, "container"},
    {ReadingMethod::Weir, "weir"},
    {ReadingMethod::Estimate, "estimate"},
    {ReadingMethod::Other, "other"},
};
} // namespace

std::string_view toString(ReadingMethod method) {
    for (const auto& [m, text] : readingMethods)
        if (m == method)
            return text;
    return "?";
}

std::optional<ReadingMethod> parseReadingMethod(std::string_view text) {
    for (const auto& [m, spelling] : readingMethods)
        if (spelling == text)
            return m;
    return std::nullopt;
}

} // namespace shuiheng
