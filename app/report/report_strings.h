#pragma once
// The report's templates and its words: templates/report.html.mustache (the structure) and
// templates/report.<lang>.json (every heading, column and sentence in one language). Built into the
// library as Qt resources; a directory given instead (a bureau's own templates) is read from disk.

#include "indicators/indicator.h"
#include "text/message.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace shuiheng::report {

struct ReportTexts {
    std::string html;     ///< the mustache template
    nlohmann::json words; ///< the strings of one language
};

/// `lang`: "zh" or "en". `dir` empty: the built-in templates. nullopt with `error` when a file is
/// missing or its JSON is broken. Words without "indicators" take the names of the message
/// catalogue's terms (data/messages/<lang>.json, docs/messages.md).
std::optional<ReportTexts> loadReportTexts(const std::string& lang, const std::string& dir,
                                           std::string& error);

/// words[group][key] as text, or `key` itself when the table lacks it (an unknown indicator key
/// stays readable).
std::string word(const nlohmann::json& words, const std::string& group, const std::string& key);

/// A sentence of core's (a reason an indicator has no value, a benchmarking note) in the report's
/// language (words["lang"]) through the message catalogue (docs/messages.md); `english`, core's
/// rendering, when the message is empty.
std::string coreMessage(const nlohmann::json& words, const text::Message& message,
                        const std::string& english);

/// A term of core's catalogue (a shipped table's verification status, an industry) in the report's
/// language (words["lang"]); the text itself when the catalogue lacks it (a bureau's own words).
std::string coreTerm(const nlohmann::json& words, const std::string& term);

/// An indicator's remark in the report and the spreadsheet: why it has no value, else its formula
/// (the words' `formulas`, else core's).
std::string indicatorRemark(const nlohmann::json& words, const indicators::Indicator& indicator);

} // namespace shuiheng::report
