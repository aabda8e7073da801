#pragma once
// The water-balance diagram as SVG: vector, UTF-8 text (Chinese names as they are), one <g> per
// node, frame and stream with its id, so a report can style or link them. Each stream may carry a
// label (e.g. "12.4 ± 0.3"), a stroke width (e.g. proportional to its flow) and a dashed line (e.g.
// for a flow that cannot be known from the measurements).

#include "layout/diagram_layout.h"

#include <map>
#include <string>

namespace shuiheng::layout {

struct StreamStyle {
    std::string label;        ///< drawn at the path's middle; empty: none
    double strokeWidth = 1.5; ///< in points
    bool dashed = false;
    std::string color; ///< any SVG colour; empty: by stream type
};

struct SvgOptions {
    std::map<std::string, StreamStyle> streams; ///< by stream id; a stream not listed gets the defaults
    std::string title;                          ///< drawn top left when not empty
    double fontSize = 12;                       ///< should match LayoutOptions::fontSize
    bool showIds = true;                        ///< each node's id under its name
    /// What keeps a stream's label legible over the lines it crosses: a white outline around the
    /// letters, or a white box behind them (for PDF: Qt's PDF writer draws outlined text as
    /// shapes, which cannot be searched and make large diagrams slow).
    enum class LabelBackground { Outline, Box } labelBackground = LabelBackground::Outline;
    std::string fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
};

/// The diagram as a standalone SVG document.
std::string toSvg(const DiagramLayout& layout, const SvgOptions& options = {});

/// Text with &, <, >, " and ' escaped for XML.
std::string escapeXml(const std::string& text);

} // namespace shuiheng::layout
