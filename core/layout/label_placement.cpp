#include "layout/label_placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace shuiheng::layout {

namespace {

/// A path flattened into short straight pieces, with the length run up to each point.
struct Polyline {
    std::vector<Point> points;
    std::vector<double> run; ///< run[i]: length from the start to points[i]

    double length() const { return run.empty() ? 0 : run.back(); }
};

/// Piecewise cubic Bezier (3n + 1 points) → polyline of `steps` pieces per cubic.
Polyline flatten(const std::vector<Point>& path, int steps = 12) {
    Polyline out;
    if (path.empty())
        return out;
    out.points.push_back(path.front());
    for (std::size_t i = 0; i + 3 < path.size(); i += 3) {
        const Point &p0 = path[i], &p1 = path[i + 1], &p2 = path[i + 2], &p3 = path[i + 3];
        for (int k = 1; k <= steps; ++k) {
            const double t = double(k) / steps, u = 1 - t;
            const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
            out.points.push_back(
                {a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y});
        }
    }
    out.run.assign(out.points.size(), 0);
    for (std::size_t i = 1; i < out.points.size(); ++i)
        out.run[i] = out.run[i - 1] +
                     std::hypot(out.points[i].x - out.points[i - 1].x, out.points[i].y - out.points[i - 1].y);
    return out;
}

struct OnPath {
    Point at;
    double dx = 1, dy = 0; ///< unit direction of the path there
};

/// The point `fraction` of the way along the polyline, and the path's direction there.
OnPath alongPath(const Polyline& line, double fraction) {
    if (line.points.size() < 2 || line.length() <= 0)
        return {line.points.empty() ? Point{} : line.points.front()};
    const double target = fraction * line.length();
    const auto it = std::lower_bound(line.run.begin() + 1, line.run.end(), target);
    const std::size_t i = std::min<std::size_t>(it - line.run.begin(), line.points.size() - 1);
    const Point a = line.points[i - 1], b = line.points[i];
    const double piece = line.run[i] - line.run[i - 1];
    const double t = piece > 0 ? (target - line.run[i - 1]) / piece : 0;
    return {{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t},
            piece > 0 ? (b.x - a.x) / piece : 1,
            piece > 0 ? (b.y - a.y) / piece : 0};
}

bool overlap(const Box& a, const Box& b, double gap) {
    return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap &&
           b.y < a.y + a.height + gap;
}

} // namespace

const std::vector<double>& labelPathFractions() {
    static const std::vector<double> fractions{0.5, 0.25, 0.75, 1.0 / 3, 2.0 / 3, 0.4,
                                               0.6, 0.15, 0.85, 0.1,     0.9};
    return fractions;
}

std::vector<PlacedLabel> placeLabels(const DiagramLayout& diagram, const std::vector<LabelRequest>& requests,
                                     const LabelPlacementOptions& options) {
    std::vector<PlacedLabel> out(requests.size());
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return requests[a].rank > requests[b].rank; });

    // The group frames' captions (drawn top left inside the frame, 13 px) stay readable too.
    std::vector<Box> captions;
    for (const GroupFrame& g : diagram.groups)
        captions.push_back({g.box.x + 6, g.box.y + 2, estimatedTextWidth(g.name, 13) + 4, 18});
    std::vector<Box> taken; // the labels placed so far
    taken.reserve(requests.size());
    // `strict`: clear of the nodes and on the diagram too; otherwise clear of the labels only.
    const auto free = [&](const Box& box, bool strict) {
        if (strict) {
            if (box.x < -options.margin || box.y < -options.margin ||
                box.x + box.width > diagram.width + options.margin ||
                box.y + box.height > diagram.height + options.margin)
                return false;
            for (const NodeBox& n : diagram.nodes)
                if (overlap(box, n.box, options.gap))
                    return false;
            for (const Box& caption : captions)
                if (overlap(box, caption, 0))
                    return false;
        }
        for (const Box& other : taken)
            if (overlap(box, other, options.gap))
                return false;
        return true;
    };

    for (const std::size_t index : order) {
        const LabelRequest& request = requests[index];
        PlacedLabel& placed = out[index];
        placed.stream = request.stream;
        const StreamPath* stream = diagram.stream(request.stream);
        if (!stream || stream->path.empty())
            continue;
        const Polyline line = flatten(stream->path);
        const double w = request.width, h = request.height;
        // The places to try, in order: on the line or right beside it, anywhere along the path; only
        // then one box further out, then two (still next to its own line). Tried at every size, so
        // that smaller labels (zoomed in) find at least the places bigger ones do, about.
        std::vector<Box> candidates;
        for (int ring = 0; ring < 3; ++ring)
            for (const double fraction : labelPathFractions()) {
                const OnPath on = alongPath(line, fraction);
                // Beside the line: far enough along its normal that the box clears it.
                const double nx = -on.dy, ny = on.dx;
                const double across = w * std::abs(nx) + h * std::abs(ny);
                const double aside = across / 2 + options.lineClear + ring * (across + options.gap);
                static constexpr double nearSides[] = {0.0, 1.0, -1.0}; // on the line, then either side
                static constexpr double farSides[] = {1.0, -1.0};
                for (const double side : ring == 0 ? std::span<const double>(nearSides) : farSides)
                    candidates.push_back(
                        {on.at.x + side * aside * nx - w / 2, on.at.y + side * aside * ny - h / 2, w, h});
            }
        for (const bool strict : {true, false}) {
            if (!strict && !request.always)
                break;
            const auto it = std::find_if(candidates.begin(), candidates.end(),
                                         [&](const Box& box) { return free(box, strict); });
            if (it != candidates.end()) {
                placed.shown = true;
                placed.box = *it;
                break;
            }
        }
        if (!placed.shown && request.always) {
            placed.shown = true;
            placed.box = candidates.front(); // the middle of the path, over whatever is there
        }
        if (placed.shown)
            taken.push_back(placed.box);
    }
    return out;
}

} // namespace shuiheng::layout
