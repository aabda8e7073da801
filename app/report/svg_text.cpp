#include "report/svg_text.h"

#include <cmath>
#include <fmt/format.h>

namespace shuiheng::report {

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string svgNumber(double value) {
    if (!std::isfinite(value))
        return "0";
    std::string s = fmt::format("{:.2f}", value);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

} // namespace shuiheng::report

namespace shuiheng::report {
namespace {

/// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t sequenceLength(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

} // namespace

double approximateTextWidth(std::string_view text, double fontSize) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequenceLength(static_cast<unsigned char>(text[i]));
        width += (len >= 3 ? 1.0 : 0.6) * fontSize;
        i += len;
    }
    return width;
}

std::string elide(std::string_view text, double fontSize, double maxWidth) {
    if (approximateTextWidth(text, fontSize) <= maxWidth)
        return std::string(text);
    std::string out;
    double width = fontSize; // room for the ellipsis
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequenceLength(static_cast<unsigned char>(text[i]));
        width += (len >= 3 ? 1.0 : 0.6) * fontSize;
        if (width > maxWidth)
            break;
        out.append(text.substr(i, len));
        i += len;
    }
    return out + "…";
}

} // namespace shuiheng::report
