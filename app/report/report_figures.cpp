#include "report/report_figures.h"

#include "report/plant_diagram.h"
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

std::string balanceDiagramSvg(const Plant& plant, const ReportResults& results, const nlohmann::json& words) {
    const PlantGraph graph(plant);
    const auto flows = reconciledFlows(plant, results);
    double largest = 0;
    for (std::size_t s = 0; s < flows.size(); ++s)
        if (flows[s] && graph.isConnected(s) && graph.typeOf(s) != StreamType::Recycle)
            largest = std::max(largest, std::abs(*flows[s]));
    std::vector<StreamAnnotation> annotations(plant.streams.size());
    for (std::size_t s = 0; s < flows.size(); ++s) {
        StreamAnnotation& a = annotations[s];
        if (!flows[s]) {
            a.label = word(words, "diagram", "unknown");
            a.dashed = true;
            continue;
        }
        a.label = fmt::format("{:.2f}", *flows[s]);
        // Width by flow (square root, so small streams stay visible), 0.8 to 6 units.
        a.width = largest > 0 ? 0.8 + 5.2 * std::sqrt(std::min(1.0, std::abs(*flows[s]) / largest)) : 1.5;
    }
    PlantDiagramOptions options;
    options.recyclePrefix = word(words, "diagram", "recycle") + " ";
    options.legend = {{"", false, word(words, "diagram", "legendFlow") + " (" + plant.flowUnit + ")"},
                      {"", true, word(words, "diagram", "legendUnknown")}};
    return plantDiagramSvg(plant, graph, layeredLayout(plant, graph), annotations, options);
}

std::string meterNetworkSvg(const Plant& plant, const nlohmann::json& words) {
    const PlantGraph graph(plant);
    std::map<std::string, std::vector<const Meter*>> metersOf;
    for (const Meter& m : plant.meters)
        metersOf[m.stream].push_back(&m);
    std::vector<StreamAnnotation> annotations(plant.streams.size());
    for (std::size_t s = 0; s < plant.streams.size(); ++s) {
        StreamAnnotation& a = annotations[s];
        const auto it = metersOf.find(plant.streams[s].id);
        if (it == metersOf.end()) {
            a.dashed = true;
            a.width = 1;
            if (plant.streams[s].measurement)
                a.label = word(words, "diagram", "measuredOther");
            continue;
        }
        const Meter& m = *it->second.back(); // after a replacement: the meter in place now
        a.label = m.id;
        a.width = 1.5;
        a.marker = m.level ? std::to_string(*m.level) : "?";
    }
    PlantDiagramOptions options;
    options.recyclePrefix = word(words, "diagram", "recycle") + " ";
    options.legend = {{"1", false, word(words, "diagram", "legendLevel1")},
                      {"2", false, word(words, "diagram", "legendLevel2")},
                      {"3", false, word(words, "diagram", "legendLevel3")},
                      {"", true, word(words, "diagram", "legendUnmetered")}};
    return plantDiagramSvg(plant, graph, layeredLayout(plant, graph), annotations, options);
}

Sankey siteSankeyOf(const Plant& plant, const ReportResults& results, const std::string& title) {
    SankeyOptions options;
    options.flowUnit = plant.flowUnit;
    options.title = title;
    return siteSankey(plant, reconciledFlows(plant, results), options);
}

} // namespace shuiheng::report
