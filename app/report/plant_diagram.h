#pragma once
// The plant drawn as SVG on a DiagramLayout: boxes for sources, units and sinks, a curve per stream
// with its label, circulation as a loop on its unit. The water-balance diagram (水平衡图: values on
// the arrows, widths by flow) and the meter network diagram (计量网络图: meters and their levels on
// the streams, unmetered streams dashed) are this drawing with different annotations.

#include "report/diagram_layout.h"

#include <string>
#include <vector>

namespace shuiheng::report {

struct StreamAnnotation {
    std::string label;  ///< text on the stream ("12.43", "M3")
    double width = 1.5; ///< stroke width in diagram units
    bool dashed = false;
    std::string marker; ///< drawn in a circle on the stream ("1", "2", "3": a meter's level); empty: none
};

struct DiagramLegendEntry {
    std::string marker; ///< as StreamAnnotation::marker, or empty for a line sample
    bool dashed = false;
    std::string text;
};

struct PlantDiagramOptions {
    std::vector<DiagramLegendEntry> legend;
    std::string recyclePrefix = "↻ "; ///< before a circulation's label inside its unit
};

/// `annotations` has one entry per plant stream.
std::string plantDiagramSvg(const Plant& plant, const PlantGraph& graph, const DiagramLayout& layout,
                            const std::vector<StreamAnnotation>& annotations,
                            const PlantDiagramOptions& options = {});

} // namespace shuiheng::report
