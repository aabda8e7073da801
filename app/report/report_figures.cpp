#include "report/report_figures.h"

#include "layout/diagram_layout.h"
#include "layout/svg_writer.h"
#include "report/report_strings.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace shuiheng::report {

std::vector<std::optional<double>> reconciledFlows(const Plant& plant, const ReportResults& results) {
    std::vector<std::optional<double>> flows(plant.streams.size());
    for (std::size_t s = 0; s < flows.size(); ++s)
        flows[s] = results.reconciled(s);
    return flows;
}

// Both plant diagrams are core/layout's water-balance diagram (Graphviz dot), drawn by its SVG writer
// with the report's labels on the streams.

std::string balanceDiagramSvg(const Plant& plant, const layout::DiagramLayout& diagram,
                              const ReportResults& results, const nlohmann::json& words) {
    const auto flows = reconciledFlows(plant, results);
    double largest = 0;
    for (const auto& f : flows)
        if (f)
            largest = std::max(largest, std::abs(*f));
    layout::SvgOptions options;
    for (std::size_t s = 0; s < flows.size(); ++s) {
        layout::StreamStyle style;
        if (!flows[s]) {
            style.label = word(words, "diagram", "unknown");
            style.dashed = true;
        } else {
            style.label = fmt::format("{:.2f}", *flows[s]);
            // Width by flow (square root, so small streams stay visible): 0.8 to 5 points.
            style.strokeWidth = largest > 0 ? 0.8 + 4.2 * std::sqrt(std::abs(*flows[s]) / largest) : 1.5;
        }
        options.streams[plant.streams[s].id] = style;
    }
    options.title = word(words, "diagram", "legendFlow") + " (" + plant.flowUnit + ")";
    options.labelBackground = layout::SvgOptions::LabelBackground::Box; // the report's PDF
    return layout::toSvg(diagram, options);
}

std::string meterNetworkSvg(const Plant& plant, const layout::DiagramLayout& diagram,
                            const nlohmann::json& words) {
    std::map<std::string, const Meter*> meterOf; // after a replacement: the meter in place now
    for (const Meter& m : plant.meters)
        meterOf[m.stream] = &m;
    layout::SvgOptions options;
    for (const Stream& s : plant.streams) {
        layout::StreamStyle style;
        const auto it = meterOf.find(s.id);
        if (it == meterOf.end()) {
            style.dashed = true;
            style.strokeWidth = 1;
            style.color = "#9ca3af";
            if (s.measurement)
                style.label = word(words, "diagram", "measuredOther");
        } else {
            const Meter& m = *it->second;
            style.label =
                m.id + " " +
                (m.level ? word(words, "diagram", "level" + std::to_string(*m.level)) : std::string("?"));
            style.color = m.level && *m.level == 1   ? "#b91c1c"
                          : m.level && *m.level == 2 ? "#1d4ed8"
                                                     : "#047857";
        }
        options.streams[s.id] = style;
    }
    options.title = word(words, "diagram", "meterTitle");
    options.labelBackground = layout::SvgOptions::LabelBackground::Box; // the report's PDF
    return layout::toSvg(diagram, options);
}

Sankey siteSankeyOf(const Plant& plant, const ReportResults& results, const std::string& title) {
    SankeyOptions options;
    options.flowUnit = plant.flowUnit;
    options.title = title;
    return siteSankey(plant, reconciledFlows(plant, results), options);
}

} // namespace shuiheng::report
