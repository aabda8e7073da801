// Builds a dot graph of the plant (rankdir LR; one cluster per group; sources at the minimum rank
// and sinks at the maximum; box sizes fixed by us, so dot needs no fonts), lets Graphviz lay it
// out, reads the boxes, cluster frames and splines back, then applies the user's pinned positions.

#include "layout/diagram_layout.h"

#include "layout/geometry.h"
#include "layout/pinned_position.h"
#include "model/plant_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <gvc.h>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace shuiheng::layout {
namespace {

constexpr double pointsPerInch = 72;
constexpr double margin = 8;         // around the whole diagram
constexpr double framePadding = 8;   // between a frame and what it holds
constexpr double captionHeight = 18; // above the contents of a frame, for its name

// Graphviz keeps global state (error handling, the context's plugins): one layout at a time.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

std::string& graphvizMessages() {
    static std::string messages;
    return messages;
}

int collectMessage(char* text) {
    graphvizMessages() += text;
    return 0;
}

GVC_t* graphvizContext() {
    // Created once and kept for the program's life: loading the plugins costs more than a layout.
    static GVC_t* context = [] {
        agseterr(AGERR);
        agseterrf(collectMessage);
        return gvContext();
    }();
    return context;
}

// Object ids that depend on nothing but the order objects are made in. cgraph's own discipline
// uses the addresses of interned names and a process-wide counter, and dot breaks some ties by
// id, so the same plant could come out differently after another layout.
struct IdState {
    std::map<std::string, IDTYPE> ids;
    std::deque<std::string> names; // a deque: names handed out keep their address
    IDTYPE anonymous = 1;
};

void* openIds(Agraph_t*, Agdisc_t*) {
    return new IdState;
}

long mapId(void* state, int, char* name, IDTYPE* id, int create) {
    auto* s = static_cast<IdState*>(state);
    if (!name) {
        *id = s->anonymous;
        s->anonymous += 2; // anonymous objects odd, named ones even, as cgraph expects
        return 1;
    }
    if (const auto it = s->ids.find(name); it != s->ids.end()) {
        *id = it->second;
        return 1;
    }
    if (!create)
        return 0;
    s->names.emplace_back(name);
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(name, *id);
    return 1;
}

long allocId(void*, int, IDTYPE) {
    return 0;
}
void freeId(void*, int, IDTYPE) {}

char* printId(void* state, int, IDTYPE id) {
    auto* s = static_cast<IdState*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > s->names.size())
        return nullptr;
    return s->names[id / 2 - 1].data();
}

void closeIds(void* state) {
    delete static_cast<IdState*>(state);
}
void registerId(void*, int, void*) {}

Agiddisc_t deterministicIds = {openIds, mapId, allocId, freeId, printId, closeIds, registerId};
Agdisc_t deterministicDiscipline = {&AgMemDisc, &deterministicIds, &AgIoDisc};

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

std::string inches(double points) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", points / pointsPerInch);
    return buffer;
}

std::string displayName(const Node& node) {
    return node.name.empty() ? node.id : node.name;
}

/// The dot graph and what each of its objects stands for.
struct DotGraph {
    Agraph_t* root = nullptr;
    std::map<NodeIndex, Agraph_t*> clusters; // group → its cluster
    std::vector<NodeIndex> clusterOrder;     // groups, parents before children
    std::map<NodeIndex, Agnode_t*> nodes;    // unit, source or sink → its dot node
    std::map<StreamIndex, Agedge_t*> edges;

    ~DotGraph() {
        if (root)
            agclose(root);
    }
};

class Builder {
public:
    Builder(const Plant& plant, const PlantGraph& graph, const LayoutOptions& options, DiagramLayout& out)
        : plant_(plant)
        , graph_(graph)
        , options_(options)
        , out_(out) {}

