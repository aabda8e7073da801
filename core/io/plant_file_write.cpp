// Writing a plant file: Plant → JSON in the contract's field order, unknown fields restored.

#include "io/atomic_file.h"
#include "io/plant_file.h"

#include <nlohmann/json.hpp>

namespace shuiheng {
namespace {

using Json = nlohmann::ordered_json;

void putExtras(Json& object, const ExtraFields& extra) {
    for (const auto& [key, raw] : extra)
        object[key] = Json::parse(raw);
}

/// An optional text field: written when not empty.
void putString(Json& object, const char* key, const std::string& value) {
    if (!value.empty())
        object[key] = value;
}

Json toJson(const Node& node) {
    Json j;
    j["id"] = node.id;
    if (!node.name.empty())
        j["name"] = node.name;
    j["kind"] = toString(node.kind);
    if (!node.parent.empty())
        j["parent"] = node.parent;
    if (node.origin)
        j["origin"] = toString(*node.origin);
    if (!node.category.empty())
        j["category"] = node.category;
    putExtras(j, node.extra);
    return j;
}

Json toJson(const Stream& stream) {
    Json j;
    j["id"] = stream.id;
    j["from"] = stream.from;
    j["to"] = stream.to;
    if (stream.declaredType)
        j["type"] = toString(*stream.declaredType);
    if (stream.measurement) {
        Json m;
        m["value"] = stream.measurement->value;
        m["sigma"] = stream.measurement->sigma;
        putExtras(m, stream.measurement->extra);
        j["measurement"] = std::move(m);
    }
    putExtras(j, stream.extra);
    return j;
}

Json toJson(const Meter& meter) {
    Json j;
    j["id"] = meter.id;
    j["stream"] = meter.stream;
    j["kind"] = toString(meter.kind);
    j["unit"] = meter.unit;
    j["mpe"] = meter.mpe;
    if (meter.rollover)
        j["rollover"] = *meter.rollover;
    if (meter.kind == MeterKind::Totalizer || meter.factor != 1)
        j["factor"] = meter.factor;
    putString(j, "serial", meter.serial);
    putString(j, "qrText", meter.qrText);
    if (meter.method)
        j["method"] = toString(*meter.method);
    if (meter.dn)
        j["dn"] = *meter.dn;
    putString(j, "accuracyClass", meter.accuracyClass);
    putString(j, "calibrationDate", meter.calibrationDate);
    putString(j, "calibrationDue", meter.calibrationDue);
    putString(j, "certificate", meter.certificate);
    if (meter.level)
        j["level"] = *meter.level;
    putString(j, "installed", meter.installed);
    putString(j, "removed", meter.removed);
    putExtras(j, meter.extra);
    return j;
}

Json toJson(const Reading& reading) {
    Json j;
    j["meter"] = reading.meter;
    j["time"] = reading.time;
    j["value"] = reading.value;
    putString(j, "technician", reading.technician);
    putString(j, "device", reading.device);
    putString(j, "note", reading.note);
    putString(j, "photo", reading.photo);
    putExtras(j, reading.extra);
    return j;
}

template <typename Item>
Json toJsonList(const std::vector<Item>& items) {
    Json list = Json::array();
    for (const Item& item : items)
        list.push_back(toJson(item));
    return list;
}

} // namespace

std::string toPlantJson(const Plant& plant) {
    Json j;
    j["format"] = plantFileFormat;
    j["version"] = plantFileVersion;
    j["name"] = plant.name;
    j["flowUnit"] = plant.flowUnit;
    j["nodes"] = toJsonList(plant.nodes);
    j["streams"] = toJsonList(plant.streams);
    if (!plant.meters.empty())
        j["meters"] = toJsonList(plant.meters);
    if (!plant.readings.empty())
        j["readings"] = toJsonList(plant.readings);
    if (plant.production) {
        Json p;
        p["quantity"] = plant.production->quantity;
        p["unit"] = plant.production->unit;
        p["per"] = plant.production->per;
        putExtras(p, plant.production->extra);
        j["production"] = std::move(p);
    }
    putExtras(j, plant.extra);
    return j.dump(2) + "\n";
}

std::string savePlantFile(const std::filesystem::path& path, const Plant& plant) {
    return writeFileAtomically(path, toPlantJson(plant));
}

} // namespace shuiheng
