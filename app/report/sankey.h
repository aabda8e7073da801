#pragma once
// The site balance as a Sankey diagram (SVG): sources on the left, the level-2 workshops (groups and
// units directly under the site) in the middle, discharge, consumption and loss on the right. Each
// band is one pair of ends with the reconciled flows between them summed; its width is flow × scale,
// so at every workshop the bands in and the bands out are equally wide when the balance closes
// (which reconciled flows do). Streams inside one workshop and circulation do not cross its border
// and are not drawn.

#include "model/plant.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::report {

struct SankeyOptions {
    double width = 500;
    double height = 330; ///< of the bands' area; labels come on top
    std::string flowUnit = "m3/h";
    std::string title;
};

struct SankeyLink {
    std::string from; ///< node id: a source, a level-2 group or unit, a sink
    std::string to;
    double flow = 0;
};

struct Sankey {
    std::string svg;
    double scale = 0;                 ///< diagram units per flow unit
    std::vector<SankeyLink> links;    ///< what the bands show
    std::vector<std::string> skipped; ///< streams left out: unobservable, or reconciled below 0
};

/// `flows` has one entry per plant stream (the reconciled value; nullopt when unobservable).
Sankey siteSankey(const Plant& plant, const std::vector<std::optional<double>>& flows,
                  const SankeyOptions& options);

} // namespace shuiheng::report
