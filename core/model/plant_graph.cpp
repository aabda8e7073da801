#include "model/plant_graph.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace shuiheng {
namespace {

constexpr NodeIndex unconnected = static_cast<NodeIndex>(-1);

/// Per node, a list of streams in two flat arrays (compressed rows), filled in stream order so that
/// every list is in file order. At 100,000 streams a vector per node (as Boost.Graph keeps) costs
/// an allocation per node and a cache miss per look.
struct StreamLists {
    std::vector<std::size_t> start; // node i's streams are entries[start[i] .. start[i + 1])
    std::vector<StreamIndex> entries;

    void build(std::size_t nodeCount, const std::vector<NodeIndex>& endOf) {
        start.assign(nodeCount + 1, 0);
        for (NodeIndex n : endOf)
            if (n != unconnected)
                ++start[n + 1];
        for (std::size_t i = 1; i < start.size(); ++i)
            start[i] += start[i - 1];
        entries.resize(start.back());
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (StreamIndex s = 0; s < endOf.size(); ++s)
            if (endOf[s] != unconnected)
                entries[next[endOf[s]]++] = s;
    }
    std::span<const StreamIndex> of(NodeIndex n) const {
        return {entries.data() + start[n], start[n + 1] - start[n]};
    }
};

} // namespace

struct PlantGraph::Impl {
    const Plant* plant;
    std::unordered_map<std::string_view, NodeIndex> nodeById;
    /// Built at the first findStream: most users never look streams up by id.
    mutable std::unordered_map<std::string_view, StreamIndex> streamById;
    mutable std::once_flag streamIndexBuilt;
    std::vector<NodeIndex> fromOf, toOf; // by stream index; `unconnected` when out of the graph
    StreamLists inOf, outOf;             // by node: streams into it, out of it
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
        outOf.build(p.nodes.size(), fromOf);
        inOf.build(p.nodes.size(), toOf);
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
    const auto streams = impl_->inOf.of(node);
    return {streams.begin(), streams.end()};
}

std::vector<StreamIndex> PlantGraph::outStreams(NodeIndex node) const {
    const auto streams = impl_->outOf.of(node);
    return {streams.begin(), streams.end()};
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
        if (isBoundary(nodes[i].kind) && (!g.inOf.of(i).empty() || !g.outOf.of(i).empty())) {
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
        for (StreamIndex s : g.outOf.of(n))
            visit(g.toOf[s]);
        for (StreamIndex s : g.inOf.of(n))
            visit(g.fromOf[s]);
    }
    std::vector<NodeIndex> cutOff;
    for (NodeIndex i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NodeKind::Unit && !reached[i])
            cutOff.push_back(i);
    return cutOff;
}

} // namespace shuiheng
