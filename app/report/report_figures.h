#pragma once
// The report's figures as SVG: the water-balance diagram (水平衡图: reconciled value on every stream,
// width by flow, circulation in its unit), the meter network diagram (计量网络图: each metered stream
// with its meter and level, unmetered streams dashed) and the site Sankey diagram.

#include "layout/diagram_layout.h"
#include "report/report_results.h"
#include "report/sankey.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace shuiheng::report {

/// `diagram`: the plant's layout (layout::layoutPlant), made once for both diagrams.
std::string balanceDiagramSvg(const Plant& plant, const layout::DiagramLayout& diagram,
                              const ReportResults& results, const nlohmann::json& words);
std::string meterNetworkSvg(const Plant& plant, const layout::DiagramLayout& diagram,
                            const nlohmann::json& words);

/// Reconciled flows per stream, as the Sankey diagram takes them.
std::vector<std::optional<double>> reconciledFlows(const Plant& plant, const ReportResults& results);
Sankey siteSankeyOf(const Plant& plant, const ReportResults& results, const std::string& title);

} // namespace shuiheng::report
