#include "report/sankey.h"

#include "layout/diagram_layout.h"
#include "layout/svg_writer.h"
#include "model/plant_graph.h"
#include "report/svg_text.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace shuiheng::report {
namespace {

constexpr double nodeWidth = 14;
constexpr double nodeGap = 16;

/// The node a stream end is drawn at: a source or sink itself, a unit its level-2 ancestor.
std::string sankeyEnd(const PlantGraph& graph, NodeIndex node) {
    NodeIndex top = node;
    while (auto parent = graph.parentGroup(top))
        top = *parent;
    return graph.plant().nodes[top].id;
}

std::string linkColour(const Plant& summary, const PlantGraph& graph, const std::string& from,
                       const std::string& to) {
    const Node& a = summary.nodes[*graph.findNode(from)];
    const Node& b = summary.nodes[*graph.findNode(to)];
    if (a.kind == NodeKind::Source)
        return a.origin && isNonConventional(*a.origin) ? "#10b981" : "#3b82f6";
    if (b.kind == NodeKind::Loss)
        return "#ef4444";
    if (b.kind == NodeKind::Consumption)
        return "#f59e0b";
    if (b.kind == NodeKind::Discharge)
        return "#6b7280";
    return "#8b5cf6"; // water passed on between workshops
}

} // namespace

