#pragma once
// Guards run on the raw text around the JSON parser.
// - Pathological nesting is checked before the parser sees the text, so a file of a million '['
//   is refused at once, with no deep recursion anywhere.
// - A number too large for a double (1e999) makes the parser refuse the whole text without saying
//   where; findOverflowingNumbers finds each such number and the path of keys and indices to it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shuiheng {

inline constexpr std::size_t maxJsonNesting = 64;

/// The byte offset where nesting first exceeds `limit`, or nullopt when it never does.
std::optional<std::size_t> jsonNestingTooDeep(std::string_view text, std::size_t limit);

/// One step from a JSON value to a member (object key) or an element (array index).
using JsonPathStep = std::variant<std::string, std::size_t>;

struct OverflowingNumber {
    std::size_t offset = 0; ///< byte offset of the number in the text
    std::size_t length = 0; ///< its length in bytes
    std::vector<JsonPathStep> path;
};

/// Every number token outside strings whose magnitude overflows a double, in text order.
/// Meant for text the JSON parser refused for such a number; never fails on other text.
std::vector<OverflowingNumber> findOverflowingNumbers(std::string_view text);

} // namespace shuiheng
