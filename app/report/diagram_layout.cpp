#include "report/diagram_layout.h"

#include <algorithm>
#include <numeric>

namespace shuiheng::report {
namespace {

/// Streams that close a cycle of non-recycle streams, found by a depth-first search from the
/// sources in file order: without them the streams form a DAG whose longest paths give columns.
std::vector<bool> backwardStreams(const Plant& plant, const PlantGraph& graph) {
    const std::size_t n = plant.nodes.size();
    std::vector<bool> backward(plant.streams.size(), false);
    std::vector<int> state(n, 0); // 0 new, 1 on the stack, 2 done
    struct Frame {
        NodeIndex node;
        std::vector<StreamIndex> out;
        std::size_t next = 0;
    };
    auto visit = [&](NodeIndex root) {
        std::vector<Frame> stack;
        stack.push_back({root, graph.outStreams(root)});
        state[root] = 1;
        while (!stack.empty()) {
            Frame& top = stack.back();
            if (top.next == top.out.size()) {
                state[top.node] = 2;
                stack.pop_back();
                continue;
            }
            const StreamIndex s = top.out[top.next++];
            const NodeIndex to = graph.toNode(s);
            if (to == top.node || graph.typeOf(s) == StreamType::Recycle)
                continue;
            if (state[to] == 1)
                backward[s] = true;
            else if (state[to] == 0) {
                state[to] = 1;
                stack.push_back({to, graph.outStreams(to)});
            }
        }
    };
    for (NodeIndex k = 0; k < n; ++k)
        if (plant.nodes[k].kind == NodeKind::Source && state[k] == 0)
            visit(k);
    for (NodeIndex k = 0; k < n; ++k)
        if (plant.nodes[k].kind != NodeKind::Group && state[k] == 0)
            visit(k);
    return backward;
}

/// Longest path from the sources over the forward streams (Kahn's order).
std::vector<int> columns(const Plant& plant, const PlantGraph& graph, const std::vector<bool>& backward) {
    const std::size_t n = plant.nodes.size();
    std::vector<int> column(n, 0), indegree(n, 0);
    auto forward = [&](StreamIndex s) {
        return graph.isConnected(s) && !backward[s] && graph.fromNode(s) != graph.toNode(s) &&
               graph.typeOf(s) != StreamType::Recycle;
    };
    for (StreamIndex s = 0; s < plant.streams.size(); ++s)
        if (forward(s))
            ++indegree[graph.toNode(s)];
    std::vector<NodeIndex> ready;
    for (NodeIndex k = 0; k < n; ++k)
        if (indegree[k] == 0)
            ready.push_back(k);
    while (!ready.empty()) {
        const NodeIndex k = ready.back();
        ready.pop_back();
        for (StreamIndex s : graph.outStreams(k)) {
            if (!forward(s))
                continue;
            const NodeIndex to = graph.toNode(s);
            column[to] = std::max(column[to], column[k] + 1);
            if (--indegree[to] == 0)
                ready.push_back(to);
        }
    }
    int last = 1;
    for (NodeIndex k = 0; k < n; ++k) {
        if (plant.nodes[k].kind == NodeKind::Source)
            column[k] = 0;
        else if (plant.nodes[k].kind == NodeKind::Unit)
            column[k] = std::max(column[k], 1);
        if (plant.nodes[k].kind == NodeKind::Unit)
            last = std::max(last, column[k] + 1);
    }
    for (NodeIndex k = 0; k < n; ++k)
        if (isSink(plant.nodes[k].kind))
            column[k] = last;
    return column;
}

} // namespace

DiagramLayout layeredLayout(const Plant& plant, const PlantGraph& graph, const LayoutMetrics& m) {
    DiagramLayout layout;
    const std::size_t n = plant.nodes.size();
    layout.boxes.assign(n, std::nullopt);
    layout.backward = backwardStreams(plant, graph);
    const std::vector<int> column = columns(plant, graph, layout.backward);

    int columnCount = 0;
    for (NodeIndex k = 0; k < n; ++k)
        if (plant.nodes[k].kind != NodeKind::Group)
            columnCount = std::max(columnCount, column[k] + 1);
    std::vector<std::vector<NodeIndex>> byColumn(static_cast<std::size_t>(columnCount));
    for (NodeIndex k = 0; k < n; ++k)
        if (plant.nodes[k].kind != NodeKind::Group)
            byColumn[static_cast<std::size_t>(column[k])].push_back(k);

    // Rows: file order first, then two sweeps ordering each column by the mean row of its
    // neighbours in the column before (fewer crossings; stable for ties).
    std::vector<double> row(n, 0);
    for (auto& nodes : byColumn)
        for (std::size_t r = 0; r < nodes.size(); ++r)
            row[nodes[r]] = static_cast<double>(r);
    for (int sweep = 0; sweep < 2; ++sweep) {
        for (std::size_t c = 1; c < byColumn.size(); ++c) {
            auto& nodes = byColumn[c];
            std::vector<double> key(nodes.size());
            for (std::size_t r = 0; r < nodes.size(); ++r) {
                double sum = 0;
                int count = 0;
                for (StreamIndex s : graph.inStreams(nodes[r])) {
                    const NodeIndex from = graph.fromNode(s);
                    if (from != nodes[r] && column[from] < static_cast<int>(c)) {
                        sum += row[from];
                        ++count;
                    }
                }
                key[r] = count ? sum / count : row[nodes[r]];
            }
            std::vector<std::size_t> order(nodes.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return key[a] < key[b]; });
            std::vector<NodeIndex> sorted;
            for (std::size_t r : order)
                sorted.push_back(nodes[r]);
            nodes = std::move(sorted);
            for (std::size_t r = 0; r < nodes.size(); ++r)
                row[nodes[r]] = static_cast<double>(r);
        }
    }

    std::size_t tallest = 0;
    for (const auto& nodes : byColumn)
        tallest = std::max(tallest, nodes.size());
    const double pitch = m.boxHeight + m.rowGap;
    const double fullHeight = static_cast<double>(tallest) * pitch - m.rowGap;
    for (std::size_t c = 0; c < byColumn.size(); ++c) {
        const auto& nodes = byColumn[c];
        // Centre each column vertically: short columns sit in the middle of the tall ones.
        const double top =
            m.margin + (fullHeight - (static_cast<double>(nodes.size()) * pitch - m.rowGap)) / 2;
        for (std::size_t r = 0; r < nodes.size(); ++r)
            layout.boxes[nodes[r]] = DiagramBox{
                m.margin + static_cast<double>(c) * (m.boxWidth + m.columnGap),
                top + static_cast<double>(r) * pitch, m.boxWidth, m.boxHeight, static_cast<int>(c)};
    }
    layout.width = 2 * m.margin + static_cast<double>(columnCount) * (m.boxWidth + m.columnGap) - m.columnGap;
    layout.height = 2 * m.margin + fullHeight + 40; // room below for backward streams
    return layout;
}

} // namespace shuiheng::report
