#pragma once
// The water-balance diagram (水平衡图) of a plant, laid out automatically by Graphviz's dot:
// sources in the left column, discharge, consumption and loss in the right one, units in between
// in the order water passes them, groups (the levels) as frames around their units, circulation
// loops drawn as loops. Positions a user pinned (the node extension "diagramPosition",
// docs/diagram.md) are kept: the node sits exactly there and its streams are routed to it.
//
// Works on any plant, also an invalid draft: a stream whose ends do not resolve to units, sources
// or sinks, and a second node with an id already seen, are left out and listed in `skipped`.
// Coordinates are in points (1/72 in), origin top left, y growing downwards. Deterministic: the
// same plant gives the same layout. Graphviz stays inside the .cpp.

#include "model/plant.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::layout {

struct Point {
    double x = 0;
    double y = 0;
};

/// An axis-aligned rectangle: top-left corner and size.
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    Point center() const { return {x + width / 2, y + height / 2}; }
    bool contains(const Box& inner, double tolerance = 0) const;
    bool contains(Point p, double tolerance = 0) const;
};

struct NodeBox {
    std::string id;
    std::string name; ///< the node's name, or its id when it has none
    NodeKind kind = NodeKind::Unit;
    std::string category;               ///< units: cooling, boiler, ...
    std::optional<SourceOrigin> origin; ///< sources
    std::string group;                  ///< id of the enclosing group frame; empty at site level
    Box box;
    bool pinned = false; ///< placed where the user put it, not where dot would
};

struct GroupFrame {
    std::string id;
    std::string name;
    std::string parent; ///< id of the enclosing frame; empty at site level
    int level = 2;      ///< 2 for a group with no parent, one more per enclosing group
    Box box;
    Point labelPosition; ///< baseline start of the frame's caption (top left inside the frame)
};

struct StreamPath {
    std::string id;
    std::string from;
    std::string to;
    StreamType type = StreamType::Cascade;
    bool measured = false; ///< a measurement or a meter (campaign data)
    bool loop = false;     ///< from = to: a circulation loop
    /// Piecewise cubic Bezier: p0, c1, c2, p1, c1, c2, p2, ... (3n + 1 points). Starts on the
    /// border of `from`'s box and ends on the border of `to`'s box (where the arrow points).
    std::vector<Point> path;
    Point labelPosition; ///< where the stream's label goes: the middle of the path
};

/// A node or stream the layout could not place, and why.
struct SkippedItem {
    std::string id;
    std::string reason;
};

struct DiagramLayout {
    std::vector<NodeBox> nodes;     ///< units, sources and sinks, in plant order
    std::vector<GroupFrame> groups; ///< outer frames before the frames inside them
    std::vector<StreamPath> streams;
    std::vector<SkippedItem> skipped;
    double width = 0; ///< every box, frame and path lies in [0, width] × [0, height]
    double height = 0;

    const NodeBox* node(const std::string& id) const;
    const GroupFrame* group(const std::string& id) const;
    const StreamPath* stream(const std::string& id) const;
};

struct LayoutOptions {
    double fontSize = 12;       ///< of node names, which size the boxes
    double nodeSeparation = 18; ///< between nodes of one column
    double rankSeparation = 54; ///< between columns
    double minNodeWidth = 72;   ///< a box is never narrower
    double nodeHeight = 40;     ///< name and id on two lines
    bool honourPinned = true;   ///< false: pure automatic layout, pins ignored
};

DiagramLayout layoutPlant(const Plant& plant, const LayoutOptions& options = {});

/// How wide text is drawn at `fontSize` points: CJK and other wide characters one em, the rest
/// about 0.6 em. An estimate (no font is loaded), generous enough for common sans-serif fonts.
double estimatedTextWidth(const std::string& utf8, double fontSize);

} // namespace shuiheng::layout
