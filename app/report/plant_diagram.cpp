#include "report/plant_diagram.h"

#include "report/svg_text.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace shuiheng::report {
namespace {

struct Point {
    double x = 0;
    double y = 0;
};

constexpr double labelSize = 10;
constexpr double nameSize = 11;
const char* const groupColours[] = {"#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3",
                                    "#e0e7ff", "#ccfbf1", "#fee2e2"};

std::string boxFill(const Plant& plant, const PlantGraph& graph, NodeIndex k,
                    std::map<NodeIndex, int>& groupIndex) {
    const Node& node = plant.nodes[k];
    if (node.kind == NodeKind::Source)
        return "#bfdbfe";
    if (isSink(node.kind))
        return "#e5e7eb";
    NodeIndex top = k;
    while (auto parent = graph.parentGroup(top))
        top = *parent;
    const auto [it, inserted] = groupIndex.emplace(top, static_cast<int>(groupIndex.size()));
    return groupColours[static_cast<std::size_t>(it->second) % std::size(groupColours)];
}

/// The arrowhead at `tip`, pointing along `from` → `tip`.
std::string arrowHead(Point from, Point tip, double width, const std::string& colour) {
    double dx = tip.x - from.x, dy = tip.y - from.y;
    const double len = std::hypot(dx, dy);
    if (len == 0)
        return {};
    dx /= len;
    dy /= len;
    const double size = 6 + width;
    const Point base{tip.x - dx * size, tip.y - dy * size};
    const Point left{base.x - dy * size * 0.5, base.y + dx * size * 0.5};
    const Point right{base.x + dy * size * 0.5, base.y - dx * size * 0.5};
    return fmt::format("<polygon points=\"{},{} {},{} {},{}\" fill=\"{}\"/>\n", svgNumber(tip.x),
                       svgNumber(tip.y), svgNumber(left.x), svgNumber(left.y), svgNumber(right.x),
                       svgNumber(right.y), colour);
}

std::string label(Point at, const std::string& text) {
    if (text.empty())
        return {};
    const double w = approximateTextWidth(text, labelSize) + 4;
    return fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n"
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#111827\">{}</text>\n",
        svgNumber(at.x - w / 2), svgNumber(at.y - labelSize * 0.9), svgNumber(w), svgNumber(labelSize * 1.3),
        svgNumber(at.x), svgNumber(at.y + labelSize * 0.3), svgNumber(labelSize), xmlEscape(text));
}

std::string markerCircle(Point at, const std::string& marker) {
    if (marker.empty())
        return {};
    std::string out = fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"#ffffff\" stroke=\"#b91c1c\" "
                                  "stroke-width=\"1.2\"/>\n",
                                  svgNumber(at.x), svgNumber(at.y));
    if (marker == "1") // a level-1 meter: double circle, as on hand-drawn 计量网络图
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"9.5\" fill=\"none\" stroke=\"#b91c1c\" "
                           "stroke-width=\"1\"/>\n",
                           svgNumber(at.x), svgNumber(at.y));
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#b91c1c\">{}</text>\n",
        svgNumber(at.x), svgNumber(at.y + 3.2), xmlEscape(marker));
    return out;
}

/// Spreads the streams leaving (or entering) one side of a box along it, in the order of the
/// other ends' heights, so parallel streams do not draw on top of each other.
std::map<StreamIndex, double> ports(const std::vector<StreamIndex>& streams, const DiagramBox& box,
                                    const std::vector<double>& otherY) {
    std::vector<std::size_t> order(streams.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return otherY[a] < otherY[b]; });
    std::map<StreamIndex, double> y;
    for (std::size_t r = 0; r < order.size(); ++r)
        y[streams[order[r]]] =
            box.y + box.height * static_cast<double>(r + 1) / static_cast<double>(order.size() + 1);
    return y;
}

} // namespace

