#include "layout/pinned_position.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace shuiheng::layout {

std::optional<Point> pinnedPosition(const Node& node, std::string* error) {
    const auto it = node.extra.find(pinnedPositionField);
    if (it == node.extra.end())
        return std::nullopt;
    const auto fail = [&](const char* why) -> std::optional<Point> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto j = nlohmann::json::parse(it->second, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail("must be an object {\"x\": number, \"y\": number}");
    const auto x = j.find("x");
    const auto y = j.find("y");
    if (x == j.end() || y == j.end() || !x->is_number() || !y->is_number())
        return fail("needs numbers \"x\" and \"y\"");
    const Point p{x->get<double>(), y->get<double>()};
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return fail("\"x\" and \"y\" must be finite");
    return p;
}

void setPinnedPosition(Node& node, std::optional<Point> position) {
    if (!position) {
        node.extra.erase(pinnedPositionField);
        return;
    }
    // A tenth of a point is far below what a finger or a mouse can place; rounding keeps files tidy.
    const auto tenth = [](double v) { return std::round(v * 10) / 10; };
    nlohmann::json j = {{"x", tenth(position->x)}, {"y", tenth(position->y)}};
    node.extra[pinnedPositionField] = j.dump();
}

} // namespace shuiheng::layout
