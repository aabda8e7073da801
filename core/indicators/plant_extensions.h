#pragma once
// Plant-file extension fields the indicators and benchmarking read (docs/indicators.md,
// "Plant-file extensions"). They live in the plant's ExtraFields (kept as raw JSON by the
// reader); this reads and checks them. Nothing here changes the contract's fields.
//
//   node   "quotaBoundary": false          the unit (or every unit of the group) is outside the
//                                           quota boundary; true on a child brings it back in
//   node   "metered": {"value", "sigma"}   a source's own (level-1) meter, in the flowUnit
//   stream "medium": "steam" | "condensate" | "drift"
//   production "product": "粗钢", "staff": 850,
//              "valueAdded": {"amount": 52000, "per": "a"}   (万元 = 10⁴ CNY per period)
//              "outputValue": {"amount": 180000, "per": "a"}
//   top    "benchmark": {"industry": "steel", "quota": "TABLE/ROW", "region": "青海",
//                       "conditions": ["reclaimed-water"]}

#include "indicators/indicator.h"
#include "model/plant.h"
#include "validation/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::indicators {

enum class Medium { Water, Steam, Condensate, Drift };

/// An amount of money (万元, 10⁴ CNY) over a period ("a", "d", ...: model/units.h).
struct AmountPerPeriod {
    double amount = 0;
    std::string per;
};

struct PlantExtensions {
    std::vector<bool> inQuotaBoundary;   ///< per node (units meaningful); true unless excluded
    std::vector<std::string> excludedBy; ///< per node: the node whose "quotaBoundary": false excludes it
    bool boundaryDeclared = false;
    std::vector<std::optional<Measurement>> sourceMeter; ///< per node: a source's own meter
    std::vector<Medium> medium;                          ///< per stream
    std::string product;
    std::optional<double> staff;
    std::optional<AmountPerPeriod> valueAdded;
    std::optional<AmountPerPeriod> outputValue;
    BenchmarkSettings benchmark;
    Diagnostics diagnostics; ///< extension fields of the wrong type or value (errors: field ignored)
};

PlantExtensions readExtensions(const Plant& plant);

std::string_view toString(Medium medium);

} // namespace shuiheng::indicators
