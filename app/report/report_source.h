#pragma once
// What a report is made from: the plant (with its campaign data) and what the project knows beyond
// the plant — the project's name, the enterprise, the test window. A project file (.shuiheng) gives
// all of it; a plant file gives the plant, and the rest comes from its optional "report" extension:
//
//   "report": {"enterprise": "…", "project": "…", "address": "…", "industry": "…",
//              "window": {"start": "ISO", "end": "ISO"}, "agency": "…",
//              "measures": [{"title": "…", "saving": 1.2, "note": "…"}]}

#include "model/plant.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::report {

/// A water-saving measure proposed in the report: its saving in the plant's flow unit.
struct Measure {
    std::string title;
    std::optional<double> saving;
    std::string note;
};

struct ReportSource {
    Plant plant;
    std::string path;        ///< the file it came from
    std::string projectName; ///< e.g. "2026 年度水平衡测试"; empty: the plant's name
    std::string enterprise;  ///< the enterprise tested; empty: the plant's name
    std::string address;
    std::string industry;
    std::string agency;      ///< the testing agency
    std::string windowStart; ///< ISO time; empty: from the readings
    std::string windowEnd;
    std::vector<Measure> measures;
};

/// Reads a plant file or a project file and checks the plant (validatePlant). nullopt with `error`
/// naming the file and what is wrong.
std::optional<ReportSource> loadReportSource(const std::string& path, std::string& error);

/// The plant's "report" extension read into `source` (fields of the wrong type are named in `error`
/// and ignored); a project's own metadata, set before, wins over it.
void readReportExtension(ReportSource& source, std::string& error);

} // namespace shuiheng::report