    void build(DotGraph& dot) {
        dot.root = agopen(const_cast<char*>("plant"), Agdirected, &deterministicDiscipline);
        set(dot.root, "rankdir", "LR");
        set(dot.root, "newrank", "true"); // rank constraints across clusters without dot's old trouble
        set(dot.root, "nodesep", inches(options_.nodeSeparation));
        set(dot.root, "ranksep", inches(options_.rankSeparation));
        set(dot.root, "fontsize", std::to_string(options_.fontSize));
        // Large plants: fewer crossing-minimisation passes keep the layout well under a second.
        if (plant_.streams.size() > 150)
            set(dot.root, "mclimit", "0.3");
        Agraph_t* sources = agsubg(dot.root, const_cast<char*>("sources"), 1);
        set(sources, "rank", "min");
        Agraph_t* sinks = agsubg(dot.root, const_cast<char*>("sinks"), 1);
        set(sinks, "rank", "max");

        for (NodeIndex i = 0; i < plant_.nodes.size(); ++i) {
            const Node& node = plant_.nodes[i];
            if (graph_.findNode(node.id) != i) {
                out_.skipped.push_back({node.id, "a second node with this id; only the first is drawn"});
                continue;
            }
            if (node.kind == NodeKind::Group) {
                cluster(dot, i);
                continue;
            }
            Agraph_t* home = dot.root;
            if (!isBoundary(node.kind))
                if (const auto group = enclosingGroup(i))
                    home = cluster(dot, *group);
            const std::string name = "n" + std::to_string(i);
            Agnode_t* n = agnode(home, const_cast<char*>(name.c_str()), 1);
            set(n, "shape", "box");
            set(n, "fixedsize", "true");
            set(n, "label", "");
            const Box size = boxSize(node);
            set(n, "width", inches(size.width));
            set(n, "height", inches(size.height));
            if (node.kind == NodeKind::Source)
                agsubnode(sources, n, 1);
            else if (isSink(node.kind))
                agsubnode(sinks, n, 1);
            dot.nodes[i] = n;
            populated_.insert(home);
        }
        addPlaceholders(dot);

        for (StreamIndex s = 0; s < plant_.streams.size(); ++s) {
            const Stream& stream = plant_.streams[s];
            if (!graph_.isConnected(s)) {
                out_.skipped.push_back({stream.id, "'from' or 'to' does not name a unit, source or sink"});
                continue;
            }
            Agnode_t* tail = dot.nodes.at(graph_.fromNode(s));
            Agnode_t* head = dot.nodes.at(graph_.toNode(s));
            const std::string name = "e" + std::to_string(s);
            Agedge_t* e = agedge(dot.root, tail, head, const_cast<char*>(name.c_str()), 1);
            // Returning water (condensate, a recycle pair) must not pull its source unit to the right.
            if (graph_.typeOf(s) == StreamType::Recycle && tail != head)
                set(e, "constraint", "false");
            dot.edges[s] = e;
            linked_.insert(tail);
            linked_.insert(head);
        }
        anchorLooseSinks(dot, sources);
    }

    Box boxSize(const Node& node) const {
        const double nameWidth = estimatedTextWidth(displayName(node), options_.fontSize);
        const double idWidth = estimatedTextWidth(node.id, options_.fontSize * 0.8);
        return {0, 0, std::max(options_.minNodeWidth, std::max(nameWidth, idWidth) + 16),
                options_.nodeHeight};
    }

    /// The group a node sits in, unless its parent chain is broken (no such group, a cycle).
    std::optional<NodeIndex> enclosingGroup(NodeIndex node) const {
        if (graph_.level(node) == 0)
            return std::nullopt;
        return graph_.parentGroup(node);
    }

private:
    Agraph_t* cluster(DotGraph& dot, NodeIndex group) {
        if (const auto it = dot.clusters.find(group); it != dot.clusters.end())
            return it->second;
        Agraph_t* parent = dot.root;
        if (const auto outer = enclosingGroup(group))
            parent = cluster(dot, *outer);
        const std::string name = "cluster_" + std::to_string(group);
        Agraph_t* c = agsubg(parent, const_cast<char*>(name.c_str()), 1);
        // A caption of the same width in characters dot can measure without fonts ('n' is half an em
        // in its built-in metrics), so the frame leaves room for the real name, which we draw.
        const double captionWidth =
            estimatedTextWidth(displayName(plant_.nodes[group]), options_.fontSize) + 12;
        set(c, "label",
            std::string(static_cast<std::size_t>(std::ceil(captionWidth / (options_.fontSize / 2))), 'n'));
        set(c, "labeljust", "l");
        set(c, "labelloc", "t");
        set(c, "margin", std::to_string(framePadding));
        dot.clusters[group] = c;
        dot.clusterOrder.push_back(group);
        populated_.insert(parent);
        return c;
    }