Sankey siteSankey(const Plant& plant, const std::vector<std::optional<double>>& flows,
                  const SankeyOptions& options) {
    Sankey result;
    const PlantGraph graph(plant);

    // The summary plant: boundary nodes and level-2 nodes, one stream per pair of ends.
    Plant summary;
    summary.name = plant.name;
    std::map<std::pair<std::string, std::string>, double> sums;
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        if (!graph.isConnected(s))
            continue;
        const std::string from = sankeyEnd(graph, graph.fromNode(s));
        const std::string to = sankeyEnd(graph, graph.toNode(s));
        if (from == to)
            continue;
        if (!flows[s] || *flows[s] < 0) {
            result.skipped.push_back(plant.streams[s].id);
            continue;
        }
        sums[{from, to}] += *flows[s];
    }
    std::map<std::string, bool> used;
    for (const auto& [ends, flow] : sums)
        if (flow > 0)
            used[ends.first] = used[ends.second] = true;
    for (const Node& n : plant.nodes) {
        if (!used.contains(n.id))
            continue;
        Node copy{n.id,       n.name, n.kind == NodeKind::Group ? NodeKind::Unit : n.kind, {}, n.origin,
                  n.category, {}};
        summary.nodes.push_back(std::move(copy));
    }
    for (const auto& [ends, flow] : sums) {
        if (flow <= 0)
            continue;
        Stream s;
        s.id = ends.first + "→" + ends.second;
        s.from = ends.first;
        s.to = ends.second;
        s.measurement = Measurement{flow, 0, {}};
        summary.streams.push_back(std::move(s));
        result.links.push_back({ends.first, ends.second, flow});
    }
    const PlantGraph summaryGraph(summary);

    // Columns and the order within them from core/layout's diagram of the summary (dot's ranks);
    // heights from the flows. A band into a column not right of its source goes back, below.
    const layout::DiagramLayout diagram = layout::layoutPlant(summary);
    const std::size_t n = summary.nodes.size();
    std::vector<double> centreX(n), rowY(n);
    std::vector<double> ranks;
    for (NodeIndex k = 0; k < n; ++k) {
        const layout::NodeBox* box = diagram.node(summary.nodes[k].id);
        centreX[k] = box ? box->box.center().x : 0;
        rowY[k] = box ? box->box.center().y : 0;
        if (std::none_of(ranks.begin(), ranks.end(), [&](double r) { return std::abs(r - centreX[k]) < 1; }))
            ranks.push_back(centreX[k]);
    }
    std::sort(ranks.begin(), ranks.end());
    std::vector<int> column(n);
    for (NodeIndex k = 0; k < n; ++k)
        column[k] = static_cast<int>(
            std::find_if(ranks.begin(), ranks.end(), [&](double r) { return std::abs(r - centreX[k]) < 1; }) -
            ranks.begin());
    std::vector<bool> backward(summary.streams.size());
    for (StreamIndex s = 0; s < summary.streams.size(); ++s)
        backward[s] = column[summaryGraph.toNode(s)] <= column[summaryGraph.fromNode(s)];
    std::vector<double> in(n, 0), out(n, 0);
    for (StreamIndex s = 0; s < summary.streams.size(); ++s) {
        out[summaryGraph.fromNode(s)] += summary.streams[s].measurement->value;
        in[summaryGraph.toNode(s)] += summary.streams[s].measurement->value;
    }
    const int columns = std::max(1, static_cast<int>(ranks.size()));
    std::vector<std::vector<NodeIndex>> byColumn(static_cast<std::size_t>(columns));
    for (NodeIndex k = 0; k < n; ++k)
        byColumn[static_cast<std::size_t>(column[k])].push_back(k);
    double scale = 0;
    for (auto& nodes : byColumn) {
        std::stable_sort(nodes.begin(), nodes.end(), [&](auto a, auto b) { return rowY[a] < rowY[b]; });
        double total = 0;
        for (NodeIndex k : nodes)
            total += std::max(in[k], out[k]);
        const double room = options.height - nodeGap * static_cast<double>(nodes.size() - 1);
        if (total > 0 && room > 0)
            scale = scale == 0 ? room / total : std::min(scale, room / total);
    }
    result.scale = scale;

    const double top = 34, left = 110;
    const double pitch = columns > 1 ? (options.width - 2 * left) / (columns - 1) : 0;
    std::vector<double> x(n), y(n), height(n);
    for (std::size_t c = 0; c < byColumn.size(); ++c) {
        double total = 0;
        for (NodeIndex k : byColumn[c])
            total += std::max(in[k], out[k]) * scale + nodeGap;
        double cursor = top + (options.height + nodeGap - total) / 2;
        for (NodeIndex k : byColumn[c]) {
            x[k] = left + static_cast<double>(c) * pitch - nodeWidth / 2;
            y[k] = cursor;
            height[k] = std::max(in[k], out[k]) * scale;
            cursor += height[k] + nodeGap;
        }
    }

    // Bands leave a node in the order of their targets' heights and enter in the order of their
    // sources'; bands going back to an earlier column leave and enter last, looping below.
    std::vector<std::size_t> order(summary.streams.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    auto centreY = [&](NodeIndex k) { return y[k] + height[k] / 2; };
    std::vector<double> outCursor(y), inCursor(y), outStart(n), inStart(n);
    std::vector<double> linkOutY(order.size()), linkInY(order.size());
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
        const bool ba = backward[a], bb = backward[b];
        if (ba != bb)
            return bb;
        return centreY(summaryGraph.toNode(a)) < centreY(summaryGraph.toNode(b));
    });
    for (std::size_t s : order) {
        const NodeIndex f = summaryGraph.fromNode(s);
        const double w = summary.streams[s].measurement->value * scale;
        linkOutY[s] = outCursor[f] + w / 2;
        outCursor[f] += w;
    }
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
        const bool ba = backward[a], bb = backward[b];
        if (ba != bb)
            return bb;
        return centreY(summaryGraph.fromNode(a)) < centreY(summaryGraph.fromNode(b));
    });
    for (std::size_t s : order) {
        const NodeIndex t = summaryGraph.toNode(s);
        const double w = summary.streams[s].measurement->value * scale;
        linkInY[s] = inCursor[t] + w / 2;
        inCursor[t] += w;
    }

    const double fullHeight = top + options.height + 70;
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"{2}\" data-scale=\"{3}\" data-unit=\"{4}\">\n",
        svgNumber(options.width), svgNumber(fullHeight), svgFontFamily, fmt::format("{:.9g}", scale),
        layout::escapeXml(options.flowUnit));
    if (!options.title.empty())
        svg += fmt::format(
            "<text x=\"{}\" y=\"18\" font-size=\"13\" text-anchor=\"middle\" fill=\"#111827\">{}</text>\n",
            svgNumber(options.width / 2), layout::escapeXml(options.title));
    int backwardCount = 0;
    for (StreamIndex s = 0; s < summary.streams.size(); ++s) {
        const NodeIndex f = summaryGraph.fromNode(s), t = summaryGraph.toNode(s);
        const double flow = summary.streams[s].measurement->value;
        const double w = flow * scale;
        const double x1 = x[f] + nodeWidth, x2 = x[t];
        const double y1 = linkOutY[s], y2 = linkInY[s];
        std::string d;
        if (!backward[s]) {
            const double mx = (x1 + x2) / 2;
            d = fmt::format("M{},{} C{},{} {},{} {},{}", svgNumber(x1), svgNumber(y1), svgNumber(mx),
                            svgNumber(y1), svgNumber(mx), svgNumber(y2), svgNumber(x2), svgNumber(y2));
        } else {
            const double bottom = top + options.height + 16 + 10 * (backwardCount++ % 4) + w / 2;
            d = fmt::format("M{},{} C{},{} {},{} {},{} L{},{} C{},{} {},{} {},{}", svgNumber(x1),
                            svgNumber(y1), svgNumber(x1 + 40), svgNumber(y1), svgNumber(x1 + 40),
                            svgNumber(bottom), svgNumber(x1), svgNumber(bottom), svgNumber(x2),
                            svgNumber(bottom), svgNumber(x2 - 40), svgNumber(bottom), svgNumber(x2 - 40),
                            svgNumber(y2), svgNumber(x2), svgNumber(y2));
        }
        svg += fmt::format("<path class=\"link\" data-from=\"{}\" data-to=\"{}\" data-flow=\"{}\" d=\"{}\" "
                           "fill=\"none\" stroke=\"{}\" stroke-opacity=\"0.45\" stroke-width=\"{}\"/>\n",
                           layout::escapeXml(summary.streams[s].from),
                           layout::escapeXml(summary.streams[s].to), fmt::format("{:.9g}", flow), d,
                           linkColour(summary, summaryGraph, summary.streams[s].from, summary.streams[s].to),
                           fmt::format("{:.6g}", w));
    }
    for (NodeIndex k = 0; k < n; ++k) {
        const Node& node = summary.nodes[k];
        svg += fmt::format(
            "<rect class=\"node\" data-node=\"{}\" data-in=\"{}\" data-out=\"{}\" x=\"{}\" y=\"{}\" "
            "width=\"{}\" height=\"{}\" fill=\"#1f2937\"/>\n",
            layout::escapeXml(node.id), fmt::format("{:.9g}", in[k]), fmt::format("{:.9g}", out[k]),
            svgNumber(x[k]), fmt::format("{:.6g}", y[k]), svgNumber(nodeWidth),
            fmt::format("{:.6g}", height[k]));
        // Sources labelled on their left, sinks on their right, workshops on a white plate over
        // their bar (bands run on both sides of them).
        const bool right = column[k] == columns - 1, first = column[k] == 0;
        const char* anchor = right ? "start" : first ? "end" : "middle";
        const double tx = right ? x[k] + nodeWidth + 5 : first ? x[k] - 5 : x[k] + nodeWidth / 2;
        const std::string name =
            elide(node.name.empty() ? node.id : node.name, 10, first || right ? left - 20 : 110);
        const std::string value = fmt::format("{:.2f} {}", std::max(in[k], out[k]), options.flowUnit);
        if (!first && !right) {
            const double w =
                std::max(layout::estimatedTextWidth(name, 10), layout::estimatedTextWidth(value, 9)) + 6;
            svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"24\" fill=\"#ffffff\" "
                               "fill-opacity=\"0.85\"/>\n",
                               svgNumber(tx - w / 2), svgNumber(centreY(k) - 11), svgNumber(w));
        }
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"{}\" fill=\"#111827\">{}</text>\n",
            svgNumber(tx), svgNumber(centreY(k) - 1), anchor, layout::escapeXml(name));
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"{}\" fill=\"#4b5563\">{}</text>\n",
            svgNumber(tx), svgNumber(centreY(k) + 10), anchor, layout::escapeXml(value));
    }
    svg += "</svg>\n";
    result.svg = std::move(svg);
    return result;
}

} // namespace shuiheng::report
