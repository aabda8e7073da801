#include "model/plant_graph.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <mutex>
#include <unordered_map>

namespace shuiheng {
namespace {

constexpr NodeIndex unconnected = static_cast<NodeIndex>(-1);

struct StreamEdge {
    StreamIndex stream = 0;
};

/// The streams as Boost.Graph's compressed sparse row graph: per node one slice of two flat arrays.
/// Its construction from unsorted edges is a counting sort by source, which is stable: every node's
/// edges come out in stream (file) order. The graph is built once and never changed, which is what
/// CSR is for; an adjacency_list keeps a vector per node (an allocation per node and a cache miss
/// per look, 4× slower to validate a 100,000-stream plant).
using StreamGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, StreamEdge,
                                                       boost::no_property, NodeIndex, StreamIndex>;

/// The streams out of each node (by from → to) or into it (by to → from), in stream order.
StreamGraph streamGraph(std::size_t nodeCount, const std::vector<NodeIndex>& tail,
                        const std::vector<NodeIndex>& head) {
    std::vector<std::pair<NodeIndex, NodeIndex>> ends;
    std::vector<StreamEdge> streams;
    ends.reserve(tail.size());
    streams.reserve(tail.size());
    for (StreamIndex s = 0; s < tail.size(); ++s)
        if (tail[s] != unconnected) {
            ends.emplace_back(tail[s], head[s]);
            streams.push_back({s});
        }
    return StreamGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), streams.begin(),
                       nodeCount);
}

/// The streams of a node's edges in `graph`.
std::vector<StreamIndex> streamsAt(const StreamGraph& graph, NodeIndex node) {
    std::vector<StreamIndex> result;
    result.reserve(boost::out_degree(node, graph));
    for (auto [it, end] = boost::out_edges(node, graph); it != end; ++it)
        result.push_back(graph[*it].stream);
    return result;
}

} // namespace

struct PlantGraph::Impl {
    const Plant* plant;
    std::unordered_map<std::string_view, NodeIndex> nodeById;
    /// Built at the first findStream: most users never look streams up by id.
    mutable std::unordered_map<std::string_view, StreamIndex> streamById;
    mutable std::once_flag streamIndexBuilt;
    std::vector<NodeIndex> fromOf, toOf; // by stream index; `unconnected` when out of the graph
    StreamGraph outOf, inOf;             // from → to and to → from: streams out of a node, into it
    std::vector<std::vector<NodeIndex>> childrenOf;
    std::vector<NodeIndex> roots;
    std::vector<std::optional<NodeIndex>> parentOf;
    std::vector<int> levelOf;

    explicit Impl(const Plant& p)
        : plant(&p) {
        nodeById.reserve(p.nodes.size());
        for (NodeIndex i = 0; i < p.nodes.size(); ++i)
            nodeById.try_emplace(p.nodes[i].id, i);
        fromOf.assign(p.streams.size(), unconnected);
        toOf.assign(p.streams.size(), unconnected);
        for (StreamIndex s = 0; s < p.streams.size(); ++s) {
            const Stream& stream = p.streams[s];
            auto from = nodeById.find(stream.from);
            auto to = nodeById.find(stream.to);
            if (from == nodeById.end() || to == nodeById.end())
                continue;
            if (p.nodes[from->second].kind == NodeKind::Group || p.nodes[to->second].kind == NodeKind::Group)
                continue;
            fromOf[s] = from->second;
            toOf[s] = to->second;
        }
        outOf = streamGraph(p.nodes.size(), fromOf, toOf);
        inOf = streamGraph(p.nodes.size(), toOf, fromOf);
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
    return impl_->fromOf.at(stream) != unconnected;
}

NodeIndex PlantGraph::fromNode(StreamIndex stream) const {
    return impl_->fromOf.at(stream);
}

NodeIndex PlantGraph::toNode(StreamIndex stream) const {
    return impl_->toOf.at(stream);
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
    return streamsAt(impl_->inOf, node);
}

std::vector<StreamIndex> PlantGraph::outStreams(NodeIndex node) const {
    return streamsAt(impl_->outOf, node);
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
    const Impl& g = *impl_;
    std::vector<bool> reached(nodes.size(), false);
    std::vector<NodeIndex> pending;
    for (NodeIndex i = 0; i < nodes.size(); ++i)
        if (isBoundary(nodes[i].kind) &&
            (boost::out_degree(i, g.inOf) > 0 || boost::out_degree(i, g.outOf) > 0)) {
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
        // Both graphs hold every stream, one each way: their targets are the node's neighbours.
        for (auto [it, end] = boost::adjacent_vertices(n, g.outOf); it != end; ++it)
            visit(*it);
        for (auto [it, end] = boost::adjacent_vertices(n, g.inOf); it != end; ++it)
            visit(*it);
    }
    std::vector<NodeIndex> cutOff;
    for (NodeIndex i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NodeKind::Unit && !reached[i])
            cutOff.push_back(i);
    return cutOff;
}

} // namespace shuiheng