    /// dot ranks each connected part of the graph on its own, so a sink no stream reaches yet would
    /// stand in the sources' column: an invisible edge from an invisible anchor there moves it right.
    void anchorLooseSinks(DotGraph& dot, Agraph_t* sources) {
        Agnode_t* anchor = nullptr;
        for (const auto& [index, n] : dot.nodes) {
            if (!isSink(plant_.nodes[index].kind) || linked_.count(n))
                continue;
            if (!anchor) {
                anchor = agnode(sources, const_cast<char*>("anchor"), 1);
                set(anchor, "shape", "point");
                set(anchor, "style", "invis");
                set(anchor, "width", "0.01");
            }
            Agedge_t* e = agedge(dot.root, anchor, n, nullptr, 1);
            set(e, "style", "invis");
        }
    }

    /// dot drops an empty cluster; an invisible node keeps the frame of an empty group drawn.
    void addPlaceholders(DotGraph& dot) {
        for (const auto& [group, c] : dot.clusters) {
            if (populated_.count(c))
                continue;
            const std::string name = "placeholder" + std::to_string(group);
            Agnode_t* n = agnode(c, const_cast<char*>(name.c_str()), 1);
            set(n, "shape", "box");
            set(n, "fixedsize", "true");
            set(n, "label", "");
            set(n, "style", "invis");
            set(n, "width", inches(options_.minNodeWidth));
            set(n, "height", inches(options_.nodeHeight / 2));
        }
    }

    const Plant& plant_;
    const PlantGraph& graph_;
    const LayoutOptions& options_;
    DiagramLayout& out_;
    std::set<Agraph_t*> populated_;
    std::set<Agnode_t*> linked_; // nodes some drawn stream touches
};

/// dot's coordinates (points, y up, origin anywhere) → ours (origin top left with a margin, y down).
struct Transform {
    boxf bb;
    Point operator()(pointf p) const { return {p.x - bb.LL.x + margin, bb.UR.y - p.y + margin}; }
    Box operator()(const boxf& b) const {
        const Point topLeft = (*this)(pointf{b.LL.x, b.UR.y});
        return {topLeft.x, topLeft.y, b.UR.x - b.LL.x, b.UR.y - b.LL.y};
    }
};

std::vector<Point> readSpline(Agedge_t* e, const Transform& to, const Box& from, const Box& head) {
    std::vector<Point> path;
    const splines* spl = ED_spl(e);
    if (!spl || spl->size == 0 || spl->list[0].size < 4)
        return geometry::routeBetween(from, head);
    const bezier& bz = spl->list[0];
    if (bz.sflag) {
        auto lead = geometry::straightCubic(to(bz.sp), to(bz.list[0]));
        path.insert(path.end(), lead.begin(), lead.end() - 1);
    }
    for (int i = 0; i < bz.size; ++i)
        path.push_back(to(bz.list[i]));
    if (bz.eflag) {
        auto tail = geometry::straightCubic(path.back(), to(bz.ep));
        path.insert(path.end(), tail.begin() + 1, tail.end());
    }
    // dot may hand a reversed (back) edge's spline over head first: draw every stream from its source.
    if (&from != &head &&
        geometry::distanceToBox(path.front(), from) > geometry::distanceToBox(path.front(), head))
        std::reverse(path.begin(), path.end());
    return path;
}

void translate(std::vector<Point>& path, double dx, double dy) {
    for (Point& p : path) {
        p.x += dx;
        p.y += dy;
    }
}

