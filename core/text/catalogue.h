#pragma once
// A language for core's messages (docs/messages.md): code → template and term → name, read from
// data/messages/<lang>.json. English is built into core (the registry's templates, terms said as
// their keys), so what the CLI and the JSON documents print does not depend on any file. A code a
// catalogue lacks falls back to English; a term it lacks stays its key.

#include "text/message.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::text {

struct Catalogue {
    std::string language;                                     ///< "en", "zh", ...
    std::map<std::string, std::string, std::less<>> messages; ///< code → template
    std::map<std::string, std::string, std::less<>> terms;    ///< key → name

    /// The template of `code` (English when this catalogue lacks it), or nullptr for an unknown code.
    const std::string* pattern(std::string_view code) const;
    /// The name of a term, or the key itself.
    std::string term(std::string_view key) const;
};

/// Core's English: the registry's templates, no terms.
const Catalogue& english();

struct CatalogueResult {
    std::optional<Catalogue> catalogue; ///< absent when the file cannot be used at all
    std::vector<std::string> errors;    ///< each naming the code or the field
};

/// Reads {"language": "zh", "messages": {code: template}, "terms": {key: name}}. An unknown code,
/// or a placeholder its code does not carry, is an error (the entry is left out, the rest is kept).
CatalogueResult parseCatalogue(std::string_view json);

/// How a number is written: `spec` is the fmt format spec core asked for (".4g"). The default
/// writes it as core's English does.
using NumberFormat = std::function<std::string(double value, std::string_view spec)>;

/// A number for people rather than for parsing: as `spec` asks (".6g"), but where that would write an
/// exponent for a number people read in full (1e-4 ≤ |value| < 1e15: an annual intake of
/// 2,054,740 m³, not 2.05474e+06) the same significant digits in fixed notation, trailing zeros of
/// the fraction left out. Other specs, and numbers outside that range, as core writes them.
std::string plainNumber(double value, std::string_view spec);

/// The message in the catalogue's language.
std::string render(const Message& message, const Catalogue& catalogue, const NumberFormat& numbers = {});
/// The message in core's English (what the std::string fields beside it hold).
std::string english(const Message& message);

} // namespace shuiheng::text
