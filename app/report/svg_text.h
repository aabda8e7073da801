#pragma once
// Small pieces the report's SVG writers need beside core/layout's (escapeXml, estimatedTextWidth):
// compact numbers and names cut to fit.

#include <string>
#include <string_view>

namespace shuiheng::report {

/// A coordinate or size: at most two decimals, no trailing zeros ("12.5", "3").
std::string svgNumber(double value);

/// The text cut to at most `maxWidth` (as layout::estimatedTextWidth measures), ending in "…" when cut.
std::string elide(std::string_view text, double fontSize, double maxWidth);

/// The font families the diagrams ask for: CJK first, so Chinese names render in the PDF.
inline constexpr std::string_view svgFontFamily = "Noto Sans CJK SC, Noto Sans, sans-serif";

} // namespace shuiheng::report
