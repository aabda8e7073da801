#include "model/plant_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <mutex>
#include <unordered_map>

namespace shuiheng {
namespace {

struct NodeProps {
    NodeIndex node = 0;
};
struct StreamProps {
    StreamIndex stream = 0;
};
// vecS vertices keep vertex descriptors equal to node indices; nothing is ever removed, so the
// edges can live in one vector too (the default, a list, allocates per stream: slow at 100,000).
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, StreamProps,
                                    boost::no_property, boost::vecS>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

} // namespace

struct PlantGraph::Impl {
    const Plant* plant;
    Graph graph;
    std::unordered_map<std::string_view, NodeIndex> nodeById;
    /// Built at the first findStream: most users never look streams up by id.
    mutable std::unordered_map<std::string_view, StreamIndex> streamById;
    mutable std::once_flag streamIndexBuilt;
    std::vector<std::optional<Edge>> edgeOf; // by stream index
    std::vector<std::vector<NodeIndex>> childrenOf;
    std::vector<NodeIndex> roots;
    std::vector<std::optional<NodeIndex>> parentOf;
    std::vector<int> levelOf;

    explicit Impl(const Plant& p)
        : plant(&p)
        , graph(p.nodes.size()) {
        nodeById.reserve(p.nodes.size());
        for (NodeIndex i = 0; i < p.nodes.size(); ++i) {
            graph[i].node = i;
            nodeById.try_emplace(p.nodes[i].id, i);
        }
        edgeOf.resize(p.streams.size());
        for (StreamIndex s = 0; s < p.streams.size(); ++s) {
            const Stream& stream = p.streams[s];
            auto from = nodeById.find(stream.from);
            auto to = nodeById.find(stream.to);
            if (from == nodeById.end() || to == nodeById.end())
                continue;
            if (p.nodes[from->second].kind == NodeKind::Group || p.nodes[to->second].kind == NodeKind::Group)
                continue;
            edgeOf[s] = boost::add_edge(from->second, to->second, StreamProps{s}, graph).first;
        }
        buildHierarchy();
    }

