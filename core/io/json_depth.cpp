#include "io/json_depth.h"

#include <algorithm>
#include <charconv>
#include <system_error>

namespace shuiheng {

std::optional<std::size_t> jsonNestingTooDeep(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // skip the escaped character
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Whether a JSON number token is too large for a double (as opposed to fine, or too small,
/// which parsers round to zero). Locale-independent.
bool overflows(std::string_view token) {
    double value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc::result_out_of_range)
        return false;
    // Out of range either way: decide by the decimal order of magnitude of the first significant digit.
    std::size_t i = token.empty() || token[0] != '-' ? 0 : 1;
    long long order = 0;
    bool significant = false, afterPoint = false;
    for (; i < token.size() && (isDigit(token[i]) || token[i] == '.'); ++i) {
        if (token[i] == '.') {
            afterPoint = true;
        } else if (!significant && token[i] != '0') {
            significant = true;
            if (!afterPoint)
                order = 1;
        } else if (significant && !afterPoint) {
            ++order;
        } else if (!significant && afterPoint) {
            --order;
        }
    }
    if (!significant)
        return false;
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        const bool negative = i < token.size() && token[i] == '-';
        if (i < token.size() && (token[i] == '-' || token[i] == '+'))
            ++i;
        long long exponent = 0;
        for (; i < token.size() && isDigit(token[i]); ++i)
            exponent = exponent > 1'000'000'000 ? exponent : exponent * 10 + (token[i] - '0');
        order += negative ? -exponent : exponent;
    }
    return order > 0;
}

struct Frame {
    bool object = false;
    bool expectKey = false; ///< object: the next string is a key
    std::string key;        ///< object: the current member
    std::size_t index = 0;  ///< array: the current element
};

} // namespace

std::vector<OverflowingNumber> findOverflowingNumbers(std::string_view text) {
    std::vector<OverflowingNumber> found;
    std::vector<Frame> stack;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            std::size_t end = i + 1;
            while (end < text.size() && text[end] != '"')
                end += text[end] == '\\' ? 2 : 1;
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                // Keys are kept as written; plant-file keys have no escapes.
                stack.back().key = std::string(text.substr(i + 1, std::min(end, text.size()) - i - 1));
                stack.back().expectKey = false;
            }
            i = end;
        } else if (c == '{' || c == '[') {
            if (stack.size() >= maxJsonNesting)
                return found; // not a text the parser would have read this far
            stack.push_back({c == '{', c == '{', {}, 0});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty()) {
                if (stack.back().object)
                    stack.back().expectKey = true;
                else
                    ++stack.back().index;
            }
        } else if (c == '-' || isDigit(c)) {
            std::size_t end = i + 1;
            while (end < text.size() && (isDigit(text[end]) || text[end] == '.' || text[end] == 'e' ||
                                         text[end] == 'E' || text[end] == '+' || text[end] == '-'))
                ++end;
            if (overflows(text.substr(i, end - i))) {
                OverflowingNumber number{i, end - i, {}};
                for (const Frame& frame : stack)
                    number.path.push_back(frame.object ? JsonPathStep(frame.key) : JsonPathStep(frame.index));
                found.push_back(std::move(number));
            }
            i = end - 1;
        }
    }
    return found;
}

} // namespace shuiheng
