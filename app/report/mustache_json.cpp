#include "report/mustache_json.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace shuiheng::report {
namespace {

namespace mst = kainjow::mustache;

mst::data toData(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::object: {
        mst::data object{mst::data::type::object};
        for (const auto& [key, value] : j.items())
            object.set(key, toData(value));
        return object;
    }
    case nlohmann::json::value_t::array: {
        mst::data list{mst::data::type::list};
        for (const auto& value : j)
            list.push_back(toData(value));
        return list;
    }
    case nlohmann::json::value_t::string:
        return mst::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
        return mst::data{j.get<bool>() ? mst::data::type::bool_true : mst::data::type::bool_false};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
        return mst::data{mst::data::type::bool_false};
    default: // numbers: their JSON spelling
        return mst::data{j.dump()};
    }
}

} // namespace

std::string renderMustache(const std::string& templateText, const nlohmann::json& data, std::string& error) {
    mst::mustache tmpl{templateText};
    if (!tmpl.is_valid()) {
        error = tmpl.error_message();
        return {};
    }
    std::string out = tmpl.render(toData(data));
    if (!tmpl.is_valid()) {
        error = tmpl.error_message();
        return {};
    }
    return out;
}

} // namespace shuiheng::report
