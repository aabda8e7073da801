#include "report/svg_text.h"

#include "layout/diagram_layout.h"

#include <cmath>
#include <fmt/format.h>

namespace shuiheng::report {

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

std::string elide(std::string_view text, double fontSize, double maxWidth) {
    const std::string whole(text);
    if (layout::estimatedTextWidth(whole, fontSize) <= maxWidth)
        return whole;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const std::string next = out + std::string(text.substr(i, len));
        if (layout::estimatedTextWidth(next, fontSize) + fontSize > maxWidth)
            break;
        out = next;
        i += len;
    }
    return out + "…";
}

} // namespace shuiheng::report
