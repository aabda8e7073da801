#pragma once
// Helpers of the indicator tests: plants from JSON text, indicators by key, values compared.

#include "indicators/plant_indicators.h"
#include "io/plant_file.h"
#include "validation/validate_plant.h"

#include <QtTest>
#include <cmath>
#include <string>

namespace shuiheng::test {

/// The plant the text holds; the test fails (fatally) when it is not a valid plant file.
inline Plant plantFromJson(const std::string& text) {
    PlantFileResult parsed = parsePlantJson(text);
    if (!parsed.plant)
        qFatal("not a plant file");
    Diagnostics all = parsed.diagnostics;
    const Diagnostics semantic = validatePlant(*parsed.plant);
    all.insert(all.end(), semantic.begin(), semantic.end());
    for (const Diagnostic& d : all)
        if (d.severity == Severity::Error)
            qFatal("invalid plant: %s", d.toString().c_str());
    return std::move(*parsed.plant);
}

/// The indicator, or a fatal failure naming it.
inline const indicators::Indicator& get(const indicators::IndicatorReport& report, const std::string& key,
                                        const std::string& scope = "site") {
    const indicators::Indicator* i = report.find(key, scope);
    if (!i)
        qFatal("no indicator %s at %s", key.c_str(), scope.c_str());
    return *i;
}

inline bool near(double a, double b, double relative = 1e-9) {
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace shuiheng::test
