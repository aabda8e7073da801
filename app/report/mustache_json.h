#pragma once
// Rendering a kainjow mustache template with data given as JSON: objects become mustache objects,
// arrays lists, false/null/empty arrays falsy sections. Numbers are best formatted before they get
// here (the report's numbers are text with their decimals chosen).

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace shuiheng::report {

/// The rendered text; a template error (an unclosed section) gives an empty string and `error`.
std::string renderMustache(const std::string& templateText, const nlohmann::json& data, std::string& error);

} // namespace shuiheng::report
