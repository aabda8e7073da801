#pragma once
// Small pieces every SVG writer of the report needs: XML escaping and compact numbers.

#include <string>
#include <string_view>

namespace shuiheng::report {

/// Text safe inside an XML element or attribute.
std::string xmlEscape(std::string_view text);

/// A coordinate or size: at most two decimals, no trailing zeros ("12.5", "3").
std::string svgNumber(double value);

/// The font families the diagrams ask for: CJK first, so Chinese names render in the PDF.
inline constexpr std::string_view svgFontFamily = "Noto Sans CJK SC, Noto Sans, sans-serif";

} // namespace shuiheng::report

namespace shuiheng::report {

/// Rough width of a UTF-8 text at a font size: CJK characters one em, others 0.6 em. Enough to
/// give a label a background or to shorten a name; the renderer measures the real glyphs.
double approximateTextWidth(std::string_view text, double fontSize);

/// The text cut to at most `maxWidth` (approximately), ending in "…" when cut.
std::string elide(std::string_view text, double fontSize, double maxWidth);

} // namespace shuiheng::report
