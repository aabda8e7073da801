#include "network_plants.h"

#include <algorithm>
#include <string>

namespace shuiheng::layout::test {
namespace {

Node makeNode(std::string id, std::string name, NodeKind kind, std::string parent = {}) {
    Node n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.kind = kind;
    n.parent = std::move(parent);
    return n;
}

} // namespace

Plant plantFromNetwork(const balance::FlowNetwork& network) {
    Plant plant;
    plant.name = "随机工厂";
    const int groups = (network.nodeCount + 5) / 6;
    for (int j = 0; j < (groups + 2) / 3; ++j)
        plant.nodes.push_back(makeNode("T" + std::to_string(j), "车间" + std::to_string(j), NodeKind::Group));
    for (int k = 0; k < groups; ++k)
        plant.nodes.push_back(makeNode("G" + std::to_string(k), "工段" + std::to_string(k), NodeKind::Group,
                                       "T" + std::to_string(k / 3)));
    for (int i = 0; i < network.nodeCount; ++i) {
        Node unit = makeNode("U" + std::to_string(i), "用水单元" + std::to_string(i), NodeKind::Unit,
                             i % 7 == 3 ? std::string() : "G" + std::to_string(i / 6));
        unit.category = i % 5 == 0 ? "cooling" : "process";
        plant.nodes.push_back(unit);
    }
    const SourceOrigin origins[] = {SourceOrigin::Municipal, SourceOrigin::Groundwater,
                                    SourceOrigin::Reclaimed};
    for (int w = 0; w < 3; ++w) {
        Node source = makeNode("W" + std::to_string(w), "水源" + std::to_string(w), NodeKind::Source);
        source.origin = origins[w];
        plant.nodes.push_back(source);
    }
    plant.nodes.push_back(makeNode("D0", "污水管网", NodeKind::Discharge));
    plant.nodes.push_back(makeNode("D1", "雨水排口", NodeKind::Discharge));
    plant.nodes.push_back(makeNode("E0", "蒸发损失", NodeKind::Consumption));
    plant.nodes.push_back(makeNode("L0", "管网漏失", NodeKind::Loss));
    const char* sinks[] = {"D0", "D1", "E0", "L0"};

    for (std::size_t e = 0; e < network.edges.size(); ++e) {
        const balance::NetworkEdge& edge = network.edges[e];
        Stream s;
        s.id = "S" + std::to_string(e);
        s.from =
            edge.from == balance::environment ? "W" + std::to_string(e % 3) : "U" + std::to_string(edge.from);
        s.to = edge.to == balance::environment ? std::string(sinks[e % 4]) : "U" + std::to_string(edge.to);
        if (edge.measured)
            s.measurement = Measurement{*edge.measured, edge.sigma, {}};
        plant.streams.push_back(s);
    }
    return plant;
}

Plant randomLayoutPlant(std::uint64_t seed) {
    return plantFromNetwork(balance::test::randomPlant(seed).network);
}

Plant plantWithStreams(std::uint64_t seed, std::size_t streamCount) {
    // The generator adds whole workshops past its target: aim lower until the plant is close.
    balance::test::PlantShape shape;
    for (shape.edgeTarget = streamCount;; shape.edgeTarget -= std::max<std::size_t>(1, streamCount / 50)) {
        auto network = balance::test::generatePlant(seed, shape).network;
        if (network.edges.size() <= streamCount + streamCount / 20 || shape.edgeTarget <= streamCount / 2)
            return plantFromNetwork(network);
    }
}

} // namespace shuiheng::layout::test
