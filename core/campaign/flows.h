#pragma once
// From meter readings to measured flows (shared/contract.md, "Campaign data in the plant file"):
// interval flows of totalizers (rollover and meter replacement handled), unit conversion to the
// plant's flow unit, the mean, u_A = s/√n, u_B = mpe·|value|/√3, σ = √(u_A² + u_B²), a data
// quality grade, and the readings each flow came from.

#include "model/plant.h"
#include "validation/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::campaign {

/// How far a flow can be trusted, for the report (A best).
enum class QualityGrade { A, B, C, D };

/// One interval of a totalizer (two consecutive readings) or one flowrate reading.
struct FlowSample {
    std::size_t firstReading = 0; ///< index into Plant::readings
    std::size_t lastReading = 0;  ///< same as firstReading for a flowrate reading
    double flow = 0;              ///< in the plant's flow unit
    bool rolledOver = false;      ///< the register passed its rollover in this interval
    std::size_t meter = 0;        ///< index into Plant::meters
    double hours = 0;             ///< length of the interval; 0 for a flowrate reading
};

struct DerivedFlow {
    std::string stream; ///< stream id
    std::string meter;  ///< meter id (the last one, when a replacement happened)
    double value = 0;   ///< mean flow, plant flow unit
    double sigma = 0;   ///< √(uA² + uB²)
    int n = 0;          ///< number of interval flows (totalizer) or readings (flowrate)
    double uA = 0;      ///< s/√n, 0 when n = 1
    double uB = 0;      ///< mpe·|value|/√3
    QualityGrade grade = QualityGrade::D;
    std::vector<std::string> gradeReasons; ///< why not A, in plain words
    std::vector<FlowSample> samples;       ///< traceability: what the mean is made of
    std::vector<std::string> meters;       ///< every meter that gave a sample, in time order
    double mpe = 0;                        ///< the mpe in uB: sample-count-weighted mean over `meters`
};

struct FlowDerivation {
    std::vector<DerivedFlow> flows; ///< one per metered stream with at least one sample
    Diagnostics diagnostics;        ///< meters with too few readings, intervals of zero length, ...
};

/// Flows of every metered stream of the plant (the plant must be valid).
FlowDerivation deriveFlows(const Plant& plant);

/// The plant with each metered stream's measurement set from its derived flow: what `balance`
/// reconciles when a plant file carries campaign data.
Plant withDerivedMeasurements(const Plant& plant, const FlowDerivation& derivation);

/// Both steps at once: the plant with every metered stream measured from its readings. A plant
/// without meters comes back as it is.
Plant withDerivedMeasurements(const Plant& plant);

std::string_view toString(QualityGrade grade);

} // namespace shuiheng::campaign
