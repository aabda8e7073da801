#include "layout/geometry.h"

#include <algorithm>
#include <cmath>

namespace shuiheng::layout {

bool Box::contains(const Box& inner, double tolerance) const {
    return inner.x >= x - tolerance && inner.y >= y - tolerance &&
           inner.x + inner.width <= x + width + tolerance && inner.y + inner.height <= y + height + tolerance;
}

bool Box::contains(Point p, double tolerance) const {
    return p.x >= x - tolerance && p.y >= y - tolerance && p.x <= x + width + tolerance &&
           p.y <= y + height + tolerance;
}

namespace geometry {

Box unite(const Box& a, const Box& b) {
    const double left = std::min(a.x, b.x);
    const double top = std::min(a.y, b.y);
    const double right = std::max(a.x + a.width, b.x + b.width);
    const double bottom = std::max(a.y + a.height, b.y + b.height);
    return {left, top, right - left, bottom - top};
}

Box grown(const Box& box, double left, double top, double right, double bottom) {
    return {box.x - left, box.y - top, box.width + left + right, box.height + top + bottom};
}

Point borderPoint(const Box& box, Point target) {
    const Point c = box.center();
    const double dx = target.x - c.x;
    const double dy = target.y - c.y;
    if (dx == 0 && dy == 0)
        return {c.x + box.width / 2, c.y};
    // Scale the direction so that it just reaches the nearer pair of sides.
    const double sx = dx == 0 ? INFINITY : (box.width / 2) / std::abs(dx);
    const double sy = dy == 0 ? INFINITY : (box.height / 2) / std::abs(dy);
    const double s = std::min(sx, sy);
    return {c.x + dx * s, c.y + dy * s};
}

std::vector<Point> straightCubic(Point a, Point b) {
    const auto at = [&](double t) { return Point{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; };
    return {a, at(1.0 / 3), at(2.0 / 3), b};
}

std::vector<Point> routeBetween(const Box& from, const Box& to) {
    const Point start = borderPoint(from, to.center());
    const Point end = borderPoint(to, from.center());
    return straightCubic(start, end);
}

Point pathMiddle(const std::vector<Point>& path) {
    if (path.empty())
        return {};
    const std::size_t segments = (path.size() - 1) / 3;
    if (segments == 0)
        return path.front();
    if (segments % 2 == 0)
        return path[3 * (segments / 2)];
    const std::size_t i = 3 * (segments / 2);
    const Point &p0 = path[i], &p1 = path[i + 1], &p2 = path[i + 2], &p3 = path[i + 3];
    // B(1/2) = (p0 + 3 p1 + 3 p2 + p3) / 8
    return {(p0.x + 3 * p1.x + 3 * p2.x + p3.x) / 8, (p0.y + 3 * p1.y + 3 * p2.y + p3.y) / 8};
}

double distanceToBox(Point p, const Box& box) {
    const double dx = std::max({box.x - p.x, 0.0, p.x - (box.x + box.width)});
    const double dy = std::max({box.y - p.y, 0.0, p.y - (box.y + box.height)});
    return std::hypot(dx, dy);
}

} // namespace geometry
} // namespace shuiheng::layout
