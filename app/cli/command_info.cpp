// shuiheng-cli info FILE: what the plant holds, counted per node kind, level and stream type,
// and the group hierarchy as a tree.

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/text_table.h"
#include "model/plant_graph.h"

#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>

namespace shuiheng::cli {
namespace {

void printTree(const PlantGraph& graph, NodeIndex node, int depth, std::ostream& out) {
    const Node& n = graph.plant().nodes[node];
    out << std::string(static_cast<std::size_t>(depth) * 2 + 2, ' ') << n.id << "  " << n.name << "  ["
        << toString(n.kind) << (n.category.empty() ? "" : ", " + n.category) << ", level "
        << graph.level(node) << "]\n";
    for (NodeIndex child : graph.children(node))
        printTree(graph, child, depth + 1, out);
}

void printInfo(const Plant& plant, std::ostream& out) {
    const PlantGraph graph(plant);
    out << "Plant: " << plant.name << "\nFlow unit: " << plant.flowUnit << "\n\n";

    std::map<std::string, std::map<int, int>> byKindAndLevel;
    for (NodeIndex i = 0; i < plant.nodes.size(); ++i)
        byKindAndLevel[std::string(toString(plant.nodes[i].kind))][graph.level(i)] += 1;
    TextTable nodes({"node kind", "level 2", "level 3", "level 4+", "total"},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Right});
    for (auto kind : {NodeKind::Source, NodeKind::Group, NodeKind::Unit, NodeKind::Discharge,
                      NodeKind::Consumption, NodeKind::Loss}) {
        const auto& levels = byKindAndLevel[std::string(toString(kind))];
        int deeper = 0, total = 0;
        for (const auto& [level, count] : levels) {
            total += count;
            if (level >= 4)
                deeper += count;
        }
        auto at = [&](int level) { return levels.contains(level) ? std::to_string(levels.at(level)) : "0"; };
        if (isBoundary(kind)) // boundary nodes stand outside the levels
            nodes.addRow({std::string(toString(kind)), "-", "-", "-", std::to_string(total)});
        else
            nodes.addRow(
                {std::string(toString(kind)), at(2), at(3), std::to_string(deeper), std::to_string(total)});
    }
    nodes.print(out);
    out << '\n';

    std::set<StreamIndex> metered; // a stream with two meters (a replacement) counts once
    for (const Meter& meter : plant.meters)
        if (auto s = graph.findStream(meter.stream))
            metered.insert(*s);
    std::map<StreamType, std::pair<int, int>> byType; // measured, unmeasured
    for (StreamIndex s = 0; s < plant.streams.size(); ++s) {
        auto& counts = byType[graph.typeOf(s)];
        (plant.streams[s].measurement || metered.contains(s) ? counts.first : counts.second) += 1;
    }
    TextTable streams(
        {"stream type", "measured", "unmeasured", "total"},
        {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right});
    int measured = 0, unmeasured = 0;
    for (const auto& [type, counts] : byType) {
        streams.addRow({std::string(toString(type)), std::to_string(counts.first),
                        std::to_string(counts.second), std::to_string(counts.first + counts.second)});
        measured += counts.first;
        unmeasured += counts.second;
    }
    streams.addRow(
        {"all", std::to_string(measured), std::to_string(unmeasured), std::to_string(measured + unmeasured)});
    streams.print(out);

    if (!plant.meters.empty() || !plant.readings.empty())
        out << fmt::format("\nCampaign data: {} meters, {} readings\n", plant.meters.size(),
                           plant.readings.size());
    if (plant.production)
        out << fmt::format("Production: {} {} per {}\n", plant.production->quantity, plant.production->unit,
                           plant.production->per);

    out << "\nLevels (1 = the site):\n  " << plant.name << "  [site, level 1]\n";
    for (NodeIndex top : graph.topLevel())
        if (plant.nodes[top].kind == NodeKind::Group || plant.nodes[top].kind == NodeKind::Unit)
            printTree(graph, top, 0, out);
}

} // namespace

void addInfoCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("info", "Summarise a plant: nodes per kind and level, streams per type");
    auto path = std::make_shared<std::string>();
    cmd->add_option("FILE", *path, "plant file")->required();
    cmd->callback([path, &status] {
        const auto plant = loadPlantOrReport(*path, std::cerr);
        if (!plant) {
            status = exitInvalidInput;
            return;
        }
        printInfo(*plant, std::cout);
        status = exitOk;
    });
}

} // namespace shuiheng::cli
