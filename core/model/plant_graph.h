#pragma once
// Graph queries over a Plant: id lookup, stream types, in/out streams, the group hierarchy.
// Built once from a Plant and read-only after; its graphs (Boost.Graph, compressed sparse rows)
// stay in the .cpp.
// Streams whose ends do not resolve, or that touch a group, are left out of the graph
// (validation reports them); everything else works on a partially broken plant too.

#include "model/plant.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace shuiheng {

using NodeIndex = std::size_t;
using StreamIndex = std::size_t;

class PlantGraph {
public:
    explicit PlantGraph(const Plant& plant);
    ~PlantGraph();
    PlantGraph(PlantGraph&&) noexcept;
    PlantGraph& operator=(PlantGraph&&) noexcept;

    const Plant& plant() const;

    /// The first node or stream with that id (ids should be unique; validation says when not).
    std::optional<NodeIndex> findNode(std::string_view id) const;
    std::optional<StreamIndex> findStream(std::string_view id) const;

    /// Whether the stream is in the graph: both ends resolve to units, sources or sinks.
    bool isConnected(StreamIndex stream) const;
    NodeIndex fromNode(StreamIndex stream) const; ///< only for connected streams
    NodeIndex toNode(StreamIndex stream) const;   ///< only for connected streams

    /// The stream's type: `recycle` when declared or a self-loop, otherwise derived from its ends
    /// (source→unit intake, unit→unit cascade, unit→discharge/consumption/loss likewise).
    /// A connected stream only.
    StreamType typeOf(StreamIndex stream) const;

    /// Streams into / out of a node, self-loops included, in file order.
    std::vector<StreamIndex> inStreams(NodeIndex node) const;
    std::vector<StreamIndex> outStreams(NodeIndex node) const;

    /// Direct children (units and groups) of a group, in file order.
    std::span<const NodeIndex> children(NodeIndex group) const;
    /// Nodes with no parent: the level-2 groups and units directly under the site.
    std::span<const NodeIndex> topLevel() const;
    /// All units inside a group at any depth, in file order.
    std::vector<NodeIndex> unitsUnder(NodeIndex group) const;
    /// 1 is the site, 2 a node with no parent, one more per enclosing group.
    /// A node caught in a parent cycle gets 0.
    int level(NodeIndex node) const;
    /// The enclosing group, if the parent resolves to a group.
    std::optional<NodeIndex> parentGroup(NodeIndex node) const;

    /// Units that no chain of streams (either direction) links to a source or sink.
    std::vector<NodeIndex> unitsCutOffFromBoundary() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace shuiheng