std::string plantDiagramSvg(const Plant& plant, const PlantGraph& graph, const DiagramLayout& layout,
                            const std::vector<StreamAnnotation>& annotations,
                            const PlantDiagramOptions& options) {
    const double legendHeight = options.legend.empty() ? 0 : 28;
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"{2}\">\n",
        svgNumber(layout.width), svgNumber(layout.height + legendHeight), svgFontFamily);

    // Ports: forward streams leave a box on its right and enter on its left; backward ones leave
    // and enter at the bottom.
    std::vector<std::vector<StreamIndex>> outs(plant.nodes.size()), ins(plant.nodes.size());
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        if (!graph.isConnected(s) || layout.backward[s] || graph.fromNode(s) == graph.toNode(s))
            continue;
        outs[graph.fromNode(s)].push_back(s);
        ins[graph.toNode(s)].push_back(s);
    }
    std::map<StreamIndex, double> outY, inY;
    for (NodeIndex k = 0; k < plant.nodes.size(); ++k) {
        if (!layout.boxes[k])
            continue;
        std::vector<double> other;
        for (StreamIndex s : outs[k])
            other.push_back(layout.boxes[graph.toNode(s)]->y);
        outY.merge(ports(outs[k], *layout.boxes[k], other));
        other.clear();
        for (StreamIndex s : ins[k])
            other.push_back(layout.boxes[graph.fromNode(s)]->y);
        inY.merge(ports(ins[k], *layout.boxes[k], other));
    }

    std::string labels; // drawn last, above every curve
    std::map<NodeIndex, std::string> recycleText;
    int backwardCount = 0;
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        if (!graph.isConnected(s))
            continue;
        const StreamAnnotation& a = annotations[s];
        const NodeIndex from = graph.fromNode(s), to = graph.toNode(s);
        const DiagramBox& b1 = *layout.boxes[from];
        const DiagramBox& b2 = *layout.boxes[to];
        const std::string colour = a.dashed ? "#9ca3af" : "#1d4ed8";
        const std::string dash = a.dashed ? " stroke-dasharray=\"5,3\"" : "";
        Point p0, p1, p2, p3;
        if (from == to) { // circulation: a loop over the top of its unit
            p0 = {b1.x + b1.width * 0.25, b1.y};
            p3 = {b1.x + b1.width * 0.75, b1.y};
            p1 = {p0.x, b1.y - 22};
            p2 = {p3.x, b1.y - 22};
            recycleText[from] = a.label;
        } else if (layout.backward[s]) {
            const double drop = 14 + 6 * (backwardCount++ % 4);
            p0 = {b1.x + b1.width * 0.6, b1.y + b1.height};
            p3 = {b2.x + b2.width * 0.4, b2.y + b2.height};
            const double bottom = std::max(p0.y, p3.y) + drop + 0.08 * std::abs(p3.x - p0.x);
            p1 = {p0.x, bottom};
            p2 = {p3.x, bottom};
        } else {
            p0 = {b1.x + b1.width, outY[s]};
            p3 = {b2.x, inY[s]};
            const double dx = std::max(30.0, (p3.x - p0.x) / 2);
            p1 = {p0.x + dx, p0.y};
            p2 = {p3.x - dx, p3.y};
        }
        svg += fmt::format(
            "<path d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n",
            svgNumber(p0.x), svgNumber(p0.y), svgNumber(p1.x), svgNumber(p1.y), svgNumber(p2.x),
            svgNumber(p2.y), svgNumber(p3.x), svgNumber(p3.y), colour, svgNumber(a.width), dash);
        svg += arrowHead(p2, p3, a.width, colour);
        if (from == to)
            continue;
        const Point mid{(p0.x + 3 * p1.x + 3 * p2.x + p3.x) / 8, (p0.y + 3 * p1.y + 3 * p2.y + p3.y) / 8};
        labels += markerCircle({mid.x, mid.y - (a.label.empty() ? 0 : 11)}, a.marker);
        labels += label({mid.x, mid.y + (a.marker.empty() ? 0 : 5)}, a.label);
    }

    std::map<NodeIndex, int> groupIndex;
    for (NodeIndex k = 0; k < plant.nodes.size(); ++k) {
        if (!layout.boxes[k])
            continue;
        const DiagramBox& b = *layout.boxes[k];
        const Node& node = plant.nodes[k];
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\" stroke=\"#374151\" "
            "stroke-width=\"1\"/>\n",
            svgNumber(b.x), svgNumber(b.y), svgNumber(b.width), svgNumber(b.height),
            boxFill(plant, graph, k, groupIndex));
        const auto recycle = recycleText.find(k);
        const bool three = recycle != recycleText.end() && !recycle->second.empty();
        const double nameY = b.y + (three ? 13 : 17);
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#111827\">{}</text>\n",
            svgNumber(b.x + b.width / 2), svgNumber(nameY), svgNumber(nameSize),
            xmlEscape(elide(node.name.empty() ? node.id : node.name, nameSize, b.width - 8)));
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"8.5\" text-anchor=\"middle\" fill=\"#4b5563\">{}</text>\n",
            svgNumber(b.x + b.width / 2), svgNumber(nameY + 12), xmlEscape(node.id));
        if (three)
            svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"8.5\" text-anchor=\"middle\" "
                               "fill=\"#1d4ed8\">{}</text>\n",
                               svgNumber(b.x + b.width / 2), svgNumber(nameY + 23),
                               xmlEscape(options.recyclePrefix + recycle->second));
    }
    svg += labels;

    double x = 20;
    const double y = layout.height + 14;
    for (const DiagramLegendEntry& e : options.legend) {
        if (!e.marker.empty())
            svg += markerCircle({x + 8, y}, e.marker);
        else
            svg += fmt::format("<path d=\"M{},{} L{},{}\" stroke=\"{}\" stroke-width=\"1.5\"{}/>\n",
                               svgNumber(x), svgNumber(y), svgNumber(x + 18), svgNumber(y),
                               e.dashed ? "#9ca3af" : "#1d4ed8", e.dashed ? " stroke-dasharray=\"5,3\"" : "");
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#111827\">{}</text>\n",
                           svgNumber(x + 24), svgNumber(y + 3.2), xmlEscape(e.text));
        x += 34 + approximateTextWidth(e.text, 9) + 12;
    }
    svg += "</svg>\n";
    return svg;
}

} // namespace shuiheng::report