    void buildHierarchy() {
        const auto& nodes = plant->nodes;
        childrenOf.assign(nodes.size(), {});
        parentOf.assign(nodes.size(), std::nullopt);
        for (NodeIndex i = 0; i < nodes.size(); ++i) {
            if (nodes[i].parent.empty()) {
                roots.push_back(i);
                continue;
            }
            auto parent = nodeById.find(nodes[i].parent);
            if (parent == nodeById.end() || nodes[parent->second].kind != NodeKind::Group) {
                roots.push_back(i); // a dangling parent is reported by validation; treat as top level
                continue;
            }
            parentOf[i] = parent->second;
            childrenOf[parent->second].push_back(i);
        }
        // Levels by walking up; a walk longer than the node count is a parent cycle.
        levelOf.assign(nodes.size(), 0);
        for (NodeIndex i = 0; i < nodes.size(); ++i) {
            int depth = 2;
            std::optional<NodeIndex> up = parentOf[i];
            while (up && depth <= static_cast<int>(nodes.size()) + 2) {
                ++depth;
                up = parentOf[*up];
            }
            levelOf[i] = up ? 0 : depth;
        }
    }
};

PlantGraph::PlantGraph(const Plant& plant)
    : impl_(std::make_unique<Impl>(plant)) {}
PlantGraph::~PlantGraph() = default;
PlantGraph::PlantGraph(PlantGraph&&) noexcept = default;
PlantGraph& PlantGraph::operator=(PlantGraph&&) noexcept = default;

const Plant& PlantGraph::plant() const {
    return *impl_->plant;
}

std::optional<NodeIndex> PlantGraph::findNode(std::string_view id) const {
    auto it = impl_->nodeById.find(id);
    return it == impl_->nodeById.end() ? std::nullopt : std::optional<NodeIndex>(it->second);
}

std::optional<StreamIndex> PlantGraph::findStream(std::string_view id) const {
    std::call_once(impl_->streamIndexBuilt, [this] {
        const auto& streams = impl_->plant->streams;
        impl_->streamById.reserve(streams.size());
        for (StreamIndex s = 0; s < streams.size(); ++s)
            impl_->streamById.try_emplace(streams[s].id, s);
    });
    auto it = impl_->streamById.find(id);
    return it == impl_->streamById.end() ? std::nullopt : std::optional<StreamIndex>(it->second);
}

bool PlantGraph::isConnected(StreamIndex stream) const {
    return impl_->edgeOf.at(stream).has_value();
}

NodeIndex PlantGraph::fromNode(StreamIndex stream) const {
    return boost::source(*impl_->edgeOf.at(stream), impl_->graph);
}

NodeIndex PlantGraph::toNode(StreamIndex stream) const {
    return boost::target(*impl_->edgeOf.at(stream), impl_->graph);
}

StreamType PlantGraph::typeOf(StreamIndex stream) const {
    const Stream& s = impl_->plant->streams.at(stream);
    const NodeIndex from = fromNode(stream);
    const NodeIndex to = toNode(stream);
    if (s.declaredType == StreamType::Recycle || from == to)
        return StreamType::Recycle;
    const auto& nodes = impl_->plant->nodes;
    if (nodes[from].kind == NodeKind::Source)
        return StreamType::Intake;
    switch (nodes[to].kind) {
    case NodeKind::Discharge:
        return StreamType::Discharge;
    case NodeKind::Consumption:
        return StreamType::Consumption;
    case NodeKind::Loss:
        return StreamType::Leakage;
    default:
        return StreamType::Cascade;
    }
}

std::vector<StreamIndex> PlantGraph::inStreams(NodeIndex node) const {
    std::vector<StreamIndex> result;
    for (auto [it, end] = boost::in_edges(node, impl_->graph); it != end; ++it)
        result.push_back(impl_->graph[*it].stream);
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<StreamIndex> PlantGraph::outStreams(NodeIndex node) const {
    std::vector<StreamIndex> result;
    for (auto [it, end] = boost::out_edges(node, impl_->graph); it != end; ++it)
        result.push_back(impl_->graph[*it].stream);
    std::sort(result.begin(), result.end());
    return result;
}

std::span<const NodeIndex> PlantGraph::children(NodeIndex group) const {
    return impl_->childrenOf.at(group);
}

std::span<const NodeIndex> PlantGraph::topLevel() const {
    return impl_->roots;
}

std::vector<NodeIndex> PlantGraph::unitsUnder(NodeIndex group) const {
    std::vector<NodeIndex> units;
    std::vector<NodeIndex> pending{group};
    std::vector<bool> seen(impl_->plant->nodes.size(), false);
    while (!pending.empty()) {
        const NodeIndex n = pending.back();
        pending.pop_back();
        if (seen[n])
            continue; // parent cycles must not loop forever
        seen[n] = true;
        for (NodeIndex child : impl_->childrenOf[n]) {
            if (impl_->plant->nodes[child].kind == NodeKind::Unit)
                units.push_back(child);
            else
                pending.push_back(child);
        }
    }
    std::sort(units.begin(), units.end());
    return units;
}

int PlantGraph::level(NodeIndex node) const {
    return impl_->levelOf.at(node);
}

std::optional<NodeIndex> PlantGraph::parentGroup(NodeIndex node) const {
    return impl_->parentOf.at(node);
}

std::vector<NodeIndex> PlantGraph::unitsCutOffFromBoundary() const {
    // Everything a chain of streams (either direction) links to a boundary node with a stream is
    // reached by one search from all of them at once; the units left over are cut off. The search
    // walks the graph as it is (no undirected copy: at 100,000 streams the copy cost more).
    const auto& nodes = impl_->plant->nodes;
    const Graph& graph = impl_->graph;
    std::vector<bool> reached(nodes.size(), false);
    std::vector<NodeIndex> pending;
    for (NodeIndex i = 0; i < nodes.size(); ++i)
        if (isBoundary(nodes[i].kind) && boost::degree(i, graph) > 0) {
            reached[i] = true;
            pending.push_back(i);
        }
    while (!pending.empty()) {
        const NodeIndex n = pending.back();
        pending.pop_back();
        auto visit = [&](NodeIndex next) {
            if (!reached[next]) {
                reached[next] = true;
                pending.push_back(next);
            }
        };
        for (auto [it, end] = boost::out_edges(n, graph); it != end; ++it)
            visit(boost::target(*it, graph));
        for (auto [it, end] = boost::in_edges(n, graph); it != end; ++it)
            visit(boost::source(*it, graph));
    }
    std::vector<NodeIndex> cutOff;
    for (NodeIndex i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NodeKind::Unit && !reached[i])
            cutOff.push_back(i);
    return cutOff;
}

} // namespace shuiheng
