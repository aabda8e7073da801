#pragma once
// Small geometry over the layout's points, boxes and cubic Bezier paths (internal to core/layout).

#include "layout/diagram_layout.h"

#include <vector>

namespace shuiheng::layout::geometry {

/// The smallest box holding both.
Box unite(const Box& a, const Box& b);
Box grown(const Box& box, double left, double top, double right, double bottom);

/// Where the segment from the box's centre towards `target` leaves the box.
Point borderPoint(const Box& box, Point target);

/// A straight cubic segment from a to b (control points at thirds).
std::vector<Point> straightCubic(Point a, Point b);

/// A path from box `from` to box `to`, starting and ending on their borders.
std::vector<Point> routeBetween(const Box& from, const Box& to);

/// The point in the middle of a piecewise cubic path (3n + 1 points).
Point pathMiddle(const std::vector<Point>& path);

double distanceToBox(Point p, const Box& box);

} // namespace shuiheng::layout::geometry
