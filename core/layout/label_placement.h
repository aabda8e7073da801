#pragma once
// Where the flows' labels ("S12  122.9 ± 2.1") go on the water-balance diagram so that none covers
// another or a node: in a dense middle the labels at the middle of each path pile on each other.
// Each label tries places along its own path — the middle, then ¼ and ¾, ⅓ and ⅔, … of its length —
// on the line, then beside it on either side, then one and two boxes further out, and takes the first that
// is free of the labels placed before it, of every node box and group caption, and stays on the
// diagram. Labels are placed by rank (the suspect meters and the biggest flows first). A label with
// no free place is not shown and the view lists it (one asked for `always` is shown all the same).

#include "layout/diagram_layout.h"

#include <string>
#include <vector>

namespace shuiheng::layout {

/// A label to place on a stream's path.
struct LabelRequest {
    std::string stream; ///< the stream whose path carries it
    double width = 0;   ///< its box, in the layout's units
    double height = 0;
    double rank = 0; ///< placed in decreasing rank (ties: in request order)
    /// Shown even without a free place (a suspect meter's flow must say so): then at the first
    /// place free of other labels, over a node if need be, else at the middle of the path.
    bool always = false;
};

/// Where a label goes, in request order.
struct PlacedLabel {
    std::string stream;
    bool shown = false; ///< false: no free place at this size (or no such path)
    Box box;            ///< where it is drawn when shown
};

struct LabelPlacementOptions {
    double gap = 2;       ///< kept free between a label and another label or a node
    double lineClear = 4; ///< a label beside its line stays this far from the line's centre
    double margin = 8;    ///< a label may reach this far beyond the diagram's edges
};

std::vector<PlacedLabel> placeLabels(const DiagramLayout& diagram, const std::vector<LabelRequest>& requests,
                                     const LabelPlacementOptions& options = {});

/// The fractions of a path's length tried for a label, in order: ½, ¼, ¾, ⅓, ⅔, …
const std::vector<double>& labelPathFractions();

} // namespace shuiheng::layout
