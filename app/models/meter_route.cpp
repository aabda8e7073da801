#include "meter_route.h"

#include "model/plant.h"
#include "qt_text.h"

#include <algorithm>
#include <set>

std::vector<const shuiheng::Meter*> routeOrder(const shuiheng::Plant& plant,
                                               const std::vector<std::string>& route) {
    std::vector<const shuiheng::Meter*> ordered;
    std::set<std::string> placed;
    auto inService = [&](const std::string& id) -> const shuiheng::Meter* {
        const auto it = std::find_if(plant.meters.cbegin(), plant.meters.cend(),
                                     [&](const shuiheng::Meter& m) { return m.id == id; });
        return it != plant.meters.cend() && it->removed.empty() ? &*it : nullptr;
    };
    for (const std::string& id : route)
        if (const shuiheng::Meter* meter = inService(id); meter && placed.insert(id).second)
            ordered.push_back(meter);
    for (const shuiheng::Meter& meter : plant.meters)
        if (meter.removed.empty() && placed.insert(meter.id).second)
            ordered.push_back(&meter);
    return ordered;
}

QString meterLocation(const shuiheng::Plant& plant, const shuiheng::Meter& meter) {
    auto nodeName = [&](const std::string& id) {
        const auto node = std::find_if(plant.nodes.cbegin(), plant.nodes.cend(),
                                       [&](const shuiheng::Node& n) { return n.id == id; });
        return toQString(node != plant.nodes.cend() && !node->name.empty() ? node->name : id);
    };
    const auto stream = std::find_if(plant.streams.cbegin(), plant.streams.cend(),
                                     [&](const shuiheng::Stream& s) { return s.id == meter.stream; });
    if (stream == plant.streams.cend())
        return toQString(meter.stream);
    return QStringLiteral("%1 · %2 → %3")
        .arg(toQString(stream->id), nodeName(stream->from), nodeName(stream->to));
}
