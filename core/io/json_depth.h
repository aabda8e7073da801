#pragma once
// A guard against pathological nesting: checked before the JSON parser sees the text, so a
// file of a million '[' is refused at once, with no deep recursion anywhere.

#include <cstddef>
#include <optional>
#include <string_view>

namespace shuiheng {

inline constexpr std::size_t maxJsonNesting = 64;

/// The byte offset where nesting first exceeds `limit`, or nullopt when it never does.
std::optional<std::size_t> jsonNestingTooDeep(std::string_view text, std::size_t limit);

} // namespace shuiheng
