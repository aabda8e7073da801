#include "campaign/meter_route.h"

#include "model/plant.h"

#include <algorithm>
#include <set>

namespace shuiheng {

std::vector<const Meter*> routeOrder(const Plant& plant, const std::vector<std::string>& route) {
    std::vector<const Meter*> ordered;
    std::set<std::string> placed;
    auto inService = [&](const std::string& id) -> const Meter* {
        const auto it = std::find_if(plant.meters.cbegin(), plant.meters.cend(),
                                     [&](const Meter& m) { return m.id == id; });
        return it != plant.meters.cend() && it->removed.empty() ? &*it : nullptr;
    };
    for (const std::string& id : route)
        if (const Meter* meter = inService(id); meter && placed.insert(id).second)
            ordered.push_back(meter);
    for (const Meter& meter : plant.meters)
        if (meter.removed.empty() && placed.insert(meter.id).second)
            ordered.push_back(&meter);
    return ordered;
}

std::string meterLocationText(const Plant& plant, const Meter& meter) {
    auto nodeName = [&](const std::string& id) {
        const auto node =
            std::find_if(plant.nodes.cbegin(), plant.nodes.cend(), [&](const Node& n) { return n.id == id; });
        return node != plant.nodes.cend() && !node->name.empty() ? node->name : id;
    };
    const auto stream = std::find_if(plant.streams.cbegin(), plant.streams.cend(),
                                     [&](const Stream& s) { return s.id == meter.stream; });
    if (stream == plant.streams.cend())
        return meter.stream;
    return stream->id + " · " + nodeName(stream->from) + " → " + nodeName(stream->to);
}

} // namespace shuiheng