/// Moves pinned nodes where the user put them, reroutes their streams and grows the frames
/// around them.
void applyPins(const Plant& plant, DiagramLayout& out, const std::map<std::string, std::size_t>& nodeAt,
               const std::map<std::string, int>& depthOf) {
    std::map<std::string, Point> moved;
    for (NodeBox& box : out.nodes) {
        const Node& node = plant.nodes[nodeAt.at(box.id)];
        const auto pin = pinnedPosition(node);
        if (!pin)
            continue;
        // Keep the box and the frames around it inside the positive quarter, where the diagram is.
        const int depth = box.group.empty() ? 0 : depthOf.at(box.group);
        const double minX = box.box.width / 2 + margin + framePadding * depth;
        const double minY = box.box.height / 2 + margin + (framePadding + captionHeight) * depth;
        const Point centre{std::max(pin->x, minX), std::max(pin->y, minY)};
        const Point was = box.box.center();
        box.box.x += centre.x - was.x;
        box.box.y += centre.y - was.y;
        box.pinned = true;
        moved[box.id] = {centre.x - was.x, centre.y - was.y};
    }
    if (moved.empty())
        return;
    for (StreamPath& stream : out.streams) {
        const auto a = moved.find(stream.from);
        const auto b = moved.find(stream.to);
        if (a == moved.end() && b == moved.end())
            continue;
        if (stream.loop) {
            translate(stream.path, a->second.x, a->second.y);
        } else {
            stream.path = geometry::routeBetween(out.node(stream.from)->box, out.node(stream.to)->box);
        }
        stream.labelPosition = geometry::pathMiddle(stream.path);
    }
    // Frames, innermost first: each must hold its nodes and its inner frames.
    std::vector<GroupFrame*> frames;
    for (GroupFrame& frame : out.groups)
        frames.push_back(&frame);
    std::stable_sort(frames.begin(), frames.end(),
                     [&](const GroupFrame* a, const GroupFrame* b) { return a->level > b->level; });
    for (GroupFrame* frame : frames) {
        Box need = frame->box;
        for (const NodeBox& box : out.nodes)
            if (box.group == frame->id)
                need =
                    geometry::unite(need, geometry::grown(box.box, framePadding, framePadding + captionHeight,
                                                          framePadding, framePadding));
        for (const GroupFrame& inner : out.groups)
            if (inner.parent == frame->id)
                need = geometry::unite(need,
                                       geometry::grown(inner.box, framePadding, framePadding + captionHeight,
                                                       framePadding, framePadding));
        frame->labelPosition.x += need.x - frame->box.x;
        frame->labelPosition.y += need.y - frame->box.y;
        frame->box = need;
    }
}

void fitSize(DiagramLayout& out) {
    double right = 0, bottom = 0;
    const auto take = [&](const Box& b) {
        right = std::max(right, b.x + b.width);
        bottom = std::max(bottom, b.y + b.height);
    };
    for (const NodeBox& n : out.nodes)
        take(n.box);
    for (const GroupFrame& g : out.groups)
        take(g.box);
    for (const StreamPath& s : out.streams)
        for (const Point& p : s.path)
            take({p.x, p.y, 0, 0});
    out.width = right + margin;
    out.height = bottom + margin;
}

} // namespace

const NodeBox* DiagramLayout::node(const std::string& id) const {
    const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const NodeBox& n) { return n.id == id; });
    return it == nodes.end() ? nullptr : &*it;
}

const GroupFrame* DiagramLayout::group(const std::string& id) const {
    const auto it =
        std::find_if(groups.begin(), groups.end(), [&](const GroupFrame& g) { return g.id == id; });
    return it == groups.end() ? nullptr : &*it;
}

const StreamPath* DiagramLayout::stream(const std::string& id) const {
    const auto it =
        std::find_if(streams.begin(), streams.end(), [&](const StreamPath& s) { return s.id == id; });
    return it == streams.end() ? nullptr : &*it;
}

