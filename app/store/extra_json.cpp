#include "store/extra_json.h"

#include <nlohmann/json.hpp>

namespace shuiheng::store {

std::string extrasToJson(const ExtraFields& extra) {
    if (extra.empty())
        return {};
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, raw] : extra) {
        try {
            object[key] = nlohmann::json::parse(raw);
        } catch (const nlohmann::json::exception&) {
            object[key] = raw; // not JSON after all: kept as a string rather than lost
        }
    }
    return object.dump();
}

ExtraFields extrasFromJson(const std::string& text) {
    ExtraFields extra;
    if (text.empty())
        return extra;
    try {
        const auto object = nlohmann::json::parse(text);
        if (object.is_object())
            for (const auto& [key, value] : object.items())
                extra.emplace(key, value.dump());
    } catch (const nlohmann::json::exception&) {
    }
    return extra;
}

} // namespace shuiheng::store
