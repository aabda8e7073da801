#include "store/plant_delta.h"

#include "io/plant_file.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace shuiheng::store {
namespace {

using Json = nlohmann::json;

/// The structure only, in plant-file JSON: the same spelling the file and the contract use.
Json structureJson(const Plant& plant) {
    Plant structure;
    structure.name = plant.name;
    structure.flowUnit = plant.flowUnit;
    structure.nodes = plant.nodes;
    structure.streams = plant.streams;
    return Json::parse(toPlantJson(structure));
}

std::vector<std::string> idsOf(const Json& list) {
    std::vector<std::string> ids;
    for (const Json& item : list)
        ids.push_back(item.value("id", std::string()));
    return ids;
}

/// One list's change from `before` to `after`: objects new or different, ids gone, order if changed.
Json diffList(const Json& before, const Json& after) {
    std::map<std::string, const Json*> old;
    for (const Json& item : before)
        old[item.value("id", std::string())] = &item;
    Json set = Json::array();
    std::set<std::string> kept;
    for (const Json& item : after) {
        const std::string id = item.value("id", std::string());
        kept.insert(id);
        const auto it = old.find(id);
        if (it == old.end() || *it->second != item)
            set.push_back(item);
    }
    Json remove = Json::array();
    for (const auto& [id, item] : old)
        if (!kept.contains(id))
            remove.push_back(id);
    Json out = Json::object();
    if (!set.empty())
        out["set"] = set;
    if (!remove.empty())
        out["remove"] = remove;
    if (idsOf(after) != idsOf(before))
        out["order"] = idsOf(after);
    return out;
}

Json diffStructure(const Json& before, const Json& after) {
    Json out = Json::object();
    for (const char* field : {"name", "flowUnit"})
        if (before.value(field, Json()) != after.value(field, Json()))
            out[field] = after.value(field, Json());
    for (const char* list : {"nodes", "streams"})
        if (Json d = diffList(before[list], after[list]); !d.empty())
            out[list] = d;
    return out;
}

Status applyList(Json& list, const Json& change, const char* what) {
    if (!change.is_object())
        return {ErrorKind::Damaged, std::string("the edit journal's ") + what + " change is not an object"};
    if (const auto remove = change.find("remove"); remove != change.end()) {
        std::set<std::string> gone;
        for (const Json& id : *remove)
            if (id.is_string())
                gone.insert(id.get<std::string>());
        Json kept = Json::array();
        for (Json& item : list)
            if (!gone.contains(item.value("id", std::string())))
                kept.push_back(std::move(item));
        list = std::move(kept);
    }
    if (const auto set = change.find("set"); set != change.end()) {
        for (const Json& item : *set) {
            if (!item.is_object() || !item.contains("id"))
                return {ErrorKind::Damaged, std::string("the edit journal has a ") + what + " without an id"};
            bool replaced = false;
            for (Json& existing : list)
                if (existing.value("id", std::string()) == item["id"]) {
                    existing = item;
                    replaced = true;
                }
            if (!replaced)
                list.push_back(item);
        }
    }
    if (const auto order = change.find("order"); order != change.end()) {
        std::map<std::string, std::size_t> rank;
        for (const Json& id : *order)
            if (id.is_string())
                rank.emplace(id.get<std::string>(), rank.size());
        // Ids the order does not know (added meanwhile by someone else) keep their place at the end.
        std::stable_sort(list.begin(), list.end(), [&](const Json& a, const Json& b) {
            const auto ra = rank.find(a.value("id", std::string()));
            const auto rb = rank.find(b.value("id", std::string()));
            return (ra == rank.end() ? rank.size() : ra->second) <
                   (rb == rank.end() ? rank.size() : rb->second);
        });
    }
    return {};
}

} // namespace

PlantDelta diffPlants(const Plant& before, const Plant& after) {
    const Json a = structureJson(before);
    const Json b = structureJson(after);
    const Json forward = diffStructure(a, b);
    if (forward.empty())
        return {};
    return {forward.dump(), diffStructure(b, a).dump(), false};
}

Status applyPlantDelta(Plant& plant, const std::string& delta) {
    const Json change = Json::parse(delta, nullptr, false);
    if (change.is_discarded() || !change.is_object())
        return {ErrorKind::Damaged, "an entry of the edit journal is not valid JSON"};
    Json structure = structureJson(plant);
    for (const char* field : {"name", "flowUnit"})
        if (change.contains(field))
            structure[field] = change[field];
    for (const char* list : {"nodes", "streams"})
        if (change.contains(list))
            if (Status s = applyList(structure[list], change[list], list); !s)
                return s;
    PlantFileResult parsed = parsePlantJson(structure.dump());
    if (!parsed.plant)
        return {ErrorKind::Damaged, "an entry of the edit journal does not give a plant"};
    plant.name = parsed.plant->name;
    plant.flowUnit = parsed.plant->flowUnit;
    plant.nodes = std::move(parsed.plant->nodes);
    plant.streams = std::move(parsed.plant->streams);
    return {};
}

Status checkStorableIds(const Plant& plant) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < plant.nodes.size(); ++i) {
        const std::string& id = plant.nodes[i].id;
        if (id.empty())
            return {ErrorKind::InvalidInput, "node " + std::to_string(i + 1) + " has no id"};
        if (!seen.insert(id).second)
            return {ErrorKind::InvalidInput, "node id " + id + " is used twice"};
    }
    seen.clear();
    for (std::size_t i = 0; i < plant.streams.size(); ++i) {
        const std::string& id = plant.streams[i].id;
        if (id.empty())
            return {ErrorKind::InvalidInput, "stream " + std::to_string(i + 1) + " has no id"};
        if (!seen.insert(id).second)
            return {ErrorKind::InvalidInput, "stream id " + id + " is used twice"};
    }
    return {};
}

} // namespace shuiheng::store