double estimatedTextWidth(const std::string& utf8, double fontSize) {
    double ems = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t code = length == 1 ? byte : byte & (0x3F >> (length - 1));
        for (int k = 1; k < length && i + k < utf8.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        // East Asian wide characters (CJK, kana, hangul, full-width forms) take a whole em.
        const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                          (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                          (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                          (code >= 0xFFE0 && code <= 0xFFE6) || code >= 0x20000;
        ems += wide ? 1.0 : 0.6;
        i += length;
    }
    return ems * fontSize;
}

DiagramLayout layoutPlant(const Plant& plant, const LayoutOptions& options) {
    DiagramLayout out;
    const PlantGraph graph(plant);
    std::lock_guard lock(graphvizMutex());
    GVC_t* context = graphvizContext();
    graphvizMessages().clear();

    DotGraph dot;
    Builder builder(plant, graph, options, out);
    builder.build(dot);
    if (gvLayout(context, dot.root, "dot") != 0) {
        out.skipped.push_back({"", "Graphviz could not lay the plant out: " + graphvizMessages()});
        return out;
    }
    // dot's box holds the curves, not always their control points: take those in too, so that
    // every point handed out lies inside the diagram.
    boxf bb = GD_bb(dot.root);
    for (const auto& [index, e] : dot.edges)
        if (const splines* spl = ED_spl(e))
            for (int b = 0; b < spl->size; ++b)
                for (int i = 0; i < spl->list[b].size; ++i) {
                    const pointf p = spl->list[b].list[i];
                    bb.LL.x = std::min(bb.LL.x, p.x);
                    bb.LL.y = std::min(bb.LL.y, p.y);
                    bb.UR.x = std::max(bb.UR.x, p.x);
                    bb.UR.y = std::max(bb.UR.y, p.y);
                }
    const Transform to{bb};

    std::map<std::string, std::size_t> nodeAt;
    for (const auto& [index, n] : dot.nodes) {
        const Node& node = plant.nodes[index];
        NodeBox box;
        box.id = node.id;
        box.name = displayName(node);
        box.kind = node.kind;
        box.category = node.category;
        box.origin = node.origin;
        if (!isBoundary(node.kind))
            if (const auto group = builder.enclosingGroup(index))
                box.group = plant.nodes[*group].id;
        const double w = ND_width(n) * pointsPerInch;
        const double h = ND_height(n) * pointsPerInch;
        const Point c = to(ND_coord(n));
        box.box = {c.x - w / 2, c.y - h / 2, w, h};
        out.nodes.push_back(box);
        nodeAt[node.id] = index;
    }
    std::map<std::string, int> depthOf;
    for (const NodeIndex group : dot.clusterOrder) {
        const Node& node = plant.nodes[group];
        GroupFrame frame;
        frame.id = node.id;
        frame.name = displayName(node);
        if (const auto outer = builder.enclosingGroup(group))
            frame.parent = plant.nodes[*outer].id;
        frame.level = frame.parent.empty() ? 2 : out.group(frame.parent)->level + 1;
        frame.box = to(GD_bb(dot.clusters.at(group)));
        frame.labelPosition = {frame.box.x + 6, frame.box.y + options.fontSize + 3};
        depthOf[frame.id] = frame.level - 1;
        out.groups.push_back(frame);
    }
    // A stream is measured when it has a measurement or a meter (campaign data).
    std::set<std::string> metered;
    for (const Meter& meter : plant.meters)
        metered.insert(meter.stream);
    for (const auto& [index, e] : dot.edges) {
        const Stream& stream = plant.streams[index];
        StreamPath path;
        path.id = stream.id;
        path.from = plant.nodes[graph.fromNode(index)].id;
        path.to = plant.nodes[graph.toNode(index)].id;
        path.type = graph.typeOf(index);
        path.measured = stream.measurement.has_value() || metered.contains(stream.id);
        path.loop = path.from == path.to;
        const Box& fromBox = out.node(path.from)->box;
        const Box& toBox = out.node(path.to)->box;
        path.path = readSpline(e, to, fromBox, toBox);
        path.labelPosition = geometry::pathMiddle(path.path);
        out.streams.push_back(std::move(path));
    }
    gvFreeLayout(context, dot.root);

    if (options.honourPinned)
        applyPins(plant, out, nodeAt, depthOf);
    fitSize(out);
    return out;
}

} // namespace shuiheng::layout
