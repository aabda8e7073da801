#include "layout/svg_writer.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace shuiheng::layout {
namespace {

constexpr double titleHeight = 24;

struct NodeColours {
    const char* fill;
    const char* stroke;
};

NodeColours coloursOf(const NodeBox& node) {
    switch (node.kind) {
    case NodeKind::Source:
        return {"#dbeafe", "#1d4ed8"};
    case NodeKind::Discharge:
        return {"#e5e7eb", "#374151"};
    case NodeKind::Consumption:
        return {"#fef3c7", "#b45309"};
    case NodeKind::Loss:
        return {"#fee2e2", "#b91c1c"};
    default:
        break;
    }
    if (node.category == "cooling")
        return {"#e0f2fe", "#0369a1"};
    if (node.category == "boiler")
        return {"#ffedd5", "#c2410c"};
    if (node.category == "treatment")
        return {"#dcfce7", "#15803d"};
    if (node.category == "domestic")
        return {"#f3e8ff", "#7e22ce"};
    return {"#ffffff", "#111827"};
}

const char* streamColour(StreamType type) {
    switch (type) {
    case StreamType::Intake:
        return "#1d4ed8";
    case StreamType::Recycle:
        return "#0891b2";
    case StreamType::Discharge:
        return "#374151";
    case StreamType::Consumption:
        return "#b45309";
    case StreamType::Leakage:
        return "#b91c1c";
    case StreamType::Cascade:
        break;
    }
    return "#111827";
}

std::string pathData(const std::vector<Point>& path, double dy) {
    if (path.empty())
        return {};
    std::string d = fmt::format("M{:.1f},{:.1f}", path[0].x, path[0].y + dy);
    for (std::size_t i = 1; i + 2 < path.size(); i += 3)
        d += fmt::format(" C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}", path[i].x, path[i].y + dy,
                         path[i + 1].x, path[i + 1].y + dy, path[i + 2].x, path[i + 2].y + dy);
    return d;
}

} // namespace

std::string escapeXml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string toSvg(const DiagramLayout& layout, const SvgOptions& options) {
    const double dy = options.title.empty() ? 0 : titleHeight;
    const double width = std::max(layout.width, 1.0);
    const double height = std::max(layout.height + dy, 1.0);
    const double fs = options.fontSize;
    std::string svg =
        fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.1f}pt\" height=\"{1:.1f}pt\" "
                    "viewBox=\"0 0 {0:.1f} {1:.1f}\" font-family=\"{2}\" font-size=\"{3}\">\n"
                    "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
                    width, height, escapeXml(options.fontFamily), fs);
    if (!options.title.empty())
        svg += fmt::format(
            "<text id=\"title\" x=\"8\" y=\"{:.1f}\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
            titleHeight - 6, fs * 1.25, escapeXml(options.title));

    for (const GroupFrame& g : layout.groups)
        svg += fmt::format(
            "<g id=\"group-{}\" class=\"group level{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" "
            "width=\"{:.1f}\" height=\"{:.1f}\" rx=\"6\" fill=\"{}\" stroke=\"#6b7280\" "
            "stroke-dasharray=\"{}\"/><text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#374151\">{}</text></g>\n",
            escapeXml(g.id), g.level, g.box.x, g.box.y + dy, g.box.width, g.box.height,
            g.level % 2 == 0 ? "#f9fafb" : "#f3f4f6", g.level == 2 ? "none" : "4 2", g.labelPosition.x,
            g.labelPosition.y + dy, escapeXml(g.name));

    for (const StreamPath& s : layout.streams) {
        const auto it = options.streams.find(s.id);
        const StreamStyle style = it == options.streams.end() ? StreamStyle{} : it->second;
        const std::string colour = style.color.empty() ? streamColour(s.type) : style.color;
        svg += fmt::format("<g id=\"stream-{}\" class=\"stream\"><path d=\"{}\" fill=\"none\" stroke=\"{}\" "
                           "stroke-width=\"{:.2f}\"{}/>",
                           escapeXml(s.id), pathData(s.path, dy), colour, style.strokeWidth,
                           style.dashed ? " stroke-dasharray=\"6 4\"" : "");
        // The arrowhead is a drawn triangle in the stream's colour, sized with its width: SVG 1.1
        // markers cannot take the colour of the line they end.
        if (s.path.size() >= 2) {
            const Point tip = s.path.back();
            Point back = s.path[s.path.size() - 2];
            for (std::size_t i = s.path.size() - 2; i > 0 && back.x == tip.x && back.y == tip.y; --i)
                back = s.path[i - 1];
            const double dx = tip.x - back.x, dyy = tip.y - back.y;
            const double length = std::max(std::hypot(dx, dyy), 1e-9);
            const double ux = dx / length, uy = dyy / length;
            const double size = 7 + style.strokeWidth;
            svg += fmt::format("<path d=\"M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} z\" fill=\"{}\"/>",
                               tip.x, tip.y + dy, tip.x - ux * size - uy * size / 2,
                               tip.y + dy - uy * size + ux * size / 2, tip.x - ux * size + uy * size / 2,
                               tip.y + dy - uy * size - ux * size / 2, colour);
        }
        if (!style.label.empty() && options.labelBackground == SvgOptions::LabelBackground::Box) {
            const double size = fs * 0.85, width = estimatedTextWidth(style.label, size) + 2;
            svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                               "fill=\"#ffffff\"/>",
                               s.labelPosition.x - width / 2, s.labelPosition.y + dy - 3 - size * 0.9, width,
                               size * 1.15);
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"{:.1f}\" "
                               "fill=\"{}\">{}</text>",
                               s.labelPosition.x, s.labelPosition.y + dy - 3, size, colour,
                               escapeXml(style.label));
        } else if (!style.label.empty()) {
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"{:.1f}\" "
                "fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                s.labelPosition.x, s.labelPosition.y + dy - 3, fs * 0.85, colour, escapeXml(style.label));
        }
        svg += "</g>\n";
    }

    for (const NodeBox& n : layout.nodes) {
        const NodeColours c = coloursOf(n);
        const Point centre = n.box.center();
        const bool withId = options.showIds && n.id != n.name;
        const double nameY = withId ? centre.y - 1 : centre.y + fs * 0.35;
        svg += fmt::format(
            "<g id=\"node-{}\" class=\"node\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"{:.1f}\" rx=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"/>"
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
            escapeXml(n.id), n.box.x, n.box.y + dy, n.box.width, n.box.height, isBoundary(n.kind) ? 14 : 3,
            c.fill, c.stroke, centre.x, nameY + dy, escapeXml(n.name));
        if (withId)
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"{:.1f}\" "
                               "fill=\"#6b7280\">{}</text>",
                               centre.x, centre.y + fs * 0.95 + dy, fs * 0.8, escapeXml(n.id));
        svg += "</g>\n";
    }
    svg += "</svg>\n";
    return svg;
}

} // namespace shuiheng::layout
