#pragma once
// Where the boxes of a plant diagram go. The report's diagrams (水平衡图, 计量网络图) draw on a
// DiagramLayout and do not care who made it: layeredLayout is a simple layered placement of our own
// (columns by longest path from the sources, rows ordered by barycentre), kept behind this interface
// so the Graphviz layout of core/layout can take its place.

#include "model/plant.h"
#include "model/plant_graph.h"

#include <optional>
#include <vector>

namespace shuiheng::report {

struct DiagramBox {
    double x = 0; ///< left edge
    double y = 0; ///< top edge
    double width = 0;
    double height = 0;
    int column = 0;
};

struct DiagramLayout {
    std::vector<std::optional<DiagramBox>> boxes; ///< per plant node; groups have none
    std::vector<bool> backward;                   ///< per stream: drawn against the columns' direction
    double width = 0;
    double height = 0;
};

struct LayoutMetrics {
    double boxWidth = 104;
    double boxHeight = 40;
    double columnGap = 76; ///< room for the flow labels between columns
    double rowGap = 24;
    double margin = 20;
};

/// Sources in the first column, sinks in the last, units in between by the longest chain of
/// non-recycle streams that reaches them (streams closing a cycle count as backward).
DiagramLayout layeredLayout(const Plant& plant, const PlantGraph& graph, const LayoutMetrics& metrics = {});

} // namespace shuiheng::report
